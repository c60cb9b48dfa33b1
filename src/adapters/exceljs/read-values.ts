/** ExcelJS cell values → the engine's CellValue. */
import type { CellValue as XlValue } from 'exceljs';
import type { CellValue } from '../../core/cells';

const MS_PER_DAY = 86_400_000;
/**
 * ExcelJS turns serial s into 1899-12-30 + s days, ignoring Excel's fictitious 29/02/1900: dates
 * before 1900-03-01 come out one day early, so they are moved back to the day Excel shows.
 */
const EXCEL_LEAP_BUG_END = Date.UTC(1900, 2, 1);
/** Excel shows dates from 1900-01-01 to 9999-12-31; any other date-formatted number shows as "#####". */
const EXCEL_FIRST_DAY = Date.UTC(1900, 0, 1);
const EXCEL_AFTER_LAST_DAY = Date.UTC(10000, 0, 1);
/** ExcelJS's epoch: serial s is 1899-12-30 + s days (in the 1900 date system). */
const EXCELJS_EPOCH = Date.UTC(1899, 11, 30);

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
    // A number too large for a JavaScript date: Excel shows it as "#####"; so do the messages.
    if (Number.isNaN(t)) return '########';
    const shown = t < EXCEL_LEAP_BUG_END ? t + MS_PER_DAY : t;
    // Not a date Excel can show (serial 0, negative, after 9999-12-31): the number, which a date column reports as invalid.
    if (shown < EXCEL_FIRST_DAY || shown >= EXCEL_AFTER_LAST_DAY) return Math.round(((t - EXCELJS_EPOCH) / MS_PER_DAY) * 1e6) / 1e6;
    return { date: shown / MS_PER_DAY };
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
