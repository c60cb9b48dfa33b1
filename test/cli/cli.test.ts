import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { ReportSchema } from '../../src/core/report';

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
    ['a folder', async () => dir, /không phải là tệp|not a file/],
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
