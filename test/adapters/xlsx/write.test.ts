/**
 * The write side of the xlsx package adapter, end to end: real .xlsx bytes in (written by ExcelJS),
 * the real pipeline, bytes out, reloaded with ExcelJS as an independent reader and inspected.
 */
import { FINDINGS_SHEET, HELPER_SHEET, SCORES_SHEET } from '../../../src/core/presentation';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { hyperlinksOf, readParts } from '../../helpers/package-parts';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { NOTE_PREFIX, markFormula, overdueFormula, planFlags, unassignedFormula } from '../../../src/core/flag-plan';
import { scoresSheet } from '../../../src/core/owned-sheets';
import type { Report } from '../../../src/core/report';
import { checkBook, checkFlagAndScore, clearAllFlags } from '../../../src/usecases/check-workbook';

function open(buf: Uint8Array | Buffer): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(buf, nodePlatform);
}

const AS_OF = '2026-08-01';
const TASKS = 'Nhiệm vụ';
const REGISTRY = 'Danh mục đơn vị';
/** An apostrophe in the name exercises the quoting of links. */
const QUARTER = "Việc Q3's";
const USER_SHEETS = [TASKS, REGISTRY, QUARTER];

const USER_NOTE = { texts: [{ font: { bold: true }, text: 'Lưu ý: ' }, { text: 'hỏi lại phòng Tư pháp' }] };

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Excel 1900 serial of a date after 1900-03-01. */
function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function fill(argb: string): Partial<ExcelJS.Style> {
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } };
}

