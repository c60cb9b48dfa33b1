/**
 * SPEC §5 (1.3) "People in charge": titles dropped, positions kept, cells split like unit cells, a
 * person spelt as first seen, tallies per (role, person) like a unit's, the spec's order, people on
 * a task with no lead unit counted. Expected values are worked out by hand from the spec's text.
 */
import { fold } from '../../src/core/fold';
import { personOf, splitPeople } from '../../src/core/people';
import type { PersonReport, Report } from '../../src/core/report';
import { buildXlsx, checkXlsx, utc, type XlsxCell } from '../helpers/xlsx';
import { run, sheet } from './support';

/** The spec's titles in its order, each with a way offices write it. */
const TITLES: readonly [folded: string, written: string][] = [
  ['dong chi', 'Đồng chí'],
  ['d c', 'Đ/c'],
  ['ong', 'Ông'],
  ['ba', 'Bà'],
  ['pho chu tich', 'Phó Chủ tịch'],
  ['chu tich', 'Chủ tịch'],
  ['pct', 'PCT'],
  ['ct', 'CT'],
  ['pho bi thu', 'Phó Bí thư'],
  ['bi thu', 'Bí thư'],
  ['pho truong phong', 'Phó Trưởng phòng'],
  ['truong phong', 'Trưởng phòng'],
  ['ptp', 'PTP'],
  ['tp', 'TP.'],
  ['pho giam doc', 'Phó Giám đốc'],
  ['giam doc', 'Giám đốc'],
  ['pgd', 'PGĐ'],
  ['gd', 'GĐ'],
  ['chuyen vien', 'Chuyên viên'],
  ['cv', 'CV'],
  ['can bo', 'Cán bộ'],
  ['cb', 'CB'],
];

describe('titles', () => {
  test('the written forms of the test fold to the spec\'s titles', () => {
    for (const [folded, written] of TITLES) expect(fold(written)).toBe(folded);
  });

  test.each(TITLES)('%j is dropped: "%s Nguyễn Thanh Hải" is Nguyễn Thanh Hải', (_folded, written) => {
    expect(personOf(`${written} Nguyễn Thanh Hải`)).toEqual({ name: 'Nguyễn Thanh Hải', key: 'nguyen thanh hai' });
  });

  test('the spec\'s example: CT, Chủ tịch and Đ/c name one person', () => {
    const keys = ['CT Nguyễn Thanh Hải', 'Chủ tịch Nguyễn Thanh Hải', 'Đ/c Nguyễn Thanh Hải', 'Nguyễn Thanh Hải'].map((p) => personOf(p)!.key);
    expect(new Set(keys)).toEqual(new Set(['nguyen thanh hai']));
  });

  test.each([
    ['Đ/c PCT Lê Văn Tư', 'Lê Văn Tư', 'le van tu'],
    ['Ông Chủ tịch Nguyễn Thanh Hải', 'Nguyễn Thanh Hải', 'nguyen thanh hai'],
    ['Đồng chí Phó Trưởng phòng CV Trần Thị Mỹ Linh', 'Trần Thị Mỹ Linh', 'tran thi my linh'],
    ['đ/c. bà Võ Thị Sáu', 'Võ Thị Sáu', 'vo thi sau'],
  ])('titles are dropped again while one leads: %j', (written, name, key) => {
    expect(personOf(written)).toEqual({ name, key });
  });

  test.each([
    ['Bảo Ngọc', 'bao ngoc'], // "ba" is followed by a letter, not a space
    ['Trương Phong', 'truong phong'], // the whole piece equals a title: nothing follows it
    ['Cường', 'cuong'],
    ['Ôn Như Hầu', 'on nhu hau'],
    ['CTNguyễn Thanh Hải', 'ctnguyen thanh hai'],
  ])('a title is dropped only when a space follows it: %j', (written, key) => {
    expect(personOf(written)).toEqual({ name: written, key });
  });

  test('the spelling keeps the case and diacritics of the name, without the title and its punctuation', () => {
    expect(personOf('  CT.  NGUYỄN   Thanh Hải ')).toEqual({ name: 'NGUYỄN Thanh Hải', key: 'nguyen thanh hai' });
    expect(personOf('TP: Lê Văn Tư')).toEqual({ name: 'Lê Văn Tư', key: 'le van tu' });
  });
});

