/** The Office.js adapter against the in-memory Excel fake: cost, idempotence, exact removal, refusal. */
import { FINDINGS_SHEET, HELPER_SHEET, SCORES_SHEET, SETTINGS_SHEET } from '../../src/core/presentation';
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { NOTE_PREFIX } from '../../src/core/flag-plan';
import { type OwnedSheet } from '../../src/core/owned-sheets';
import { HostError } from '../../src/port/workbook-port';
import { checkAndFlag, checkBook, clearAllFlags, saveSettings, scoreUnits } from '../../src/usecases/check-workbook';
import { AS_OF, TASK_SHEET, addTaskSheet, flagSnapshot, taskBook } from './books';
import { FakeWorkbook, rectAddress, type FakeWorkbook as Book } from './fake-excel';

const MB4 = 4 * 1024 * 1024;

function portOf(book: Book, lang: 'vi' | 'en' = 'vi'): OfficeWorkbook {
  return new OfficeWorkbook({ host: book.host(), lang });
}

describe('reading and flagging a 100,000-row sheet', () => {
  const book = taskBook(100_000);
  const port = portOf(book);
  let findings = 0;

  beforeAll(async () => {
    book.resetStats();
    const out = await checkAndFlag(port, { asOf: AS_OF });
    findings = out.report.findings.length;
    expect(out.report.sheets[0]).toMatchObject({ name: TASK_SHEET, kind: 'task', headerRow: 4, dataRows: 100_000 });
  }, 120_000);

  test('takes at most 6 syncs plus one per read chunk', () => {
    const read = port.stats.read!;
    const flags = port.stats.flags!;
    const total = book.stats.syncs;
    // Reported in the terms: every sync the use case caused.
    console.log(
      `100k rows: ${total} syncs in all = ${read.syncs} read (${read.valueSyncs} with values, ${read.chunks} chunks, ${read.retries} retries) + ${flags.syncs} flag writes; ` +
        `largest response ${Math.max(...book.stats.responses)} B, largest request ${Math.max(...book.stats.requests)} B; ${findings} findings, ${flags.rulesAdded} rules, ${flags.notesAdded} notes`,
    );
    expect(read.valueSyncs).toBeGreaterThan(1); // the sheet did need chunking
    expect(total).toBeLessThanOrEqual(6 + read.valueSyncs);
    expect(total).toBe(read.syncs + flags.syncs);
  });

  test('no response exceeds 4 MB, no request either', () => {
    expect(Math.max(...book.stats.responses)).toBeLessThanOrEqual(MB4);
    expect(Math.max(...book.stats.requests)).toBeLessThanOrEqual(MB4);
  });

  test('one rule per kind on the sheet, over all its rows, and calculation suspended for the writes', () => {
    const rules = book.sheet(TASK_SHEET).ourRules();
    const kinds = rules.map((r) => /kq:(\w+)/.exec(r.formula!)![1]!);
    expect([...new Set(kinds)].sort()).toEqual(['error', 'overdue', 'unassigned', 'warning']);
    // one rule per kind, except where a kind's cells need more than one 8,192-character address
    expect(kinds.filter((k) => k === 'overdue')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'unassigned')).toHaveLength(1);
    for (const r of rules) expect(r.areas.map(rectAddress).join(',').length).toBeLessThanOrEqual(8_192);
    const overdue = rules.find((r) => r.formula!.includes('kq:overdue'))!;
    expect(overdue.areas).toEqual([{ top: 4, left: 1, bottom: 100_003, right: 10 }]);
    expect(book.stats.suspendCalls).toBeGreaterThanOrEqual(1);
    expect(book.sheet(HELPER_SHEET).visibility).toBe('VeryHidden');
    expect(book.sheet(TASK_SHEET).notes.every((n) => n.content.startsWith(NOTE_PREFIX))).toBe(true);
  });
});

