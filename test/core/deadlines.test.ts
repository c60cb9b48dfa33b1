/**
 * SPEC §2 (1.3) "Deadlines as offices write them": prefix dates, periods (→ the last day), recurring
 * tasks (no deadline, no fault), near misses that stay invalid; the deadline column only. Every
 * expected date is worked out by hand from the spec's text (a period's last day from the calendar).
 */
import { parseDeadline, readDeadlineText } from '../../src/core/deadlines';
import { fold } from '../../src/core/fold';
import { buildXlsx, checkXlsx, utc, type XlsxCell } from '../helpers/xlsx';
import {
  FIRST_TASK_ROW,
  TC,
  cellsOf,
  day,
  findingKeys,
  inspectionSheet,
  run,
  taskAt,
  taskSheet,
  unitNamed,
  type TaskSpec,
} from './support';

type Ymd = readonly [number, number, number];

describe('a date after a prefix', () => {
  test.each<[string, Ymd]>([
    // the spec's examples
    ['Trước ngày 15/10/2026', [2026, 10, 15]],
    ['Chậm nhất 5.7.2026', [2026, 7, 5]],
    ['Đến ngày 15 tháng 10 năm 2026', [2026, 10, 15]],
    // every prefix, each with one of the three forms
    ['Trước 15-10-2026', [2026, 10, 15]],
    ['trước ngày ngày 3 tháng 3 năm 2026', [2026, 3, 3]],
    ['Chậm nhất ngày 01/02/2026', [2026, 2, 1]],
    ['Chậm nhất 1 tháng 2 năm 2026', [2026, 2, 1]],
    ['Hạn chót ngày 28/02/2026', [2026, 2, 28]],
    ['Hạn chót 9.9.2026', [2026, 9, 9]],
    ['HẠN CHÓT: ngày 30 tháng 6 năm 2026', [2026, 6, 30]],
    ['Đến ngày 31/12/2026', [2026, 12, 31]],
    ['  den ngay 7-8-2026  ', [2026, 8, 7]],
    // leap day of a leap year
    ['Trước ngày 29/2/2028', [2028, 2, 29]],
  ])('%j → %j', (text, [y, m, d]) => {
    expect(readDeadlineText(text)).toEqual({ day: day(y, m, d) });
    expect(parseDeadline(text)).toEqual({ kind: 'date', day: day(y, m, d) });
  });

  test.each([
    'Trước ngày 31/4/2026', // 31 April does not exist
    'Chậm nhất 29/2/2026', // 2026 is not a leap year
    'Đến ngày 32 tháng 1 năm 2026',
    'Hạn chót ngày 15/13/2026',
  ])('an impossible date is an invalid date: %j', (text) => {
    expect(readDeadlineText(text)).toBe('invalid');
    expect(parseDeadline(text)).toEqual({ kind: 'invalid', text: text.trim() });
  });

  test.each([
    'Trước ngày 15/10/2026 (gia hạn)', // the form must make up the whole rest of the text
    'Trước ngày 15/10/26', // yyyy is four digits
    'Trước ngày 15/10', // no year
    'Sau ngày 15/10/2026', // not one of the prefixes
    'Trướcngày 15/10/2026', // a prefix is followed by a space
    'Chậm nhất tháng 10 năm 2026', // a period after a date prefix is neither form
  ])('what is not one of the forms stays invalid: %j', (text) => {
    expect(readDeadlineText(text)).toBe('invalid');
  });
});

