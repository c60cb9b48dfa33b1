/**
 * SPEC 1.3 §7 "Several books" through the real command line (`main()` with captured output):
 * separately = each book's report as `check BOOK` gives it; together = the report of one book
 * holding all the sheets (built here with ExcelJS); folders, unreadable books, --out, progress.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { SeparatelyReportSchema, TogetherReportSchema, type TogetherReport } from '../../src/core/books';
import { FINDINGS_SHEET, SCORES_SHEET, SUMMARY_SHEET } from '../../src/core/presentation';
import { ReportSchema, type Report } from '../../src/core/report';
import { elements, partXml, readParts, relsOf, sheetPartOf } from '../helpers/package-parts';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(argv: readonly string[], extra: Partial<Io> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), ...extra });
  return { code, out, err };
}

const FIXTURES = path.resolve(__dirname, '../fixtures');
const SAMPLE = path.join(FIXTURES, 'acceptance', 'two-row-header.xlsx');
const EXAMPLE = path.resolve(__dirname, '../../examples/tracking-2026.xlsx');
const DAMAGED = path.join(FIXTURES, 'bad', '14-damaged-sheet-xml.xlsx');
const TRUNCATED = path.join(FIXTURES, 'bad', '05-truncated-zip.xlsx');
const AS_OF = '2026-11-26';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-books-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const d = path.join(dir, name);
  await fs.mkdir(d, { recursive: true });
  for (const [file, from] of Object.entries(files)) await fs.writeFile(path.join(d, file), typeof from === 'string' ? await fs.readFile(from) : from);
  return d;
}

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

describe('--separately: each book gives the report `check BOOK` gives', () => {
  let books: string[];
  beforeAll(async () => {
    const writers = (await fs.readdir(path.join(FIXTURES, 'writers'))).filter((f) => /\.xls[xm]$/.test(f)).map((f) => path.join(FIXTURES, 'writers', f));
    books = [...writers, EXAMPLE, SAMPLE];
  });

  test('on every fixture (the writers\' books, the example, the acceptance sample): report and annotated copy alike', async () => {
    expect(books.length).toBeGreaterThanOrEqual(22);
    const several = await run(['check', ...books, '--separately', '--as-of', AS_OF, '--json', path.join(dir, 'sep.json'), '--out', path.join(dir, 'sep-out')]);
    expect(several.code).toBe(0);
    const report = SeparatelyReportSchema.parse(await json(path.join(dir, 'sep.json')));
    expect(report.books.map((b) => b.file)).toEqual(books.map((b) => path.basename(b)));
    for (const [i, book] of books.entries()) {
      const file = path.basename(book);
      const alone = path.join(dir, `alone-${i}${path.extname(book)}`);
      const r = await run(['check', book, '--as-of', AS_OF, '--json', `${alone}.json`, '--out', alone]);
      expect({ file, code: r.code }).toEqual({ file, code: 0 });
      expect({ file, report: report.books[i]!.report }).toEqual({ file, report: ReportSchema.parse(await json(`${alone}.json`)) });
      // The copy in the folder is the copy `check BOOK --out` writes, byte for byte.
      const copy = await fs.readFile(path.join(dir, 'sep-out', file));
      expect({ file, same: Buffer.compare(copy, await fs.readFile(alone)) === 0 }).toEqual({ file, same: true });
    }
    expect(report.summary.map((s) => [s.file, s.tasks])).toEqual(report.books.map((b) => [b.file, b.report.tasks.length]));
  });

  test('several inputs without a flag are checked separately', async () => {
    const r = await run(['check', SAMPLE, EXAMPLE, '--as-of', AS_OF, '--json', path.join(dir, 'default.json')]);
    expect(r.code).toBe(0);
    expect((await json<{ mode: string }>(path.join(dir, 'default.json'))).mode).toBe('separately');
  });
});

/** One workbook holding every sheet of the books, in order, copied cell by cell with ExcelJS; a repeated sheet name gets " (2)". */
async function oneBookOf(files: readonly string[], target: string): Promise<Map<string, { book: string; sheet: string }>> {
  const out = new ExcelJS.Workbook();
  const origin = new Map<string, { book: string; sheet: string }>();
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) {
      let name = ws.name;
      for (let n = 2; origin.has(name); n++) name = `${ws.name} (${n})`;
      origin.set(name, { book: path.basename(file), sheet: ws.name });
      const copy = out.addWorksheet(name);
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const to = copy.getCell(r, c);
          to.value = cell.value;
          to.numFmt = cell.numFmt;
        });
      });
      for (const range of (ws.model as { merges?: string[] }).merges ?? []) copy.mergeCells(range);
    }
  }
  await out.xlsx.writeFile(target);
  return origin;
}

