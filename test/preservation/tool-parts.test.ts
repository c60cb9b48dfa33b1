/**
 * The checks of tool-parts.ts, tested on their own: a writer that patches as issue 10 asks
 * (simulated-patch.ts) passes them on every book of the corpus, so preservation.test.ts asks for
 * nothing impossible; and each loss the issue lists, made on top of that patch, is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { TASK_SHEET } from './expected';
import { readPackage, relOfType, sheetPart, workbookPart, type Parts } from './package';
import { simulatedPatch } from './simulated-patch';
import { packageProblems, partsKept } from './tool-parts';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'writers');
const BOOKS = readdirSync(DIR)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

function book(file: string): Parts {
  return readPackage(new Uint8Array(readFileSync(path.join(DIR, file))));
}

function edit(parts: Map<string, Uint8Array>, name: string, change: (xml: string) => string): void {
  const before = strFromU8(parts.get(name)!);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  parts.set(name, strToU8(after));
}

test.each(BOOKS)('%s: a copy patched as the issue asks passes every check', (file) => {
  const before = book(file);
  const after = simulatedPatch(before, TASK_SHEET);
  expect(partsKept(before, after, [TASK_SHEET])).toEqual([]);
  expect(packageProblems(before, after)).toEqual([]);
});

interface Loss {
  readonly book: string;
  readonly what: string;
  readonly make: (parts: Map<string, Uint8Array>, before: Parts) => void;
  readonly caught: RegExp;
}

const task = (p: Parts) => sheetPart(p, TASK_SHEET);
const styles = (p: Parts) => relOfType(p, workbookPart(p), 'styles')[0]!.part;

const LOSSES: readonly Loss[] = [
  {
    book: 'openpyxl-charts.xlsx',
    what: 'a chart part rewritten',
    make: (p) => edit(p, 'xl/charts/chart1.xml', (x) => x.replace('Nhiệm vụ theo đơn vị', 'Nhiem vu')),
    caught: /^xl\/charts\/chart1\.xml: changed, but the tool never writes it$/,
  },
  { book: 'openpyxl-chartsheet.xlsx', what: 'the chart sheet dropped', make: (p) => void p.delete('xl/chartsheets/sheet1.xml'), caught: /chartsheets\/sheet1\.xml: missing/ },
  {
    book: 'openpyxl-defined-names.xlsx',
    what: 'a constant name dropped',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace('<definedName name="HeSoTre">0.7</definedName>', '')),
    caught: /workbook part changed/,
  },
  {
    book: 'openpyxl-defined-names.xlsx',
    what: 'a hidden name made visible',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace(' hidden="1"', '')),
    caught: /workbook part changed/,
  },
  {
    book: 'openpyxl-defined-names.xlsx',
    what: 'a sheet-scoped name made workbook-wide',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace(' localSheetId="0"', '')),
    caught: /workbook part changed/,
  },
  {
    book: 'excel-x14-validation-other-sheet.xlsx',
    what: 'the x14 validation dropped',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/<extLst>[\s\S]*<\/extLst>/, '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'openpyxl-duplicate-values.xlsx',
    what: 'the duplicate-values rule left empty',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/<cfRule type="duplicateValues"[\s\S]*?(<\/cfRule>|\/>)/, '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'openpyxl-duplicate-values.xlsx',
    what: 'a user dxf changed',
    make: (p, b) => edit(p, styles(b), (x) => x.replace('9C0006', '9C0007')),
    caught: /styles: <dxfs> item 0 changed/,
  },
  {
    book: 'openpyxl-named-styles.xlsx',
    what: 'a named cell style dropped',
    make: (p, b) => edit(p, styles(b), (x) => x.replace(/<cellStyle name="Hạn chót"[^>]*\/>/, '')),
    caught: /styles: <cellStyles> item \d+ changed or moved/,
  },
  {
    book: 'excel-data-bars-auto-min-max.xlsx',
    what: 'automatic data-bar bounds made fixed',
    make: (p, b) => edit(p, task(b), (x) => x.replace('<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>', '<x14:cfvo type="min"/><x14:cfvo type="max"/>')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'openpyxl-note-authors.xlsx',
    what: 'a note author replaced by "Author"',
    make: (p) => edit(p, 'xl/comments/comment1.xml', (x) => x.replace('Trần Thị Bình', 'Author')),
    caught: /note at E6 changed/,
  },
  {
    book: 'excel-threaded-comments.xlsx',
    what: 'the persons part dropped',
    make: (p) => void p.delete('xl/persons/person.xml'),
    caught: /persons\/person\.xml: missing/,
  },
  {
    book: 'excel-threaded-comments.xlsx',
    what: 'the shape of a threaded comment’s note dropped from the VML',
    make: (p) => edit(p, 'xl/drawings/vmlDrawing1.vml', (x) => x.replace(/<v:shape id="_x0000_s1025"[\s\S]*?<\/v:shape>/, '')),
    caught: /VML shape lost or changed/,
  },
  {
    book: 'excel-xlsm-vba.xlsm',
    what: 'the workbook written with the plain-xlsx content type',
    make: (p) =>
      edit(p, '[Content_Types].xml', (x) => x.replace('application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')),
    caught: /Override \/xl\/workbook\.xml: application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml became/,
  },
  {
    book: 'excel-xlsm-vba.xlsm',
    what: 'the VBA project relationship dropped',
    make: (p) => edit(p, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship Id="rId9"[^>]*\/>/, '')),
    caught: /relationship lost or changed: rId9/,
  },
  {
    book: 'excel-external-link.xlsx',
    what: 'the external-link part dropped',
    make: (p) => void p.delete('xl/externalLinks/externalLink1.xml'),
    caught: /externalLink1\.xml: missing/,
  },
  {
    book: 'openpyxl-hyperlinks.xlsx',
    what: 'a link tooltip dropped',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/ tooltip="[^"]*"/, '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'openpyxl-autofilter-sort.xlsx',
    what: 'the sort state dropped',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/<sortState[\s\S]*?<\/sortState>/, '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'excel-protection-sha512.xlsx',
    what: 'structure protection dropped',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace(/<workbookProtection [^>]*\/>/, '')),
    caught: /workbook part changed/,
  },
  {
    book: 'openpyxl-page-breaks.xlsx',
    what: 'the manual page breaks dropped',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/<rowBreaks[\s\S]*?<\/rowBreaks>/, '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'excel-image-alt-text.xlsx',
    what: 'the alt text of the picture dropped',
    make: (p) => edit(p, 'xl/drawings/drawing1.xml', (x) => x.replace(/ descr="[^"]*"/, '')),
    caught: /drawing1\.xml: changed, but the tool never writes it/,
  },
  {
    book: 'openpyxl-table-calculated-column.xlsx',
    what: 'the calculated-column formula dropped',
    make: (p) => edit(p, 'xl/tables/table1.xml', (x) => x.replace(/<calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula>/, '')),
    caught: /table1\.xml: changed, but the tool never writes it/,
  },
  {
    book: 'libreoffice-native-book.xlsx',
    what: 'a relationship to a theme part that is not there',
    make: (p) => edit(p, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>')),
    caught: /theme\/theme1\.xml \(theme\): no such part/,
  },
  {
    book: 'libreoffice-native-book.xlsx',
    what: 'a flag rule without the kq: marker (it could never be cleared)',
    make: (p, b) => edit(p, task(b), (x) => x.replace('N("kq:overdue")=0,', '')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'libreoffice-native-book.xlsx',
    what: 'a root attribute of the worksheet changed',
    make: (p, b) => edit(p, task(b), (x) => x.replace('<worksheet ', '<worksheet foo="1" ')),
    caught: /worksheet root changed: foo/,
  },
  {
    book: 'libreoffice-resaved-openpyxl-book.xlsx',
    what: 'an own sheet under a name that is not "KQ …"',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace('name="KQ Đánh giá"', 'name="Kết quả"')),
    caught: /workbook part changed/,
  },
  {
    book: 'openpyxl-whole-book.xlsx',
    what: 'a new sheet part typed only by the generic xml Default',
    make: (p) => edit(p, '[Content_Types].xml', (x) => x.replace('<Override PartName="/xl/worksheets/kq-sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>', '')),
    caught: /kq-sheet1\.xml: content type application\/xml, not application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.worksheet\+xml/,
  },
  {
    book: 'openpyxl-whole-book.xlsx',
    what: 'a new part that nothing refers to',
    make: (p) => void p.set('xl/worksheets/kq-left-over.xml', strToU8('<worksheet/>')),
    caught: /kq-left-over\.xml: new part that nothing refers to/,
  },
  {
    book: 'openpyxl-whole-book.xlsx',
    what: 'inline strings of the task sheet turned into shared strings',
    make: (p, b) => edit(p, task(b), (x) => x.replace(/t="inlineStr"><is><t>[^<]*<\/t><\/is>/, 't="s"><v>0</v>')),
    caught: /worksheet changed beyond the tool's flags/,
  },
  {
    book: 'openpyxl-whole-book.xlsx',
    what: 'a user sheet dropped from the workbook',
    make: (p, b) => edit(p, workbookPart(b), (x) => x.replace(/<sheet [^>]*name="Kiểm tra công vụ"[^>]*\/>/, '')),
    caught: /workbook part changed/,
  },
];

test('every loss of the list is made on a book that has the feature', () => {
  for (const loss of LOSSES) expect(BOOKS).toContain(loss.book);
});

test.each(LOSSES)('$book: $what is caught', ({ book: file, make, caught }) => {
  const before = book(file);
  const after = simulatedPatch(before, TASK_SHEET);
  make(after, before);
  const problems = [...partsKept(before, after, [TASK_SHEET]), ...packageProblems(before, after)];
  expect(problems.some((p) => caught.test(p))).toBe(true);
});
