/**
 * The report as a file. Reports people read are indented; a large book's report is written compact,
 * in pieces: for 1,000,000 tasks one JSON string would be 400 MB of memory (and as much again as
 * bytes), about a fifth of the command line's peak. The bytes are those of JSON.stringify either way.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import type { BookSummary } from '../core/books';
import type { Report } from '../core/report';

/** Up to this many tasks the report is indented for reading. */
export const INDENT_UP_TO_TASKS = 2_000;
/** Items of a large array written per piece. */
const BATCH = 2_000;

/** What is written as a report: one book's, or several books' read together (SPEC §7). */
export type ReportLike = { readonly tasks: readonly unknown[] } & object;

export function reportJson(report: ReportLike): string {
  return JSON.stringify(report, null, report.tasks.length <= INDENT_UP_TO_TASKS ? 2 : undefined) + '\n';
}

/** JSON.stringify(value) of an object, piece by piece (arrays in batches of items). */
function* compactPieces(value: object): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(v) || v.length <= BATCH) {
      yield JSON.stringify(v);
      continue;
    }
    yield '[';
    for (let i = 0; i < v.length; i += BATCH) {
      const part = JSON.stringify(v.slice(i, i + BATCH));
      yield (i > 0 ? ',' : '') + part.slice(1, -1);
    }
    yield ']';
  }
  yield '}';
}

/** JSON.stringify(report) + "\n", produced piece by piece (arrays in batches of items). */
export function* compactReportPieces(report: ReportLike): Generator<string> {
  yield* compactPieces(report);
  yield '\n';
}

async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  for (const piece of pieces) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.end();
  await done;
}

/** Write the report; large ones streamed. */
export async function writeReport(file: string, report: ReportLike): Promise<void> {
  if (report.tasks.length <= INDENT_UP_TO_TASKS) {
    await fs.writeFile(file, reportJson(report));
    return;
  }
  await writePieces(file, compactReportPieces(report));
}

/** Text indented by `spaces` more on every line but the first (to nest one JSON.stringify(…, 2) in another). */
function nest(json: string, spaces: number): string {
  return json.replace(/\n/g, '\n' + ' '.repeat(spaces));
}

/**
 * The report of books checked separately (SPEC §7), written book by book as they are checked, so
 * that no book's report is kept once written: `{ version, mode, books: [{ file, report }], summary }`.
 * A book whose report would be indented alone is indented as JSON.stringify(whole, null, 2) would
 * indent it; a larger one is written compact, in pieces. The file is created with the first book.
 */
export class SeparatelyReportFile {
  private handle: fs.FileHandle | null = null;
  private books = 0;

  constructor(readonly file: string) {}

  private async write(text: string): Promise<void> {
    this.handle ??= await fs.open(this.file, 'w');
    await this.handle.write(text);
  }

  async book(file: string, report: Report): Promise<void> {
    await this.write(this.books === 0 ? '{\n  "version": 1,\n  "mode": "separately",\n  "books": [\n    ' : ',\n    ');
    this.books++;
    if (report.tasks.length <= INDENT_UP_TO_TASKS) {
      await this.write(nest(JSON.stringify({ file, report }, null, 2), 4));
      return;
    }
    await this.write(`{"file":${JSON.stringify(file)},"report":`);
    let batch = '';
    for (const piece of compactPieces(report)) {
      batch += piece;
      if (batch.length >= 1 << 20) {
        await this.write(batch);
        batch = '';
      }
    }
    await this.write(batch + '}');
  }

  async finish(summary: readonly BookSummary[]): Promise<void> {
    await this.write(`\n  ],\n  "summary": ${nest(JSON.stringify(summary, null, 2), 2)}\n}\n`);
    await this.close();
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close();
  }
}
