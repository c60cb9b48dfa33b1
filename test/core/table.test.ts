/** SPEC §2: which rows are records: empty rows, section-label rows, the footer. */
import type { CellValue } from '../../src/core/cells';
import { detectHeader } from '../../src/core/header';
import { isSectionLabelText, recordRows } from '../../src/core/table';
import { ERR, findingKeys, run, sheet, TASK_HEADER, INSPECTION_HEADER, REGISTRY_HEADER } from './support';

/** Sheet rows (1-based) of the records of a one-sheet workbook. */
function recordsOf(rows: CellValue[][], merges: string[] = []): number[] {
  const s = sheet('NV', rows, merges);
  const h = detectHeader(s);
  if (!h) throw new Error('no header');
  return recordRows(s, h).map((r) => r + 1);
}

const T = (content: string, lead: CellValue, deadline: CellValue = '30/6/2023'): CellValue[] => [null, null, content, lead, null, null, deadline];

describe('section-label text', () => {
  test.each(['I. KHỐI XÃ, THỊ TRẤN', 'II. CÁC PHÒNG', 'IV) Khác', 'VIII. Đơn vị sự nghiệp', 'X. Cuối', 'A) Khối đảng', 'B. Khối đoàn thể', 'Đ. Khối đoàn thể', 'Ư) Khác', '  III. Trường học'])(
    '%j is a section label',
    (text) => {
      expect(isSectionLabelText(text)).toBe(true);
    },
  );
  test.each(['XI. Mười một', 'AB. Hai chữ', 'a) thường', '1. Số', 'I - KHỐI XÃ', 'Phòng Nội vụ', 'IIII. bốn', 'Ông A. Nguyễn'])('%j is not', (text) => {
    expect(isSectionLabelText(text)).toBe(false);
  });
});

