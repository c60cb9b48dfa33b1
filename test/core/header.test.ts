/** SPEC §2: header matching, header detection, two-row headers, own sheets. */
import type { CellValue } from '../../src/core/cells';
import { classifySheets } from '../../src/core/check';
import { kindSpec } from '../../src/core/fields';
import { classifyHeaderTexts, detectHeader, fieldOfHeader, isOwnSheetName, mapHeaderTexts } from '../../src/core/header';
import { fold } from '../../src/core/fold';
import { run, sheet, TASK_HEADER } from './support';

const task = kindSpec('task');
const inspection = kindSpec('inspection');
const registry = kindSpec('registry');
const fieldOf = (text: string, spec = task) => fieldOfHeader(fold(text), spec);

describe('a header cell names a field', () => {
  test.each([
    ['Số/ký hiệu', 'docNumber'],
    ['Số, ký hiệu văn bản', 'docNumber'],
    ['Văn bản giao', 'docNumber'],
    ['Ngày giao', 'assignedDate'],
    ['Ngày ban hành', 'assignedDate'],
    ['Trích yếu', 'content'],
    ['Nội dung nhiệm vụ được giao', 'content'],
    ['Tên nhiệm vụ', 'content'],
    ['Đơn vị chủ trì', 'leadUnit'],
    ['Cơ quan thực hiện', 'leadUnit'],
    ['Chủ trì', 'leadUnit'],
    ['Đơn vị phối hợp', 'coUnits'],
    ['Phối hợp', 'coUnits'],
    ['Cán bộ thụ lý', 'owner'],
    ['Thời hạn', 'deadline'],
    ['THỜI HẠN HOÀN THÀNH', 'deadline'],
    ['Hạn', 'deadline'],
    ['Hạn xử lý', 'deadline'],
    ['Hạn hoàn thành', 'deadline'],
    ['Ngày hoàn thành', 'completedDate'],
    ['Ngày hoàn thành thực tế', 'completedDate'],
    ['Ngày trả kết quả', 'completedDate'],
    ['Tình trạng', 'status'],
    ['Tiến độ thực hiện', 'status'],
    ['Kết quả thực hiện', 'status'],
  ])('task: %j → %s', (text, field) => {
    expect(fieldOf(text)).toBe(field);
  });

  test.each(['Hạng mục', 'Hạnh kiểm', 'STT', 'Ghi chú', 'Thời gian', 'Đơn vị', 'Ngày', 'Số', ''])('task: %j → nothing', (text) => {
    expect(fieldOf(text)).toBeNull();
  });

  test('word-bounded: "han" matches "han xu ly", not "hang muc"', () => {
    expect(fieldOf('Hạn xử lý')).toBe('deadline');
    expect(fieldOf('Hạng mục')).toBeNull();
    expect(fieldOf('Thời hạnh')).toBeNull();
  });

  test('the longest matching synonym decides between fields of one kind', () => {
    // "hinh thuc xu ly" (handling, 15) is longer than "hinh thuc" (form, 9)
    expect(fieldOf('Hình thức xử lý', inspection)).toBe('handling');
    expect(fieldOf('Hình thức', inspection)).toBe('form');
    expect(fieldOf('Hình thức kiểm tra', inspection)).toBe('form');
    expect(fieldOf('Xử lý', inspection)).toBe('handling');
    // "xu ly ky luat" (disciplined) in the registry
    expect(fieldOf('Xử lý kỷ luật', registry)).toBe('disciplined');
    expect(fieldOf('Đơn vị được kiểm tra', inspection)).toBe('unit');
    expect(fieldOf('Số trường hợp vi phạm', inspection)).toBe('violations');
    expect(fieldOf('Ngày kiểm tra', inspection)).toBe('date');
    expect(fieldOf('Thời gian kiểm tra', inspection)).toBe('date');
    expect(fieldOf('Nội dung kiểm tra', inspection)).toBe('topic');
  });

  test('registry fields', () => {
    expect(fieldOf('Tên đơn vị', registry)).toBe('unit');
    expect(fieldOf('Cơ quan', registry)).toBe('unit');
    expect(fieldOf('Loại hình', registry)).toBe('unitType');
    expect(fieldOf('Khối', registry)).toBe('unitType');
    expect(fieldOf('Người đứng đầu', registry)).toBe('head');
    expect(fieldOf('Thủ trưởng', registry)).toBe('head');
    expect(fieldOf('Bị kỷ luật', registry)).toBe('disciplined');
    expect(fieldOf('Kỷ luật', registry)).toBe('disciplined');
  });

  test('when two cells map to one field the leftmost keeps it and the other maps to nothing', () => {
    expect(mapHeaderTexts(['Nội dung', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Hạn xử lý'], task)).toEqual({
      content: 0,
      leadUnit: 2,
      deadline: 3,
    });
  });

  test('the losing cell does not fall back to another field it also matches', () => {
    // "Hình thức xử lý" is handling (longest synonym); handling is taken by "Xử lý" on its left,
    // so it maps to nothing, not to form through "hinh thuc".
    expect(mapHeaderTexts(['Xử lý', 'Hình thức xử lý'], inspection)).toEqual({ handling: 0 });
  });
});

describe('a header row qualifies for a kind', () => {
  test('task: leadUnit, deadline and one of content or docNumber', () => {
    expect(classifyHeaderTexts(['Đơn vị chủ trì', 'Thời hạn', 'Nội dung'])?.kind).toBe('task');
    expect(classifyHeaderTexts(['Đơn vị chủ trì', 'Thời hạn', 'Số ký hiệu'])?.kind).toBe('task');
    expect(classifyHeaderTexts(['Đơn vị chủ trì', 'Thời hạn', 'Ngày giao', 'Tình trạng'])).toBeNull();
    expect(classifyHeaderTexts(['Nội dung', 'Thời hạn', 'Ngày giao', 'Tình trạng'])).toBeNull();
    expect(classifyHeaderTexts(['Nội dung', 'Đơn vị chủ trì', 'Ngày giao', 'Tình trạng'])).toBeNull();
  });

  test('inspection: date, unit and violations', () => {
    expect(classifyHeaderTexts(['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Số vi phạm'])?.kind).toBe('inspection');
    expect(classifyHeaderTexts(['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Hình thức', 'Xử lý'])).toBeNull();
  });

  test('registry: unit and unit type, and at least 3 fields in all', () => {
    expect(classifyHeaderTexts(['Tên đơn vị', 'Loại đơn vị'])).toBeNull();
    expect(classifyHeaderTexts(['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu'])?.kind).toBe('registry');
    expect(classifyHeaderTexts(['Tên đơn vị', 'Người đứng đầu', 'Kỷ luật'])).toBeNull();
  });

  test('a duplicated field counts once toward the 3 fields', () => {
    expect(classifyHeaderTexts(['Tên đơn vị', 'Loại đơn vị', 'Khối'])).toBeNull();
    expect(classifyHeaderTexts(['Tên đơn vị', 'Loại đơn vị', 'Khối', 'Thủ trưởng'])?.kind).toBe('registry');
  });

  test('tie on mapped cells: task before inspection', () => {
    // task: leadUnit, deadline, content = 3; inspection: unit ("don vi …"), date, violations = 3
    const texts = ['Đơn vị chủ trì', 'Thời hạn', 'Nội dung', 'Ngày kiểm tra', 'Vi phạm'];
    expect(classifyHeaderTexts(texts)).toEqual({ kind: 'task', columns: { leadUnit: 0, deadline: 1, content: 2 } });
    // one more inspection field and inspection wins
    expect(classifyHeaderTexts([...texts, 'Hình thức'])?.kind).toBe('inspection');
  });

  test('tie on mapped cells: inspection before registry', () => {
    // inspection: unit, date, violations = 3; registry: unit, unitType, head = 3
    const texts = ['Đơn vị', 'Loại đơn vị', 'Lãnh đạo', 'Ngày kiểm tra', 'Số vi phạm'];
    expect(classifyHeaderTexts(texts)?.kind).toBe('inspection');
    expect(classifyHeaderTexts([...texts, 'Kỷ luật'])?.kind).toBe('registry');
  });

  test('tie on mapped cells: task before registry', () => {
    const texts = ['Đơn vị chủ trì', 'Thời hạn', 'Nội dung', 'Khối', 'Lãnh đạo'];
    expect(classifyHeaderTexts(texts)?.kind).toBe('task');
    expect(classifyHeaderTexts([...texts, 'Kỷ luật'])?.kind).toBe('registry');
  });

  test('a duplicated field is not a mapped cell in the kind contest', () => {
    // task maps leadUnit, deadline, content (the second deadline cell maps nothing) = 3;
    // inspection maps unit, date, violations, form = 4 → inspection
    const texts = ['Đơn vị chủ trì', 'Thời hạn', 'Hạn xử lý', 'Nội dung', 'Ngày kiểm tra', 'Vi phạm', 'Hình thức'];
    expect(classifyHeaderTexts(texts)?.kind).toBe('inspection');
  });
});

describe('header detection in a sheet', () => {
  const titleRows: CellValue[][] = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['Độc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH MỤC NHIỆM VỤ'],
  ];

  test('title rows above the header are ignored; headerRow is the header', () => {
    const s = sheet('NV', [...titleRows, TASK_HEADER, [1, 'A', 'B', 'Phòng Nội vụ', null, null, '30/6/2023']]);
    const h = detectHeader(s);
    expect(h).toEqual({
      kind: 'task',
      headerRow: 4,
      columns: { docNumber: 1, content: 2, leadUnit: 3, coUnits: 4, assignedDate: 5, deadline: 6, completedDate: 7, status: 8 },
    });
  });

  test('the first qualifying row wins', () => {
    const s = sheet('NV', [['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'], TASK_HEADER]);
    expect(detectHeader(s)?.headerRow).toBe(0);
  });

  test('the header must be among the first 20 non-empty rows', () => {
    const filler = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`Dòng tiêu đề ${i + 1}`]);
    expect(detectHeader(sheet('NV', [...filler(19), TASK_HEADER]))?.headerRow).toBe(19);
    expect(detectHeader(sheet('NV', [...filler(20), TASK_HEADER]))).toBeNull();
    // empty rows do not count
    const spaced: CellValue[][] = [];
    for (const row of filler(19)) spaced.push(row, [], [null, '  ']);
    expect(detectHeader(sheet('NV', [...spaced, TASK_HEADER]))?.headerRow).toBe(57);
  });

  test('a sheet without a header is ignored with a reason', () => {
    const report = run([sheet('Hướng dẫn', [['Hướng dẫn cập nhật'], ['Ghi ngày theo dạng ngày/tháng/năm']])]);
    expect(report.sheets).toEqual([]);
    expect(report.ignoredSheets).toEqual([{ name: 'Hướng dẫn', reason: expect.stringMatching(/\S/) }]);
  });

  test('sheets whose folded name starts with "kq " are never read', () => {
    expect(isOwnSheetName('KQ Đánh giá')).toBe(true);
    expect(isOwnSheetName('kq  kiểm tra')).toBe(true);
    expect(isOwnSheetName('KQ-Hạn')).toBe(true);
    expect(isOwnSheetName('KQ')).toBe(false);
    expect(isOwnSheetName('KQUA')).toBe(false);
    expect(isOwnSheetName('Nhiệm vụ KQ ')).toBe(false);
    const good = [TASK_HEADER, [1, 'A', 'B', 'Phòng Nội vụ', null, null, '30/6/2023']];
    const { recognised, ignored } = classifySheets([sheet('KQ Đánh giá', good), sheet('Nhiệm vụ', good)], {});
    expect(recognised.map((r) => r.sheet.name)).toEqual(['Nhiệm vụ']);
    expect(ignored.map((r) => r.name)).toEqual(['KQ Đánh giá']);
  });
});

