/**
 * SPEC §6 live flags with the deadlines of 1.3: a period deadline ("Quý II/2023") is text that Excel
 * cannot compare with TODAY(), so the very hidden helper sheet "KQ Hạn" holds its computed last day;
 * a recurring task ("Thường xuyên") has no deadline, its helper cell stays empty, and the live
 * overdue rule never colours it.
 *
 * Checked twice: on the plan (the helper serials come from the report's deadlines) and on a real
 * annotated .xlsx written by the command line, whose overdue rule is evaluated row by row with a
 * small evaluator written here, independently of src/core/flag-plan.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { planFlags } from '../../src/core/flag-plan';
import { HELPER_SHEET } from '../../src/core/presentation';
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
    const serials = new Map(plan!.deadlineSerials.map((s) => [s.row + 1, s.serial]));
    for (const [row, want] of Object.entries(HELPER)) expect({ row: Number(row), serial: serials.get(Number(row)) ?? null }).toEqual({ row: Number(row), serial: want });
  });
});

// ------------------------------------------------------------------ a small formula evaluator

type Value = number | string | boolean | null;
type Lookup = (sheet: string | null, col: string, row: number) => Value;

/**
 * Evaluates the few functions a live rule uses (AND, OR, IF, N, LEN, TRIM, ISNUMBER, ISERROR,
 * SUBSTITUTE, TODAY) with "=" and "<", the way Excel does, for the cell `shift` rows below the rule's
 * top row: relative rows move with it, "$"-rows do not.
 */
function evaluate(formula: string, lookup: Lookup, today: number, shift: number): Value {
  let i = 0;
  const peek = () => formula[i];
  const expect = (ch: string) => {
    if (formula[i] !== ch) throw new Error(`expected ${ch} at ${i} in ${formula}`);
    i++;
  };
  const num = (v: Value): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null ? 0 : NaN);
  const text = (v: Value): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));

  function primary(): Value {
    const rest = formula.slice(i);
    let m = /^"((?:[^"]|"")*)"/.exec(rest);
    if (m) {
      i += m[0].length;
      return m[1]!.replace(/""/g, '"');
    }
    m = /^(?:'((?:[^']|'')+)'!)?\$?([A-Z]+)(\$?)(\d+)(?![A-Z(])/.exec(rest);
    if (m) {
      i += m[0].length;
      const row = Number(m[4]) + (m[3] === '$' ? 0 : shift);
      return lookup(m[1] === undefined ? null : m[1].replace(/''/g, "'"), m[2]!, row);
    }
    m = /^\d+(?:\.\d+)?/.exec(rest);
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    m = /^([A-Z]+)\(/.exec(rest);
    if (!m) throw new Error(`cannot read ${rest}`);
    i += m[0].length;
    const args: Value[] = [];
    if (peek() !== ')') {
      args.push(comparison());
      while (peek() === ',') {
        i++;
        args.push(comparison());
      }
    }
    expect(')');
    return call(m[1]!, args);
  }

  function comparison(): Value {
    const left = primary();
    const op = peek();
    if (op !== '=' && op !== '<') return left;
    i++;
    const right = primary();
    if (op === '=') return typeof left === 'string' || typeof right === 'string' ? text(left) === text(right) : num(left) === num(right);
    return num(left) < num(right);
  }

  function call(name: string, a: Value[]): Value {
    switch (name) {
      case 'AND':
        return a.every((v) => Boolean(v));
      case 'OR':
        return a.some((v) => Boolean(v));
      case 'IF':
        return a[0] ? a[1]! : (a[2] ?? false);
      case 'N':
        return typeof a[0] === 'number' ? a[0] : typeof a[0] === 'boolean' ? Number(a[0]) : 0;
      case 'LEN':
        return text(a[0]!).length;
      case 'TRIM':
        return text(a[0]!).trim().replace(/ +/g, ' ');
      case 'ISNUMBER':
        return typeof a[0] === 'number';
      case 'ISERROR':
        return false;
      case 'SUBSTITUTE':
        return text(a[0]!).split(text(a[1]!)).join(text(a[2]!));
      case 'TODAY':
        return today;
      default:
        throw new Error(`function ${name} is not known to the test evaluator`);
    }
  }

  const v = comparison();
  if (i !== formula.length) throw new Error(`trailing text at ${i} in ${formula}`);
  return v;
}

