/**
 * `npm run bench` (issue 2, item 7). Generates 10k- and 100k-row task books into bench-data/
 * (kept between runs; `--regenerate` rewrites them), then measures, for each size:
 *
 * - engine rows/s: `checkWorkbook` alone, from already-read SheetData to report (core only): the
 *   sheets are read once with ExcelJS and the adapter and saved (v8.serialize, bench-data/*.sheets),
 *   then a fresh child process runs the engine several times on them and reports its best run, so
 *   that neither JIT warm-up nor ExcelJS's garbage is charged to it. The child
 *   (scripts/lib/engine-run.ts) is bundled with esbuild exactly as the command line is
 *   (scripts/cli.js): run through tsx instead, every call across modules goes through an export
 *   getter, which costs the engine about a fifth of its time and is not how it ships. It also runs
 *   with the Node options of the `cli` script (--max-semi-space-size=64: the report of a large book
 *   survives the young generation, and a larger one saves copying it; a fixed 128 MB one makes the
 *   engine faster still but slows ExcelJS's load in the same process more than it gains);
 * - load_s: what ExcelJS alone needs to load the file: a child `node` that reads the file and calls
 *   `xlsx.load` (scripts/lib/load-only.cjs), wall time;
 * - check_s: the full command line, spawned the way `npm run cli` runs it (the package.json `cli`
 *   script, without npm itself) with `check FILE --as-of 2026-11-26 --json TMP`, wall time;
 * - ratio: check / load (target ≤ 1.3; both include starting Node and loading ExcelJS). Load and
 *   check run in pairs, back to back, order alternating; load_s, check_s and ratio are the medians
 *   over the pairs (the ratio of each pair, then the median), which holds up on a busy machine;
 * - peak_mb: the CLI child's peak resident set size (getrusage maxrss reported by a preloaded probe,
 *   scripts/lib/rss-probe.cjs; max over the runs).
 *
 * The last line is machine-readable:
 *   bench rows=100000 engine_rows_per_s=N load_s=X check_s=Y ratio=R peak_mb=M
 * Environment: BENCH_RUNS (load/check pairs per size, default 5), BENCH_ENGINE_RUNS (default 8).
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import { readWorkbookSheets } from '../src/adapters/exceljs/read-sheets';
import type { SheetData } from '../src/core/cells';
import { BENCH_AS_OF, writeBenchBook } from './lib/bench-book';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench-data');
const SIZES = [10_000, 100_000] as const;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Engine runs per size (at least 300,000 rows in all), best kept: the first ones pay for JIT warm-up. */
const ENGINE_RUNS = Math.max(1, Number(process.env.BENCH_ENGINE_RUNS ?? 8));
const PROBE = path.join(__dirname, 'lib', 'rss-probe.cjs');
const LOADER = path.join(__dirname, 'lib', 'load-only.cjs');
const ENGINE = path.join(__dirname, 'lib', 'engine-run.ts');
/** Bump when the bench book changes, so cached files are rewritten. */
const BOOK_VERSION = 2;

const say = (line: string) => process.stdout.write(line + '\n');

const seconds = (ns: bigint) => Number(ns) / 1e9;

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
  readonly loadS: number;
  readonly checkS: number;
  /** Median over the pairs of check / load. */
  readonly ratio: number;
  readonly peakMb: number;
  readonly loaderPeakMb: number;
}

/** The engine child, bundled with the options scripts/cli.js uses for the command line. */
function engineBundle(tmp: string): string {
  const outfile = path.join(tmp, 'engine-run.js');
  if (!existsSync(outfile)) {
    buildSync({ entryPoints: [ENGINE], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  }
  return outfile;
}

/** The sheets of a bench book as the ExcelJS adapter reads them, saved once next to the book. */
async function ensureSheets(file: string): Promise<string> {
  const bin = file.replace(/\.xlsx$/, '.sheets');
  if (!existsSync(bin) || statSync(bin).mtimeMs < statSync(file).mtimeMs) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(file)) as unknown as ArrayBuffer);
    const sheets: SheetData[] = readWorkbookSheets(wb);
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
  const loads: number[] = [];
  const checks: number[] = [];
  const ratios: number[] = [];
  let peak = 0;
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
  // Pairs run back to back (order alternating), so that a pair shares the machine's load of the moment.
  for (let i = 0; i < RUNS; i++) {
    let load: number;
    let check: number;
    if (i % 2 === 0) {
      load = await loadOnce();
      check = await checkOnce();
    } else {
      check = await checkOnce();
      load = await loadOnce();
    }
    loads.push(load);
    checks.push(check);
    ratios.push(check / load);
  }
  const report = JSON.parse(await fs.readFile(json, 'utf8')) as { tasks: unknown[] };
  if (report.tasks.length !== rows) throw new Error(`CLI report has ${report.tasks.length} tasks, expected ${rows}`);
  const engine = await measureEngine(file, rows, tmp);
  return {
    rows,
    engineRowsPerS: rows / (engine.bestMs / 1000),
    engineMs: engine.bestMs,
    engineCpuMs: engine.bestCpuMs,
    loadS: median(loads),
    checkS: median(checks),
    ratio: median(ratios),
    peakMb: peak,
    loaderPeakMb: loaderPeak,
  };
}

async function main(): Promise<void> {
  const regenerate = process.argv.includes('--regenerate');
  say(
    `bench: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `load average ${os.loadavg()[0]!.toFixed(1)}; ${RUNS} load/check pairs (medians), engine best of ≥ ${ENGINE_RUNS} runs per size`,
  );
  const files = new Map<number, string>();
  for (const rows of SIZES) files.set(rows, await ensureBook(rows, regenerate));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-'));
  try {
    // Warm-up: lets the `cli` script build its bundle if sources changed; not measured.
    const cli = cliCommand();
    await timeChild(cli.cmd, [...cli.args, 'check', files.get(SIZES[0])!, '--as-of', BENCH_AS_OF, '--json', path.join(tmp, 'warm.json')], tmp);
    let last: SizeResult | null = null;
    for (const rows of SIZES) {
      const r = await measure(files.get(rows)!, rows, tmp);
      say(
        `rows=${rows}: engine ${r.engineMs.toFixed(1)} ms (${Math.round(r.engineRowsPerS).toLocaleString('en-US')} rows/s; CPU ${r.engineCpuMs.toFixed(0)} ms); ` +
          `ExcelJS load ${r.loadS.toFixed(2)} s (peak ${Math.round(r.loaderPeakMb)} MB); ` +
          `full CLI check ${r.checkS.toFixed(2)} s; ratio ${r.ratio.toFixed(2)}; CLI peak RSS ${Math.round(r.peakMb)} MB`,
      );
      last = r;
    }
    const r = last!;
    say(
      `bench rows=${r.rows} engine_rows_per_s=${Math.round(r.engineRowsPerS)} load_s=${r.loadS.toFixed(2)} ` +
        `check_s=${r.checkS.toFixed(2)} ratio=${r.ratio.toFixed(2)} peak_mb=${Math.round(r.peakMb)}`,
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
