/**
 * The package adapter's reader on hand-written parts (test/helpers/handmade-package.ts): what other writers
 * put in a package, each case's expected cells worked out from ECMA-376 and SPEC §2 by hand.
 */
import { dayFromYmd, type SheetData } from '../../../src/core/cells';
import { XlsxError, XlsxWorkbook, type XlsxProblem } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { portablePlatform } from '../../../src/adapters/xlsx/platform';
import { buildPackage, MAIN, packageParts, sharedStrings, worksheet, zipParts, type PackageSpec } from '../../helpers/handmade-package';

async function read(spec: PackageSpec | Uint8Array, platform = nodePlatform): Promise<{ sheets: SheetData[]; settings: string | null }> {
  const book = await XlsxWorkbook.open(spec instanceof Uint8Array ? spec : buildPackage(spec), platform);
  return book.readBook();
}

async function problemOf(spec: PackageSpec | Uint8Array): Promise<XlsxProblem> {
  try {
    await read(spec);
  } catch (e) {
    if (e instanceof XlsxError) return e.problem;
    throw e;
  }
  throw new Error('read without a problem');
}

const cell = (s: SheetData, ref: string): unknown => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
};

/** A styles part whose cellXfs are: 0 General, 1 custom dd/mm/yyyy, 2 built-in 14, 3 a number with text, 4 a Vietnamese-locale date. */
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00 &quot;ngày&quot;"/>` +
  '<numFmt numFmtId="166" formatCode="[$-42A]d/m/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>';

/** 45117 is 2023-07-10 in the 1900 date system: 45117 - 25569 (serial of 1970-01-01) = 19548 days. */
const JULY_10_2023 = 19548;

