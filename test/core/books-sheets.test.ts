/** SPEC §7 (1.3) several books: the sheets of "KQ tổng hợp.xlsx" and the KQ sheets shared by books read together. */
import { summarizeBook, togetherSheets } from '../../src/core/books';
import { booksSummarySheet, togetherOwnedSheets } from '../../src/core/books-sheets';
import { FINDINGS_SHEET, PEOPLE_SHEET, SCORES_SHEET, SUMMARY_SHEET } from '../../src/core/presentation';
import { D, run, sheet, taskSheet } from './support';

describe('the summary sheet of books checked separately', () => {
  // Book 1 as of 15/09/2023: one done on time, one done late, one open overdue, one not yet due, one
  // unassigned and not yet due. Book 2: nothing due.
  const book1 = run([
    taskSheet('Nhiệm vụ', [
      { lead: 'Phòng Nội vụ', deadline: D(2023, 7, 1), completed: D(2023, 6, 30) },
      { lead: 'Phòng Nội vụ', deadline: D(2023, 7, 1), completed: D(2023, 7, 3) },
      { lead: 'Phòng Y tế', deadline: D(2023, 9, 1) },
      { lead: 'Phòng Y tế', deadline: D(2023, 12, 31) },
      { lead: '', deadline: D(2023, 12, 31) },
    ]),
  ]);
  const book2 = run([taskSheet('Nhiệm vụ', [{ lead: 'Xã Mỹ Hòa', deadline: D(2023, 12, 31) }])]);
  const summary = booksSummarySheet([summarizeBook('xa-1.xlsx', book1), summarizeBook('xa-2.xlsx', book2)], '2023-09-15', 'vi');

  test('one row per book: tasks, due, on time, late, overdue, the late share, errors, warnings, units', () => {
    // Book 1: due 3 (rows 4–6), late 2 of 3. Errors: overdue (row 6), unassigned (row 8); warnings: late-completion (row 5). Units: Nội vụ, Y tế.
    expect(summary.rows).toEqual([
      ['xa-1.xlsx', 5, 3, 1, 1, 1, 2 / 3, 2, 1, 2],
      ['xa-2.xlsx', 1, 0, 0, 0, 0, 0, 0, 0, 1],
    ]);
    expect(summary.name).toBe(SUMMARY_SHEET);
    expect(summary.columns[6]).toMatchObject({ header: 'Tỷ lệ trễ hạn', format: 'percent' });
  });

  test('the chart is of the late share by book, on a 0–1 axis', () => {
    expect(summary.chart).toEqual({ valueCol: 6, categoryCol: 0, title: 'Tỷ lệ trễ hạn của các sổ', axisMax: 1 });
  });

  test('the subtitle gives the common as-of date, or says each book has its own', () => {
    expect(summary.title[1]).toBe('2 sổ, mỗi sổ được kiểm tra riêng; tính đến ngày 15/09/2023');
    expect(booksSummarySheet([], null, 'en').title[1]).toBe('0 books, each checked on its own; each as of the date saved in it');
  });
});

describe('the KQ sheets of books read together', () => {
  // Both books hold a sheet "Nhiệm vụ"; book 2 names the leader, so KQ Cá nhân is written.
  const books = [
    { file: 'quy-1.xlsx', sheets: [taskSheet('Nhiệm vụ', [{ lead: '', deadline: D(2023, 8, 1) }])] },
    { file: 'quy-2.xlsx', sheets: [taskSheet('Nhiệm vụ', [{ lead: 'Phòng Tư pháp', deadline: D(2023, 8, 1) }, { lead: 'Phòng Tư pháp', deadline: D(2023, 8, 1) }])] },
  ];
  const combined = run(togetherSheets(books));
  const files = books.map((b) => b.file);

  test('the findings sheet names each finding\'s book and its own sheet name', () => {
    const findings = togetherOwnedSheets(combined, files, 0, 'vi').find((s) => s.name === FINDINGS_SHEET)!;
    expect(findings.columns.map((c) => c.header).slice(0, 3)).toEqual(['Sổ', 'Trang tính', 'Ô']);
    // Book 1: D4 unassigned, G4 overdue. Book 2: G4 and G5 overdue. Books in order, then rows; the rule's code is the last column.
    expect(findings.rows.map((r) => [...r.slice(0, 3), r[r.length - 1]])).toEqual([
      ['quy-1.xlsx', 'Nhiệm vụ', 'D4', 'unassigned'],
      ['quy-1.xlsx', 'Nhiệm vụ', 'G4', 'overdue'],
      ['quy-2.xlsx', 'Nhiệm vụ', 'G4', 'overdue'],
      ['quy-2.xlsx', 'Nhiệm vụ', 'G5', 'overdue'],
    ]);
  });

  test('in a copy, its own findings link to its cells, another book\'s to that book\'s copy', () => {
    const links = (here: number | null) => togetherOwnedSheets(combined, files, here, 'vi').find((s) => s.name === FINDINGS_SHEET)!.links;
    expect(links(0)).toEqual([
      { row: 0, col: 2, sheet: 'Nhiệm vụ', cell: 'D4' },
      { row: 1, col: 2, sheet: 'Nhiệm vụ', cell: 'G4' },
      { row: 2, col: 2, sheet: 'Nhiệm vụ', cell: 'G4', file: 'quy-2.xlsx' },
      { row: 3, col: 2, sheet: 'Nhiệm vụ', cell: 'G5', file: 'quy-2.xlsx' },
    ]);
    expect(links(1).map((l) => l.file)).toEqual(['quy-1.xlsx', 'quy-1.xlsx', undefined, undefined]);
    // The summary book holds no task sheet: every link opens a copy.
    expect(links(null).map((l) => l.file)).toEqual(['quy-1.xlsx', 'quy-1.xlsx', 'quy-2.xlsx', 'quy-2.xlsx']);
  });

  test('the scores are tallied across the books; KQ Cá nhân only when a sheet maps a person', () => {
    const sheets = togetherOwnedSheets(combined, files, 0, 'vi');
    expect(sheets.map((s) => s.name)).toEqual([SCORES_SHEET, FINDINGS_SHEET]);
    // Phòng Tư pháp: two overdue tasks of book 2.
    expect(sheets[0]!.rows.find((r) => r[0] === 'Phòng Tư pháp')!.slice(4, 8)).toEqual([2, 0, 2, 2]);
    const leaders = sheet('Nhiệm vụ', [
      ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Lãnh đạo phụ trách'],
      ['Báo cáo quý', 'Phòng Tư pháp', D(2023, 8, 1), 'Chủ tịch Nguyễn Văn A'],
    ]);
    const withLeader = [books[0]!, { file: 'quy-2.xlsx', sheets: [leaders] }];
    expect(togetherOwnedSheets(run(togetherSheets(withLeader)), files, 0, 'vi').map((s) => s.name)).toEqual([SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET]);
  });
});
