/**
 * `npx tsx scripts/hostile-bench.ts`: the command line on every file of test/fixtures/hostile/, each
 * in a fresh process spawned as `npm run cli` runs it, with --json and --out. Prints, per file, the
 * exit code, wall time, peak resident memory and the first line of standard error: the time and
 * memory bounds of issue 10 ("in bounded time and memory") are read here, not asserted in tests.
 *
 * Peak memory is the child's getrusage maxRSS (scripts/lib/rss-probe.cjs) when it exits normally;
 * a process killed by the kernel or by V8 never reports it, so /proc/PID/status VmHWM is sampled
 * every 50 ms as well, and the larger figure is printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'hostile');
const CLI = path.join(ROOT, 'scripts', 'cli.js');
const PROBE = path.join(__dirname, 'lib', 'rss-probe.cjs');
const TIMEOUT_S = Number(process.env.HOSTILE_TIMEOUT_S ?? 300);

interface Outcome {
  readonly code: number | null;
  readonly signal: string | null;
  readonly wallS: number;
  readonly peakMb: number | null;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function runOne(file: string, tmp: string): Promise<Outcome> {
  const base = path.join(tmp, path.basename(file, '.xlsx'));
  const rssFile = `${base}.rss`;
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PROBE)}`.trim(), BENCH_RSS_FILE: rssFile };
  const args = ['--max-semi-space-size=64', CLI, 'check', file, '--as-of', '2026-09-15', '--lang', 'en', '--json', `${base}.json`, '--out', `${base}.out.xlsx`];
  const start = process.hrtime.bigint();
  let hwm = 0;
  let timedOut = false;
  const result = await new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sampler = setInterval(() => (hwm = Math.max(hwm, child.pid ? vmHwmKb(child.pid) : 0)), 50);
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_S * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({ code, signal, stderr });
    });
  });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const probed = existsSync(rssFile) ? Math.max(...(await fs.readFile(rssFile, 'utf8')).trim().split('\n').map(Number)) : 0;
  const peakKb = Math.max(probed, hwm);
  return { ...result, wallS, peakMb: peakKb > 0 ? peakKb / 1024 : null, timedOut };
}

async function main(): Promise<void> {
  const files = (await fs.readdir(DIR)).filter((f) => f.endsWith('.xlsx')).sort();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-hostile-bench-'));
  let worstWall = 0;
  let worstPeak = 0;
  try {
    for (const f of files) {
      const o = await runOne(path.join(DIR, f), tmp);
      worstWall = Math.max(worstWall, o.wallS);
      worstPeak = Math.max(worstPeak, o.peakMb ?? 0);
      const lines = o.stderr.trim() ? o.stderr.trim().split('\n') : [];
      const end = o.timedOut ? `killed after ${TIMEOUT_S} s` : o.signal ? `signal=${o.signal}` : `exit=${o.code}`;
      process.stdout.write(
        `hostile ${f} ${end} wall_s=${o.wallS.toFixed(2)} peak_mb=${o.peakMb === null ? 'n/a' : o.peakMb.toFixed(0)} stderr_lines=${lines.length}` +
          (lines[0] ? ` first="${lines[0].slice(0, 160)}"` : '') +
          '\n',
      );
    }
    process.stdout.write(`hostile files=${files.length} worst_wall_s=${worstWall.toFixed(2)} worst_peak_mb=${worstPeak.toFixed(0)} cpus=${os.cpus().length}\n`);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`hostile-bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
