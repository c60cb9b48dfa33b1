/** SPEC §4: every finding rule as its own named function over one record. */
import { a1, isoFromDay, type SheetData } from './cells';
import { deadlineDay, type DeadlineValue } from './deadlines';
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

function invalidDateAt(r: TaskRecord | InspectionRecord, field: string, value: DateValue | DeadlineValue, ctx: RuleContext, emit: Emit): void {
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

/** Never for a recurring task (SPEC 1.3): it has no deadline, and that is not a fault. */
export function missingDeadline({ record: t, result }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  if (isOpen(result.status) && deadlineDay(t.deadline) === null && t.deadline.kind !== 'recurring') {
    emit(finding(t.sheet, t.row, t.columns.deadline!, 'missing-deadline', ctx.msg.missingDeadline()));
  }
}

export function invalidTaskDates({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  invalidDateAt(t, 'assignedDate', t.assigned, ctx, emit);
  invalidDateAt(t, 'deadline', t.deadline, ctx, emit);
  invalidDateAt(t, 'completedDate', t.completed, ctx, emit);
}

export function deadlineBeforeAssigned({ record: t }: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  const dl = deadlineDay(t.deadline);
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
 * First row of each 30-bit hash: open addressing with linear probing in two typed arrays, so that
 * looking a row up and adding it touch one place in memory (a Map of 100,000 entries took two
 * lookups and several cache misses per row).
 */
class FirstRowByHash {
  private slots: Int32Array;
  private rows: Int32Array;
  private size = 0;

  /** Sized for `expected` rows at most half full, so that a sheet read once never grows it. */
  constructor(expected: number) {
    let capacity = 1 << 12;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /** The first row stored for `hash`, or -1 after storing `row` as the first. */
  firstOrAdd(hash: number, row: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    const tag = hash + 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const t = this.slots[i]!;
      if (t === tag) return this.rows[i]!;
      if (t === 0) {
        this.slots[i] = tag;
        this.rows[i] = row;
        this.size++;
        return -1;
      }
    }
  }

  private grow(): void {
    const { slots, rows } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.rows = new Int32Array(slots.length * 2);
    this.size = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== 0) this.firstOrAdd(slots[i]! - 1, rows[i]!);
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
export function duplicateTracker(sheet: SheetData, expectedRows = 0): (task: EvaluatedTask, ctx: RuleContext, emit: Emit) => void {
  const firstRows = new FirstRowByHash(expectedRows);
  /** Further rows whose hash equals an earlier row's but whose texts differ (hash collisions). */
  const moreRows = new Map<number, number[]>();
  return function duplicateTask({ record: t }, ctx, emit) {
    if (t.dupHash === -1) return;
    const first = firstRows.firstOrAdd(t.dupHash, t.row);
    if (first === -1) return;
    const own = taskTextKeys(sheet, t.row, t.columns);
    const more = moreRows.get(t.dupHash);
    for (const row of more ? [first, ...more] : [first]) {
      const earlier = taskTextKeys(sheet, row, t.columns);
      if (earlier.docKey === own.docKey && earlier.contentKey === own.contentKey) {
        emit(finding(t.sheet, t.row, t.columns.content!, 'duplicate-task', ctx.msg.duplicateTask(row + 1)));
        return;
      }
    }
    if (more) more.push(t.row);
    else moreRows.set(t.dupHash, [t.row]);
  };
}

/** The task rules in report order; duplicate-task is added per sheet. */
/**
 * Every task rule, in report order (duplicate-task is added per sheet). Written out call by call
 * rather than looped over an array: each call site then sees one function, which V8 inlines; through
 * an array the 12 calls per row cost a fifth of the engine's time on a large sheet.
 */
export function applyTaskRules(task: EvaluatedTask, ctx: RuleContext, emit: Emit): void {
  invalidTaskValues(task, ctx, emit);
  unassigned(task, ctx, emit);
  multipleLeads(task, ctx, emit);
  unknownTaskUnits(task, ctx, emit);
  invalidTaskDates(task, ctx, emit);
  missingDeadline(task, ctx, emit);
  overdue(task, ctx, emit);
  lateCompletion(task, ctx, emit);
  deadlineBeforeAssigned(task, ctx, emit);
  completedBeforeAssigned(task, ctx, emit);
  completedAfterAsOf(task, ctx, emit);
  statusConflict(task, ctx, emit);
}

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
