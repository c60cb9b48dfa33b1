import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { ReportSchema } from '../../src/core/report';
import { bookWithPictureOnKqSheet, buildPackage, MAIN, sharedStrings, TASK_XML, worksheet } from '../helpers/handmade-package';
import { readParts } from '../helpers/package-parts';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-cli-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function taskBook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(['ỦY BAN NHÂN DÂN XÃ MỸ HÒA']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành']);
  ws.addRow([1, '12/UBND', 'Báo cáo quý', 'Phòng Nội vụ', new Date(Date.UTC(2026, 5, 30)), null]);
  ws.addRow([2, '13/UBND', 'Rà soát hồ sơ', '', '15/07/2026', '10/07/2026']);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

describe('check command', () => {
  test('prints a summary, writes the report and exits 0', async () => {
    const input = await taskBook('ok.xlsx');
    const json = path.join(dir, 'ok.json');
    const r = await run('check', input, '--as-of', '2026-08-01', '--json', json, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.join('\n')).toContain('overdue');
    expect(r.out.join('\n')).toContain('Phòng Nội vụ');
    const report = ReportSchema.parse(JSON.parse(await fs.readFile(json, 'utf8')));
    expect(report.asOf).toBe('2026-08-01');
    expect(report.rules).toBe('2026');
    expect(report.findings.map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(['D5 unassigned', 'E4 overdue']);
  });

  test('never changes the input, even when it writes an annotated copy', async () => {
    const input = await taskBook('keep.xlsx');
    const before = await fs.readFile(input);
    const out = path.join(dir, 'keep-annotated.xlsx');
    const r = await run('check', input, '--as-of', '2026-08-01', '--out', out);
    expect(r.code).toBe(0);
    expect(Buffer.compare(before, await fs.readFile(input))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Nhiệm vụ', 'KQ Đánh giá', 'KQ Kiểm tra']));
  });

  test('refuses to write the annotated copy over the input', async () => {
    const input = await taskBook('same.xlsx');
    const r = await run('check', input, '--out', input);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/INPUT/);
  });

  test('a workbook with no tracking sheet is not an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Chỉ là ghi chú']);
    const input = path.join(dir, 'notes.xlsx');
    await wb.xlsx.writeFile(input);
    const json = path.join(dir, 'notes.json');
    const r = await run('check', input, '--json', json, '--as-of', '2026-01-05');
    expect(r.code).toBe(0);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('Ghi chú');
    const report = ReportSchema.parse(JSON.parse(await fs.readFile(json, 'utf8')));
    expect(report.sheets).toEqual([]);
    expect(report.tasks).toEqual([]);
    expect(report.ignoredSheets.map((s) => s.name)).toEqual(['Ghi chú']);
  });

  test.each([
    ['a missing file', async () => path.join(dir, 'nope.xlsx'), /không tìm thấy|not found/],
    ['a text file', async () => write('plain.xlsx', 'hello, this is not a workbook'), /không phải tệp Excel|not an Excel/],
    ['a truncated zip', async () => write('cut.xlsx', (await fs.readFile(await taskBook('full.xlsx'))).subarray(0, 300)), /hỏng|damaged/],
    [
      'a password-protected workbook',
      async () => write('locked.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])),
      /mật khẩu|password/,
    ],
    // SPEC 1.3 §7: a folder stands for the books in it; one without any is refused.
    ['a folder without any book', async () => fs.mkdtemp(path.join(dir, 'empty-')), /không có sổ \.xlsx hay \.xlsm nào/],
  ])('exits 2 with one line for %s', async (_name, make, pattern) => {
    const r = await run('check', await make());
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(pattern);
  });

  test.each([
    [['check', 'x.xlsx', '--as-of', '2026-02-30']],
    [['check', 'x.xlsx', '--rules', '2024']],
    [['check', 'x.xlsx', '--lang', 'fr']],
    [['check', 'x.xlsx', '--json']],
    [['check', 'x.xlsx', '--colour', 'red']],
    [['check']],
    [['verify', 'x.xlsx']],
  ])('exits 2 with one line for bad arguments %j', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
  });

  test('no command: the usage on standard error, exit 2', async () => {
    const r = await run();
    expect(r).toEqual({ code: 2, out: [], err: [expect.stringMatching(/^Cách dùng: cli check INPUT\.xlsx .*\[--rules 2023\|2026\]/)] });
  });

  test.each([[['--help']], [['-h']], [['check', '--help']], [['--help', '--lang', 'en']]])('%j: the usage on standard output, exit 0', async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(argv.includes('en') ? /^Usage: cli check INPUT\.xlsx / : /^Cách dùng: cli check INPUT\.xlsx /);
    expect(r.out[0]).toContain('[--rules 2023|2026]');
  });

  test('speaks English on request, also in errors', async () => {
    const r = await run('check', path.join(dir, 'nope.xlsx'), '--lang', 'en');
    expect(r.err[0]).toMatch(/file not found/);
  });
});

