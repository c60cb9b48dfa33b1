/**
 * `npm run fixtures:writers`: the books of test/fixtures/writers/, written by programs other than
 * this project (issue 10, "Test corpus from other writers"):
 *
 * - openpyxl (Debian python3-openpyxl): scripts/fixtures/writers/openpyxl_books.py
 * - LibreOffice headless (soffice): scripts/fixtures/writers/libreoffice_books.py
 * - hand-written parts where only Excel writes the feature: scripts/fixtures/writers/excel-books.ts
 *
 * All of them are built in a temporary folder; the hand-written ones are then opened by LibreOffice
 * (converted to CSV) to show that another program reads them and finds the data. Without `--check`
 * the folder replaces test/fixtures/writers/; with `--check` it is compared byte for byte with the
 * committed files. Needs /usr/bin/python3 with openpyxl (or $PYTHON) and soffice (or $SOFFICE).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildExcelBooks, EXCEL_BOOKS } from './fixtures/writers/excel-books';
import { openInLibreOffice } from './lib/libreoffice';
import tracking from './fixtures/writers/tracking.json';
import { writeOrCheckFolder } from './lib/fixture-folder';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'test', 'fixtures', 'writers');
const SCRIPTS = path.join(__dirname, 'fixtures', 'writers');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

type Writer = 'openpyxl' | 'LibreOffice' | 'hand-written';

/** What each book holds besides the task sheet of tracking.json. */
const BOOKS: ReadonlyArray<{ readonly file: string; readonly writer: Writer; readonly holds: string }> = [
  { file: 'openpyxl-charts.xlsx', writer: 'openpyxl', holds: 'A bar chart on the task sheet and a pie chart on the "Thống kê" sheet (drawing, chart parts).' },
  { file: 'openpyxl-chartsheet.xlsx', writer: 'openpyxl', holds: 'A chart sheet "Biểu đồ" between the task sheet and its data sheet.' },
  { file: 'openpyxl-note-authors.xlsx', writer: 'openpyxl', holds: 'Notes by two authors, one of them on E6, a cell the tool marks (invalid deadline).' },
  {
    file: 'openpyxl-defined-names.xlsx',
    writer: 'openpyxl',
    holds: 'Defined names: a constant (HeSoTre), formulas (NgayBaoCao, SoNhiemVu), a sheet-scoped range (DonViChuTri), a hidden formula (_TongDiem); cells K3, K4 use them.',
  },
  { file: 'openpyxl-hyperlinks.xlsx', writer: 'openpyxl', holds: 'Internal hyperlinks from each document number to its row of "Văn bản", with tooltips; a web link with a tooltip.' },
  { file: 'openpyxl-autofilter-sort.xlsx', writer: 'openpyxl', holds: 'An AutoFilter on the table keeping two lead units (rows of the others hidden) and a sort state on the deadline.' },
  { file: 'openpyxl-page-breaks.xlsx', writer: 'openpyxl', holds: 'Manual row and column page breaks, print area and print titles (defined names), landscape A4.' },
  { file: 'openpyxl-duplicate-values.xlsx', writer: 'openpyxl', holds: 'A "duplicate values" conditional format on the document numbers and a "text contains" one on the status.' },
  { file: 'openpyxl-named-styles.xlsx', writer: 'openpyxl', holds: 'Custom named cell styles "Tiêu đề bảng" (header) and "Hạn chót" (deadlines).' },
  {
    file: 'openpyxl-table-calculated-column.xlsx',
    writer: 'openpyxl',
    holds: 'The task table as an Excel table "BangNhiemVu" whose column H has a calculated-column formula (days left).',
  },
  {
    file: 'openpyxl-whole-book.xlsx',
    writer: 'openpyxl',
    holds: 'A whole office book as a script writes it: unit registry, task sheet with a note, a list validation and a logo picture, inspections, a chart; absolute relationship targets, drawings in the default namespace.',
  },
  {
    file: 'libreoffice-native-book.xlsx',
    writer: 'LibreOffice',
    holds: 'A book made in LibreOffice Calc (from a flat ODS): merged titles, a note with its author, an AutoFilter, a drop-down from the registry sheet, named ranges and a named expression.',
  },
  {
    file: 'libreoffice-resaved-openpyxl-book.xlsx',
    writer: 'LibreOffice',
    holds: 'openpyxl-whole-book.xlsx opened and saved by LibreOffice: its parts as LibreOffice writes them (comments, VML, chart, picture, custom properties).',
  },
  { file: 'excel-xlsm-vba.xlsm', writer: 'hand-written', holds: 'A macro-enabled book (.xlsm, macroEnabled content type) with its VBA project xl/vbaProject.bin (a hand-made OLE file).' },
  { file: 'excel-threaded-comments.xlsx', writer: 'hand-written', holds: 'Threaded comments (a thread with a reply on C4, one on E6) with the persons part and Excel\'s placeholder notes and VML.' },
  { file: 'excel-external-link.xlsx', writer: 'hand-written', holds: 'An external-link part (with its cached values and path) used by formulas in column H and by a defined name.' },
  { file: 'excel-x14-validation-other-sheet.xlsx', writer: 'hand-written', holds: 'An Excel 2010 x14 list validation on the lead units taking its values from the "Danh sách" sheet, and a plain list validation on the status.' },
  { file: 'excel-data-bars-auto-min-max.xlsx', writer: 'hand-written', holds: 'Data bars on column H with automatic minimum and maximum (x14 autoMin/autoMax in the worksheet extLst).' },
  { file: 'excel-image-alt-text.xlsx', writer: 'hand-written', holds: 'A picture on the task sheet with alt text (descr) and a title.' },
  { file: 'excel-protection-sha512.xlsx', writer: 'hand-written', holds: 'Workbook structure protection, sheet protection and a protected range "Cập nhật tiến độ", each with a SHA-512 password hash.' },
];

