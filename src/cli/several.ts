/**
 * `check INPUT… | FOLDER [--separately | --together]` (SPEC 1.3 §7), in one process. A book that
 * cannot be read is named on standard error (one line) and left out; the run exits 0 when at least
 * one book was read, 2 when none was. With --out, FOLDER receives each book's annotated copy under
 * its own name and "KQ tổng hợp.xlsx".
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { XlsxError, type XlsxWorkbook } from '../adapters/xlsx';
import { newXlsxInNode } from '../adapters/xlsx/node';
import { SUMMARY_BOOK_FILE, type TogetherReport } from '../core/books';
import type { Report } from '../core/report';
import { BOOKS_ERRORS, booksText } from '../i18n/books';
import { cliText } from '../i18n/cli';
import type { Lang } from '../i18n/messages';
import { checkSeparately, checkTogether, TogetherAnnotation, writeSeparatelySummary, type BookSource } from '../usecases/check-books';
import { annotate, type RunRequest } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';
import { UsageError, type CheckArgs } from './args';
import type { BookInput } from './book-inputs';
import type { Io } from './io';
import { openInput, packageError } from './open-input';
import { cannotWrite, writeFileOrFail, writeReportOrFail } from './output-files';
import { Progress } from './progress';
import { SeparatelyReportFile } from './report-file';
import { separatelyLines, togetherLines } from './books-summary';

/** The --out folder, refused when a file of the run would land on an input or on another file of the run. */
async function outFolder(out: string, books: readonly BookInput[]): Promise<string> {
  const stat = await fs.stat(out).catch(() => null);
  if (stat !== null && !stat.isDirectory()) throw new UsageError(BOOKS_ERRORS.outIsFile(out));
  const inputs = new Set(books.map((b) => path.resolve(b.path)));
  const taken = new Set<string>();
  for (const name of [...books.map((b) => b.file), SUMMARY_BOOK_FILE]) {
    const target = path.resolve(out, name);
    // Folded to lower case: on Windows and macOS two names that differ only so are one file.
    const key = target.normalize('NFC').toLowerCase();
    if (inputs.has(target) || taken.has(key)) throw new UsageError(BOOKS_ERRORS.outOverwrites(target));
    taken.add(key);
  }
  return out;
}

/** The one line for a book that cannot be read; anything that is not a bad book stops the run. */
function unreadableLine(e: unknown, file: string, lang: Lang): string {
  if (e instanceof UsageError) return `cli: ${e.text[lang]}`;
  if (e instanceof XlsxError) return `cli: ${packageError(e, file).text[lang]}`;
  throw e;
}

class Run {
  readonly t: ReturnType<typeof booksText>;
  readonly cli: ReturnType<typeof cliText>;
  readonly progress: Progress;
  readonly request: RunRequest;
  readonly sources: BookSource<XlsxWorkbook>[];
  private readonly paths: Map<string, string>;

  constructor(
    readonly args: CheckArgs,
    readonly books: readonly BookInput[],
    readonly io: Io,
  ) {
    this.t = booksText(args.lang);
    this.cli = cliText(args.lang);
    this.progress = new Progress(books.length, { line: io.stderr, raw: io.stderrTerminal, now: io.now });
    this.request = { asOf: args.asOf, rules: args.rules, lang: args.lang };
    this.paths = new Map(books.map((b) => [b.file, b.path]));
    this.sources = books.map((b) => ({ file: b.file, open: () => openInput(b.path) }));
  }

  pathOf(file: string): string {
    return this.paths.get(file) ?? file;
  }

  /** Named on standard error and left out. */
  unreadable = (file: string, e: unknown): void => {
    this.progress.note(unreadableLine(e, this.pathOf(file), this.args.lang));
    this.progress.step((k, n) => this.t.progressUnread(k, n, file));
  };

  /** SPEC §7: a book with no recognised sheet is not an error; one line says what was seen. */
  saySheets(report: Report, label: string): void {
    if (report.sheets.length > 0) return;
    const seen = report.ignoredSheets.map((s) => `"${s.name}" (${s.reason})`).join('; ') || this.cli.noSheetAtAll;
    this.progress.note(this.cli.noSheets(label, seen));
  }

  /**
   * The annotated copy of one book, under its own name in the out folder; the notices of what it
   * could not keep are said and returned. Null when the copy was not written (said too).
   */
  async writeCopy(port: XlsxWorkbook, file: string, out: string, fill: () => Promise<void>): Promise<{ part: string; what: string }[] | null> {
    const target = path.join(out, file);
    // A book with macros saved under .xlsx (or the reverse) would give a copy Excel refuses to open.
    if (path.extname(file).toLowerCase() !== `.${port.kind}`) {
      this.progress.note(`cli: ${BOOKS_ERRORS.copyKind(this.pathOf(file), port.kind)[this.args.lang]}`);
      return null;
    }
    let bytes: Uint8Array;
    try {
      await fill();
      bytes = await port.toBuffer();
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      this.progress.note(`cli: ${packageError(e, this.pathOf(file)).text[this.args.lang]}`);
      return null;
    }
    const notKept = port.takeNotices().filter((n) => n.kind === 'not-kept');
    for (const n of notKept) this.progress.note(noticeText(n, this.args.lang));
    await writeFileOrFail(target, bytes);
    return notKept.map((n) => ({ part: n.part, what: n.what }));
  }

