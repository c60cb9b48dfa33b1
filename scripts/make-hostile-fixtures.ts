/**
 * `npm run fixtures:hostile`: the files of test/fixtures/hostile/, made to hurt a reader (issue 10,
 * "Hostile files"), each with a sidecar `NN-name.expect.json` saying what the command line must do.
 * Every file starts from the hand-written Excel book of test/fixtures/writers (its task sheet and
 * findings are known) and changes one thing at the level of bytes: DTDs and entities, a part that
 * inflates to a gigabyte, zip entry names that climb out of a folder or repeat, cells beyond
 * Excel's grid, a shared-string index out of range, invalid UTF-8, 2-million-character cells, NaN
 * and infinite numbers.
 *
 * Deterministic (fixed timestamps, zlib level 9), so `--check` compares with the committed files.
 * scripts/hostile-bench.ts measures the wall time and peak memory of the command line on each.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { packageParts, TASKS, taskMerges, taskRows, TASK_COLS } from './fixtures/writers/ooxml-package';
import type { ExpectedFinding } from '../test/bad-inputs/expectation';
import type { HostileExpectation } from '../test/bad-inputs/hostile-expectation';
import { writeOrCheckFolder } from './lib/fixture-folder';
import { zip, type Entry } from './lib/raw-zip';

const OUT_DIR = path.resolve(__dirname, '..', 'test', 'fixtures', 'hostile');
const AS_OF = '2026-09-15';
const ARGS = ['--as-of', AS_OF, '--lang', 'en'];
const T = TASKS.sheet;
const TASK_PART = 'xl/worksheets/sheet1.xml';
const LOG_PART = 'xl/worksheets/sheet2.xml';

// ------------------------------------------------------------------ the base book and edits of its parts

const LOG_SHEET = 'Nhật ký';

/** The office's book: the task sheet of tracking.json and a small log sheet, as Excel writes them. */
function baseParts(): Map<string, Buffer> {
  const parts = packageParts({
    sheets: [
      { name: T, rows: taskRows(), merges: taskMerges('G'), cols: TASK_COLS, frozenAt: TASKS.firstRow, tabSelected: true, uid: '{3F2B6C1D-8E4A-4B5C-9D7E-0A1B2C3D4E5F}' },
      { name: LOG_SHEET, rows: [['Ngày'], ['Ghi chép']], uid: '{5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D}' },
    ],
  });
  return new Map(parts.map(([name, data]) => [name, Buffer.from(data)]));
}

function edit(parts: Map<string, Buffer>, name: string, change: (xml: string) => string): void {
  const before = parts.get(name)!.toString('utf8');
  const after = change(before);
  if (after === before) throw new Error(`make-hostile-fixtures: the edit of ${name} changed nothing`);
  parts.set(name, Buffer.from(after, 'utf8'));
}

/** Replace the element of one cell (`<c r="E5" …/>` or `<c r="E5" …>…</c>`). */
function setCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`make-hostile-fixtures: no cell ${ref}`);
  return xml.replace(re, cell);
}

/** The XML declaration Excel writes, then a document type declaration. */
function withDoctype(xml: string, doctype: string): string {
  return xml.replace(/^(<\?xml[^>]*\?>\r?\n)/, `$1${doctype}\n`);
}

function entries(parts: ReadonlyMap<string, Buffer>): Entry[] {
  return [...parts].map(([name, data]) => ({ name, data }));
}

// ------------------------------------------------------------------ expectations

const BASE_FINDINGS: readonly ExpectedFinding[] = [
  { sheet: T, cell: 'E4', rule: 'overdue', message: 'Overdue by 77 days' },
  { sheet: T, cell: 'D5', rule: 'unassigned', message: 'No lead unit: nobody leads this task' },
  { sheet: T, cell: 'E6', rule: 'invalid-date', message: "Not a date: 'sắp tới'" },
  { sheet: T, cell: 'E6', rule: 'missing-deadline', message: 'Open task without a deadline' },
  { sheet: T, cell: 'F8', rule: 'invalid-date', message: "Not a date: '30/02/2026'" },
  { sheet: T, cell: 'E8', rule: 'overdue', message: 'Overdue by 62 days' },
];

const TASK_SHEET = {
  name: T,
  kind: 'task' as const,
  headerRow: 3,
  dataRows: 6,
  columns: { docNumber: 'B', content: 'C', leadUnit: 'D', deadline: 'E', completedDate: 'F', status: 'G' },
};

function refused(description: string, mentions: readonly string[], extra: Partial<HostileExpectation> = {}): HostileExpectation {
  return { description, args: ARGS, exit: 2, mentions, ...extra };
}

