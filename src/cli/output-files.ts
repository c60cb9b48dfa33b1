/** Writing the command line's files: a file that cannot be written ends the run with one line naming it. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CLI_ERRORS } from '../i18n/cli';
import { UsageError } from './args';
import { writeReport, type ReportLike } from './report-file';

export function cannotWrite(file: string, e: unknown): UsageError {
  return new UsageError(CLI_ERRORS.cannotWrite(file, e instanceof Error ? e.message : String(e)));
}

export async function writeReportOrFail(file: string, report: ReportLike): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeReport(file, report);
  } catch (e) {
    throw cannotWrite(file, e);
  }
}

export async function writeFileOrFail(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, data);
  } catch (e) {
    throw cannotWrite(file, e);
  }
}
