/** SPEC §7 (1.3) several books: the per-book summary, and "together" = one book holding all the sheets. */
import { bookFlagPlan, summarizeBook, togetherMappings, togetherReport, togetherSheets, TogetherReportSchema } from '../../src/core/books';
import { planFlags } from '../../src/core/flag-plan';
import type { Report } from '../../src/core/report';
import { D, inspectionSheet, registrySheet, run, sheet, taskSheet } from './support';

describe('summary of one book (counted per task)', () => {
  // As of 15/09/2023: row 4 done on time, row 5 done late, rows 6 and 7 open overdue, row 8 open on
  // time, row 9 unassigned and overdue. Row 6 has two lead units: still one task.
  const book = [
    taskSheet('Nhiệm vụ', [
      { lead: 'Phòng Nội vụ', deadline: D(2023, 7, 1), completed: D(2023, 6, 30) },
      { lead: 'Phòng Nội vụ', deadline: D(2023, 7, 1), completed: D(2023, 7, 3) },
      { lead: 'Phòng Nội vụ; Phòng Tư pháp', deadline: D(2023, 8, 1) },
      { lead: 'Phòng Y tế', deadline: D(2023, 9, 1) },
      { lead: 'Phòng Y tế', deadline: D(2023, 12, 31) },
      { lead: '', deadline: D(2023, 9, 10) },
    ]),
  ];
  const report = run(book);
  const row = summarizeBook('xa-my-hoa.xlsx', report);

  test('tasks, due and the status counts', () => {
    expect(row).toMatchObject({ file: 'xa-my-hoa.xlsx', tasks: 6, due: 5, doneOnTime: 1, doneLate: 1, openOverdue: 3 });
  });

  test('late share = (done late + open overdue) / due, as a fraction', () => {
    expect(row.lateShare).toBeCloseTo(4 / 5, 12);
  });

  test('errors and warnings are the findings by severity; units are the report units', () => {
    // Errors: overdue ×3 (rows 6, 7, 9), multiple-leads (row 6), unassigned (row 9). Warnings: late-completion (row 5).
    expect({ errors: row.errors, warnings: row.warnings }).toEqual({ errors: 5, warnings: 1 });
    // Units: Phòng Nội vụ, Phòng Tư pháp, Phòng Y tế.
    expect(row.units).toBe(3);
  });

  test('a book with nothing due has late share 0', () => {
    const empty = summarizeBook('trong.xlsx', run([taskSheet('Nhiệm vụ', [{ lead: 'Phòng Y tế', deadline: D(2023, 12, 31) }])]));
    expect(empty).toMatchObject({ tasks: 1, due: 0, lateShare: 0 });
  });
});

