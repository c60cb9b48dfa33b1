/**
 * Browser mode: the host over a local .xlsx (or .xlsm) held in memory by the xlsx package adapter.
 * "Go to cell" shows the cells around a finding, since there is no sheet to select.
 */
import { BOOK_MIME, type BookKind, type XlsxWorkbook } from '../adapters/xlsx';
import { columnLetter, isDateCell, isErrorCell, isoFromDay, parseA1, type CellValue, type SheetData } from '../core/cells';
import type { CellContext, PaneHost } from './host';

/** Rows and columns shown on each side of the finding's cell. */
const AROUND = 2;

function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isErrorCell(v)) return v.error;
  if (isDateCell(v)) {
    const [y, m, d] = isoFromDay(Math.floor(v.date)).split('-');
    return `${d}/${m}/${y}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\s+/g, ' ').trim();
}

/**
 * The text a cell shows in the excerpt (1-based row and column). A merged range shows its value
 * once, in its first cell that the excerpt displays (its top-left cell when that is displayed, as
 * in Excel).
 */
function displayText(sheet: SheetData, row: number, col: number, rows: readonly number[], cols: readonly number[]): string {
  const merge = sheet.merges.find((m) => row - 1 >= m.top && row - 1 <= m.bottom && col - 1 >= m.left && col - 1 <= m.right);
  if (merge && (merge.top !== row - 1 || merge.left !== col - 1)) {
    const firstRow = rows.find((r) => r >= merge.top + 1);
    const firstCol = cols.find((c) => c >= merge.left + 1);
    if (row !== firstRow || col !== firstCol) return '';
    return textOf(sheet.rows[merge.top]?.[merge.left]);
  }
  return textOf(sheet.rows[row - 1]?.[col - 1]);
}

/** The context of one cell: a header row (when given) and the rows and columns around the cell. */
export function cellContextOf(sheet: SheetData, name: string, cell: string, headerRow?: number): CellContext | null {
  const at = parseA1(cell);
  if (!at) return null;
  const col = at.col + 1;
  const row = at.row + 1;
  const firstCol = Math.max(1, col - AROUND);
  const cols: number[] = [];
  for (let c = firstCol; c <= col + AROUND; c++) cols.push(c);
  const rowNumbers: number[] = [];
  if (headerRow !== undefined && headerRow < row - AROUND) rowNumbers.push(headerRow);
  for (let r = Math.max(1, row - AROUND); r <= row + AROUND; r++) rowNumbers.push(r);
  return {
    sheet: name,
    cell,
    columns: cols.map((c) => columnLetter(c - 1)),
    rows: rowNumbers.map((r) => ({ row: r, cells: cols.map((c) => displayText(sheet, r, c, rowNumbers, cols)) })),
    target: { row: rowNumbers.indexOf(row), col: cols.indexOf(col) },
  };
}

export function browserHost(book: XlsxWorkbook): PaneHost {
  return {
    kind: 'browser',
    port: book,
    async goToCell(sheet, cell, headerRow) {
      const data = await book.sheetValues(sheet);
      return data ? cellContextOf(data, sheet, cell, headerRow) : null;
    },
  };
}

export const XLSX_MIME = BOOK_MIME.xlsx;

/** "Sổ theo dõi.xlsx" → "Sổ theo dõi (KQ).xlsx"; a book with macros keeps its .xlsm. */
export function annotatedName(original: string, kind: BookKind = /\.xlsm$/i.test(original) ? 'xlsm' : 'xlsx'): string {
  const base = original.replace(/\.(xlsx|xlsm|xltx|xltm)$/i, '');
  return `${base} (KQ).${kind}`;
}

/** Hand the bytes to the browser as a download; nothing is sent anywhere. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string = XLSX_MIME): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
