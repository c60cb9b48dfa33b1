/**
 * The zip container under hostile or damaged input: each case gets its typed problem (which the
 * command line words in one line), in bounded time and memory; entry names are never paths.
 */
import { strToU8, zipSync } from 'fflate';
import { XlsxError, XlsxWorkbook, type XlsxProblem } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { readZip, ZIP_LIMITS } from '../../../src/adapters/xlsx/zip-read';
import { buildPackage, packageParts, worksheet, zipParts } from '../../helpers/handmade-package';

async function problemOf(bytes: Uint8Array, andRead = true): Promise<XlsxProblem> {
  try {
    const book = await XlsxWorkbook.open(bytes, nodePlatform);
    if (andRead) await book.readBook();
  } catch (e) {
    if (e instanceof XlsxError) return e.problem;
    throw e;
  }
  throw new Error('no problem found');
}

const TASKS = () => packageParts({ sheets: [{ name: 'Nhiệm vụ', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] });

/** Offsets of an entry's local and central headers (by its name), to damage them on purpose. */
function headers(zip: Uint8Array, name: string): { local: number; central: number } {
  const buf = Buffer.from(zip);
  const needle = Buffer.from(name, 'utf8');
  let local = -1;
  let central = -1;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + 1)) {
    if (i >= 30 && buf.readUInt32LE(i - 30) === 0x04034b50 && buf.readUInt16LE(i - 4) === needle.length) local = i - 30;
    if (i >= 46 && buf.readUInt32LE(i - 46) === 0x02014b50 && buf.readUInt16LE(i - 18) === needle.length) central = i - 46;
  }
  if (local < 0 || central < 0) throw new Error(`entry ${name} not found`);
  return { local, central };
}

test('two entries with one name are refused (an attacker could show one part to one reader and another to us)', async () => {
  const parts = TASKS();
  parts['xl/worksheets/sheetX.xml'] = worksheet('<row r="1"><c r="A1"><v>666</v></c></row>');
  const zip = Buffer.from(zipParts(parts));
  const from = Buffer.from('xl/worksheets/sheetX.xml');
  const to = Buffer.from('xl/worksheets/sheet1.xml');
  for (let i = zip.indexOf(from); i >= 0; i = zip.indexOf(from, i + 1)) to.copy(zip, i);
  expect(await problemOf(new Uint8Array(zip))).toEqual({ kind: 'duplicate-entry', name: 'xl/worksheets/sheet1.xml' });
});

test('names differing only in case are one OPC part name: duplicates too', async () => {
  const parts = TASKS();
  parts['XL/Worksheets/Sheet1.xml'] = 'x';
  expect(await problemOf(zipParts(parts))).toEqual({ kind: 'duplicate-entry', name: expect.stringMatching(/^xl\/worksheets\/sheet1\.xml$/i) });
});

test('a part that inflates far past any real sheet (a zip bomb) is refused before it is inflated', async () => {
  const parts = TASKS();
  // 24 MB of one repeated row: deflate shrinks it about a thousand times.
  parts['xl/worksheets/sheet1.xml'] = worksheet('<row><c><v>1</v></c></row>'.repeat(1_000_000));
  const zip = zipParts(parts);
  const e = readZip(zip).get('xl/worksheets/sheet1.xml')!;
  expect(e.size / e.compressedSize).toBeGreaterThan(ZIP_LIMITS.ratio);
  expect(await problemOf(zip)).toEqual({ kind: 'too-large', part: 'xl/worksheets/sheet1.xml' });
});

test('a part that inflates past the size its entry declares stops there: damaged, never inflated whole', async () => {
  const parts = TASKS();
  parts['xl/worksheets/sheet1.xml'] = worksheet('<row><c><v>1</v></c></row>'.repeat(20_000));
  const zip = zipParts(parts);
  const { central, local } = headers(zip, 'xl/worksheets/sheet1.xml');
  const view = new DataView(zip.buffer, zip.byteOffset);
  view.setUint32(central + 24, 1000, true);
  view.setUint32(local + 22, 1000, true);
  expect(await problemOf(zip)).toEqual({ kind: 'damaged-part', part: 'xl/worksheets/sheet1.xml', detail: 'inflates past its declared size', sheet: 'Nhiệm vụ' });
});