/** A tracking workbook as an office keeps it: banner, title, blank row, table, footer. */
async function originalBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TASKS);
  ws.addRow(['ỦY BAN NHÂN DÂN XÃ MỸ HÒA']);
  ws.mergeCells('A1:G1');
  ws.addRow(['BẢNG THEO DÕI NHIỆM VỤ NĂM 2026']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng']);
  ws.addRow([1, '12/UBND', 'Báo cáo quý', 'Phòng Nội vụ', utc(2026, 6, 30), null, 'Đang thực hiện']); // overdue
  ws.addRow([2, '13/UBND', 'Rà soát hồ sơ', '', '15/07/2026', '10/07/2026', 'Hoàn thành']); // unassigned
  ws.addRow([3, '14/UBND', 'Kiểm tra công vụ', 'Phòng Tư pháp', 'sắp tới', null, null]); // invalid date
  ws.addRow([]);
  ws.addRow([4, '15/UBND', 'Tổng kết', 'Phòng Nội vụ', '20/06/2026', null, null]); // overdue, text date
  ws.addRow([5, '16/UBND', 'Báo cáo năm', 'Văn phòng', utc(2026, 12, 31), null, null]); // unknown unit
  ws.addRow([]);
  ws.addRow([null, null, 'Người lập biểu']);
  ws.getCell('E7').note = USER_NOTE;
  ws.addConditionalFormatting({
    ref: 'A5:G10',
    rules: [{ type: 'expression', priority: 1, formulae: ['MOD(ROW(),2)=0'], style: fill('FFEEEEEE') }],
  });

  const reg = wb.addWorksheet(REGISTRY);
  reg.addRow(['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu']);
  reg.addRow(['Phòng Nội vụ', 'Phòng chuyên môn', 'Nguyễn Văn A']);
  reg.addRow(['Phòng Tư pháp', 'Phòng chuyên môn', 'Trần Thị B']);

  const q = wb.addWorksheet(QUARTER);
  q.addRow(['Nhiệm vụ', 'Chủ trì', 'Hạn xử lý']);
  q.addRow(['Họp tổ công tác', 'Phòng Nội vụ', '01.07.2026']); // overdue, text date
  q.addConditionalFormatting({
    ref: 'A2:A20',
    rules: [{ type: 'cellIs', operator: 'equal', priority: 5, formulae: ['"Họp"'], style: fill('FFCCFFCC') }],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(buf: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

async function annotate(buf: Uint8Array | Buffer, times = 1): Promise<{ bytes: Uint8Array; report: Report }> {
  const port = await open(buf);
  let report: Report | undefined;
  for (let i = 0; i < times; i++) report = (await checkFlagAndScore(port, { asOf: AS_OF })).report;
  return { bytes: await port.toBuffer(), report: report! };
}

async function reportOf(buf: Uint8Array | Buffer): Promise<Report> {
  return (await checkBook(await open(buf), { asOf: AS_OF })).report;
}

type Cf = ExcelJS.ConditionalFormattingOptions;

function cfOf(ws: ExcelJS.Worksheet): Cf[] {
  return (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
}

/** Plain data; ExcelJS draws a fresh x14 id for extension rules (data bars) on every save. */
function plainCf(ws: ExcelJS.Worksheet): unknown {
  return JSON.parse(JSON.stringify(cfOf(ws), (key, value: unknown) => (key === 'x14Id' ? undefined : value)));
}

function notesOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    for (let c = 1; row && c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell?.note !== undefined) out[cell.address] = JSON.parse(JSON.stringify(cell.note));
    }
  }
  return out;
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  return ((note as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

interface TableModel {
  name: string;
  tableRef: string;
  headerRow: boolean;
  style: { theme: string };
  columns: { name: string }[];
}

function tableOf(ws: ExcelJS.Worksheet, name: string): TableModel {
  return (ws.getTable(name) as unknown as { model: TableModel }).model;
}

/** Everything of a sheet the add-in must leave alone, or reproduce exactly. */
function snapshot(ws: ExcelJS.Worksheet) {
  return {
    name: ws.name,
    state: ws.state,
    values: JSON.parse(JSON.stringify(ws.getSheetValues())) as unknown,
    notes: notesOf(ws),
    cf: plainCf(ws),
    merges: [...ws.model.merges].sort(),
    views: JSON.parse(JSON.stringify(ws.views)) as unknown,
    tables: Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).sort(),
  };
}

function bookSnapshot(wb: ExcelJS.Workbook, only?: readonly string[]) {
  return wb.worksheets.filter((ws) => !only || only.includes(ws.name)).map(snapshot);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

let original: Buffer;
let once: { bytes: Uint8Array; report: Report };
let before: ExcelJS.Workbook;

/** A fresh load for each test: merely reading a cell with getCell creates it in ExcelJS. */
function annotatedBook(): Promise<ExcelJS.Workbook> {
  return load(once.bytes);
}

beforeAll(async () => {
  original = await originalBook();
  once = await annotate(original);
  before = await load(original);
});

describe('the workbook under test', () => {
  test('has the findings the flags are about', () => {
    const found = once.report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
    expect(found).toEqual([
      `${TASKS}!E5 overdue`,
      `${TASKS}!D6 unassigned`,
      `${TASKS}!E7 invalid-date`,
      `${TASKS}!E7 missing-deadline`,
      `${TASKS}!E9 overdue`,
      `${TASKS}!D10 unknown-unit`,
      `${QUARTER}!C2 overdue`,
    ]);
  });
});

describe('flags in place', () => {
  test('never change a value, a merge or a sheet of the user', async () => {
    const annotated = await annotatedBook();
    expect(bookSnapshot(annotated, USER_SHEETS).map(({ name, values, merges }) => ({ name, values, merges }))).toEqual(
      bookSnapshot(before).map(({ name, values, merges }) => ({ name, values, merges })),
    );
  });

  test('add one live overdue rule, one unassigned rule and one rule per severity, after the user rule', async () => {
    const annotated = await annotatedBook();
    const plan = planFlags(once.report).sheets[0]!;
    const cf = cfOf(sheet(annotated, TASKS));
    expect(cf[0]).toEqual(cfOf(sheet(before, TASKS))[0]);
    const ours = cf.slice(1).map((c) => {
      const rule = c.rules[0] as ExcelJS.ExpressionRuleType;
      return { ref: c.ref, n: c.rules.length, priority: rule.priority, formula: rule.formulae?.[0], fill: rule.style?.fill, font: rule.style?.font ?? null };
    });
    // The look Excel's own flags have (the Office adapter writes the same): light red with dark red
    // text, red with white text, then orange and yellow keeping the cell's font.
    const solid = (argb: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });
    const font = (argb: string) => ({ color: { argb } });
    expect(ours).toEqual([
      { ref: 'B5:G7 B9:G10', n: 1, priority: 2, formula: overdueFormula(plan, 4), fill: solid('FFFFC7CE'), font: font('FF9C0006') },
      { ref: 'D5:D7 D9:D10', n: 1, priority: 3, formula: unassignedFormula(plan, 4), fill: solid('FFFF0000'), font: font('FFFFFFFF') },
      { ref: 'E7', n: 1, priority: 4, formula: markFormula('error'), fill: solid('FFFFC000'), font: null },
      { ref: 'D10', n: 1, priority: 5, formula: markFormula('warning'), fill: solid('FFFFFF00'), font: null },
    ]);
    // Relative to the top-left of the first block; text dates come from the helper sheet.
    expect(ours[0]!.formula).toContain(`IF(LEN(TRIM($E5))=0,"",'${HELPER_SHEET}'!$A5)`);
    expect(ours[0]!.formula).toContain(`IF(ISNUMBER('${HELPER_SHEET}'!$B5),'${HELPER_SHEET}'!$B5<=TODAY()`);
    expect(ours[0]!.formula).toContain('LEN(TRIM($F5))=0');
    expect(ours[1]!.formula).toContain('$D5');
  });

  test('number the rules of each sheet after that sheet\'s own rules, using two helper columns per sheet', async () => {
    const annotated = await annotatedBook();
    const cf = cfOf(sheet(annotated, QUARTER));
    expect(cf[0]).toEqual(cfOf(sheet(before, QUARTER))[0]);
    expect(cf.slice(1).map((c) => [c.ref, c.rules[0]!.priority])).toEqual([
      ['A2:C2', 6],
      ['B2', 7],
    ]);
    expect((cf[1]!.rules[0] as ExcelJS.ExpressionRuleType).formulae?.[0]).toContain(`'${HELPER_SHEET}'!$C2`);
    expect(cfOf(sheet(annotated, REGISTRY))).toEqual([]);
  });

  test('keep the dates the engine read in a very hidden helper sheet, on the task rows', async () => {
    const annotated = await annotatedBook();
    const helper = sheet(annotated, HELPER_SHEET);
    expect(helper.state).toBe('veryHidden');
    const values = (addr: string) => helper.getCell(addr).value;
    expect([values('A5'), values('A6'), values('A7'), values('A9'), values('A10')]).toEqual([
      serial(2026, 6, 30),
      serial(2026, 7, 15),
      null,
      serial(2026, 6, 20),
      serial(2026, 12, 31),
    ]);
    // Completion dates beside them (row 6 was completed on 10/07/2026, written as text).
    expect([values('B5'), values('B6'), values('B7')]).toEqual([null, serial(2026, 7, 10), null]);
    // The second task sheet's deadlines in column C.
    expect(values('C2')).toBe(serial(2026, 7, 1));
  });

  test('note the other findings, but never over a note of the user', async () => {
    const annotated = await annotatedBook();
    const notes = notesOf(sheet(annotated, TASKS));
    expect(Object.keys(notes).sort()).toEqual(['D10', 'E7']);
    expect(notes.E7).toEqual(notesOf(sheet(before, TASKS)).E7);
    expect(noteText(notes.E7)).toBe('Lưu ý: hỏi lại phòng Tư pháp');
    const ours = noteText(notes.D10);
    expect(ours.startsWith(NOTE_PREFIX)).toBe(true);
    expect(ours).toContain(once.report.findings.find((f) => f.cell === 'D10')!.message);
    expect(notesOf(sheet(annotated, QUARTER))).toEqual({});
  });

  test('twice leave the same flags and sheets as once', async () => {
    const annotated = await annotatedBook();
    const twice = await load((await annotate(original, 2)).bytes);
    expect(bookSnapshot(twice)).toEqual(bookSnapshot(annotated));
  });

  test('clear flags restores the user sheets exactly, after a save or in the same session', async () => {
    const port = await open(once.bytes);
    await clearAllFlags(port);
    const cleared = await load(await port.toBuffer());
    expect(cleared.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, SCORES_SHEET, FINDINGS_SHEET]);
    expect(bookSnapshot(cleared, USER_SHEETS)).toEqual(bookSnapshot(before));

    const session = await open(original);
    await checkFlagAndScore(session, { asOf: AS_OF });
    await clearAllFlags(session);
    expect(bookSnapshot(await load(await session.toBuffer()), USER_SHEETS)).toEqual(bookSnapshot(before));
  });
});

describe('KQ sheets', () => {
  test('come after the user sheets, the helper sheet hidden', async () => {
    const annotated = await annotatedBook();
    expect(annotated.worksheets.map((w) => [w.name, w.state])).toEqual([
      [TASKS, 'visible'],
      [REGISTRY, 'visible'],
      [QUARTER, 'visible'],
      [HELPER_SHEET, 'veryHidden'],
      [SCORES_SHEET, 'visible'],
      [FINDINGS_SHEET, 'visible'],
    ]);
  });

  test('scores: bold title, then a table with one row per unit, a score format and a bar chart', async () => {
    const annotated = await annotatedBook();
    const ws = sheet(annotated, SCORES_SHEET);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBeNull();
    const headers = scoresSheet(once.report, 'vi').columns.map((c) => c.header);
    const table = tableOf(ws, 'KQ_DanhGia');
    expect(table.tableRef).toBe('A4:M7');
    expect(table.headerRow).toBe(true);
    expect(table.style.theme).toBe('TableStyleMedium2');
    expect(table.columns.map((c) => c.name)).toEqual(headers);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(headers);
    expect([5, 6, 7].map((r) => ws.getCell(r, 1).value)).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp', 'Văn phòng']);
    expect(ws.getCell('K5').value).toBe(30);
    expect(ws.getCell('K5').numFmt).toBe('0.0');
    expect(ws.getCell('E5').numFmt).toBe('0');
    expect(ws.getColumn(1).width).toBe(36);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: 'A5' });
    expect(cfOf(ws)).toEqual([]);
  });

  test('scores: a real bar chart part (ExcelJS could not draw one), its series the score column by unit, its cache the scores', () => {
    const parts = unzipSync(once.bytes);
    const text = (name: string) => strFromU8(parts[name]!);
    // Follow the relationships: workbook → the scores sheet → its drawing → the chart.
    const wbRels = text('xl/_rels/workbook.xml.rels');
    const rId = new RegExp(`<sheet name="${SCORES_SHEET}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(text('xl/workbook.xml'))![1];
    const sheet = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(wbRels)![1]!;
    const sheetRels = text(`xl/${sheet.replace('worksheets/', 'worksheets/_rels/')}.rels`);
    const drawing = /relationships\/drawing" Target="([^"]+)"/.exec(sheetRels)![1]!.replace('../', 'xl/');
    const drawingRels = text(drawing.replace('drawings/', 'drawings/_rels/') + '.rels');
    const chart = text(/Target="([^"]+)"/.exec(drawingRels)![1]!.replace('../', 'xl/'));
    expect(chart).toContain('<c:barChart><c:barDir val="bar"/>');
    expect(chart).toContain(`<c:f>'${SCORES_SHEET}'!$K$5:$K$7</c:f>`);
    expect(chart).toContain(`<c:f>'${SCORES_SHEET}'!$A$5:$A$7</c:f>`);
    const cached = [...chart.matchAll(/<c:numCache>.*?<\/c:numCache>/g)][0]![0];
    expect([...cached.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(once.report.units.map((u) => u.score));
    expect(text('[Content_Types].xml')).toContain('ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
  });

  test('findings: one row per finding, each linking to its cell (a place in this workbook, as Excel writes internal links)', async () => {
    const annotated = await annotatedBook();
    const ws = sheet(annotated, FINDINGS_SHEET);
    const table = tableOf(ws, 'KQ_KiemTra');
    const n = once.report.findings.length;
    expect(table.tableRef).toBe(`A4:F${4 + n}`);
    expect(table.columns.map((c) => c.name)).toEqual(['Trang tính', 'Ô', 'Quy tắc', 'Mức độ', 'Nội dung', 'Mã quy tắc']);
    const byCell = new Map(hyperlinksOf(readParts(once.bytes), FINDINGS_SHEET).map((h) => [h.ref, h]));
    const links: string[] = [];
    for (let r = 5; r < 5 + n; r++) {
      const target = ws.getCell(r, 1).value as string;
      const text = ws.getCell(r, 2).value as string;
      expect(text).toMatch(/^[A-Z]+\d+$/);
      const link = byCell.get(`B${r}`)!;
      expect(link.display).toBe(text);
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(link.location);
      expect(m).not.toBeNull();
      const [, quoted, col, row] = m!;
      expect(quoted!.replace(/''/g, "'")).toBe(target);
      expect(`${col}${row}`).toBe(text);
      expect(annotated.getWorksheet(target)).toBeDefined();
      links.push(`${target}!${text}`);
    }
    expect(byCell.size).toBe(n);
    expect(links.sort()).toEqual(once.report.findings.map((f) => `${f.sheet}!${f.cell}`).sort());
    expect(byCell.get('B5')).toEqual({ ref: 'B5', location: `'${TASKS}'!$E$5`, display: 'E5' });
    expect(byCell.get(`B${4 + n}`)).toEqual({ ref: `B${4 + n}`, location: "'Việc Q3''s'!$C$2", display: 'C2' });
    expect(String(ws.getCell(2, 1).value)).toContain('Tính đến ngày 01/08/2026');
    expect(String(ws.getCell(2, 1).value)).not.toContain('2026-08-01');
    // Both are overdue deadlines: the rule in words for people (issue 12), its code in the last column.
    for (const r of [5, 4 + n]) {
      expect(ws.getCell(r, 3).value).toBe('Quá hạn');
      expect(ws.getCell(r, 6).value).toBe('overdue');
    }
  });

  test('a workbook without findings still gets a valid table, with one blank row', async () => {
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet(REGISTRY);
    reg.addRow(['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu']);
    reg.addRow(['Phòng Nội vụ', 'Phòng chuyên môn', 'Nguyễn Văn A']);
    const { bytes, report } = await annotate(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(report.findings).toEqual([]);
    const out = await load(bytes);
    expect(out.getWorksheet(HELPER_SHEET)).toBeUndefined();
    expect(tableOf(sheet(out, FINDINGS_SHEET), 'KQ_KiemTra').tableRef).toBe('A4:F5');
    expect(tableOf(sheet(out, SCORES_SHEET), 'KQ_DanhGia').tableRef).toBe('A4:M5');
  });
});

describe('the annotated copy', () => {
  test('checks to the same report, its own KQ sheets aside', async () => {
    const again = await reportOf(once.bytes);
    const ownSheets = [HELPER_SHEET, SCORES_SHEET, FINDINGS_SHEET];
    // SPEC §7 lists every sheet it does not read, the tool's own included.
    expect(again.ignoredSheets.map((s) => s.name)).toEqual([...once.report.ignoredSheets.map((s) => s.name), ...ownSheets]);
    expect({ ...again, ignoredSheets: [] }).toEqual({ ...once.report, ignoredSheets: [] });
  });

  test('flagged again gives the same flags and KQ sheets as flagging the original once', async () => {
    const annotated = await annotatedBook();
    const again = await annotate(once.bytes);
    expect({ ...again.report, ignoredSheets: [] }).toEqual({ ...once.report, ignoredSheets: [] });
    expect(bookSnapshot(await load(again.bytes))).toEqual(bookSnapshot(annotated));
  });
});
