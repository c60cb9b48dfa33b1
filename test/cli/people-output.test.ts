/**
 * SPEC 1.3 people in charge on the command line: the people table printed after the units, and the
 * sheet "KQ Cá nhân" in the annotated copy (written by the command line's adapter as a third KQ sheet).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { FINDINGS_SHEET, HELPER_SHEET, PEOPLE_SHEET, SCORES_SHEET } from '../../src/core/presentation';
import { buildXlsx, utc, type XlsxCell } from '../helpers/xlsx';

const AS_OF = '2023-09-15';

/** As of 2023-09-15: r3 overdue, r4 done late, r5 done on time, r6 open on time, r7 overdue (no lead unit). */
const ROWS: XlsxCell[][] = [
  ['SỔ THEO DÕI NHIỆM VỤ'],
  ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo phụ trách', 'Cán bộ thụ lý', 'Thời hạn', 'Ngày hoàn thành'],
  [1, 'Việc 1', 'Văn phòng', 'CT Nguyễn Thanh Hải', 'CV Trần Văn An', utc(2023, 9, 1), null],
  [2, 'Việc 2', 'Văn phòng', 'PCT Lê Văn Tư', 'Trần Văn An', utc(2023, 9, 1), utc(2023, 9, 5)],
  [3, 'Việc 3', 'Văn phòng', 'Đ/c Lê Văn Tư', 'Cán bộ Lê Thị Bình', utc(2023, 9, 1), utc(2023, 8, 30)],
  [4, 'Việc 4', 'Văn phòng', 'Chủ tịch UBND xã', null, 'Thường xuyên', null],
  [5, 'Việc 5', null, 'Chủ tịch Nguyễn Thanh Hải', 'Lê Thị Bình', 'Quý II/2023', null],
];

/** Expected rows, by hand: role, name, due, on time, done late, overdue, not yet due. */
const PEOPLE = [
  ['Lãnh đạo phụ trách', 'Nguyễn Thanh Hải', 2, 0, 0, 2, 0],
  ['Lãnh đạo phụ trách', 'Lê Văn Tư', 2, 1, 1, 0, 0],
  ['Lãnh đạo phụ trách', 'Chủ tịch UBND xã', 0, 0, 0, 0, 1],
  ['Cán bộ thụ lý', 'Trần Văn An', 2, 0, 1, 1, 0],
  ['Cán bộ thụ lý', 'Lê Thị Bình', 2, 1, 0, 1, 0],
] as const;

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-people-'));
  input = path.join(dir, 'so-theo-doi.xlsx');
  await fs.writeFile(input, await buildXlsx({ sheets: [{ name: 'Nhiệm vụ', rows: ROWS }] }));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => out.push(`stderr: ${l}`) };
  expect(await main(argv, io)).toBe(0);
  return out;
}

describe('the summary', () => {
  test('prints the people table after the units and before the findings, leaders and officers with overdue work first', async () => {
    const out = await cli('check', input, '--as-of', AS_OF);
    const units = out.indexOf('Đơn vị');
    const people = out.indexOf('Lãnh đạo phụ trách và cán bộ thụ lý');
    const findings = out.indexOf('Phát hiện theo quy tắc');
    expect(units).toBeGreaterThan(0);
    expect(people).toBeGreaterThan(units);
    expect(findings).toBeGreaterThan(people);
    const rows = out.slice(people + 3, findings - 1).map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual(PEOPLE.map((r) => r.map(String)));
  });

  test('prints no people table when nobody is named', async () => {
    const plain = path.join(dir, 'plain.xlsx');
    await fs.writeFile(plain, await buildXlsx({ sheets: [{ name: 'NV', rows: ROWS.map((r) => r.filter((_, i) => i !== 3 && i !== 4)) }] }));
    const out = await cli('check', plain, '--as-of', AS_OF);
    expect(out.some((l) => l.includes('Lãnh đạo phụ trách'))).toBe(false);
  });

  test('in English', async () => {
    const out = await cli('check', input, '--as-of', AS_OF, '--lang', 'en');
    const at = out.indexOf('Leaders and officers in charge');
    expect(at).toBeGreaterThan(0);
    expect(out[at + 3]!.trim().split(/\s{2,}/)).toEqual(['Leader in charge', 'Nguyễn Thanh Hải', '2', '0', '0', '2', '0']);
  });
});

describe('the annotated copy', () => {
  test('holds KQ Cá nhân after the other KQ sheets: title, then a table with one row per person and role', async () => {
    const out = path.join(dir, 'annotated.xlsx');
    await cli('check', input, '--as-of', AS_OF, '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', HELPER_SHEET, SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET]);
    const ws = wb.getWorksheet(PEOPLE_SHEET)!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    const table = (ws.getTable('KQ_CaNhan') as unknown as { model: { tableRef: string; columns: { name: string }[] } }).model;
    expect(table.tableRef).toBe(`A4:G${4 + PEOPLE.length}`);
    expect(table.columns.map((c) => c.name)).toEqual(['Vai trò', 'Họ và tên (chức danh)', 'Đến hạn', 'Đúng hạn', 'Hoàn thành trễ', 'Quá hạn chưa xong', 'Chưa đến hạn']);
    const rows = PEOPLE.map((_, i) => (ws.getRow(5 + i).values as unknown[]).slice(1));
    expect(rows).toEqual(PEOPLE.map((r) => [...r]));
    expect(ws.getCell('C5').numFmt).toBe('0');
  });
});
