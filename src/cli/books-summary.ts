/** What a several-books run prints (SPEC §7): a table comparing the books, then, together, the combined summary. */
import type { BookSummary, TogetherReport } from '../core/books';
import { summarizeBook } from '../core/books';
import type { Report } from '../core/report';
import { booksText } from '../i18n/books';
import { formatCount } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import { summaryLines, table } from './summary';

type Column = (r: BookSummary) => string;

function columns(lang: Lang, withUnits: boolean): { header: string[]; cells: Column[] } {
  const t = booksText(lang);
  const header = [t.book, t.tasks, t.due, t.doneOnTime, t.doneLate, t.openOverdue, t.lateShare, t.errors, t.warnings];
  const n = (x: number) => formatCount(x, lang);
  const cells: Column[] = [
    (r) => r.file,
    (r) => n(r.tasks),
    (r) => n(r.due),
    (r) => n(r.doneOnTime),
    (r) => n(r.doneLate),
    (r) => n(r.openOverdue),
    (r) => t.percent(r.lateShare),
    (r) => n(r.errors),
    (r) => n(r.warnings),
  ];
  if (withUnits) {
    header.push(t.units);
    cells.push((r) => n(r.units));
  }
  return { header, cells };
}

/** The books' rows and a total row (counts added, the late share of the totals). */
function comparison(rows: readonly BookSummary[], lang: Lang, withUnits: boolean): string[] {
  const { header, cells } = columns(lang, withUnits);
  const sum = (f: (r: BookSummary) => number) => rows.reduce((n, r) => n + f(r), 0);
  const due = sum((r) => r.due);
  const late = sum((r) => r.doneLate + r.openOverdue);
  const total: BookSummary = {
    file: booksText(lang).total,
    tasks: sum((r) => r.tasks),
    due,
    doneOnTime: sum((r) => r.doneOnTime),
    doneLate: sum((r) => r.doneLate),
    openOverdue: sum((r) => r.openOverdue),
    lateShare: due === 0 ? 0 : late / due,
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
    units: sum((r) => r.units),
  };
  const right = new Set(header.map((_, i) => i).filter((i) => i > 0));
  const lines = table(header, [...rows, total].map((r) => cells.map((c) => c(r))), right);
  // The total under a rule of its own.
  lines.splice(lines.length - 1, 0, lines[1]!);
  return lines;
}

export function separatelyLines(rows: readonly BookSummary[], given: number, lang: Lang): string[] {
  return [booksText(lang).separatelyHeading(rows.length, given), ...comparison(rows, lang, true)];
}

/** Together: each book's share of the tasks and findings (units are tallied across the books, so they have no column), then the usual summary. */
export function togetherLines(report: TogetherReport, given: number, lang: Lang): string[] {
  const rows = report.books.map(({ file }) =>
    summarizeBook(file, { ...report, tasks: report.tasks.filter((t) => t.book === file), findings: report.findings.filter((f) => f.book === file), units: [] }),
  );
  // Sheets are named with their book, since two books may hold sheets of one name.
  const shown: Report = {
    ...report,
    sheets: report.sheets.map((s) => ({ ...s, name: `${s.book} › ${s.name}` })),
    ignoredSheets: report.ignoredSheets.map((s) => ({ ...s, name: `${s.book} › ${s.name}` })),
  };
  const t = booksText(lang);
  return [t.togetherHeading(report.books.length, given), ...comparison(rows, lang, false), '', ...summaryLines(shown, t.togetherLabel(report.books.length), lang)];
}
