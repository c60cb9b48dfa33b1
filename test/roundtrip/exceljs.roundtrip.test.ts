/**
 * Round trip without loss in the ExcelJS host (command line, browser mode), SPEC §6: generated
 * user workbooks, as real .xlsx bytes, go through
 *
 *   open → check, flag and score → save, reopen → check, flag and score again → save, reopen →
 *   clear flags → save, reopen
 *
 * and every step is compared with the book the user had:
 * - after flagging, the user's sheets hold exactly what they held (values, formulas and their
 *   results, styles, merges, rows and columns, filter, views, the user's rules and notes) plus the
 *   add-in's own rules and notes, nothing else;
 * - flagging a flagged book again leaves every sheet, the KQ sheets included, as flagging once;
 * - after clearing, the user's sheets are exactly as they were (the KQ sheets may stay).
 */
import fc from 'fast-check';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/exceljs-workbook';
import { checkFlagAndScore, clearAllFlags } from '../../src/usecases/check-workbook';
import { bookArb } from './arbitraries';
import type { BookDesc } from './book';
import { bookState, countOurs, reopen, saveStored, toXlsx, userState } from './exceljs-book';
import { AS_OF, FIXED_SEEDS, RUNS, newTally, params, same, summary, totalRuns } from './runs';

const tally = newTally();
const TIMEOUT = 900_000;

async function roundTrip(book: BookDesc): Promise<void> {
  const started = Date.now();
  const port = await ExcelJsWorkbook.fromBuffer(await toXlsx(book));
  const before = userState(port.workbook);

  const { report } = await checkFlagAndScore(port, { asOf: AS_OF });
  const once = await reopen(port);
  same(userState(once.workbook, true), before, 'flagged, without the add-in’s rules and notes');
  const onceState = bookState(once.workbook);
  const ours = countOurs(once.workbook);

  await checkFlagAndScore(once, { asOf: AS_OF });
  const twice = await reopen(once);
  same(bookState(twice.workbook), onceState, 'flagged twice');

  await clearAllFlags(twice);
  const cleared = await reopen(twice);
  same(userState(cleared.workbook), before, 'flagged, then cleared');

  tally.books++;
  tally.ms += Date.now() - started;
  tally.taskSheets += report.sheets.filter((s) => s.kind === 'task').length;
  if (ours.rules > 0) tally.booksFlagged++;
  tally.ourRules += ours.rules;
  tally.ourNotes += ours.notes;
  for (const s of book.sheets) {
    tally.userRules += s.formats.reduce((n, f) => n + f.rules.length, 0);
    tally.userNotes += s.notes.length;
  }
}

const property = fc.asyncProperty(bookArb, roundTrip);

describe(`ExcelJS: check → flag → clear loses nothing, and flagging twice equals once (${totalRuns(RUNS.exceljs)} books)`, () => {
  afterAll(() => {
    console.log(summary('ExcelJS round trip', tally));
  });

  test(`${RUNS.exceljs.random} books from a random seed`, async () => {
    await fc.assert(property, params(RUNS.exceljs.random));
  }, TIMEOUT);

  test.each(FIXED_SEEDS)(`${RUNS.exceljs.perSeed} books from the fixed seed %i`, async (seed) => {
    await fc.assert(property, params(RUNS.exceljs.perSeed, seed));
  }, TIMEOUT);
});

describe('the round trip saves as the adapter does', () => {
  test('a book saved with stored zip entries reads back exactly as ExcelJsWorkbook.toBuffer writes it', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const port = await ExcelJsWorkbook.fromBuffer(await toXlsx(book));
        await checkFlagAndScore(port, { asOf: AS_OF });
        const viaAdapter = await ExcelJsWorkbook.fromBuffer(await port.toBuffer());
        const stored = await ExcelJsWorkbook.fromBuffer(await saveStored(port.workbook));
        same(bookState(stored.workbook), bookState(viaAdapter.workbook), 'saved with stored entries');
      }),
      params(20, FIXED_SEEDS[0]),
    );
  }, TIMEOUT);
});
