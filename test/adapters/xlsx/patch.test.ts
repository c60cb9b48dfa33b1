/**
 * Writing by patching, part by part: what the add-in does not own is copied as stored (the same
 * compressed bytes), what it adds it removes exactly, and its additions stand where the schema
 * wants them, in the writer's own namespace prefixes.
 */
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { readZip } from '../../../src/adapters/xlsx/zip-read';
import { planFlags } from '../../../src/core/flag-plan';
import { NOTE_PREFIX } from '../../../src/core/flag-plan';
import { checkBook, checkFlagAndScore } from '../../../src/usecases/check-workbook';
import { buildPackage, MAIN, REL, sharedStrings, worksheet, type PackageSpec } from '../../helpers/handmade-package';
import { elements, partText, partXml, readParts, relsOf, sheetPartOf, type Parts } from '../../helpers/package-parts';

const AS_OF = '2026-09-15';

/**
 * A task sheet as an office keeps it, on row 1 the header; as of 2026-09-15: row 2 overdue
 * (deadline 2026-06-30, serial 46203), row 3 unassigned, row 4 an invalid deadline ("sắp tới").
 */
const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
const ROWS =
  '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" s="1"><v>46203</v></c></row>' +
  '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="C3" s="1"><v>46387</v></c></row>' +
  '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="s"><v>7</v></c></row>';
const SST = sharedStrings(['Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Báo cáo quý', 'Rà soát', 'Kiểm tra', 'Phòng Nội vụ', 'sắp tới'].map((t) => `<t>${t}</t>`));
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFEEEEEE"/></patternFill></fill></dxf></dxfs></styleSheet>';

function taskBook(sheetXml: string, extra: Partial<PackageSpec> = {}): Uint8Array {
  return buildPackage({ sheets: [{ name: 'Nhiệm vụ', xml: sheetXml }], sharedStrings: SST, styles: STYLES, ...extra });
}

async function annotateAll(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(bytes, nodePlatform);
  await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
  return book.toBuffer();
}

async function flagsOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(bytes, nodePlatform);
  const { report } = await checkBook(book, { asOf: AS_OF, lang: 'vi' });
  await book.writeFlags(planFlags(report));
  return book.toBuffer();
}

async function cleared(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(bytes, nodePlatform);
  await book.clearFlags();
  return book.toBuffer();
}

function same(a: Parts, b: Parts): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]!), Buffer.from(b[n]!)) !== 0).sort();
}

const USER_PARTS_EXTRA = {
  'customXml/item1.xml': '<root>dữ liệu của người dùng</root>',
  'docProps/custom.xml': '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>',
};

describe('what the add-in does not write', () => {
  test('is copied as stored: the same compressed bytes, checksum and name, not re-deflated', async () => {
    const original = taskBook(worksheet(HEADER + ROWS), { extra: USER_PARTS_EXTRA });
    const out = await annotateAll(original);
    const before = readZip(original);
    const after = readZip(out);
    const written = new Set(['[content_types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const untouched = before.entries.filter((e) => !written.has(e.key));
    expect(untouched.map((e) => e.name).sort()).toEqual(['_rels/.rels', 'customXml/item1.xml', 'docProps/custom.xml', 'xl/sharedStrings.xml']);
    for (const e of untouched) {
      const a = after.get(e.name)!;
      expect({ name: e.name, crc: a.crc, raw: Buffer.from(after.raw(a)).equals(Buffer.from(before.raw(e))) }).toEqual({ name: e.name, crc: e.crc, raw: true });
    }
  });

  test('an .xlsm keeps its macro content type and its VBA project, byte for byte', async () => {
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]);
    const original = taskBook(worksheet(HEADER + ROWS), {
      macro: true,
      extra: { 'xl/vbaProject.bin': vba },
      overrides: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    });
    const book = await XlsxWorkbook.open(original, nodePlatform);
    expect(book.kind).toBe('xlsm');
    const out = readParts(await annotateAll(original));
    expect(Buffer.from(out['xl/vbaProject.bin']!)).toEqual(Buffer.from(vba));
    expect(partText(out, '[Content_Types].xml')).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(partText(out, '[Content_Types].xml')).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
  });
});

