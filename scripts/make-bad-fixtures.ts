/**
 * `npm run fixtures:bad`: write the corpus of malformed inputs in test/fixtures/bad/ (issue 5, item 2).
 * Each case is a file built from code (ExcelJS for workbooks, the package adapter for an annotated one, small
 * hand-made containers for the rest) and a sidecar `NN-name.expect.json` stating, from the SPEC, what
 * the command line must do with it: exit code, standard error, sheets, findings, tasks and units.
 *
 * Deterministic: workbook dates are fixed and every zip is rewritten with fixed timestamps, so running
 * it twice gives the same bytes. `--check` compares with the committed files instead of writing.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { nodePlatform } from '../src/adapters/xlsx/node-platform';
import { readZip } from '../src/adapters/xlsx/zip-read';
import { writeOrCheckFolder } from './lib/fixture-folder';
import { zip } from './lib/raw-zip';
import { oleFile } from './lib/ole-file';
import { checkFlagAndScore } from '../src/usecases/check-workbook';
import type { Expectation, ExpectedFinding, ExpectedSheet, ExpectedTask } from '../test/bad-inputs/expectation';
import { SPEC_SEVERITY } from '../test/helpers/spec-severity';

const OUT_DIR = path.resolve(__dirname, '..', 'test', 'fixtures', 'bad');
const AS_OF = '2026-09-15';
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

// ------------------------------------------------------------------ zip containers

interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
}

function unzip(bytes: Buffer): ZipFile[] {
  const zip = readZip(bytes);
  const files: ZipFile[] = [];
  for (const e of zip.entries) {
    if (e.name.endsWith('/')) continue;
    const raw = zip.raw(e);
    files.push({ name: e.name, data: e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
  }
  return files;
}

// ------------------------------------------------------------------ workbooks

type Cell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { readonly error: string }
  | { readonly formula: string; readonly result?: string | number | boolean | Date | { error: string } }
  /** A number shown as a date (or date-time) by its format: what Excel stores for a typed date. */
  | { readonly serial: number; readonly fmt?: string };

