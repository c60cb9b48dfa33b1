/**
 * Issue 10: a chart sheet is part of the book even though it holds no cells. The report lists it
 * among the ignored sheets, in tab order with the others, and the annotated copy keeps it (the
 * preservation tests check the part itself). The book was written by openpyxl (test/fixtures/writers).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../src/cli/main';
import { messages } from '../../src/i18n/messages';

const BOOK = path.resolve(__dirname, '../fixtures/writers/openpyxl-chartsheet.xlsx');

test('the chart sheet "Biểu đồ" is listed as ignored, as a chart sheet, between the sheets around it', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-chartsheet-'));
  try {
    const json = path.join(tmp, 'report.json');
    const io: Io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['check', BOOK, '--as-of', '2026-09-15', '--json', json, '--lang', 'en'], io)).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { sheets: { name: string }[]; ignoredSheets: { name: string; reason: string }[] };
    // The fixture's README: the task sheet, then the chart sheet, then the chart's data sheet.
    expect(report.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ']);
    expect(report.ignoredSheets).toEqual([
      { name: 'Biểu đồ', reason: messages('en').ignoredChartSheet() },
      { name: 'Thống kê', reason: messages('en').ignoredNoHeader() },
    ]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