test('the evaluator reads what the rules need', () => {
  const cells: Record<string, Value> = { A1: 5, B2: '  ', C3: 'x' };
  const at: Lookup = (_s, col, row) => cells[`${col}${row}`] ?? null;
  expect(evaluate('AND(N("kq")=0,ISNUMBER($A1),$A1<TODAY())', at, 6, 0)).toBe(true);
  expect(evaluate('AND(N("kq")=0,ISNUMBER($A1),$A1<TODAY())', at, 5, 0)).toBe(false);
  expect(evaluate('LEN(TRIM($B1))=0', at, 0, 1)).toBe(true);
  expect(evaluate('IF(ISNUMBER($C$3),1,2)', at, 0, 7)).toBe(2);
  expect(evaluate('LEN(TRIM(SUBSTITUTE($C3,"x","")))=0', at, 0, 0)).toBe(true);
});

// ------------------------------------------------------------------ the annotated .xlsx

describe('the annotated copy the command line writes', () => {
  let dir: string;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kq-live-deadlines-'));
    const input = path.join(dir, 'in.xlsx');
    const out = path.join(dir, 'out.xlsx');
    await fs.writeFile(input, await buildXlsx({ sheets: [{ name: SHEET, rows: ROWS }] }));
    const io: Io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['check', input, '--as-of', AS_OF, '--out', out], io)).toBe(0);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function valueOf(ws: ExcelJS.Worksheet, col: string, row: number): Value {
    const v = ws.getCell(`${col}${row}`).value;
    if (v instanceof Date) return Math.round(v.getTime() / 86_400_000) + 25_569;
    if (v === null || v === undefined) return null;
    if (typeof v === 'object') throw new Error(`unexpected cell value at ${col}${row}`);
    return v;
  }

  function lookup(sheetName: string | null, col: string, row: number): Value {
    const ws = book.getWorksheet(sheetName ?? SHEET);
    if (!ws) throw new Error(`no sheet ${sheetName}`);
    return valueOf(ws, col, row);
  }

  function overdueRule(): { top: number; formula: string; rows: number[] } {
    const cfs = (book.getWorksheet(SHEET) as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const cf = cfs.find((c) => c.rules.some((r) => ((r as ExcelJS.ExpressionRuleType).formulae ?? []).some((f) => String(f).includes('kq:overdue'))))!;
    const formula = String((cf.rules[0] as ExcelJS.ExpressionRuleType).formulae![0]);
    const rows: number[] = [];
    for (const range of cf.ref.split(' ')) {
      const [, a, b] = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(range)!;
      for (let r = Number(a); r <= Number(b ?? a); r++) rows.push(r);
    }
    return { top: rows[0]!, formula, rows };
  }

  test('the helper sheet holds the computed dates of period and prefix deadlines, and nothing for recurring tasks', () => {
    const helper = book.getWorksheet(HELPER_SHEET)!;
    expect(helper.state).toBe('veryHidden');
    for (const [row, want] of Object.entries(HELPER)) expect({ row: Number(row), value: valueOf(helper, 'A', Number(row)) }).toEqual({ row: Number(row), value: want });
  });

  test('as of 2023-09-15 the live rule colours exactly the rows past their period or prefix deadline', () => {
    const rule = overdueRule();
    expect(rule.rows).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const red = (today: number) => rule.rows.filter((r) => evaluate(rule.formula, lookup, today, r - rule.top) === true);
    expect(red(serial(2023, 9, 15))).toEqual([4, 6]);
    // A period that ends on the 30th is not overdue that day, and is the next day: live, without a new run.
    expect(red(serial(2023, 9, 30))).toEqual([4, 6]);
    expect(red(serial(2023, 10, 1))).toEqual([4, 5, 6]);
    // Years later, the recurring tasks (rows 3 and 8) and the unreadable one (row 9) are still never red.
    expect(red(serial(2030, 1, 1))).toEqual([4, 5, 6, 7]);
  });
});
