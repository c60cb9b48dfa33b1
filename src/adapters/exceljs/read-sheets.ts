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
  return { name: ws.name, rows, merges: mergesOf(ws) };
}

/** Worksheets in the order the user sees their tabs (ExcelJS sorts them by tab order). */
export function orderedWorksheets(wb: Workbook): Worksheet[] {
  return wb.worksheets;
}

export function readWorkbookSheets(wb: Workbook): SheetData[] {
  return orderedWorksheets(wb).map(readWorksheet);
}
