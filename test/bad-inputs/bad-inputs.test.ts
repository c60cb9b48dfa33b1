/**
 * Issue 5, item 2: every malformed input of test/fixtures/bad/ goes through the real command line
 * (`main()` with a captured Io), with --json and --out. Each run must finish with the exit code,
 * standard error and report its `.expect.json` states; the input must stay untouched; an annotated
 * copy must keep every user cell and sheet, and link each finding to its sheet and cell.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { nodePlatform } from '../../src/adapters/xlsx/node-platform';
import { main, type Io } from '../../src/cli/main';
import { isOwnSheetName } from '../../src/core/header';
import { ReportSchema, type Finding, type Report } from '../../src/core/report';
import type { Expectation, ExpectedFinding } from './expectation';
import { SPEC_SEVERITY } from '../helpers/spec-severity';
import { hyperlinksOf, readParts } from '../helpers/package-parts';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'bad');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

const SEVERITY = SPEC_SEVERITY;

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(argv: readonly string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

function expectationOf(file: string): Expectation {
  return JSON.parse(readFileSync(path.join(DIR, file.replace(/\.xlsx$/, '.expect.json')), 'utf8')) as Expectation;
}

async function sha(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

let tmp: string;
const timings: [string, number][] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-bad-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
  const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const total = timings.reduce((s, [, ms]) => s + ms, 0);
  console.log(
    `bad inputs: ${timings.length} runs in ${(total / 1000).toFixed(1)} s; slowest: ${slowest.map(([f, ms]) => `${f} ${(ms / 1000).toFixed(2)} s`).join(', ')}`,
  );
});

// ------------------------------------------------------------------ report checks

function findingKeys(actual: readonly Finding[], expected: readonly ExpectedFinding[]): { actual: string[]; expected: string[] } {
  const prefixes = expected.filter((e) => e.messagePrefix !== undefined);
  const key = (f: { sheet: string; cell: string; rule: string }, message: string) => `${f.sheet}!${f.cell} ${f.rule}: ${message}`;
  return {
    actual: actual
      .map((f) => {
        const p = prefixes.find((e) => e.sheet === f.sheet && e.cell === f.cell && e.rule === f.rule && f.message.startsWith(e.messagePrefix!));
        return key(f, p ? `${p.messagePrefix}…` : f.message);
      })
      .sort(),
    expected: expected.map((e) => key(e, e.message ?? `${e.messagePrefix}…`)).sort(),
  };
}

function checkReport(report: Report, exp: Expectation): void {
  if (exp.sheets) {
    expect(report.sheets.map((s) => s.name)).toEqual(exp.sheets.map((s) => s.name));
    exp.sheets.forEach((s, i) => expect(report.sheets[i]).toMatchObject(s));
    exp.sheets.forEach((s, i) => s.columns && expect(report.sheets[i]!.columns).toEqual(s.columns));
  }
  if (exp.ignoredSheets) expect(report.ignoredSheets).toEqual(exp.ignoredSheets);

  // Every finding names a recognised sheet and a cell, with the severity of SPEC §4.
  const recognised = new Set(report.sheets.map((s) => s.name));
  for (const f of report.findings) {
    expect(recognised.has(f.sheet)).toBe(true);
    expect(f.severity).toBe(SEVERITY[f.rule]);
  }
  if (exp.findings) {
    const keys = findingKeys(report.findings, exp.findings);
    expect(keys.actual).toEqual(keys.expected);
  }

  if (exp.tasks) {
    const key = (t: { sheet: string; row: number }) => `${t.sheet}#${t.row}`;
    const actual = new Map(report.tasks.map((t) => [key(t), t]));
    expect([...actual.keys()].sort()).toEqual(exp.tasks.map(key).sort());
    for (const t of exp.tasks) expect(actual.get(key(t))).toMatchObject(t);
  }

  if (exp.units) {
    const actual = new Map(report.units.map((u) => [u.name, u]));
    expect([...actual.keys()].sort()).toEqual(exp.units.map((u) => u.name).sort());
    for (const u of exp.units) expect(actual.get(u.name)).toMatchObject(u);
  }
}

// ------------------------------------------------------------------ annotated copy checks

const FINDINGS_SHEET = 'KQ Kiểm tra';
const SCORES_SHEET = 'KQ Đánh giá';
/** An internal link's place in the workbook: 'Sheet'!$E$5. */
const LINK = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/;

async function sheetsOf(file: string) {
  return (await (await XlsxWorkbook.open(await fs.readFile(file), nodePlatform)).readBook()).sheets;
}

function userSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((w) => w.name).filter((n) => !isOwnSheetName(n));
}

function cellsOf(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void cells.push(c)));
  return cells;
}

/** Flags in a user sheet: conditional-format rules and notes. */
function flagCount(ws: ExcelJS.Worksheet): { rules: number; notes: number } {
  const cfs = (ws as unknown as { conditionalFormattings: { rules: unknown[] }[] }).conditionalFormattings ?? [];
  return { rules: cfs.reduce((n, cf) => n + cf.rules.length, 0), notes: cellsOf(ws).filter((c) => c.note !== undefined).length };
}

