/**
 * Golden test of the example book (issue 2): the command line's report on
 * examples/tracking-2026.xlsx as of 2026-11-26 must equal test/golden/example.report.json.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx jest test/golden` and review the diff.
 * See test/golden/README.md for why each planted finding is there.
 */
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { LEVELS, RULE_IDS, type Report } from '../../src/core/report';
import { bookSnapshot, roundTrip } from '../../scripts/lib/book-snapshot';
import { buildExampleBook, EXAMPLE_AS_OF, EXAMPLE_FILE, SHEET_NAMES } from '../../scripts/lib/example-book';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, EXAMPLE_FILE);
const GOLDEN = path.join(__dirname, 'example.report.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

jest.setTimeout(60_000);

async function runCli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(args, io);
  return { code, out, err };
}

describe('example book (examples/tracking-2026.xlsx)', () => {
  let report: Report;
  let stdout: string[];

  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'golden-'));
    const json = path.join(dir, 'report.json');
    const run = await runCli(['check', EXAMPLE, '--as-of', EXAMPLE_AS_OF, '--json', json]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    stdout = run.out;
    const text = await fs.readFile(json, 'utf8');
    report = JSON.parse(text) as Report;
    if (UPDATE) await fs.writeFile(GOLDEN, text);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('gives the committed golden report', () => {
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Report;
    expect(report).toEqual(golden);
  });

  it('reads the three sheets and ignores the instructions', () => {
    expect(report.sheets.map((s) => [s.name, s.kind, s.headerRow, s.dataRows])).toEqual([
      [SHEET_NAMES.registry, 'registry', 6, 15],
      [SHEET_NAMES.tasks, 'task', 9, 163],
      [SHEET_NAMES.inspections, 'inspection', 7, 21],
    ]);
    expect(report.ignoredSheets.map((s) => s.name)).toEqual([SHEET_NAMES.guide]);
    expect(report.rules).toBe('2026');
  });

  it('raises every finding rule of SPEC §4 at least once', () => {
    const seen = new Set(report.findings.map((f) => f.rule));
    expect(RULE_IDS.filter((r) => !seen.has(r))).toEqual([]);
  });

  it('raises every planted finding on its cell', () => {
    const { plants } = buildExampleBook();
    const found = new Set(report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`));
    const missing = plants.map((p) => `${p.sheet}!${p.cell} ${p.rule}`).filter((k) => !found.has(k));
    expect(missing).toEqual([]);
  });

  it('shows every level of the 2026 rules, with the quota at work', () => {
    const levels = new Set(report.units.map((u) => u.level));
    expect(LEVELS.filter((l) => !levels.has(l))).toEqual([]);
    const excellent = report.units.filter((u) => u.level === 'excellent').map((u) => u.name);
    expect(excellent).toEqual(['Văn phòng HĐND và UBND']);
    const demoted = report.units.filter((u) => u.decidedBy === 'quota').map((u) => u.name);
    expect(demoted).toEqual(['Trung tâm Phục vụ hành chính công', 'Trạm Y tế xã Tháp Mười']);
    expect(report.units.every((u) => u.reasons.length > 0)).toBe(true);
  });

  it('prints a summary with every unit', () => {
    for (const u of report.units) expect(stdout.some((l) => l.includes(u.name))).toBe(true);
  });

  it('reads the deadlines offices write: recurring tasks without a fault, periods and prefix dates as their dates (SPEC 1.3)', () => {
    const task = (row: number) => report.tasks.find((t) => t.row === row)!;
    const findingsOn = (row: number) => report.findings.filter((f) => f.sheet === SHEET_NAMES.tasks && f.cell.replace(/^[A-Z]+/, '') === String(row));
    // Hằng tháng, Thường xuyên, Thường xuyên, liên tục, Định kỳ hằng tháng
    for (const row of [11, 12, 67, 171]) {
      expect({ ...task(row), findings: findingsOn(row) }).toMatchObject({ row, recurring: true, deadline: null, status: 'open_on_time', findings: [] });
    }
    expect(report.tasks.filter((t) => t.recurring).map((t) => t.row)).toEqual([11, 12, 67, 171]);
    // Each period's last day, each prefix date, by hand (see test/golden/README.md).
    const deadlines: [number, string][] = [
      [33, '2026-06-30'], // 6 tháng đầu năm 2026
      [35, '2026-09-30'], // Quý III/2026
      [47, '2026-10-15'], // Trước ngày 15/10/2026
      [71, '2026-12-31'], // Trong năm 2026
      [89, '2026-10-31'], // Tháng 10/2026
      [130, '2026-12-30'], // Hạn chót ngày 30 tháng 12 năm 2026
      [153, '2026-09-30'], // Trong tháng 9/2026
      [161, '2026-12-31'], // Quý IV/2026
      [167, '2026-11-20'], // Chậm nhất ngày 20/11/2026
    ];
    expect(deadlines.map(([row]) => [row, task(row).deadline])).toEqual(deadlines);
    expect(deadlines.flatMap(([row]) => findingsOn(row).map((f) => `${f.cell} ${f.rule}`))).toEqual(['I33 late-completion', 'H153 overdue']);
    // The near miss "T12/2026" stays an invalid date.
    expect(findingsOn(129).map((f) => `${f.cell} ${f.rule}`)).toEqual(['H129 invalid-date', 'H129 missing-deadline']);
  });

  it('prints the people table after the units: the leaders and officers, titles dropped, a position kept', () => {
    const from = stdout.indexOf('Lãnh đạo phụ trách và cán bộ thụ lý');
    expect(from).toBeGreaterThan(stdout.indexOf('Đơn vị'));
    const names = stdout.slice(from + 3, from + 3 + report.people.length).map((l) => l.trim().split(/\s{2,}/)[1]);
    expect(names).toEqual([
      'Lê Văn Tư',
      'Trần Thị Mỹ Linh',
      'Nguyễn Thanh Hải',
      'Chủ tịch UBND xã',
      'Võ Văn Bé',
      'Trần Minh Nhựt',
      'Huỳnh Văn Nam',
      'Lê Thị Thu',
      'Phạm Thị Hồng',
    ]);
  });
});

describe('example generator (scripts/make-example.ts)', () => {
  it('is deterministic: two generations have the same cells, merges and styles', async () => {
    const a = bookSnapshot(await roundTrip(buildExampleBook().workbook), { styles: true });
    const b = bookSnapshot(await roundTrip(buildExampleBook().workbook), { styles: true });
    expect(a.reduce((n, s) => n + s.cells.length, 0)).toBeGreaterThan(1500);
    expect(a).toEqual(b);
  });

  it('matches the committed example (run `npm run example` after changing the generator)', async () => {
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(EXAMPLE);
    expect(bookSnapshot(committed, { styles: true })).toEqual(bookSnapshot(await roundTrip(buildExampleBook().workbook), { styles: true }));
  });
});
