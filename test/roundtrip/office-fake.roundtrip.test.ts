/**
 * Round trip without loss in the Office.js host, against the in-memory Excel fake, SPEC §6: the
 * same generated books as the ExcelJS round trip, held by the fake as Excel holds them (formats,
 * user rules in priority order, notes, hidden rows, filter), with the ExcelApi version varied
 * (1.7 without RangeAreas, merges or notes, up to 1.18), go through
 *
 *   check, flag and score → again in a new session → again on the same port → clear flags
 *
 * and every step is compared with the book the user had: flagging only adds the add-in's rules and
 * notes, flagging again leaves every sheet (the KQ sheets included) as once, flagging for another
 * date and then for this one leaves what flagging for this one leaves, and clearing restores the
 * user's sheets exactly.
 */
import fc from 'fast-check';
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { checkFlagAndScore, clearAllFlags } from '../../src/usecases/check-workbook';
import { bookArb } from './arbitraries';
import type { BookDesc } from './book';
import { countFakeOurs, fakeBookState, fakeUserState, toFake } from './fake-book';
import { AS_OF, OTHER_AS_OF, RUNS, newTally, roundTripSuite, same } from './runs';

const tally = newTally();

function portOf(fake: ReturnType<typeof toFake>): OfficeWorkbook {
  return new OfficeWorkbook({ host: fake.host() });
}

async function roundTrip(book: BookDesc): Promise<void> {
  const started = Date.now();
  const fake = toFake(book);
  const before = fakeUserState(fake);

  const port = portOf(fake);
  const { report } = await checkFlagAndScore(port, { asOf: AS_OF });
  same(fakeUserState(fake, true), before, 'flagged, without the add-in’s rules and notes');
  const once = fakeBookState(fake);
  const ours = countFakeOurs(fake);

  await checkFlagAndScore(portOf(fake), { asOf: AS_OF });
  same(fakeBookState(fake), once, 'flagged twice');
  // The pane keeps its port: a second run reuses the sheet names it read.
  await checkFlagAndScore(port, { asOf: AS_OF });
  same(fakeBookState(fake), once, 'flagged twice through the same port');

  const other = toFake(book);
  await checkFlagAndScore(portOf(other), { asOf: OTHER_AS_OF });
  await checkFlagAndScore(portOf(other), { asOf: AS_OF });
  same(fakeBookState(other), once, `flagged as of ${OTHER_AS_OF}, then as of ${AS_OF}`);

  await clearAllFlags(portOf(fake));
  same(fakeUserState(fake), before, 'flagged, then cleared');

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

roundTripSuite('Office.js on the Excel fake: check → flag → clear loses nothing, and flagging twice equals once', 'Office fake round trip', fc.asyncProperty(bookArb, roundTrip), RUNS.fake, tally);
