/** SPEC §4: every finding rule as its own named function over one record. */
import { a1, isoFromDay, type SheetData } from './cells';
import type { Messages } from '../i18n/messages';
import { taskTextKeys, type InspectionRecord, type RegistryRecord, type TaskRecord } from './records';
import { SEVERITY_OF, type Finding, type RuleId } from './report';
import { isOpen, type StatusResult } from './status';
import type { UnitDirectory } from './units';
import { validDay, type DateValue, type UnitName } from './values';

export interface RuleContext {
  readonly asOf: number;
  readonly msg: Messages;
  /** Null when the workbook has no registry sheet: then no unit is unknown. */
  readonly registry: UnitDirectory | null;
  readonly formatDate: (day: number) => string;
}

/** A task record with its computed status. */
export interface EvaluatedTask {
  readonly record: TaskRecord;
  readonly result: StatusResult;
}

type Emit = (f: Finding) => void;

function finding(sheet: string, row: number, col: number, rule: RuleId, message: string): Finding {
  return { sheet, cell: a1(row, col), rule, severity: SEVERITY_OF[rule], message };
}

function colOf(r: { columns: Readonly<Record<string, number>> }, field: string): number | undefined {
  return r.columns[field];
}

// ------------------------------------------------------------------ rules for every kind

export function invalidValue(r: TaskRecord | InspectionRecord | RegistryRecord, ctx: RuleContext, emit: Emit): void {
  for (const e of r.errors) emit(finding(r.sheet, r.row, e.col, 'invalid-value', ctx.msg.invalidValue(e.code)));
}

function invalidDateAt(r: TaskRecord | InspectionRecord, field: string, value: DateValue, ctx: RuleContext, emit: Emit): void {
  const col = colOf(r, field);
  if (col !== undefined && value.kind === 'invalid') emit(finding(r.sheet, r.row, col, 'invalid-date', ctx.msg.invalidDate(value.text)));
}

function unknownUnitsAt(r: TaskRecord | InspectionRecord, field: string, units: readonly UnitName[], ctx: RuleContext, emit: Emit): void {
  const col = colOf(r, field);
  const registry = ctx.registry;
  if (col === undefined || registry === null) return;
  let allKnown = true;
  for (let i = 0; i < units.length && allKnown; i++) allKnown = registry.has(units[i]!);
  if (allKnown) return;
  const unknown = units.filter((u) => !registry.has(u));
  if (unknown.length === 0) return;
  const items = unknown.map((u) => ctx.msg.unknownUnitItem(u.name, registry.nearest(u))).join('; ');
  emit(finding(r.sheet, r.row, col, 'unknown-unit', ctx.msg.unknownUnit(items)));
}

// ------------------------------------------------------------------ task rules

