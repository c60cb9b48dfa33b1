/**
 * `npm run bench`, several books (issue 13, SPEC 1.3 §7): a province's 200 commune books of 300 tasks
 * each (the bench book's layout: registry, letterhead, two-row header, sections, footer; a seed per
 * book), checked side by side in one run:
 *
 * - total_s: one process, `check FOLDER --as-of … --json TMP` (separately, the default), wall time,
 *   median of the runs; peak_mb its peak resident set size (max over the runs);
 * - per_process_s: the reference, the same 200 books checked one process each
 *   (`check BOOK --as-of … --json TMP`, one after another), the sum of their wall times;
 * - ratio = total_s / per_process_s;
 * - memory flat in the number of books: the first 50 and 100 books in one process beside the 200,
 *   and the 200 with --out (each annotated copy and KQ tổng hợp.xlsx written).
 *
 * Single-process runs go before, between the halves of, and after the per-process pass, so that
 * each side meets the machine's load of the moment.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BENCH_AS_OF, writeBenchBook } from './bench-book';

export const BOOKS = 200;
export const TASKS_PER_BOOK = 300;
/** Fewer books in one process, for the peak memory beside the 200's. */
const FEWER = [50, 100] as const;
/** Bump when the books change, so that cached ones are rewritten. */
const BOOKS_VERSION = 1;

export interface ChildRun {
  readonly wall: number;
  readonly rssMb: number;
  readonly stdout: string;
}

export interface BenchTools {
  readonly timeChild: (cmd: string, args: readonly string[], tmp: string) => Promise<ChildRun>;
  readonly cli: { readonly cmd: string; readonly args: readonly string[] };
  readonly say: (line: string) => void;
}

export interface BooksResult {
  readonly totalS: number;
  readonly perProcessS: number;
  readonly ratio: number;
  readonly peakMb: number;
  /** Wall time and peak memory of the first 50 and 100 books in one process. */
  readonly fewer: readonly { readonly books: number; readonly totalS: number; readonly peakMb: number }[];
  readonly outS: number;
  readonly outPeakMb: number;
}

/** The books, generated once into bench-data/ (kept between runs; `regenerate` rewrites them). */
export async function ensureBooks(data: string, regenerate: boolean, say: (line: string) => void): Promise<string[]> {
  const folder = path.join(data, `books-${BOOKS}x${TASKS_PER_BOOK}-v${BOOKS_VERSION}`);
  const files = Array.from({ length: BOOKS }, (_, i) => path.join(folder, `xa-${String(i + 1).padStart(3, '0')}.xlsx`));
  if (regenerate || files.some((f) => !existsSync(f))) {
    await fs.rm(folder, { recursive: true, force: true });
    await fs.mkdir(folder, { recursive: true });
    const t = Date.now();
    for (const [i, f] of files.entries()) await writeBenchBook(f, TASKS_PER_BOOK, 0x5eed + i + 1);
    say(`generated ${BOOKS} books of ${TASKS_PER_BOOK} tasks in ${path.relative(process.cwd(), folder)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return files;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function measureBooks(files: readonly string[], tmp: string, tools: BenchTools): Promise<BooksResult> {
  const { timeChild, cli } = tools;
  const folder = path.dirname(files[0]!);
  const json = path.join(tmp, 'books.json');
  const check = (inputs: readonly string[], extra: readonly string[] = []) =>
    timeChild(cli.cmd, [...cli.args, 'check', ...inputs, '--as-of', BENCH_AS_OF, '--json', json, ...extra], tmp);

  const totals: number[] = [];
  let peak = 0;
  const one = async () => {
    const r = await check([folder]);
    totals.push(r.wall);
    peak = Math.max(peak, r.rssMb);
  };
  await one();
  const report = JSON.parse(await fs.readFile(json, 'utf8')) as { books: { report: { tasks: unknown[] } }[] };
  const tasks = report.books.map((b) => b.report.tasks.length);
  if (tasks.length !== BOOKS || tasks.some((n) => n !== TASKS_PER_BOOK)) throw new Error(`the report has ${tasks.length} books, of ${[...new Set(tasks)].join(', ')} tasks`);

  let perProcess = 0;
  const alone = async (from: number, to: number) => {
    for (const f of files.slice(from, to)) perProcess += (await timeChild(cli.cmd, [...cli.args, 'check', f, '--as-of', BENCH_AS_OF, '--json', path.join(tmp, 'alone.json')], tmp)).wall;
  };
  await alone(0, BOOKS / 2);
  await one();
  await alone(BOOKS / 2, BOOKS);
  await one();

  const fewer: { books: number; totalS: number; peakMb: number }[] = [];
  for (const n of FEWER) {
    const walls: number[] = [];
    let peakN = 0;
    for (let i = 0; i < 3; i++) {
      const r = await check(files.slice(0, n));
      walls.push(r.wall);
      peakN = Math.max(peakN, r.rssMb);
    }
    fewer.push({ books: n, totalS: median(walls), peakMb: peakN });
  }
  const out = path.join(tmp, 'books-out');
  const outs: number[] = [];
  let outPeak = 0;
  for (let i = 0; i < 3; i++) {
    const r = await check([folder], ['--out', out]);
    outs.push(r.wall);
    outPeak = Math.max(outPeak, r.rssMb);
  }
  const written = (await fs.readdir(out)).length;
  if (written !== BOOKS + 1) throw new Error(`--out wrote ${written} files, expected ${BOOKS} copies and KQ tổng hợp.xlsx`);

  const totalS = median(totals);
  return { totalS, perProcessS: perProcess, ratio: totalS / perProcess, peakMb: peak, fewer, outS: median(outs), outPeakMb: outPeak };
}