describe('what the add-in adds, it removes exactly', () => {
  test('flags, then clear: every part as it was, byte for byte (styles, workbook, content types included)', async () => {
    const original = taskBook(worksheet(HEADER + ROWS, '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'), { extra: USER_PARTS_EXTRA });
    const flagged = readParts(await flagsOnly(original));
    expect(Object.keys(flagged).filter((n) => !(n in readParts(original))).sort()).toEqual([
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(same(readParts(await cleared(await flagsOnly(original))), readParts(original))).toEqual([]);
  });

  test('flagging twice equals once, and annotating the annotated copy gives the same package, byte for byte', async () => {
    const original = taskBook(worksheet(HEADER + ROWS), { extra: USER_PARTS_EXTRA });
    const once = await annotateAll(original);
    expect(Buffer.from(await annotateAll(once)).equals(Buffer.from(once))).toBe(true);
    const book = await XlsxWorkbook.open(original, nodePlatform);
    await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
    await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
    expect(Buffer.from(await book.toBuffer()).equals(Buffer.from(once))).toBe(true);
  });

  test("a user's rule that Excel grouped with one of ours in one block stays, exactly as written", async () => {
    const userRule = '<cfRule type="expression" dxfId="0" priority="1"><formula>MOD(ROW(),2)=0</formula></cfRule>';
    const ourOld = '<cfRule type="expression" dxfId="0" priority="2"><formula>N("kq:warning")=0</formula></cfRule>';
    const sheet = worksheet(HEADER + ROWS, `<conditionalFormatting sqref="A2:C4">${userRule}${ourOld}</conditionalFormatting>`);
    const xml = partText(readParts(await cleared(taskBook(sheet))), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(`<conditionalFormatting sqref="A2:C4">${userRule}</conditionalFormatting>`);
    expect(xml).not.toContain('kq:');
  });
});

describe('notes', () => {
  test("a user's note stays as written, its cell gets none of ours; other cells get ours in the same comments part", async () => {
    const userComment = '<comment ref="C4" authorId="0"><text><r><t>Hỏi lại phòng Nội vụ</t></r></text></comment>';
    const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Chị Lan</author></authors><commentList>${userComment}</commentList></comments>`;
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>';
    // Row 2 also gets a duplicate content and row 4 an unknown unit: a note on B4 besides C4's.
    const original = taskBook(worksheet(HEADER + ROWS, '<legacyDrawing r:id="rId2"/>'), {
      extra: { 'xl/comments1.xml': comments, 'xl/drawings/vmlDrawing1.vml': vml },
      sheetRels: { 0: `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` },
      overrides:
        '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
    });
    const book = await XlsxWorkbook.open(original, nodePlatform);
    const { report } = await checkBook(book, { asOf: AS_OF, lang: 'vi' });
    const marked = planFlags(report).sheets[0]!.marks.map((m) => m.cell);
    expect(marked).toContain('C4');
    await book.writeFlags(planFlags(report));
    const out = readParts(await book.toBuffer());
    const text = partText(out, 'xl/comments1.xml');
    expect(text).toContain(userComment);
    const byCell = new Map(elements(partXml(out, 'xl/comments1.xml'), 'comment').map((c) => [c.getAttribute('ref'), elements(c, 't').map((t) => t.textContent).join('')]));
    expect(byCell.get('C4')).toBe('Hỏi lại phòng Nội vụ');
    const ours = [...byCell].filter(([, t]) => t!.startsWith(NOTE_PREFIX)).map(([c]) => c);
    expect(ours.sort()).toEqual(marked.filter((c) => c !== 'C4').sort());
    // Each of our notes has its shape; the user's shape is untouched.
    const shapes = partText(out, 'xl/drawings/vmlDrawing1.vml');
    expect(shapes).toContain('<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>2</x:Column></x:ClientData></v:shape>');
    expect((shapes.match(/ObjectType="Note"/g) ?? []).length).toBe(1 + ours.length);
    // Cleared: both parts exactly as the user had them.
    const back = readParts(await cleared(await book.toBuffer()));
    expect(same(back, readParts(original))).toEqual([]);
  });
});

describe('where the additions go', () => {
  const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetProtection', 'autoFilter', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'legacyDrawing', 'tableParts', 'extLst'];

  test('conditional formats after the mergeCells and before the data validations; the note drawing before the table parts', async () => {
    const after =
      '<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="B2:B9"><formula1>"Phòng Nội vụ"</formula1></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/>';
    const out = readParts(await flagsOnly(taskBook(worksheet(HEADER + ROWS, after, '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'))));
    const root = partXml(out, 'xl/worksheets/sheet1.xml');
    const names: string[] = [];
    for (let n = root.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) names.push((n as unknown as { localName: string }).localName);
    expect(names).toEqual(['sheetViews', 'sheetData', 'mergeCells', 'conditionalFormatting', 'conditionalFormatting', 'conditionalFormatting', 'dataValidations', 'pageMargins', 'legacyDrawing', 'tableParts']);
    expect(names.map((n) => ORDER.indexOf(n))).toEqual([...names.map((n) => ORDER.indexOf(n))].sort((a, b) => a - b));
  });

  test("a sheet written with an x: prefix gets x: elements, and r:id in the relationships namespace", async () => {
    const xml = worksheet(HEADER + ROWS).replace(/<(\/?)(worksheet|sheetData|row|c|v)\b/g, '<$1x:$2').replace(`xmlns="${MAIN}" xmlns:r="${REL}"`, `xmlns:x="${MAIN}"`);
    const out = readParts(await flagsOnly(taskBook(xml)));
    const root = partXml(out, 'xl/worksheets/sheet1.xml');
    const cfs = elements(root, 'conditionalFormatting');
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs.every((c) => c.namespaceURI === MAIN && c.prefix === 'x')).toBe(true);
    const legacy = elements(root, 'legacyDrawing')[0]!;
    expect(legacy.namespaceURI).toBe(MAIN);
    expect(legacy.getAttributeNS(REL, 'id')).toBe(relsOf(out, sheetPartOf(out, 'Nhiệm vụ')).find((r) => r.type === 'vmlDrawing')!.id);
  });
});

describe('notices', () => {
  test("replacing a sheet named like the add-in's own tells, through takeNotices, which of its parts the copy does not keep", async () => {
    const original = buildPackage({
      sheets: [
        { name: 'Nhiệm vụ', xml: worksheet(HEADER + ROWS) },
        { name: 'KQ Kiểm tra', xml: worksheet('', '<drawing r:id="rId1"/>') },
      ],
      sharedStrings: SST,
      styles: STYLES,
      sheetRels: { 1: `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` },
      extra: {
        'xl/drawings/drawing1.xml': '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>',
        'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/image" Target="../media/logo.png"/></Relationships>`,
        'xl/media/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      },
      overrides: '<Default Extension="png" ContentType="image/png"/>',
    });
    const book = await XlsxWorkbook.open(original, nodePlatform);
    await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
    expect(book.takeNotices()).toEqual([]);
    const out = readParts(await book.toBuffer());
    expect(book.takeNotices()).toEqual([{ kind: 'not-kept', part: 'xl/media/logo.png', what: 'image' }]);
    expect(book.takeNotices()).toEqual([]);
    // The drawing that held it is the add-in's kind of part and goes without a word; the picture is not left behind unreferenced.
    expect(Object.keys(out).filter((n) => n.startsWith('xl/media/'))).toEqual([]);
  });
});

describe('names and namespaces the book already uses', () => {
  test("a user's table already named like ours keeps its name; ours takes a suffix, and ids stay unique", async () => {
    const userTable = `<table xmlns="${MAIN}" id="7" name="KQ_DanhGia" displayName="KQ_DanhGia" ref="A1:C4"><autoFilter ref="A1:C4"/><tableColumns count="3"><tableColumn id="1" name="Nội dung"/><tableColumn id="2" name="Đơn vị chủ trì"/><tableColumn id="3" name="Thời hạn"/></tableColumns></table>`;
    const original = taskBook(worksheet(HEADER + ROWS, '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'), {
      sheetRels: { 0: `<Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/>` },
      extra: { 'xl/tables/table1.xml': userTable },
      overrides: '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>',
    });
    const once = await annotateAll(original);
    const parts = readParts(once);
    expect(partText(parts, 'xl/tables/table1.xml')).toBe(userTable);
    const tables = Object.keys(parts).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).map((n) => partXml(parts, n));
    expect(tables.map((t) => [t.getAttribute('id'), t.getAttribute('name')]).sort()).toEqual([
      ['7', 'KQ_DanhGia'],
      ['8', 'KQ_DanhGia_2'],
      ['9', 'KQ_KiemTra'],
    ]);
    expect(Buffer.from(await annotateAll(once)).equals(Buffer.from(once))).toBe(true);
  });

  test('a Strict Open XML book is read, and what the add-in adds speaks Strict too', async () => {
    const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const strict = (xml: string) => xml.split(MAIN).join(STRICT_MAIN).split(REL).join(STRICT_REL);
    const spec = { sheets: [{ name: 'Nhiệm vụ', xml: strict(worksheet(HEADER + ROWS)) }], sharedStrings: strict(SST), styles: strict(STYLES) };
    const parts0 = readParts(buildPackage(spec));
    // The package's own relationships and the workbook, written the Strict way.
    const fixed: Record<string, string | Uint8Array> = {};
    for (const [name, data] of Object.entries(parts0)) fixed[name] = name.endsWith('.rels') || name === 'xl/workbook.xml' ? strict(Buffer.from(data).toString('utf8')) : data;
    const { zipParts } = await import('../../helpers/handmade-package');
    const book = await XlsxWorkbook.open(zipParts(fixed), nodePlatform);
    const { report } = await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
    expect(report.tasks.map((t) => t.status)).toEqual(['open_overdue', 'open_on_time', 'open_on_time']);
    const out = readParts(await book.toBuffer());
    const rels = partText(out, 'xl/_rels/workbook.xml.rels');
    expect(rels).toContain(`Type="${STRICT_REL}/worksheet" Target="worksheets/sheet2.xml"`);
    expect(rels).not.toContain('schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet');
    expect(partXml(out, 'xl/worksheets/sheet2.xml').namespaceURI).toBe(STRICT_MAIN);
    expect(elements(partXml(out, 'xl/worksheets/sheet1.xml'), 'conditionalFormatting').every((c) => c.namespaceURI === STRICT_MAIN)).toBe(true);
  });
});

