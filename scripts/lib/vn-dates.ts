/**
 * Dates as Vietnamese offices type them, for generated workbooks. Days are day numbers (days since
 * 1970-01-01), as in src/core; a real Excel date is written as a JS Date at UTC midnight, which is
 * what ExcelJS reads back.
 */
import { dayFromYmd, isoFromDay } from '../../src/core/cells';

/** The text forms of SPEC §2 that offices actually use, besides real dates. */
export const TEXT_DATE_FORMS = ['dd/mm/yyyy', 'd-m-yy', 'yyyy.mm.dd', 'spelt', 'd/m/yyyy'] as const;
export type TextDateForm = (typeof TEXT_DATE_FORMS)[number];

export function day(y: number, m: number, d: number): number {
  const n = dayFromYmd(y, m, d);
  if (n === null) throw new RangeError(`not a date: ${y}-${m}-${d}`);
  return n;
}

export function ymd(dayNumber: number): { y: number; m: number; d: number } {
  const [y, m, d] = isoFromDay(dayNumber).split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The same day if it is a working day, else the next Monday. */
export function nextWorkingDay(dayNumber: number): number {
  const w = weekday(dayNumber);
  return w === 6 ? dayNumber + 2 : w === 0 ? dayNumber + 1 : dayNumber;
}

/** A real Excel date for ExcelJS: UTC midnight of that day. */
export function jsDate(dayNumber: number): Date {
  return new Date(dayNumber * 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function textDate(dayNumber: number, form: TextDateForm): string {
  const { y, m, d } = ymd(dayNumber);
  switch (form) {
    case 'dd/mm/yyyy':
      return `${pad(d)}/${pad(m)}/${y}`;
    case 'd-m-yy':
      return `${d}-${m}-${String(y).slice(2)}`;
    case 'yyyy.mm.dd':
      return `${y}.${pad(m)}.${pad(d)}`;
    case 'spelt':
      return `ngày ${d} tháng ${m} năm ${y}`;
    case 'd/m/yyyy':
      return `${d}/${m}/${y}`;
  }
}

/** dd/mm/yyyy, as in the office's own documents. */
export function viDate(dayNumber: number): string {
  return textDate(dayNumber, 'dd/mm/yyyy');
}