describe('flags', () => {
  test('running twice leaves the same rules, notes and helper sheet as once', async () => {
    const book = taskBook(2_000);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    const once = flagSnapshot(book);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(flagSnapshot(book)).toEqual(once);
    // same port instance too (it reuses the sheet names it read)
    const port = portOf(book);
    await checkAndFlag(port, { asOf: AS_OF });
    await checkAndFlag(port, { asOf: AS_OF });
    expect(flagSnapshot(book)).toEqual(once);
  });

  test('clear flags removes exactly what was added; the user rules and notes stay', async () => {
    const book = taskBook(500);
    const s = book.sheet(TASK_SHEET);
    s.rules.push({ id: 900, type: 'Custom', formula: '=$L5>5', areas: [{ top: 4, left: 11, bottom: 503, right: 11 }], fill: '#00FF00' });
    s.rules.push({ id: 901, type: 'CellValue', formula: null, areas: [{ top: 4, left: 0, bottom: 503, right: 0 }], fill: '#0000FF' });
    // a user's note on a cell the engine flags (the invalid date in row 14) and one elsewhere
    s.notes.push({ row: 13, col: 6, content: 'Hỏi lại phòng Tư pháp' }, { row: 4, col: 0, content: 'ghi chú của tôi' });
    const before = flagSnapshot(book);

    const port = portOf(book);
    await checkAndFlag(port, { asOf: AS_OF });
    expect(s.rules.length).toBeGreaterThan(2);
    // our rules come after the user's own, whose order stays
    expect(s.rules.slice(0, 2).map((r) => r.id)).toEqual([900, 901]);
    // the user's note was not replaced by ours
    expect(s.notes.find((n) => n.row === 13 && n.col === 6)!.content).toBe('Hỏi lại phòng Tư pháp');

    await clearAllFlags(port);
    expect(flagSnapshot(book)).toEqual(before);
    expect(book.findSheet(HELPER_SHEET)).toBeUndefined();
  });

  test('when no task sheet is left, a new run removes the old flags and the helper sheet', async () => {
    const book = taskBook(100);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    // the user renames the lead column: the sheet is no longer a task sheet
    book.sheet(TASK_SHEET).set(3, 4, 'Ghi chú khác');
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    expect(book.sheet(TASK_SHEET).ourRules()).toEqual([]);
    expect(book.sheet(TASK_SHEET).notes).toEqual([]);
    expect(book.findSheet(HELPER_SHEET)).toBeUndefined();
  });

  test('clear flags also removes rules Excel split when the user inserted rows', async () => {
    const book = taskBook(100);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    const s = book.sheet(TASK_SHEET);
    const ours = s.ourRules()[0]!;
    s.rules.push({ ...ours, id: 999, areas: [{ top: 200, left: 1, bottom: 210, right: 10 }] });
    await clearAllFlags(portOf(book));
    expect(s.ourRules()).toEqual([]);
  });

  test('without RangeAreas (ExcelApi 1.7): one rule per row block, no notes, no merges, and clear still restores', async () => {
    const book = taskBook(300, '1.7');
    const s = book.sheet(TASK_SHEET);
    // a section label splits the records into two blocks
    s.rows.set(104, ['II. KHỐI XÃ, THỊ TRẤN']);
    const before = flagSnapshot(book);
    const port = portOf(book);
    expect(port.features).toEqual({ rangeAreas: false, workbookReadOnly: false, merges: false, notes: false, comments: false });
    await checkAndFlag(port, { asOf: AS_OF });
    const overdue = s.ourRules().filter((r) => r.formula!.includes('kq:overdue'));
    expect(overdue).toHaveLength(2);
    expect(overdue.map((r) => r.areas[0]!.top).sort((a, b) => a - b)).toEqual([4, 105]);
    // each block's formula is relative to its own first row
    expect(overdue.find((r) => r.areas[0]!.top === 105)!.formula).toContain('$G106');
    expect(s.notes).toEqual([]);
    await clearAllFlags(port);
    expect(flagSnapshot(book)).toEqual(before);
  });

  test('a very long list of row blocks is split so that no getRanges address passes 8,192 characters', async () => {
    const book = taskBook(6_000);
    const s = book.sheet(TASK_SHEET);
    // every third row a section label: about 2,000 blocks
    for (let r = 6; r < 6_004; r += 3) s.rows.set(r, [`${'ABCDEFGHIKLMNOPQRSTUVXY'[r % 23]}) Khối ${r}`]);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    const overdue = s.ourRules().filter((r) => r.formula!.includes('kq:overdue'));
    expect(overdue.length).toBeGreaterThan(1);
    const areas = overdue.flatMap((r) => r.areas);
    expect(areas.length).toBeGreaterThan(1_900);
  });
});

