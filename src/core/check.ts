/** The engine: sheets in, report out (SPEC §2–§5, §7). Pure: no host, no I/O. */
import { messages, type Lang } from '../i18n/messages';
import { columnIndex, columnLetter, dayFromIso, isoFromDay, type SheetData } from './cells';
import { deadlineDay } from './deadlines';
import type { SheetKind } from './fields';
import {
  duplicateTracker,
  formatDateVi,
  INSPECTION_RULES,
  REGISTRY_RULES,
  applyTaskRules,
  type EvaluatedTask,
  type RuleContext,
} from './findings';
import { detectHeader, isOwnSheetName, type ColumnMap, type HeaderMatch } from './header';
import { applyQuota, type Rated } from './levels';
import { PeopleBook } from './people';
import { newTaskSlot, readInspection, readRegistry, readTaskInto, type InspectionRecord, type RegistryRecord } from './records';
import type { Finding, Report, SheetReport, TaskReport, UnitReport } from './report';
import { ruleSetById, ruleSetForYear, type Rubrics, type RuleSetId } from './rule-sets/registry';
import { countTask, due, newTally, type UnitTally } from './scoring';
import type { MappingOverride } from './settings';
import { CALENDAR_DAYS, taskStatus, workingDays, type DayCounter } from './status';
import { recordRows } from './table';
import { UnitDirectory, UnitSpelling } from './units';
import { validDay, type UnitName } from './values';

export interface CheckOptions {
  /** The as-of date D, "YYYY-MM-DD". */
  readonly asOf: string;
  /** Rule set; by default the one in force in the year of D. */
  readonly rules?: RuleSetId;
  readonly lang?: Lang;
  readonly workingDays?: boolean;
  readonly holidays?: readonly string[];
  readonly rubrics?: Rubrics;
  /** Confirmed mappings by sheet name; they replace detection for that sheet. */
  readonly mappings?: Readonly<Record<string, MappingOverride>>;
}

export interface RecognisedSheet {
  readonly sheet: SheetData;
  readonly header: HeaderMatch;
  readonly rows: readonly number[];
}

export interface Classification {
  readonly recognised: RecognisedSheet[];
  readonly ignored: { name: string; reason: string }[];
}

function headerFromOverride(m: MappingOverride): HeaderMatch {
  const columns: Record<string, number> = {};
  for (const [field, letters] of Object.entries(m.columns)) columns[field] = columnIndex(letters);
  return { kind: m.kind, headerRow: m.headerRow - 1, columns };
}


/** SPEC §2: recognise each sheet by its header row (or the user's confirmed mapping). */
export function classifySheets(sheets: readonly SheetData[], opts: Pick<CheckOptions, 'lang' | 'mappings'>): Classification {
  const msg = messages(opts.lang ?? 'vi');
  const recognised: RecognisedSheet[] = [];
  const ignored: { name: string; reason: string }[] = [];
  for (const sheet of sheets) {
    if (isOwnSheetName(sheet.name)) {
      ignored.push({ name: sheet.name, reason: msg.ignoredOwnSheet() });
      continue;
    }
    if (sheet.without !== undefined) {
      ignored.push({ name: sheet.name, reason: sheet.without === 'chart' ? msg.ignoredChartSheet() : msg.ignoredNoCells() });
      continue;
    }
    const override = opts.mappings?.[sheet.name];
    const header = override ? headerFromOverride(override) : detectHeader(sheet);
    if (header === null) {
      ignored.push({ name: sheet.name, reason: msg.ignoredNoHeader() });
      continue;
    }
    recognised.push({ sheet, header, rows: recordRows(sheet, header) });
  }
  return { recognised, ignored };
}

function columnLetters(columns: ColumnMap): Record<string, string> {
  const out: Record<string, string> = {};
  const spec = Object.entries(columns).sort((a, b) => a[1] - b[1]);
  for (const [field, col] of spec) out[field] = columnLetter(col);
  return out;
}

