/**
 * `npm run bench` (issue 2, item 7; issue 10). Generates 10k- and 100k-row task books into
 * bench-data/ (kept between runs; `--regenerate` rewrites them; `--rows N[,M]` picks other sizes,
 * such as 1000000), then measures, for each size, side by side in one run:
 *
 * - engine rows/s: `checkWorkbook` alone, from already-read SheetData to report (core only): the
 *   sheets are read once with the xlsx package adapter and saved (v8.serialize, bench-data/*.sheets),
 *   then a fresh child process runs the engine several times on them and reports its best run, so
 *   that neither JIT warm-up nor the reader's garbage is charged to it. The child
 *   (scripts/lib/engine-run.ts) is bundled with esbuild exactly as the command line is
 *   (scripts/cli.js), and runs with the Node options of the `cli` script;
 * - load_s: the reference, what ExcelJS alone needs to load the file (the previous command line's
 *   reader): a child `node` that reads the file and calls `xlsx.load` (scripts/lib/load-only.cjs),
 *   wall time. Skipped above 100,000 rows unless BENCH_REFERENCE=1 (ExcelJS needs minutes and more
 *   memory than the default heap there);
 * - check_s: the full command line, spawned the way `npm run cli` runs it (the package.json `cli`
 *   script, without npm itself) with `check FILE --as-of 2026-11-26 --json TMP`, wall time;
 * - out_s: the same with `--out TMP.xlsx` too (the annotated copy written);
 * - ratio = check / load and out_ratio = out / load. Load, check and out run in triples, back to
 *   back, order rotating; the times and ratios are the medians over the triples (the ratio of each
 *   triple, then the median), which holds up on a busy machine;
 * - peak_mb: the CLI children's peak resident set size (getrusage maxrss reported by a preloaded
 *   probe, scripts/lib/rss-probe.cjs; max over the runs), for --json and for --out.
 * - small_s: the whole command line on the example book of 150 tasks (examples/tracking-2026.xlsx),
 *   median of 9 runs: what an office waits for; node_s beside it, a bare `node -e ""` in the same
 *   run, the part of it no program can save.
 *
 * - several books (issue 13; scripts/lib/bench-books.ts): 200 commune books of 300 tasks in one
 *   process beside the same books checked one process each, and the peak memory at 50 and 200 books.
 *
 * Two lines are machine-readable (the books' line last):
 *   bench rows=100000 engine_rows_per_s=N load_s=X check_s=Y ratio=R out_s=Z out_ratio=Q peak_mb=M out_peak_mb=P small_s=S node_s=T
 *   bench books=200 tasks_per_book=300 total_s=X per_process_s=Y ratio=R peak_mb=M
 * `--only books` runs the several-books part alone, `--only rows` the rest.
 * Environment: BENCH_RUNS (triples per size, default 5), BENCH_ENGINE_RUNS (default 8).
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { buildSync } from 'esbuild';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { nodePlatform } from '../src/adapters/xlsx/node-platform';
import type { SheetData } from '../src/core/cells';
import { BENCH_AS_OF, writeBenchBook } from './lib/bench-book';
import { BOOKS, ensureBooks, measureBooks, TASKS_PER_BOOK } from './lib/bench-books';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench-data');
const DEFAULT_SIZES = [10_000, 100_000];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Engine runs per size (at least 300,000 rows in all), best kept: the first ones pay for JIT warm-up. */
const ENGINE_RUNS = Math.max(1, Number(process.env.BENCH_ENGINE_RUNS ?? 8));
/** Above this many rows ExcelJS's load is not measured unless asked for. */
const REFERENCE_UP_TO = process.env.BENCH_REFERENCE === '1' ? Infinity : 100_000;
const SMALL_BOOK = path.join(ROOT, 'examples', 'tracking-2026.xlsx');
const SMALL_RUNS = 9;
const PROBE = path.join(__dirname, 'lib', 'rss-probe.cjs');
const LOADER = path.join(__dirname, 'lib', 'load-only.cjs');
const ENGINE = path.join(__dirname, 'lib', 'engine-run.ts');
/** Bump when the bench book changes, so cached files are rewritten. */
const BOOK_VERSION = 2;

