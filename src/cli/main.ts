/** `check INPUT.xlsx …` (SPEC §7): never writes INPUT; exit 0 when it ran, 2 for bad arguments or files. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../core/report';
import { RULE_SET_IDS } from '../core/rule-sets/registry';
import { CLI_ERRORS, cliText } from '../i18n/cli';
import { annotate, checkBook } from '../usecases/check-workbook';
import { langOf, parseArgs, UsageError, type CheckArgs } from './args';
import { openInput } from './open-input';
import { summaryLines } from './summary';

export interface Io {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const consoleIo: Io = { stdout: (l) => process.stdout.write(l + '\n'), stderr: (l) => process.stderr.write(l + '\n') };

async function writeFileOrFail(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, data);
  } catch (e) {
    throw new UsageError(CLI_ERRORS.cannotWrite(file, e instanceof Error ? e.message : String(e)));
  }
}

/** Reports people read are indented; a large book's report is written compact (half the size and time). */
const INDENT_UP_TO_TASKS = 2_000;

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, report.tasks.length <= INDENT_UP_TO_TASKS ? 2 : undefined) + '\n';
}

export async function runCheck(args: CheckArgs, io: Io): Promise<void> {
  const t = cliText(args.lang);
  if (args.out !== undefined && path.resolve(args.out) === path.resolve(args.input)) throw new UsageError(CLI_ERRORS.sameAsInput);
  const book = await openInput(args.input);
  const { report } = await checkBook(book, { asOf: args.asOf, rules: args.rules, lang: args.lang });
  if (report.sheets.length === 0) {
    const seen = report.ignoredSheets.map((s) => `"${s.name}" (${s.reason})`).join('; ') || t.noSheetAtAll;
    io.stderr(t.noSheets(path.basename(args.input), seen));
  }
  for (const line of summaryLines(report, path.basename(args.input), args.lang)) io.stdout(line);
  if (args.json !== undefined) {
    await writeFileOrFail(args.json, reportJson(report));
    io.stdout(t.wroteJson(args.json));
  }
  if (args.out !== undefined) {
    await annotate(book, report, args.lang);
    await writeFileOrFail(args.out, await book.toBuffer());
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
    await runCheck(parseArgs(argv), io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cli: ${e.text[lang]}`);
      return 2;
    }
    throw e;
  }
}
