/** `check INPUT.xlsx …` (SPEC §7): never writes INPUT; exit 0 when it ran, 2 for bad arguments or files. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { XlsxError } from '../adapters/xlsx';
import type { Report } from '../core/report';
import { RULE_SET_IDS } from '../core/rule-sets/registry';
import { CLI_ERRORS, cliText } from '../i18n/cli';
import { XLSX_ERRORS } from '../i18n/xlsx';
import { annotate, checkBook } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';
import { langOf, parseArgs, UsageError, type CheckArgs } from './args';
import { openInput, packageError } from './open-input';
import { writeReport } from './report-file';
import { summaryLines } from './summary';

export interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const consoleIo: Io = { stdout: (l) => process.stdout.write(l + '\n'), stderr: (l) => process.stderr.write(l + '\n') };

async function writeReportOrFail(file: string, report: Report): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeReport(file, report);
  } catch (e) {
    throw new UsageError(CLI_ERRORS.cannotWrite(file, e instanceof Error ? e.message : String(e)));
  }
}

async function writeFileOrFail(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, data);
  } catch (e) {
    throw new UsageError(CLI_ERRORS.cannotWrite(file, e instanceof Error ? e.message : String(e)));
  }
}


export async function runCheck(args: CheckArgs, io: Io): Promise<void> {
  const t = cliText(args.lang);
  if (args.out !== undefined && path.resolve(args.out) === path.resolve(args.input)) throw new UsageError(CLI_ERRORS.sameAsInput);
  const book = await openInput(args.input);
  // The copy is of the input's kind: a book with macros stays an .xlsm, which Excel opens only under that name.
  if (args.out !== undefined && path.extname(args.out).toLowerCase() !== `.${book.kind}`) throw new UsageError(XLSX_ERRORS.outKind(args.out, book.kind));
  let { report } = await checkBook(book, { asOf: args.asOf, rules: args.rules, lang: args.lang });
  if (report.sheets.length === 0) {
    const seen = report.ignoredSheets.map((s) => `"${s.name}" (${s.reason})`).join('; ') || t.noSheetAtAll;
    io.stderr(t.noSheets(path.basename(args.input), seen));
  }
  for (const line of summaryLines(report, path.basename(args.input), args.lang)) io.stdout(line);
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
    try {
      await runCheck(args, io);
    } catch (e) {
      throw e instanceof XlsxError ? packageError(e, args.input) : e;
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