export function invalidTaskValues({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  invalidValue(t, ctx, emit);
}

export function unassigned({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (t.leads.length === 0) emit(finding(t.sheet, t.row, t.columns.leadUnit!, 'unassigned', ctx.msg.unassigned()));
}

export function multipleLeads({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (t.leads.length > 1) {
    const names = t.leads.map((u) => u.name).join('; ');
    emit(finding(t.sheet, t.row, t.columns.leadUnit!, 'multiple-leads', ctx.msg.multipleLeads(t.leads.length, names)));
  }
}

export function unknownTaskUnits({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  unknownUnitsAt(t, 'leadUnit', t.leads, ctx, emit);
  unknownUnitsAt(t, 'coUnits', t.coUnits, ctx, emit);
}

export function overdue({ record: t, result }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (result.status === 'open_overdue') emit(finding(t.sheet, t.row, t.columns.deadline!, 'overdue', ctx.msg.overdue(result.daysLate)));
}

export function lateCompletion({ record: t, result }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (result.status === 'done_late') {
    emit(finding(t.sheet, t.row, t.columns.completedDate!, 'late-completion', ctx.msg.lateCompletion(result.daysLate)));
  }
}

export function missingDeadline({ record: t, result }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (isOpen(result.status) && validDay(t.deadline) === null) {
    emit(finding(t.sheet, t.row, t.columns.deadline!, 'missing-deadline', ctx.msg.missingDeadline()));
  }
}

export function invalidTaskDates({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  invalidDateAt(t, 'assignedDate', t.assigned, ctx, emit);
  invalidDateAt(t, 'deadline', t.deadline, ctx, emit);
  invalidDateAt(t, 'completedDate', t.completed, ctx, emit);
}

export function deadlineBeforeAssigned({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  const dl = validDay(t.deadline);
  const as = validDay(t.assigned);
  if (dl !== null && as !== null && dl < as) {
    emit(finding(t.sheet, t.row, t.columns.deadline!, 'deadline-before-assigned', ctx.msg.deadlineBeforeAssigned(ctx.formatDate(dl), ctx.formatDate(as))));
  }
}

export function completedBeforeAssigned({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  const c = validDay(t.completed);
  const as = validDay(t.assigned);
  if (c !== null && as !== null && c < as) {
    emit(finding(t.sheet, t.row, t.columns.completedDate!, 'completed-before-assigned', ctx.msg.completedBeforeAssigned(ctx.formatDate(c), ctx.formatDate(as))));
  }
}

export function completedAfterAsOf({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  const c = validDay(t.completed);
  if (c !== null && c > ctx.asOf) {
    emit(finding(t.sheet, t.row, t.columns.completedDate!, 'completed-after-as-of', ctx.msg.completedAfterAsOf(ctx.formatDate(c), ctx.formatDate(ctx.asOf))));
  }
}

export function statusConflict({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  const col = t.columns.status;
  if (col === undefined) return;
  const c = validDay(t.completed);
  if (t.statusSays === 'done' && c === null) {
    emit(finding(t.sheet, t.row, col, 'status-conflict', ctx.msg.statusSaysDone()));
  } else if (t.statusSays === 'not_done' && c !== null && c <= ctx.asOf) {
    emit(finding(t.sheet, t.row, col, 'status-conflict', ctx.msg.statusSaysNotDone(ctx.formatDate(c))));
  }
}

/**
 * duplicate-task needs the earlier records of the same sheet: one tracker per sheet.
 *
 * Only each record's hash (`dupHash`) is kept, with its row; when a hash comes again, the folded
 * number and content of that row and of the earlier rows with the hash are compared exactly.
 * Keeping every row's folded strings instead made the 100,000-row bench spend most of its time in
 * building and copying them.
 */
export function duplicateTracker(sheet: SheetData): (task: EvaluatedTask, ctx: RuleContext, emit: Emit) => void {
  const rowsByHash = new Map<number, number | number[]>();
  return function duplicateTask({ record: t }, ctx, emit) {
    if (t.dupHash === -1) return;
    const seen = rowsByHash.get(t.dupHash);
    if (seen === undefined) {
      rowsByHash.set(t.dupHash, t.row);
      return;
    }
    const rows = typeof seen === 'number' ? [seen] : seen;
    const own = taskTextKeys(sheet, t.row, t.columns);
    for (const row of rows) {
      const earlier = taskTextKeys(sheet, row, t.columns);
      if (earlier.docKey === own.docKey && earlier.contentKey === own.contentKey) {
        emit(finding(t.sheet, t.row, t.columns.content!, 'duplicate-task', ctx.msg.duplicateTask(row + 1)));
        return;
      }
    }
    rowsByHash.set(t.dupHash, [...rows, t.row]);
  };
}

/** The task rules in report order; duplicate-task is added per sheet. */
export const TASK_RULES = [
  invalidTaskValues,
  unassigned,
  multipleLeads,
  unknownTaskUnits,
  invalidTaskDates,
  missingDeadline,
  overdue,
  lateCompletion,
  deadlineBeforeAssigned,
  completedBeforeAssigned,
  completedAfterAsOf,
  statusConflict,
];

// ------------------------------------------------------------------ inspection rules

export function invalidInspectionDate(r: InspectionRecord, ctx: RuleContext, emit: Emit): void {
  invalidDateAt(r, 'date', r.date, ctx, emit);
}

export function unknownInspectedUnits(r: InspectionRecord, ctx: RuleContext, emit: Emit): void {
  unknownUnitsAt(r, 'unit', r.units, ctx, emit);
}

export function invalidViolations(r: InspectionRecord, ctx: RuleContext, emit: Emit): void {
  if (r.violations.kind === 'invalid') {
    emit(finding(r.sheet, r.row, r.columns.violations!, 'invalid-violations', ctx.msg.invalidViolations(r.violations.text)));
  }
}

export const INSPECTION_RULES = [invalidValue, invalidInspectionDate, unknownInspectedUnits, invalidViolations];
export const REGISTRY_RULES = [invalidValue];

/** Dates in messages: dd/mm/yyyy, the way Vietnamese offices write them. */
export function formatDateVi(day: number): string {
  const [y, m, d] = isoFromDay(day).split('-');
  return `${d}/${m}/${y}`;
}
