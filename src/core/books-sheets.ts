/**
 * The add-in's sheets for several books (SPEC 1.3 §7), laid out without any host:
 * - separately, "KQ Tổng hợp": one row per book (the summary rows), with a chart of the late share;
 * - together, the KQ sheets of the books read as one. Every annotated copy gets the same sheets; in
 *   "KQ Kiểm tra" a finding of the copy's own book links to its cell, a finding of another book
 *   links to that cell in the other copy (the file of that name beside it), and the summary book,
 *   which holds no task sheet, links every finding to its copy.
 */
import { booksText } from '../i18n/books';
import { formatIsoDate } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import { bookOfSheet, type BookSummary } from './books';
import { findingsSheet, mapsPeople, peopleSheet, scoresSheet, type OwnedSheet } from './owned-sheets';
import { SUMMARY_SHEET } from './presentation';
import type { Report } from './report';

/** "KQ Tổng hợp": the summary rows, books in the order checked. `asOf` is the date every book was checked as of, or null when they differ. */
export function booksSummarySheet(rows: readonly BookSummary[], asOf: string | null, lang: Lang): OwnedSheet {
  const t = booksText(lang);
  return {
    name: SUMMARY_SHEET,
    title: [t.summaryTitle, t.summarySubtitle(rows.length, asOf === null ? null : formatIsoDate(asOf, lang))],
    columns: [
      { header: t.book, width: 32, format: 'text' },
      { header: t.tasks, width: 10, format: 'integer' },
      { header: t.due, width: 9, format: 'integer' },
      { header: t.doneOnTime, width: 10, format: 'integer' },
      { header: t.doneLate, width: 14, format: 'integer' },
      { header: t.openOverdue, width: 16, format: 'integer' },
      { header: t.lateShare, width: 13, format: 'percent' },
      { header: t.errors, width: 8, format: 'integer' },
      { header: t.warnings, width: 10, format: 'integer' },
      { header: t.units, width: 8, format: 'integer' },
    ],
    rows: rows.map((r) => [r.file, r.tasks, r.due, r.doneOnTime, r.doneLate, r.openOverdue, r.lateShare, r.errors, r.warnings, r.units]),
    tableName: 'KQ_TongHop',
    chart: { valueCol: 6, categoryCol: 0, title: t.lateShareChart, axisMax: 1 },
    links: [],
  };
}

/**
 * The KQ sheets of books read together, from the engine's report over togetherSheets (whose sheet
 * names carry their book). `here` is the index of the book whose copy receives them, or null for the
 * summary book.
 */
export function togetherOwnedSheets(combined: Report, files: readonly string[], here: number | null, lang: Lang): OwnedSheet[] {
  const place = (sheet: string) => {
    const { index, name } = bookOfSheet(sheet);
    const book = files[index]!;
    return index === here ? { book, sheet: name } : { book, sheet: name, file: book };
  };
  const sheets = [scoresSheet(combined, lang), findingsSheet(combined, lang, { header: booksText(lang).findingsBook, place })];
  if (mapsPeople(combined)) sheets.push(peopleSheet(combined, lang));
  return sheets;
}
