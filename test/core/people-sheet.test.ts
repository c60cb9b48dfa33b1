/**
 * SPEC 1.3 §6 "KQ Cá nhân": one row per person and role with the tallies of §5, written only when a
 * task sheet maps `leader` or `owner`.
 */
import { ownedSheets, peopleSheet } from '../../src/core/owned-sheets';
import { FINDINGS_SHEET, PEOPLE_SHEET, SCORES_SHEET } from '../../src/core/presentation';
import { run, sheet } from './support';

const HEADER = ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo phụ trách', 'Người thực hiện', 'Thời hạn', 'Ngày hoàn thành'];

// As of 2023-09-15: overdue, done late, done on time, open on time.
const report = run([
  sheet('NV', [
    HEADER,
    ['A', 'Văn phòng', 'PCT Lê Văn Tư', 'CV Trần Văn An', '01/09/2023', null],
    ['B', 'Văn phòng', 'CT Nguyễn Thanh Hải', 'Trần Văn An', '01/09/2023', '05/09/2023'],
    ['C', 'Văn phòng', 'Chủ tịch UBND xã', null, '01/09/2023', '01/09/2023'],
    ['D', 'Văn phòng', 'Đ/c Lê Văn Tư', null, '31/12/2023', null],
  ]),
]);

describe('KQ Cá nhân', () => {
  test('one row per person and role, in the report\'s order, with role, name and the five tallies', () => {
    const s = peopleSheet(report, 'vi');
    expect(s.name).toBe('KQ Cá nhân');
    expect(s.columns.map((c) => c.header)).toEqual(['Vai trò', 'Họ và tên (chức danh)', 'Đến hạn', 'Đúng hạn', 'Hoàn thành trễ', 'Quá hạn chưa xong', 'Chưa đến hạn']);
    expect(s.columns.map((c) => c.format)).toEqual(['text', 'text', 'integer', 'integer', 'integer', 'integer', 'integer']);
    expect(s.rows).toEqual([
      ['Lãnh đạo phụ trách', 'Lê Văn Tư', 1, 0, 0, 1, 1],
      ['Lãnh đạo phụ trách', 'Nguyễn Thanh Hải', 1, 0, 1, 0, 0],
      ['Lãnh đạo phụ trách', 'Chủ tịch UBND xã', 1, 1, 0, 0, 0],
      ['Cán bộ thụ lý', 'Trần Văn An', 2, 0, 1, 1, 0],
    ]);
    expect(s.title[1]).toContain('15/09/2023');
    expect(s.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  test('in English too', () => {
    const s = peopleSheet(report, 'en');
    expect(s.rows.map((r) => r[0])).toEqual(['Leader in charge', 'Leader in charge', 'Leader in charge', 'Officer in charge']);
    expect(s.columns[0]!.header).toBe('Role');
  });

  test('is the third owned sheet when a task sheet maps leader or owner', () => {
    expect(ownedSheets(report, 'vi').map((s) => s.name)).toEqual([SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET]);
  });

  test.each([
    ['leader only', ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo chỉ đạo', 'Thời hạn']],
    ['owner only', ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Cán bộ thụ lý', 'Thời hạn']],
  ])('is written when the column is mapped, even with nobody named in it (%s)', (_what, header) => {
    const r = run([sheet('NV', [header, ['A', 'Văn phòng', null, '01/09/2023']])]);
    expect(r.people).toEqual([]);
    const names = ownedSheets(r, 'vi').map((s) => s.name);
    expect(names).toEqual([SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET]);
  });

  test('is not written when no task sheet maps leader or owner', () => {
    const r = run([
      sheet('NV', [['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ghi chú'], ['A', 'Văn phòng', '01/09/2023', 'CT Nguyễn Thanh Hải']]),
      // A registry's "Lãnh đạo" is the unit's head, not a person in charge of tasks.
      sheet('DM', [['Tên đơn vị', 'Loại đơn vị', 'Lãnh đạo'], ['Văn phòng', 'Cơ quan', 'Nguyễn Thanh Hải']]),
    ]);
    expect(r.sheets.map((s) => s.kind)).toEqual(['task', 'registry']);
    expect(ownedSheets(r, 'vi').map((s) => s.name)).toEqual([SCORES_SHEET, FINDINGS_SHEET]);
  });
});
