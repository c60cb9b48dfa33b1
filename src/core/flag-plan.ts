/**
 * SPEC §6 flags, planned from a report without any host: which rows and cells to flag, and the
 * live conditional-format formulas. Both adapters render the same plan.
 */
import { columnIndex, columnLetter, dayFromIso, parseA1, serialFromDay } from './cells';
import { HELPER_SHEET } from './presentation';
import type { Report } from './report';
import { SEVERITY_OF, type Severity } from './report';

/** Inclusive 0-based row span. */
export interface RowBlock {
  readonly first: number;
  readonly last: number;
}

export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  readonly severity: Severity;
  /** Every finding at this cell, one per line. */
  readonly note: string;
}

export interface SheetFlagPlan {
  readonly sheet: string;
  /** Columns spanned by the table (0-based, inclusive): the overdue rule colours whole rows. */
  readonly firstCol: number;
  readonly lastCol: number;
  /** Record rows, grouped into consecutive blocks. */
  readonly recordBlocks: readonly RowBlock[];
  readonly leadCol: number;
  readonly deadlineCol: number;
  readonly completedCol: number | null;
  /** This sheet's two columns in the helper sheet: the engine's reading of each row's deadline and completion. */
  readonly helperDeadlineCol: number;
  readonly helperCompletedCol: number;
  /** What to write in the helper sheet, on each task's own row (see HelperCell). */
  readonly helperCells: readonly HelperCell[];
  /** Cells of findings other than overdue and unassigned, which the live rules already show. */
  readonly marks: readonly CellMark[];
}

/**
 * A cell of the very hidden helper sheet. Excel formulas cannot read dates written as text
 * ("05/07/2026", "Quý III/2026"), so the live rules fall back, for a cell holding text, on what the
 * engine read there: the deadline's serial, the completion date's serial, or INVALID_MARK for a
 * completion cell the engine found not to be a date (SPEC §2: the field counts as absent).
 */
export interface HelperCell {
  readonly row: number;
  readonly col: number;
  readonly value: number | string;
}

/** Helper value of a completion cell that is not a date: the task is not done. */
export const INVALID_MARK = 'x';

export interface FlagPlan {
  readonly sheets: readonly SheetFlagPlan[];
}

/** Marker tokens inside every rule formula we write, so that we find our own rules again. */
export const FLAG_MARK = {
  overdue: 'kq:overdue',
  unassigned: 'kq:unassigned',
  error: 'kq:error',
  warning: 'kq:warning',
} as const;

/** Prefix of every note we write; a note without it is the user's and is never touched. */
export const NOTE_PREFIX = '[KQ kiểm tra] ';

export function blocksOf(rows: readonly number[]): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (const r of rows) {
    const last = blocks[blocks.length - 1];
    if (last && last.last === r - 1) blocks[blocks.length - 1] = { first: last.first, last: r };
    else blocks.push({ first: r, last: r });
  }
  return blocks;
}

const LIVE_RULES = new Set(['overdue', 'unassigned']);
/** Findings that make a completion cell count as absent. */
const NOT_A_DATE = new Set(['invalid-date', 'invalid-value']);

const serialOf = (iso: string): number => serialFromDay(dayFromIso(iso)!);

export function planFlags(report: Report): FlagPlan {
  const sheets: SheetFlagPlan[] = [];
  for (const s of report.sheets) {
    if (s.kind !== 'task') continue;
    const cols = Object.values(s.columns).map(columnIndex);
    const tasks = report.tasks.filter((t) => t.sheet === s.name);
    const rows = tasks.map((t) => t.row - 1);
    const k = sheets.length;
    const helperDeadlineCol = 2 * k;
    const helperCompletedCol = 2 * k + 1;
    const completedLetters = s.columns.completedDate;
    const invalidCompletion = new Set<number>();
    if (completedLetters !== undefined) {
      for (const f of report.findings) {
        if (f.sheet !== s.name || !NOT_A_DATE.has(f.rule)) continue;
        const at = parseA1(f.cell);
        if (at && columnLetter(at.col) === completedLetters) invalidCompletion.add(at.row);
      }
    }
    const helperCells: HelperCell[] = [];
    for (const t of tasks) {
      const row = t.row - 1;
      if (t.deadline !== null) helperCells.push({ row, col: helperDeadlineCol, value: serialOf(t.deadline) });
      if (t.completed !== null) helperCells.push({ row, col: helperCompletedCol, value: serialOf(t.completed) });
      else if (invalidCompletion.has(row)) helperCells.push({ row, col: helperCompletedCol, value: INVALID_MARK });
    }
    const byCell = new Map<string, { row: number; col: number; cell: string; severity: Severity; lines: string[] }>();
    for (const f of report.findings) {
      if (f.sheet !== s.name || LIVE_RULES.has(f.rule)) continue;
      let mark = byCell.get(f.cell);
      if (!mark) {
        const at = parseA1(f.cell)!;
        byCell.set(f.cell, (mark = { row: at.row, col: at.col, cell: f.cell, severity: 'warning', lines: [] }));
      }
      if (SEVERITY_OF[f.rule] === 'error') mark.severity = 'error';
      mark.lines.push(f.message);
    }
    sheets.push({
      sheet: s.name,
      firstCol: Math.min(...cols),
      lastCol: Math.max(...cols),
      recordBlocks: blocksOf(rows),
      leadCol: columnIndex(s.columns.leadUnit!),
      deadlineCol: columnIndex(s.columns.deadline!),
      completedCol: completedLetters ? columnIndex(completedLetters) : null,
      helperDeadlineCol,
      helperCompletedCol,
      helperCells,
      marks: [...byCell.values()].map(({ lines, ...m }) => ({ ...m, note: NOTE_PREFIX + lines.join('\n') })),
    });
  }
  return { sheets };
}

