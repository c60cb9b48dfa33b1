/**
 * Issue 8: Excel's own rules, which the adapter had met only in the documentation, modelled by the
 * fake (test/office/fake-excel.ts cites the page for each) and checked here one point at a time.
 * Each test failed on the adapter before its fix.
 */
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { InterruptedError } from '../../src/adapters/office/faults';
import { createHandlers, type Notice } from '../../src/commands/handlers';
import { NOTE_PREFIX } from '../../src/core/flag-plan';
import { FINDINGS_SHEET, HELPER_SHEET, SETTINGS_SHEET } from '../../src/core/presentation';
import { ribbonMessages } from '../../src/i18n/ribbon';
import { HostError } from '../../src/port/workbook-port';
import { checkAndFlag, clearAllFlags, saveSettings, scoreUnits } from '../../src/usecases/check-workbook';
import { AS_OF, TASK_SHEET, addRegistry, addTaskSheet, serial, taskBook } from './books';
import { FakeWorkbook, type FakeRule, type FakeSheet } from './fake-excel';

const EARLIER = '2023-06-30';
const en = ribbonMessages('en');

function portOf(book: FakeWorkbook, lang: 'vi' | 'en' = 'en'): OfficeWorkbook {
  return new OfficeWorkbook({ host: book.host(), lang });
}

/**
 * A task sheet worked out by hand (as of 2023-09-15, no registry): the header in row 1, then
 *   row 2 deadline "30/02/2023" (no such date): invalid-date and missing-deadline, both on D2;
 *   row 3 two lead units: multiple-leads on C3;
 *   row 4 no lead unit: unassigned, shown by the live rule, no note;
 *   row 5 done 2023-06-10 for a deadline of 2023-06-01: late-completion on E5.
 * So three cells carry a note: D2 and C3 (errors), E5 (a warning).
 */
function handBook(apiVersion = '1.18'): { book: FakeWorkbook; sheet: FakeSheet } {
  const book = new FakeWorkbook();
  book.apiVersion = apiVersion;
  const sheet = book.addSheet(TASK_SHEET, [
    ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
    [1, 'Báo cáo sơ kết', 'Phòng Nội vụ', '30/02/2023', null],
    [2, 'Rà soát thủ tục', 'Phòng Nội vụ; Phòng Tư pháp', serial('2023-12-01'), null],
    [3, 'Kiểm tra công vụ', '', serial('2023-12-01'), null],
    [4, 'Tổng hợp số liệu', 'Phòng Tư pháp', serial('2023-06-01'), serial('2023-06-10')],
  ]);
  return { book, sheet };
}

/** The cells (A1) of the sheet's rules of one kind ("error", "warning", ...). */
function ruleCells(sheet: FakeSheet, kind: string): string[] {
  const cells: string[] = [];
  for (const r of sheet.rules.filter((x) => x.formula?.includes(`"kq:${kind}"`))) {
    for (const a of r.areas) for (let row = a.top; row <= a.bottom; row++) cells.push(`${String.fromCharCode(65 + a.left)}${row + 1}`);
  }
  return cells.sort();
}

function noteCells(sheet: FakeSheet): string[] {
  return sheet.notes.map((n) => `${String.fromCharCode(65 + n.col)}${n.row + 1}`).sort();
}

describe('1. an Office.js without Worksheet.notes on a host that reports ExcelApi 1.18', () => {
  test('the cells are marked, no note is attempted, and the user is told how many cells lack their note', async () => {
    const { book, sheet } = handBook('1.18');
    book.missingMembers.add('Worksheet.notes');
    const port = portOf(book);
    await checkAndFlag(port, { asOf: AS_OF });
    expect(ruleCells(sheet, 'error')).toEqual(['C3', 'D2']);
    expect(ruleCells(sheet, 'warning')).toEqual(['E5']);
    expect(ruleCells(sheet, 'unassigned').length).toBeGreaterThan(0);
    expect(sheet.notes).toEqual([]);
    expect(port.takeNotices()).toEqual([{ kind: 'notes-unavailable', cells: 3 }]);
    // each notice once
    expect(port.takeNotices()).toEqual([]);
  });

  test('clear flags works on the same host, and the ribbon notice names what was left out', async () => {
    const { book, sheet } = handBook('1.18');
    book.missingMembers.add('Worksheet.notes');
    const notices: Notice[] = [];
    const handlers = createHandlers({ port: (lang) => new OfficeWorkbook({ host: book.host(), lang }), displayLang: () => 'en', notify: async (n) => void notices.push(n) });
    await saveSettings(portOf(book), { version: 1, asOf: AS_OF });
    await handlers.checkAndFlag({ completed: () => undefined });
    expect(notices[0]!.ok).toBe(true);
    expect(notices[0]!.lines).toContain(en.notesUnavailable(3));
    await handlers.clearFlags({ completed: () => undefined });
    expect(notices[1]!.ok).toBe(true);
    expect(sheet.rules).toEqual([]);
  });

  test('a host without ExcelApi 1.18 says the same (the cells are coloured, the messages are on KQ Kiểm tra)', async () => {
    const { book } = handBook('1.13');
    const port = portOf(book);
    await checkAndFlag(port, { asOf: AS_OF });
    expect(port.takeNotices()).toEqual([{ kind: 'notes-unavailable', cells: 3 }]);
  });
});