describe('a period: its last day', () => {
  test.each<[string, Ymd]>([
    // the spec's examples
    ['Tháng 9/2026', [2026, 9, 30]],
    ['Quý III/2026', [2026, 9, 30]],
    ['6 tháng đầu năm 2026', [2026, 6, 30]],
    ['6 tháng cuối năm 2026', [2026, 12, 31]],
    ['Trong năm 2026', [2026, 12, 31]],
    // months: 31, 30, 28 and 29 days; "năm" before the year; a leading zero
    ['Tháng 1/2026', [2026, 1, 31]],
    ['Tháng 4/2026', [2026, 4, 30]],
    ['Tháng 2/2026', [2026, 2, 28]],
    ['Tháng 2/2028', [2028, 2, 29]],
    ['tháng 12 năm 2026', [2026, 12, 31]],
    ['Tháng 09/2026', [2026, 9, 30]],
    ['Trong tháng 11/2026', [2026, 11, 30]],
    ['Cuối tháng 6-2026', [2026, 6, 30]],
    // quarters as Roman and Arabic numerals
    ['Quý I/2026', [2026, 3, 31]],
    ['Quý II năm 2026', [2026, 6, 30]],
    ['Quý IV/2026', [2026, 12, 31]],
    ['Quý 1/2027', [2027, 3, 31]],
    ['quy 2 2026', [2026, 6, 30]],
    ['Quý 3 năm 2026', [2026, 9, 30]],
    ['Trong quý 4/2026', [2026, 12, 31]],
    ['Cuối Quý III/2026', [2026, 9, 30]],
    // halves and years
    ['Trong 6 tháng đầu năm 2027', [2027, 6, 30]],
    ['Năm 2027', [2027, 12, 31]],
    ['Cuối năm 2026', [2026, 12, 31]],
  ])('%j → %j', (text, [y, m, d]) => {
    expect(readDeadlineText(text)).toEqual({ day: day(y, m, d) });
    expect(parseDeadline(text)).toEqual({ kind: 'date', day: day(y, m, d) });
  });

  test.each([
    // the spec's near misses
    'Tháng 13/2026',
    'Quý V/2026',
    'T9/2026',
    // and their neighbours
    'Tháng 0/2026',
    'Quý 5/2026',
    'Quý 0/2026',
    'Năm 26',
    'Tháng 9/26',
    'Tháng 9',
    'Trong trong năm 2026', // one optional word, not two
    'Trong cuối năm 2026',
    'Đầu năm 2026',
    '3 tháng đầu năm 2026',
    'Tháng 9/2026 - tháng 10/2026',
    'Tuần 3/2026',
    'sắp tới',
  ])('a near miss stays invalid: %j', (text) => {
    expect(readDeadlineText(text)).toBe('invalid');
    expect(parseDeadline(text)).toEqual({ kind: 'invalid', text });
  });
});

describe('recurring', () => {
  test.each([
    'Thường xuyên',
    'Hằng ngày',
    'Hàng ngày',
    'Hằng tuần',
    'Hằng tháng',
    'Hằng quý',
    'HẰNG NĂM',
    'Định kỳ',
    'Liên tục',
    'Định kỳ hằng quý',
    'Thường xuyên, liên tục',
    'hang thang (truoc ngay 25)',
  ])('%j is recurring', (text) => {
    expect(readDeadlineText(text)).toBe('recurring');
    expect(parseDeadline(text)).toEqual({ kind: 'recurring', text });
  });

  test.each(['Thường xuyênn', 'Không thường xuyên', 'Hằng', 'Liên tục' + 'x', 'Định kỳ2'])('word-bounded: %j is not recurring', (text) => {
    expect(readDeadlineText(text)).toBe('invalid');
  });

  test('the spec lists the recurring words folded', () => {
    expect(['Thường xuyên', 'Hằng ngày', 'Hằng tuần', 'Hằng tháng', 'Hằng quý', 'Hằng năm', 'Định kỳ', 'Liên tục'].map(fold)).toEqual([
      'thuong xuyen',
      'hang ngay',
      'hang tuan',
      'hang thang',
      'hang quy',
      'hang nam',
      'dinh ky',
      'lien tuc',
    ]);
  });
});