describe('values', () => {
  test('the day arithmetic the cases rely on', () => {
    expect(dayFromYmd(2023, 7, 10)).toBe(JULY_10_2023);
  });

  test('rich-text runs are read whole ("Phòng **Nội vụ**"), phonetic guides left out, OOXML escapes decoded', async () => {
    const sst = sharedStrings([
      '<r><t xml:space="preserve">Phòng </t></r><r><rPr><b/></rPr><t>Nội vụ</t></r>',
      '<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh>',
      '<t>dòng 1_x000D_\ndòng 2</t>',
      '<t xml:space="preserve">  có khoảng trắng </t>',
      '<t>A &amp; B &#x1EA0; &lt;x&gt;</t>',
    ]);
    const xml = worksheet([0, 1, 2, 3, 4].map((i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join(''));
    const [s] = (await read({ sheets: [{ name: 'S', xml }], sharedStrings: sst })).sheets;
    expect([1, 2, 3, 4, 5].map((r) => cell(s!, `A${r}`))).toEqual(['Phòng Nội vụ', '漢字', 'dòng 1\r\ndòng 2', '  có khoảng trắng ', 'A & B Ạ <x>']);
  });

  test('inline strings, rich runs in them, CDATA, without a shared-strings or styles part', async () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Đơn vị chủ trì</t></is></c><c r="B1" t="inlineStr"><is><r><t>Phòng </t></r><r><rPr><i/></rPr><t>Tư pháp</t></r></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c><c r="B2"><v>42</v></c></row>',
    );
    const [s] = (await read({ sheets: [{ name: 'S', xml }] })).sheets;
    expect([cell(s!, 'A1'), cell(s!, 'B1'), cell(s!, 'A2'), cell(s!, 'B2')]).toEqual(['Đơn vị chủ trì', 'Phòng Tư pháp', '<b>&amp;</b>', 42]);
  });

  test("formulas give their cached values: shared formulas' followers, strings, errors, booleans; none cached is empty", async () => {
    const xml = worksheet(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()*2</f><v>2</v></c><c r="B1" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2" t="e"><f>NA()</f><v>#N/A</v></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3" t="b"><f>TRUE()</f><v>1</v></c><c r="C3"><f>1+1</f></c></row>',
    );
    const [s] = (await read({ sheets: [{ name: 'S', xml }] })).sheets;
    expect(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C3'].map((r) => cell(s!, r))).toEqual([2, 4, 6, 'xy', { error: '#N/A' }, true, null]);
  });

  test('dates: custom, built-in and locale date formats are dates; a number format with quoted text is not', async () => {
    const xml = worksheet('<row r="1"><c r="A1" s="1"><v>45117</v></c><c r="B1" s="2"><v>45117</v></c><c r="C1" s="3"><v>45117</v></c><c r="D1" s="4"><v>45117.75</v></c><c r="E1"><v>45117</v></c></row>');
    const [s] = (await read({ sheets: [{ name: 'S', xml }], styles: STYLES })).sheets;
    expect(['A1', 'B1', 'C1', 'E1'].map((r) => cell(s!, r))).toEqual([{ date: JULY_10_2023 }, { date: JULY_10_2023 }, 45117, 45117]);
    expect((cell(s!, 'D1') as { date: number }).date).toBeCloseTo(JULY_10_2023 + 0.75, 9);
  });

  test('the 1904 date system: serial 0 is 1904-01-01, and serials are 1,462 days apart from the 1900 system', async () => {
    const xml = worksheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43655</v></c></row>');
    const [s] = (await read({ sheets: [{ name: 'S', xml }], styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' })).sheets;
    expect(cell(s!, 'A1')).toEqual({ date: dayFromYmd(1904, 1, 1) });
    expect(cell(s!, 'B1')).toEqual({ date: JULY_10_2023 });
  });

  test('ISO dates (t="d"), as LibreOffice and openpyxl may write them', async () => {
    const xml = worksheet('<row r="1"><c r="A1" t="d"><v>2023-07-10T00:00:00</v></c><c r="B1" t="d"><v>2023-07-10T18:00:00Z</v></c></row>');
    const [s] = (await read({ sheets: [{ name: 'S', xml }] })).sheets;
    expect(cell(s!, 'A1')).toEqual({ date: JULY_10_2023 });
    expect(cell(s!, 'B1')).toEqual({ date: JULY_10_2023 + 0.75 });
  });

  test('cells and rows without references follow the previous ones', async () => {
    const xml = worksheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>a</t></is></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row>');
    const [s] = (await read({ sheets: [{ name: 'S', xml }] })).sheets;
    expect(['A1', 'B1', 'A2', 'C5', 'D5'].map((r) => cell(s!, r))).toEqual([1, 2, 'a', 3, 4]);
  });

  test('a merge keeps its value in the top-left cell only, even when the writer repeats it underneath (LibreOffice)', async () => {
    const xml = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>ẩn</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
    const [s] = (await read({ sheets: [{ name: 'S', xml }] })).sheets;
    expect([cell(s!, 'A1'), cell(s!, 'B1')]).toEqual(['Tiêu đề', null]);
    expect(s!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  test('prefixed SpreadsheetML (x:worksheet, as .NET writers produce) and absolute relationship targets (openpyxl)', async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nội dung</x:t></x:is></x:c>` +
      '<x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const [s] = (await read({ sheets: [{ name: 'S', xml }], sharedStrings: sharedStrings(['<t>Hạn xử lý</t>']), absolute: true })).sheets;
    expect([cell(s!, 'A1'), cell(s!, 'B1')]).toEqual(['Nội dung', 'Hạn xử lý']);
  });

  test('every sheet in tab order (hidden ones too), a chart sheet as one without cells, the settings from "KQ Cài đặt"!A1', async () => {
    const parts = packageParts({
      sheets: [
        { name: 'Một', xml: worksheet('') },
        { name: 'Ẩn', xml: worksheet(''), state: 'hidden' },
        { name: 'KQ Cài đặt', xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>{"asOf":"2026-01-05"}</t></is></c></row>'), state: 'veryHidden' },
      ],
    });
    // A chart sheet between them, as Excel lists it.
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<sheet name="Ẩn"', '<sheet name="Biểu đồ" sheetId="9" r:id="rIdC"/><sheet name="Ẩn"');
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    parts['xl/chartsheets/sheet1.xml'] = `<chartsheet xmlns="${MAIN}"/>`;
    const book = await read(zipParts(parts));
    expect(book.sheets.map((s) => [s.name, s.without ?? 'cells'])).toEqual([
      ['Một', 'cells'],
      ['Biểu đồ', 'chart'],
      ['Ẩn', 'cells'],
      ['KQ Cài đặt', 'cells'],
    ]);
    expect(book.settings).toBe('{"asOf":"2026-01-05"}');
  });

  test('the portable platform (browser mode) reads the same as node:zlib', async () => {
    const spec: PackageSpec = {
      sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45117</v></c></row>') }],
      sharedStrings: sharedStrings(['<r><t>Phòng </t></r><r><t>Nội vụ</t></r>']),
      styles: STYLES,
    };
    expect(await read(spec, portablePlatform)).toEqual(await read(spec, nodePlatform));
    expect((await read(spec, portablePlatform)).sheets[0]!.rows[0]).toEqual(['Phòng Nội vụ', { date: JULY_10_2023 }]);
  });
});

describe('what a damaged or hostile part gets: a clear outcome, never a stack trace', () => {
  const one = (rowXml: string, extra: Partial<PackageSpec> = {}): PackageSpec => ({ sheets: [{ name: 'Nhiệm vụ', xml: worksheet(rowXml) }], ...extra });

  test('NaN, INF and 1e999 where a number belongs read as the text written (a date column then reports it as an invalid date)', async () => {
    const [s] = (await read(one('<row r="1"><c r="A1"><v>NaN</v></c><c r="B1"><v>1e999</v></c><c r="C1"><v> -Infinity </v></c><c r="D1" s="1"><v>1e999</v></c><c r="E1"><v>INF</v></c></row>', { styles: STYLES }))).sheets;
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((r) => cell(s!, r))).toEqual(['NaN', '1e999', '-Infinity', '1e999', 'INF']);
  });

  test('a 2,000,000-character cell is read as its first 32,767 characters (Excel keeps no more)', async () => {
    const long = 'Đ'.repeat(2_000_000);
    const [s] = (await read(one(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`))).sheets;
    const v = cell(s!, 'A1') as string;
    expect(v.length).toBe(32_767);
    expect(v).toBe('Đ'.repeat(32_767));
  });

  test.each([
    ['a column beyond XFD', '<row r="1"><c r="XFE1"><v>1</v></c></row>', 'XFE1'],
    ['a row beyond 1,048,576, named by its first cell', '<row r="1048577"><c r="E1048577"><v>1</v></c></row>', 'E1048577'],
    ['a row beyond 1,048,576 whose cells have no reference', '<row r="1048577"><c><v>1</v></c></row>', 'A1048577'],
    ['a row beyond 1,048,576 without cells', '<row r="1048577"/><row r="1048578"></row>', 'row 1048577'],
    ['a cell reference beyond 1,048,576', '<row r="1"><c r="A1048577"><v>1</v></c></row>', 'A1048577'],
  ])('%s: the sheet cannot be read, and the message names the reference', async (_what, rows, ref) => {
    expect(await problemOf(one(rows))).toEqual({ kind: 'outside-grid', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ', ref });
  });

  test('a shared-string index out of range names the cell, the index and how many strings there are', async () => {
    const p = await problemOf(one('<row r="3"><c r="B3" t="s"><v>5</v></c></row>', { sharedStrings: sharedStrings(['<t>a</t>', '<t>b</t>']) }));
    expect(p).toEqual({ kind: 'shared-string', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ', cell: 'B3', index: 5, count: 2 });
  });

  test('a DOCTYPE is refused before anything is expanded (billion laughs), in a sheet and in the workbook part', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
    expect(await problemOf({ sheets: [{ name: 'Nhiệm vụ', xml: laughs }] })).toEqual({ kind: 'dtd', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ' });
    const parts = packageParts(one(''));
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<workbook', '<!DOCTYPE x SYSTEM "file:///etc/passwd"><workbook');
    expect(await problemOf(zipParts(parts))).toEqual({ kind: 'dtd', part: 'xl/workbook.xml' });
  });

  test('an undefined entity (no DTD can define one) makes the sheet damaged', async () => {
    const p = await problemOf(one('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'));
    expect(p).toMatchObject({ kind: 'damaged-part', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ' });
  });

  test('bytes that are not UTF-8 in a sheet', async () => {
    const parts = packageParts(one('<row r="1"><c r="A1" t="inlineStr"><is><t>XX</t></is></c></row>'));
    const xml = Buffer.from(parts['xl/worksheets/sheet1.xml'] as string, 'utf8');
    const at = xml.indexOf('XX');
    xml[at] = 0xc3;
    xml[at + 1] = 0x28;
    parts['xl/worksheets/sheet1.xml'] = new Uint8Array(xml);
    expect(await problemOf(zipParts(parts))).toEqual({ kind: 'not-utf8', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ' });
  });

  test('a part declared in another encoding', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
    expect(await problemOf({ sheets: [{ name: 'Nhiệm vụ', xml }] })).toEqual({ kind: 'not-utf8', part: 'xl/worksheets/sheet1.xml', sheet: 'Nhiệm vụ' });
  });

  test('a sheet cut short: the document does not end', async () => {
    const xml = worksheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData></worksheet>', '');
    expect(await problemOf({ sheets: [{ name: 'Nhiệm vụ', xml }] })).toMatchObject({ kind: 'damaged-part', sheet: 'Nhiệm vụ', part: 'xl/worksheets/sheet1.xml' });
  });
});
