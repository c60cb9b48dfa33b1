/**
 * The report as a file. Reports people read are indented; a large book's report is written compact,
 * in pieces: for 1,000,000 tasks one JSON string would be 400 MB of memory (and as much again as
 * bytes), about a fifth of the command line's peak. The bytes are those of JSON.stringify either way.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import type { Report } from '../core/report';

/** Up to this many tasks the report is indented for reading. */
export const INDENT_UP_TO_TASKS = 2_000;
/** Items of a large array written per piece. */
const BATCH = 2_000;

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, report.tasks.length <= INDENT_UP_TO_TASKS ? 2 : undefined) + '\n';
}

/** JSON.stringify(report) + "\n", produced piece by piece (arrays in batches of items). */
export function* compactReportPieces(report: Report): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value) || value.length <= BATCH) {
      yield JSON.stringify(value);
      continue;
    }
    yield '[';
    for (let i = 0; i < value.length; i += BATCH) {
      const part = JSON.stringify(value.slice(i, i + BATCH));
      yield (i > 0 ? ',' : '') + part.slice(1, -1);
    }
    yield ']';
  }
  yield '}\n';
}

/** Write the report; large ones streamed. */
export async function writeReport(file: string, report: Report): Promise<void> {
  if (report.tasks.length <= INDENT_UP_TO_TASKS) {
    await fs.writeFile(file, reportJson(report));
    return;
  }
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  for (const piece of compactReportPieces(report)) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end();
  await done;
}
