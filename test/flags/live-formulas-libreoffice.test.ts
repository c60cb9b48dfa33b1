/**
 * The live flags judged by a second spreadsheet program: the formulas of the conditional formats
 * the command line wrote are copied into spare cells of the annotated book (each shifted to its row,
 * as Excel shifts a conditional format's formula), LibreOffice headless recalculates the book, and
 * the TRUE/FALSE it shows must be the hand-worked answers of test/flags/cases.ts. This checks the
 * formulas in a real engine, including Excel semantics the test evaluator could get wrong.
 * soffice is required (.ci/run installs it): without it this test fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice } from '../../scripts/lib/libreoffice';
import { main, type Io } from '../../src/cli/main';
import { readOoxml } from '../helpers/ooxml';
import { CASES, FIRST_DATA_ROW, SHEET, todayIso, tracking } from './cases';

/** RFC 4180 fields: quotes, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A formula written for row `top` (1-based), moved to row `row`: relative rows shift, $-anchored columns stay. */
function shifted(formula: string, top: number, row: number): string {
  return formula.replace(/(\$[A-Z]{1,3})(\d+)/g, (_m, col: string, r: string) => `${col}${Number(r) + row - top}`);
}

test('LibreOffice recalculates the written formulas to the answers the spec gives, case by case', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-live-lo-'));
  try {
    const input = path.join(tmp, 'book.xlsx');
    const annotated = path.join(tmp, 'annotated.xlsx');
    writeFileSync(input, await tracking());
    const io: Io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['check', input, '--as-of', todayIso, '--out', annotated], io)).toBe(0);

    const rules = readOoxml(readFileSync(annotated)).conditionalFormats(SHEET);
    const formulaOf = (marker: string) => {
      const rule = rules.find((r) => r.formulas.some((f) => f.includes(`"${marker}"`)))!;
      return { formula: rule.formulas[0]!, top: Number(/\d+/.exec(rule.sqref)![0]) };
    };
    const overdue = formulaOf('kq:overdue');
    const unassigned = formulaOf('kq:unassigned');

    // Z and AA of each case's row hold the two formulas; everything else of the book stays as written.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    const ws = wb.getWorksheet(SHEET)!;
    CASES.forEach((_c, i) => {
      const row = FIRST_DATA_ROW + i;
      ws.getCell(`Z${row}`).value = { formula: shifted(overdue.formula, overdue.top, row) };
      ws.getCell(`AA${row}`).value = { formula: shifted(unassigned.formula, unassigned.top, row) };
    });
    const judged = path.join(tmp, 'judged.xlsx');
    await wb.xlsx.writeFile(judged);

    const lo = await convertWithLibreOffice([judged]);
    expect(lo.status).toBe(0);
    const csv = parseCsv(lo.books.get('judged.xlsx')!.get(SHEET)!);
    const got = CASES.map((c, i) => {
      const cells = csv[FIRST_DATA_ROW + i - 1]!;
      return { why: c.why, overdue: cells[25], unassigned: cells[26] };
    });
    const want = CASES.map((c) => ({ why: c.why, overdue: c.overdue ? 'TRUE' : 'FALSE', unassigned: c.unassigned ? 'TRUE' : 'FALSE' }));
    expect(got).toEqual(want);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 180_000);