  async writeSummaryBook(out: string, fill: (port: XlsxWorkbook) => Promise<void>): Promise<void> {
    const book = await newXlsxInNode();
    await fill(book);
    const file = path.join(out, SUMMARY_BOOK_FILE);
    await writeFileOrFail(file, await book.toBuffer());
    this.io.stdout(this.t.wroteSummary(file));
  }

  noneRead(): number {
    this.io.stderr(`cli: ${BOOKS_ERRORS.noneRead(this.books.length)[this.args.lang]}`);
    return 2;
  }
}

async function separately(run: Run, out: string | null): Promise<number> {
  const { args, io } = run;
  const json = args.json === undefined ? null : new SeparatelyReportFile(args.json);
  if (json) await fs.mkdir(path.dirname(path.resolve(json.file)), { recursive: true });
  let copies = 0;
  try {
    const outcome = await checkSeparately(run.sources, run.request, {
      unreadable: run.unreadable,
      checked: async ({ file, port, outcome: checked }) => {
        let report = checked.report;
        run.saySheets(report, file);
        if (out !== null) {
          const notKept = await run.writeCopy(port, file, out, () => annotate(port, report, args.lang));
          if (notKept !== null) copies++;
          // As `check BOOK --out` reports it: the book's report is the same as checking it alone.
          if (notKept !== null && notKept.length > 0) report = { ...report, notKept };
        }
        if (json) await json.book(file, report).catch((e: unknown) => Promise.reject(e instanceof UsageError ? e : cannotWrite(json.file, e)));
        run.progress.step((k, n) => run.t.progress(k, n, file, report.tasks.length));
      },
    });
    run.progress.end();
    if (outcome.summary.length === 0) return run.noneRead();
    if (json) await json.finish(outcome.summary).catch((e: unknown) => Promise.reject(e instanceof UsageError ? e : cannotWrite(json.file, e)));
    for (const line of separatelyLines(outcome.summary, run.books.length, args.lang)) io.stdout(line);
    if (json) io.stdout(run.cli.wroteJson(json.file));
    if (out !== null) {
      io.stdout(run.t.wroteCopies(copies, out));
      await run.writeSummaryBook(out, (book) => writeSeparatelySummary(book, outcome, args.lang));
    }
    return 0;
  } finally {
    await json?.close();
  }
}

async function together(run: Run, out: string | null): Promise<number> {
  const { args, io } = run;
  const outcome = await checkTogether(run.sources, run.request, {
    unreadable: run.unreadable,
    read: (file, sheets) => run.progress.step((k, n) => run.t.progressRead(k, n, file, sheets)),
  });
  run.progress.end();
  if (outcome === null) return run.noneRead();
  let report: TogetherReport = outcome.report;
  run.saySheets(report, run.t.togetherLabel(outcome.books.length));
  let copies = 0;
  if (out !== null) {
    const annotation = new TogetherAnnotation(outcome, args.lang);
    const notKept: { part: string; what: string; book: string }[] = [];
    for (const [i, source] of outcome.books.entries()) {
      // Each book is opened again to be written, one at a time: only its sheets were kept.
      let port: XlsxWorkbook;
      try {
        port = await source.open();
      } catch (e) {
        run.progress.note(unreadableLine(e, run.pathOf(source.file), args.lang));
        continue;
      }
      const lost = await run.writeCopy(port, source.file, out, () => annotation.annotate(port, i));
      if (lost === null) continue;
      copies++;
      notKept.push(...lost.map((n) => ({ ...n, book: source.file })));
    }
    if (notKept.length > 0) report = { ...report, notKept };
  }
  for (const line of togetherLines(report, run.books.length, args.lang)) io.stdout(line);
  if (args.json !== undefined) {
    await writeReportOrFail(args.json, report);
    io.stdout(run.cli.wroteJson(args.json));
  }
  if (out !== null) {
    io.stdout(run.t.wroteCopies(copies, out));
    const annotation = new TogetherAnnotation(outcome, args.lang);
    await run.writeSummaryBook(out, (book) => annotation.summary(book));
  }
  return 0;
}

export async function runSeveral(args: CheckArgs, books: readonly BookInput[], io: Io): Promise<number> {
  const out = args.out === undefined ? null : await outFolder(args.out, books);
  const run = new Run(args, books, io);
  return (args.mode ?? 'separately') === 'together' ? together(run, out) : separately(run, out);
}