/** Units are tallied in the order they are first met: registry, then lead units, then inspected units. */
class UnitBook {
  private readonly tallies = new Map<string, UnitTally>();
  constructor(private readonly spelling: UnitSpelling) {}

  get(key: string): UnitTally {
    let t = this.tallies.get(key);
    if (!t) this.tallies.set(key, (t = newTally(key, this.spelling.nameOf(key))));
    return t;
  }

  all(): UnitTally[] {
    for (const t of this.tallies.values()) t.name = this.spelling.nameOf(t.key);
    return [...this.tallies.values()];
  }
}

const NO_NAMES: string[] = [];

interface TaskSheetRun {
  readonly asOf: number;
  readonly days: DayCounter;
  readonly ctx: RuleContext;
  readonly emit: (f: Finding) => void;
  readonly see: (units: readonly UnitName[]) => void;
  readonly book: UnitBook;
  readonly people: PeopleBook;
  /** Filled with one report per task; lead units are spelt at the end, from `leadsOf`. */
  readonly tasks: TaskReport[];
  /** The lead units of each task, parallel to `tasks` (shared arrays: one per distinct lead cell). */
  readonly leadsOf: (readonly UnitName[])[];
}

/**
 * The records of one task sheet: status, rules, tallies, report rows. Its own function with indexed
 * loops because it runs once per row: V8 optimises it as a whole, and nothing here allocates beyond
 * the record and its report.
 */
function checkTaskSheet({ sheet, header, rows }: RecognisedSheet, run: TaskSheetRun): void {
  const { asOf, days, ctx, emit, see, book, people, tasks, leadsOf } = run;
  const duplicateTask = duplicateTracker(sheet, rows.length);
  // One record and one evaluated task, refilled for every row: no rule keeps a reference to them.
  const slot = newTaskSlot();
  const task: { record: EvaluatedTask['record']; result: EvaluatedTask['result'] } = { record: slot, result: taskStatus(null, null, asOf, days) };
  // Reading order: the lead and co-unit cells left to right.
  const coUnitsFirst = (header.columns.coUnits ?? 0) < (header.columns.leadUnit ?? 0);
  const ownersFirst = (header.columns.owner ?? 0) < (header.columns.leader ?? 0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const record = readTaskInto(slot, sheet, row, header.columns);
    if (coUnitsFirst) {
      see(record.coUnits);
      see(record.leads);
    } else {
      see(record.leads);
      see(record.coUnits);
    }
    const deadline = deadlineDay(record.deadline);
    const completed = validDay(record.completed);
    const result = taskStatus(deadline, completed, asOf, days);
    task.record = record;
    task.result = result;
    applyTaskRules(task, ctx, emit);
    duplicateTask(task, ctx, emit);
    const leads = record.leads;
    for (let k = 0; k < leads.length; k++) countTask(book.get(leads[k]!.key), result.status);
    // People count even on a task with no lead unit (SPEC 1.3).
    if (ownersFirst) {
      people.count('owner', record.owners, result.status);
      people.count('leader', record.leaders, result.status);
    } else {
      people.count('leader', record.leaders, result.status);
      people.count('owner', record.owners, result.status);
    }
    leadsOf.push(leads);
    tasks.push({
      sheet: sheet.name,
      row: row + 1,
      leadUnits: NO_NAMES,
      deadline: isoOrNull(deadline),
      completed: isoOrNull(completed),
      status: result.status,
      daysLate: result.daysLate,
      recurring: record.deadline.kind === 'recurring',
    });
  }
}

