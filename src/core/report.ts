/** SPEC §7: the report, the one model every host renders. */
import { z } from 'zod';
import { RULE_IDS, type RuleId } from '../i18n/rule-ids';
import { DECIDED_BY, LEVELS, type DecidedBy, type Level } from './levels-vocabulary';
import { RULE_SET_IDS } from './rule-sets/registry';

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

// The rule codes key the message catalogue, and core reads the catalogue, not the other way round:
// the list lives in src/i18n and the report re-exports it.
export { RULE_IDS, type RuleId };

export const SEVERITY_OF: Readonly<Record<RuleId, Severity>> = {
  unassigned: 'error',
  'multiple-leads': 'error',
  'unknown-unit': 'warning',
  overdue: 'error',
  'late-completion': 'warning',
  'missing-deadline': 'warning',
  'invalid-date': 'error',
  'invalid-value': 'error',
  'deadline-before-assigned': 'error',
  'completed-before-assigned': 'error',
  'completed-after-as-of': 'error',
  'duplicate-task': 'warning',
  'status-conflict': 'warning',
  'invalid-violations': 'error',
};

export { DECIDED_BY, LEVELS, type DecidedBy, type Level };

export const ROLES = ['leader', 'owner'] as const;
export type Role = (typeof ROLES)[number];

const TASK_STATUSES = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SheetReportSchema = z.object({
  name: z.string(),
  kind: z.enum(['task', 'inspection', 'registry']),
  headerRow: z.number().int().positive(),
  dataRows: z.number().int().nonnegative(),
  columns: z.record(z.string(), z.string().regex(/^[A-Z]+$/)),
});

export const TaskReportSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  leadUnits: z.array(z.string()),
  deadline: isoDate.nullable(),
  completed: isoDate.nullable(),
  status: z.enum(TASK_STATUSES),
  daysLate: z.number().int().nonnegative(),
  /** SPEC 1.3: a recurring task ("Thường xuyên") has no deadline and no fault. */
  recurring: z.boolean(),
});

export const FindingSchema = z.object({
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]+[1-9]\d*$/),
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string().min(1),
});

export const UnitReportSchema = z.object({
  name: z.string(),
  type: z.string().nullable(),
  head: z.string().nullable(),
  due: z.number().int().nonnegative(),
  doneOnTime: z.number().int().nonnegative(),
  doneLate: z.number().int().nonnegative(),
  openOverdue: z.number().int().nonnegative(),
  openOnTime: z.number().int().nonnegative(),
  violations: z.number().int().nonnegative(),
  disciplined: z.boolean(),
  score: z.number(),
  level: z.enum(LEVELS),
  /** SPEC 1.3: what kept the unit from the level above; its first reason says it in words. */
  decidedBy: z.enum(DECIDED_BY),
  reasons: z.array(z.string()),
});

/** SPEC §5 (1.3) people in charge: one entry per (role, person), tallied like a unit, without score or level. */
export const PersonReportSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  due: z.number().int().nonnegative(),
  doneOnTime: z.number().int().nonnegative(),
  doneLate: z.number().int().nonnegative(),
  openOverdue: z.number().int().nonnegative(),
  openOnTime: z.number().int().nonnegative(),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  asOf: isoDate,
  sheets: z.array(SheetReportSchema),
  tasks: z.array(TaskReportSchema),
  findings: z.array(FindingSchema),
  units: z.array(UnitReportSchema),
  people: z.array(PersonReportSchema),
  ignoredSheets: z.array(z.object({ name: z.string(), reason: z.string() })),
  rules: z.enum(RULE_SET_IDS),
  /**
   * Issue 10: parts of the file an annotated copy could not keep (part name, and what it was by its
   * relationship type); present only when there are some. Never silent.
   */
  notKept: z.array(z.object({ part: z.string(), what: z.string() })).optional(),
});

export type SheetReport = z.infer<typeof SheetReportSchema>;
export type TaskReport = z.infer<typeof TaskReportSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type UnitReport = z.infer<typeof UnitReportSchema>;
export type PersonReport = z.infer<typeof PersonReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
