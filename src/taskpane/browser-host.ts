/**
 * Browser mode: the host over a local .xlsx held in memory by the ExcelJS adapter. "Go to cell"
 * shows the cells around a finding, since there is no sheet to select.
 */
import type * as ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { columnLetter, isDateCell, isErrorCell, isoFromDay } from '../core/cells';
import { parseA1 } from '../core/cells';
import { fromExcelJs } from '../adapters/exceljs/read-values';
import type { ExcelJsWorkbook } from '../adapters/exceljs/exceljs-workbook';
import type { CellContext, PaneHost } from './host';

/** Rows and columns shown on each side of the finding's cell. */
const AROUND = 2;

/**
 * The text a cell shows in the excerpt. A merged range shows its value once, in its first cell
 * that the excerpt displays (its top-left cell when that is displayed, as in Excel).
 */
function displayText(ws: Worksheet, row: number, col: number, rows: readonly number[], cols: readonly number[]): string {
  const cell = ws.getCell(row, col);
  if (cell.isMerged && cell.master.address !== cell.address) {
    const master = cell.master;
    const firstRow = rows.find((r) => r >= Number(master.row));
    const firstCol = cols.find((c) => c >= Number(master.col));
    if (row !== firstRow || col !== firstCol) return '';
    return textOf(master.value);
  }
  return textOf(cell.value);
}

function textOf(value: ExcelJS.CellValue): string {
  const v = fromExcelJs(value);
  if (v === null) return '';
  if (isErrorCell(v)) return v.error;
  if (isDateCell(v)) {
    const [y, m, d] = isoFromDay(Math.floor(v.date)).split('-');
    return `${d}/${m}/${y}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** The context of one cell: a header row (when given) and the rows and columns around the cell. */
export function cellContextOf(ws: Worksheet, sheet: string, cell: string, headerRow?: number): CellContext | null {
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
    sheet,
    cell,
    columns: cols.map((c) => columnLetter(c - 1)),
    rows: rowNumbers.map((r) => ({ row: r, cells: cols.map((c) => displayText(ws, r, c, rowNumbers, cols)) })),
    target: { row: rowNumbers.indexOf(row), col: cols.indexOf(col) },
  };
}

export function browserHost(book: ExcelJsWorkbook): PaneHost {
  return {
    kind: 'browser',
    port: book,
    async goToCell(sheet, cell, headerRow) {
      const ws = book.workbook.getWorksheet(sheet);
      return ws ? cellContextOf(ws, sheet, cell, headerRow) : null;
    },
  };
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Sổ theo dõi.xlsx" → "Sổ theo dõi (KQ).xlsx". */
export function annotatedName(original: string): string {
  const base = original.replace(/\.xlsx$/i, '');
  return `${base} (KQ).xlsx`;
}

/** Hand the bytes to the browser as a download; nothing is sent anywhere. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
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