interface SheetSpec {
  readonly name: string;
  readonly rows?: readonly (readonly Cell[])[];
  /** Cells outside the rows, by A1 address (e.g. XFD1048576). */
  readonly cells?: readonly (readonly [string, Cell])[];
  readonly merges?: readonly string[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** Sheet protection, with this password or none. */
  readonly protect?: string | true;
  /** Shared formulas: [range, formula, cached results]. */
  readonly sharedFormulas?: readonly (readonly [string, string, readonly Date[]])[];
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

const DATE_FMT = 'dd/mm/yyyy';

function setCell(cell: ExcelJS.Cell, v: Cell): void {
  if (v === null || v === undefined) return;
  if (v instanceof Date) {
    cell.value = v;
    cell.numFmt = DATE_FMT;
  } else if (typeof v !== 'object') {
    cell.value = v;
  } else if ('serial' in v) {
    cell.value = v.serial;
    cell.numFmt = v.fmt ?? DATE_FMT;
  } else if ('formula' in v) {
    cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
    if (v.result instanceof Date) cell.numFmt = DATE_FMT;
  } else {
    cell.value = { error: v.error } as ExcelJS.CellErrorValue;
  }
}

/** SHA-512 sheet protection as Excel writes it, with a fixed salt so that the file is deterministic. */
function protection(password: string | true): Record<string, unknown> {
  const base = { sheet: true, objects: true, scenarios: true };
  if (password === true) return base;
  const salt = Buffer.alloc(16, 7);
  let key = createHash('sha512').update(salt).update(Buffer.from(password, 'utf16le')).digest();
  for (let i = 0; i < 100_000; i++) {
    const it = Buffer.alloc(4);
    it.writeUInt32LE(i, 0);
    key = createHash('sha512').update(key).update(it).digest();
  }
  return { ...base, algorithmName: 'SHA-512', saltValue: salt.toString('base64'), spinCount: 100_000, hashValue: key.toString('base64') };
}

function workbook(sheets: readonly SheetSpec[], opts: { date1904?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'make-bad-fixtures';
  wb.lastModifiedBy = 'make-bad-fixtures';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  if (opts.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    (s.rows ?? []).forEach((row, i) => row.forEach((v, j) => setCell(ws.getCell(i + 1, j + 1), v)));
    for (const [addr, v] of s.cells ?? []) setCell(ws.getCell(addr), v);
    for (const [range, formula, results] of s.sharedFormulas ?? []) {
      ws.fillFormula(range, formula, results as unknown as number[]);
      const [first, last] = range.split(':');
      const col = first!.replace(/\d+/g, '');
      for (let r = Number(first!.replace(/\D+/g, '')); r <= Number(last!.replace(/\D+/g, '')); r++) ws.getCell(`${col}${r}`).numFmt = DATE_FMT;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    if (s.protect !== undefined) (ws as unknown as { sheetProtection: unknown }).sheetProtection = protection(s.protect);
  }
  return wb;
}

/** ExcelJS gives each data-bar rule a random GUID: number them in order of appearance instead. */
function fixedGuids(files: ZipFile[]): ZipFile[] {
  const ids = new Map<string, string>();
  return files.map((f) => {
    if (!f.name.endsWith('.xml')) return f;
    const text = f.data.toString('utf8');
    const out = text.replace(/\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/g, (g) => {
      let id = ids.get(g);
      if (id === undefined) ids.set(g, (id = `{00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}}`));
      return id;
    });
    return out === text ? f : { name: f.name, data: Buffer.from(out, 'utf8') };
  });
}

/** Workbook bytes as ExcelJS writes them, re-zipped with fixed timestamps and GUIDs; `edit` may change the parts. */
async function xlsx(wb: ExcelJS.Workbook, edit?: (files: ZipFile[]) => ZipFile[]): Promise<Buffer> {
  const raw = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const files = fixedGuids(unzip(raw));
  return zip(edit ? edit(files) : files);
}

// ------------------------------------------------------------------ the SPEC's words, written out

const REASON = {
  vi: {
    own: 'trang kết quả của công cụ (KQ), không đọc',
    noHeader: 'không thấy dòng tiêu đề nhiệm vụ, kiểm tra hay danh mục đơn vị trong 20 dòng có dữ liệu đầu tiên',
  },
  en: {
    own: "the tool's own result sheet (KQ), not read",
    noHeader: 'no task, inspection or registry header in the first 20 non-empty rows',
  },
};

const SEVERITY = SPEC_SEVERITY;

/** dd/mm/yyyy of an ISO date. */
function vn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y!, m! - 1, d!);
  return Math.round(t.getTime() / 86_400_000);
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const VI = {
  unassigned: 'Nhiệm vụ chưa có đơn vị chủ trì',
  multipleLeads: (names: readonly string[]) => `${names.length} đơn vị chủ trì (${names.join('; ')}): mỗi việc chỉ giao một đơn vị chủ trì`,
  unknownUnit: (items: readonly (readonly [string, string])[]) =>
    `Đơn vị không có trong danh mục: ${items.map(([n, near]) => `"${n}" (gần nhất: "${near}")`).join('; ')}`,
  overdue: (deadline: string) => `Quá hạn ${daysBetween(deadline, AS_OF)} ngày`,
  lateCompletion: (days: number) => `Hoàn thành trễ ${days} ngày`,
  missingDeadline: 'Nhiệm vụ chưa có thời hạn',
  invalidDate: (text: string) => `Không đọc được ngày: '${text}'`,
  invalidValue: (code: string) => `Ô có giá trị lỗi ${code}`,
  deadlineBeforeAssigned: (dl: string, as: string) => `Thời hạn ${vn(dl)} trước ngày giao ${vn(as)}`,
  completedAfterAsOf: (c: string) => `Ngày hoàn thành ${vn(c)} sau ngày đánh giá ${vn(AS_OF)}: nhiệm vụ được tính là chưa xong`,
  duplicateTask: (row: number) => `Trùng với nhiệm vụ ở dòng ${row}`,
  statusSaysDone: 'Tình trạng ghi đã xong nhưng không có ngày hoàn thành hợp lệ',
  invalidViolations: (text: string) => `Số vi phạm không hợp lệ: '${text}' (tính là 0)`,
};

const EN = {
  unassigned: 'No lead unit: nobody leads this task',
  unknownUnit: (items: readonly (readonly [string, string])[]) =>
    `Unit not in the registry: ${items.map(([n, near]) => `"${n}" (nearest: "${near}")`).join('; ')}`,
  overdue: (deadline: string) => `Overdue by ${daysBetween(deadline, AS_OF)} days`,
};

/** SPEC §2 folding, written out again here so that the expectations do not lean on the engine. */
function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{Nd}]/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

function unitKey(name: string): string {
  const f = fold(name);
  const m = /^(?:ubnd|uy ban nhan dan) ((?:xa|phuong|thi tran|dac khu) .*)$/.exec(f);
  if (m) return m[1]!;
  return f.startsWith('p ') ? 'phong ' + f.slice(2) : f;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The registry name nearest to an unknown unit (edit distance on folded names; the first on a tie). */
function nearest(unit: string, registry: readonly string[]): string {
  let best = registry[0]!;
  let bestDistance = Infinity;
  for (const name of registry) {
    const d = levenshtein(unitKey(unit), unitKey(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function f(sheet: string, cell: string, rule: string, message: string): ExpectedFinding {
  return { sheet, cell, rule, message };
}

// ------------------------------------------------------------------ common layouts

const TITLE: Cell[][] = [['ỦY BAN NHÂN DÂN XÃ MỸ HÒA'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], [], ['SỔ THEO DÕI NHIỆM VỤ NĂM 2026']];
/** The usual task header: A STT, B docNumber, C assignedDate, D content, E leadUnit, F coUnits, G deadline, H completedDate, I status. */
const TASK_HEADER: Cell[] = ['STT', 'Số văn bản', 'Ngày giao', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng'];
const TASK_COLUMNS = { docNumber: 'B', assignedDate: 'C', content: 'D', leadUnit: 'E', coUnits: 'F', deadline: 'G', completedDate: 'H', status: 'I' };
/** A registry needs 3 mapped fields (SPEC §2): unit, type and head. */
const REGISTRY_HEADER: Cell[] = ['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu'];
const REGISTRY_COLUMNS = { unit: 'A', unitType: 'B', head: 'C' };

function taskSheet(name: string, headerRow: number, dataRows: number, columns: Record<string, string> = TASK_COLUMNS): ExpectedSheet {
  return { name, kind: 'task', headerRow, dataRows, columns };
}

// ------------------------------------------------------------------ cases

interface Case {
  readonly file: string;
  readonly build: () => Promise<Buffer>;
  readonly expect: Omit<Expectation, 'stdout'>;
  /** The --lang of `expect.args`, for the expected summary lines. */
  readonly lang?: 'vi' | 'en';
}

/** A one-row task book, the base of the damaged-container cases. */
async function smallTaskBook(): Promise<Buffer> {
  return xlsx(
    workbook([
      { name: 'Nhiệm vụ', rows: [...TITLE, TASK_HEADER, [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo quý', 'Phòng Nội vụ', null, utc(2026, 6, 30), null, null]] },
      { name: 'Danh mục', rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng chuyên môn']] },
    ]),
  );
}

function exit2(description: string, stderr: string, args: readonly string[] = ['--as-of', AS_OF]): Omit<Expectation, 'stdout'> {
  return { description, args, exit: 2, stderr: [stderr] };
}

const CORRUPT = (why: string) => `cli: {input} bị hỏng hoặc không phải .xlsx hợp lệ (${why})`;
const UNREADABLE_SHEET = (sheet: string, part: string) =>
  `cli: {input} bị hỏng: không đọc được trang "${sheet}" (phần ${part} bị thiếu hoặc hỏng); hãy mở bằng Excel, lưu lại rồi chạy lại`;

function fileCases(): Case[] {
  return [
    {
      file: '01-not-an-xlsx.xlsx',
      build: async () => Buffer.from('Đây là một ghi chú, không phải sổ Excel.\r\n', 'utf8'),
      expect: exit2('Plain text named .xlsx.', 'cli: {input} không phải tệp Excel .xlsx'),
    },
    {
      file: '02-zero-bytes.xlsx',
      build: async () => Buffer.alloc(0),
      expect: exit2('An empty file (an interrupted copy or download).', 'cli: {input} là tệp rỗng (0 byte)'),
    },
    {
      file: '03-csv-renamed.xlsx',
      build: async () =>
        Buffer.from('\ufeffSTT,Số văn bản,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn\r\n1,01/UBND,Báo cáo quý,Phòng Nội vụ,30/06/2026\r\n', 'utf8'),
      expect: exit2('A CSV export renamed .xlsx, run in English.', 'cli: {input} is not an Excel .xlsx file', ['--as-of', AS_OF, '--lang', 'en']),
    },
    {
      file: '04-html-table-renamed.xlsx',
      build: async () =>
        Buffer.from(
          '<html><head><meta charset="utf-8"></head><body><table><tr><td>Nội dung nhiệm vụ</td><td>Đơn vị chủ trì</td><td>Thời hạn</td></tr>' +
            '<tr><td>Báo cáo</td><td>Phòng Nội vụ</td><td>30/06/2026</td></tr></table></body></html>',
          'utf8',
        ),
      expect: exit2('An "Excel export" of a web system: an HTML table saved under an Excel name.', 'cli: {input} không phải tệp Excel .xlsx'),
    },
    {
      file: '05-truncated-zip.xlsx',
      build: async () => {
        const full = await smallTaskBook();
        return full.subarray(0, Math.floor(full.length / 2));
      },
      expect: exit2('The first half of a real .xlsx (the zip directory at the end is gone).', CORRUPT('không đọc được danh mục của tệp nén: tệp có thể bị cắt cụt')),
    },
    {
      file: '06-corrupt-sheet-data.xlsx',
      build: async () => {
        const full = await smallTaskBook();
        const e = readZip(full).get('xl/worksheets/sheet1.xml')!;
        const start = e.dataStart;
        const bad = Buffer.from(full);
        for (let i = 0; i < Math.min(64, e.compressedSize); i++) bad[start + i] = 0xff;
        return bad;
      },
      expect: exit2(
        'A real .xlsx whose first sheet has its compressed bytes overwritten (a bad sector).',
        UNREADABLE_SHEET('Nhiệm vụ', 'xl/worksheets/sheet1.xml'),
      ),
    },
    {
      file: '07-password-protected.xlsx',
      build: async () =>
        oleFile([
          { name: 'EncryptionInfo', data: Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption/>')]) },
          { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) },
        ]),
      expect: exit2(
        'An .xlsx saved with a password to open: an OLE container with EncryptionInfo and EncryptedPackage.',
        'cli: {input} được đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu rồi chạy lại',
      ),
    },
    {
      file: '08-xls-renamed.xlsx',
      build: async () =>
        oleFile([
          { name: 'Workbook', data: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) },
          { name: '\u0005SummaryInformation', data: Buffer.alloc(16) },
        ]),
      expect: exit2(
        'An Excel 97-2003 .xls renamed .xlsx (OLE container with a Workbook stream): not "password-protected".',
        'cli: {input} là sổ Excel 97-2003 (.xls): hãy mở bằng Excel, lưu thành .xlsx rồi chạy lại',
      ),
    },
    {
      file: '09-doc-renamed.xlsx',
      build: async () =>
        oleFile([
          { name: 'WordDocument', data: Buffer.from([0xec, 0xa5, 0xc1, 0x00]) },
          { name: '1Table', data: Buffer.alloc(16) },
        ]),
      expect: exit2('A Word 97-2003 .doc renamed .xlsx (OLE container without a workbook).', 'cli: {input} không phải tệp Excel .xlsx'),
    },
    {
      file: '10-docx-renamed.xlsx',
      build: async () =>
        zip([
          {
            name: '[Content_Types].xml',
            data: Buffer.from(
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
                '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            ),
          },
          {
            name: '_rels/.rels',
            data: Buffer.from(
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
            ),
          },
          {
            name: 'word/document.xml',
            data: Buffer.from(
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
            ),
          },
        ]),
      expect: exit2('A Word .docx renamed .xlsx: a zip, but no workbook inside.', 'cli: {input} là tệp nén zip nhưng không phải sổ Excel .xlsx (không có xl/workbook.xml)'),
    },
    {
      file: '11-ods-renamed.xlsx',
      build: async () =>
        zip([
          { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
          {
            name: 'content.xml',
            data: Buffer.from(
              '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>',
            ),
          },
        ]),
      expect: exit2('A LibreOffice .ods renamed .xlsx.', 'cli: {input} là tệp nén zip nhưng không phải sổ Excel .xlsx (không có xl/workbook.xml)'),
    },
    {
      file: '12-empty-zip.xlsx',
      build: async () => zip([]),
      expect: exit2('A zip archive with no entry at all.', 'cli: {input} là tệp nén zip nhưng không phải sổ Excel .xlsx (không có xl/workbook.xml)'),
    },
    {
      file: '13-missing-sheet-part.xlsx',
      build: async () => {
        const files = unzip(await smallTaskBook());
        return zip(files.filter((f) => f.name !== 'xl/worksheets/sheet1.xml'));
      },
      expect: exit2(
        'workbook.xml lists "Nhiệm vụ" but its part is missing: ExcelJS would drop the sheet silently and score the rest.',
        UNREADABLE_SHEET('Nhiệm vụ', 'xl/worksheets/sheet1.xml'),
      ),
    },
    {
      file: '14-damaged-sheet-xml.xlsx',
      build: async () => {
        const files = unzip(await smallTaskBook());
        return zip(files.map((f) => (f.name === 'xl/worksheets/sheet2.xml' ? { name: f.name, data: f.data.subarray(0, Math.floor(f.data.length / 2)) } : f)));
      },
      expect: exit2('The XML of the second sheet ("Danh mục") is cut in half inside a valid zip.', UNREADABLE_SHEET('Danh mục', 'xl/worksheets/sheet2.xml')),
    },
    {
      file: '15-missing-shared-strings.xlsx',
      build: async () => {
        const files = unzip(await smallTaskBook());
        return zip(files.filter((f) => f.name !== 'xl/sharedStrings.xml'));
      },
      expect: exit2(
        'The shared strings part is missing: every text cell would read as a number.',
        'cli: {input} bị hỏng: thiếu phần xl/sharedStrings.xml; hãy mở bằng Excel, lưu lại rồi chạy lại',
      ),
    },
  ];
}

function bookCases(): Case[] {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);
  const args = ['--as-of', AS_OF];

  add({
    file: '20-empty-workbook.xlsx',
    build: () => xlsx(workbook([])),
    expect: {
      description: 'A workbook without any worksheet.',
      args,
      exit: 0,
      stderr: ['Không thấy trang nhiệm vụ, kiểm tra hay danh mục đơn vị trong 20-empty-workbook.xlsx. Đã xem: sổ không có trang tính nào'],
      sheets: [],
      ignoredSheets: [],
      findings: [],
      tasks: [],
      units: [],
    },
  });

  add({
    file: '21-empty-sheet.xlsx',
    build: () => xlsx(workbook([{ name: 'Sheet1' }])),
    expect: {
      description: 'One worksheet without a single cell.',
      args,
      exit: 0,
      stderr: [`Không thấy trang nhiệm vụ, kiểm tra hay danh mục đơn vị trong 21-empty-sheet.xlsx. Đã xem: "Sheet1" (${REASON.vi.noHeader})`],
      sheets: [],
      ignoredSheets: [{ name: 'Sheet1', reason: REASON.vi.noHeader }],
      findings: [],
      tasks: [],
      units: [],
    },
  });

  add({
    file: '22-header-only.xlsx',
    build: () =>
      xlsx(
        workbook([
          {
            name: 'Nhiệm vụ',
            rows: [...TITLE, TASK_HEADER, [], [], [null, null, null, 'TM. ỦY BAN NHÂN DÂN'], [], [null, null, null, 'Người lập biểu']],
            merges: ['A1:I1', 'A4:I4'],
          },
        ]),
      ),
    expect: {
      description: 'Title, header and signature block, but no task: recognised with 0 records (the signature rows are footer).',
      args,
      exit: 0,
      stderr: [],
      sheets: [taskSheet('Nhiệm vụ', 5, 0)],
      ignoredSheets: [],
      findings: [],
      tasks: [],
      units: [],
    },
  });

  {
    const S = 'Nhiệm vụ';
    add({
      file: '23-duplicated-headers.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['STT', 'Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị chủ trì', 'Thời hạn', 'Thời hạn', 'Ghi chú'],
                [1, '01/UBND', 'Báo cáo quý III', 'Phòng Nội vụ', 'Phòng Tư pháp', utc(2026, 9, 30), utc(2026, 8, 31)],
                [2, '02/UBND', 'Rà soát thủ tục hành chính', null, 'Phòng Tư pháp', null, utc(2026, 9, 1)],
                [3, '03/UBND', 'Kiểm tra công vụ', 'Văn phòng HĐND-UBND', '', utc(2026, 9, 10), null, 'gấp'],
              ],
            },
          ]),
        ),
      expect: {
        description: 'Two "Đơn vị chủ trì" and two "Thời hạn" columns: the leftmost keeps the field, the other column is not read at all.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 3, { docNumber: 'B', content: 'C', leadUnit: 'D', deadline: 'F' })],
        ignoredSheets: [],
        findings: [
          f(S, 'D3', 'unassigned', VI.unassigned),
          f(S, 'F3', 'missing-deadline', VI.missingDeadline),
          f(S, 'F4', 'overdue', VI.overdue('2026-09-10')),
        ],
        tasks: [
          { sheet: S, row: 2, status: 'open_on_time', deadline: '2026-09-30', leadUnits: ['Phòng Nội vụ'] },
          { sheet: S, row: 3, status: 'open_on_time', deadline: null, leadUnits: [] },
          { sheet: S, row: 4, status: 'open_overdue', deadline: '2026-09-10', daysLate: 5, leadUnits: ['Văn phòng HĐND-UBND'] },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 0 },
          { name: 'Văn phòng HĐND-UBND', due: 1, openOverdue: 1 },
        ],
      },
    });
  }

  {
    const S = 'Theo dõi';
    const header = [
      'TT',
      'Số ký hiệu văn bản',
      'Số văn bản',
      'Ngày giao',
      'Ngày ban hành',
      'Trích yếu',
      'Nội dung nhiệm vụ',
      'Cơ quan chủ trì',
      'Đơn vị chủ trì',
      'Phối hợp',
      'Đơn vị phối hợp',
      'Cán bộ thụ lý',
      'Người phụ trách',
      'Hạn xử lý',
      'Thời hạn',
      'Ngày hoàn thành',
      'Ngày trả kết quả',
      'Tiến độ',
      'Tình trạng',
      // SPEC 1.3's leader field, added last so that the columns above keep their letters.
      'Lãnh đạo phụ trách',
      'Người chỉ đạo',
    ];
    add({
      file: '24-all-synonyms-duplicated.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['UBND XÃ MỸ HÒA'],
                ['THEO DÕI VĂN BẢN GIAO VIỆC'],
                header,
                // prettier-ignore
                [1, '10/UBND', '11/UBND', utc(2026, 3, 1), utc(2026, 1, 1), 'Lập quy hoạch', 'KHÁC', 'Phòng Kinh tế', 'Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Y tế', 'Ông A', 'Ông B', utc(2026, 6, 30), utc(2026, 12, 31), utc(2026, 7, 10), utc(2026, 6, 1), 'Đã hoàn thành', 'Chưa thực hiện', 'CT Nguyễn Văn C', 'PCT Lê Văn D'],
                // prettier-ignore
                [2, '12/UBND', null, utc(2026, 5, 1), null, 'Báo cáo tổng kết', null, null, 'Phòng Nội vụ', null, null, null, null, null, utc(2026, 8, 1), null, utc(2026, 8, 1), 'Hoàn thành', null],
              ],
            },
          ]),
        ),
      expect: {
        description: 'Every task field named twice by two synonyms: each leftmost column keeps its field; the duplicates are never read.',
        args,
        exit: 0,
        stderr: [],
        sheets: [
          taskSheet(S, 3, 2, {
            docNumber: 'B',
            assignedDate: 'D',
            content: 'F',
            leadUnit: 'H',
            coUnits: 'J',
            owner: 'L',
            deadline: 'N',
            completedDate: 'P',
            status: 'R',
            leader: 'T',
          }),
        ],
        ignoredSheets: [],
        findings: [
          f(S, 'P4', 'late-completion', VI.lateCompletion(10)),
          f(S, 'H5', 'unassigned', VI.unassigned),
          f(S, 'N5', 'missing-deadline', VI.missingDeadline),
          f(S, 'R5', 'status-conflict', VI.statusSaysDone),
        ],
        tasks: [
          { sheet: S, row: 4, status: 'done_late', deadline: '2026-06-30', completed: '2026-07-10', daysLate: 10, leadUnits: ['Phòng Kinh tế'] },
          { sheet: S, row: 5, status: 'open_on_time', deadline: null, completed: null, leadUnits: [] },
        ],
        units: [{ name: 'Phòng Kinh tế', due: 1, doneLate: 1 }],
      },
    });
  }

  {
    const names = ['Thiếu chủ trì', 'Thiếu thời hạn', 'Hai cột', 'Danh sách đơn vị', 'Đơn vị và loại'];
    add({
      file: '25-header-missing-required.xlsx',
      build: () =>
        xlsx(
          workbook([
            { name: names[0]!, rows: [['Số văn bản', 'Nội dung nhiệm vụ', 'Thời hạn', 'Ngày hoàn thành'], ['01/UBND', 'Báo cáo', utc(2026, 6, 30), null]] },
            { name: names[1]!, rows: [['Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Ngày hoàn thành'], ['01/UBND', 'Báo cáo', 'Phòng Nội vụ', null]] },
            { name: names[2]!, rows: [['Đơn vị chủ trì', 'Thời hạn'], ['Phòng Nội vụ', utc(2026, 6, 30)]] },
            { name: names[3]!, rows: [['Tên đơn vị', 'Ghi chú'], ['Phòng Nội vụ', '']] },
            { name: names[4]!, rows: [['Tên đơn vị', 'Loại đơn vị'], ['Phòng Nội vụ', 'Phòng']] },
          ]),
        ),
      expect: {
        description:
          'Headers with only some required columns (no lead unit; no deadline; two fields; a registry without unit type) or with the required ones but fewer than 3 fields in all (a registry of unit and type only): nothing is recognised.',
        args,
        exit: 0,
        stderr: [
          `Không thấy trang nhiệm vụ, kiểm tra hay danh mục đơn vị trong 25-header-missing-required.xlsx. Đã xem: ${names.map((n) => `"${n}" (${REASON.vi.noHeader})`).join('; ')}`,
        ],
        sheets: [],
        ignoredSheets: names.map((name) => ({ name, reason: REASON.vi.noHeader })),
        findings: [],
        tasks: [],
        units: [],
      },
    });
  }

  {
    const lines: Cell[][] = Array.from({ length: 20 }, (_, i) => [`Ghi chú ${i + 1}: văn bản chỉ đạo của UBND xã`]);
    add({
      file: '26-header-beyond-row-20.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: 'Nhiệm vụ',
              rows: [...lines, TASK_HEADER, [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo quý', 'Phòng Nội vụ', null, utc(2026, 6, 30), null, null]],
            },
          ]),
        ),
      expect: {
        description: 'Twenty lines of notes, then the header in row 21 (the 21st non-empty row): not a header, the sheet is ignored.',
        args,
        exit: 0,
        stderr: [`Không thấy trang nhiệm vụ, kiểm tra hay danh mục đơn vị trong 26-header-beyond-row-20.xlsx. Đã xem: "Nhiệm vụ" (${REASON.vi.noHeader})`],
        sheets: [],
        ignoredSheets: [{ name: 'Nhiệm vụ', reason: REASON.vi.noHeader }],
        findings: [],
        tasks: [],
        units: [],
      },
    });
  }

  {
    const A = 'Tiêu đề ở dòng thứ 20';
    const B = 'Tiêu đề ở dòng thứ 21';
    // 19 non-empty rows on rows 1, 3, …, 37 (blank rows between), then the header on row 39: the 20th non-empty row.
    const spaced: Cell[][] = [];
    for (let i = 0; i < 19; i++) spaced.push([`Dòng ghi chú ${i + 1}`], []);
    add({
      file: '27-header-row-20-vs-21.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: A,
              rows: [
                ...spaced,
                TASK_HEADER,
                [1, '05/UBND', null, 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 9, 1), null, null],
                [2, '06/UBND', null, 'Kế hoạch', 'Phòng Tư pháp', null, utc(2026, 10, 1), null, null],
              ],
            },
            {
              name: B,
              rows: [...Array.from({ length: 20 }, (_, i): Cell[] => [`Dòng ghi chú ${i + 1}`]), TASK_HEADER, [1, '07/UBND', null, 'Báo cáo', 'Phòng Y tế', null, utc(2026, 9, 1), null, null]],
            },
          ]),
        ),
      expect: {
        description: 'Rows are counted when non-empty: a header on row 39 that is the 20th non-empty row is found; one that is the 21st is not.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(A, 39, 2)],
        ignoredSheets: [{ name: B, reason: REASON.vi.noHeader }],
        findings: [f(A, 'G40', 'overdue', VI.overdue('2026-09-01'))],
        tasks: [
          { sheet: A, row: 40, status: 'open_overdue', daysLate: 14 },
          { sheet: A, row: 41, status: 'open_on_time' },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1 },
          { name: 'Phòng Tư pháp', due: 0 },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    add({
      file: '28-million-rows-footer.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ...TITLE,
                TASK_HEADER,
                [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 3, 31), utc(2026, 3, 30), 'Hoàn thành'],
                [2, '02/UBND', utc(2026, 2, 1), 'Kế hoạch', 'Phòng Tư pháp', null, utc(2026, 6, 30), null, 'Đang thực hiện'],
                [3, '03/UBND', utc(2026, 2, 1), 'Tổng kết', null, null, utc(2026, 12, 31), null, null],
              ],
              cells: [
                ['A1048575', 'TM. ỦY BAN NHÂN DÂN'],
                ['D1048576', 'Người lập biểu'],
                ['XFD1048576', 'x'],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'The used range reaches XFD1048576: a signature in the content column on the last row is below the last value of a footer column (docNumber, dates), so it is footer, not a task.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 5, 3)],
        ignoredSheets: [],
        findings: [f(S, 'G7', 'overdue', VI.overdue('2026-06-30')), f(S, 'E8', 'unassigned', VI.unassigned)],
        tasks: [
          { sheet: S, row: 6, status: 'done_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: S, row: 7, status: 'open_overdue', daysLate: 77, leadUnits: ['Phòng Tư pháp'] },
          { sheet: S, row: 8, status: 'open_on_time', leadUnits: [] },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1, doneOnTime: 1 },
          { name: 'Phòng Tư pháp', due: 1, openOverdue: 1 },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    add({
      file: '29-million-rows-stray-record.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì'],
                [1, 'Báo cáo', 'Phòng Nội vụ'],
                [2, 'Kế hoạch', 'Phòng Tư pháp'],
              ],
              cells: [
                ['XFD1', 'Thời hạn'],
                ['XFD2', utc(2026, 12, 31)],
                ['XFD3', utc(2026, 9, 1)],
                ['XFD1048576', utc(2026, 1, 1)],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'The deadline column is XFD and a stray date sits in XFD1048576, the last cell of the sheet: a value in a footer column, so the table reaches it and it is a task (unassigned, overdue); the million empty rows between are skipped.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 3, { content: 'B', leadUnit: 'C', deadline: 'XFD' })],
        ignoredSheets: [],
        findings: [
          f(S, 'XFD3', 'overdue', VI.overdue('2026-09-01')),
          f(S, 'C1048576', 'unassigned', VI.unassigned),
          f(S, 'XFD1048576', 'overdue', VI.overdue('2026-01-01')),
        ],
        tasks: [
          { sheet: S, row: 2, status: 'open_on_time', deadline: '2026-12-31' },
          { sheet: S, row: 3, status: 'open_overdue', deadline: '2026-09-01', daysLate: 14 },
          { sheet: S, row: 1048576, status: 'open_overdue', deadline: '2026-01-01', daysLate: 257, leadUnits: [] },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 0 },
          { name: 'Phòng Tư pháp', due: 1 },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    const MAX = 32_767;
    const fill = (seed: string) => seed.repeat(Math.ceil(MAX / seed.length)).slice(0, MAX);
    const content = fill('Triển khai nhiệm vụ chuyển đổi số cấp xã; ');
    const unit = 'Phòng ' + 'x'.repeat(MAX - 'Phòng '.length);
    const dateText = '3'.repeat(MAX);
    add({
      file: '30-cells-32767-chars.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ghi chú'],
                ['01/UBND', content, unit, utc(2026, 9, 1), fill('Ghi chú rất dài. ')],
                ['02/UBND', content, 'Phòng Nội vụ', dateText, null],
                ['01/UBND', content, 'Phòng Nội vụ', utc(2026, 12, 31), null],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Cells of 32,767 characters (Excel\'s maximum) in the content, lead-unit, deadline and note columns: read whole; the deadline text is an invalid date, the repeated content a duplicate.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 3, { docNumber: 'A', content: 'B', leadUnit: 'C', deadline: 'D' })],
        ignoredSheets: [],
        findings: [
          f(S, 'D2', 'overdue', VI.overdue('2026-09-01')),
          { sheet: S, cell: 'D3', rule: 'invalid-date', messagePrefix: `Không đọc được ngày: '${'3'.repeat(40)}` },
          f(S, 'D3', 'missing-deadline', VI.missingDeadline),
          f(S, 'B4', 'duplicate-task', VI.duplicateTask(2)),
        ],
        tasks: [
          { sheet: S, row: 2, status: 'open_overdue', leadUnits: [unit] },
          { sheet: S, row: 3, status: 'open_on_time', deadline: null, leadUnits: ['Phòng Nội vụ'] },
          { sheet: S, row: 4, status: 'open_on_time', deadline: '2026-12-31', leadUnits: ['Phòng Nội vụ'] },
        ],
        units: [
          { name: unit, due: 1, openOverdue: 1 },
          { name: 'Phòng Nội vụ', due: 0 },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const I = 'Kiểm tra';
    const R = 'Danh mục';
    const e = (error: string): Cell => ({ error });
    const codes2 = ['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#N/A'];
    const codes3 = ['#SPILL!', '#CALC!', '#GETTING_DATA', '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?'];
    const cols = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const registry = ['Phòng Nội vụ', 'Phòng Tư pháp'];
    add({
      file: '31-error-values-everywhere.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: R,
              rows: [
                ['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu', 'Kỷ luật'],
                ['Phòng Nội vụ', 'Phòng chuyên môn', 'Ông A', null],
                [e('#REF!'), e('#N/A'), e('#NAME?'), e('#DIV/0!')],
                ['Phòng Tư pháp', 'Phòng chuyên môn', e('#VALUE!'), null],
              ],
            },
            {
              name: T,
              rows: [
                TASK_HEADER,
                [e('#REF!'), ...codes2.map(e)],
                [e('#N/A'), ...codes3.map(e)],
                [3, '03/UBND', utc(2026, 1, 10), 'Báo cáo', 'Phòng Nội vụ', 'Phòng Tư pháp', utc(2026, 6, 30), utc(2026, 6, 20), 'Hoàn thành'],
                [4, '04/UBND', utc(2026, 2, 1), 'Kế hoạch', 'Phòng Y tế', null, utc(2026, 9, 1), null, null],
              ],
            },
            {
              name: I,
              rows: [
                ['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Hình thức kiểm tra', 'Số vi phạm', 'Hình thức xử lý'],
                [e('#N/A'), e('#REF!'), e('#VALUE!'), e('#DIV/0!'), e('#NUM!')],
                [utc(2026, 5, 10), 'Phòng Nội vụ', 'Đột xuất', 2, 'Nhắc nhở'],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Excel error values (#N/A, #REF!, #SPILL!, #CALC!, #GETTING_DATA, …) in every mapped cell of a task, an inspection and a registry row: each is invalid-value at its cell, then counts as empty; the valid rows after them are read as usual.',
        args,
        exit: 0,
        stderr: [],
        sheets: [
          { name: R, kind: 'registry', headerRow: 1, dataRows: 3, columns: { unit: 'A', unitType: 'B', head: 'C', disciplined: 'D' } },
          taskSheet(T, 1, 4),
          { name: I, kind: 'inspection', headerRow: 1, dataRows: 2, columns: { date: 'A', unit: 'B', form: 'C', violations: 'D', handling: 'E' } },
        ],
        ignoredSheets: [],
        findings: [
          f(R, 'A3', 'invalid-value', VI.invalidValue('#REF!')),
          f(R, 'B3', 'invalid-value', VI.invalidValue('#N/A')),
          f(R, 'C3', 'invalid-value', VI.invalidValue('#NAME?')),
          f(R, 'D3', 'invalid-value', VI.invalidValue('#DIV/0!')),
          f(R, 'C4', 'invalid-value', VI.invalidValue('#VALUE!')),
          ...cols.map((c, i) => f(T, `${c}2`, 'invalid-value', VI.invalidValue(codes2[i]!))),
          f(T, 'E2', 'unassigned', VI.unassigned),
          f(T, 'G2', 'missing-deadline', VI.missingDeadline),
          ...cols.map((c, i) => f(T, `${c}3`, 'invalid-value', VI.invalidValue(codes3[i]!))),
          f(T, 'E3', 'unassigned', VI.unassigned),
          f(T, 'G3', 'missing-deadline', VI.missingDeadline),
          f(T, 'E5', 'unknown-unit', VI.unknownUnit([['Phòng Y tế', nearest('Phòng Y tế', registry)]])),
          f(T, 'G5', 'overdue', VI.overdue('2026-09-01')),
          ...['A', 'B', 'C', 'D', 'E'].map((c, i) => f(I, `${c}2`, 'invalid-value', VI.invalidValue(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NUM!'][i]!))),
        ],
        tasks: [
          { sheet: T, row: 2, status: 'open_on_time', deadline: null, completed: null, leadUnits: [] },
          { sheet: T, row: 3, status: 'open_on_time', deadline: null, completed: null, leadUnits: [] },
          { sheet: T, row: 4, status: 'done_on_time', deadline: '2026-06-30', completed: '2026-06-20', leadUnits: ['Phòng Nội vụ'] },
          { sheet: T, row: 5, status: 'open_overdue', deadline: '2026-09-01', daysLate: 14, leadUnits: ['Phòng Y tế'] },
        ],
        units: [
          { name: 'Phòng Nội vụ', head: 'Ông A', due: 1, doneOnTime: 1, violations: 2, score: 88, level: 'good' },
          { name: 'Phòng Tư pháp', head: null, due: 0, violations: 0, score: 100, level: 'good' },
          { name: 'Phòng Y tế', due: 1, openOverdue: 1, score: 30, level: 'not_completed' },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    const s = (serial: number, fmt?: string): Cell => ({ serial, fmt });
    const t = (row: number, status: ExpectedTask['status'], deadline: string | null, completed: string | null, daysLate = 0): ExpectedTask => ({
      sheet: S,
      row,
      status,
      deadline,
      completed,
      daysLate,
    });
    const since1900 = daysBetween('1900-01-01', AS_OF);
    add({
      file: '32-dates-1900-and-9999.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                TASK_HEADER,
                [1, '01', null, 'Mốc 01/01/1900', 'Phòng A', null, s(1), null, null],
                [2, '02', null, 'Mốc 28/02/1900', 'Phòng A', null, s(59), s(61), null],
                [3, '03', null, 'Mốc 29/02/1900, ngày không có thật của Excel', 'Phòng A', null, s(60), s(60), null],
                [4, '04', null, 'Chữ 29/02/1900', 'Phòng A', null, '29/02/1900', null, null],
                [5, '05', null, 'Mốc 31/12/9999', 'Phòng B', null, s(2958465), null, null],
                [6, '06', null, 'Hoàn thành năm 9999', 'Phòng B', null, s(2958465), s(2958465), null],
                [7, '07', null, 'Sau 31/12/9999', 'Phòng B', null, s(2958466), null, null],
                [8, '08', null, 'Số 0 định dạng ngày', 'Phòng B', null, s(0), null, null],
                [9, '09', null, 'Số âm định dạng ngày', 'Phòng B', null, s(-1), null, null],
                [10, '10', null, 'Số thường', ' Phòng B', null, 1, 2958465, null],
                [11, '11', null, 'Chữ 31/12/9999', 'Phòng B', null, '31/12/9999', '1/1/10000', null],
                [12, '12', null, 'Giờ cuối cùng', 'Phòng B', null, s(2958465.999, 'dd/mm/yyyy hh:mm'), null, null],
                [13, '13', s(1), 'Giao năm 1900', 'Phòng B', null, utc(2026, 12, 31), s(1), null],
                [14, '14', s(2958465), 'Giao năm 9999', 'Phòng B', null, utc(2026, 12, 31), null, null],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Dates at both ends of Excel\'s calendar (serial 1 = 01/01/1900, the fictitious 29/02/1900, 31/12/9999) as real dates, plain serials and text; date-formatted numbers Excel cannot show as a date (0, -1, 2958466) are invalid dates, not years 1899 or 10000.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 14)],
        ignoredSheets: [],
        findings: [
          f(S, 'G2', 'overdue', `Quá hạn ${since1900} ngày`),
          f(S, 'H3', 'late-completion', VI.lateCompletion(1)),
          f(S, 'G5', 'invalid-date', VI.invalidDate('29/02/1900')),
          f(S, 'G5', 'missing-deadline', VI.missingDeadline),
          f(S, 'H7', 'completed-after-as-of', VI.completedAfterAsOf('9999-12-31')),
          f(S, 'G8', 'invalid-date', VI.invalidDate('2958466')),
          f(S, 'G8', 'missing-deadline', VI.missingDeadline),
          f(S, 'G9', 'invalid-date', VI.invalidDate('0')),
          f(S, 'G9', 'missing-deadline', VI.missingDeadline),
          f(S, 'G10', 'invalid-date', VI.invalidDate('-1')),
          f(S, 'G10', 'missing-deadline', VI.missingDeadline),
          f(S, 'G11', 'overdue', `Quá hạn ${since1900} ngày`),
          f(S, 'H11', 'completed-after-as-of', VI.completedAfterAsOf('9999-12-31')),
          f(S, 'H12', 'invalid-date', VI.invalidDate('1/1/10000')),
          f(S, 'G15', 'deadline-before-assigned', VI.deadlineBeforeAssigned('2026-12-31', '9999-12-31')),
        ],
        tasks: [
          t(2, 'open_overdue', '1900-01-01', null, since1900),
          t(3, 'done_late', '1900-02-28', '1900-03-01', 1),
          t(4, 'done_on_time', '1900-03-01', '1900-03-01'),
          t(5, 'open_on_time', null, null),
          t(6, 'open_on_time', '9999-12-31', null),
          t(7, 'open_on_time', '9999-12-31', '9999-12-31'),
          t(8, 'open_on_time', null, null),
          t(9, 'open_on_time', null, null),
          t(10, 'open_on_time', null, null),
          t(11, 'open_overdue', '1900-01-01', '9999-12-31', since1900),
          t(12, 'open_on_time', '9999-12-31', null),
          t(13, 'open_on_time', '9999-12-31', null),
          t(14, 'done_on_time', '2026-12-31', '1900-01-01'),
          t(15, 'open_on_time', '2026-12-31', null),
        ],
        units: [
          { name: 'Phòng A', due: 3, doneOnTime: 1, doneLate: 1, openOverdue: 1 },
          { name: 'Phòng B', due: 2, doneOnTime: 1, openOverdue: 1 },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    add({
      file: '33-date-system-1904.xlsx',
      build: () =>
        xlsx(
          workbook(
            [
              {
                name: S,
                rows: [
                  TASK_HEADER,
                  [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 6, 30), null, null],
                  [2, '02/UBND', utc(2026, 1, 5), 'Kế hoạch', 'Phòng Nội vụ', null, utc(2026, 6, 30), utc(2026, 6, 20), null],
                  [3, '03/UBND', null, 'Số 0 trong hệ 1904', 'Phòng Tư pháp', null, { serial: 0 }, null, null],
                ],
              },
            ],
            { date1904: true },
          ),
        ),
      expect: {
        description: 'A workbook in the 1904 date system (old Mac Excel): real dates read as the days Excel shows; serial 0 is 01/01/1904 there.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 3)],
        ignoredSheets: [],
        findings: [f(S, 'G2', 'overdue', VI.overdue('2026-06-30')), f(S, 'G4', 'overdue', VI.overdue('1904-01-01'))],
        tasks: [
          { sheet: S, row: 2, status: 'open_overdue', deadline: '2026-06-30', daysLate: 77 },
          { sheet: S, row: 3, status: 'done_on_time', deadline: '2026-06-30', completed: '2026-06-20' },
          { sheet: S, row: 4, status: 'open_overdue', deadline: '1904-01-01', daysLate: daysBetween('1904-01-01', AS_OF) },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    const K = 'Phòng Kế hoạch';
    add({
      file: '34-formulas-returning-dates.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['STT', 'Số văn bản', 'Ngày giao', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
                [1, '01/UBND', utc(2026, 6, 1), 'DATE()', K, { formula: 'DATE(2026,6,30)', result: utc(2026, 6, 30) }],
                [2, '02/UBND', utc(2026, 6, 1), 'EDATE() và cộng ngày', K, { formula: 'EDATE(C3,1)', result: utc(2026, 7, 1) }, { formula: 'F3+5', result: utc(2026, 7, 6) }],
                [3, '03/UBND', utc(2026, 7, 1), 'Cộng ngày, định dạng General', K, { formula: 'C4+30', result: 46234 }],
                [4, '04/UBND', utc(2026, 7, 1), 'TEXT()', K, { formula: 'TEXT(DATE(2026,12,31),"dd/mm/yyyy")', result: '31/12/2026' }],
                [5, '05/UBND', utc(2026, 7, 1), 'IFERROR() rỗng', 'Phòng Nội vụ', { formula: 'IFERROR(1/0,"")', result: '' }],
                [6, '06/UBND', utc(2026, 7, 1), 'Chia cho 0', K, { formula: '1/0', result: { error: '#DIV/0!' } }],
                [7, '07/UBND', utc(2026, 7, 1), 'TODAY() đã lưu', K, { formula: 'TODAY()', result: utc(2026, 9, 15) }],
                [8, '08/UBND', utc(2026, 7, 1), 'Công thức chưa tính', K, { formula: 'DATE(2026,9,1)' }],
                [9, '09/UBND', utc(2026, 8, 1), 'Công thức dùng chung 1', K],
                [10, '10/UBND', utc(2026, 8, 10), 'Công thức dùng chung 2', K],
                [11, '11/UBND', utc(2026, 9, 10), 'Công thức dùng chung 3', K],
              ],
              sharedFormulas: [['F10:F12', 'C10+10', [utc(2026, 8, 11), utc(2026, 8, 20), utc(2026, 9, 20)]]],
            },
          ]),
        ),
      expect: {
        description:
          'Deadlines computed by formulas (DATE, EDATE, +n, TEXT, IFERROR, TODAY, shared formulas, an error): the cached result is the value. A formula saved without a cached result (written by a script, never opened in Excel) reads as empty: missing deadline.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, 11, { docNumber: 'B', assignedDate: 'C', content: 'D', leadUnit: 'E', deadline: 'F', completedDate: 'G' })],
        ignoredSheets: [],
        findings: [
          f(S, 'F2', 'overdue', VI.overdue('2026-06-30')),
          f(S, 'G3', 'late-completion', VI.lateCompletion(5)),
          f(S, 'F4', 'overdue', VI.overdue('2026-07-31')),
          f(S, 'F6', 'missing-deadline', VI.missingDeadline),
          f(S, 'F7', 'invalid-value', VI.invalidValue('#DIV/0!')),
          f(S, 'F7', 'missing-deadline', VI.missingDeadline),
          f(S, 'F9', 'missing-deadline', VI.missingDeadline),
          f(S, 'F10', 'overdue', VI.overdue('2026-08-11')),
          f(S, 'F11', 'overdue', VI.overdue('2026-08-20')),
        ],
        tasks: [
          { sheet: S, row: 2, status: 'open_overdue', deadline: '2026-06-30', daysLate: 77 },
          { sheet: S, row: 3, status: 'done_late', deadline: '2026-07-01', completed: '2026-07-06', daysLate: 5 },
          { sheet: S, row: 4, status: 'open_overdue', deadline: '2026-07-31', daysLate: 46 },
          { sheet: S, row: 5, status: 'open_on_time', deadline: '2026-12-31' },
          { sheet: S, row: 6, status: 'open_on_time', deadline: null },
          { sheet: S, row: 7, status: 'open_on_time', deadline: null },
          { sheet: S, row: 8, status: 'open_on_time', deadline: '2026-09-15' },
          { sheet: S, row: 9, status: 'open_on_time', deadline: null },
          { sheet: S, row: 10, status: 'open_overdue', deadline: '2026-08-11', daysLate: 35 },
          { sheet: S, row: 11, status: 'open_overdue', deadline: '2026-08-20', daysLate: 26 },
          { sheet: S, row: 12, status: 'open_on_time', deadline: '2026-09-20' },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const I = 'Kiểm tra';
    const R = 'Danh mục';
    add({
      file: '35-numbers-stored-as-text.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: R,
              rows: [
                ['Tên đơn vị', 'Loại đơn vị', 'Kỷ luật'],
                ['Phòng Nội vụ', 'Phòng', '0'],
                [101, 'Phòng', 'không'],
                ['Phòng Tư pháp', 'Phòng', 0],
                ['Phòng Y tế', 'Phòng', 'Khiển trách'],
              ],
            },
            {
              name: T,
              rows: [
                ['STT', 'Số văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
                ['1', 123, 'Báo cáo', 101, '46203', null],
                ['2', '0124', 'Kế hoạch', 'Phòng Nội vụ', ' 30/06/2026 ', '2026-07-05'],
                ['3', '125', 'Tổng kết', 'Phòng Tư pháp', '30.06.26', '05/07/2026 08:30'],
                ['4', '126', 'Rà soát', 'Phòng Tư pháp', 46203, '３０/０６/２０２６'],
              ],
            },
            {
              name: I,
              rows: [
                ['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Số vi phạm'],
                ['15/03/2026', 'Phòng Nội vụ', '2'],
                ['2026/04/20', 'Phòng Nội vụ', '2.0'],
                ['20/04/2026', 'Phòng Tư pháp', ' 1 '],
                ['21/04/2026', 'Phòng Tư pháp', '2,5'],
                ['22/04/2026', '101', 'không'],
                ['23/04/2026', '101', 'Không vi phạm'],
                ['24/04/2026', '101', 2.5],
                ['25/04/2026', '101', -1],
                ['26/04/2026', 'Phòng Y tế', '１'],
                ['27/04/2026', 'Phòng Y tế', true],
                ['01/10/2026', 'Phòng Y tế', '3'],
                [46130, 'Phòng Y tế', 1],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Numbers typed as text and text typed as numbers: "46203" is not a date (only a number is a serial), date text in every accepted form, violations "2", "2.0", " 1 ", "không" accepted; "2,5", 2.5, -1, fullwidth digits and TRUE are not; a unit named 101 in the registry.',
        args,
        exit: 0,
        stderr: [],
        sheets: [
          { name: R, kind: 'registry', headerRow: 1, dataRows: 4, columns: { unit: 'A', unitType: 'B', disciplined: 'C' } },
          taskSheet(T, 1, 4, { docNumber: 'B', content: 'C', leadUnit: 'D', deadline: 'E', completedDate: 'F' }),
          { name: I, kind: 'inspection', headerRow: 1, dataRows: 12, columns: { date: 'A', unit: 'B', violations: 'C' } },
        ],
        ignoredSheets: [],
        findings: [
          f(T, 'E2', 'invalid-date', VI.invalidDate('46203')),
          f(T, 'E2', 'missing-deadline', VI.missingDeadline),
          f(T, 'F3', 'late-completion', VI.lateCompletion(5)),
          f(T, 'F4', 'late-completion', VI.lateCompletion(5)),
          f(T, 'F5', 'invalid-date', VI.invalidDate('３０/０６/２０２６')),
          f(T, 'E5', 'overdue', VI.overdue('2026-06-30')),
          f(I, 'C5', 'invalid-violations', VI.invalidViolations('2,5')),
          f(I, 'C8', 'invalid-violations', VI.invalidViolations('2.5')),
          f(I, 'C9', 'invalid-violations', VI.invalidViolations('-1')),
          f(I, 'C10', 'invalid-violations', VI.invalidViolations('１')),
          f(I, 'C11', 'invalid-violations', VI.invalidViolations('TRUE')),
        ],
        tasks: [
          { sheet: T, row: 2, status: 'open_on_time', deadline: null, leadUnits: ['101'] },
          { sheet: T, row: 3, status: 'done_late', deadline: '2026-06-30', completed: '2026-07-05', daysLate: 5 },
          { sheet: T, row: 4, status: 'done_late', deadline: '2026-06-30', completed: '2026-07-05', daysLate: 5 },
          { sheet: T, row: 5, status: 'open_overdue', deadline: '2026-06-30', completed: null, daysLate: 77 },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1, doneLate: 1, violations: 4, disciplined: false, score: 6, level: 'not_completed' },
          { name: '101', due: 0, violations: 0, disciplined: false, score: 100, level: 'good' },
          { name: 'Phòng Tư pháp', due: 2, doneLate: 1, openOverdue: 1, violations: 1, disciplined: false, score: 24, level: 'not_completed' },
          { name: 'Phòng Y tế', due: 0, violations: 1, disciplined: true, score: 94, level: 'not_completed' },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    const bad = [
      '13/25/2023',
      '30/02/2023',
      'sắp tới',
      'Q3/2023',
      // "tháng 7/2023" is a deadline since SPEC 1.3 (its month's last day); its near miss is not.
      'tháng 13/2023',
      '06/30/2023',
      '31/04/2023',
      '2023/13/01',
      '00/01/2023',
      'Ngày 31 tháng 2 năm 2023',
      '30/6-2023',
      '1/1/10000',
      '30/06',
      '2023',
      '30/06/2023 giờ hành chính',
      '30 / 06 / 2023',
      'ngày mai',
    ];
    const rows: Cell[][] = bad.map((text, i) => [i + 1, i === 0 ? '32/01/2023' : null, `Việc ${i + 1}`, 'Phòng Nội vụ', text, i === 1 ? 'đã xong' : null]);
    const last = bad.length + 2;
    add({
      file: '36-dates-as-bad-text.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['STT', 'Ngày giao', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
                ...rows,
                [99, '01/07/2026', 'Việc hợp lệ', 'Phòng Nội vụ', 'ngày 05 tháng 9 năm 2026', '  '],
              ],
            },
          ]),
        ),
      expect: {
        description: 'Every date of a task sheet typed as text in a form the SPEC does not accept: each is invalid-date at its cell; the last, valid row is still read.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, bad.length + 1, { assignedDate: 'B', content: 'C', leadUnit: 'D', deadline: 'E', completedDate: 'F' })],
        ignoredSheets: [],
        findings: [
          f(S, 'B2', 'invalid-date', VI.invalidDate('32/01/2023')),
          f(S, 'F3', 'invalid-date', VI.invalidDate('đã xong')),
          ...bad.flatMap((text, i) => [f(S, `E${i + 2}`, 'invalid-date', VI.invalidDate(text)), f(S, `E${i + 2}`, 'missing-deadline', VI.missingDeadline)]),
          f(S, `E${last}`, 'overdue', VI.overdue('2026-09-05')),
        ],
        tasks: [
          ...bad.map((_t, i): ExpectedTask => ({ sheet: S, row: i + 2, status: 'open_on_time', deadline: null, completed: null })),
          { sheet: S, row: last, status: 'open_overdue', deadline: '2026-09-05', completed: null, daysLate: 10 },
        ],
        units: [{ name: 'Phòng Nội vụ', due: 1, openOverdue: 1, openOnTime: bad.length }],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    add({
      file: '37-merged-data-cells.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ...TITLE,
                TASK_HEADER,
                [1, '01/UBND', utc(2026, 1, 5), 'Việc 1', 'Phòng Nội vụ', null, utc(2026, 9, 1)],
                [2, '02/UBND', utc(2026, 1, 5), 'Việc 2', null, null, utc(2026, 12, 31)],
                [3, '03/UBND', utc(2026, 1, 5), 'Việc 3', null, null, utc(2026, 12, 31)],
                ['Khối đơn vị sự nghiệp'],
                [4, '04/UBND', utc(2026, 2, 1), 'Việc 4', 'Trường Mầm non', null, utc(2026, 8, 31)],
                [5, '05/UBND', utc(2026, 2, 1), 'Việc 5', 'Trường Tiểu học', null, null],
                [6, '06/UBND', utc(2026, 3, 1), 'Việc 6, ô gộp sang cột chủ trì', null, null, utc(2026, 12, 31)],
                ['II. KHỐI XÃ'],
                [8, '08/UBND', utc(2026, 3, 1), 'Việc 8', 'Xã Mỹ Hòa', null, utc(2026, 6, 30), utc(2026, 6, 30)],
              ],
              merges: ['A1:I1', 'A4:I4', 'E6:E8', 'A9:I9', 'G10:G11', 'D12:E12', 'H14:I14'],
            },
          ]),
        ),
      expect: {
        description:
          'Merged data cells: Excel keeps a merge\'s value in its top-left cell only, so the rows under a merged lead unit or deadline have none (unassigned, missing deadline); merged section labels are skipped.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 5, 7)],
        ignoredSheets: [],
        findings: [
          f(S, 'G6', 'overdue', VI.overdue('2026-09-01')),
          f(S, 'E7', 'unassigned', VI.unassigned),
          f(S, 'E8', 'unassigned', VI.unassigned),
          f(S, 'G10', 'overdue', VI.overdue('2026-08-31')),
          f(S, 'G11', 'missing-deadline', VI.missingDeadline),
          f(S, 'E12', 'unassigned', VI.unassigned),
        ],
        tasks: [
          { sheet: S, row: 6, status: 'open_overdue', leadUnits: ['Phòng Nội vụ'], daysLate: 14 },
          { sheet: S, row: 7, status: 'open_on_time', leadUnits: [] },
          { sheet: S, row: 8, status: 'open_on_time', leadUnits: [] },
          { sheet: S, row: 10, status: 'open_overdue', leadUnits: ['Trường Mầm non'], daysLate: 15 },
          { sheet: S, row: 11, status: 'open_on_time', leadUnits: ['Trường Tiểu học'], deadline: null },
          { sheet: S, row: 12, status: 'open_on_time', leadUnits: [] },
          { sheet: S, row: 14, status: 'done_on_time', leadUnits: ['Xã Mỹ Hòa'], completed: '2026-06-30' },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1 },
          { name: 'Trường Mầm non', due: 1 },
          { name: 'Trường Tiểu học', due: 0 },
          { name: 'Xã Mỹ Hòa', due: 1, doneOnTime: 1 },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const R = 'Danh mục';
    add({
      file: '38-protected-sheets.xlsx',
      build: () =>
        xlsx(
          workbook([
            { name: R, rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng'], ['Phòng Tư pháp', 'Phòng']], protect: true },
            {
              name: T,
              rows: [TASK_HEADER, [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 9, 1)], [2, '02/UBND', utc(2026, 1, 5), 'Kế hoạch', null, null, utc(2026, 12, 31)]],
              protect: 'matkhau',
            },
          ]),
        ),
      expect: {
        description: 'Sheets protected with and without a password: read as usual; the annotated copy keeps the protection.',
        args,
        exit: 0,
        stderr: [],
        sheets: [{ name: R, kind: 'registry', headerRow: 1, dataRows: 2, columns: REGISTRY_COLUMNS }, taskSheet(T, 1, 2)],
        ignoredSheets: [],
        findings: [f(T, 'G2', 'overdue', VI.overdue('2026-09-01')), f(T, 'E3', 'unassigned', VI.unassigned)],
        tasks: [
          { sheet: T, row: 2, status: 'open_overdue', daysLate: 14 },
          { sheet: T, row: 3, status: 'open_on_time', leadUnits: [] },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1 },
          { name: 'Phòng Tư pháp', due: 0 },
        ],
        outProtected: [R, T],
      },
    });
  }

  {
    const own = ['KQ Đánh giá', 'kq-Tổng hợp', 'Kq.Dữ liệu'];
    const read = ['KQ', 'KQ2026', 'Nhiệm vụ'];
    const sheet = (name: string, unit: string): SheetSpec => ({
      name,
      rows: [TASK_HEADER, [1, '01/UBND', utc(2026, 1, 5), `Việc của ${name}`, unit, null, utc(2026, 9, 1)]],
    });
    add({
      file: '39-sheets-named-kq.xlsx',
      build: () =>
        xlsx(
          workbook([
            sheet(own[0]!, 'Phòng A'),
            sheet(read[0]!, 'Phòng B'),
            sheet(own[1]!, 'Phòng C'),
            sheet(read[1]!, 'Phòng D'),
            sheet(own[2]!, 'Phòng E'),
            sheet(read[2]!, 'Phòng F'),
          ]),
        ),
      expect: {
        description:
          'User sheets whose folded name starts with "kq " ("KQ Đánh giá", "kq-Tổng hợp", "Kq.Dữ liệu") are the tool\'s own and never read, even with tasks in them; "KQ" and "KQ2026" are not.',
        args,
        exit: 0,
        stderr: [],
        sheets: read.map((n) => taskSheet(n, 1, 1)),
        ignoredSheets: own.map((name) => ({ name, reason: REASON.vi.own })),
        findings: read.map((n) => f(n, 'G2', 'overdue', VI.overdue('2026-09-01'))),
        tasks: read.map((n): ExpectedTask => ({ sheet: n, row: 2, status: 'open_overdue' })),
        units: [
          { name: 'Phòng B', due: 1 },
          { name: 'Phòng D', due: 1 },
          { name: 'Phòng F', due: 1 },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const R = 'Danh mục';
    const registry = ['Phòng Nội vụ', 'Phòng Tư pháp'];
    add({
      file: '40-kq-sheets-from-earlier-run.xlsx',
      build: async () => {
        const base = workbook([
          { name: R, rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng'], ['Phòng Tư pháp', 'Phòng']] },
          {
            name: T,
            rows: [
              ...TITLE,
              TASK_HEADER,
              [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo quý', 'Phòng Nội vụ', null, utc(2026, 5, 31), null, null],
              [2, '02/UBND', utc(2026, 1, 5), 'Kế hoạch năm', null, null, '31/08/2026', null, null],
              [3, '03/UBND', utc(2026, 1, 5), 'Tổng kết', 'Phòng Tư pháp', 'Phòng Văn hóa', utc(2026, 3, 31), utc(2026, 4, 10), 'Hoàn thành'],
            ],
          },
        ]);
        // An earlier run of the project's own code (as of 1 June) left its flags and KQ sheets in the book.
        const port = await XlsxWorkbook.open(await xlsx(base), nodePlatform);
        await checkFlagAndScore(port, { asOf: '2026-06-01', lang: 'vi' });
        return Buffer.from(await port.toBuffer());
      },
      expect: {
        description:
          'A book annotated by an earlier run (flags, "KQ Đánh giá", "KQ Kiểm tra", helper sheet): the KQ sheets are ignored, the report is that of the user\'s sheets as of today, and --out replaces the flags and KQ sheets instead of adding to them (running twice gives the same).',
        args,
        exit: 0,
        stderr: [],
        sheets: [{ name: R, kind: 'registry', headerRow: 1, dataRows: 2, columns: REGISTRY_COLUMNS }, taskSheet(T, 5, 3)],
        // Filled in below from the sheets the earlier run left.
        ignoredSheets: [],
        findings: [
          f(T, 'G6', 'overdue', VI.overdue('2026-05-31')),
          f(T, 'E7', 'unassigned', VI.unassigned),
          f(T, 'G7', 'overdue', VI.overdue('2026-08-31')),
          f(T, 'H8', 'late-completion', VI.lateCompletion(10)),
          f(T, 'F8', 'unknown-unit', VI.unknownUnit([['Phòng Văn hóa', nearest('Phòng Văn hóa', registry)]])),
        ],
        tasks: [
          { sheet: T, row: 6, status: 'open_overdue', daysLate: 107 },
          { sheet: T, row: 7, status: 'open_overdue', daysLate: 15, leadUnits: [] },
          { sheet: T, row: 8, status: 'done_late', daysLate: 10 },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1, openOverdue: 1 },
          { name: 'Phòng Tư pháp', due: 1, doneLate: 1 },
        ],
        rerunOut: true,
      },
    });
  }

  {
    const V = 'Nhiệm vụ';
    const H = 'Nhiệm vụ cũ';
    const R = 'Dữ liệu ẩn';
    const registry = ['Phòng Nội vụ', 'Phòng Tư pháp'];
    add({
      file: '41-hidden-sheets.xlsx',
      build: () =>
        xlsx(
          workbook([
            { name: V, rows: [TASK_HEADER, [1, '01/UBND', null, 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 9, 1)], [2, '02/UBND', null, 'Kế hoạch', 'Phòng Văn hóa', null, utc(2026, 12, 31)]] },
            { name: H, state: 'hidden', rows: [TASK_HEADER, [1, '09/UBND', null, 'Việc năm trước', 'Phòng Tư pháp', null, utc(2025, 12, 31)]] },
            { name: R, state: 'veryHidden', rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng'], ['Phòng Tư pháp', 'Phòng']] },
          ]),
        ),
      expect: {
        description: 'A hidden task sheet and a very hidden registry are read like the others (the SPEC reads every sheet of the book).',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(V, 1, 2), taskSheet(H, 1, 1), { name: R, kind: 'registry', headerRow: 1, dataRows: 2, columns: REGISTRY_COLUMNS }],
        ignoredSheets: [],
        findings: [
          f(V, 'G2', 'overdue', VI.overdue('2026-09-01')),
          f(V, 'E3', 'unknown-unit', VI.unknownUnit([['Phòng Văn hóa', nearest('Phòng Văn hóa', registry)]])),
          f(H, 'G2', 'overdue', VI.overdue('2025-12-31')),
        ],
        tasks: [
          { sheet: V, row: 2, status: 'open_overdue' },
          { sheet: V, row: 3, status: 'open_on_time' },
          { sheet: H, row: 2, status: 'open_overdue', daysLate: daysBetween('2025-12-31', AS_OF) },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1 },
          { name: 'Phòng Tư pháp', due: 1 },
          { name: 'Phòng Văn hóa', due: 0 },
        ],
      },
    });
  }

  {
    const A = `Việc "gấp" của P'Nội vụ (Q3-26)`;
    const B = 'Trang & <Kế hoạch> 100%';
    if (A.length !== 31) throw new Error(`sheet name must be 31 characters, not ${A.length}`);
    add({
      file: '42-sheet-names-with-quotes.xlsx',
      build: () =>
        xlsx(
          workbook([
            { name: A, rows: [TASK_HEADER, [1, '01/UBND', null, 'Báo cáo', 'Phòng Nội vụ', null, utc(2026, 9, 1)], [2, '02/UBND', null, 'Kế hoạch', null, null, '31/08/2026']] },
            { name: B, rows: [TASK_HEADER, [1, '03/UBND', null, 'Tổng kết', 'Phòng Tư pháp', null, 'không rõ']] },
          ]),
        ),
      expect: {
        description:
          'A 31-character sheet name (Excel\'s maximum) with double quotes and an apostrophe, and one with &, < and %: findings name them as written, and the links of the annotated copy reach their cells.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(A, 1, 2), taskSheet(B, 1, 1)],
        ignoredSheets: [],
        findings: [
          f(A, 'G2', 'overdue', VI.overdue('2026-09-01')),
          f(A, 'E3', 'unassigned', VI.unassigned),
          f(A, 'G3', 'overdue', VI.overdue('2026-08-31')),
          f(B, 'G2', 'invalid-date', VI.invalidDate('không rõ')),
          f(B, 'G2', 'missing-deadline', VI.missingDeadline),
        ],
        tasks: [
          { sheet: A, row: 2, status: 'open_overdue' },
          { sheet: A, row: 3, status: 'open_overdue', leadUnits: [] },
          { sheet: B, row: 2, status: 'open_on_time', deadline: null },
        ],
      },
    });
  }

  {
    const S = 'Nhiệm vụ';
    const leads: string[] = [
      ';',
      ',',
      '\n',
      '-',
      ' ; , \n - ',
      '\u00a0',
      ';;;Phòng Nội vụ;;;',
      'Phòng Nội vụ, P. Nội vụ',
      'UBND xã Mỹ Hòa; Xã Mỹ Hòa',
      'Phòng Văn hóa và Thông tin',
      'Phòng Tư pháp\r\nPhòng Y tế',
      'Phòng Tư pháp;Phòng Y tế;Phòng Tư pháp',
    ];
    const co: (string | null)[] = [null, null, null, null, null, null, '-', ';;', null, null, null, null];
    add({
      file: '43-unit-cells-only-separators.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: S,
              rows: [
                ['STT', 'Số văn bản', 'Nội dung\u00a0nhiệm vụ', 'Đơn vị\u200bchủ trì', 'Đơn vị phối hợp', '  Thời   hạn  '],
                ...leads.map((lead, i): Cell[] => [i + 1, `${i + 1}/UBND`, `Việc ${i + 1}`, lead, co[i], utc(2026, 12, 31)]),
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Lead-unit cells holding only separators (";", ",", newline, "-", a no-break space) name nobody; repeated separators and repeated or prefixed spellings ("P. Nội vụ", "UBND xã …") count once; "và" does not separate. The header itself uses a no-break space, a zero-width space and extra spaces.',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(S, 1, leads.length, { docNumber: 'B', content: 'C', leadUnit: 'D', coUnits: 'E', deadline: 'F' })],
        ignoredSheets: [],
        findings: [
          ...[2, 3, 4, 5, 6, 7].map((r) => f(S, `D${r}`, 'unassigned', VI.unassigned)),
          f(S, 'D12', 'multiple-leads', VI.multipleLeads(['Phòng Tư pháp', 'Phòng Y tế'])),
          f(S, 'D13', 'multiple-leads', VI.multipleLeads(['Phòng Tư pháp', 'Phòng Y tế'])),
        ],
        tasks: [
          ...[2, 3, 4, 5, 6, 7].map((row): ExpectedTask => ({ sheet: S, row, status: 'open_on_time', leadUnits: [] })),
          { sheet: S, row: 8, status: 'open_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: S, row: 9, status: 'open_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: S, row: 10, status: 'open_on_time', leadUnits: ['UBND xã Mỹ Hòa'] },
          { sheet: S, row: 11, status: 'open_on_time', leadUnits: ['Phòng Văn hóa và Thông tin'] },
          { sheet: S, row: 12, status: 'open_on_time', leadUnits: ['Phòng Tư pháp', 'Phòng Y tế'] },
          { sheet: S, row: 13, status: 'open_on_time', leadUnits: ['Phòng Tư pháp', 'Phòng Y tế'] },
        ],
        units: [
          { name: 'Phòng Nội vụ', openOnTime: 2 },
          { name: 'UBND xã Mỹ Hòa', openOnTime: 1 },
          { name: 'Phòng Văn hóa và Thông tin', openOnTime: 1 },
          { name: 'Phòng Tư pháp', openOnTime: 2 },
          { name: 'Phòng Y tế', openOnTime: 2 },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const R = 'Danh mục';
    const registry = ['Phòng Nội vụ', 'Phòng Tư pháp'];
    const arabic = 'مكتب الشؤون القانونية';
    const hebrew = 'שירות המדינה';
    add({
      file: '44-emoji-rtl-combining.xlsx',
      lang: 'en',
      build: () =>
        xlsx(
          workbook([
            { name: R, rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng'], ['Phòng Tư pháp', 'Phòng']] },
            {
              name: T,
              rows: [
                TASK_HEADER,
                [1, '01/UBND', null, '📌 Báo cáo 👨‍👩‍👧 chuyển đổi số', 'Phòng 📊 Tư pháp', null, utc(2026, 9, 1)],
                [2, '02/UBND', null, 'Chữ tổ hợp (NFD)', 'Pho\u0300ng Nô\u0323i vu\u0323', null, utc(2026, 12, 31)],
                [3, '03/UBND', null, 'Dấu RLM', '\u200fPhòng Nội vụ\u200f', null, utc(2026, 12, 31)],
                [4, '04/UBND', null, 'Ả Rập', arabic, null, utc(2026, 12, 31)],
                [5, '05/UBND', null, 'Do Thái', hebrew, null, utc(2026, 12, 31)],
                [6, '06/UBND', null, '\u202eđảo chiều', '📊', null, utc(2026, 12, 31)],
              ],
            },
          ]),
        ),
      expect: {
        description:
          'Emoji, a ZWJ sequence, decomposed (NFD) Vietnamese, right-to-left marks, Arabic and Hebrew unit names, run in English: punctuation and emoji fold away ("Phòng 📊 Tư pháp" is Phòng Tư pháp), an emoji alone names nobody, RTL names are unknown units quoted as written.',
        args: ['--as-of', AS_OF, '--lang', 'en'],
        exit: 0,
        stderr: [],
        sheets: [{ name: R, kind: 'registry', headerRow: 1, dataRows: 2, columns: REGISTRY_COLUMNS }, taskSheet(T, 1, 6)],
        ignoredSheets: [],
        findings: [
          f(T, 'G2', 'overdue', EN.overdue('2026-09-01')),
          f(T, 'E5', 'unknown-unit', EN.unknownUnit([[arabic, nearest(arabic, registry)]])),
          f(T, 'E6', 'unknown-unit', EN.unknownUnit([[hebrew, nearest(hebrew, registry)]])),
          f(T, 'E7', 'unassigned', EN.unassigned),
        ],
        tasks: [
          { sheet: T, row: 2, status: 'open_overdue', leadUnits: ['Phòng Tư pháp'] },
          { sheet: T, row: 3, status: 'open_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: T, row: 4, status: 'open_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: T, row: 5, status: 'open_on_time', leadUnits: [arabic] },
          { sheet: T, row: 6, status: 'open_on_time', leadUnits: [hebrew] },
          { sheet: T, row: 7, status: 'open_on_time', leadUnits: [] },
        ],
        units: [
          { name: 'Phòng Nội vụ', openOnTime: 2 },
          { name: 'Phòng Tư pháp', openOverdue: 1 },
          { name: arabic, openOnTime: 1 },
          { name: hebrew, openOnTime: 1 },
        ],
      },
    });
  }

  {
    const T = '<img src=x onerror=alert(1)>';
    const I = 'Kiểm tra';
    const R = 'Danh mục';
    const registry = ['Phòng Nội vụ'];
    const img = '<img src=x onerror=alert(1)>';
    const link = '=HYPERLINK("http://evil","x")';
    const dde = "=cmd|' /C calc'!A0";
    const at = '@SUM(1+1)*cmd';
    add({
      file: '45-markup-and-formula-text.xlsx',
      build: () =>
        xlsx(
          workbook([
            { name: R, rows: [REGISTRY_HEADER, ['Phòng Nội vụ', 'Phòng']] },
            {
              name: T,
              rows: [
                TASK_HEADER,
                [1, '01', null, link, img, null, link],
                [2, '01', null, link, 'Phòng Nội vụ', null, utc(2026, 12, 31), null, '<script>alert("xss")</script>'],
                [3, '03', null, 'Việc 3', dde, at, utc(2026, 12, 31)],
              ],
            },
            { name: I, rows: [['Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Số vi phạm'], [utc(2026, 5, 1), 'Phòng Nội vụ', '<b>2</b>']] },
          ]),
        ),
      expect: {
        description:
          'Cells (and a sheet name) holding HTML and formula-looking text: `<img src=x onerror=alert(1)>`, `=HYPERLINK("http://evil","x")`, a DDE payload, `@SUM(…)`. They stay text: quoted in messages as written, written as plain strings (never formulas) in the annotated copy. The comma of HYPERLINK(…) is not a unit separator here because the cell is content.',
        args,
        exit: 0,
        stderr: [],
        sheets: [
          { name: R, kind: 'registry', headerRow: 1, dataRows: 1, columns: REGISTRY_COLUMNS },
          taskSheet(T, 1, 3),
          { name: I, kind: 'inspection', headerRow: 1, dataRows: 1, columns: { date: 'A', unit: 'B', violations: 'C' } },
        ],
        ignoredSheets: [],
        findings: [
          f(T, 'E2', 'unknown-unit', VI.unknownUnit([[img, nearest(img, registry)]])),
          f(T, 'G2', 'invalid-date', VI.invalidDate(link)),
          f(T, 'G2', 'missing-deadline', VI.missingDeadline),
          f(T, 'D3', 'duplicate-task', VI.duplicateTask(2)),
          f(T, 'E4', 'unknown-unit', VI.unknownUnit([[dde, nearest(dde, registry)]])),
          f(T, 'F4', 'unknown-unit', VI.unknownUnit([[at, nearest(at, registry)]])),
          f(I, 'C2', 'invalid-violations', VI.invalidViolations('<b>2</b>')),
        ],
        tasks: [
          { sheet: T, row: 2, status: 'open_on_time', leadUnits: [img] },
          { sheet: T, row: 3, status: 'open_on_time', leadUnits: ['Phòng Nội vụ'] },
          { sheet: T, row: 4, status: 'open_on_time', leadUnits: [dde] },
        ],
        units: [
          { name: 'Phòng Nội vụ', violations: 0 },
          { name: img, openOnTime: 1 },
          { name: dde, openOnTime: 1 },
        ],
      },
    });
  }

  {
    const T = 'Nhiệm vụ';
    const R = 'Danh mục';
    const text = (s: string): Cell => ({ formula: `"${s.replace(/"/g, '""')}"`, result: s });
    const date = (y: number, m: number, d: number): Cell => ({ formula: `DATE(${y},${m},${d})`, result: utc(y, m, d) });
    add({
      file: '46-formulas-in-every-cell.xlsx',
      build: () =>
        xlsx(
          workbook([
            {
              name: R,
              rows: [
                [text('Tên đơn vị'), text('Loại đơn vị'), text('Người đứng đầu')],
                [text('Phòng Nội vụ'), text('Phòng')],
                [{ formula: 'UPPER("p")&"hòng Tư pháp"', result: 'Phòng Tư pháp' }, text('Phòng')],
              ],
            },
            {
              name: T,
              rows: [
                TASK_HEADER.map((h) => text(String(h))),
                [{ formula: 'ROW()-1', result: 1 }, text('01/UBND'), date(2026, 1, 5), { formula: 'CONCAT("Báo cáo ","quý")', result: 'Báo cáo quý' }, { formula: "'Danh mục'!A2", result: 'Phòng Nội vụ' }, { formula: '""', result: '' }, date(2026, 9, 1), { formula: 'IF(1=1,"","")', result: '' }, text('Đang thực hiện')],
                [{ formula: 'ROW()-1', result: 2 }, text('02/UBND'), date(2026, 1, 5), text('Kế hoạch'), { formula: "'Danh mục'!A3", result: 'Phòng Tư pháp' }, { formula: '""', result: '' }, date(2026, 6, 30), date(2026, 6, 29), text('Hoàn thành')],
                [{ formula: 'ROW()-1', result: 3 }, text('03/UBND'), date(2026, 1, 5), text('Tổng kết'), { formula: 'IF(FALSE,"x","")', result: '' }, { formula: '""', result: '' }, date(2026, 12, 31), { formula: '""', result: '' }, { formula: '""', result: '' }],
              ],
            },
          ]),
        ),
      expect: {
        description: 'Every cell, headers included, is a formula with its cached result: the book reads exactly as if the results had been typed.',
        args,
        exit: 0,
        stderr: [],
        sheets: [{ name: R, kind: 'registry', headerRow: 1, dataRows: 2, columns: REGISTRY_COLUMNS }, taskSheet(T, 1, 3)],
        ignoredSheets: [],
        findings: [f(T, 'G2', 'overdue', VI.overdue('2026-09-01')), f(T, 'E4', 'unassigned', VI.unassigned)],
        tasks: [
          { sheet: T, row: 2, status: 'open_overdue', deadline: '2026-09-01', leadUnits: ['Phòng Nội vụ'] },
          { sheet: T, row: 3, status: 'done_on_time', deadline: '2026-06-30', completed: '2026-06-29', leadUnits: ['Phòng Tư pháp'] },
          { sheet: T, row: 4, status: 'open_on_time', leadUnits: [] },
        ],
        units: [
          { name: 'Phòng Nội vụ', due: 1, openOverdue: 1 },
          { name: 'Phòng Tư pháp', due: 1, doneOnTime: 1 },
        ],
      },
    });
  }

  {
    const R = 'Danh mục';
    const units = Array.from({ length: 10 }, (_, i) => `Đơn vị ${String(i + 1).padStart(2, '0')}`);
    const specs: SheetSpec[] = [{ name: R, rows: [REGISTRY_HEADER, ...units.map((u): Cell[] => [u, 'Khối xã'])] }];
    const taskNames: string[] = [];
    const noteNames: string[] = [];
    for (let i = 1; i <= 100; i++) {
      const n = String(i).padStart(3, '0');
      if (i <= 99) {
        taskNames.push(`NV ${n}`);
        specs.push({
          name: `NV ${n}`,
          rows: [
            TASK_HEADER,
            [1, `${n}/UBND`, null, `Việc ${n}`, units[(i - 1) % 10], null, utc(2026, 9, 1)],
            [2, `${n}b/UBND`, null, `Việc ${n}b`, null, null, utc(2026, 12, 31)],
          ],
        });
      }
      noteNames.push(`Ghi chú ${n}`);
      specs.push({ name: `Ghi chú ${n}`, rows: [[`Ghi chú số ${n}`]] });
    }
    add({
      file: '47-two-hundred-sheets.xlsx',
      build: () => xlsx(workbook(specs)),
      expect: {
        description: '200 sheets: a registry, 99 task sheets and 100 note sheets interleaved; every task sheet is read, every note sheet listed as ignored.',
        args,
        exit: 0,
        stderr: [],
        sheets: [{ name: R, kind: 'registry', headerRow: 1, dataRows: 10, columns: REGISTRY_COLUMNS }, ...taskNames.map((n) => taskSheet(n, 1, 2))],
        ignoredSheets: noteNames.map((name) => ({ name, reason: REASON.vi.noHeader })),
        findings: taskNames.flatMap((n) => [f(n, 'G2', 'overdue', VI.overdue('2026-09-01')), f(n, 'E3', 'unassigned', VI.unassigned)]),
        tasks: taskNames.flatMap((n, i): ExpectedTask[] => [
          { sheet: n, row: 2, status: 'open_overdue', leadUnits: [units[i % 10]!] },
          { sheet: n, row: 3, status: 'open_on_time', leadUnits: [] },
        ]),
        units: units.map((name, k) => ({ name, due: k === 9 ? 9 : 10, openOverdue: k === 9 ? 9 : 10, score: 30, level: 'not_completed' as const })),
      },
    });
  }

  {
    const A = 'Nhiệm vụ';
    const B = 'Nhiệm vụ (2)';
    const rows: Cell[][] = [
      ...TITLE,
      TASK_HEADER,
      [1, '01/UBND', utc(2026, 1, 5), 'Báo cáo quý', 'Phòng Nội vụ', null, utc(2026, 6, 30), utc(2026, 7, 2), 'Hoàn thành'],
      [2, '01/UBND', utc(2026, 1, 5), 'Báo cáo quý', 'Phòng Nội vụ', null, utc(2026, 6, 30), null, null],
      [3, '02/UBND', utc(2026, 1, 5), 'báo cáo QUÝ!', 'Phòng Tư pháp', null, utc(2026, 12, 31), null, null],
    ];
    const per = (S: string) => [
      f(S, 'H6', 'late-completion', VI.lateCompletion(2)),
      f(S, 'D7', 'duplicate-task', VI.duplicateTask(6)),
      f(S, 'G7', 'overdue', VI.overdue('2026-06-30')),
    ];
    add({
      file: '48-same-structure-twice.xlsx',
      build: () => xlsx(workbook([{ name: A, rows }, { name: B, rows }])),
      expect: {
        description:
          'The same sheet twice (a copy made with "Move or Copy"): both are read, duplicates are found within a sheet only, and the copied tasks count again for their units (the tool flags, the user decides).',
        args,
        exit: 0,
        stderr: [],
        sheets: [taskSheet(A, 5, 3), taskSheet(B, 5, 3)],
        ignoredSheets: [],
        findings: [...per(A), ...per(B)],
        tasks: [A, B].flatMap((S): ExpectedTask[] => [
          { sheet: S, row: 6, status: 'done_late', daysLate: 2 },
          { sheet: S, row: 7, status: 'open_overdue', daysLate: 77 },
          { sheet: S, row: 8, status: 'open_on_time' },
        ]),
        units: [
          { name: 'Phòng Nội vụ', due: 4, doneLate: 2, openOverdue: 2 },
          { name: 'Phòng Tư pháp', due: 0, openOnTime: 2 },
        ],
      },
    });
  }

  return cases;
}

// ------------------------------------------------------------------ expectations: stdout lines

const KIND_VI = { task: 'nhiệm vụ', inspection: 'kiểm tra công vụ', registry: 'danh mục đơn vị' };
const KIND_EN = { task: 'tasks', inspection: 'inspections', registry: 'unit registry' };

/** Issue 12: Vietnamese writes 1.000.000 and 15/09/2026; English 1,000,000 and the ISO date. */
const groups = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const AS_OF_VI = `${AS_OF.slice(8, 10)}/${AS_OF.slice(5, 7)}/${AS_OF.slice(0, 4)}`;

function stdoutLines(file: string, e: Case['expect'], lang: 'vi' | 'en'): string[] {
  if (e.exit !== 0) return [];
  const en = lang === 'en';
  const n = (x: number) => groups(x, en ? ',' : '.');
  const rules = '2026'; // SPEC §5: the year of AS_OF (2026) chooses the rules from 2026
  const lines = [en ? `Tracking book: ${file} — as of ${AS_OF}, rules ${rules}` : `Sổ theo dõi: ${file} — tính đến ${AS_OF_VI}, quy định ${rules}`];
  for (const s of e.sheets ?? []) {
    lines.push(
      en
        ? `  Sheet "${s.name}": ${KIND_EN[s.kind]}, header row ${n(s.headerRow)}, ${n(s.dataRows)} records`
        : `  Trang "${s.name}": ${KIND_VI[s.kind]}, dòng tiêu đề ${n(s.headerRow)}, ${n(s.dataRows)} dòng dữ liệu`,
    );
  }
  for (const s of e.ignoredSheets ?? []) lines.push(en ? `  Ignored "${s.name}": ${s.reason}` : `  Bỏ qua "${s.name}": ${s.reason}`);
  const findings = e.findings ?? [];
  const errors = findings.filter((x) => SEVERITY[x.rule] === 'error').length;
  const warnings = findings.length - errors;
  lines.push(en ? `Total: ${n(findings.length)} findings (${n(errors)} errors, ${n(warnings)} warnings)` : `Tổng: ${n(findings.length)} phát hiện (${n(errors)} lỗi, ${n(warnings)} cảnh báo)`);
  return lines;
}

// ------------------------------------------------------------------ main

/** Sheets an earlier run left in the book: ignored, in workbook order. */
async function ownSheetsOf(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name).filter((n) => fold(n).startsWith('kq '));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const cases = [...fileCases(), ...bookCases()];
  await fs.mkdir(OUT_DIR, { recursive: true });
  const outputs = new Map<string, Buffer>();
  const index: string[] = [
    '# Malformed inputs (issue 5, item 2)',
    '',
    'Generated by `npm run fixtures:bad` (scripts/make-bad-fixtures.ts); do not edit by hand. Each `NN-name.xlsx` has a',
    '`NN-name.expect.json` stating, from the SPEC, what `cli check` must do with it; test/bad-inputs/bad-inputs.test.ts',
    `runs every one through \`main()\` as of ${AS_OF}.`,
    '',
    '| file | exit | what it is |',
    '| --- | --- | --- |',
  ];
  for (const c of cases) {
    const bytes = await c.build();
    let expect = c.expect;
    if (c.file.startsWith('40-')) {
      const own = await ownSheetsOf(bytes);
      expect = { ...expect, ignoredSheets: own.map((name) => ({ name, reason: REASON.vi.own })) };
    }
    const full: Expectation = { ...expect, stdout: stdoutLines(c.file, expect, c.lang ?? 'vi') };
    outputs.set(c.file, bytes);
    outputs.set(c.file.replace(/\.xlsx$/, '.expect.json'), Buffer.from(JSON.stringify(full, null, 2) + '\n', 'utf8'));
    index.push(`| ${c.file} | ${full.exit} | ${full.description.replace(/\|/g, '\\|')} |`);
  }
  outputs.set('README.md', Buffer.from(index.join('\n') + '\n', 'utf8'));
  await writeOrCheckFolder(outputs, { script: 'make-bad-fixtures', dir: OUT_DIR, check, counted: { what: 'fixtures', n: cases.length } });
}

main().catch((e: unknown) => {
  process.stderr.write(`make-bad-fixtures: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
