/** Read every worksheet of an ExcelJS workbook into the engine's SheetData. */
import type { Workbook, Worksheet, CellValue as XlValue } from 'exceljs';
import type { CellValue, MergeRange, SheetData } from '../../core/cells';
import { fromExcelJs } from './read-values';

interface MergeModel {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * ExcelJS keeps merges in a private map; its public `model` getter would rebuild every row of the
 * sheet just to list them, which costs more than reading the sheet.
 */
function mergesOf(ws: Worksheet): MergeRange[] {
  const raw = (ws as unknown as { _merges?: Record<string, { model?: MergeModel } | MergeModel> })._merges ?? {};
  const out: MergeRange[] = [];
  for (const m of Object.values(raw)) {
    const d = 'model' in m && m.model ? m.model : (m as MergeModel);
    out.push({ top: d.top - 1, left: d.left - 1, bottom: d.bottom - 1, right: d.right - 1 });
  }
  return out;
}

/** ExcelJS repeats a merge's value in every cell it covers; Excel keeps it in the top-left cell only. */
function blankMergedFollowers(rows: (CellValue[] | undefined)[], merges: readonly MergeRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r !== m.top || c !== m.left) row[c] = null;
      }
    }
  }
}

export function readWorksheet(ws: Worksheet): SheetData {
  const values = ws.getSheetValues() as unknown as ReadonlyArray<ReadonlyArray<XlValue> | undefined>;
  const rows: (CellValue[] | undefined)[] = new Array(Math.max(0, values.length - 1));
  for (let r = 1; r < values.length; r++) {
    const src = values[r];
    if (!src) continue;
    const row: CellValue[] = new Array(Math.max(0, src.length - 1)).fill(null);
    for (let c = 1; c < src.length; c++) {
      const v = src[c];
      if (v !== undefined && v !== null) row[c - 1] = fromExcelJs(v);
    }
    rows[r - 1] = row;
  }
  const merges = mergesOf(ws);
  blankMergedFollowers(rows, merges);
  return { name: ws.name, rows, merges };
}

/** Worksheets in the order the user sees their tabs (ExcelJS sorts them by tab order). */
export function orderedWorksheets(wb: Workbook): Worksheet[] {
  return wb.worksheets;
}

export function readWorkbookSheets(wb: Workbook): SheetData[] {
  return orderedWorksheets(wb).map(readWorksheet);
}
