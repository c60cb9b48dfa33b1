/** The test evaluator against results stated in Microsoft's function reference. */
import { highlights, sqrefCells, type EvalContext } from '../helpers/formula-eval';

const cells = new Map<string, number | string | { error: string }>([
  ['0,0', 45000],
  ['0,1', '  a   b  '],
  ['1,0', 'Phòng'],
  ['1,1', { error: '#N/A' }],
]);
const ctx: EvalContext = { today: 45001, cell: (_s, r, c) => cells.get(`${r},${c}`) ?? null };
const at = (formula: string, row = 0, col = 0) => highlights(formula, ctx, { row: 0, col: 0 }, { row, col });

test.each([
  ['TRIM collapses inner spaces and drops outer ones', 'TRIM(B1)="a b"'],
  ['LEN of an empty cell is 0', 'LEN(C9)=0'],
  ['N of text is 0', 'N("kq:x")=0'],
  ['text compares without case', '"PHÒNG"=A2'],
  ['any text is greater than any number', '"0">99999'],
  ['an empty cell equals 0 and ""', 'AND(C9=0,C9="")'],
  ['ISERROR sees an error cell', 'ISERROR(B2)'],
  ['SUBSTITUTE replaces every occurrence', 'SUBSTITUTE("-a-b-","-","")="ab"'],
  ['TODAY is the context serial', 'TODAY()-A1=1'],
  ['IF picks the branch', 'IF(ISNUMBER(A1),A1,0)=45000'],
  ['CHAR(10) is a line feed', 'LEN(CHAR(10))=1'],
])('%s', (_why, formula) => {
  expect(at(formula)).toBe(true);
});

test('an error result never highlights, and a relative reference moves with the cell', () => {
  expect(at('B2=1')).toBe(false);
  expect(at('ISNUMBER($A1)', 0, 1)).toBe(true);
  expect(at('ISNUMBER($A1)', 1, 1)).toBe(false);
  expect(at('ISNUMBER(A1)', 0, 1)).toBe(false);
});

test('sqref cells and the top-left of the first area', () => {
  expect(sqrefCells('B5:C6 E9')).toEqual({
    top: { row: 4, col: 1 },
    cells: [
      { row: 4, col: 1 },
      { row: 4, col: 2 },
      { row: 5, col: 1 },
      { row: 5, col: 2 },
      { row: 8, col: 4 },
    ],
  });
});