export function checkWorkbook(sheets: readonly SheetData[], opts: CheckOptions): Report {
  const lang = opts.lang ?? 'vi';
  const msg = messages(lang);
  const asOf = dayFromIso(opts.asOf);
  if (asOf === null) throw new RangeError(`as-of date is not a calendar date: ${opts.asOf}`);
  const rules = opts.rules ?? ruleSetForYear(Number(opts.asOf.slice(0, 4)));
  const rater = ruleSetById(rules).rater(opts.rubrics?.[rules], msg);
  const days = opts.workingDays
    ? workingDays((opts.holidays ?? []).map(dayFromIso).filter((d): d is number => d !== null))
    : CALENDAR_DAYS;

  const { recognised, ignored } = classifySheets(sheets, opts);
  const byKind = (kind: SheetKind) => recognised.filter((s) => s.header.kind === kind);

  const registrySheets = byKind('registry');
  const registryRecords: RegistryRecord[] = [];
  for (const s of registrySheets) for (const r of s.rows) registryRecords.push(readRegistry(s.sheet, r, s.header.columns));
  const registry = registrySheets.length > 0 ? new UnitDirectory(registryRecords) : null;
  const spelling = new UnitSpelling(registry);
  const book = new UnitBook(spelling);
  const people = new PeopleBook();
  for (const e of registry?.entries ?? []) {
    const t = book.get(e.key);
    t.type = e.type;
    t.head = e.head;
    t.disciplined = e.disciplined;
  }

  const ctx: RuleContext = { asOf, msg, registry, formatDate: lang === 'vi' ? formatDateVi : isoFromDay };
  const findings: Finding[] = [];
  const emit = (f: Finding) => findings.push(f);
  const tasks: TaskReport[] = [];
  const leadsOf: (readonly UnitName[])[] = [];
  const sheetReports: SheetReport[] = [];
  const countedInspections: InspectionRecord[] = [];
  const registryByRow = new Map(registryRecords.map((r) => [`${r.sheet}\u0000${r.row}`, r]));

  const see = (units: readonly UnitName[]) => {
    for (let i = 0; i < units.length; i++) spelling.see(units[i]!);
  };

  for (const s of recognised) {
    const { sheet, header, rows } = s;
    sheetReports.push({ name: sheet.name, kind: header.kind, headerRow: header.headerRow + 1, dataRows: rows.length, columns: columnLetters(header.columns) });
    if (header.kind === 'task') {
      checkTaskSheet(s, { asOf, days, ctx, emit, see, book, people, tasks, leadsOf });
    } else if (header.kind === 'inspection') {
      for (const row of rows) {
        const record = readInspection(sheet, row, header.columns);
        see(record.units);
        for (const rule of INSPECTION_RULES) rule(record, ctx, emit);
        const date = validDay(record.date);
        if (date === null || date <= asOf) countedInspections.push(record);
      }
    } else {
      for (const row of rows) {
        const record = registryByRow.get(`${sheet.name}\u0000${row}`)!;
        for (const rule of REGISTRY_RULES) rule(record, ctx, emit);
      }
    }
  }

  for (const insp of countedInspections) {
    const count = insp.violations.kind === 'count' ? insp.violations.count : 0;
    for (const u of insp.units) book.get(u.key).violations += count;
  }

  // Tasks whose lead cells read alike share one array of spelt names.
  const spelt = new Map<readonly UnitName[], string[]>();
  for (let i = 0; i < tasks.length; i++) {
    const leads = leadsOf[i]!;
    let names = spelt.get(leads);
    if (names === undefined) spelt.set(leads, (names = leads.map((u) => spelling.nameOf(u.key))));
    tasks[i]!.leadUnits = names;
  }

  const rated: Rated[] = book.all().map((tally) => ({ tally, suggestion: rater.suggest(tally) }));
  applyQuota(rated, rater.rubric.quota, msg);
  const units: UnitReport[] = rated.map(({ tally: t, suggestion: s }) => ({
    name: t.name,
    type: t.type,
    head: t.head,
    due: due(t),
    doneOnTime: t.doneOnTime,
    doneLate: t.doneLate,
    openOverdue: t.openOverdue,
    openOnTime: t.openOnTime,
    violations: t.violations,
    disciplined: t.disciplined,
    score: s.score,
    level: s.level,
    decidedBy: s.decidedBy,
    reasons: s.reasons,
  }));

  return { version: 1, asOf: opts.asOf, sheets: sheetReports, tasks, findings, units, people: people.report(), ignoredSheets: ignored, rules };
}

function isoOrNull(day: number | null): string | null {
  return day === null ? null : isoFromDay(day);
}

