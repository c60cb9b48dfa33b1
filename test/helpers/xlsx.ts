/**
 * Real .xlsx files for tests, from a declarative description, written with ExcelJS and read back
 * through the xlsx package adapter, so that a test goes through the same bytes and reader as the CLI.
 *
 *   const data = await buildXlsx({ sheets: [{ name: 'Nhiệm vụ', rows: [[...], [...]], merges: ['A1:I1'] }] });
 *   const report = await checkXlsx(data, { asOf: '2023-09-15' });
 *
 * Rows are listed from row 1; `null`/`undefined` leave a cell empty. A value in a merged range goes in
 * its top-left cell only (as Excel stores it): a value under any other cell of a merge is an error.
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { nodePlatform } from '../../src/adapters/xlsx/node-platform';
import type { SheetData } from '../../src/core/cells';
import { checkWorkbook, type CheckOptions } from '../../src/core/check';
import type { Report } from '../../src/core/report';

/** An Excel error value such as #N/A or #REF!. */
export interface XlsxError {
  readonly error: '#N/A' | '#REF!' | '#NAME?' | '#DIV/0!' | '#NULL!' | '#VALUE!' | '#NUM!';
}

/** A formula with its cached result (what Excel shows). */
export interface XlsxFormula {
  readonly formula: string;
  readonly result?: string | number | boolean | Date | XlsxError;
}

/** A `Date` is written as a real Excel date; build it with `utc(…)` so the day does not depend on the time zone. */
export type XlsxCell = string | number | boolean | Date | XlsxError | XlsxFormula | null | undefined;

export interface XlsxSheet {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<XlsxCell>>;
  /** A1 ranges, e.g. "A1:I1". */
  readonly merges?: readonly string[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface XlsxBook {
  readonly sheets: readonly XlsxSheet[];
}

/** A date (and optional time) as a UTC instant: the calendar day an Excel user typed. */
export function utc(y: number, m: number, d: number, hours = 0, minutes = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hours, minutes));
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`xlsx helper: bad merge range ${range}`);
  return { top: Number(m[2]), left: columnNumber(m[1]!), bottom: Number(m[4]), right: columnNumber(m[3]!) };
}

function isEmptyCell(v: XlsxCell): boolean {
  return v === null || v === undefined;
}

function toExcelJs(v: XlsxCell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('formula' in v) return { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
  return { error: v.error } as ExcelJS.CellErrorValue;
}

function dateFormat(d: Date): string {
  return d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
}

/** Write the described workbook to .xlsx bytes. */
export async function buildXlsx(book: XlsxBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    const merges = (s.merges ?? []).map(parseRange);
    s.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (isEmptyCell(v)) return;
        const r = i + 1;
        const c = j + 1;
        const follower = merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
        if (follower) throw new Error(`xlsx helper: ${s.name} row ${r} column ${c} is inside a merge but not its top-left cell`);
        const cell = ws.getCell(r, c);
        cell.value = toExcelJs(v);
        const date = v instanceof Date ? v : typeof v === 'object' && v !== null && 'formula' in v && v.result instanceof Date ? v.result : null;
        if (date) cell.numFmt = dateFormat(date);
      });
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** Read every worksheet of .xlsx bytes through the package adapter, as the command line does. */
export async function readXlsx(data: Buffer | Uint8Array): Promise<SheetData[]> {
  const book = await XlsxWorkbook.open(data, nodePlatform);
  return (await book.readBook()).sheets;
}

/** Build (when given a description), read back and check: the engine's report for real .xlsx bytes. */
export async function checkXlsx(input: XlsxBook | Buffer | Uint8Array, opts: CheckOptions): Promise<Report> {
  const data = input instanceof Uint8Array ? input : await buildXlsx(input);
  return checkWorkbook(await readXlsx(data), opts);
}
