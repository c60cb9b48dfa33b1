/** Workbooks for the Office.js adapter tests, built straight into the Excel fake. */
import { dayFromIso, serialFromDay } from '../../src/core/cells';
import { FakeWorkbook, type FakeSheet, type FakeValue } from './fake-excel';

export const AS_OF = '2023-09-15';
export const TASK_SHEET = 'Nhiệm vụ';

export function serial(iso: string): number {
  return serialFromDay(dayFromIso(iso)!);
}

const UNITS = ['Phòng Nội vụ', 'Phòng Tư pháp', 'UBND xã Mỹ Hòa', 'Phòng Tài chính - Kế hoạch', 'Văn phòng HĐND và UBND', 'Phòng Giáo dục và Đào tạo'];
const HEADER = ['STT', 'Số ký hiệu văn bản', 'Ngày giao', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng', 'Ghi chú', 'Người phụ trách', 'Số trang'];

/**
 * A task row i (0-based) with a mix the engine flags: mostly done on time, some overdue, some
 * without a lead unit, some with two leads, text deadlines, an invalid date, a status conflict.
 */
export function taskRow(i: number): FakeValue[] {
  const lead = i % 97 === 5 ? '' : i % 113 === 7 ? `${UNITS[0]}; ${UNITS[1]}` : UNITS[i % UNITS.length]!;
  const month = 1 + (i % 8);
  const assigned = serial(`2023-0${month}-01`);
  const deadlineIso = `2023-0${month}-${i % 2 === 0 ? '20' : '28'}`;
  const deadline: FakeValue = i % 50 === 3 ? `${i % 2 === 0 ? '20' : '28'}/0${month}/2023` : i % 211 === 9 ? '30/02/2023' : serial(deadlineIso);
  const overdue = i % 10 === 4;
  const completed: FakeValue = overdue ? null : serial(`2023-0${month}-1${i % 10}`);
  return [
    i + 1,
    `${1000 + i}/UBND-VP`,
    assigned,
    `Triển khai nhiệm vụ số ${i + 1} về cải cách hành chính, chuyển đổi số và chấn chỉnh lề lối làm việc`,
    lead,
    i % 3 === 0 ? UNITS[(i + 2) % UNITS.length]! : null,
    deadline,
    completed,
    overdue ? 'Đang thực hiện' : i % 89 === 1 ? 'Chưa xong' : 'Hoàn thành',
    i % 7 === 0 ? 'Theo Kế hoạch số 12/KH-UBND' : null,
    i % 4 === 0 ? 'Nguyễn Văn A' : 'Trần Thị B',
    (i % 9) + 1,
  ];
}

/** A tracking sheet: two banner rows (the first merged), a blank row, the header, then n task rows. */
export function addTaskSheet(book: FakeWorkbook, n: number, name = TASK_SHEET): FakeSheet {
  const s = book.addSheet(name);
  s.set(0, 0, 'ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI');
  s.merges.push({ top: 0, left: 0, bottom: 0, right: 5 });
  s.set(1, 0, 'THEO DÕI NHIỆM VỤ GIAO NĂM 2023');
  HEADER.forEach((h, c) => s.set(3, c, h));
  for (let i = 0; i < n; i++) s.rows.set(4 + i, taskRow(i));
  return s;
}

export function addRegistry(book: FakeWorkbook): FakeSheet {
  const s = book.addSheet('Danh mục đơn vị');
  ['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu'].forEach((h, c) => s.set(0, c, h));
  UNITS.forEach((u, i) => {
    s.set(i + 1, 0, u);
    s.set(i + 1, 1, i === 2 ? 'Xã, thị trấn' : 'Phòng, ban');
    s.set(i + 1, 2, `Lãnh đạo ${i + 1}`);
  });
  return s;
}

export function taskBook(n: number, apiVersion = '1.18'): FakeWorkbook {
  const book = new FakeWorkbook();
  book.apiVersion = apiVersion;
  addTaskSheet(book, n);
  addRegistry(book);
  return book;
}

/** Everything visible of a sheet's flags, for before/after comparisons. */
export function flagSnapshot(book: FakeWorkbook): unknown {
  return book.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    rules: s.rules.map((r) => ({ type: r.type, formula: r.formula, areas: r.areas, fill: r.fill, font: r.font })),
    notes: [...s.notes].sort((a, b) => a.row - b.row || a.col - b.col),
    cells: [...s.rows.entries()].sort((a, b) => a[0] - b[0]),
  }));
}