describe('refusing to write', () => {
  test('a protected task sheet: HostError naming it, and nothing written', async () => {
    const book = taskBook(200);
    book.sheet(TASK_SHEET).protected = true;
    const before = flagSnapshot(book);
    book.resetStats();
    const err = await checkAndFlag(portOf(book), { asOf: AS_OF }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).sheet).toBe(TASK_SHEET);
    expect((err as HostError).message).toContain(`"${TASK_SHEET}"`);
    expect(book.stats.mutations).toBe(0);
    expect(flagSnapshot(book)).toEqual(before);
  });

  test('a protected sheet holding old flags: clearing refuses before removing anything', async () => {
    const book = taskBook(200);
    await checkAndFlag(portOf(book), { asOf: AS_OF });
    book.sheet(TASK_SHEET).protected = true;
    const before = flagSnapshot(book);
    book.resetStats();
    await expect(clearAllFlags(portOf(book, 'en'))).rejects.toThrow(/protected/);
    expect(book.stats.mutations).toBe(0);
    expect(flagSnapshot(book)).toEqual(before);
  });

  // Cell-edit mode no longer refuses: the batches wait for the user (test/office/host-rules.test.ts).
  test('a protected workbook structure (the helper sheet cannot be added), a read-only book', async () => {
    const cases: Array<[string, (b: FakeWorkbook) => void, RegExp]> = [
      ['structure', (b) => (b.structureProtected = true), /structure/],
      ['document read-only', (b) => (b.documentReadOnly = true), /read-only/],
      ['workbook.readOnly', (b) => (b.readOnly = true), /read-only/],
    ];
    for (const [, arrange, message] of cases) {
      const book = taskBook(50);
      arrange(book);
      const before = flagSnapshot(book);
      book.resetStats();
      const err = await checkAndFlag(portOf(book, 'en'), { asOf: AS_OF }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as Error).message).toMatch(message);
      expect(book.stats.mutations).toBe(0);
      expect(flagSnapshot(book)).toEqual(before);
    }
  });

  test('the KQ sheets are not written into a protected structure or a read-only book', async () => {
    for (const arrange of [(b: FakeWorkbook) => (b.structureProtected = true), (b: FakeWorkbook) => (b.documentReadOnly = true)]) {
      const book = taskBook(50);
      arrange(book);
      book.resetStats();
      await expect(scoreUnits(portOf(book), { asOf: AS_OF })).rejects.toBeInstanceOf(HostError);
      expect(book.stats.mutations).toBe(0);
      expect(book.findSheet(SCORES_SHEET)).toBeUndefined();
    }
  });
});

