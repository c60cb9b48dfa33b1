/** SPEC §2 "Values": dates, units, status text, violations, Excel errors. */
import { cellText, dayFromSerial, dayFromYmd, isDateCell, isEmpty, isErrorCell, type CellValue } from './cells';
import { containsWords, FoldCache, fold } from './fold';

export type DateValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'date'; readonly day: number }
  | { readonly kind: 'invalid'; readonly text: string };

const EMPTY: DateValue = { kind: 'empty' };
const MAX_SERIAL = 2958465;
const TIME = String.raw`(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);
const SPELT = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})(?: \d{1,2} \d{2}(?: \d{2})?)?$/;

/** Parse date text in the SPEC's forms; null when it is not one of them or not a real date. */
export function parseDateText(raw: string): number | null {
  const text = raw.trim();
  let m = DAY_FIRST.exec(text);
  if (m) {
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return dayFromYmd(year, Number(m[3]), Number(m[1]));
  }
  m = YEAR_FIRST.exec(text);
  if (m) return dayFromYmd(Number(m[1]), Number(m[3]), Number(m[4]));
  if (/ng/i.test(text)) {
    m = SPELT.exec(fold(text));
    if (m) return dayFromYmd(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return null;
}

/** Read a cell of a date column. */
/** Dates repeat a lot in a tracking sheet: one frozen value per day and per date text. */
const dateValues = new Map<number, DateValue>();
const dateTexts = new Map<string, DateValue>();
const MAX_CACHED_TEXTS = 50_000;

function dateOf(day: number): DateValue {
  let d = dateValues.get(day);
  if (d === undefined) {
    d = Object.freeze({ kind: 'date', day });
    dateValues.set(day, d);
  }
  return d;
}

function dateOfText(v: string): DateValue {
  let d = dateTexts.get(v);
  if (d === undefined) {
    const day = v.trim() === '' ? null : parseDateText(v);
    d = v.trim() === '' ? EMPTY : day === null ? Object.freeze({ kind: 'invalid', text: v.trim() }) : dateOf(day);
    if (dateTexts.size < MAX_CACHED_TEXTS) dateTexts.set(v, d);
  }
  return d;
}

export function parseDate(v: CellValue | undefined): DateValue {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') return dateOfText(v);
  if (typeof v === 'number') {
    return v >= 1 && v <= MAX_SERIAL ? dateOf(dayFromSerial(v)) : { kind: 'invalid', text: String(v) };
  }
  if (isDateCell(v)) return dateOf(Math.floor(v.date));
  if (isErrorCell(v)) return { kind: 'error', code: v.error };
  return { kind: 'invalid', text: cellText(v) };
}

export function validDay(d: DateValue): number | null {
  return d.kind === 'date' ? d.day : null;
}

/** SPEC §2 unit identity: folded name with "UBND xã …" = "xã …" and "P. …" = "Phòng …". */
export function unitKeyOfFolded(f: string): string {
  for (const p of ['ubnd ', 'uy ban nhan dan ']) {
    if (f.startsWith(p)) {
      const rest = f.slice(p.length);
      if (rest.startsWith('xa ') || rest.startsWith('phuong ') || rest.startsWith('thi tran ') || rest.startsWith('dac khu ')) {
        return rest;
      }
    }
  }
  return f.startsWith('p ') ? 'phong ' + f.slice(2) : f;
}

const unitFolds = new FoldCache();

export function unitKey(name: string): string {
  return unitKeyOfFolded(unitFolds.fold(name));
}

export interface UnitName {
  /** As written, trimmed, spaces collapsed. */
  readonly name: string;
  readonly key: string;
}

const UNIT_SEPARATORS = /[\r\n;,]/;

/**
 * Unit cells repeat a lot (a book names a few dozen units in thousands of rows): results are memoised
 * by the cell's text and shared between records, hence read-only. (Not frozen: V8 does not optimise
 * iteration over frozen arrays, which made every loop over them allocate.)
 */
const unitCells = new Map<string, readonly UnitName[]>();
const NO_UNIT_NAMES: readonly UnitName[] = [];

/** Split a unit cell on newline, ";" or ","; drop empty pieces; a unit repeated in one cell counts once. */
export function splitUnits(v: CellValue | undefined): readonly UnitName[] {
  if (isEmpty(v) || isErrorCell(v)) return NO_UNIT_NAMES;
  const text = cellText(v);
  let units = unitCells.get(text);
  if (units === undefined) {
    units = splitUnitText(text);
    if (unitCells.size < 50_000) unitCells.set(text, units);
  }
  return units;
}

function splitUnitText(text: string): UnitName[] {
  const out: UnitName[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(UNIT_SEPARATORS)) {
    const name = piece.trim().replace(/\s+/g, ' ');
    if (name === '') continue;
    const key = unitKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}

export type StatusMeaning = 'done' | 'not_done' | 'unknown';

/** A book uses a handful of status texts: their meaning is memoised by the text as written. */
const statusMeanings = new Map<string, StatusMeaning>();

/** SPEC §2 status text; it never changes the computed status, only raises status-conflict. */
export function statusMeaning(v: CellValue | undefined): StatusMeaning {
  if (typeof v !== 'string' || v.trim() === '') return 'unknown';
  let meaning = statusMeanings.get(v);
  if (meaning === undefined) {
    meaning = meaningOfStatus(v);
    if (statusMeanings.size < 10_000) statusMeanings.set(v, meaning);
  }
  return meaning;
}

function meaningOfStatus(v: string): StatusMeaning {
  const f = fold(v);
  if (containsWords(f, 'chua') || containsWords(f, 'dang thuc hien') || containsWords(f, 'dang xu ly')) return 'not_done';
  if (containsWords(f, 'hoan thanh') || containsWords(f, 'xong')) return 'done';
  return 'unknown';
}

export type ViolationsValue =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'invalid'; readonly text: string };

/** SPEC §2 violations: whole number ≥ 0; empty, "không" or "không vi phạm" is 0. */
export function parseViolations(v: CellValue | undefined): ViolationsValue {
  if (isEmpty(v)) return { kind: 'count', count: 0 };
  if (isErrorCell(v)) return { kind: 'error', code: v.error };
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 ? { kind: 'count', count: v } : { kind: 'invalid', text: String(v) };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    const m = /^(\d+)(?:\.0+)?$/.exec(t);
    if (m) return { kind: 'count', count: Number(m[1]) };
    const f = fold(t);
    if (f === 'khong' || f === 'khong vi pham') return { kind: 'count', count: 0 };
    return { kind: 'invalid', text: t };
  }
  return { kind: 'invalid', text: cellText(v) };
}

/** SPEC §5 registry discipline mark: non-empty and not "không", "0" or "no". */
export function isDisciplineMark(v: CellValue | undefined): boolean {
  if (isEmpty(v) || isErrorCell(v)) return false;
  const f = fold(cellText(v));
  return f !== 'khong' && f !== '0' && f !== 'no';
}

/** Trimmed text with spaces collapsed, or null when empty. */
export function plainText(v: CellValue | undefined): string | null {
  if (isEmpty(v) || isErrorCell(v)) return null;
  const t = cellText(v).trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
}
