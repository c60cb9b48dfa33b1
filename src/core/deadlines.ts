/**
 * SPEC §2 (1.3) "Deadlines as offices write them": a deadline cell that is not a date by the date
 * rule is read from its folded text as a date after a prefix ("Trước ngày 15/10/2026"), a period
 * ("Quý III/2026" → its last day) or a recurring task ("Thường xuyên"). The deadline column only.
 */
import { dayFromYmd, type CellValue } from './cells';
import { fold, matchesPrefix } from './fold';
import { parseDate, type DateValue } from './values';

/** A deadline cell: a date value, or a recurring task, which has no deadline and no fault. */
export type DeadlineValue = DateValue | { readonly kind: 'recurring'; readonly text: string };

/** What the folded text of a deadline says: a day, recurring, or nothing readable (an invalid date). */
export type DeadlineText = { readonly day: number } | 'recurring' | 'invalid';

// 1. Date after a prefix. Longer prefixes are listed first only for readability: every prefix is tried.
const DATE_PREFIXES = ['truoc ngay', 'truoc', 'cham nhat ngay', 'cham nhat', 'han chot ngay', 'han chot', 'den ngay'] as const;
/** `d m yyyy` (d/m/yyyy, d-m-yyyy, d.m.yyyy folded), `ngay d thang m nam yyyy`, `d thang m nam yyyy`. */
const PREFIXED_DATE_FORMS = [/^(\d{1,2}) (\d{1,2}) (\d{4})$/, /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/, /^(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/] as const;

// 2. A period, optionally after "trong" or "cuoi".
const PERIOD_LEADS = ['trong ', 'cuoi '] as const;
const MONTH = /^thang (\d{1,2}) (?:nam )?(\d{4})$/;
const QUARTER = /^quy (iv|iii|ii|i|1|2|3|4) (?:nam )?(\d{4})$/;
const FIRST_HALF = /^6 thang dau nam (\d{4})$/;
const SECOND_HALF = /^6 thang cuoi nam (\d{4})$/;
const YEAR = /^nam (\d{4})$/;
const QUARTER_NUMBER: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// 3. Recurring.
const RECURRING = ['thuong xuyen', 'hang ngay', 'hang tuan', 'hang thang', 'hang quy', 'hang nam', 'dinh ky', 'lien tuc'] as const;

function lastDayOfMonth(year: number, month: number): number | null {
  for (let d = 31; d >= 28; d--) {
    const day = dayFromYmd(year, month, d);
    if (day !== null) return day;
  }
  return null;
}

function orInvalid(day: number | null): DeadlineText {
  return day === null ? 'invalid' : { day };
}

function dateAfterPrefix(folded: string): DeadlineText | null {
  for (const prefix of DATE_PREFIXES) {
    if (!folded.startsWith(prefix + ' ')) continue;
    const rest = folded.slice(prefix.length + 1);
    for (const form of PREFIXED_DATE_FORMS) {
      const m = form.exec(rest);
      // An impossible date ("Trước ngày 31/4/2026") is an invalid date, not something else.
      if (m) return orInvalid(dayFromYmd(Number(m[3]), Number(m[2]), Number(m[1])));
    }
  }
  return null;
}

function periodEnd(folded: string): DeadlineText | null {
  const lead = PERIOD_LEADS.find((l) => folded.startsWith(l));
  const text = lead === undefined ? folded : folded.slice(lead.length);
  let m = MONTH.exec(text);
  if (m) return orInvalid(lastDayOfMonth(Number(m[2]), Number(m[1])));
  m = QUARTER.exec(text);
  if (m) return orInvalid(lastDayOfMonth(Number(m[2]), QUARTER_NUMBER[m[1]!]! * 3));
  m = FIRST_HALF.exec(text);
  if (m) return orInvalid(dayFromYmd(Number(m[1]), 6, 30));
  m = SECOND_HALF.exec(text) ?? YEAR.exec(text);
  if (m) return orInvalid(dayFromYmd(Number(m[1]), 12, 31));
  return null;
}

function isRecurring(folded: string): boolean {
  for (const word of RECURRING) if (matchesPrefix(folded, word)) return true;
  return false;
}

/** The deadline a text says, read on its folded form in the SPEC's order: prefix date, period, recurring. */
export function readDeadlineText(text: string): DeadlineText {
  const folded = fold(text);
  return dateAfterPrefix(folded) ?? periodEnd(folded) ?? (isRecurring(folded) ? 'recurring' : 'invalid');
}

/**
 * What the deadline forms make of a text that is not a date, keyed by the date cache's value for
 * that text (one per text): a cell that is a date, empty or an error costs nothing more than in any
 * other date column.
 */
const deadlineOfInvalid = new Map<DateValue, DeadlineValue>();
const MAX_CACHED_TEXTS = 50_000;

function readInvalidDeadline(invalid: DateValue & { kind: 'invalid' }): DeadlineValue {
  let value = deadlineOfInvalid.get(invalid);
  if (value === undefined) {
    const read = readDeadlineText(invalid.text);
    value = read === 'invalid' ? invalid : read === 'recurring' ? Object.freeze({ kind: 'recurring', text: invalid.text }) : Object.freeze({ kind: 'date', day: read.day });
    if (deadlineOfInvalid.size < MAX_CACHED_TEXTS) deadlineOfInvalid.set(invalid, value);
  }
  return value;
}

/** Read a cell of the deadline column: a date by the date rule, else the deadline forms of its text. */
export function parseDeadline(v: CellValue | undefined): DeadlineValue {
  const d = parseDate(v);
  return d.kind === 'invalid' && typeof v === 'string' ? readInvalidDeadline(d) : d;
}

/** The deadline's day when it is a valid date (a period's last day included), else null. */
export function deadlineDay(d: DeadlineValue): number | null {
  return d.kind === 'date' ? d.day : null;
}
