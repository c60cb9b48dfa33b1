/**
 * Numbers and dates as each language writes them: Vietnamese "20.000", "94,0" and "26/11/2026";
 * English "20,000", "94.0" and the ISO date the report keeps. The report JSON itself keeps ISO dates
 * and plain numbers; only what people read goes through here.
 */
import type { Lang } from './lang';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const counts = new Map<Lang, Intl.NumberFormat>();
const decimals = new Map<string, Intl.NumberFormat>();

/** A whole number with the language's thousands separator. */
export function formatCount(n: number, lang: Lang): string {
  let f = counts.get(lang);
  if (!f) counts.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** A number with exactly `digits` decimals and the language's decimal mark. */
export function formatDecimal(x: number, lang: Lang, digits = 1): string {
  const key = `${lang}:${digits}`;
  let f = decimals.get(key);
  if (!f) decimals.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(x);
}

/**
 * A number the engine already wrote as text ("94.0"), with the language's decimal mark ("94,0" in
 * Vietnamese); any other text is returned as it is.
 */
export function decimalText(text: string, lang: Lang): string {
  return lang === 'vi' && /^-?\d+\.\d+$/.test(text) ? text.replace('.', ',') : text;
}

/** "YYYY-MM-DD" → "DD/MM/YYYY" in Vietnamese, unchanged in English; anything else is returned as it is. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
