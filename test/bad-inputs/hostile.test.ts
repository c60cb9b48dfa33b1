/**
 * Issue 10, "Hostile files": each file of test/fixtures/hostile/ goes through the real command line
 * (`main()`, --json and --out, in English) and must end as its `.expect.json` says: exit 2 with one
 * line naming the input and the part, sheet or cell at fault; or exit 0 with the book read as the SPEC
 * says. Never a stack trace, never the input changed, never a file written where an entry name
 * points, never a byte of a local file read through an entity. Time and memory are measured by
 * scripts/hostile-bench.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8 } from 'fflate';
import { main, type Io } from '../../src/cli/main';
import { ReportSchema, type Finding } from '../../src/core/report';
import { readPackage } from '../preservation/package';
import type { ExpectedFinding } from './expectation';
import type { HostileExpectation } from './hostile-expectation';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'hostile');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

function expectationOf(file: string): HostileExpectation {
  return JSON.parse(readFileSync(path.join(DIR, file.replace(/\.xlsx$/, '.expect.json')), 'utf8')) as HostileExpectation;
}

async function run(argv: readonly string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

function findingKeys(actual: readonly Finding[], expected: readonly ExpectedFinding[]): { actual: string[]; expected: string[] } {
  const key = (f: { sheet: string; cell: string; rule: string }, message: string) => `${f.sheet}!${f.cell} ${f.rule}: ${message}`;
  return {
    actual: actual
      .map((f) => {
        const p = expected.find((e) => e.messagePrefix !== undefined && e.sheet === f.sheet && e.cell === f.cell && e.rule === f.rule && f.message.startsWith(e.messagePrefix));
        return key(f, p ? `${p.messagePrefix}…` : f.message);
      })
      .sort(),
    expected: expected.map((e) => key(e, e.message ?? `${e.messagePrefix}…`)).sort(),
  };
}

/** A stack trace, or an exception's name, in what the user reads. */
const STACK = /^\s+at |\n\s+at |\b(?:TypeError|RangeError|ReferenceError|SyntaxError|Error):/;

let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-hostile-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('the corpus holds every kind of hostile file, each with its expectation', () => {
  const kinds = ['billion-laughs', 'external-entity', 'zip-bomb', 'zip-slip-parent', 'zip-slip-absolute', 'duplicate-zip-entries', 'beyond-last-column', 'beyond-last-row', 'shared-string-out-of-range', 'invalid-utf8', 'two-million-character', 'nan-and-infinite'];
  for (const kind of kinds) expect(FIXTURES.filter((f) => f.includes(kind))).toHaveLength(1);
  const sidecars = readdirSync(DIR).filter((f) => f.endsWith('.expect.json'));
  expect(sidecars.sort()).toEqual(FIXTURES.map((f) => f.replace(/\.xlsx$/, '.expect.json')).sort());
});

test.each(FIXTURES)(
  '%s',
  async (file) => {
    const exp = expectationOf(file);
    const absolute = path.join(DIR, file);
    const input = path.relative(process.cwd(), absolute) || absolute;
    const base = path.join(tmp, file.replace(/\.xlsx$/, ''));
    const json = `${base}.report.json`;
    const out = `${base}.annotated.xlsx`;
    for (const f of exp.noFiles ?? []) await fs.rm(f, { force: true });
    const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex');

    const r = await run(['check', input, ...exp.args, '--json', json, '--out', out]);

    expect(r.err.filter((l) => STACK.test(l))).toEqual([]);
    expect({ code: r.code, err: exp.exit === 0 ? r.err : r.err.length }).toEqual({ code: exp.exit, err: exp.exit === 0 ? exp.stderr : 1 });
    expect(createHash('sha256').update(readFileSync(absolute)).digest('hex')).toBe(hash);
    for (const f of exp.noFiles ?? []) expect({ file: f, exists: existsSync(f) }).toEqual({ file: f, exists: false });

    const seen = [...r.out, ...r.err];
    if (exp.exit === 2) {
      const line = r.err[0]!;
      expect(line.startsWith('cli: ')).toBe(true);
      expect(line).toContain(input);
      for (const m of exp.mentions ?? []) expect({ mentions: m, line }).toEqual({ mentions: m, line: expect.stringContaining(m) });
      expect(line.length).toBeLessThanOrEqual(500);
      expect(r.out).toEqual([]);
      expect(existsSync(json)).toBe(false);
      expect(existsSync(out)).toBe(false);
    } else {
      const reportText = await fs.readFile(json, 'utf8');
      seen.push(reportText);
      const report = ReportSchema.parse(JSON.parse(reportText));
      for (const s of exp.sheets ?? []) expect(report.sheets.find((x) => x.name === s.name)).toMatchObject(s);
      if (exp.findings) {
        const keys = findingKeys(report.findings, exp.findings);
        expect(keys.actual).toEqual(keys.expected);
      }
      const parts = readPackage(new Uint8Array(await fs.readFile(out)));
      const texts = [...parts.values()].map((d) => strFromU8(d));
      seen.push(...texts);
      for (const { seed, length } of exp.keptWhole ?? []) {
        const whole = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
        expect({ length, keptWhole: texts.some((t) => t.includes(whole)) }).toEqual({ length, keptWhole: true });
      }
    }
    for (const never of exp.never ?? []) expect(seen.filter((s) => s.includes(never))).toEqual([]);
  },
  180_000,
);