describe('a date by the date rule comes first', () => {
  test('date texts, real dates, serials, empty and errors read as in every date column', () => {
    expect(parseDeadline('15/10/2026')).toEqual({ kind: 'date', day: day(2026, 10, 15) });
    expect(parseDeadline({ date: day(2026, 10, 15) })).toEqual({ kind: 'date', day: day(2026, 10, 15) });
    expect(parseDeadline(46310)).toEqual({ kind: 'date', day: day(2026, 10, 15) });
    expect(parseDeadline('  ')).toEqual({ kind: 'empty' });
    expect(parseDeadline(null)).toEqual({ kind: 'empty' });
    expect(parseDeadline({ error: '#REF!' })).toEqual({ kind: 'error', code: '#REF!' });
    expect(parseDeadline(true)).toEqual({ kind: 'invalid', text: 'TRUE' });
  });
});

// ------------------------------------------------------------------ through the engine

/** As of 2023-09-15 (support.AS_OF). */
function deadlineTask(deadline: TaskSpec['deadline'], more: TaskSpec = {}): TaskSpec {
  return { lead: 'Phòng Nội vụ', assigned: '01/01/2023', deadline, ...more };
}

const ROW = (i: number) => FIRST_TASK_ROW + i;
const DL = (i: number) => `${TC.deadline}${ROW(i)}`;

describe('the engine reads the deadline column as offices write it', () => {
  const report = run([
    taskSheet('NV', [
      deadlineTask('Thường xuyên'), // 0: recurring, open
      deadlineTask('Hằng tháng', { completed: '10/09/2023' }), // 1: recurring, done
      deadlineTask('Quý II/2023'), // 2: period ended 30/06/2023, open → overdue 77 days
      deadlineTask('Tháng 9/2023'), // 3: period ends 30/09/2023 → open on time
      deadlineTask('Trước ngày 10/9/2023', { completed: '12/09/2023' }), // 4: done 2 days late
      deadlineTask('Tháng 13/2023'), // 5: near miss
      deadlineTask('Trong năm 2022'), // 6: 31/12/2022, before the assigned date 01/01/2023
      deadlineTask('Quý V/2023'), // 7: near miss
      deadlineTask('T9/2023'), // 8: near miss
    ]),
  ]);

  test('a recurring task has no deadline, is recurring, and follows the rows with dl absent', () => {
    expect(taskAt(report, ROW(0))).toMatchObject({ deadline: null, recurring: true, status: 'open_on_time', daysLate: 0 });
    expect(taskAt(report, ROW(1))).toMatchObject({ deadline: null, completed: '2023-09-10', recurring: true, status: 'done_on_time', daysLate: 0 });
  });

  test('a recurring task is no fault: no invalid-date, no missing-deadline, nothing at all on its row', () => {
    for (const i of [0, 1]) expect(report.findings.filter((f) => f.cell.endsWith(String(ROW(i))))).toEqual([]);
  });

  test('a period is its last day, in the report and for every rule', () => {
    expect(taskAt(report, ROW(2))).toMatchObject({ deadline: '2023-06-30', recurring: false, status: 'open_overdue', daysLate: 77 });
    expect(taskAt(report, ROW(3))).toMatchObject({ deadline: '2023-09-30', recurring: false, status: 'open_on_time' });
    expect(taskAt(report, ROW(6))).toMatchObject({ deadline: '2022-12-31', recurring: false });
    expect(findingKeys(report, 'deadline-before-assigned')).toEqual([`NV!${DL(6)} deadline-before-assigned`]);
  });

  test('a prefix date is the date', () => {
    expect(taskAt(report, ROW(4))).toMatchObject({ deadline: '2023-09-10', status: 'done_late', daysLate: 2, recurring: false });
  });

  test('overdue comes from a period deadline as from a date', () => {
    expect(cellsOf(report, 'overdue')).toEqual([DL(2), DL(6)].sort());
  });

  test('near misses stay invalid dates, with missing-deadline, and are not recurring', () => {
    expect(cellsOf(report, 'invalid-date')).toEqual([DL(5), DL(7), DL(8)].sort());
    expect(cellsOf(report, 'missing-deadline')).toEqual([DL(5), DL(7), DL(8)].sort());
    for (const i of [5, 7, 8]) expect(taskAt(report, ROW(i))).toMatchObject({ deadline: null, recurring: false });
  });

  test('recurring and period tasks count for their unit like any other', () => {
    // done on time: row 1; done late: row 4; overdue: rows 2 and 6; open on time: rows 0, 3, 5, 7, 8
    expect(unitNamed(report, 'Phòng Nội vụ')).toMatchObject({ due: 4, doneOnTime: 1, doneLate: 1, openOverdue: 2, openOnTime: 5 });
  });
});