describe('positions keep their titles', () => {
  test.each([
    ['Chủ tịch UBND xã', 'chu tich ubnd xa'], // the spec's example
    ['PCT Ủy ban nhân dân xã', 'pct uy ban nhan dan xa'],
    ['Chủ tịch HĐND xã', 'chu tich hdnd xa'],
    ['Phó Chủ tịch Hội đồng nhân dân xã', 'pho chu tich hoi dong nhan dan xa'],
    ['Bí thư Đảng ủy xã', 'bi thu dang uy xa'],
    ['Đ/c Phó Bí thư Đảng ủy', 'd c pho bi thu dang uy'],
    ['UBND xã', 'ubnd xa'],
  ])('%j is the position %j, spelt as written', (written, key) => {
    expect(personOf(written)).toEqual({ name: written, key });
  });

  test('"Chủ tịch UBND xã" is not the person who chairs it, nor "Phó Chủ tịch UBND xã"', () => {
    const keys = ['Chủ tịch UBND xã', 'CT Nguyễn Thanh Hải', 'Phó Chủ tịch UBND xã'].map((p) => personOf(p)!.key);
    expect(new Set(keys).size).toBe(3);
  });

  test('an organisation is a word: "UBNDX" is not one', () => {
    expect(personOf('CT UBNDX')).toEqual({ name: 'UBNDX', key: 'ubndx' });
  });
});

describe('a cell names people like a unit cell names units', () => {
  test('split on newline, ";" and ","; empty pieces and pieces that fold to nothing are dropped', () => {
    expect(splitPeople('CT Nguyễn Thanh Hải; PCT Lê Văn Tư\nCV Trần Văn An, Bà Lê Thị Bình;;  - ;')).toEqual([
      { name: 'Nguyễn Thanh Hải', key: 'nguyen thanh hai' },
      { name: 'Lê Văn Tư', key: 'le van tu' },
      { name: 'Trần Văn An', key: 'tran van an' },
      { name: 'Lê Thị Bình', key: 'le thi binh' },
    ]);
  });

  test('a person named twice in one cell counts once, spelt as first written', () => {
    expect(splitPeople('Đ/c Nguyễn Thanh Hải; Chủ tịch NGUYỄN THANH HẢI')).toEqual([{ name: 'Nguyễn Thanh Hải', key: 'nguyen thanh hai' }]);
  });

  test('"và" is not a separator', () => {
    expect(splitPeople('Ông Lê Văn Tư và bà Lê Thị Bình')).toEqual([{ name: 'Lê Văn Tư và bà Lê Thị Bình', key: 'le van tu va ba le thi binh' }]);
  });

  test('empty, blank and error cells name nobody', () => {
    for (const v of [null, undefined, '', '   ', '-', { error: '#N/A' }]) expect(splitPeople(v)).toEqual([]);
  });
});

// ------------------------------------------------------------------ through the engine, on a real .xlsx

const AS_OF = '2023-09-15';
const HEADER: XlsxCell[] = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo phụ trách', 'Cán bộ thụ lý', 'Thời hạn', 'Ngày hoàn thành'];

/**
 * As of 2023-09-15:
 *   r3 done on time, r4 done late, r5 open overdue (no lead unit), r6 open on time,
 *   r7 open overdue, r8 recurring (open on time), r9 done late.
 */
const TASKS: XlsxCell[][] = [
  ['SỔ THEO DÕI NHIỆM VỤ'],
  HEADER,
  [1, 'Việc 1', 'Văn phòng', 'CT Nguyễn Thanh Hải', 'Đ/c Trần Văn An', utc(2023, 6, 30), utc(2023, 6, 20)],
  [2, 'Việc 2', 'Văn phòng', 'Chủ tịch Nguyễn Thanh Hải', 'CV Trần Văn An; Cán bộ Lê Thị Bình', utc(2023, 6, 30), utc(2023, 7, 5)],
  [3, 'Việc 3', null, 'PCT Lê Văn Tư', 'LÊ THỊ BÌNH', utc(2023, 8, 31), null],
  [4, 'Việc 4', 'Văn phòng', 'Đ/c nguyễn thanh hải', 'Trần Văn An', utc(2023, 12, 31), null],
  [5, 'Việc 5', 'Văn phòng', 'Chủ tịch UBND xã', null, utc(2023, 9, 1), null],
  [6, 'Việc 6', 'Văn phòng', 'PCT Lê Văn Tư', 'Ông Trần Văn An', 'Thường xuyên', null],
  [7, 'Việc 7', 'Văn phòng', 'Phó Chủ tịch Lê Văn Tư', '-', utc(2023, 7, 31), utc(2023, 8, 1)],
];

function person(name: string, role: PersonReport['role'], doneOnTime: number, doneLate: number, openOverdue: number, openOnTime: number): PersonReport {
  return { name, role, due: doneOnTime + doneLate + openOverdue, doneOnTime, doneLate, openOverdue, openOnTime };
}

