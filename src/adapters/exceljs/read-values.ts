/** ExcelJS cell values → the engine's CellValue. */
import type { CellValue as XlValue } from 'exceljs';
import type { CellValue } from '../../core/cells';

const MS_PER_DAY = 86_400_000;
/**
 * ExcelJS turns serial s into 1899-12-30 + s days, ignoring Excel's fictitious 29/02/1900: dates
 * before 1900-03-01 come out one day early, so they are moved back to the day Excel shows.
 */
const EXCEL_LEAP_BUG_END = Date.UTC(1900, 2, 1);

function richTextOf(v: { richText: ReadonlyArray<{ text: string }> }): string {
  let s = '';
  for (const run of v.richText) s += run.text;
  return s;
}

/** Convert one ExcelJS value. Formulas give their cached result; hyperlinks their text. */
export function fromExcelJs(v: XlValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    default:
      break;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return null;
    return { date: (t < EXCEL_LEAP_BUG_END ? t + MS_PER_DAY : t) / MS_PER_DAY };
  }
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return richTextOf(v);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: XlValue }).result;
    return fromExcelJs(result);
  }
  if ('text' in v && 'hyperlink' in v) {
    const text = v.text as unknown;
    if (typeof text === 'string') return text;
    if (typeof text === 'object' && text !== null && 'richText' in text) return richTextOf(text as { richText: { text: string }[] });
    return null;
  }
  return null;
}
