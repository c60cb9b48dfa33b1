/**
 * The live flags, judged from outside: the command line annotates a real .xlsx, then the conditional
 * formats it wrote are evaluated cell by cell with an evaluator written apart from the code that
 * builds them (test/helpers/formula-eval.ts), as a spreadsheet program would on the day of the run.
 * Which rows turn red and which lead cells are marked must be exactly what SPEC §3, §4 and §6 say:
 * a row is highlighted when its task is open_overdue as of today, a lead cell when its task is
 * unassigned. Each case below is worked out by hand from the spec.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main';
import { highlights, sqrefCells, type EvalContext } from '../helpers/formula-eval';
import { readOoxml, type OoxmlPackage } from '../helpers/ooxml';
import { buildXlsx, utc, type XlsxCell } from '../helpers/xlsx';

const SHEET = 'Theo dõi nhiệm vụ';
const HEADER = ['STT', 'Số/ký hiệu văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng'];
const FIRST_DATA_ROW = 5; // 1-based: two title rows, a blank row, the header in row 4

const now = new Date();
const todayUtc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
const DAY = 86_400_000;
/** A real date `offset` days from today, and the same day as text dd/mm/yyyy. */
const day = (offset: number): Date => {
  const d = new Date(todayUtc + offset * DAY);
  return utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const text = (offset: number): string => {
  const d = day(offset);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
const isoToday = new Date(todayUtc).toISOString().slice(0, 10);
/** TODAY() as Excel's serial: days since 1899-12-30. */
const todaySerial = Math.round((todayUtc - Date.UTC(1899, 11, 30)) / DAY);

interface Case {
  readonly why: string;
  readonly lead: XlsxCell;
  readonly deadline: XlsxCell;
  readonly completed: XlsxCell;
  /** SPEC §3 status open_overdue as of today. */
  readonly overdue: boolean;
  /** SPEC §4 unassigned: the lead cell holds no unit (pieces that fold to nothing are dropped) or an error. */
  readonly unassigned: boolean;
}

const UNIT = 'Phòng Nội vụ';
const CASES: readonly Case[] = [
  { why: 'deadline yesterday, not done', lead: UNIT, deadline: day(-1), completed: null, overdue: true, unassigned: false },
  { why: 'deadline today is not overdue', lead: UNIT, deadline: day(0), completed: null, overdue: false, unassigned: false },
  { why: 'deadline tomorrow', lead: UNIT, deadline: day(1), completed: null, overdue: false, unassigned: false },
  { why: 'deadline written as text, ten days ago', lead: UNIT, deadline: text(-10), completed: null, overdue: true, unassigned: false },
  { why: 'done before the deadline', lead: UNIT, deadline: day(-5), completed: day(-6), overdue: false, unassigned: false },
  { why: 'done late, completion written as text', lead: UNIT, deadline: day(-5), completed: text(-3), overdue: false, unassigned: false },
  { why: 'completion that is not a date counts as absent', lead: UNIT, deadline: day(-5), completed: 'đang làm', overdue: true, unassigned: false },
  { why: 'completion after today counts as open', lead: UNIT, deadline: day(-5), completed: day(3), overdue: true, unassigned: false },
  { why: 'completion written as text, after today', lead: UNIT, deadline: day(-4), completed: text(2), overdue: true, unassigned: false },
  { why: 'completion only blanks', lead: UNIT, deadline: day(-3), completed: '   ', overdue: true, unassigned: false },
  { why: 'no deadline', lead: UNIT, deadline: null, completed: null, overdue: false, unassigned: false },
  { why: 'a deadline that is not a date', lead: UNIT, deadline: 'sắp tới', completed: null, overdue: false, unassigned: false },
  { why: 'empty lead cell', lead: null, deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'blank lead cell', lead: '   ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'a dash for the lead unit', lead: '-', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'an error in the lead cell', lead: { error: '#N/A' }, deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'only separators', lead: '; ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'dashes and a comma', lead: ' - , - ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'dashes on two lines', lead: '-\n-', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'two lead units is not unassigned', lead: 'Phòng Tư pháp; Phòng Y tế', deadline: day(2), completed: null, overdue: false, unassigned: false },
  { why: 'overdue and unassigned at once', lead: '', deadline: day(-2), completed: null, overdue: true, unassigned: true },
];

const rowOf = (i: number) => FIRST_DATA_ROW + i; // 1-based sheet row of case i

let tmp: string;
let annotated: OoxmlPackage;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-live-'));
  const input = path.join(tmp, 'book.xlsx');
  const rows: XlsxCell[][] = [['ỦY BAN NHÂN DÂN XÃ MỸ HÒA'], ['SỔ THEO DÕI NHIỆM VỤ'], [], HEADER];
  CASES.forEach((c, i) => rows.push([i + 1, `${i + 1}/UBND`, `Nhiệm vụ ${i + 1}: ${c.why}`, c.lead, c.deadline, c.completed, null]));
  writeFileSync(input, await buildXlsx({ sheets: [{ name: SHEET, rows }] }));
  const out = path.join(tmp, 'annotated.xlsx');
  const io: Io = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(['check', input, '--as-of', isoToday, '--out', out], io)).toBe(0);
  annotated = readOoxml(readFileSync(out));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function evalContext(pkg: OoxmlPackage): EvalContext {
  const cache = new Map<string, ReturnType<OoxmlPackage['cells']>>();
  const cellsOf = (sheet: string) => {
    let c = cache.get(sheet);
    if (!c) cache.set(sheet, (c = pkg.cells(sheet)));
    return c;
  };
  const letters = (col: number): string => {
    let s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return {
    today: todaySerial,
    cell: (sheet, row, col) => cellsOf(sheet ?? SHEET).get(`${letters(col)}${row + 1}`) ?? null,
  };
}

/** 1-based rows (overdue) or cells (unassigned) that the rules carrying this marker highlight. */
function highlighted(marker: string): { rows: Set<number>; cells: Set<string> } {
  const rules = annotated.conditionalFormats(SHEET).filter((r) => r.formulas.some((f) => f.includes(`"${marker}"`)));
  expect(rules).toHaveLength(1);
  const ctx = evalContext(annotated);
  const rows = new Set<number>();
  const cells = new Set<string>();
  for (const rule of rules) {
    const { top, cells: all } = sqrefCells(rule.sqref);
    for (const at of all) {
      if (highlights(rule.formulas[0]!, ctx, top, at)) {
        rows.add(at.row + 1);
        cells.add(`${at.col},${at.row + 1}`);
      }
    }
  }
  return { rows, cells };
}

test('the overdue rule turns red exactly the rows whose task is overdue today, whole rows', () => {
  const { rows, cells } = highlighted('kq:overdue');
  const want = CASES.flatMap((c, i) => (c.overdue ? [rowOf(i)] : []));
  expect([...rows].sort((a, b) => a - b)).toEqual(want);
  // The whole row of the table, from its first mapped column (B, Số/ký hiệu) to its last (G, Tình
  // trạng); the unmapped STT column A is not part of it.
  const expectedCells = want.flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => `${c},${r}`));
  expect([...cells].sort()).toEqual(expectedCells.sort());
});

test('the unassigned rule marks exactly the lead cells with no lead unit', () => {
  const { rows, cells } = highlighted('kq:unassigned');
  const want = CASES.flatMap((c, i) => (c.unassigned ? [rowOf(i)] : []));
  expect([...rows].sort((a, b) => a - b)).toEqual(want);
  // Only the lead column (D, index 3).
  expect([...cells].every((c) => c.startsWith('3,'))).toBe(true);
});

test.each(CASES.map((c, i) => [c.why, i] as const))('case "%s" as the spec reads it', (_why, i) => {
  const c = CASES[i]!;
  expect({ overdue: highlighted('kq:overdue').rows.has(rowOf(i)), unassigned: highlighted('kq:unassigned').rows.has(rowOf(i)) }).toEqual({
    overdue: c.overdue,
    unassigned: c.unassigned,
  });
});
