/**
 * The host-neutral picture of a worksheet that every adapter hands to the engine.
 * Rows and columns are 0-based indexes from A1, so `rows[6][3]` is cell D7.
 */

/** An Excel error value such as #N/A or #REF!. */
export interface ErrorCell {
  readonly error: string;
}

/** A real Excel date (a date-formatted number), as days since 1970-01-01 (may carry a time fraction). */
export interface DateCell {
  readonly date: number;
}

export type CellValue = null | string | number | boolean | DateCell | ErrorCell;

export interface MergeRange {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetData {
  readonly name: string;
  /**
   * A sheet that holds no cells to read: a chart sheet, or a legacy dialog or macro sheet. It is
   * listed among the ignored sheets (absent for a worksheet).
   */
  readonly without?: 'chart' | 'other';
  /** Dense enough to index; missing rows or cells are empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly merges: readonly MergeRange[];
}

export function isErrorCell(v: CellValue | undefined): v is ErrorCell {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function isDateCell(v: CellValue | undefined): v is DateCell {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** Empty: no value, or text that is only white space. Errors are values. */
export function isEmpty(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    // Runs for most cells of every row: a visible ASCII first character settles it without trim().
    const first = v.charCodeAt(0);
    return !(first > 32 && first < 127) && v.trim() === '';
  }
  return false;
}

/** Plain text of a cell for matching and messages; errors and empties give "". */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateCell(v)) return isoFromDay(Math.floor(v.date));
  return '';
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  return col < COMMON_LETTERS.length ? COMMON_LETTERS[col]! : spellColumn(col);
}

function spellColumn(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Findings name these columns over and over: A … ZZ spelt once. */
const COMMON_LETTERS: readonly string[] = Array.from({ length: 26 * 27 }, (_, c) => spellColumn(c));

/** A1 address of 0-based row/column. */
export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** Column letters → 0-based index: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** Excel's grid: 1,048,576 rows and 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const A1_CELL = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/;

/**
 * A single-cell A1 address ("F12", "$F$12") → 0-based row and column, or null when it is not one or
 * lies outside Excel's grid.
 */
export function parseA1(address: string): { readonly row: number; readonly col: number } | null {
  const m = A1_CELL.exec(address);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  return row < MAX_ROWS && col < MAX_COLUMNS ? { row, col } : null;
}

const MS_PER_DAY = 86_400_000;

/** isoFromDay is called twice per task; a book has a few thousand distinct days at most. */
const isoCache = new Map<number, string>();

/** Day number (days since 1970-01-01) → "YYYY-MM-DD". */
export function isoFromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

/** Calendar date → day number, or null when the date does not exist (30/02, month 13). */
export function dayFromYmd(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999) return null;
  const back = new Date(0);
  back.setUTCFullYear(y, m - 1, d);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(back.getTime() / MS_PER_DAY);
}

/** "YYYY-MM-DD" → day number, or null. */
export function dayFromIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Excel 1900 serial → day number (serials below 61 honour Excel's fictitious 29/02/1900). */
export function dayFromSerial(serial: number): number {
  const whole = Math.floor(serial);
  return whole < 61 ? whole - 25568 : whole - 25569;
}

export function serialFromDay(day: number): number {
  const s = day + 25569;
  return s < 61 ? s - 1 : s;
}
