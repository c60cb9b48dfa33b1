/**
 * `cli check … | head -1`: the reader closes the pipe after one line. The process must neither crash
 * with EPIPE nor stop before writing its files. Run as a real process, since only a real pipe closes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('a reader that stops after the first line neither crashes the run nor cuts its --json file', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-pipe-'));
  try {
    const json = path.join(tmp, 'report.json');
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/cli.js'), 'check', path.join(ROOT, 'examples/tracking-2026.xlsx'), '--as-of', '2026-11-26', '--json', json], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Close our end as soon as the first bytes arrive, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(existsSync(json)).toBe(true);
    expect(JSON.parse(readFileSync(json, 'utf8')).version).toBe(1);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 60_000);