async function write(name: string, data: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, data);
  return p;
}

// ------------------------------------------------------------------ issue 10: the package layer

/** A small task sheet by hand: as of 2026-08-01, B2's task is overdue (deadline 2026-06-30 = serial 46203). */
const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 9, 8, 7]);

async function macroBook(name: string): Promise<string> {
  const bytes = buildPackage({
    sheets: [{ name: 'Nhiệm vụ', xml: TASK_XML }],
    macro: true,
    extra: { 'xl/vbaProject.bin': VBA },
    overrides: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
  });
  return write(name, bytes);
}

describe('.xlsm and the kind of the copy', () => {
  test('a book with macros is annotated under an .xlsm name, its VBA project and macro content type kept', async () => {
    const input = await macroBook('macro.xlsm');
    const out = path.join(dir, 'macro (KQ).xlsm');
    const r = await run('check', input, '--as-of', '2026-08-01', '--out', out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const parts = readParts(await fs.readFile(out));
    expect(Buffer.from(parts['xl/vbaProject.bin']!)).toEqual(Buffer.from(VBA));
    expect(Buffer.from(parts['[Content_Types].xml']!).toString()).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  test.each([
    ['an .xlsm copied to .xlsx (Excel would refuse the file, and the macros would be lost)', 'm.xlsm', 'copy.xlsx', 'xlsm'],
    ['an .xlsx copied to .xlsm', 'plain.xlsx', 'copy.xlsm', 'xlsx'],
    ['a copy without an extension', 'plain2.xlsx', 'copy', 'xlsx'],
  ])('%s is a bad argument: exit 2, one line, nothing written', async (_what, inputName, outName, kind) => {
    const input = inputName.endsWith('.xlsm') ? await macroBook(inputName) : await write(inputName, buildPackage({ sheets: [{ name: 'Nhiệm vụ', xml: TASK_XML }] }));
    const out = path.join(dir, outName);
    const r = await run('check', input, '--out', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`cli: --out must end in .${kind} like INPUT (a book with macros keeps them under an .xlsm name), not ${out}`]);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe('what a copy cannot keep is said, never silent', () => {
  test('a picture on a sheet named like the add-in\'s own: stderr says so and the report lists it', async () => {
    const bytes = bookWithPictureOnKqSheet();
    const input = await write('kq-with-picture.xlsx', bytes);
    const json = path.join(dir, 'kq-with-picture.json');
    const r = await run('check', input, '--as-of', '2026-08-01', '--json', json, '--out', path.join(dir, 'kq-with-picture (KQ).xlsx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toEqual(['The annotated copy could not keep an image (xl/media/image1.png); the original file is untouched.']);
    const report = ReportSchema.parse(JSON.parse(await fs.readFile(json, 'utf8')));
    expect(report.notKept).toEqual([{ part: 'xl/media/image1.png', what: 'image' }]);
  });

  test('a report of a copy that kept everything has no notKept field', async () => {
    const input = await taskBook('kept.xlsx');
    const json = path.join(dir, 'kept.json');
    const r = await run('check', input, '--as-of', '2026-08-01', '--json', json, '--out', path.join(dir, 'kept (KQ).xlsx'));
    expect(r.err).toEqual([]);
    expect(JSON.parse(await fs.readFile(json, 'utf8'))).not.toHaveProperty('notKept');
  });
});

describe('damaged and hostile packages: exit 2 and one line', () => {
  test.each([
    [
      'a DOCTYPE in a sheet',
      () => buildPackage({ sheets: [{ name: 'Nhiệm vụ', xml: `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }] }),
      'cli: {input} is refused: the part xl/worksheets/sheet1.xml has a DTD declaration (Excel never writes one; the file may be hostile)',
    ],
    [
      'a shared-string index out of range',
      () => buildPackage({ sheets: [{ name: 'Nhiệm vụ', xml: worksheet('<row r="2"><c r="C2" t="s"><v>7</v></c></row>') }], sharedStrings: sharedStrings(['<t>a</t>']) }),
      'cli: {input} is damaged: cell C2 of sheet "Nhiệm vụ" points to shared string 7, but the book has 1',
    ],
    [
      'a cell beyond Excel\'s grid',
      () => buildPackage({ sheets: [{ name: 'Nhiệm vụ', xml: worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>') }] }),
      'cli: {input} is damaged: sheet "Nhiệm vụ" has a cell XFE1 outside Excel\'s grid (at most XFD1048576)',
    ],
  ])('%s', async (_what, make, line) => {
    const input = await write(`hostile-${Math.random().toString(36).slice(2)}.xlsx`, make());
    const r = await run('check', input, '--lang', 'en', '--json', path.join(dir, 'never.json'));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([line.replace('{input}', input)]);
    await expect(fs.stat(path.join(dir, 'never.json'))).rejects.toThrow();
  });
});