const say = (line: string) => process.stdout.write(line + '\n');

const seconds = (ns: bigint) => Number(ns) / 1e9;

function sizesFromArgs(): number[] {
  const i = process.argv.indexOf('--rows');
  if (i < 0) return DEFAULT_SIZES;
  const sizes = (process.argv[i + 1] ?? '').split(',').map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--rows needs whole numbers, such as --rows 1000000');
  return sizes;
}

async function ensureBook(rows: number, regenerate: boolean): Promise<string> {
  const file = path.join(DATA, `tasks-${rows}-v${BOOK_VERSION}.xlsx`);
  if (regenerate || !existsSync(file)) {
    await fs.mkdir(DATA, { recursive: true });
    const t = process.hrtime.bigint();
    await writeBenchBook(file, rows);
    say(`generated ${path.relative(ROOT, file)} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${seconds(process.hrtime.bigint() - t).toFixed(1)} s`);
  }
  return file;
}

/** The command of the package.json `cli` script, run directly (npm itself adds ~0.3 s of its own). */
function cliCommand(): { cmd: string; args: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [head, ...rest] = pkg.scripts.cli!.trim().split(/\s+/);
  if (head === 'node') return { cmd: process.execPath, args: rest };
  return { cmd: path.join(ROOT, 'node_modules', '.bin', head!), args: rest };
}

/** The Node options the command line runs with (such as its young-generation size): the engine child gets them too. */
function cliNodeOptions(): string[] {
  const { cmd, args } = cliCommand();
  return cmd === process.execPath ? args.filter((a) => a.startsWith('--')) : [];
}

interface ChildRun {
  readonly wall: number;
  readonly rssMb: number;
  readonly stdout: string;
}

/** Spawn and wait; wall time from spawn to exit; peak RSS from the preloaded probe. */
async function timeChild(cmd: string, args: readonly string[], tmp: string): Promise<ChildRun> {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}.txt`);
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PROBE)}`.trim(),
    BENCH_RSS_FILE: rssFile,
  };
  const start = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const wall = seconds(process.hrtime.bigint() - start);
  if (code !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
  const kb = (await fs.readFile(rssFile, 'utf8')).trim().split('\n').map(Number);
  return { wall, rssMb: Math.max(...kb) / 1024, stdout };
}

interface SizeResult {
  readonly rows: number;
  readonly engineRowsPerS: number;
  readonly engineMs: number;
  /** CPU time of the best engine run (all threads of this process), less sensitive to a busy machine. */
  readonly engineCpuMs: number;
  /** null when the reference was not measured (large books). */
  readonly loadS: number | null;
  readonly checkS: number;
  readonly outS: number;
  /** Medians over the triples of check / load and out / load. */
  readonly ratio: number | null;
  readonly outRatio: number | null;
  readonly peakMb: number;
  readonly outPeakMb: number;
  readonly loaderPeakMb: number | null;
}

