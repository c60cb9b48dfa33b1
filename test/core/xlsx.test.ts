/**
 * End to end on real .xlsx bytes: written with ExcelJS from a description (test/helpers/xlsx.ts), read
 * back through the xlsx package adapter, checked by the engine.
 */
import { dayFromYmd } from '../../src/core/cells';
import type { Report } from '../../src/core/report';
import { buildXlsx, checkXlsx, readXlsx, utc, type XlsxBook, type XlsxCell } from '../helpers/xlsx';

const AS_OF = '2023-09-15';
const NA = { error: '#N/A' } as const;
const REF = { error: '#REF!' } as const;

describe('the xlsx helper and the reader', () => {
  test('values, dates, errors, formulas and merges survive the round trip', async () => {
    const data = await buildXlsx({
      sheets: [
        {
          name: 'Thử',
          rows: [
            ['Tiêu đề', null, null],
            [utc(2023, 7, 10), utc(2023, 7, 10, 14, 30), '10/7/2023'],
            [45117, true, NA],
            [{ formula: '1+1', result: 2 }, { formula: 'NA()', result: NA }, { formula: 'DATE(2023,7,10)', result: utc(2023, 7, 10) }],
            ['Gộp dọc', 'x', null],
            [null, 'y', null],
          ],
          merges: ['A1:C1', 'A5:A6'],
        },
      ],
    });
    const [s] = await readXlsx(data);
    const day = dayFromYmd(2023, 7, 10)!;
    expect(s!.name).toBe('Thử');
    // Cells without a value may be missing from a row (SheetData: missing cells are empty).
    expect([0, 1, 2].map((c) => s!.rows[0]![c] ?? null)).toEqual(['Tiêu đề', null, null]);
    expect(s!.rows[1]![0]).toEqual({ date: day });
    expect((s!.rows[1]![1] as { date: number }).date).toBeCloseTo(day + 14.5 / 24, 6);
    expect(s!.rows[1]![2]).toBe('10/7/2023');
    expect(s!.rows[2]).toEqual([45117, true, { error: '#N/A' }]);
    expect(s!.rows[3]).toEqual([2, { error: '#N/A' }, { date: day }]);
    expect(s!.rows[4]![0]).toBe('Gộp dọc');
    expect(s!.rows[5]![0] ?? null).toBeNull(); // the follower of a merge is empty, as Excel stores it
    expect([...s!.merges].sort((a, b) => a.top - b.top)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 4, left: 0, bottom: 5, right: 0 },
    ]);
  });

  test('a value under a merge follower is refused: descriptions stay honest', async () => {
    await expect(buildXlsx({ sheets: [{ name: 'S', rows: [['a', 'b']], merges: ['A1:B1'] }] })).rejects.toThrow(/inside a merge/);
  });
});

// ------------------------------------------------------------------ a whole office workbook

const REGISTRY: XlsxCell[][] = [
  ['DANH MỤC ĐƠN VỊ'],
  ['STT', 'Tên đơn vị', 'Khối', 'Thủ trưởng', 'Kỷ luật'],
  ['I. KHỐI XÃ'],
  [1, 'UBND xã Mỹ Hòa', 'Xã', 'Nguyễn Văn An', null],
  [2, 'Xã Mỹ An', 'Xã', 'Lê Văn Bình', 'x'],
  ['II. KHỐI PHÒNG'],
  [3, 'Phòng Nội vụ', 'Phòng', 'Trần Thị Cúc', 'không'],
  [4, 'Phòng Tư pháp', 'Phòng', NA, null],
  [],
  [null, null, 'Người lập biểu'],
];

