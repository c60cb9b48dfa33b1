/**
 * The live flags, judged from outside: the command line annotates a real .xlsx, then the conditional
 * formats it wrote are evaluated cell by cell with an evaluator written apart from the code that
 * builds them (test/helpers/formula-eval.ts), as a spreadsheet program would on the day of the run.
 * Which rows turn red and which lead cells are marked must be exactly what SPEC §3, §4 and §6 say:
 * a row is highlighted when its task is open_overdue as of today, a lead cell when its task is
 * unassigned. Each case below is worked out by hand from the spec.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main';
import { highlights, sqrefCells, type EvalContext } from '../helpers/formula-eval';
import { address, readOoxml, type OoxmlPackage } from '../helpers/ooxml';

import { CASES, FIRST_DATA_ROW, SHEET, todayIso as isoToday, todaySerial, tracking } from './cases';

const rowOf = (i: number) => FIRST_DATA_ROW + i; // 1-based sheet row of case i

let tmp: string;
let annotated: OoxmlPackage;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-live-'));
  const input = path.join(tmp, 'book.xlsx');
  writeFileSync(input, await tracking());
  const out = path.join(tmp, 'annotated.xlsx');
  const io: Io = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(['check', input, '--as-of', isoToday, '--out', out], io)).toBe(0);
  annotated = readOoxml(readFileSync(out));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function evalContext(pkg: OoxmlPackage): EvalContext {
  const cache = new Map<string, ReturnType<OoxmlPackage['cells']>>();
  const cellsOf = (sheet: string) => {
    let c = cache.get(sheet);
    if (!c) cache.set(sheet, (c = pkg.cells(sheet)));
    return c;
  };
  return {
    today: todaySerial,
    cell: (sheet, row, col) => cellsOf(sheet ?? SHEET).get(address(row, col)) ?? null,
  };
}

/** 1-based rows (overdue) or cells (unassigned) that the rules carrying this marker highlight. */
function highlighted(marker: string): { rows: Set<number>; cells: Set<string> } {
  const rules = annotated.conditionalFormats(SHEET).filter((r) => r.formulas.some((f) => f.includes(`"${marker}"`)));
  expect(rules).toHaveLength(1);
  const ctx = evalContext(annotated);
  const rows = new Set<number>();
  const cells = new Set<string>();
  for (const rule of rules) {
    const { top, cells: all } = sqrefCells(rule.sqref);
    for (const at of all) {
      if (highlights(rule.formulas[0]!, ctx, top, at)) {
        rows.add(at.row + 1);
        cells.add(`${at.col},${at.row + 1}`);
      }
    }
  }
  return { rows, cells };
}

test('the overdue rule turns red exactly the rows whose task is overdue today, whole rows', () => {
  const { rows, cells } = highlighted('kq:overdue');
  const want = CASES.flatMap((c, i) => (c.overdue ? [rowOf(i)] : []));
  expect([...rows].sort((a, b) => a - b)).toEqual(want);
  // The whole row of the table, from its first mapped column (B, Số/ký hiệu) to its last (G, Tình
  // trạng); the unmapped STT column A is not part of it.
  const expectedCells = want.flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => `${c},${r}`));
  expect([...cells].sort()).toEqual(expectedCells.sort());
});

test('the unassigned rule marks exactly the lead cells with no lead unit', () => {
  const { rows, cells } = highlighted('kq:unassigned');
  const want = CASES.flatMap((c, i) => (c.unassigned ? [rowOf(i)] : []));
  expect([...rows].sort((a, b) => a - b)).toEqual(want);
  // Only the lead column (D, index 3).
  expect([...cells].every((c) => c.startsWith('3,'))).toBe(true);
});

test.each(CASES.map((c, i) => [c.why, i] as const))('case "%s" as the spec reads it', (_why, i) => {
  const c = CASES[i]!;
  expect({ overdue: highlighted('kq:overdue').rows.has(rowOf(i)), unassigned: highlighted('kq:unassigned').rows.has(rowOf(i)) }).toEqual({
    overdue: c.overdue,
    unassigned: c.unassigned,
  });
});