describe('whatever owned sheets the engine asks for', () => {
  test('a third sheet ("KQ Cá nhân", SPEC 1.3) is written like the others: after them, with its own table', async () => {
    const { ownedSheets } = await import('../../../src/core/owned-sheets');
    const { PEOPLE_SHEET } = await import('../../../src/core/presentation');
    const people = {
      name: PEOPLE_SHEET,
      title: ['NGƯỜI PHỤ TRÁCH'],
      columns: [
        { header: 'Họ tên', width: 30, format: 'text' as const },
        { header: 'Vai trò', width: 12, format: 'text' as const },
        { header: 'Quá hạn', width: 10, format: 'integer' as const },
      ],
      rows: [
        ['Nguyễn Thanh Hải', 'leader', 2],
        ['Lê Văn Tư', 'owner', 0],
      ],
      tableName: 'KQ_CaNhan',
      links: [],
    };
    const annotate = async (bytes: Uint8Array) => {
      const book = await XlsxWorkbook.open(bytes, nodePlatform);
      const { report } = await checkBook(book, { asOf: AS_OF, lang: 'vi' });
      await book.writeOwnedSheets([...ownedSheets(report, 'vi'), people]);
      return book.toBuffer();
    };
    const once = await annotate(taskBook(worksheet(HEADER + ROWS)));
    const parts = readParts(once);
    expect(elements(partXml(parts, 'xl/workbook.xml'), 'sheet').map((e) => e.getAttribute('name'))).toEqual(['Nhiệm vụ', 'KQ Đánh giá', 'KQ Kiểm tra', PEOPLE_SHEET]);
    const sheet = sheetPartOf(parts, PEOPLE_SHEET);
    const table = relsOf(parts, sheet).find((r) => r.type === 'table')!;
    expect(partXml(parts, table.part).getAttribute('name')).toBe('KQ_CaNhan');
    expect(partXml(parts, table.part).getAttribute('ref')).toBe('A3:C5');
    const cells = elements(partXml(parts, sheet), 'c').map((c) => [c.getAttribute('r'), c.textContent]);
    expect(cells).toContainEqual(['A4', 'Nguyễn Thanh Hải']);
    expect(cells).toContainEqual(['C4', '2']);
    expect(Buffer.from(await annotate(once)).equals(Buffer.from(once))).toBe(true);
  });

  test('a result sheet a run no longer writes ("KQ Cá nhân" once no sheet names people) goes with its table; the rest is as if it never was', async () => {
    const { ownedSheets } = await import('../../../src/core/owned-sheets');
    const { PEOPLE_SHEET } = await import('../../../src/core/presentation');
    const people = { name: PEOPLE_SHEET, title: ['NGƯỜI PHỤ TRÁCH'], columns: [{ header: 'Họ tên', width: 30, format: 'text' as const }], rows: [['Nguyễn Thanh Hải']], tableName: 'KQ_CaNhan', links: [] };
    const annotate = async (bytes: Uint8Array, extra: (typeof people)[]) => {
      const book = await XlsxWorkbook.open(bytes, nodePlatform);
      const { report } = await checkBook(book, { asOf: AS_OF, lang: 'vi' });
      await book.writeFlags(planFlags(report));
      await book.writeOwnedSheets([...ownedSheets(report, 'vi'), ...extra]);
      return book.toBuffer();
    };
    const original = taskBook(worksheet(HEADER + ROWS));
    const withPeople = await annotate(original, [people]);
    expect(elements(partXml(readParts(withPeople), 'xl/workbook.xml'), 'sheet').map((e) => e.getAttribute('name'))).toContain(PEOPLE_SHEET);
    // The next run writes no people sheet: the book ends as a run without one would have left it.
    const after = readParts(await annotate(withPeople, []));
    const never = readParts(await annotate(original, []));
    const names = (p: Parts) => elements(partXml(p, 'xl/workbook.xml'), 'sheet').map((e) => e.getAttribute('name'));
    expect(names(after)).not.toContain(PEOPLE_SHEET);
    expect(names(after)).toEqual(names(never));
    expect(Object.keys(after).filter((n) => /table|sheet/.test(n)).sort()).toEqual(Object.keys(never).filter((n) => /table|sheet/.test(n)).sort());
    expect(partText(after, '[Content_Types].xml')).not.toContain('KQ_CaNhan');
    expect(Object.keys(after).some((n) => partText(after, n).includes('KQ_CaNhan'))).toBe(false);
  });
});
