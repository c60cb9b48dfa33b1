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
  /** Deadline serials for rows whose deadline is text the engine parsed (Excel formulas cannot). */
  readonly deadlineSerials: ReadonlyArray<{ readonly row: number; readonly serial: number }>;
  /** Cells of findings other than overdue and unassigned, which the live rules already show. */
  readonly marks: readonly CellMark[];
}

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

export function planFlags(report: Report): FlagPlan {
  const sheets: SheetFlagPlan[] = [];
  for (const s of report.sheets) {
    if (s.kind !== 'task') continue;
    const cols = Object.values(s.columns).map(columnIndex);
    const tasks = report.tasks.filter((t) => t.sheet === s.name);
    const rows = tasks.map((t) => t.row - 1);
    const deadlineSerials: { row: number; serial: number }[] = [];
    for (const t of tasks) {
      if (t.deadline !== null) deadlineSerials.push({ row: t.row - 1, serial: serialFromDay(dayFromIso(t.deadline)!) });
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
      completedCol: s.columns.completedDate ? columnIndex(s.columns.completedDate) : null,
      deadlineSerials,
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

/**
 * Live overdue rule, relative to the first row of its range: red while the task has no completion
 * date and its deadline is before today. A real date in the deadline cell is read live; a text date
 * falls back to the serial the engine parsed, kept in the helper sheet on the same row.
 */
export function overdueFormula(plan: SheetFlagPlan, helperCol: number, topRow: number): string {
  const r = topRow + 1;
  const dl = `$${columnLetter(plan.deadlineCol)}${r}`;
  const helper = `${quoteSheet(HELPER_SHEET)}!$${columnLetter(helperCol)}${r}`;
  const deadline = `IF(ISNUMBER(${dl}),${dl},${helper})`;
  const notDone = plan.completedCol === null ? 'TRUE' : `LEN(TRIM($${columnLetter(plan.completedCol)}${r}))=0`;
  return `AND(N(${formulaString(FLAG_MARK.overdue)})=0,${notDone},ISNUMBER(${deadline}),${deadline}<TODAY())`;
}

/** Live unassigned rule: the lead cell is empty (or only dashes), or holds an error. */
export function unassignedFormula(plan: SheetFlagPlan, topRow: number): string {
  const cell = `$${columnLetter(plan.leadCol)}${topRow + 1}`;
  return `AND(N(${formulaString(FLAG_MARK.unassigned)})=0,OR(ISERROR(${cell}),LEN(TRIM(SUBSTITUTE(${cell},"-","")))=0))`;
}

/** Static mark for cells of other findings (the note says why). */
export function markFormula(severity: Severity): string {
  return `N(${formulaString(FLAG_MARK[severity])})=0`;
}
