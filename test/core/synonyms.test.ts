/**
 * Issue 9 §4: every header synonym of the spec maps to its field. The table below is docs/spec.md's
 * synonym table (SPEC §2, version 1.3) copied as data, independently of src/core/fields.ts; a first
 * test checks that it still says what the spec says. Each synonym then heads a column of a header
 * row that also holds the other required fields of its kind, and detection must map that column
 * to the synonym's field.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CellValue } from '../../src/core/cells';
import { detectHeader } from '../../src/core/header';
import { sheet } from './support';

type Kind = 'task' | 'inspection' | 'registry';

/** [kind, field, required, synonyms], row by row as in the spec. */
const SPEC_TABLE: readonly (readonly [Kind, string, boolean, readonly string[]])[] = [
  ['task', 'docNumber', false, ['so ky hieu van ban', 'so van ban', 'so hieu van ban', 'so ky hieu', 'van ban giao']],
  ['task', 'assignedDate', false, ['ngay giao', 'ngay van ban', 'ngay ban hanh', 'ngay nhan']],
  ['task', 'content', false, ['noi dung nhiem vu', 'trich yeu', 'noi dung', 'nhiem vu', 'ten nhiem vu']],
  ['task', 'leadUnit', true, ['don vi chu tri', 'co quan chu tri', 'don vi thuc hien', 'co quan thuc hien', 'chu tri']],
  ['task', 'coUnits', false, ['don vi phoi hop', 'co quan phoi hop', 'phoi hop']],
  ['task', 'leader', false, ['lanh dao phu trach', 'lanh dao chi dao', 'nguoi chi dao']],
  [
    'task',
    'owner',
    false,
    ['nguoi phu trach', 'can bo phu trach', 'chuyen vien phu trach', 'can bo thu ly', 'chuyen vien thu ly', 'can bo thuc hien', 'nguoi thuc hien'],
  ],
  ['task', 'deadline', true, ['thoi han', 'han xu ly', 'han hoan thanh', 'han']],
  ['task', 'completedDate', false, ['ngay hoan thanh', 'ngay bao cao ket qua', 'ngay tra ket qua']],
  ['task', 'status', false, ['tinh trang', 'tien do', 'ket qua thuc hien', 'trang thai']],
  ['inspection', 'date', true, ['ngay kiem tra', 'thoi gian kiem tra']],
  ['inspection', 'unit', true, ['don vi duoc kiem tra', 'co quan duoc kiem tra', 'don vi']],
  ['inspection', 'form', false, ['hinh thuc kiem tra', 'hinh thuc']],
  ['inspection', 'topic', false, ['noi dung kiem tra']],
  ['inspection', 'violations', true, ['so vi pham', 'so truong hop vi pham', 'vi pham']],
  ['inspection', 'handling', false, ['hinh thuc xu ly', 'xu ly']],
  ['registry', 'unit', true, ['ten don vi', 'don vi', 'co quan']],
  ['registry', 'unitType', true, ['loai don vi', 'khoi', 'loai hinh']],
  ['registry', 'head', false, ['nguoi dung dau', 'thu truong', 'lanh dao']],
  ['registry', 'disciplined', false, ['ky luat', 'bi ky luat', 'xu ly ky luat']],
];

/** Header cells as offices write them for the fields a kind needs (a task needs content or docNumber). */
const BASE: Readonly<Record<Kind, readonly (readonly [string, string])[]>> = {
  task: [
    ['content', 'Nội dung nhiệm vụ'],
    ['leadUnit', 'Đơn vị chủ trì'],
    ['deadline', 'Thời hạn'],
  ],
  inspection: [
    ['date', 'Ngày kiểm tra'],
    ['unit', 'Đơn vị được kiểm tra'],
    ['violations', 'Số vi phạm'],
  ],
  // A registry needs unit and unitType, and a header maps at least 3 fields in all.
  registry: [
    ['unit', 'Tên đơn vị'],
    ['unitType', 'Loại đơn vị'],
    ['head', 'Người đứng đầu'],
  ],
};

test('the table of this test is the synonym table of docs/spec.md', () => {
  const spec = readFileSync(path.resolve(__dirname, '../../docs/spec.md'), 'utf8');
  const rows = spec
    .split('\n')
    .map((line) => /^\| (task|inspection|registry) \| (\w+)( \*)? \| (.+) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2], m[3] !== undefined, m[4]!.split(', ')]);
  expect(rows).toEqual(SPEC_TABLE.map(([kind, field, required, synonyms]) => [kind, field, required, [...synonyms]]));
});

const CASES = SPEC_TABLE.flatMap(([kind, field, , synonyms]) => synonyms.map((synonym) => [kind, field, synonym] as const));

/** A header row with `text` heading the field's column (replacing the base cell of that field, or added after them). */
function headerWith(kind: Kind, field: string, text: string): { cells: CellValue[]; col: number } {
  const cells: CellValue[] = ['STT', ...BASE[kind].map(([f, t]) => (f === field ? text : t))];
  const at = BASE[kind].findIndex(([f]) => f === field);
  if (at >= 0) return { cells, col: at + 1 };
  return { cells: [...cells, text], col: cells.length };
}

test.each(CASES)('%s: "%s" ← %j', (kind, field, synonym) => {
  for (const text of [synonym, synonym.toUpperCase(), `${synonym} (ghi rõ)`]) {
    const { cells, col } = headerWith(kind, field, text);
    const header = detectHeader(sheet('S', [['TIÊU ĐỀ'], cells, cells.map((_, i) => (i === 0 ? 1 : 'x'))]));
    expect({ text, kind: header?.kind, column: header?.columns[field] }).toEqual({ text, kind, column: col });
  }
});
