/**
 * SPEC 1.3 §6 "KQ Cá nhân" inside Excel: the Office.js adapter, against the in-memory Excel fake,
 * writes it as a third KQ sheet when a task sheet maps a person column, and not otherwise.
 */
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { FINDINGS_SHEET, PEOPLE_SHEET, SCORES_SHEET } from '../../src/core/presentation';
import { scoreUnits } from '../../src/usecases/check-workbook';
import { serial } from './books';
import { FakeWorkbook } from './fake-excel';

const AS_OF = '2023-09-15';

/** As of 2023-09-15: overdue, done late, done on time. */
function book(withPeople: boolean): FakeWorkbook {
  const b = new FakeWorkbook();
  const s = b.addSheet('Nhiệm vụ');
  const header = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành', withPeople ? 'Lãnh đạo phụ trách' : 'Ghi chú', withPeople ? 'Cán bộ thụ lý' : 'Số trang'];
  header.forEach((h, c) => s.set(0, c, h));
  const rows = [
    [1, 'Việc 1', 'Văn phòng', serial('2023-09-01'), null, 'CT Nguyễn Thanh Hải', 'CV Trần Văn An'],
    [2, 'Việc 2', 'Văn phòng', serial('2023-09-01'), serial('2023-09-05'), 'PCT Lê Văn Tư', 'Trần Văn An'],
    [3, 'Việc 3', 'Văn phòng', serial('2023-09-01'), serial('2023-08-30'), 'Đ/c Lê Văn Tư', null],
  ];
  rows.forEach((r, i) => s.rows.set(1 + i, r));
  return b;
}

test('KQ Cá nhân is written after the other KQ sheets: a table with one row per person and role', async () => {
  const b = book(true);
  await scoreUnits(new OfficeWorkbook({ host: b.host(), lang: 'vi' }), { asOf: AS_OF });
  expect(b.sheets.map((s) => s.name).filter((n) => n.startsWith('KQ ') && n !== 'KQ Hạn')).toEqual([SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET]);
  const people = b.sheet(PEOPLE_SHEET);
  // Role, name, due, on time, done late, overdue, not yet due; by hand: Lê Văn Tư (late, on time) and
  // Nguyễn Thanh Hải (overdue); Trần Văn An (overdue, late).
  expect(people.tables).toEqual([{ name: 'KQ_CaNhan', address: 'A4:G7', hasHeaders: true, style: 'TableStyleMedium2' }]);
  const row = (r: number) => Array.from({ length: 7 }, (_, c) => people.get(r, c));
  expect([3, 4, 5, 6].map(row)).toEqual([
    ['Vai trò', 'Họ và tên (chức danh)', 'Đến hạn', 'Đúng hạn', 'Hoàn thành trễ', 'Quá hạn chưa xong', 'Chưa đến hạn'],
    ['Lãnh đạo phụ trách', 'Nguyễn Thanh Hải', 1, 0, 0, 1, 0],
    ['Lãnh đạo phụ trách', 'Lê Văn Tư', 2, 1, 1, 0, 0],
    ['Cán bộ thụ lý', 'Trần Văn An', 2, 0, 1, 1, 0],
  ]);
  expect(people.numberFormats.get('4,1')).toBe('@');
  expect(people.numberFormats.get('4,2')).toBe('0');
});

test('without a leader or owner column, no KQ Cá nhân', async () => {
  const b = book(false);
  await scoreUnits(new OfficeWorkbook({ host: b.host(), lang: 'vi' }), { asOf: AS_OF });
  expect(b.findSheet(SCORES_SHEET)).toBeDefined();
  expect(b.findSheet(PEOPLE_SHEET)).toBeUndefined();
});