/** A book of a unit, with a sheet named like the sample's and units the example's registry knows, some misspelt. */
async function unitBook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ quý III');
  ws.addRow(['BẢNG THEO DÕI NHIỆM VỤ CỦA XÃ']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành', 'Lãnh đạo phụ trách']);
  ws.addRow([1, '21/UBND', 'Báo cáo quý', 'Phòng Kinh tế', new Date(Date.UTC(2026, 5, 30)), new Date(Date.UTC(2026, 6, 2)), 'Đ/c Lê Văn Tư']);
  ws.addRow([2, '22/UBND', 'Rà soát hồ sơ', 'Phong Kinh te', '15/07/2026', null, 'Lê Văn Tư']);
  ws.addRow([3, '22/UBND', 'Rà soát hồ sơ', '', 'Quý IV/2026', null, null]);
  ws.addRow([4, '23/UBND', 'Tổng kết', 'Khóm 9', 'Thường xuyên', null, null]);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

describe('--together: the books read as one book holding all their sheets', () => {
  let books: string[];
  let together: TogetherReport;
  let oneBook: Report;
  let origin: Map<string, { book: string; sheet: string }>;

  beforeAll(async () => {
    books = [SAMPLE, EXAMPLE, await unitBook('xa-my-hoa.xlsx')];
    const combined = path.join(dir, 'one-book.xlsx');
    origin = await oneBookOf(books, combined);
    const t = await run(['check', ...books, '--together', '--as-of', AS_OF, '--json', path.join(dir, 'together.json')]);
    expect(t).toMatchObject({ code: 0, err: [] });
    together = TogetherReportSchema.parse(await json(path.join(dir, 'together.json')));
    const o = await run(['check', combined, '--as-of', AS_OF, '--json', path.join(dir, 'one-book.json')]);
    expect(o.code).toBe(0);
    oneBook = ReportSchema.parse(await json(path.join(dir, 'one-book.json')));
  });

  /** The one book's sheet name of a { book, sheet }. */
  function combinedName(book: string, sheet: string): string {
    for (const [name, o] of origin) if (o.book === book && o.sheet === sheet) return name;
    throw new Error(`no sheet ${book}:${sheet}`);
  }

  test('two books hold a sheet of the same name: both are read, each named with its book', () => {
    expect(together.sheets.filter((s) => s.name === 'Nhiệm vụ quý III').map((s) => s.book)).toEqual(['two-row-header.xlsx', 'xa-my-hoa.xlsx']);
    expect(together.books).toEqual(books.map((b) => ({ file: path.basename(b) })));
  });

  test('sheets, tasks, findings and ignored sheets equal the one book\'s, each carrying its book', () => {
    const back = <T extends { book: string }>(x: T, key: 'name' | 'sheet') => {
      const { book, ...rest } = x;
      return { ...rest, [key]: combinedName(book, (x as unknown as Record<string, string>)[key]!) };
    };
    expect(together.sheets.map((s) => back(s, 'name'))).toEqual(oneBook.sheets);
    expect(together.tasks.map((t) => back(t, 'sheet'))).toEqual(oneBook.tasks);
    expect(together.findings.map((f) => back(f, 'sheet'))).toEqual(oneBook.findings);
    expect(together.ignoredSheets.map((s) => back(s, 'name'))).toEqual(oneBook.ignoredSheets);
  });

  test('units and people are tallied across the books, as in the one book', () => {
    expect(together.units).toEqual(oneBook.units);
    expect(together.people).toEqual(oneBook.people);
    expect([together.asOf, together.rules]).toEqual([oneBook.asOf, oneBook.rules]);
  });

  test('a unit of the example\'s registry gets the unit book\'s tasks on top of the example\'s', async () => {
    expect((await run(['check', EXAMPLE, '--as-of', AS_OF, '--json', path.join(dir, 'example.json')])).code).toBe(0);
    const alone = ReportSchema.parse(await json(path.join(dir, 'example.json'))).units.find((u) => u.name === 'Phòng Kinh tế')!;
    // The unit book's "Phòng Kinh tế" (done 02/07, two days after its deadline) and "Phong Kinh te" (the
    // same unit, SPEC §2; due 15/07/2026, open on 26/11/2026): one more done late, one more overdue.
    expect(together.units.find((u) => u.name === 'Phòng Kinh tế')).toMatchObject({
      type: alone.type,
      due: alone.due + 2,
      doneOnTime: alone.doneOnTime,
      doneLate: alone.doneLate + 1,
      openOverdue: alone.openOverdue + 1,
    });
  });
});

describe('folders and books that cannot be read', () => {
  test('a folder stands for its .xlsx and .xlsm files in name order; lock files and other files are skipped', async () => {
    const d = await folder('mixed', { 'b-xa.xlsx': SAMPLE, 'a-xa.XLSX': SAMPLE, '~$a-xa.xlsx': Buffer.from('lock'), 'ghi-chu.txt': Buffer.from('x') });
    const r = await run(['check', d, '--as-of', AS_OF, '--json', path.join(dir, 'mixed.json')]);
    expect(r).toMatchObject({ code: 0, err: [] });
    const report = SeparatelyReportSchema.parse(await json(path.join(dir, 'mixed.json')));
    expect(report.books.map((b) => b.file)).toEqual(['a-xa.XLSX', 'b-xa.xlsx']);
  });

  test('a damaged book is named on one line and left out; the others are reported; exit 0', async () => {
    const d = await folder('damaged', { 'xa-1.xlsx': SAMPLE, 'xa-2-hong.xlsx': DAMAGED, 'xa-3.xlsx': EXAMPLE });
    const r = await run(['check', d, '--as-of', AS_OF, '--json', path.join(dir, 'damaged.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`cli: ${path.join(d, 'xa-2-hong.xlsx')} bị hỏng: không đọc được trang "Danh mục" (phần xl/worksheets/sheet2.xml bị thiếu hoặc hỏng); hãy mở bằng Excel, lưu lại rồi chạy lại`]);
    const report = SeparatelyReportSchema.parse(await json(path.join(dir, 'damaged.json')));
    expect(report.books.map((b) => b.file)).toEqual(['xa-1.xlsx', 'xa-3.xlsx']);
    expect(report.summary.map((s) => s.file)).toEqual(['xa-1.xlsx', 'xa-3.xlsx']);
    expect(r.out[0]).toBe('Kiểm tra riêng từng sổ: đọc được 2/3 sổ');
  });

  test('together, a damaged book is left out the same way', async () => {
    const d = await folder('damaged-t', { 'q1.xlsx': SAMPLE, 'q2.xlsx': TRUNCATED });
    const r = await run(['check', d, '--together', '--as-of', AS_OF, '--json', path.join(dir, 'damaged-t.json'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`cli: ${path.join(d, 'q2.xlsx')} is damaged or not a valid .xlsx (its zip directory cannot be read: the file may be cut short)`]);
    expect(TogetherReportSchema.parse(await json(path.join(dir, 'damaged-t.json'))).books).toEqual([{ file: 'q1.xlsx' }]);
  });

  test.each(['separately', 'together'])('--%s: when no book can be read, each is named, then exit 2 and no report', async (mode) => {
    const d = await folder(`none-${mode}`, { 'a.xlsx': DAMAGED, 'b.xlsx': TRUNCATED, 'c.xlsx': Buffer.alloc(0) });
    const report = path.join(dir, `none-${mode}.json`);
    const r = await run(['check', d, `--${mode}`, '--json', report]);
    expect(r.code).toBe(2);
    expect(r.err.map((l) => l.slice(0, l.indexOf(' ', 5)))).toEqual([`cli: ${path.join(d, 'a.xlsx')}`, `cli: ${path.join(d, 'b.xlsx')}`, `cli: ${path.join(d, 'c.xlsx')}`, 'cli: không']);
    expect(r.err[3]).toBe('cli: không đọc được sổ nào trong 3 sổ');
    await expect(fs.stat(report)).rejects.toThrow();
  });

  test('a folder without any book, and two books of one name: exit 2 with one line', async () => {
    const empty = await folder('empty', { 'ghi-chu.txt': Buffer.from('x') });
    expect(await run(['check', empty])).toEqual({ code: 2, out: [], err: [`cli: thư mục ${empty} không có sổ .xlsx hay .xlsm nào`] });
    const a = await folder('same-a', { 'so.xlsx': SAMPLE });
    const b = await folder('same-b', { 'so.xlsx': SAMPLE });
    const r = await run(['check', a, b, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`cli: two files are named so.xlsx (${path.join(a, 'so.xlsx')} and ${path.join(b, 'so.xlsx')}): the report names each book by its file name; rename one of them`]);
  });

  test('--separately and --together together are refused', async () => {
    expect(await run(['check', SAMPLE, EXAMPLE, '--separately', '--together'])).toEqual({ code: 2, out: [], err: ['cli: chỉ chọn một trong hai cách: --separately hoặc --together'] });
  });
});

describe('one book with a way asked for, and a folder of one book', () => {
  test('one file with --separately gives the several-books report of one book; with --together, the together report', async () => {
    expect((await run(['check', SAMPLE, '--separately', '--as-of', AS_OF, '--json', path.join(dir, 'one-sep.json')])).code).toBe(0);
    const sep = SeparatelyReportSchema.parse(await json(path.join(dir, 'one-sep.json')));
    expect([sep.books.length, sep.summary.length]).toEqual([1, 1]);
    expect((await run(['check', SAMPLE, '--together', '--as-of', AS_OF, '--json', path.join(dir, 'one-tog.json')])).code).toBe(0);
    const tog = TogetherReportSchema.parse(await json(path.join(dir, 'one-tog.json')));
    expect(tog.tasks.every((t) => t.book === 'two-row-header.xlsx')).toBe(true);
    // Without a way asked for, one file gives the report of one book, as before.
    expect((await run(['check', SAMPLE, '--as-of', AS_OF, '--json', path.join(dir, 'one.json')])).code).toBe(0);
    expect((await json<Record<string, unknown>>(path.join(dir, 'one.json'))).mode).toBeUndefined();
  });

  test('a folder holding one book is several books (separately)', async () => {
    const d = await folder('one-book', { 'xa.xlsx': SAMPLE });
    expect((await run(['check', d, '--as-of', AS_OF, '--json', path.join(dir, 'one-folder.json')])).code).toBe(0);
    expect(SeparatelyReportSchema.parse(await json(path.join(dir, 'one-folder.json'))).books.map((b) => b.file)).toEqual(['xa.xlsx']);
  });
});

describe('--out FOLDER with several books', () => {
  test('separately: each copy under its own name, and KQ tổng hợp.xlsx with the summary table', async () => {
    const d = await folder('out-sep', { 'xa-1.xlsx': SAMPLE, 'xa-2.xlsx': EXAMPLE });
    const out = path.join(dir, 'out-sep-result');
    const r = await run(['check', d, '--as-of', AS_OF, '--out', out]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(['KQ tổng hợp.xlsx', 'xa-1.xlsx', 'xa-2.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'KQ tổng hợp.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET]);
    expect(wb.worksheets[0]!.getColumn(1).values.slice(5)).toEqual(['xa-1.xlsx', 'xa-2.xlsx']);
    expect(r.out.slice(-2)).toEqual([`Đã ghi 2 bản có đánh dấu vào thư mục ${out}`, `Đã ghi sổ tổng hợp: ${path.join(out, 'KQ tổng hợp.xlsx')}`]);
  });

  test('a book with macros saved under .xlsx: checked and reported, its copy not written, one line says why', async () => {
    const d = await folder('out-kind', { 'xa-1.xlsx': SAMPLE, 'macro.xlsx': path.join(FIXTURES, 'writers', 'excel-xlsm-vba.xlsm') });
    const out = path.join(dir, 'out-kind-result');
    const r = await run(['check', d, '--as-of', AS_OF, '--out', out, '--json', path.join(dir, 'out-kind.json')]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`cli: ${path.join(d, 'macro.xlsx')} là sổ .xlsm mang tên khác đuôi: Excel sẽ không mở bản có đánh dấu mang tên này, nên bản của sổ này không được ghi; hãy đổi đuôi tệp thành .xlsm rồi chạy lại`]);
    expect((await fs.readdir(out)).sort()).toEqual(['KQ tổng hợp.xlsx', 'xa-1.xlsx']);
    expect(SeparatelyReportSchema.parse(await json(path.join(dir, 'out-kind.json'))).books.map((b) => b.file)).toEqual(['macro.xlsx', 'xa-1.xlsx']);
  });

  test('a copy that would overwrite an input is refused before anything is read or written', async () => {
    const d = await folder('out-same', { 'xa-1.xlsx': SAMPLE, 'xa-2.xlsx': SAMPLE });
    const before = await fs.readFile(path.join(d, 'xa-1.xlsx'));
    const r = await run(['check', d, '--out', d]);
    expect(r).toEqual({ code: 2, out: [], err: [`cli: --out sẽ ghi đè lên ${path.join(d, 'xa-1.xlsx')} (tệp đầu vào hoặc một tệp khác của lần chạy này): hãy chọn thư mục khác`] });
    expect(Buffer.compare(before, await fs.readFile(path.join(d, 'xa-1.xlsx')))).toBe(0);
    expect((await fs.readdir(d)).sort()).toEqual(['xa-1.xlsx', 'xa-2.xlsx']);
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, 'x');
    expect((await run(['check', d, '--out', file])).err).toEqual([`cli: --out phải là một thư mục khi kiểm tra nhiều sổ, nhưng ${file} là một tệp`]);
  });

  test('together: each copy has the flags of its own sheets and the shared KQ sheets; a finding of the other book links to the other copy', async () => {
    const d = await folder('out-tog', { 'q1.xlsx': SAMPLE, 'q2.xlsx': SAMPLE });
    const out = path.join(dir, 'out-tog-result');
    expect((await run(['check', d, '--together', '--as-of', '2023-09-15', '--out', out])).code).toBe(0);
    for (const [own, other] of [['q1.xlsx', 'q2.xlsx'], ['q2.xlsx', 'q1.xlsx']] as const) {
      const parts = readParts(await fs.readFile(path.join(out, own)));
      // Its task sheet is flagged (conditional formats), as `check` flags it alone.
      expect(elements(partXml(parts, sheetPartOf(parts, 'Nhiệm vụ quý III')), 'conditionalFormatting').length).toBeGreaterThan(0);
      const findings = sheetPartOf(parts, FINDINGS_SHEET);
      const links = elements(partXml(parts, findings), 'hyperlink');
      const targets = new Map(relsOfRaw(parts, findings).map((r) => [r.id, r.target]));
      const inOther = links.filter((h) => h.getAttribute('r:id'));
      // The sample has 13 findings per book: 13 link here, 13 to the other copy.
      expect([links.length - inOther.length, inOther.length]).toEqual([13, 13]);
      expect(new Set(inOther.map((h) => targets.get(h.getAttribute('r:id')!)))).toEqual(new Set([other]));
      // The scores of both books in each copy: Phòng Tư pháp's 5 due tasks twice.
      expect(relsOf(parts, sheetPartOf(parts, SCORES_SHEET)).some((r) => r.type === 'table')).toBe(true);
    }
    const summary = readParts(await fs.readFile(path.join(out, 'KQ tổng hợp.xlsx')));
    const links = elements(partXml(summary, sheetPartOf(summary, FINDINGS_SHEET)), 'hyperlink');
    expect([links.length, links.every((h) => h.getAttribute('r:id'))]).toEqual([26, true]);
  });
});

/** Relationships with their raw targets (external ones included). */
function relsOfRaw(parts: ReturnType<typeof readParts>, source: string): { id: string; target: string }[] {
  const slash = source.lastIndexOf('/');
  return elements(partXml(parts, `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`), 'Relationship').map((r) => ({
    id: r.getAttribute('Id')!,
    target: r.getAttribute('Target')!,
  }));
}

describe('progress on standard error', () => {
  async function manyBooks(n: number): Promise<string> {
    const files: Record<string, string> = {};
    for (let i = 1; i <= n; i++) files[`xa-${String(i).padStart(2, '0')}.xlsx`] = SAMPLE;
    return folder(`many-${n}`, files);
  }

  test('ten books or more: one line per book', async () => {
    const d = await manyBooks(10);
    const r = await run(['check', d, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(Array.from({ length: 10 }, (_, i) => `[${i + 1}/10] xa-${String(i + 1).padStart(2, '0')}.xlsx: 39 nhiệm vụ`));
  });

  test('a short run prints none; once a run has lasted two seconds, lines start', async () => {
    const d = await manyBooks(3);
    expect((await run(['check', d, '--as-of', AS_OF], { now: () => 0 })).err).toEqual([]);
    let t = 0;
    // Each look at the clock is a second later: the first book is checked at 1 s, the second at 2 s.
    const r = await run(['check', d, '--as-of', AS_OF], { now: () => (t += 1000) - 1000 });
    expect(r.err).toEqual(['[2/3] xa-02.xlsx: 39 nhiệm vụ', '[3/3] xa-03.xlsx: 39 nhiệm vụ']);
  });

  test('on a terminal, one bar redrawn in place, erased at the end; an unreadable book\'s line is printed whole', async () => {
    const d = await manyBooks(10);
    await fs.writeFile(path.join(d, 'xa-05.xlsx'), await fs.readFile(TRUNCATED));
    const raw: string[] = [];
    const r = await run(['check', d, '--as-of', AS_OF], { stderrTerminal: (text) => raw.push(text) });
    expect(r.err).toEqual([`cli: ${path.join(d, 'xa-05.xlsx')} bị hỏng hoặc không phải .xlsx hợp lệ (không đọc được danh mục của tệp nén: tệp có thể bị cắt cụt)`]);
    const bars = raw.filter((x) => x.trim() !== '');
    expect(bars).toHaveLength(10);
    expect(bars.every((b) => b.startsWith('\r['))).toBe(true);
    expect(bars[4]).toContain('] [5/10] xa-05.xlsx: không đọc được');
    expect(bars[9]).toMatch(/^\r\[█{24}\] \[10\/10\] xa-10\.xlsx: 39 nhiệm vụ/);
    // The last write erases the bar.
    expect(raw[raw.length - 1]).toMatch(/^\r +\r$/);
  });
});