describe('record rows', () => {
  test('rows whose mapped columns are all empty are skipped; an unmapped column does not make a record', () => {
    const rows: CellValue[][] = [TASK_HEADER, T('Việc 1', 'Phòng Nội vụ'), [], ['ghi chú ở cột STT'], [null, null, '  '], T('Việc 2', 'Phòng Tư pháp')];
    expect(recordsOf(rows)).toEqual([2, 6]);
  });

  test('an error value in a mapped column makes a record', () => {
    const rows: CellValue[][] = [TASK_HEADER, T('Việc 1', 'Phòng Nội vụ'), [null, null, null, ERR('#N/A')], T('Việc 2', 'Phòng Tư pháp')];
    expect(recordsOf(rows)).toEqual([2, 3, 4]);
  });

  test('section-label rows by their text are skipped, in any mapped column', () => {
    const rows: CellValue[][] = [
      TASK_HEADER,
      [null, null, 'I. KHỐI XÃ, THỊ TRẤN'],
      T('Việc 1', 'Xã Mỹ An'),
      [null, null, null, 'A) Khối đảng'],
      T('Việc 2', 'Xã Mỹ Hòa'),
      [null, 'Đ. Khối đoàn thể'],
      T('Việc 3', 'Phòng Nội vụ'),
    ];
    expect(recordsOf(rows)).toEqual([3, 5, 7]);
  });

  test('section-label rows merged across 3 or more columns are skipped whatever their text', () => {
    const rows: CellValue[][] = [TASK_HEADER, [null, 'CÁC PHÒNG, BAN'], T('Việc 1', 'Phòng Nội vụ'), [null, 'KHỐI XÃ'], T('Việc 2', 'Xã Mỹ An')];
    expect(recordsOf(rows, ['B2:D2', 'B4:C4'])).toEqual([3, 4, 5]); // B4:C4 spans 2 columns: a record
    expect(recordsOf(rows, ['B2:D2', 'B4:I4'])).toEqual([3, 5]);
  });

  test('a label-like row with a second non-empty cell is a record', () => {
    const rows: CellValue[][] = [TASK_HEADER, [1, null, 'I. KHỐI XÃ'], [null, null, 'II. Việc', 'Phòng Nội vụ', null, null, '30/6/2023']];
    expect(recordsOf(rows)).toEqual([2, 3]);
  });

  test('a row with one non-empty cell that is not a label is a record', () => {
    const rows: CellValue[][] = [TASK_HEADER, [null, null, 'Rà soát hồ sơ'], T('Việc 2', 'Phòng Nội vụ')];
    expect(recordsOf(rows)).toEqual([2, 3]);
  });

  test('task footer: rows below the last docNumber/assignedDate/deadline/completedDate are skipped', () => {
    const rows: CellValue[][] = [
      TASK_HEADER,
      T('Việc 1', 'Phòng Nội vụ'),
      [null, null, 'Việc không có hạn', 'Phòng Tư pháp'], // within the table: a record
      T('Việc 3', 'Xã Mỹ An'),
      [],
      [null, null, 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'],
      [null, null, '- Như trên;', 'KT. CHỦ TỊCH'],
      [null, null, 'Người lập biểu', 'Nguyễn Văn A'],
    ];
    expect(recordsOf(rows)).toEqual([2, 3, 4]);
    const report = run([sheet('NV', rows)]);
    expect(report.sheets[0]!.dataRows).toBe(3);
    expect(report.findings.every((f) => Number(f.cell.replace(/[A-Z]+/, '')) <= 4)).toBe(true);
  });

  test('a task row with a value in a footer column after the signature block extends the table', () => {
    const rows: CellValue[][] = [TASK_HEADER, T('Việc 1', 'Phòng Nội vụ'), [null, null, 'Ghi chú', 'TM. UBND'], [null, '15/KH-UBND', 'Việc 2', 'Xã Mỹ An']];
    expect(recordsOf(rows)).toEqual([2, 3, 4]);
  });

  test('the table ends at the last footer value: without any, there is no record', () => {
    const rows: CellValue[][] = [TASK_HEADER, [null, null, 'Việc 1', 'Phòng Nội vụ'], [null, null, 'Việc 2', 'Phòng Tư pháp']];
    expect(recordsOf(rows)).toEqual([]);
  });

  test('inspection footer: date or violations', () => {
    const rows: CellValue[][] = [
      INSPECTION_HEADER,
      [1, '5/6/2023', 'Xã Mỹ An', null, 0],
      [2, null, 'Xã Mỹ Hòa', null, 1],
      [3, null, 'Phòng Nội vụ'], // unit only: record, because a later row has a date
      [4, '7/6/2023', 'Xã Mỹ Quý'],
      [null, null, 'Người kiểm tra', 'Trần Văn B'],
    ];
    expect(recordsOf(rows)).toEqual([2, 3, 4, 5]);
  });

  test('registry footer: the unit column', () => {
    const rows: CellValue[][] = [REGISTRY_HEADER, [1, 'Xã Mỹ An', 'Xã'], [2, null, 'Xã'], [3, 'Phòng Nội vụ', 'Phòng'], [null, null, 'Người lập', 'Lê Thị C']];
    expect(recordsOf(rows)).toEqual([2, 3, 4]);
  });

  test('dataRows counts records only, and findings never land on skipped rows', () => {
    const rows: CellValue[][] = [
      ['DANH MỤC NHIỆM VỤ'],
      TASK_HEADER,
      [null, 'I. CÁC XÃ'],
      T('Việc 1', 'Xã Mỹ An', '1/7/2023'),
      [],
      [null, null, 'II. CÁC PHÒNG'],
      T('Việc 2', null, '1/7/2023'),
      [null, null, 'TM. ỦY BAN NHÂN DÂN'],
    ];
    const report = run([sheet('NV', rows)]);
    expect(report.sheets).toEqual([expect.objectContaining({ name: 'NV', kind: 'task', headerRow: 2, dataRows: 2 })]);
    expect(report.tasks.map((t) => t.row)).toEqual([4, 7]);
    expect(findingKeys(report)).toEqual(['NV!D7 unassigned', 'NV!G4 overdue', 'NV!G7 overdue']);
  });
});
