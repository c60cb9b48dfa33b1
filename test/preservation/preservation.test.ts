/**
 * Issue 10: nothing lost, whoever wrote the file. Every book of test/fixtures/writers/ (written by
 * openpyxl, LibreOffice and by hand as Excel writes its parts) goes through the real command line
 * (`check IN --as-of D --json R --out OUT`); then the packages are compared part by part
 * (tool-parts.ts says which parts the tool may touch and how). Clearing the flags through the port
 * the command line opens must restore the task sheet's parts, and annotating the annotated copy
 * must give the same package.
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openInput } from '../../src/cli/open-input';
import { ReportSchema, type Report } from '../../src/core/report';
import { clearAllFlags } from '../../src/usecases/check-workbook';
import { annotatedName, runCli, type CliRun } from './cli-run';
import { AS_OF, EXPECTED_FINDINGS, FLAG_MARKERS, NOTE_CELLS, TASK_SHEET } from './expected';
import { notes, readPackage, relationships, relOfType, sheetPart, sheets, text, zipEntryNames, type Parts } from './package';
import { firstDifference, packageProblems, partsKept, TOOL_NOTE_PREFIX } from './tool-parts';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'writers');
const BOOKS = readdirSync(DIR)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-keep-'));
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('the corpus covers every writer', () => {
  const writers = new Set(BOOKS.map((b) => b.split('-')[0]));
  expect([...writers].sort()).toEqual(['excel', 'libreoffice', 'openpyxl']);
  expect(BOOKS.length).toBeGreaterThanOrEqual(20);
});

function relKey(r: { id: string; type: string; target: string; external: boolean }): string {
  return `${r.id} ${r.type} ${r.target}${r.external ? ' (external)' : ''}`;
}

function userNoteCells(parts: Parts, sheet: string): Set<string> {
  const part = sheetPart(parts, sheet);
  return new Set(relOfType(parts, part, 'comments').flatMap((r) => [...notes(parts, r.part).keys()]));
}

describe.each(BOOKS)('%s', (file) => {
  const input = path.join(DIR, file);
  let out: string;
  let run: CliRun;
  let before: Parts;

  beforeAll(async () => {
    out = path.join(tmp, annotatedName(file, '.annotated'));
    run = await runCli(['check', input, '--as-of', AS_OF, '--json', `${out}.json`, '--out', out]);
    before = readPackage(await fs.readFile(input));
  });

  /** The annotated copy, or a failure that says why there is none. */
  async function annotated(): Promise<{ zip: Uint8Array; parts: Parts; report: Report }> {
    if (run.code !== 0 || !existsSync(out)) throw new Error(`no annotated copy: exit ${run.code}: ${run.err.join(' / ')}`);
    const zip = new Uint8Array(await fs.readFile(out));
    const report = ReportSchema.parse(JSON.parse(await fs.readFile(`${out}.json`, 'utf8')));
    return { zip, parts: readPackage(zip), report };
  }

  test('is read, and its task sheet gets the findings worked out by hand', async () => {
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: [] });
    const { report } = await annotated();
    const task = report.sheets.filter((s) => s.kind === 'task').map((s) => s.name);
    expect(task).toEqual([TASK_SHEET]);
    const found = report.findings.filter((f) => f.sheet === TASK_SHEET).map((f) => `${f.cell} ${f.rule}`);
    expect(found.sort()).toEqual(EXPECTED_FINDINGS);
  });

  test('every part the tool does not write is byte for byte the same; the parts it writes keep the user’s content', async () => {
    const { parts } = await annotated();
    expect(partsKept(before, parts, [TASK_SHEET])).toEqual([]);
  });

  test('the annotated copy is a whole package: unique entries, every relationship reaches a part, every part has a type', async () => {
    const { zip, parts } = await annotated();
    const names = zipEntryNames(zip);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(packageProblems(before, parts)).toEqual([]);
    // Every sheet of the user is still there, in order, of the same kind and visibility.
    const userSheets = (p: Parts) => sheets(p).filter((s) => !s.name.startsWith('KQ ')).map((s) => `${s.name} ${s.kind} ${s.state}`);
    expect(userSheets(parts)).toEqual(userSheets(before));
  });

  test('the flags are there: kq: rules on the task sheet, notes on E6 and F8 unless the user has a note there', async () => {
    const { parts } = await annotated();
    const sheet = text(parts, sheetPart(parts, TASK_SHEET));
    const markers = new Set([...sheet.matchAll(/kq:(overdue|unassigned|error|warning)/g)].map((m) => m[0]));
    expect([...markers].sort()).toEqual(FLAG_MARKERS);
    const userNotes = userNoteCells(before, TASK_SHEET);
    const comments = relOfType(parts, sheetPart(parts, TASK_SHEET), 'comments');
    expect(comments).toHaveLength(1);
    const ours = [...notes(parts, comments[0]!.part)].filter(([, n]) => n.text.startsWith(TOOL_NOTE_PREFIX)).map(([cell]) => cell);
    expect(ours.sort()).toEqual(NOTE_CELLS.filter((c) => !userNotes.has(c)));
  });

  test('clearing the flags (the port the command line opens) restores the task sheet’s parts exactly', async () => {
    await annotated();
    const port = await openInput(out);
    await clearAllFlags(port);
    const cleared = readPackage(await port.toBuffer());
    const partBefore = sheetPart(before, TASK_SHEET);
    const partAfter = sheetPart(cleared, TASK_SHEET);
    expect(firstDifference(text(before, partBefore), text(cleared, partAfter))).toBeNull();
    expect(relationships(cleared, partAfter).map(relKey).sort()).toEqual(relationships(before, partBefore).map(relKey).sort());
    const notesOf = (p: Parts, part: string) => Object.fromEntries(relOfType(p, part, 'comments').flatMap((r) => [...notes(p, r.part)]));
    expect(notesOf(cleared, partAfter)).toEqual(notesOf(before, partBefore));
  });

  test('annotating the annotated copy gives the same package as annotating once', async () => {
    const first = await annotated();
    const again = path.join(tmp, annotatedName(file, '.twice'));
    const second = await runCli(['check', out, '--as-of', AS_OF, '--out', again]);
    expect({ code: second.code, err: second.err }).toEqual({ code: 0, err: [] });
    const twice = readPackage(new Uint8Array(await fs.readFile(again)));
    expect([...twice.keys()].sort()).toEqual([...first.parts.keys()].sort());
    const differing = [...first.parts].filter(([name, data]) => {
      const other = twice.get(name);
      return !other || Buffer.compare(Buffer.from(data), Buffer.from(other)) !== 0;
    });
    expect(differing.map(([name]) => name)).toEqual([]);
  });
});