describe('the deadline column only: other date columns read dates as before', () => {
  const report = run([
    taskSheet('NV', [
      { lead: 'Phòng Nội vụ', assigned: 'Tháng 1/2023', deadline: '30/09/2023' },
      { lead: 'Phòng Nội vụ', assigned: '01/01/2023', deadline: '30/09/2023', completed: 'Trước ngày 10/9/2023' },
      { lead: 'Phòng Nội vụ', assigned: 'Thường xuyên', deadline: '30/09/2023', completed: 'Thường xuyên' },
    ]),
    inspectionSheet('KT', [{ date: 'Quý III/2023', unit: 'Phòng Nội vụ', violations: 0 }]),
  ]);

  test('prefix dates, periods and recurring words in other date columns are invalid dates', () => {
    expect(findingKeys(report, 'invalid-date')).toEqual(
      [`NV!${TC.assigned}${ROW(0)}`, `NV!${TC.completed}${ROW(1)}`, `NV!${TC.assigned}${ROW(2)}`, `NV!${TC.completed}${ROW(2)}`, 'KT!B3'].sort().map((c) => `${c} invalid-date`),
    );
    for (const i of [0, 1, 2]) expect(taskAt(report, ROW(i))).toMatchObject({ completed: null, recurring: false, deadline: '2023-09-30' });
  });
});

// ------------------------------------------------------------------ on a real .xlsx

describe('on a real .xlsx, deadlines typed as text and as real dates', () => {
  const header: XlsxCell[] = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'];
  const rows: XlsxCell[][] = [
    ['SỔ THEO DÕI NHIỆM VỤ'],
    header,
    [1, 'Trực ban', 'Văn phòng', utc(2023, 1, 2), 'Thường xuyên', null],
    [2, 'Báo cáo quý', 'Văn phòng', utc(2023, 4, 3), 'Quý II/2023', utc(2023, 7, 5)],
    [3, 'Báo cáo tháng', 'Văn phòng', utc(2023, 9, 1), 'Tháng 9/2023', null],
    [4, 'Tổng kết', 'Văn phòng', utc(2023, 1, 2), '6 tháng đầu năm 2023', null],
    [5, 'Rà soát', 'Văn phòng', utc(2023, 1, 2), 'Hạn chót ngày 31/8/2023', utc(2023, 8, 30)],
    [6, 'Lỗi gõ', 'Văn phòng', utc(2023, 1, 2), 'Quý V/2023', null],
    [7, 'Ngày thật', 'Văn phòng', utc(2023, 1, 2), utc(2023, 9, 1), null],
  ];

  test('each row reads to the hand-worked deadline, status and findings', async () => {
    const report = await checkXlsx(await buildXlsx({ sheets: [{ name: 'NV', rows }] }), { asOf: '2023-09-15' });
    expect(report.tasks.map((t) => [t.row, t.deadline, t.recurring, t.status, t.daysLate])).toEqual([
      [3, null, true, 'open_on_time', 0],
      [4, '2023-06-30', false, 'done_late', 5],
      [5, '2023-09-30', false, 'open_on_time', 0],
      [6, '2023-06-30', false, 'open_overdue', 77],
      [7, '2023-08-31', false, 'done_on_time', 0],
      [8, null, false, 'open_on_time', 0],
      [9, '2023-09-01', false, 'open_overdue', 14],
    ]);
    expect(findingKeys(report)).toEqual(
      ['NV!F4 late-completion', 'NV!E6 overdue', 'NV!E8 invalid-date', 'NV!E8 missing-deadline', 'NV!E9 overdue'].sort(),
    );
  });
});
