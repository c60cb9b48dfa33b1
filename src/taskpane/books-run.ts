/**
 * Several books in browser mode (SPEC 1.3 §7, issue 13), without React: check the chosen files
 * separately or together through the same use cases as the command line, open one book again to
 * show its rows and cells, and make the download.
 *
 * The download is one zip archive (fflate's zipSync; the .xlsx parts inside are already deflated,
 * so the entries are stored): the annotated copies under their own names and "KQ tổng hợp.xlsx".
 * One archive rather than one download each, because browsers ask before, or block, a page that
 * starts several downloads, a province's 200 books would fill the downloads folder one by one, and
 * the links of books read together point at the copy beside, which only an archive unzipped into
 * one folder keeps beside. Everything stays in the page's memory; nothing is sent anywhere.
 */
import { zipSync, type Zippable } from 'fflate';
import { newXlsx, openXlsx, type XlsxWorkbook } from '../adapters/xlsx';
import type { SheetData } from '../core/cells';
import { SUMMARY_BOOK_FILE, type BookSummary, type Mode } from '../core/books';
import type { Report } from '../core/report';
import type { Lang } from '../i18n/messages';
import { checkSeparately, checkTogether, TogetherAnnotation, writeSeparatelySummary, type BookSource, type TogetherOutcome } from '../usecases/check-books';
import { annotate, type RunRequest } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';

export interface BookFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A book left out, and why, in words. */
export interface Unread {
  readonly file: string;
  readonly text: string;
}

export type BooksResult =
  | {
      readonly mode: 'separately';
      /** Each book's own report, as checking it alone gives it. */
      readonly books: readonly { readonly file: string; readonly report: Report }[];
      readonly summary: readonly BookSummary[];
      readonly asOf: string | null;
      readonly unread: readonly Unread[];
      readonly lang: Lang;
    }
  | { readonly mode: 'together'; readonly outcome: TogetherOutcome<XlsxWorkbook>; readonly unread: readonly Unread[]; readonly lang: Lang };

export interface RunBooksOptions {
  readonly files: readonly BookFile[];
  readonly mode: Mode;
  readonly request: RunRequest & { readonly lang: Lang };
  /** Why a book could not be opened or read, in words. */
  readonly describe: (file: BookFile, error: unknown) => string;
  /** Two files of one name: the second is left out with this text. */
  readonly duplicate: (file: string) => string;
  readonly onProgress?: (done: number, of: number) => void;
}

/** The files as book sources; a second file of a name already taken (or the summary book's) is left out. */
function sources(files: readonly BookFile[], duplicate: (file: string) => string, unread: Unread[]): BookSource<XlsxWorkbook>[] {
  const taken = new Set([SUMMARY_BOOK_FILE.toLowerCase()]);
  const out: BookSource<XlsxWorkbook>[] = [];
  for (const f of files) {
    const key = f.name.normalize('NFC').toLowerCase();
    if (taken.has(key)) {
      unread.push({ file: f.name, text: duplicate(f.name) });
      continue;
    }
    taken.add(key);
    out.push({ file: f.name, open: () => openXlsx(f.bytes) });
  }
  return out;
}

export async function runBooks(o: RunBooksOptions): Promise<BooksResult> {
  const unread: Unread[] = [];
  const list = sources(o.files, o.duplicate, unread);
  const byName = new Map(o.files.map((f) => [f.name, f]));
  let done = 0;
  const step = () => o.onProgress?.(++done, list.length);
  const unreadable = (file: string, e: unknown) => {
    unread.push({ file, text: o.describe(byName.get(file)!, e) });
    step();
  };
  if (o.mode === 'together') {
    const outcome = await checkTogether(list, o.request, { unreadable, read: step });
    if (outcome === null) return { mode: 'separately', books: [], summary: [], asOf: null, unread, lang: o.request.lang };
    return { mode: 'together', outcome, unread, lang: o.request.lang };
  }
  const books: { file: string; report: Report }[] = [];
  const result = await checkSeparately(list, o.request, {
    unreadable,
    checked: async ({ file, outcome }) => {
      books.push({ file, report: outcome.report });
      step();
    },
  });
  return { mode: 'separately', books, summary: result.summary, asOf: result.asOf, unread, lang: o.request.lang };
}

/** The books read, in order, with the report to show for each (together: its part of the whole). */
export function booksRead(result: BooksResult): string[] {
  return result.mode === 'separately' ? result.books.map((b) => b.file) : result.outcome.books.map((b) => b.file);
}

/** One book of a together report, as a report of that book: its sheets, tasks and findings under their own names; units across the books. */
export function bookPart(report: TogetherOutcome<XlsxWorkbook>['report'], file: string): Report {
  const strip = <T extends { book: string }>(xs: readonly T[]) => xs.filter((x) => x.book === file).map(({ book: _book, ...rest }) => rest);
  return {
    version: report.version,
    asOf: report.asOf,
    sheets: strip(report.sheets),
    tasks: strip(report.tasks),
    findings: strip(report.findings),
    units: report.units,
    people: report.people,
    ignoredSheets: strip(report.ignoredSheets),
    rules: report.rules,
  };
}

/** One book opened again, to show a finding's row and the cells around it. */
export async function openBook(file: BookFile): Promise<{ book: XlsxWorkbook; sheets: SheetData[] }> {
  const book = await openXlsx(file.bytes);
  return { book, sheets: (await book.readBook()).sheets };
}

/**
 * What a check of several books annotated, zipped: the copies and KQ tổng hợp.xlsx; what the copies
 * could not keep (said before the download), and anything else the hosts told.
 */
export async function booksArchive(files: readonly BookFile[], result: BooksResult): Promise<{ bytes: Uint8Array; copies: number; notKept: string[]; notices: string[] }> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const entries: Zippable = {};
  const notKept: string[] = [];
  const notices: string[] = [];
  const put = async (name: string, book: XlsxWorkbook) => {
    entries[name] = [await book.toBuffer(), { level: 0 }];
    for (const n of book.takeNotices()) (n.kind === 'not-kept' ? notKept : notices).push(`${name}: ${noticeText(n, result.lang)}`);
  };
  if (result.mode === 'separately') {
    for (const { file, report } of result.books) {
      const book = await openXlsx(byName.get(file)!.bytes);
      await annotate(book, report, result.lang);
      await put(file, book);
    }
    const summary = await newXlsx();
    await writeSeparatelySummary(summary, { summary: [...result.summary], asOf: result.asOf }, result.lang);
    await put(SUMMARY_BOOK_FILE, summary);
  } else {
    const annotation = new TogetherAnnotation(result.outcome, result.lang);
    for (const [i, source] of result.outcome.books.entries()) {
      const book = await source.open();
      await annotation.annotate(book, i);
      await put(source.file, book);
    }
    const summary = await newXlsx();
    await annotation.summary(summary);
    await put(SUMMARY_BOOK_FILE, summary);
  }
  return { bytes: zipSync(entries), copies: Object.keys(entries).length - 1, notKept, notices };
}
