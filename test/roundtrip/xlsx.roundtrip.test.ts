/**
 * Round trip without loss through the xlsx package adapter (command line, browser mode), SPEC §6:
 * generated user workbooks, as real .xlsx bytes written by ExcelJS, go through
 *
 *   open → check, flag and score → bytes → open → check, flag and score again → bytes → open →
 *   clear flags → bytes
 *
 * and every step is compared with the book the user had, read by ExcelJS (an independent reader):
 * - after flagging, the user's sheets hold exactly what they held (values, formulas and their
 *   results, styles, merges, rows and columns, filter, views, the user's rules and notes) plus the
 *   add-in's own rules and notes, nothing else; and every part the add-in does not write is the
 *   original's, byte for byte;
 * - flagging a flagged book again gives the same package, byte for byte;
 * - after clearing, the user's sheets are exactly as they were (the KQ sheets may stay), and each
 *   user worksheet part is the original's, byte for byte.
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { nodePlatform } from '../../src/adapters/xlsx/node-platform';
import { checkFlagAndScore, clearAllFlags } from '../../src/usecases/check-workbook';
import { bookArb } from './arbitraries';
import type { BookDesc } from './book';
import { bookState, countOurs, load, toXlsx, userState } from './exceljs-book';
import { AS_OF, RUNS, newTally, roundTripSuite, same } from './runs';

const tally = newTally();

/** Parts the add-in may write when it flags and scores (the worksheets it flags are checked separately). */
const WRITTEN = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/.*|xl\/comments\d+\.xml|xl\/drawings\/.*|xl\/tables\/.*|xl\/charts\/.*)$/;

function differing(a: Record<string, Uint8Array>, b: Record<string, Uint8Array>, names: Iterable<string>): string[] {
  return [...names].filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]!), Buffer.from(b[n]!)) !== 0).sort();
}

async function annotate(bytes: Uint8Array): Promise<{ bytes: Uint8Array; tasks: number }> {
  const port = await XlsxWorkbook.open(bytes, nodePlatform);
  const { report } = await checkFlagAndScore(port, { asOf: AS_OF });
  return { bytes: await port.toBuffer(), tasks: report.sheets.filter((s) => s.kind === 'task').length };
}

async function roundTrip(book: BookDesc): Promise<void> {
  const started = Date.now();
  const original = await toXlsx(book);
  const before = userState(await load(original));
  const originalParts = unzipSync(original);

  const once = await annotate(original);
  const onceBook = await load(once.bytes);
  same(userState(onceBook, true), before, 'flagged, without the add-in’s rules and notes');
  const onceParts = unzipSync(once.bytes);
  same(differing(originalParts, onceParts, Object.keys(originalParts).filter((n) => !WRITTEN.test(n))), [], 'parts the add-in does not write');
  const ours = countOurs(onceBook);

  const twice = await annotate(once.bytes);
  same(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes)), true, 'flagged twice, byte for byte');
  same(bookState(await load(twice.bytes)), bookState(onceBook), 'flagged twice');

  const port = await XlsxWorkbook.open(twice.bytes, nodePlatform);
  await clearAllFlags(port);
  const cleared = await port.toBuffer();
  same(userState(await load(cleared)), before, 'flagged, then cleared');
  const sheetParts = Object.keys(originalParts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  same(differing(originalParts, unzipSync(cleared), sheetParts), [], 'user worksheet parts after clearing');

  tally.books++;
  tally.ms += Date.now() - started;
  tally.taskSheets += once.tasks;
  if (ours.rules > 0) tally.booksFlagged++;
  tally.ourRules += ours.rules;
  tally.ourNotes += ours.notes;
  for (const s of book.sheets) {
    tally.userRules += s.formats.reduce((n, f) => n + f.rules.length, 0);
    tally.userNotes += s.notes.length;
  }
}

roundTripSuite('xlsx package: check → flag → clear loses nothing, and flagging twice equals once', 'xlsx round trip', fc.asyncProperty(bookArb, roundTrip), RUNS.xlsx, tally);
