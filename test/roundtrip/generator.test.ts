/**
 * The round-trip properties are only as strong as the books they are given: this checks, on a
 * fixed sample, that the generated books are read as the office's sheets they imitate (the task
 * sheets are recognised, at the header row they were built with) and that they hold what the
 * properties are about: flags to write, user notes on cells the add-in marks, user rules beside the
 * add-in's, merges, formulas, hidden rows, filters, several kinds of sheets.
 */
import fc from 'fast-check';
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { planFlags } from '../../src/core/flag-plan';
import { checkBook } from '../../src/usecases/check-workbook';
import { bookArb } from './arbitraries';
import type { BookDesc, CellDesc, SheetDesc } from './book';
import { toFake } from './fake-book';
import { AS_OF, FIXED_SEEDS } from './runs';

const SAMPLE = 300;

function cells(s: SheetDesc): CellDesc[] {
  return s.cells.flatMap((row) => row.filter((c): c is CellDesc => c !== null));
}

function hasCell(book: BookDesc, test: (c: CellDesc) => boolean): boolean {
  return book.sheets.some((s) => cells(s).some(test));
}

test(`the generated books exercise what the round trip is about (${SAMPLE} books, seed ${FIXED_SEEDS[0]})`, async () => {
  const books = fc.sample(bookArb, { numRuns: SAMPLE, seed: FIXED_SEEDS[0] });
  const count: Record<string, number> = {};
  const tick = (key: string, yes: boolean): void => {
    count[key] = (count[key] ?? 0) + (yes ? 1 : 0);
  };
  let taskSheets = 0;
  let recognised = 0;
  let atBuiltRow = 0;

  for (const book of books) {
    // ExcelApi 1.18: the fake reads merges (two-row headers) and writes notes.
    const fake = toFake({ ...book, apiVersion: '1.18' });
    const { report } = await checkBook(new OfficeWorkbook({ host: fake.host() }), { asOf: AS_OF });
    const plan = planFlags(report);
    for (const s of book.sheets.filter((x) => x.role === 'task')) {
      taskSheets++;
      const read = report.sheets.find((x) => x.name === s.name);
      if (read?.kind === 'task') recognised++;
      if (read?.kind === 'task' && read.headerRow === s.headerRow + 1) atBuiltRow++;
    }
    const flagged = plan.sheets.filter((p) => p.recordBlocks.length > 0);
    tick('live rules to write', flagged.length > 0);
    tick('cells to mark with a note', plan.sheets.some((p) => p.marks.length > 0));
    tick('a user note on a cell the add-in marks', plan.sheets.some((p) => p.marks.some((m) => book.sheets.find((s) => s.name === p.sheet)!.notes.some((n) => n.row === m.row && n.col === m.col))));
    tick('user rules on a flagged sheet', flagged.some((p) => book.sheets.find((s) => s.name === p.sheet)!.formats.length > 0));
    tick('a user data bar', book.sheets.some((s) => s.formats.some((f) => f.rules.some((r) => r.kind.type === 'dataBar'))));
    tick('two task sheets', book.sheets.filter((s) => s.role === 'task').length === 2);
    tick('a two-row header', book.sheets.some((s) => s.role === 'task' && s.headerTop < s.headerRow));
    tick('title rows', book.sheets.some((s) => s.role === 'task' && s.headerTop > 0));
    tick('merged data cells', book.sheets.some((s) => s.role === 'task' && s.merges.some((m) => m.top > s.headerRow && m.bottom > m.top)));
    tick('hidden rows', book.sheets.some((s) => s.hiddenRows.length > 0));
    tick('an AutoFilter', book.sheets.some((s) => s.autoFilter !== null));
    tick('a hidden sheet', book.sheets.some((s) => s.hidden));
    tick('a registry sheet', book.sheets.some((s) => s.role === 'registry'));
    tick('an inspection sheet', book.sheets.some((s) => s.role === 'inspection'));
    tick('a sheet of something else', book.sheets.some((s) => s.role === 'other'));
    tick('shared formulas', hasCell(book, (c) => c.kind === 'formula' && c.share !== null));
    tick('formulas giving a date', hasCell(book, (c) => c.kind === 'formula' && c.result.kind === 'date'));
    tick('error values', hasCell(book, (c) => c.kind === 'error' || (c.kind === 'formula' && c.result.kind === 'error')));
    tick('rich text', hasCell(book, (c) => c.kind === 'rich'));
    tick('hyperlinks', hasCell(book, (c) => c.kind === 'link'));
    tick('styled cells', book.sheets.some((s) => s.styles.length > 0));
  }

  const lines = Object.entries(count).map(([k, n]) => `${k}: ${n}/${SAMPLE}`);
  console.log(`generated books: ${taskSheets} task sheets, ${recognised} recognised, ${atBuiltRow} at the header row they were built with\n${lines.join('\n')}`);

  expect(recognised / taskSheets).toBeGreaterThan(0.95);
  expect(atBuiltRow / taskSheets).toBeGreaterThan(0.9);
  expect(count['live rules to write']! / SAMPLE).toBeGreaterThan(0.85);
  expect(count['cells to mark with a note']! / SAMPLE).toBeGreaterThan(0.7);
  for (const [key, n] of Object.entries(count)) {
    // every feature shows up in a fair share of the books
    expect({ [key]: n / SAMPLE > 0.05 }).toEqual({ [key]: true });
  }
});
