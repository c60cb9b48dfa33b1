/**
 * The acceptance sample checked the way its authors check it: the command line writes the report,
 * and their comparator (test/fixtures/acceptance/compare.py, Python 3, standard library only) must
 * find every field equal. python3 is part of every machine this project runs on; a missing python3
 * fails here rather than skipping the check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main';

const DIR = path.resolve(__dirname, '../fixtures/acceptance');
const BOOK = path.join(DIR, 'two-row-header.xlsx');
const EXPECTED = path.join(DIR, 'two-row-header.json');
const COMPARE = path.join(DIR, 'compare.py');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-acceptance-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the fixture folder holds the sample, its expected report and the comparator', () => {
  for (const f of [BOOK, EXPECTED, COMPARE]) expect({ f, exists: existsSync(f) }).toEqual({ f, exists: true });
});

test('compare.py finds our report of the sample equal to the expected one', async () => {
  const json = path.join(tmp, 'report.json');
  const io: Io = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(['check', BOOK, '--as-of', '2023-09-15', '--json', json], io)).toBe(0);
  const run = spawnSync('python3', [COMPARE, json, EXPECTED], { encoding: 'utf8' });
  if (run.error) throw new Error(`python3 is needed to run the acceptance comparator: ${run.error.message}`);
  const lines = run.stdout.trim().split('\n');
  // On a mismatch the comparator lists every difference above its verdict line: show them all.
  expect(run.status === 0 ? 'equal' : run.stdout + run.stderr).toBe('equal');
  expect(lines[lines.length - 1]).toMatch(/^tasks (\d+)\/\1 findings P=1\.00 R=1\.00 units (\d+)\/\2 people (\d+)\/\3$/);
});
