/**
 * Several books (SPEC 1.3 §7), for every host that has files (the command line, browser mode):
 * - separately: each book opened, checked exactly as alone, handed to the host, and released before
 *   the next is opened, so that memory does not grow with the number of books;
 * - together: every book's sheets read (and the book released), then checked as one book holding
 *   them all; each copy then gets its own flags and the shared KQ sheets.
 * A book that cannot be opened or read is handed to the host's `unreadable` and left out; the host
 * words it, or throws to stop the run when the error is not a bad book.
 */
import { bookFlagPlan, summarizeBook, togetherMappings, togetherReport, togetherSheets, type BookSheets, type BookSummary, type TogetherReport } from '../core/books';
import { booksSummarySheet, togetherOwnedSheets } from '../core/books-sheets';
import { checkWorkbook } from '../core/check';
import { planFlags, type FlagPlan } from '../core/flag-plan';
import type { Report } from '../core/report';
import { parseSettings, type Settings } from '../core/settings';
import type { Lang } from '../i18n/messages';
import type { WorkbookPort } from '../port/workbook-port';
import { checkBook, optionsFor, type CheckOutcome, type RunRequest } from './check-workbook';

/** One book to check: its file name (with extension, without folder: the report's `file` and `book`) and how to open it. */
export interface BookSource<P extends WorkbookPort = WorkbookPort> {
  readonly file: string;
  open(): Promise<P>;
}

export interface SeparatelyHost<P extends WorkbookPort> {
  /** A book could not be opened or read: it is left out. Throw to stop the run. */
  unreadable(file: string, error: unknown): void;
  /** A book checked, its workbook still open (to annotate and save it); it is released when this returns. */
  checked(book: { readonly index: number; readonly file: string; readonly port: P; readonly outcome: CheckOutcome }): Promise<void>;
}

export interface SeparatelyOutcome {
  /** One row per book read, in the order given. */
  readonly summary: BookSummary[];
  /** The date every book was checked as of, or null when the books' saved dates differ. */
  readonly asOf: string | null;
}

/** Check each book exactly as `checkBook` checks it alone, one at a time. */
export async function checkSeparately<P extends WorkbookPort>(sources: readonly BookSource<P>[], request: RunRequest, host: SeparatelyHost<P>): Promise<SeparatelyOutcome> {
  const summary: BookSummary[] = [];
  const dates = new Set<string>();
  for (const source of sources) {
    let port: P;
    let outcome: CheckOutcome;
    try {
      port = await source.open();
      outcome = await checkBook(port, request);
    } catch (e) {
      host.unreadable(source.file, e);
      continue;
    }
    summary.push(summarizeBook(source.file, outcome.report));
    dates.add(outcome.report.asOf);
    await host.checked({ index: summary.length - 1, file: source.file, port, outcome });
  }
  return { summary, asOf: dates.size === 1 ? [...dates][0]! : null };
}

export interface TogetherOutcome<P extends WorkbookPort> {
  /** The report of SPEC §7: every sheet, task, finding and ignored sheet names its book. */
  readonly report: TogetherReport;
  /** The engine's report over togetherSheets (its sheet names carry the book's index): what the KQ sheets and flags are made from. */
  readonly combined: Report;
  /** The books read, in the order given; indices below are into this list. */
  readonly books: readonly BookSource<P>[];
  /** The first book's saved settings, which give the as-of date, the rules and the rubric. */
  readonly settings: Settings;
}

/**
 * Read every book and check them as one book holding all their sheets, in the order given. Each
 * book's confirmed mappings apply to its own sheets; the other saved settings (as-of date, rule set,
 * rubric, working days) are the first book's, as one book has one set of settings. Null when no
 * book could be read.
 */
export interface TogetherHost {
  /** A book could not be opened or read: it is left out. Throw to stop the run. */
  unreadable(file: string, error: unknown): void;
  /** A book's sheets were read (its workbook is released). */
  read?(file: string, sheets: number): void;
}

export async function checkTogether<P extends WorkbookPort>(sources: readonly BookSource<P>[], request: RunRequest, host: TogetherHost): Promise<TogetherOutcome<P> | null> {
  const read: { source: BookSource<P>; sheets: BookSheets; settings: Settings }[] = [];
  for (const source of sources) {
    try {
      const port = await source.open();
      const contents = await port.readBook();
      const { settings } = parseSettings(contents.settings);
      read.push({ source, settings, sheets: { file: source.file, sheets: contents.sheets, mappings: settings.mappings } });
    } catch (e) {
      host.unreadable(source.file, e);
      continue;
    }
    host.read?.(source.file, read[read.length - 1]!.sheets.sheets.length);
  }
  const first = read[0];
  if (!first) return null;
  const books = read.map((r) => r.sheets);
  const combined = checkWorkbook(togetherSheets(books), { ...optionsFor(first.settings, request), mappings: togetherMappings(books) });
  return {
    report: togetherReport(combined, books.map((b) => b.file)),
    combined,
    books: read.map((r) => r.source),
    settings: first.settings,
  };
}

/** The flags and KQ sheets of books checked together, book by book; the plan is made once. */
export class TogetherAnnotation<P extends WorkbookPort> {
  private plan: FlagPlan | null = null;

  constructor(
    private readonly outcome: TogetherOutcome<P>,
    private readonly lang: Lang,
  ) {}

  private files(): string[] {
    return this.outcome.books.map((b) => b.file);
  }

  /** Book `index`'s copy: the flags of its own sheets and the shared KQ sheets. */
  async annotate(port: WorkbookPort, index: number): Promise<void> {
    this.plan ??= planFlags(this.outcome.combined);
    await port.writeFlags(bookFlagPlan(this.plan, index));
    await port.writeOwnedSheets(togetherOwnedSheets(this.outcome.combined, this.files(), index, this.lang));
  }

  /** The summary book: the combined KQ sheets, every finding linked to its book's copy. */
  async summary(port: WorkbookPort): Promise<void> {
    await port.writeOwnedSheets(togetherOwnedSheets(this.outcome.combined, this.files(), null, this.lang));
  }
}

/** The summary book of books checked separately: "KQ Tổng hợp", one row per book. */
export async function writeSeparatelySummary(port: WorkbookPort, outcome: SeparatelyOutcome, lang: Lang): Promise<void> {
  await port.writeOwnedSheets([booksSummarySheet(outcome.summary, outcome.asOf, lang)]);
}