async function checkAnnotated(input: string, out: string, report: Report, exp: Expectation): Promise<ExcelJS.Workbook> {
  const [before, after] = await Promise.all([load(input), load(out)]);
  // The user's sheets, in their order, once each; the two KQ sheets once each.
  expect(userSheetNames(after)).toEqual(userSheetNames(before));
  const names = after.worksheets.map((w) => w.name);
  expect(names.filter((n) => n === SCORES_SHEET)).toHaveLength(1);
  expect(names.filter((n) => n === FINDINGS_SHEET)).toHaveLength(1);

  // Never a value in the user's cells.
  const userBefore = (await sheetsOf(input)).filter((s) => !isOwnSheetName(s.name));
  const userAfter = (await sheetsOf(out)).filter((s) => !isOwnSheetName(s.name));
  userBefore.forEach((s, i) => {
    const t = userAfter[i]!;
    expect(t.name).toBe(s.name);
    expect(t.merges).toEqual(s.merges);
    const rows = Math.max(s.rows.length, t.rows.length);
    for (let r = 0; r < rows; r++) {
      const a = JSON.stringify(s.rows[r] ?? []);
      const b = JSON.stringify(t.rows[r] ?? []);
      if (a !== b) expect(`${s.name} row ${r + 1}: ${b}`).toBe(`${s.name} row ${r + 1}: ${a}`);
    }
  });

  // The KQ sheets hold text and numbers, never a formula made of user text.
  for (const name of [SCORES_SHEET, FINDINGS_SHEET]) {
    const formulas = cellsOf(after.getWorksheet(name)!).filter((c) => c.type === ExcelJS.ValueType.Formula);
    expect(formulas.map((c) => c.address)).toEqual([]);
  }

  // One link per finding, to its sheet and cell (read from the sheet's XML: ExcelJS does not read internal links).
  const links = hyperlinksOf(readParts(await fs.readFile(out)), FINDINGS_SHEET).map((h) => {
    const m = LINK.exec(h.location);
    return m ? `${m[1]!.replace(/''/g, "'")}!${m[2]}${m[3]}` : `unparsed ${h.location}`;
  });
  expect(links.sort()).toEqual(report.findings.map((f) => `${f.sheet}!${f.cell}`).sort());

  for (const name of exp.outProtected ?? []) {
    const p = (after.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
    expect({ name, protected: Boolean(p?.sheet) }).toEqual({ name, protected: true });
  }
  return after;
}

// ------------------------------------------------------------------ the corpus

describe('corpus of malformed inputs', () => {
  test('holds at least 30 fixtures, each with its expectation', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
    const sidecars = readdirSync(DIR).filter((f) => f.endsWith('.expect.json'));
    expect(sidecars.sort()).toEqual(FIXTURES.map((f) => f.replace(/\.xlsx$/, '.expect.json')).sort());
    const exits = FIXTURES.map((f) => expectationOf(f).exit);
    expect(exits.filter((e) => e === 0).length).toBeGreaterThanOrEqual(20);
    expect(exits.filter((e) => e === 2).length).toBeGreaterThanOrEqual(10);
  });

  test.each(FIXTURES)('%s', async (file) => {
    const exp = expectationOf(file);
    const absolute = path.join(DIR, file);
    const input = path.relative(process.cwd(), absolute) || absolute;
    const base = path.join(tmp, file.replace(/\.xlsx$/, ''));
    const json = `${base}.report.json`;
    const out = `${base}.annotated.xlsx`;
    const hash = await sha(absolute);

    const t0 = performance.now();
    const r = await run(['check', input, ...exp.args, '--json', json, '--out', out]);
    timings.push([file, performance.now() - t0]);

    expect(r.err).toEqual(exp.stderr.map((l) => l.replace('{input}', input)));
    expect(r.code).toBe(exp.exit);
    expect(await sha(absolute)).toBe(hash);
    if (exp.exit === 2) {
      expect(r.out).toEqual([]);
      expect(existsSync(json)).toBe(false);
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect(r.out.filter((l) => exp.stdout!.includes(l))).toEqual(exp.stdout);
    const report = ReportSchema.parse(JSON.parse(await fs.readFile(json, 'utf8')));
    checkReport(report, exp);
    const annotated = await checkAnnotated(absolute, out, report, exp);

    if (exp.rerunOut) {
      // The annotated copy as input: its KQ sheets and flags are replaced, not added to.
      const json2 = `${base}.again.json`;
      const out2 = `${base}.again.xlsx`;
      const again = await run(['check', out, ...exp.args, '--json', json2, '--out', out2]);
      expect(again.code).toBe(0);
      expect(again.err).toEqual([]);
      const report2 = ReportSchema.parse(JSON.parse(await fs.readFile(json2, 'utf8')));
      expect(report2.findings).toEqual(report.findings);
      expect(report2.units).toEqual(report.units);
      const twice = await checkAnnotated(out, out2, report2, exp);
      expect(twice.worksheets.map((w) => w.name)).toEqual(annotated.worksheets.map((w) => w.name));
      for (const name of userSheetNames(annotated)) {
        expect({ name, ...flagCount(twice.getWorksheet(name)!) }).toEqual({ name, ...flagCount(annotated.getWorksheet(name)!) });
      }
    }
  }, 60_000);
});