function run(cmd: string, args: readonly string[]): void {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${cmd} ${args.join(' ')} failed: ${stderr.trim() || String(e)}`);
  }
}

/** Every hand-written book opens in LibreOffice, which finds the task sheet and its tasks. */
async function checkOpensInLibreOffice(dir: string, files: readonly string[]): Promise<void> {
  const opened = await openInLibreOffice(files.map((f) => path.join(dir, f)));
  for (const f of files) {
    const csv = opened.get(f)?.get(tracking.sheet);
    if (csv === undefined) throw new Error(`LibreOffice could not open ${f} (no CSV of "${tracking.sheet}")`);
    for (const row of tracking.rows) {
      const [, docNumber, content] = row as unknown as [number, string, string];
      if (!csv.includes(docNumber) || !csv.includes(content)) throw new Error(`LibreOffice opened ${f} but the task ${docNumber} is not in it`);
    }
  }
}

function readme(): string {
  const lines = [
    '# Books written by other programs (issue 10)',
    '',
    'Generated by `npm run fixtures:writers` (scripts/make-writer-fixtures.ts); do not edit by hand. `npm run fixtures:writers -- --check`',
    'rebuilds them in a temporary folder and compares byte for byte (it needs python3-openpyxl and LibreOffice; another',
    'version of either may write other bytes). test/preservation/ checks that the annotated copy of each keeps every part.',
    '',
    `Every book holds the office's task sheet "${tracking.sheet}" of scripts/fixtures/writers/tracking.json: two title rows`,
    '(merged), the header on row 3 (STT | Số/ký hiệu văn bản | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời hạn | Ngày hoàn thành |',
    'Tình trạng), six tasks on rows 4-9 and a signature block on rows 11-12. As of 2026-09-15 the tool finds: E4 and E8',
    'overdue, D5 unassigned, E6 invalid date ("sắp tới") and missing deadline, F8 invalid date ("30/02/2026"); E6 and F8',
    'get notes. Besides that sheet, each book holds one everyday feature:',
    '',
    '| file | written by | holds |',
    '| --- | --- | --- |',
    ...BOOKS.map((b) => `| ${b.file} | ${b.writer} | ${b.holds.replace(/\|/g, '\\|')} |`),
    '',
    'How they are made:',
    '',
    '- **openpyxl**: `scripts/fixtures/writers/openpyxl_books.py` with openpyxl as Debian ships it (3.0.9 here). openpyxl',
    '  writes absolute relationship targets (`/xl/worksheets/sheet1.xml`) and drawings in the default namespace. The',
    '  document dates and zip timestamps are fixed afterwards so that the bytes repeat.',
    '- **LibreOffice**: `scripts/fixtures/writers/libreoffice_books.py` runs `soffice --headless --convert-to xlsx`',
    '  (LibreOffice 7.4 here, which writes no theme part) on a flat ODS it builds and on the openpyxl whole book. Zip',
    '  timestamps are fixed and the random chart axis ids renumbered; nothing else is changed.',
    '- **hand-written**: `scripts/fixtures/writers/excel-books.ts` assembles the parts as Excel 2016+ writes them',
    '  (`ooxml-package.ts`), zipped with fflate. The script checks that LibreOffice opens each of them and finds every task.',
    '',
  ];
  return lines.join('\n');
}

async function build(dir: string): Promise<void> {
  run(PYTHON, [path.join(SCRIPTS, 'openpyxl_books.py'), dir]);
  for (const [file, bytes] of buildExcelBooks()) await fs.writeFile(path.join(dir, file), bytes);
  run(PYTHON, [path.join(SCRIPTS, 'libreoffice_books.py'), dir]);
  await checkOpensInLibreOffice(
    dir,
    EXCEL_BOOKS.map((b) => b.file),
  );
  await fs.writeFile(path.join(dir, 'README.md'), readme());
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-writers-'));
  try {
    await build(tmp);
    const built = (await fs.readdir(tmp)).sort();
    const expected = [...BOOKS.map((b) => b.file), 'README.md'].sort();
    if (built.join('\n') !== expected.join('\n')) throw new Error(`the scripts built ${built.join(', ')}; the list says ${expected.join(', ')}`);
    const outputs = new Map<string, Uint8Array>();
    for (const name of built) outputs.set(name, await fs.readFile(path.join(tmp, name)));
    await writeOrCheckFolder(outputs, { script: 'make-writer-fixtures', dir: OUT_DIR, check, counted: { what: 'books', n: BOOKS.length } });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`make-writer-fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
