/**
 * SPEC §6 live flags with the deadlines of 1.3: a period deadline ("Quý II/2023") is text that Excel
 * cannot compare with TODAY(), so the very hidden helper sheet "KQ Hạn" holds its computed last day;
 * a recurring task ("Thường xuyên") has no deadline, its helper cell stays empty, and the live
 * overdue rule never colours it.
 *
 * Checked twice: on the plan (the helper serials come from the report's deadlines) and on a real
 * annotated .xlsx written by the command line, whose overdue rule is evaluated row by row with the
 * tests' own evaluator (test/helpers/formula-eval.ts), independently of src/core/flag-plan.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { main, type Io } from '../../src/cli/main';
import { planFlags } from '../../src/core/flag-plan';
import { HELPER_SHEET } from '../../src/core/presentation';
import { highlights, sqrefCells, type EvalContext } from '../helpers/formula-eval';
import { address, readOoxml, type OoxmlPackage } from '../helpers/ooxml';
import { buildXlsx, checkXlsx, utc, type XlsxCell } from '../helpers/xlsx';

const AS_OF = '2023-09-15';
const SHEET = 'Nhiệm vụ';

/** Excel 1900 serial of a date after 1900-03-01, by hand: days since 1899-12-30. */
function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// Rows 3–9 (header on row 2). Column E is the deadline, F the completion date.
const ROWS: XlsxCell[][] = [
  ['SỔ THEO DÕI NHIỆM VỤ NĂM 2023'],
  ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'],
  [1, 'Trực ban', 'Văn phòng', utc(2023, 1, 2), 'Thường xuyên', null], // 3: recurring
  [2, 'Báo cáo quý II', 'Văn phòng', utc(2023, 4, 3), 'Quý II/2023', null], // 4: period ended 30/06/2023
  [3, 'Báo cáo tháng 9', 'Văn phòng', utc(2023, 9, 1), 'Tháng 9/2023', null], // 5: period ends 30/09/2023
  [4, 'Rà soát', 'Văn phòng', utc(2023, 1, 2), 'Trước ngày 31/8/2023', null], // 6: prefix date
  [5, 'Tổng kết', 'Văn phòng', utc(2023, 1, 2), 'Trong năm 2023', null], // 7: 31/12/2023
  [6, 'Định kỳ', 'Văn phòng', utc(2023, 1, 2), 'Hằng tháng', null], // 8: recurring
  [7, 'Lỗi gõ', 'Văn phòng', utc(2023, 1, 2), 'Quý V/2023', null], // 9: invalid
];

/** The helper serial each row must have, by hand; null where the helper cell stays empty. */
const HELPER: Readonly<Record<number, number | null>> = {
  3: null,
  4: serial(2023, 6, 30),
  5: serial(2023, 9, 30),
  6: serial(2023, 8, 31),
  7: serial(2023, 12, 31),
  8: null,
  9: null,
};

describe('the flag plan', () => {
  test('holds the computed last day of each period and prefix date, and nothing for recurring or invalid deadlines', async () => {
    const report = await checkXlsx({ sheets: [{ name: SHEET, rows: ROWS }] }, { asOf: AS_OF });
    const [plan] = planFlags(report).sheets;
    const serials = new Map(plan!.helperCells.filter((c) => c.col === plan!.helperDeadlineCol).map((c) => [c.row + 1, c.value]));
    for (const [row, want] of Object.entries(HELPER)) expect({ row: Number(row), serial: serials.get(Number(row)) ?? null }).toEqual({ row: Number(row), serial: want });
  });
});

// ------------------------------------------------------------------ the annotated .xlsx

describe('the annotated copy the command line writes', () => {
  let dir: string;
  let book: OoxmlPackage;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kq-live-deadlines-'));
    const input = path.join(dir, 'in.xlsx');
    const out = path.join(dir, 'out.xlsx');
    await fs.writeFile(input, await buildXlsx({ sheets: [{ name: SHEET, rows: ROWS }] }));
    const io: Io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['check', input, '--as-of', AS_OF, '--out', out], io)).toBe(0);
    book = readOoxml(await fs.readFile(out));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const context = (today: number): EvalContext => {
    const sheets = new Map([SHEET, HELPER_SHEET].map((name) => [name, book.cells(name)]));
    return { today, cell: (sheet, row, col) => sheets.get(sheet ?? SHEET)!.get(address(row, col)) ?? null };
  };

  function overdueRule(): { formula: string; top: { row: number; col: number }; rows: number[] } {
    const rule = book.conditionalFormats(SHEET).find((r) => r.formulas.some((f) => f.includes('"kq:overdue"')))!;
    const { top, cells } = sqrefCells(rule.sqref);
    return { formula: rule.formulas[0]!, top, rows: [...new Set(cells.map((c) => c.row + 1))] };
  }

  test('the helper sheet holds the computed dates of period and prefix deadlines, and nothing for recurring tasks', () => {
    expect(book.sheetState(HELPER_SHEET)).toBe('veryHidden');
    const helper = book.cells(HELPER_SHEET);
    for (const [row, want] of Object.entries(HELPER)) expect({ row: Number(row), value: helper.get(`A${row}`) ?? null }).toEqual({ row: Number(row), value: want });
  });

  test('as of 2023-09-15 the live rule colours exactly the rows past their period or prefix deadline', () => {
    const rule = overdueRule();
    expect(rule.rows).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const red = (today: number) => rule.rows.filter((r) => highlights(rule.formula, context(today), rule.top, { row: r - 1, col: rule.top.col }));
    expect(red(serial(2023, 9, 15))).toEqual([4, 6]);
    // A period that ends on the 30th is not overdue that day, and is the next day: live, without a new run.
    expect(red(serial(2023, 9, 30))).toEqual([4, 6]);
    expect(red(serial(2023, 10, 1))).toEqual([4, 5, 6]);
    // Years later, the recurring tasks (rows 3 and 8) and the unreadable one (row 9) are still never red.
    expect(red(serial(2030, 1, 1))).toEqual([4, 5, 6, 7]);
  });
});
