/** `check INPUT.xlsx …` (SPEC §7): never writes INPUT; exit 0 when it ran, 2 for bad arguments or files. */
import * as path from 'node:path';
import { XlsxError } from '../adapters/xlsx';
import { RULE_SET_IDS } from '../core/rule-sets/registry';
import { CLI_ERRORS, cliText } from '../i18n/cli';
import { XLSX_ERRORS } from '../i18n/xlsx';
import { annotate, checkBook } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';
import { langOf, parseArgs, UsageError, type CheckArgs } from './args';
import { bookInputs } from './book-inputs';
import { consoleIo, type Io } from './io';
import { openInput, packageError } from './open-input';
import { writeFileOrFail, writeReportOrFail } from './output-files';
import { runSeveral } from './several';
import { summaryLines } from './summary';

export type { Io } from './io';

/** One book (SPEC §7's first form). */
export async function runCheck(args: CheckArgs, input: string, io: Io): Promise<void> {
  const t = cliText(args.lang);
  if (args.out !== undefined && path.resolve(args.out) === path.resolve(input)) throw new UsageError(CLI_ERRORS.sameAsInput);
  const book = await openInput(input);
  // The copy is of the input's kind: a book with macros stays an .xlsm, which Excel opens only under that name.
  if (args.out !== undefined && path.extname(args.out).toLowerCase() !== `.${book.kind}`) throw new UsageError(XLSX_ERRORS.outKind(args.out, book.kind));
  let { report } = await checkBook(book, { asOf: args.asOf, rules: args.rules, lang: args.lang });
  if (report.sheets.length === 0) {
    const seen = report.ignoredSheets.map((s) => `"${s.name}" (${s.reason})`).join('; ') || t.noSheetAtAll;
    io.stderr(t.noSheets(path.basename(input), seen));
  }
  for (const line of summaryLines(report, path.basename(input), args.lang)) io.stdout(line);
  let annotated: Uint8Array | null = null;
  if (args.out !== undefined) {
    await annotate(book, report, args.lang);
    annotated = await book.toBuffer();
    // Whatever the copy could not keep is said here and listed in the report: never silent.
    const notKept = book.takeNotices().filter((n) => n.kind === 'not-kept');
    for (const n of notKept) io.stderr(noticeText(n, args.lang));
    if (notKept.length > 0) report = { ...report, notKept: notKept.map((n) => ({ part: n.part, what: n.what })) };
  }
  if (args.json !== undefined) {
    await writeReportOrFail(args.json, report);
    io.stdout(t.wroteJson(args.json));
  }
  if (args.out !== undefined && annotated !== null) {
    await writeFileOrFail(args.out, annotated);
    io.stdout(t.wroteOut(args.out));
  }
}

/** Returns the exit code. */
export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const lang = langOf(argv);
  try {
    const usage = cliText(lang).usage(RULE_SET_IDS);
    // Asked for, the usage is the output; given instead of a command, it is the error.
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(usage);
      return 0;
    }
    if (argv.length === 0) {
      io.stderr(usage);
      return 2;
    }
    const args = parseArgs(argv);
    const inputs = await bookInputs(args.inputs, args.mode !== null);
    if (inputs.several) return await runSeveral(args, inputs.books, io);
    const input = inputs.books[0]!.path;
    try {
      await runCheck(args, input, io);
    } catch (e) {
      throw e instanceof XlsxError ? packageError(e, input) : e;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cli: ${e.text[lang]}`);
      return 2;
    }
    throw e;
  }
}