describe('two-row headers', () => {
  // Row 1 title (merged A1:I1), rows 2–3 header: "Thời gian" merged F2:H2 over Ngày giao | Thời hạn |
  // Ngày hoàn thành; the other header cells are merged down across rows 2–3.
  const upper: CellValue[] = ['STT', 'Số ký hiệu', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', null, null, 'Tình trạng'];
  const lower: CellValue[] = [null, null, null, null, null, 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành', null];
  const merges = ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:H2', 'I2:I3'];
  const data: CellValue[] = [1, '12/KH', 'Báo cáo', 'Phòng Nội vụ', null, '1/6/2023', '30/6/2023', '29/6/2023', 'Xong'];

  test('each column takes the lower text, else the upper (merged down counts as upper); headerRow is the lower row', () => {
    const s = sheet('NV', [['DANH MỤC NHIỆM VỤ'], upper, lower, data], merges);
    expect(detectHeader(s)).toEqual({
      kind: 'task',
      headerRow: 2,
      columns: { docNumber: 1, content: 2, leadUnit: 3, coUnits: 4, assignedDate: 5, deadline: 6, completedDate: 7, status: 8 },
    });
    const report = run([s]);
    expect(report.sheets[0]).toMatchObject({ headerRow: 3, dataRows: 1 });
    expect(report.tasks.map((t) => t.row)).toEqual([4]);
  });

  test('without the merge over the lower row there is no two-row header (and no header at all here)', () => {
    const s = sheet('NV', [['DANH MỤC NHIỆM VỤ'], upper, lower, data], ['A1:I1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'I2:I3']);
    expect(detectHeader(s)).toBeNull();
  });

  test('the next row must have a non-empty cell under the merge', () => {
    // C1:D1 merged "Hạn xử lý"; the row below is empty under it → single-row header on row 1,
    // although the two rows together would also qualify.
    const up: CellValue[] = ['Nội dung', 'Đơn vị chủ trì', 'Hạn xử lý', null];
    const s = sheet('NV', [up, ['Trích yếu', 'Chủ trì', null, null]], ['C1:D1']);
    expect(detectHeader(s)?.headerRow).toBe(0);
  });

  test('the whole two-row candidate is tried first, even when the upper row alone would qualify', () => {
    const up: CellValue[] = ['Nội dung', 'Đơn vị chủ trì', 'Hạn xử lý', null];
    const low: CellValue[] = [null, null, 'Thời hạn', 'Ngày hoàn thành'];
    const s = sheet('NV', [up, low, ['Báo cáo', 'Phòng Nội vụ', '30/6/2023', '1/7/2023']], ['C1:D1', 'A1:A2', 'B1:B2']);
    expect(detectHeader(s)).toEqual({ kind: 'task', headerRow: 1, columns: { content: 0, leadUnit: 1, deadline: 2, completedDate: 3 } });
  });

  test('when the two-row candidate does not qualify, the upper row alone is tried', () => {
    const up: CellValue[] = ['Nội dung', 'Đơn vị chủ trì', 'Hạn xử lý', null];
    const low: CellValue[] = [null, null, 'Ngày', 'Giờ'];
    const s = sheet('NV', [up, low], ['C1:D1']);
    expect(detectHeader(s)).toEqual({ kind: 'task', headerRow: 0, columns: { content: 0, leadUnit: 1, deadline: 2 } });
  });

  test('a banner merged directly above a one-row header is a title row: the header is the row below', () => {
    const s = sheet('NV', [['DANH MỤC NHIỆM VỤ'], ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'], ['Báo cáo', 'Phòng Nội vụ', '30/6/2023']], ['A1:C1']);
    expect(detectHeader(s)).toEqual({ kind: 'task', headerRow: 1, columns: { content: 0, leadUnit: 1, deadline: 2 } });
  });

  test('a banner merged directly above a two-row header does not swallow the lower header row', () => {
    // Found by the round-trip generator: "Thời hạn" in row 2 lets rows 1–2 qualify on their own,
    // which made row 3 (Ngày giao | Ngày hoàn thành) a task and lost the completion column.
    const s = sheet(
      'NV',
      [
        ['BẢNG THEO DÕI', null, null, null, null],
        ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Thời gian', null],
        [null, null, null, 'Ngày giao', 'Ngày hoàn thành'],
        ['Báo cáo quý', 'Phòng Nội vụ', '30/6/2026', '1/6/2026', '20/6/2026'],
      ],
      ['A1:E1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'],
    );
    expect(detectHeader(s)).toEqual({ kind: 'task', headerRow: 2, columns: { content: 0, leadUnit: 1, deadline: 2, assignedDate: 3, completedDate: 4 } });
    const report = run([s], { asOf: '2026-09-01' });
    expect(report.tasks).toEqual([expect.objectContaining({ row: 4, status: 'done_on_time' })]);
    expect(report.findings).toEqual([]);
  });
});