describe('together: one office book and its units\' books, read as one', () => {
  // Book 1: the office's registry and its own task sheet. Book 2: a unit's book whose task sheet has
  // the same name as book 1's, and an inspection sheet. Book 3: a book with an old KQ sheet.
  const book1 = [
    registrySheet('Danh mục', [{ name: 'Phòng Nội vụ', type: 'Phòng' }, { name: 'Xã Mỹ Hòa', type: 'Xã' }]),
    taskSheet('Nhiệm vụ', [
      { lead: 'Phòng Nội vụ', deadline: D(2023, 7, 1), completed: D(2023, 6, 30) },
      { lead: 'UBND xã Mỹ Hòa', deadline: D(2023, 8, 1) },
    ]),
  ];
  const book2 = [
    taskSheet('Nhiệm vụ', [
      { lead: 'Xã Mỹ Hòa', deadline: D(2023, 7, 1), completed: D(2023, 7, 20) },
      { lead: 'Phòng Văn hóa', deadline: D(2023, 9, 30) },
    ]),
    inspectionSheet('Kiểm tra', [{ date: D(2023, 8, 10), unit: 'Phòng Nội vụ', violations: 2 }]),
  ];
  const book3 = [sheet('KQ Đánh giá', [['Đơn vị'], ['Phòng Nội vụ']])];
  const files = ['van-phong.xlsx', 'xa-my-hoa.xlsx', 'cu.xlsx'];
  const books = [
    { file: files[0]!, sheets: book1 },
    { file: files[1]!, sheets: book2 },
    { file: files[2]!, sheets: book3 },
  ];
  const together = togetherReport(run(togetherSheets(books)), files);
  // The same sheets in one book: the second "Nhiệm vụ" needs another name there.
  const oneBook = run([...book1, { ...book2[0]!, name: 'Nhiệm vụ (2)' }, book2[1]!, ...book3]);
  const rename = (bookSheet: string, book: string) => (book === files[1] && bookSheet === 'Nhiệm vụ' ? 'Nhiệm vụ (2)' : bookSheet);

  test('the report has the together shape: every sheet, task, finding and ignored sheet names its book', () => {
    expect(TogetherReportSchema.parse(together).mode).toBe('together');
    expect(together.books).toEqual(files.map((file) => ({ file })));
    expect(together.sheets.map((s) => [s.book, s.name, s.kind])).toEqual([
      [files[0], 'Danh mục', 'registry'],
      [files[0], 'Nhiệm vụ', 'task'],
      [files[1], 'Nhiệm vụ', 'task'],
      [files[1], 'Kiểm tra', 'inspection'],
    ]);
    expect(together.ignoredSheets.map((s) => [s.book, s.name])).toEqual([[files[2], 'KQ Đánh giá']]);
  });

  test('units are tallied across the books, registry spellings and types from the first book', () => {
    expect(together.units).toEqual(oneBook.units);
    const myHoa = together.units.find((u) => u.name === 'Xã Mỹ Hòa')!;
    // Done late in book 2 (20/07 after 01/07), overdue in book 1: due 2, late 2.
    expect(myHoa).toMatchObject({ type: 'Xã', due: 2, doneLate: 1, openOverdue: 1 });
    expect(together.units.find((u) => u.name === 'Phòng Nội vụ')).toMatchObject({ violations: 2 });
  });

  test('tasks and findings equal those of the one book, sheet by sheet', () => {
    const key = (book: string, s: string) => `${book}|${s}`;
    const mine = (r: typeof together) => [
      r.tasks.map((t) => ({ ...t, sheet: rename(t.sheet, t.book), book: undefined })),
      r.findings.map((f) => ({ ...f, sheet: rename(f.sheet, f.book), book: undefined })),
    ];
    const strip = (r: Report) => [r.tasks.map((t) => ({ ...t, book: undefined })), r.findings.map((f) => ({ ...f, book: undefined }))];
    expect(mine(together)).toEqual(strip(oneBook));
    expect(new Set(together.findings.map((f) => key(f.book, f.sheet)))).toContain(key(files[1]!, 'Nhiệm vụ'));
  });

  test('a book\'s own mappings apply to its own sheets only', () => {
    // Book 2's "Nhiệm vụ" mapped by hand with the deadline in column H (Ngày hoàn thành) instead of G.
    const mapped = [{ ...books[1]!, mappings: { 'Nhiệm vụ': { kind: 'task' as const, headerRow: 3, columns: { content: 'C', leadUnit: 'D', deadline: 'H' } } } }];
    const report = togetherReport(run(togetherSheets([books[0]!, ...mapped]), { mappings: togetherMappings([books[0]!, ...mapped]) }), files.slice(0, 2));
    const columns = report.sheets.filter((s) => s.name === 'Nhiệm vụ').map((s) => [s.book, s.columns.deadline]);
    expect(columns).toEqual([
      [files[0], 'G'],
      [files[1], 'H'],
    ]);
  });

  test('each book gets the flags of its own sheets, named as in that book', () => {
    const plan = planFlags(run(togetherSheets(books)));
    expect(bookFlagPlan(plan, 0).sheets.map((s) => s.sheet)).toEqual(['Nhiệm vụ']);
    expect(bookFlagPlan(plan, 1).sheets.map((s) => s.sheet)).toEqual(['Nhiệm vụ']);
    expect(bookFlagPlan(plan, 2).sheets).toEqual([]);
    // Book 2's two tasks are its records, on rows 4 and 5 (0-based 3 and 4).
    expect(bookFlagPlan(plan, 1).sheets[0]!.recordBlocks).toEqual([{ first: 3, last: 4 }]);
  });

});