/** A sheet name quoted for a formula reference: 'Nhiệm vụ''s'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Text placed inside a formula string literal. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** `$E5` and `'KQ Hạn'!$A5`: a column of the user's sheet and of the helper sheet, on the formula's row. */
function cellRef(col: number, row: number): string {
  return `$${columnLetter(col)}${row + 1}`;
}
function helperRef(col: number, row: number): string {
  return `${quoteSheet(HELPER_SHEET)}!${cellRef(col, row)}`;
}

/**
 * The deadline as a serial, or "" when there is none: a real date in the cell, else (text) the date
 * the engine read there. An empty or error cell has none, whatever the helper holds from a past run.
 */
function deadlineExpr(plan: SheetFlagPlan, row: number): string {
  const dl = cellRef(plan.deadlineCol, row);
  return `IF(ISERROR(${dl}),"",IF(ISNUMBER(${dl}),IF(${dl}>=1,${dl},""),IF(LEN(TRIM(${dl}))=0,"",${helperRef(plan.helperDeadlineCol, row)})))`;
}

/**
 * Done by today (SPEC §3): a valid completion date not after today. A real date is read live; text
 * the engine read as a date uses that date, text it found invalid counts as absent, and text typed
 * after the run counts as done until the next run can read it. An error counts as empty.
 */
function doneExpr(plan: SheetFlagPlan, row: number): string {
  if (plan.completedCol === null) return 'FALSE';
  const c = cellRef(plan.completedCol, row);
  const h = helperRef(plan.helperCompletedCol, row);
  return `IF(ISERROR(${c}),FALSE,IF(ISNUMBER(${c}),AND(${c}>=1,${c}<=TODAY()),IF(LEN(TRIM(${c}))=0,FALSE,IF(ISNUMBER(${h}),${h}<=TODAY(),${h}<>${formulaString(INVALID_MARK)}))))`;
}

/**
 * Live overdue rule, relative to the first row of its range: red while the task is open and its
 * deadline is before today (a deadline of today is not overdue).
 */
export function overdueFormula(plan: SheetFlagPlan, topRow: number): string {
  const deadline = deadlineExpr(plan, topRow);
  return `AND(N(${formulaString(FLAG_MARK.overdue)})=0,NOT(${doneExpr(plan, topRow)}),ISNUMBER(${deadline}),${deadline}<TODAY())`;
}

/** Characters that separate or decorate nothing in a lead cell: what is left of "-", "; ", "- , -" is empty. */
const NOTHING_CHARS = ['-', '–', '—', '.', '/', '_', '*', ';', ','];
const NOTHING_CODES = [10, 13, 160];

/**
 * Live unassigned rule: the lead cell holds an error, or nothing but blanks, separators and dashes
 * (SPEC §2: pieces that fold to nothing are dropped). IF, not OR: OR passes an error on.
 */
export function unassignedFormula(plan: SheetFlagPlan, topRow: number): string {
  const cell = cellRef(plan.leadCol, topRow);
  let stripped = cell;
  for (const ch of NOTHING_CHARS) stripped = `SUBSTITUTE(${stripped},${formulaString(ch)},"")`;
  for (const code of NOTHING_CODES) stripped = `SUBSTITUTE(${stripped},CHAR(${code}),"")`;
  return `AND(N(${formulaString(FLAG_MARK.unassigned)})=0,IF(ISERROR(${cell}),TRUE,LEN(TRIM(${stripped}))=0))`;
}

/** Static mark for cells of other findings (the note says why). */
export function markFormula(severity: Severity): string {
  return `N(${formulaString(FLAG_MARK[severity])})=0`;
}