describe('reading', () => {
  test('error values become error cells; merges are read for the banner and two-row headers', async () => {
    const book = new FakeWorkbook();
    const s = book.addSheet('Theo dõi');
    s.set(0, 0, 'UBND XÃ MỸ HÒA');
    s.merges.push({ top: 0, left: 0, bottom: 0, right: 4 });
    ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian', null].forEach((h, c) => h && s.set(2, c, h));
    s.merges.push({ top: 2, left: 3, bottom: 2, right: 4 }, { top: 2, left: 0, bottom: 3, right: 0 });
    s.set(3, 3, 'Ngày giao');
    s.set(3, 4, 'Thời hạn');
    s.rows.set(4, [1, 'Báo cáo', 'Phòng Nội vụ', 45100, 45120]);
    s.setError(5, 2, '#N/A');
    s.set(5, 1, 'Kiểm tra');
    s.set(5, 4, 45130);
    const port = portOf(book);
    const sheets = (await port.readBook()).sheets;
    expect(sheets[0]!.rows[5]![2]).toEqual({ error: '#N/A' });
    expect(sheets[0]!.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 4 }, { top: 2, left: 3, bottom: 2, right: 4 }]));
    const { report } = await checkBook(portOf(book), { asOf: AS_OF });
    expect(report.sheets[0]).toMatchObject({ kind: 'task', headerRow: 4, columns: { assignedDate: 'D', deadline: 'E' } });
    expect(report.findings.filter((f) => f.rule === 'invalid-value')).toHaveLength(1);
  });

  test('a merged section label below the header is not a record', async () => {
    const book = taskBook(20);
    const s = book.sheet(TASK_SHEET);
    s.rows.set(10, [null, null, null, 'Khối các phòng chuyên môn']);
    s.merges.push({ top: 10, left: 3, bottom: 10, right: 8 });
    const { report } = await checkBook(portOf(book), { asOf: AS_OF });
    expect(report.tasks.some((t) => t.row === 11)).toBe(false);
  });

  test('more than 512 merges in a probe: the adapter falls back to the header rows', async () => {
    const book = taskBook(2_000);
    const s = book.sheet(TASK_SHEET);
    // 64 consecutive one-cell rows with 9 merges each: one probe would hold 576 merged areas
    for (let r = 100; r < 164; r++) {
      s.rows.set(r, [null, null, null, `Nhóm ${r}`]);
      for (let c = 12; c < 30; c += 2) s.merges.push({ top: r, left: c, bottom: r, right: c + 1 });
    }
    const sheets = (await portOf(book).readBook()).sheets;
    expect(sheets[0]!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
  });

  test('long text: a small probe chunk measures the sheet first, so no response passes 4 MB', async () => {
    const book = new FakeWorkbook();
    addTaskSheet(book, 3_000);
    const s = book.sheet(TASK_SHEET);
    for (let r = 4; r < 3_004; r++) s.rows.get(r)![9] = `Ghi chú dài ${'ưu tiên xử lý dứt điểm, '.repeat(120)}`;
    const port = portOf(book);
    const sheets = (await port.readBook()).sheets;
    expect(sheets[0]!.rows.length).toBe(3_004);
    expect(Math.max(...book.stats.responses)).toBeLessThanOrEqual(MB4);
    console.log(`long text: ${port.stats.read!.valueSyncs} value syncs, ${port.stats.read!.retries} retries, largest ${port.stats.read!.largestResponse} B`);
  });

  test('"response too large" from Excel: the chunk is read again with a smaller budget', async () => {
    const book = new FakeWorkbook();
    addTaskSheet(book, 400);
    const s = book.sheet(TASK_SHEET);
    for (let r = 4; r < 404; r++) s.rows.get(r)![9] = 'ư'.repeat(15_000);
    const port = portOf(book);
    const sheets = (await port.readBook()).sheets;
    expect(port.stats.read!.retries).toBeGreaterThan(0);
    expect(sheets[0]!.rows[403]![9]).toBe('ư'.repeat(15_000));
    const answered = book.stats.responses.filter((b) => b <= 5_000_000);
    expect(Math.max(...answered)).toBeLessThanOrEqual(MB4);
  });

  test('several small sheets share one values sync; KQ sheets are not read', async () => {
    const book = new FakeWorkbook();
    for (let k = 0; k < 5; k++) addTaskSheet(book, 100, `Quý ${k + 1}`);
    book.addSheet('KQ Đánh giá', [['do not read'], ['x']]);
    const port = portOf(book);
    const sheets = (await port.readBook()).sheets;
    expect(port.stats.read!.valueSyncs).toBe(1);
    expect(sheets.map((x) => x.name)).toEqual(['Quý 1', 'Quý 2', 'Quý 3', 'Quý 4', 'Quý 5', 'KQ Đánh giá']);
    expect(sheets[5]!.rows).toEqual([]);
  });
  test('several larger sheets: their probes share one sync, their remainders the next', async () => {
    const book = new FakeWorkbook();
    for (let k = 0; k < 4; k++) addTaskSheet(book, 2_000, `Khối ${k + 1}`);
    const port = portOf(book);
    const sheets = (await port.readBook()).sheets;
    expect(port.stats.read!.valueSyncs).toBe(2);
    expect(sheets.map((x) => x.rows.length)).toEqual([2_004, 2_004, 2_004, 2_004]);
    expect(sheets[3]!.rows[2_003]![1]).toBe('2999/UBND-VP');
  });
});

