/** A cell's value as a person reads it in the pane: dates in the language's form, text on one line. */
import { isDateCell, isErrorCell, isoFromDay, type CellValue } from '../core/cells';
import { formatIsoDate } from '../i18n/format';
import type { Lang } from '../i18n/messages';

export function displayValue(v: CellValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (isErrorCell(v)) return v.error;
  if (isDateCell(v)) return formatIsoDate(isoFromDay(Math.floor(v.date)), lang);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Numbers stay as typed: a document number 2026 must not read "2.026".
  return String(v).replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (whole code points), with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