const TASKS: XlsxCell[][] = [
  ['UBND HUYỆN THÁP MƯỜI', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['VĂN PHÒNG HĐND VÀ UBND', null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
  ['DANH MỤC NHIỆM VỤ NĂM 2023'],
  ['STT', 'Số ký hiệu', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', null, null, 'Tình trạng'],
  [null, null, null, null, null, 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành thực tế'],
  ['I. KHỐI XÃ'],
  [1, '101/KH', 'Rà soát hộ nghèo', 'UBND xã Mỹ Hòa', 'Phòng Nội vụ', utc(2023, 6, 1), '30/06/2023', utc(2023, 6, 28, 14, 30), 'Đã hoàn thành'],
  [2, '102/KH', 'Báo cáo nông thôn mới', 'Xã Mỹ An', null, '5-6-2023', utc(2023, 7, 10), 'ngày 15 tháng 7 năm 2023', 'Hoàn thành trễ'],
  [3, '103/KH', 'Tiêm vắc xin gia súc', 'Xã Mỹ Hoà', 'P. Tư pháp', '1/8/2023', '31/8/23', null, 'Đang thực hiện'],
  ['II. CÁC PHÒNG'],
  [4, '104/KH', 'Cải cách hành chính', NA, null, utc(2023, 7, 1), '2023-09-30', null, null],
  [5, '105/KH', 'Thẩm định văn bản', 'Phòng Nội vụ\nPhòng Tư pháp', null, utc(2023, 7, 1), '31/4/2023', null, 'Chưa hoàn thành'],
  [6, '106/KH', 'Thẩm định văn bản', 'Phòng Tư pháp', null, utc(2023, 7, 1), utc(2023, 8, 15), utc(2023, 9, 20), null],
  [7, '106/KH', 'THẨM ĐỊNH VĂN BẢN', 'Phòng Y tế', null, utc(2023, 7, 1), utc(2023, 9, 1), utc(2023, 8, 30), 'Xong'],
  [8, '107/KH', 'Tổng hợp báo cáo', 'Phòng Nội vụ', null, utc(2023, 7, 1), 45138, 'sắp tới', 'Hoàn thành'],
  [],
  [null, null, 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'],
  [null, null, '- Lưu: VT', 'CHỦ TỊCH'],
];

const INSPECTIONS: XlsxCell[][] = [
  ['KẾT QUẢ KIỂM TRA CÔNG VỤ'],
  ['STT', 'Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Hình thức', 'Số vi phạm', 'Hình thức xử lý'],
  [1, utc(2023, 8, 10), 'Xã Mỹ An', 'Đột xuất', 2, 'Nhắc nhở'],
  [2, '20/08/2023', 'Phòng Nội vụ; UBND xã Mỹ Hòa', 'Định kỳ', '1', null],
  [3, utc(2023, 10, 2), 'Phòng Tư pháp', null, 3],
  [4, 'tháng 9', 'Phòng Văn hóa', null, 'không'],
  [5, utc(2023, 9, 1), null, null, REF],
  [6, utc(2023, 9, 2), 'Xã Mỹ An', null, 'hai'],
];

const BOOK: XlsxBook = {
  sheets: [
    { name: 'Danh mục đơn vị', rows: REGISTRY, merges: ['A1:E1', 'A3:E3'] },
    {
      name: 'Nhiệm vụ 2023',
      rows: TASKS,
      merges: ['A1:C1', 'E1:I1', 'A2:C2', 'E2:I2', 'A3:I3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:H4', 'I4:I5', 'A6:I6', 'A10:I10'],
    },
    { name: 'Kiểm tra công vụ', rows: INSPECTIONS, merges: ['A1:F1'] },
    { name: 'KQ Đánh giá', rows: [['Số ký hiệu', 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn'], ['1/KH', 'Việc', null, '1/1/2023']] },
    { name: 'Ghi chú', rows: [['Hướng dẫn: ghi ngày theo dạng ngày/tháng/năm.']] },
  ],
};

describe('a whole workbook through real .xlsx', () => {
  let report: Report;
  beforeAll(async () => {
    report = await checkXlsx(BOOK, { asOf: AS_OF });
  });

  test('sheets: kinds, header rows (the lower row of a two-row header), data rows, columns', () => {
    expect(report.version).toBe(1);
    expect(report.asOf).toBe(AS_OF);
    expect(report.rules).toBe('2023');
    expect(report.sheets).toEqual([
      { name: 'Danh mục đơn vị', kind: 'registry', headerRow: 2, dataRows: 4, columns: { unit: 'B', unitType: 'C', head: 'D', disciplined: 'E' } },
      {
        name: 'Nhiệm vụ 2023',
        kind: 'task',
        headerRow: 5,
        dataRows: 8,
        columns: { docNumber: 'B', content: 'C', leadUnit: 'D', coUnits: 'E', assignedDate: 'F', deadline: 'G', completedDate: 'H', status: 'I' },
      },
      {
        name: 'Kiểm tra công vụ',
        kind: 'inspection',
        headerRow: 2,
        dataRows: 6,
        columns: { date: 'B', unit: 'C', form: 'D', violations: 'E', handling: 'F' },
      },
    ]);
    expect(report.ignoredSheets.map((s) => s.name)).toEqual(['KQ Đánh giá', 'Ghi chú']);
  });

  test('tasks: rows, lead units as the registry spells them, dates, status, days late', () => {
    const S = 'Nhiệm vụ 2023';
    expect(report.tasks).toEqual([
      { sheet: S, row: 7, leadUnits: ['UBND xã Mỹ Hòa'], deadline: '2023-06-30', completed: '2023-06-28', status: 'done_on_time', daysLate: 0, recurring: false },
      { sheet: S, row: 8, leadUnits: ['Xã Mỹ An'], deadline: '2023-07-10', completed: '2023-07-15', status: 'done_late', daysLate: 5, recurring: false },
      { sheet: S, row: 9, leadUnits: ['UBND xã Mỹ Hòa'], deadline: '2023-08-31', completed: null, status: 'open_overdue', daysLate: 15, recurring: false },
      { sheet: S, row: 11, leadUnits: [], deadline: '2023-09-30', completed: null, status: 'open_on_time', daysLate: 0, recurring: false },
      { sheet: S, row: 12, leadUnits: ['Phòng Nội vụ', 'Phòng Tư pháp'], deadline: null, completed: null, status: 'open_on_time', daysLate: 0, recurring: false },
      { sheet: S, row: 13, leadUnits: ['Phòng Tư pháp'], deadline: '2023-08-15', completed: '2023-09-20', status: 'open_overdue', daysLate: 31, recurring: false },
      { sheet: S, row: 14, leadUnits: ['Phòng Y tế'], deadline: '2023-09-01', completed: '2023-08-30', status: 'done_on_time', daysLate: 0, recurring: false },
      { sheet: S, row: 15, leadUnits: ['Phòng Nội vụ'], deadline: '2023-07-31', completed: null, status: 'open_overdue', daysLate: 46, recurring: false },
    ]);
  });

  test('findings: the set of sheet/cell/rule, each with its severity', () => {
    const keys = report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`).sort();
    expect(keys).toEqual(
      [
        'Danh mục đơn vị!D8 invalid-value error',
        'Nhiệm vụ 2023!H8 late-completion warning',
        'Nhiệm vụ 2023!G9 overdue error',
        'Nhiệm vụ 2023!D11 invalid-value error',
        'Nhiệm vụ 2023!D11 unassigned error',
        'Nhiệm vụ 2023!D12 multiple-leads error',
        'Nhiệm vụ 2023!G12 invalid-date error',
        'Nhiệm vụ 2023!G12 missing-deadline warning',
        'Nhiệm vụ 2023!G13 overdue error',
        'Nhiệm vụ 2023!H13 completed-after-as-of error',
        'Nhiệm vụ 2023!C14 duplicate-task warning',
        'Nhiệm vụ 2023!D14 unknown-unit warning',
        'Nhiệm vụ 2023!G15 overdue error',
        'Nhiệm vụ 2023!H15 invalid-date error',
        'Nhiệm vụ 2023!I15 status-conflict warning',
        'Kiểm tra công vụ!B6 invalid-date error',
        'Kiểm tra công vụ!C6 unknown-unit warning',
        'Kiểm tra công vụ!E7 invalid-value error',
        'Kiểm tra công vụ!E8 invalid-violations error',
      ].sort(),
    );
    for (const f of report.findings) expect(f.message.trim()).not.toBe('');
  });

  test('units: registry first with type and head; others with type null; tallies, scores and levels', () => {
    const units = Object.fromEntries(report.units.map((u) => [u.name, u]));
    expect(Object.keys(units).sort()).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Văn hóa', 'Phòng Y tế', 'UBND xã Mỹ Hòa', 'Xã Mỹ An'].sort());
    expect(units['UBND xã Mỹ Hòa']).toMatchObject({ type: 'Xã', head: 'Nguyễn Văn An', due: 2, doneOnTime: 1, openOverdue: 1, violations: 1, disciplined: false, score: 59, level: 'completed' });
    expect(units['Xã Mỹ An']).toMatchObject({ type: 'Xã', head: 'Lê Văn Bình', due: 1, doneLate: 1, violations: 2, disciplined: true, score: 18, level: 'not_completed' });
    expect(units['Phòng Nội vụ']).toMatchObject({ type: 'Phòng', head: 'Trần Thị Cúc', due: 1, openOverdue: 1, openOnTime: 1, violations: 1, disciplined: false, score: 24, level: 'not_completed' });
    expect(units['Phòng Tư pháp']).toMatchObject({ type: 'Phòng', head: null, due: 1, openOverdue: 1, openOnTime: 1, violations: 0, score: 30, level: 'not_completed' });
    // a candidate for excellent, but g + n = 2 < 6: good by the quota
    expect(units['Phòng Y tế']).toMatchObject({ type: null, head: null, due: 1, doneOnTime: 1, score: 100, level: 'good' });
    // brought in by an inspection with an invalid date, which still counts
    expect(units['Phòng Văn hóa']).toMatchObject({ type: null, due: 0, violations: 0, score: 100, level: 'good' });
  });

  test('the same bytes give the same report (the reader and engine are deterministic)', async () => {
    const data = await buildXlsx(BOOK);
    expect(await checkXlsx(data, { asOf: AS_OF })).toEqual(await checkXlsx(data, { asOf: AS_OF }));
    expect(await checkXlsx(data, { asOf: AS_OF })).toEqual(report);
  });

  test('English messages on request, same findings', async () => {
    const en = await checkXlsx(BOOK, { asOf: AS_OF, lang: 'en' });
    expect(en.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(report.findings.map((f) => `${f.cell} ${f.rule}`));
    expect(en.findings.find((f) => f.rule === 'unassigned')!.message).toBe('No lead unit: nobody leads this task');
  });
});

describe('more workbooks through real .xlsx', () => {
  test('a header below 20 non-empty title rows is not found', async () => {
    const rows: XlsxCell[][] = Array.from({ length: 20 }, (_, i) => [`Dòng ${i + 1}`]);
    rows.push(['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'], ['Việc', 'Phòng Nội vụ', '1/1/2023']);
    const report = await checkXlsx({ sheets: [{ name: 'NV', rows }] }, { asOf: AS_OF });
    expect(report.sheets).toEqual([]);
    expect(report.ignoredSheets.map((s) => s.name)).toEqual(['NV']);
  });

  test('a lead unit merged down over two task rows leads only the first (the follower cell is empty)', async () => {
    const rows: XlsxCell[][] = [
      ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'],
      ['Việc 1', 'Phòng Nội vụ', '1/10/2023'],
      ['Việc 2', null, '1/10/2023'],
    ];
    const report = await checkXlsx({ sheets: [{ name: 'NV', rows, merges: ['B2:B3'] }] }, { asOf: AS_OF });
    expect(report.tasks.map((t) => t.leadUnits)).toEqual([['Phòng Nội vụ'], []]);
    expect(report.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(['B3 unassigned']);
  });

  test('a section label merged across the row and a footer signature block', async () => {
    const rows: XlsxCell[][] = [
      ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
      ['KHỐI CÁC XÃ'],
      ['Việc 1', 'Xã Mỹ An', utc(2023, 9, 30), null],
      ['A) Khối đảng'],
      ['Việc 2', 'Xã Mỹ Hòa', utc(2023, 9, 1), utc(2023, 9, 1)],
      [],
      ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      ['Nguyễn Văn A'],
    ];
    const report = await checkXlsx({ sheets: [{ name: 'NV', rows, merges: ['A2:D2'] }] }, { asOf: AS_OF });
    expect(report.sheets[0]).toMatchObject({ headerRow: 1, dataRows: 2 });
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'open_on_time'],
      [5, 'done_on_time'],
    ]);
    expect(report.findings).toEqual([]);
  });
});