describe('the people of a task sheet (real .xlsx)', () => {
  let report: Report;
  beforeAll(async () => {
    report = await checkXlsx(await buildXlsx({ sheets: [{ name: 'Nhiệm vụ', rows: TASKS }] }), { asOf: AS_OF });
  });

  test('the leader and owner columns are mapped', () => {
    expect(report.sheets[0]!.columns).toMatchObject({ leader: 'D', owner: 'E' });
  });

  test('each (role, person) is tallied like a unit, in the spec\'s order, spelt as first seen', () => {
    expect(report.people).toEqual([
      // leaders: Lê Văn Tư (r5 overdue, r9 late, r8 open) and the position (r7 overdue) both have one
      // overdue task; Lê Văn Tư has more done late. Nguyễn Thanh Hải: r3 on time, r4 late, r6 open.
      person('Lê Văn Tư', 'leader', 0, 1, 1, 1),
      person('Chủ tịch UBND xã', 'leader', 0, 0, 1, 0),
      person('Nguyễn Thanh Hải', 'leader', 1, 1, 0, 1),
      // owners: Lê Thị Bình (r4 late, r5 overdue); Trần Văn An (r3 on time, r4 late, r6 and r8 open).
      person('Lê Thị Bình', 'owner', 0, 1, 1, 0),
      person('Trần Văn An', 'owner', 1, 1, 0, 2),
    ]);
  });

  test('the task with no lead unit counts for its people and for no unit', () => {
    expect(report.tasks.find((t) => t.row === 5)).toMatchObject({ leadUnits: [], status: 'open_overdue' });
    expect(report.units.map((u) => u.name)).toEqual(['Văn phòng']);
  });
});

describe('ordering and spelling across roles and sheets', () => {
  // The owner column (C) is left of the leader column (D). As of 2023-09-15 (support.AS_OF).
  const header = ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Cán bộ thụ lý', 'Lãnh đạo chỉ đạo', 'Thời hạn', 'Ngày hoàn thành'];
  const report = run([
    sheet('Quý III', [
      header,
      ['A', 'Văn phòng', 'Đ/c Võ Minh Tâm', 'CT Đỗ Văn Hùng', '01/09/2023', null], // overdue
      ['B', 'Văn phòng', 'Bùi Thị Yến', 'CT VÕ MINH TÂM', '01/09/2023', null], // overdue
      ['C', 'Văn phòng', 'Âu Văn Cư', 'Đinh Văn Bảy', '01/09/2023', '05/09/2023'], // done late
      ['D', 'Văn phòng', 'Cao Văn Dũng', 'Đinh Văn Bảy', '01/08/2023', '02/08/2023'], // done late
      ['G', 'Văn phòng', 'Hồ Văn Lợi', 'HỒ VĂN LỢI', '31/12/2023', null], // open on time
    ]),
    sheet('Quý IV', [
      header,
      ['E', 'Văn phòng', 'Ông Ân Văn Hạ', 'Đ/c VÕ MINH TÂM', '31/12/2023', null], // open on time
      ['F', 'Văn phòng', 'Bùi Thị Yến', 'Đỗ Văn Hùng', '01/09/2023', null], // overdue
    ]),
  ]);

  test('by role, then open overdue and done late descending, then key ascending', () => {
    expect(report.people.map((p) => [p.role, p.name, p.openOverdue, p.doneLate])).toEqual([
      ['leader', 'Đỗ Văn Hùng', 2, 0],
      ['leader', 'Võ Minh Tâm', 1, 0],
      ['leader', 'Đinh Văn Bảy', 0, 2],
      ['leader', 'Hồ Văn Lợi', 0, 0],
      ['owner', 'Bùi Thị Yến', 2, 0],
      ['owner', 'Võ Minh Tâm', 1, 0],
      ['owner', 'Âu Văn Cư', 0, 1], // key "au van cu" before "cao van dung" (by name, "Â" would sort after "C")
      ['owner', 'Cao Văn Dũng', 0, 1],
      ['owner', 'Ân Văn Hạ', 0, 0], // key "an van ha" before "ho van loi"
      ['owner', 'Hồ Văn Lợi', 0, 0],
    ]);
  });

  test('a person is spelt as first seen in reading order, whatever the role', () => {
    // Võ Minh Tâm is first an owner (row 2), later a leader written in capitals; Hồ Văn Lợi is named in
    // both cells of one row, the owner cell on the left.
    const spelt = report.people.filter((p) => ['vo minh tam', 'ho van loi'].includes(fold(p.name))).map((p) => [p.role, p.name]);
    expect(spelt).toEqual([
      ['leader', 'Võ Minh Tâm'],
      ['leader', 'Hồ Văn Lợi'],
      ['owner', 'Võ Minh Tâm'],
      ['owner', 'Hồ Văn Lợi'],
    ]);
  });

  test('the same person in both roles is two entries with their own tallies', () => {
    const tam = report.people.filter((p) => p.name === 'Võ Minh Tâm');
    expect(tam.map((p) => [p.role, p.due, p.openOverdue, p.openOnTime])).toEqual([
      ['leader', 1, 1, 1],
      ['owner', 1, 1, 0],
    ]);
  });
});

describe('a book without a leader or owner column', () => {
  test('has an empty people list', () => {
    const report = run([sheet('NV', [['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn'], ['A', 'Văn phòng', '01/09/2023']])]);
    expect(report.sheets).toHaveLength(1);
    expect(report.people).toEqual([]);
  });
});
