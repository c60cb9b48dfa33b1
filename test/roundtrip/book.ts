/**
 * A host-neutral description of a user's workbook, as an office keeps it: title rows, headers,
 * records, merges, styles, conditional formats, notes, hidden rows, filters, several sheets.
 * The round-trip tests generate descriptions (arbitraries.ts) and render each one into a real .xlsx
 * (exceljs-book.ts) and into the in-memory Excel fake (fake-book.ts).
 *
 * Rows and columns are 0-based (row 0 is row 1 of the sheet).
 */
import { columnLetter } from '../../src/core/cells';

export type ErrorCode = '#N/A' | '#REF!' | '#DIV/0!' | '#VALUE!' | '#NAME?' | '#NUM!';

export type Scalar =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** A real Excel date: a serial shown with a date number format. */
  | { readonly kind: 'date'; readonly serial: number; readonly format: string }
  | { readonly kind: 'error'; readonly code: ErrorCode };

export interface RichRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly color?: string;
}

export type CellDesc =
  | Scalar
  | { readonly kind: 'rich'; readonly runs: readonly RichRun[] }
  | { readonly kind: 'link'; readonly text: string; readonly target: string }
  /**
   * A formula (without "=") with the result Excel cached. `share` names a template: vertical runs
   * of cells with the same share key in one column are written as one shared formula.
   */
  | { readonly kind: 'formula'; readonly formula: string; readonly result: Scalar; readonly share: string | null };

export interface StyleDesc {
  readonly font?: { readonly bold?: boolean; readonly italic?: boolean; readonly size?: number; readonly color?: string; readonly name?: string };
  /** ARGB of a solid fill. */
  readonly fill?: string;
  readonly numFmt?: string;
  readonly alignment?: { readonly horizontal?: 'left' | 'center' | 'right'; readonly vertical?: 'top' | 'middle'; readonly wrapText?: boolean };
  readonly border?: 'thin' | 'medium' | 'dotted';
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The differential format of a conditional-format rule. */
export interface RuleStyle {
  readonly fill: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export type RuleKind =
  /** `formula` may hold `{top}`, the 1-based first row of the rule's first range. */
  | { readonly type: 'expression'; readonly formula: string; readonly style: RuleStyle }
  | { readonly type: 'cellIs'; readonly operator: 'greaterThan' | 'lessThan' | 'equal' | 'between'; readonly formulae: readonly string[]; readonly style: RuleStyle }
  | { readonly type: 'containsText'; readonly text: string; readonly style: RuleStyle }
  | { readonly type: 'top10'; readonly rank: number; readonly bottom: boolean; readonly style: RuleStyle }
  | { readonly type: 'colorScale'; readonly low: string; readonly high: string }
  /**
   * A data bar as files hold it: "classic" without the Excel 2010 extension (older writers),
   * "gradient" with it and Excel's default gradient fill, "solid" with it and a solid fill.
   */
  | { readonly type: 'dataBar'; readonly color: string; readonly fill: 'classic' | 'gradient' | 'solid' };

/** One conditional format of the user's: one or more ranges, one or more rules with priorities. */
export interface UserFormat {
  readonly ranges: readonly Rect[];
  readonly rules: ReadonlyArray<{ readonly kind: RuleKind; readonly priority: number }>;
}

export interface NoteDesc {
  readonly row: number;
  readonly col: number;
  readonly runs: readonly RichRun[];
}

export type SheetRole = 'task' | 'registry' | 'inspection' | 'other';

export interface SheetDesc {
  readonly name: string;
  readonly role: SheetRole;
  readonly hidden: boolean;
  readonly cells: ReadonlyArray<ReadonlyArray<CellDesc | null>>;
  readonly styles: ReadonlyArray<{ readonly row: number; readonly col: number; readonly style: StyleDesc }>;
  readonly merges: readonly Rect[];
  readonly formats: readonly UserFormat[];
  readonly notes: readonly NoteDesc[];
  readonly hiddenRows: readonly number[];
  readonly rowHeights: ReadonlyArray<{ readonly row: number; readonly height: number }>;
  readonly columns: ReadonlyArray<{ readonly col: number; readonly width: number; readonly hidden: boolean }>;
  readonly autoFilter: Rect | null;
  /** Rows frozen at the top (0: none). */
  readonly frozenRows: number;
  readonly tabColor: string | null;
  /** The header row this sheet was built with (the lower one of a two-row header), or -1. */
  readonly headerRow: number;
  /** The first header row: headerRow - 1 for a two-row header, else headerRow. */
  readonly headerTop: number;
}

export interface BookDesc {
  readonly sheets: readonly SheetDesc[];
  /** ExcelApi version the Excel fake claims (features: RangeAreas 1.9, merges 1.13, notes 1.18). */
  readonly apiVersion: '1.7' | '1.9' | '1.13' | '1.18';
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A serial (after 1900-03-01) as the UTC instant ExcelJS uses for it. */
export function dateOfSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * MS_PER_DAY));
}

export function serialOf(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / MS_PER_DAY;
}

export function ymdOfSerial(serial: number): { y: number; m: number; d: number } {
  const t = dateOfSerial(Math.floor(serial));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom + 1}`;
}

export function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Plain text of a note or rich text. */
export function runsText(runs: readonly RichRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** A one-line summary of a book, for failure messages and statistics. */
export function describeBook(book: BookDesc): string {
  return book.sheets
    .map((s) => `${s.role}:${JSON.stringify(s.name)}(${s.cells.length}r,${s.merges.length}m,${s.formats.length}cf,${s.notes.length}n,${s.hiddenRows.length}h${s.autoFilter ? ',filter' : ''})`)
    .join(' ');
}
