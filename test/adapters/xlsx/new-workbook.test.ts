/**
 * The package layer's "new workbook" entry point (SPEC §7's "KQ tổng hợp.xlsx"), the late-share
 * chart, and links into another book. Read back with ExcelJS and fflate/xmldom (independent of the
 * adapter), and opened in LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { newXlsx, XlsxWorkbook } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { fileLinkTarget } from '../../../src/adapters/xlsx/owned-sheet-xml';
import type { BookSummary } from '../../../src/core/books';
import { booksSummarySheet } from '../../../src/core/books-sheets';
import type { OwnedSheet } from '../../../src/core/owned-sheets';
import { SUMMARY_SHEET } from '../../../src/core/presentation';
import { openInLibreOffice, sofficeCommand } from '../../../scripts/lib/libreoffice';
import { elements, partText, partXml, readParts, relsOf, sheetPartOf } from '../../helpers/package-parts';

// Two commune books as the acceptance sample's expected report counts them (39 tasks: 24 on time,
// 4 late, 5 overdue, 6 not yet due; 8 errors, 5 warnings, 9 units), and one with nothing due.
const ROWS: BookSummary[] = [
  { file: 'xa-my-hoa.xlsx', tasks: 39, due: 33, doneOnTime: 24, doneLate: 4, openOverdue: 5, lateShare: 9 / 33, errors: 8, warnings: 5, units: 9 },
  { file: 'xa-thanh-loi.xlsx', tasks: 2, due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 0, lateShare: 0, errors: 0, warnings: 1, units: 1 },
];

async function summaryBook(): Promise<Uint8Array> {
  const book = await newXlsx(nodePlatform);
  await book.writeOwnedSheets([booksSummarySheet(ROWS, '2023-09-15', 'vi')]);
  return book.toBuffer();
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-new-book-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('a new workbook holding the several-books summary', () => {
  test('ExcelJS reads one sheet, its title, header and one row per book, the late share as a percentage', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryBook()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ KIỂM TRA CÁC SỔ THEO DÕI NHIỆM VỤ');
    expect(ws.getCell('A2').value).toBe('2 sổ, mỗi sổ được kiểm tra riêng; tính đến ngày 15/09/2023');
    // Two title lines, a blank row, then the table's header on row 4.
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      'Sổ theo dõi', 'Nhiệm vụ', 'Đến hạn', 'Đúng hạn', 'Hoàn thành trễ', 'Quá hạn chưa xong', 'Tỷ lệ trễ hạn', 'Lỗi', 'Cảnh báo', 'Đơn vị',
    ]);
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['xa-my-hoa.xlsx', 39, 33, 24, 4, 5, 9 / 33, 8, 5, 9]);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['xa-thanh-loi.xlsx', 2, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(ws.getCell('G5').numFmt).toBe('0.0%');
  });

  test('the rows are a real Excel table, and a bar chart of the late share per book reads them', async () => {
    const parts = readParts(await summaryBook());
    const sheet = sheetPartOf(parts, SUMMARY_SHEET);
    const table = relsOf(parts, sheet).find((r) => r.type === 'table')!;
    const t = partXml(parts, table.part);
    expect([t.getAttribute('name'), t.getAttribute('ref')]).toEqual(['KQ_TongHop', 'A4:J6']);
    expect(elements(t, 'tableColumn')).toHaveLength(10);
    const drawing = relsOf(parts, sheet).find((r) => r.type === 'drawing')!;
    const chart = relsOf(parts, drawing.part).find((r) => r.type === 'chart')!;
    const c = partXml(parts, chart.part);
    expect(elements(c, 'barChart')).toHaveLength(1);
    const formulas = elements(c, 'f').map((f) => f.textContent);
    expect(formulas).toEqual(["'KQ Tổng hợp'!$G$4", "'KQ Tổng hợp'!$A$5:$A$6", "'KQ Tổng hợp'!$G$5:$G$6"]);
    // A share runs from 0 to 1 (100 %), not to the scores' 100 points.
    expect(elements(c, 'max')[0]!.getAttribute('val')).toBe('1');
    // The cached points: the series' name (the header), the books, the shares.
    expect(elements(c, 'pt').map((p) => p.textContent)).toEqual(['Tỷ lệ trễ hạn', 'xa-my-hoa.xlsx', 'xa-thanh-loi.xlsx', String(9 / 33), '0']);
    expect(elements(c, 'formatCode')[0]!.textContent).toBe('0.0%');
  });

  test('it reopens in the package reader, and writing it again gives the same bytes', async () => {
    const first = await summaryBook();
    const again = await XlsxWorkbook.open(first, nodePlatform);
    expect((await again.readBook()).sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET]);
    await again.writeOwnedSheets([booksSummarySheet(ROWS, '2023-09-15', 'vi')]);
    expect(Buffer.compare(Buffer.from(await again.toBuffer()), Buffer.from(first))).toBe(0);
  });

  test('LibreOffice opens it and reads the same values, the late share as a percentage', async () => {
    const file = path.join(tmp, 'KQ tổng hợp.xlsx');
    await fs.writeFile(file, await summaryBook());
    const csv = (await openInLibreOffice([file])).get('KQ tổng hợp.xlsx')!.get(SUMMARY_SHEET)!;
    const lines = csv.trim().split('\n');
    // The CSV export writes the values in full, with the percent sign of the cell's format: 9/33 = 27.27…%.
    expect(lines).toContainEqual(expect.stringMatching(/^xa-my-hoa\.xlsx,39,33,24,4,5,27\.27(27)*\d*%,8,5,9$/));
    expect(lines).toContain('xa-thanh-loi.xlsx,2,0,0,0,0,0%,0,1,1');
  });
});

describe('links into another book (several books read together)', () => {
  const OTHER = 'xã Mỹ Hòa #2.xlsx';
  const sheet: OwnedSheet = {
    name: 'KQ Kiểm tra',
    title: [],
    columns: [
      { header: 'Sổ', width: 20 },
      { header: 'Ô', width: 8 },
    ],
    rows: [
      ['quy-3.xlsx', 'D7'],
      [OTHER, 'D8'],
    ],
    tableName: 'KQ_KiemTra',
    links: [
      { row: 0, col: 1, sheet: 'Nhiệm vụ', cell: 'D7' },
      { row: 1, col: 1, sheet: 'Nhiệm vụ', cell: 'D8', file: OTHER },
    ],
  };

  async function written(): Promise<Uint8Array> {
    const book = await newXlsx(nodePlatform);
    await book.writeOwnedSheets([sheet]);
    return book.toBuffer();
  }

  test('a file name becomes a relative reference: what would change its meaning is escaped, letters are kept', () => {
    expect(fileLinkTarget('xã Mỹ Hòa #2.xlsx')).toBe('xã%20Mỹ%20Hòa%20%232.xlsx');
    expect(fileLinkTarget('100% ?.xlsx')).toBe('100%25%20%3F.xlsx');
    expect(fileLinkTarget('quy-3.xlsx')).toBe('quy-3.xlsx');
  });

  test('a link into this book is a location; one into another book names that file by an external relationship, and the cell by its location', async () => {
    const parts = readParts(await written());
    const part = sheetPartOf(parts, 'KQ Kiểm tra');
    const links = elements(partXml(parts, part), 'hyperlink').map((h) => ({ ref: h.getAttribute('ref'), id: h.getAttribute('r:id'), location: h.getAttribute('location') }));
    expect(links).toEqual([
      { ref: 'B2', id: null, location: "'Nhiệm vụ'!$D$7" },
      { ref: 'B3', id: expect.stringMatching(/^rId\d+$/), location: "'Nhiệm vụ'!$D$8" },
    ]);
    const rels = elements(partXml(parts, part.replace(/([^/]+)$/, '_rels/$1.rels')), 'Relationship');
    const rel = rels.find((r) => r.getAttribute('Id') === links[1]!.id)!;
    expect([rel.getAttribute('Type')!.replace(/.*\//, ''), rel.getAttribute('Target'), rel.getAttribute('TargetMode')]).toEqual(['hyperlink', 'xã%20Mỹ%20Hòa%20%232.xlsx', 'External']);
    expect(partText(parts, '[Content_Types].xml')).toContain('table+xml');
  });

  test('LibreOffice resolves the link to the other file beside the book, at the cell', async () => {
    const dir = await fs.mkdtemp(path.join(tmp, 'links-'));
    const file = path.join(dir, 'quy-3.xlsx');
    await fs.writeFile(file, await written());
    const r = spawnSync(sofficeCommand(), [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'html', '--outdir', dir, file], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status).toBe(0);
    const html = await fs.readFile(path.join(dir, 'quy-3.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!.replace(/&amp;/g, '&')));
    expect(hrefs).toContain(`file://${dir}/${OTHER}#'Nhiệm vụ'!$D$8`);
  });

  test('writing the sheet again replaces its links, their relationships with them', async () => {
    const once = await written();
    const book = await XlsxWorkbook.open(once, nodePlatform);
    await book.writeOwnedSheets([sheet]);
    expect(Buffer.compare(Buffer.from(await book.toBuffer()), Buffer.from(once))).toBe(0);
  });
});