test('a part whose bytes were damaged (bad sector): the checksum tells', async () => {
  const parts = TASKS();
  const zip = zipSync({ ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [strToU8(v as string), { level: 0 }]])) } as never);
  // A flipped digit inside a value: the XML stays well formed, only the checksum can tell.
  const { local } = headers(zip, 'xl/worksheets/sheet1.xml');
  const at = Buffer.from(zip).indexOf('<v>1</v>', local) + 3;
  zip[at] = 0x37;
  expect(await problemOf(zip)).toEqual({ kind: 'damaged-part', part: 'xl/worksheets/sheet1.xml', detail: 'checksum does not match', sheet: 'Nhiệm vụ' });
});

test('entries whose data overlap (another bomb shape) make the zip unreadable', async () => {
  const zip = zipParts(TASKS());
  const a = headers(zip, 'xl/worksheets/sheet1.xml');
  const b = headers(zip, 'xl/workbook.xml');
  new DataView(zip.buffer, zip.byteOffset).setUint32(b.central + 42, a.local, true);
  expect((await problemOf(zip)).kind).toBe('not-zip');
});

test('an unknown compression method: refused in a part that must be read, copied as stored in one that need not', async () => {
  const parts = TASKS();
  parts['customXml/item1.xml'] = '<x>kept</x>';
  const zip = zipParts(parts);
  const view = new DataView(zip.buffer, zip.byteOffset);
  const other = headers(zip, 'customXml/item1.xml');
  view.setUint16(other.central + 10, 14, true); // LZMA, say
  view.setUint16(other.local + 8, 14, true);
  const book = await XlsxWorkbook.open(zip, nodePlatform);
  await book.readBook();
  await book.writeSettings('{}');
  const out = readZip(await book.toBuffer());
  const kept = out.get('customXml/item1.xml')!;
  expect(kept.method).toBe(14);
  expect(Buffer.from(out.raw(kept))).toEqual(Buffer.from(readZip(zip).raw(readZip(zip).get('customXml/item1.xml')!)));

  const sheet = headers(zip, 'xl/worksheets/sheet1.xml');
  view.setUint16(sheet.central + 10, 14, true);
  expect(await problemOf(zip)).toEqual({ kind: 'unsupported-method', part: 'xl/worksheets/sheet1.xml', method: 14 });
});

test.each([
  ['a parent segment ("zip slip")', '../../escape.txt'],
  ['an absolute name', '/tmp/absolute.txt'],
  ['a drive letter', 'C:/Windows/evil.txt'],
  ['a dot segment', 'xl/./worksheets/x.xml'],
  ['an empty segment', 'xl//x.xml'],
])('an entry name no part can have — %s — makes the file damaged, naming the entry; nothing is written anywhere', async (_what, name) => {
  const parts = TASKS();
  parts[name] = 'outside';
  expect(await problemOf(zipParts(parts), false)).toEqual({ kind: 'bad-entry-name', name });
});

test('folder entries ("xl/") and names with spaces are names like others', async () => {
  const parts = TASKS();
  parts['xl/'] = new Uint8Array(0);
  parts['xl/media/ảnh 1.png'] = new Uint8Array([1, 2, 3]);
  const book = await XlsxWorkbook.open(zipParts(parts), nodePlatform);
  await book.writeSettings('{}');
  const out = readZip(await book.toBuffer());
  expect(out.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/', 'xl/media/ảnh 1.png']));
});

test.each([
  ['bytes that start like a zip but are not one', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]), 'not-zip'],
  ['a Word document (a zip whose main part is not a workbook)', buildWordDocument(), 'not-workbook'],
  ['a zip without any part', zipSync({}), 'not-workbook'],
])('%s', async (_what, bytes, kind) => {
  expect((await problemOf(bytes, false)).kind).toBe(kind);
});

test('more entries than a workbook can have', async () => {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i <= ZIP_LIMITS.entries; i++) files[`e/${i}`] = new Uint8Array(0);
  expect(await problemOf(zipSync(files), false)).toEqual({ kind: 'too-many-entries', count: ZIP_LIMITS.entries + 1, limit: ZIP_LIMITS.entries });
});

test('a package written here reads back (zip directory, checksums, sizes)', async () => {
  const book = await XlsxWorkbook.open(buildPackage({ sheets: [{ name: 'S', xml: worksheet('<row r="1"><c r="A1"><v>7</v></c></row>') }] }), nodePlatform);
  await book.writeSettings('{"a":1}');
  const again = await XlsxWorkbook.open(await book.toBuffer(), nodePlatform);
  expect(await again.readBook()).toEqual({ sheets: [{ name: 'S', rows: [[7]], merges: [] }, { name: 'KQ Cài đặt', rows: [], merges: [] }], settings: '{"a":1}' });
});

function buildWordDocument(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  });
}