/** The engine child, bundled with the options scripts/cli.js uses for the command line. */
function engineBundle(tmp: string): string {
  const outfile = path.join(tmp, 'engine-run.js');
  if (!existsSync(outfile)) {
    buildSync({ entryPoints: [ENGINE], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  }
  return outfile;
}

/** The sheets of a bench book as the command line reads them, saved once next to the book. */
async function ensureSheets(file: string): Promise<string> {
  const bin = file.replace(/\.xlsx$/, '.sheets');
  if (!existsSync(bin) || statSync(bin).mtimeMs < statSync(file).mtimeMs) {
    const book = await XlsxWorkbook.open(await fs.readFile(file), nodePlatform);
    const sheets: SheetData[] = (await book.readBook()).sheets;
    await fs.writeFile(bin, v8.serialize(sheets));
  }
  return bin;
}

async function measureEngine(file: string, rows: number, tmp: string): Promise<{ bestMs: number; bestCpuMs: number }> {
  const bin = await ensureSheets(file);
  // Small books get more runs, so that every size runs warm.
  const runs = Math.max(ENGINE_RUNS, Math.ceil(300_000 / rows));
  const { stdout } = await timeChild(process.execPath, [...cliNodeOptions(), engineBundle(tmp), bin, BENCH_AS_OF, String(runs)], tmp);
  const result = JSON.parse(stdout) as { bestMs: number; bestCpuMs: number; tasks: number };
  if (result.tasks !== rows) throw new Error(`engine read ${result.tasks} tasks, expected ${rows}`);
  return result;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(file: string, rows: number, tmp: string): Promise<SizeResult> {
  const cli = cliCommand();
  const json = path.join(tmp, `report-${rows}.json`);
  const out = path.join(tmp, `annotated-${rows}.xlsx`);
  const reference = rows <= REFERENCE_UP_TO;
  const loads: number[] = [];
  const checks: number[] = [];
  const outs: number[] = [];
  const ratios: number[] = [];
  const outRatios: number[] = [];
  let peak = 0;
  let outPeak = 0;
  let loaderPeak = 0;
  const loadOnce = async () => {
    const l = await timeChild(process.execPath, [LOADER, file], tmp);
    loaderPeak = Math.max(loaderPeak, l.rssMb);
    return l.wall;
  };
  const checkOnce = async () => {
    const c = await timeChild(cli.cmd, [...cli.args, 'check', file, '--as-of', BENCH_AS_OF, '--json', json], tmp);
    peak = Math.max(peak, c.rssMb);
    return c.wall;
  };
  const outOnce = async () => {
    const c = await timeChild(cli.cmd, [...cli.args, 'check', file, '--as-of', BENCH_AS_OF, '--json', json, '--out', out], tmp);
    outPeak = Math.max(outPeak, c.rssMb);
    return c.wall;
  };
  // Triples run back to back (order rotating), so that a triple shares the machine's load of the moment.
  for (let i = 0; i < RUNS; i++) {
    const steps: Array<[string, () => Promise<number>]> = [
      ['load', loadOnce],
      ['check', checkOnce],
      ['out', outOnce],
    ];
    const order = [...steps.slice(i % 3), ...steps.slice(0, i % 3)].filter(([name]) => reference || name !== 'load');
    const t: Record<string, number> = {};
    for (const [name, run] of order) t[name] = await run();
    checks.push(t.check!);
    outs.push(t.out!);
    if (reference) {
      loads.push(t.load!);
      ratios.push(t.check! / t.load!);
      outRatios.push(t.out! / t.load!);
    }
  }
  const report = JSON.parse(await fs.readFile(json, 'utf8')) as { tasks: unknown[] };
  if (report.tasks.length !== rows) throw new Error(`CLI report has ${report.tasks.length} tasks, expected ${rows}`);
  const engine = await measureEngine(file, rows, tmp);
  return {
    rows,
    engineRowsPerS: rows / (engine.bestMs / 1000),
    engineMs: engine.bestMs,
    engineCpuMs: engine.bestCpuMs,
    loadS: reference ? median(loads) : null,
    checkS: median(checks),
    outS: median(outs),
    ratio: reference ? median(ratios) : null,
    outRatio: reference ? median(outRatios) : null,
    peakMb: peak,
    outPeakMb: outPeak,
    loaderPeakMb: reference ? loaderPeak : null,
  };
}

/** The whole command line on the 150-task example book, and a bare Node beside it, alternating. */
async function measureSmall(tmp: string): Promise<{ small: number; node: number }> {
  const cli = cliCommand();
  const json = path.join(tmp, 'small.json');
  const walls: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < SMALL_RUNS; i++) {
    walls.push((await timeChild(cli.cmd, [...cli.args, 'check', SMALL_BOOK, '--as-of', BENCH_AS_OF, '--json', json], tmp)).wall);
    bare.push((await timeChild(process.execPath, ['-e', ''], tmp)).wall);
  }
  return { small: median(walls), node: median(bare) };
}

const fmt = (x: number | null, digits = 2) => (x === null ? 'skipped' : x.toFixed(digits));

function partsFromArgs(): { rows: boolean; books: boolean } {
  const i = process.argv.indexOf('--only');
  if (i < 0) return { rows: true, books: true };
  const only = process.argv[i + 1];
  if (only !== 'rows' && only !== 'books') throw new Error('--only needs rows or books');
  return { rows: only === 'rows', books: only === 'books' };
}

async function main(): Promise<void> {
  const regenerate = process.argv.includes('--regenerate');
  const parts = partsFromArgs();
  const sizes = parts.rows ? sizesFromArgs() : [];
  say(
    `bench: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}; ${RUNS} load/check/out triples (medians), engine best of ≥ ${ENGINE_RUNS} runs per size`,
  );
  const files = new Map<number, string>();
  for (const rows of sizes) files.set(rows, await ensureBook(rows, regenerate));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-'));
  try {
    // Warm-up: lets the `cli` script build its bundle if sources changed; not measured.
    const cli = cliCommand();
    await timeChild(cli.cmd, [...cli.args, 'check', SMALL_BOOK, '--as-of', BENCH_AS_OF, '--json', path.join(tmp, 'warm.json')], tmp);
    let last: SizeResult | null = null;
    const { small, node } = parts.rows ? await measureSmall(tmp) : { small: 0, node: 0 };
    if (parts.rows) say(`example book (150 tasks): whole command line ${small.toFixed(3)} s, bare node ${node.toFixed(3)} s (medians of ${SMALL_RUNS})`);
    for (const rows of sizes) {
      const r = await measure(files.get(rows)!, rows, tmp);
      say(
        `rows=${rows}: engine ${r.engineMs.toFixed(1)} ms (${Math.round(r.engineRowsPerS).toLocaleString('en-US')} rows/s; CPU ${r.engineCpuMs.toFixed(0)} ms); ` +
          `ExcelJS load ${r.loadS === null ? 'skipped' : `${r.loadS.toFixed(2)} s (peak ${Math.round(r.loaderPeakMb ?? 0)} MB)`}; ` +
          `CLI --json ${r.checkS.toFixed(2)} s (ratio ${fmt(r.ratio)}, peak ${Math.round(r.peakMb)} MB); ` +
          `CLI --json --out ${r.outS.toFixed(2)} s (ratio ${fmt(r.outRatio)}, peak ${Math.round(r.outPeakMb)} MB)`,
      );
      last = r;
    }
    const books = parts.books ? await measureBooks(await ensureBooks(DATA, regenerate, say), tmp, { timeChild, cli, say }) : null;
    if (books) {
      say(
        `books: ${BOOKS} books of ${TASKS_PER_BOOK} tasks in one process ${books.totalS.toFixed(2)} s (peak ${Math.round(books.peakMb)} MB), ` +
          `one process per book ${books.perProcessS.toFixed(2)} s (ratio ${books.ratio.toFixed(3)}); ` +
          books.fewer.map((f) => `${f.books} books ${f.totalS.toFixed(2)} s (peak ${Math.round(f.peakMb)} MB); `).join('') +
          `${BOOKS} with --out ${books.outS.toFixed(2)} s (peak ${Math.round(books.outPeakMb)} MB)`,
      );
    }
    if (last) {
      const r = last;
      say(
        `bench rows=${r.rows} engine_rows_per_s=${Math.round(r.engineRowsPerS)} load_s=${fmt(r.loadS)} ` +
          `check_s=${r.checkS.toFixed(2)} ratio=${fmt(r.ratio)} out_s=${r.outS.toFixed(2)} out_ratio=${fmt(r.outRatio)} ` +
          `peak_mb=${Math.round(r.peakMb)} out_peak_mb=${Math.round(r.outPeakMb)} small_s=${small.toFixed(3)} node_s=${node.toFixed(3)}`,
      );
    }
    if (books) {
      say(
        `bench books=${BOOKS} tasks_per_book=${TASKS_PER_BOOK} total_s=${books.totalS.toFixed(2)} per_process_s=${books.perProcessS.toFixed(2)} ` +
          `ratio=${books.ratio.toFixed(3)} peak_mb=${Math.round(books.peakMb)}`,
      );
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