describe('2. workbook structure protection: Excel refuses any hide or unhide', () => {
  test('flagging again over earlier flags needs no visibility change and succeeds', async () => {
    const book = taskBook(300);
    book.sheet(TASK_SHEET).rows.get(10)![6] = '15/08/2023'; // a text deadline: the helper sheet is used
    await checkAndFlag(portOf(book), { asOf: EARLIER });
    expect(book.sheet(HELPER_SHEET).visibility).toBe('VeryHidden');
    book.sheet(TASK_SHEET).rows.get(20)![6] = '01/09/2023';
    const reference = book.clone();
    await checkAndFlag(portOf(reference), { asOf: AS_OF });

    book.structureProtected = true;
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(book.sheet(HELPER_SHEET).visibility).toBe('VeryHidden');
    expect(book.sheet(HELPER_SHEET).rows).toEqual(reference.sheet(HELPER_SHEET).rows);
    expect(book.sheet(TASK_SHEET).rules.map(({ id: _id, ...r }) => r)).toEqual(reference.sheet(TASK_SHEET).rules.map(({ id: _id, ...r }) => r));
  });

  test('clearing, which must delete the helper sheet, refuses before touching anything and says why', async () => {
    const book = taskBook(100);
    book.sheet(TASK_SHEET).rows.get(10)![6] = '15/08/2023';
    await checkAndFlag(portOf(book), { asOf: EARLIER });
    book.structureProtected = true;
    book.resetStats();
    const err = await clearAllFlags(portOf(book)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as Error).message).toBe(en.protectedWorkbook());
    expect(book.stats.mutations).toBe(0);
  });

  test('saving settings again sets no visibility', async () => {
    const book = taskBook(10);
    await saveSettings(portOf(book), { version: 1, asOf: EARLIER });
    book.structureProtected = true;
    await saveSettings(portOf(book), { version: 1, asOf: AS_OF });
    expect(JSON.parse(String(book.sheet(SETTINGS_SHEET).get(0, 0)))).toEqual({ version: 1, asOf: AS_OF });
    expect(book.sheet(SETTINGS_SHEET).visibility).toBe('VeryHidden');
  });
});

describe("3. conditional-format ids are priorities that Excel renumbers", () => {
  test("our rules are replaced and the user's own rules, above, between and below, all stay in their order", async () => {
    const book = taskBook(200);
    const s = book.sheet(TASK_SHEET);
    const user = (id: number, formula: string): FakeRule => ({ id, type: 'Custom', formula, areas: [{ top: 4, left: 11, bottom: 203, right: 11 }], fill: '#00FF00' });
    s.rules.push(user(900, '=$L5>5'));
    await checkAndFlag(portOf(book), { asOf: EARLIER });
    const ours = s.rules.filter((r) => r.formula?.includes('"kq:')).length;
    expect(ours).toBeGreaterThanOrEqual(3);
    // The user adds a rule (Excel puts it first) and moves another one below ours.
    s.rules.unshift(user(901, '=$L5>7'));
    s.rules.push(user(902, '=$L5>8'));
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    const order = s.rules.map((r) => (r.formula?.includes('"kq:') ? 'ours' : r.id));
    expect(order.filter((x) => x !== 'ours')).toEqual([901, 900, 902]);
    expect(order.filter((x) => x === 'ours')).toHaveLength(ours);
    await clearAllFlags(portOf(book));
    expect(s.rules.map((r) => r.id)).toEqual([901, 900, 902]);
  });
});

describe('4. threaded comments: a cell holds a comment or a note, not both', () => {
  test('a marked cell with a threaded comment keeps it and gets no note; the other marked cells get theirs', async () => {
    const { book, sheet } = handBook('1.18');
    sheet.comments.push({ row: 2, col: 2, content: 'Phòng Tư pháp phối hợp, không chủ trì' }); // C3
    const port = portOf(book);
    await checkAndFlag(port, { asOf: AS_OF });
    expect(noteCells(sheet)).toEqual(['D2', 'E5']);
    expect(sheet.notes.every((n) => n.content.startsWith(NOTE_PREFIX))).toBe(true);
    expect(sheet.comments).toEqual([{ row: 2, col: 2, content: 'Phòng Tư pháp phối hợp, không chủ trì' }]);
    expect(ruleCells(sheet, 'error')).toEqual(['C3', 'D2']);
    // and flagging again keeps the same
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(noteCells(sheet)).toEqual(['D2', 'E5']);
  });

  test('on a host before ExcelApi 1.10 comments are not asked for', async () => {
    const { book, sheet } = handBook('1.9');
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(ruleCells(sheet, 'error')).toEqual(['C3', 'D2']);
  });
});