describe('the KQ sheets', () => {
  test('scores as an Excel table with a bar chart; findings link to their cells; replaced on every run', async () => {
    const book = taskBook(400);
    const port = portOf(book);
    const { report } = await scoreUnits(port, { asOf: AS_OF });
    const scores = book.sheet(SCORES_SHEET);
    expect(scores.tables).toEqual([{ name: 'KQ_DanhGia', address: `A4:M${4 + report.units.length}`, hasHeaders: true, style: 'TableStyleMedium2' }]);
    expect(scores.charts[0]).toMatchObject({ type: 'BarClustered', values: `K5:K${4 + report.units.length}`, 'series0.xValues': `A5:A${4 + report.units.length}` });
    expect(scores.get(4, 0)).toBe(report.units[0]!.name);
    expect(scores.numberFormats.get('4,0')).toBe('@');
    expect(scores.numberFormats.get('4,10')).toBe('0.0');
    expect(scores.frozenRows).toBe(4);
    const findings = book.sheet(FINDINGS_SHEET);
    expect(findings.tables[0]!.name).toBe('KQ_KiemTra');
    const first = report.findings.find((f) => f.sheet === TASK_SHEET)!;
    const linkCell = [...findings.formulas.entries()].find(([, f]) => f.includes(`!${first.cell}"`));
    expect(linkCell?.[1]).toBe(`=HYPERLINK("#'${TASK_SHEET}'!${first.cell}","${first.cell}")`);
    expect(findings.numberFormats.get(linkCell![0])).toBe('General');

    const snapshot = (): unknown => book.sheets.filter((x) => x.name.startsWith('KQ ')).map((x) => ({ name: x.name, rows: [...x.rows.entries()], tables: x.tables, charts: x.charts }));
    const once = snapshot();
    await scoreUnits(port, { asOf: AS_OF });
    expect(snapshot()).toEqual(once);
    expect(book.sheets.filter((x) => x.name === SCORES_SHEET)).toHaveLength(1);
  });

  test('a large sheet is written in several requests, each under the budget, as whole arrays', async () => {
    const book = taskBook(10);
    const rows = Array.from({ length: 20_000 }, (_, i) => [TASK_SHEET, `E${i + 5}`, 'unknown-unit', 'cảnh báo', `Đơn vị không có trong danh mục: "Phòng số ${i}" (gần nhất: "Phòng Nội vụ") ${'x'.repeat(200)}`]);
    const sheet: OwnedSheet = {
      name: FINDINGS_SHEET,
      title: ['KẾT QUẢ KIỂM TRA'],
      columns: ['Trang tính', 'Ô', 'Quy tắc', 'Mức độ', 'Nội dung'].map((header) => ({ header, width: 10, format: 'text' as const })),
      rows,
      tableName: 'KQ_KiemTra',
      links: rows.map((_, i) => ({ row: i, col: 1, sheet: TASK_SHEET, cell: `E${i + 5}` })),
    };
    book.resetStats();
    const port = portOf(book);
    await port.writeOwnedSheets([sheet]);
    expect(port.stats.owned!.syncs).toBeGreaterThan(2);
    expect(Math.max(...book.stats.requests)).toBeLessThanOrEqual(MB4);
    const written = book.sheet(FINDINGS_SHEET);
    expect(written.tables[0]!.address).toBe('A3:E20003');
    expect(written.get(20_002, 4)).toBe(rows[19_999]![4]);
    expect(written.formulas.get('20002,1')).toBe(`=HYPERLINK("#'${TASK_SHEET}'!E20004","E20004")`);
  });
});

describe('settings', () => {
  test('saved in the very hidden sheet "KQ Cài đặt" A1, the sheet every host reads', async () => {
    expect(SETTINGS_SHEET).toBe('KQ Cài đặt');
    const book = taskBook(10);
    const port = portOf(book);
    await saveSettings(port, { version: 1, asOf: '2023-09-30', rules: '2026' });
    const s = book.sheet(SETTINGS_SHEET);
    expect(s.visibility).toBe('VeryHidden');
    expect(s.numberFormats.get('0,0')).toBe('@');
    expect(JSON.parse(String(s.get(0, 0)))).toEqual({ version: 1, asOf: '2023-09-30', rules: '2026' });
    expect(await portOf(book).readSettings()).toBe(s.get(0, 0));
  });

  test('the ribbon uses the saved settings, read in the same syncs as the sheets', async () => {
    const book = taskBook(10);
    await saveSettings(portOf(book), { version: 1, asOf: '2023-01-01' });
    book.resetStats();
    const port = portOf(book);
    const { report } = await checkBook(port);
    expect(report.asOf).toBe('2023-01-01');
    expect(book.stats.syncs).toBe(port.stats.read!.syncs);
  });

  test('a protected settings sheet refuses before writing', async () => {
    const book = taskBook(10);
    await saveSettings(portOf(book), { version: 1 });
    book.sheet(SETTINGS_SHEET).protected = true;
    book.resetStats();
    await expect(saveSettings(portOf(book), { version: 1, rules: '2023' })).rejects.toBeInstanceOf(HostError);
    expect(book.stats.mutations).toBe(0);
  });
});