interface Case {
  readonly file: string;
  readonly build: () => Promise<Buffer>;
  readonly expect: HostileExpectation;
}

// ------------------------------------------------------------------ the cases

const LAUGHS = [
  '<!DOCTYPE sst [',
  ' <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

/** Empty cells without references (optional in SpreadsheetML): each is the next column of the row. */
const BOMB_CELL = '<c/>';
const BOMB_CELLS = 2 ** 28;
const CHUNK_CELLS = 2 ** 18;

/** A worksheet part of one row of BOMB_CELLS cells, deflated as it is made: 1 GiB inflated, about 1 MB stored. */
async function bombPart(): Promise<NonNullable<Entry['deflated']>> {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`);
  const tail = Buffer.from('</row></sheetData></worksheet>');
  const chunk = Buffer.from(BOMB_CELL.repeat(CHUNK_CELLS));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = crc32(head);
  let size = head.length;
  const write = (b: Buffer) => new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
  await write(head);
  for (let i = 0; i < BOMB_CELLS / CHUNK_CELLS; i++) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    await write(chunk);
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  return { bytes: Buffer.concat(out), size, crc };
}

const TWO_MILLION = 2_000_000;
const CONTENT_SEED = 'Nội dung rất dài của nhiệm vụ rà soát. ';
const DEADLINE_SEED = 'Trước ngày 15/10/2026 hoặc khi có chỉ đạo. ';

/** `seed` repeated to `length` UTF-16 units (hostile.test.ts rebuilds it the same way). */
function longText(seed: string, length = TWO_MILLION): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (c: Case) => out.push(c);

  add({
    file: '01-billion-laughs.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, 'xl/sharedStrings.xml', (x) => withDoctype(x, LAUGHS).replace('<t>Rà soát hồ sơ đất đai tồn đọng</t>', '<t>&lol9;</t>'));
      return zip(entries(parts));
    },
    expect: refused(
      'The shared strings declare nine nested entities ("billion laughs": 10^9 copies of "lol", 3 GB once expanded) and a task uses the last one. SpreadsheetML never has a DTD: the file is refused as damaged, naming the part, before anything is expanded.',
      ['xl/sharedStrings.xml', 'DTD'],
      { never: ['lollollollol'] },
    ),
  });

  add({
    file: '02-external-entity-passwd.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) =>
        setCell(withDoctype(x, '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'C5', '<c r="C5" s="3" t="inlineStr"><is><t>&xxe;</t></is></c>'),
      );
      return zip(entries(parts));
    },
    expect: refused(
      'The task sheet declares an external entity pointing at /etc/passwd and a content cell uses it. Refused as damaged (a DTD), naming the part; the local file is never read, so nothing of it appears in any output.',
      [TASK_PART, 'DTD'],
      { never: ['root:x:0:0', '/bin/bash', 'nologin'] },
    ),
  });

  add({
    file: '03-zip-bomb-sheet.xlsx',
    build: async () => {
      const parts = baseParts();
      const bomb = await bombPart();
      return zip(entries(parts).map((e) => (e.name === LOG_PART ? { name: e.name, deflated: bomb } : e)));
    },
    expect: refused(
      `The log sheet's part (1 MB in the zip) inflates to ${(BOMB_CELLS * BOMB_CELL.length) / 2 ** 30} GiB: one row of ${BOMB_CELLS.toLocaleString('en')} empty cells, where Excel's rows hold 16,384; no real sheet is anything like it. Refused with one line naming the part, in bounded time and memory (scripts/hostile-bench.ts measures both).`,
      [LOG_PART],
    ),
  });

  add({
    file: '04-zip-slip-parent-path.xlsx',
    build: async () => zip([...entries(baseParts()), { name: '../../../../../../../../tmp/kq-zip-slip-parent.txt', data: Buffer.from('written outside the folder\n') }]),
    expect: refused(
      'A zip entry is named "../../../../../../../../tmp/kq-zip-slip-parent.txt" (a "zip slip": an unzipper that trusts names writes outside its folder). No part of a package can have that name (OPC forbids ".." segments): the file is refused as damaged, naming the entry; entry names are never used as paths, so no file appears.',
      ['../../../../../../../../tmp/kq-zip-slip-parent.txt'],
      { noFiles: ['/tmp/kq-zip-slip-parent.txt'] },
    ),
  });

  add({
    file: '05-zip-slip-absolute-path.xlsx',
    build: async () => zip([...entries(baseParts()), { name: '/tmp/kq-zip-slip-absolute.txt', data: Buffer.from('written at an absolute path\n') }]),
    expect: refused(
      'A zip entry is named with an absolute path, "/tmp/kq-zip-slip-absolute.txt". Zip names are relative (APPNOTE 4.4.17) and no part can have that name: refused as damaged, naming the entry; no file appears.',
      ['/tmp/kq-zip-slip-absolute.txt'],
      { noFiles: ['/tmp/kq-zip-slip-absolute.txt'] },
    ),
  });

  add({
    file: '06-duplicate-zip-entries.xlsx',
    build: async () => {
      const parts = baseParts();
      const other = new Map(parts);
      edit(other, TASK_PART, (x) => setCell(x, 'D5', '<c r="D5" s="3" t="inlineStr"><is><t>Phòng Tài chính - Kế hoạch</t></is></c>'));
      const list = entries(parts);
      const at = list.findIndex((e) => e.name === TASK_PART);
      list.splice(at + 1, 0, { name: TASK_PART, data: other.get(TASK_PART)! });
      return zip(list);
    },
    expect: refused(
      'The zip holds the task sheet\'s part twice, with different contents (one gives D5 a lead unit, the other does not): readers disagree about which one counts, so the tool must not pick one. Refused as damaged, naming the repeated entry.',
      [TASK_PART],
    ),
  });

  add({
    file: '07-cell-beyond-last-column.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) => x.replace('<c r="G5" s="3" t="s">', '<c r="XFE5" t="inlineStr"><is><t>ngoài lưới</t></is></c><c r="G5" s="3" t="s">').replace('<dimension ref="A1:G12"/>', '<dimension ref="A1:XFE12"/>'));
      return zip(entries(parts));
    },
    expect: refused(
      "A cell of the task sheet is at XFE5, one column past Excel's last (XFD). Excel cannot hold it; the tool cannot name it in a finding or flag it. Refused as damaged, naming the sheet and the cell.",
      [T, 'XFE5'],
    ),
  });

  add({
    file: '08-row-beyond-last-row.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) =>
        x.replace('</sheetData>', '<row r="1048577"><c r="E1048577" t="inlineStr"><is><t>01/01/2026</t></is></c></row></sheetData>').replace('<dimension ref="A1:G12"/>', '<dimension ref="A1:G1048577"/>'),
      );
      return zip(entries(parts));
    },
    expect: refused("A deadline is typed in row 1,048,577 of the task sheet, one row past Excel's last. Refused as damaged, naming the sheet and the cell.", [T, 'E1048577']),
  });

  add({
    file: '09-shared-string-out-of-range.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) => setCell(x, 'D4', '<c r="D4" s="3" t="s"><v>9999</v></c>'));
      return zip(entries(parts));
    },
    expect: refused(
      "The lead unit D4 of the task sheet points at shared string 9999; the book has far fewer. Reading it as empty would accuse the task of having no lead unit; guessing is worse. Refused as damaged, naming the sheet and the cell.",
      [T, 'D4'],
    ),
  });

  add({
    file: '10-invalid-utf8.xlsx',
    build: async () => {
      const parts = baseParts();
      const sst = parts.get('xl/sharedStrings.xml')!;
      const good = Buffer.from('Báo cáo cải cách hành chính', 'utf8');
      const at = sst.indexOf(good);
      if (at < 0) throw new Error('make-hostile-fixtures: no text to damage');
      // "B\xC3(o c\xE1o…": a lead byte without its continuation, and a Latin-1 byte.
      const bad = Buffer.from([0x42, 0xc3, 0x28, 0x6f, 0x20, 0x63, 0xe1, 0x6f]);
      parts.set('xl/sharedStrings.xml', Buffer.concat([sst.subarray(0, at), bad, sst.subarray(at + Buffer.from('Báo cáo', 'utf8').length)]));
      return zip(entries(parts));
    },
    expect: refused(
      'The shared strings part declares UTF-8 but holds bytes that are not UTF-8 (0xC3 0x28, 0xE1). XML makes that a fatal error, and replacing them would change the user\'s text without a word: refused as damaged, naming the part.',
      ['xl/sharedStrings.xml', 'UTF-8'],
    ),
  });

  const content = longText(CONTENT_SEED);
  const deadline = longText(DEADLINE_SEED);
  add({
    file: '11-two-million-character-cells.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) =>
        setCell(setCell(x, 'C5', `<c r="C5" s="3" t="inlineStr"><is><t>${content}</t></is></c>`), 'E9', `<c r="E9" s="4" t="inlineStr"><is><t>${deadline}</t></is></c>`),
      );
      return zip(entries(parts));
    },
    expect: {
      description:
        "Two cells of 2,000,000 characters (Excel's limit is 32,767): a task's content (C5) and a deadline (E9). The book is read: the deadline is an invalid date quoted in 200 characters and the task has no deadline; the content is read and left alone. The annotated copy keeps both cells whole.",
      args: ARGS,
      exit: 0,
      stderr: [],
      sheets: [TASK_SHEET],
      findings: [
        ...BASE_FINDINGS,
        { sheet: T, cell: 'E9', rule: 'invalid-date', message: `Not a date: '${Array.from(deadline).slice(0, 200).join('')}…'` },
        { sheet: T, cell: 'E9', rule: 'missing-deadline', message: 'Open task without a deadline' },
      ],
      keptWhole: [
        { seed: CONTENT_SEED, length: TWO_MILLION },
        { seed: DEADLINE_SEED, length: TWO_MILLION },
      ],
    },
  });

  add({
    file: '12-nan-and-infinite-numbers.xlsx',
    build: async () => {
      const parts = baseParts();
      edit(parts, TASK_PART, (x) => {
        let s = setCell(x, 'E5', '<c r="E5" s="4"><v>NaN</v></c>');
        s = setCell(s, 'F4', '<c r="F4" s="4"><v>1e999</v></c>');
        s = setCell(s, 'E9', '<c r="E9" s="4"><v>-1e999</v></c>');
        return setCell(s, 'A7', '<c r="A7" s="3"><v>INF</v></c>');
      });
      return zip(entries(parts));
    },
    expect: {
      description:
        'Numbers no spreadsheet can hold: NaN as a deadline (E5), 1e999 (beyond the largest double) as a completion date (F4), -1e999 as a deadline (E9), INF as a row number (A7). Each date cell is an invalid date at its cell (the quoted form of such a number is not prescribed); the task keeps its other findings; A7 is not a mapped column and is left alone; the report stays valid JSON.',
      args: ARGS,
      exit: 0,
      stderr: [],
      sheets: [TASK_SHEET],
      findings: [
        { sheet: T, cell: 'E4', rule: 'overdue', message: 'Overdue by 77 days' },
        { sheet: T, cell: 'F4', rule: 'invalid-date', messagePrefix: 'Not a date: ' },
        { sheet: T, cell: 'D5', rule: 'unassigned', message: 'No lead unit: nobody leads this task' },
        { sheet: T, cell: 'E5', rule: 'invalid-date', messagePrefix: 'Not a date: ' },
        { sheet: T, cell: 'E5', rule: 'missing-deadline', message: 'Open task without a deadline' },
        { sheet: T, cell: 'E6', rule: 'invalid-date', message: "Not a date: 'sắp tới'" },
        { sheet: T, cell: 'E6', rule: 'missing-deadline', message: 'Open task without a deadline' },
        { sheet: T, cell: 'F8', rule: 'invalid-date', message: "Not a date: '30/02/2026'" },
        { sheet: T, cell: 'E8', rule: 'overdue', message: 'Overdue by 62 days' },
        { sheet: T, cell: 'E9', rule: 'invalid-date', messagePrefix: 'Not a date: ' },
        { sheet: T, cell: 'E9', rule: 'missing-deadline', message: 'Open task without a deadline' },
      ],
    },
  });

  return out;
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  await fs.mkdir(OUT_DIR, { recursive: true });
  const outputs = new Map<string, Buffer>();
  const index = [
    '# Hostile files (issue 10)',
    '',
    'Generated by `npm run fixtures:hostile` (scripts/make-hostile-fixtures.ts); do not edit by hand. Each `NN-name.xlsx` has a',
    '`NN-name.expect.json` saying what `cli check` must do with it, and why; test/bad-inputs/hostile.test.ts runs each through',
    `\`main()\` as of ${AS_OF} in English, and \`npx tsx scripts/hostile-bench.ts\` prints the wall time and peak memory of each.`,
    'Every file is the hand-written Excel book of test/fixtures/writers with one thing changed at the level of bytes.',
    '',
    '| file | exit | what it is, and the outcome |',
    '| --- | --- | --- |',
  ];
  const all = cases();
  for (const c of all) {
    const bytes = await c.build();
    outputs.set(c.file, bytes);
    outputs.set(c.file.replace(/\.xlsx$/, '.expect.json'), Buffer.from(JSON.stringify(c.expect, null, 2) + '\n', 'utf8'));
    index.push(`| ${c.file} | ${c.expect.exit} | ${c.expect.description.replace(/\|/g, '\\|')} |`);
  }
  outputs.set('README.md', Buffer.from(index.join('\n') + '\n', 'utf8'));
  await writeOrCheckFolder(outputs, { script: 'make-hostile-fixtures', dir: OUT_DIR, check, counted: { what: 'fixtures', n: all.length } });
}

main().catch((e: unknown) => {
  process.stderr.write(`make-hostile-fixtures: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