describe('6. cell-edit mode', () => {
  test('the batches wait for the user to leave the cell (delayForCellEdit) instead of failing', async () => {
    const { book, sheet } = handBook('1.18');
    book.cellEditMode = true;
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(book.stats.cellEditWaits).toBe(1);
    expect(ruleCells(sheet, 'error')).toEqual(['C3', 'D2']);
  });

  test('where Excel does not hold the batch, both of its codes give the cell-edit message and nothing is written', async () => {
    for (const code of ['InvalidOperationInCellEditMode', 5004]) {
      const { book } = handBook('1.18');
      book.cellEditMode = true;
      book.cellEditCode = code;
      const host = book.host();
      // an Excel that ignores delayForCellEdit
      const ignoring = { ...host, run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => host.run(batch) };
      const err = await checkAndFlag(new OfficeWorkbook({ host: ignoring, lang: 'en' }), { asOf: AS_OF }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as Error).message).toBe(en.cellEditMode());
      expect(book.stats.mutations).toBe(0);
    }
  });
});

describe('7. another workbook takes the focus mid-run', () => {
  async function flaggedBook(): Promise<FakeWorkbook> {
    const book = new FakeWorkbook();
    addTaskSheet(book, 150);
    addRegistry(book);
    await checkAndFlag(portOf(book), { asOf: EARLIER });
    book.sheet(TASK_SHEET).rows.get(12)![6] = '15/08/2023';
    book.resetStats();
    return book;
  }

  test('at any sync: the book is as before or as after, and the message says another workbook had the focus', async () => {
    const base = await flaggedBook();
    const clean = base.clone();
    await checkAndFlag(portOf(clean), { asOf: AS_OF });
    const syncs = clean.stats.syncs;
    const before = JSON.stringify(base.sheets.map((s) => [s.name, s.rules.map(({ id: _id, ...r }) => r), s.notes]));
    const after = JSON.stringify(clean.sheets.map((s) => [s.name, s.rules.map(({ id: _id, ...r }) => r), s.notes]));
    let told = 0;
    for (let k = 1; k <= syncs; k++) {
      const book = base.clone();
      book.otherWorkbookFocused = (n) => n === k;
      let err: unknown = null;
      try {
        await checkAndFlag(portOf(book), { asOf: AS_OF });
      } catch (e) {
        err = e;
      }
      const now = JSON.stringify(book.sheets.map((s) => [s.name, s.rules.map(({ id: _id, ...r }) => r), s.notes]));
      expect([before, after]).toContain(now);
      if (err !== null) {
        expect(err).toBeInstanceOf(HostError);
        expect((err as Error).message).toContain(en.focusLost());
        if (err instanceof InterruptedError) expect(now).toBe(err.state === 'after' ? after : before);
        told++;
      }
    }
    expect(told).toBeGreaterThan(0);
  });

  test('the clean-up waits for the user to come back instead of leaving the book half-written', async () => {
    const base = await flaggedBook();
    const clean = base.clone();
    const port = portOf(clean);
    await checkAndFlag(port, { asOf: AS_OF });
    const readSyncs = port.stats.read!.syncs;
    // the first write sync and the next two (the first clean-up attempts) happen while another workbook is active
    const book = base.clone();
    const away = new Set([readSyncs + 2, readSyncs + 3, readSyncs + 4]);
    book.otherWorkbookFocused = (n) => away.has(n);
    const err = await checkAndFlag(portOf(book), { asOf: AS_OF }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).state).not.toBe('unknown');
    expect(book.stats.pauses).toBeGreaterThan(0);
  });
});

describe('8. HYPERLINK cells are calculated after they are written', () => {
  test('every link in KQ Kiểm tra shows its cell, none is left uncalculated', async () => {
    const { book } = handBook('1.18');
    await scoreUnits(portOf(book), { asOf: AS_OF });
    const findings = book.sheet(FINDINGS_SHEET);
    expect(findings.formulas.size).toBeGreaterThan(0);
    expect([...findings.dirty]).toEqual([]);
    for (const [key, formula] of findings.formulas) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      expect(findings.get(r, c)).toBe(/,"([A-Z]+\d+)"\)$/.exec(formula)![1]);
    }
    // again, over the sheet of the first run (the swap path)
    await scoreUnits(portOf(book), { asOf: AS_OF });
    expect([...book.sheet(FINDINGS_SHEET).dirty]).toEqual([]);
  });
});
