import ExcelJS from 'exceljs';
import { DEFAULT_RUBRIC_2023 } from '../../src/core/rule-sets/rules-2023';
import { DEFAULT_RUBRIC_2026 } from '../../src/core/rule-sets/rules-2026';
import { paneText } from '../../src/i18n/pane';
import { detectHost } from '../../src/taskpane/boot';
import { annotatedName, cellContextOf } from '../../src/taskpane/browser-host';
import { describeError } from '../../src/taskpane/errors';
import { draftFor, parseMappingDraft, withKind } from '../../src/taskpane/mapping-form';
import { draftOf, parseRubricDraft } from '../../src/taskpane/rubric-form';
import { luminance, themeFromOffice } from '../../src/taskpane/theme';
import { HostError } from '../../src/port/workbook-port';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';

const vi = paneText('vi');
const en = paneText('en');

describe('mapping form', () => {
  test('a detected mapping round-trips into a valid override', () => {
    const draft = draftFor(undefined, { name: 'S', kind: 'task', headerRow: 5, dataRows: 3, columns: { content: 'B', leadUnit: 'F', deadline: 'H' } });
    expect(parseMappingDraft(draft, vi)).toEqual({ ok: true, value: { kind: 'task', headerRow: 5, columns: { content: 'B', leadUnit: 'F', deadline: 'H' } } });
  });

  test('lower case and spaces are accepted; empty columns are dropped', () => {
    const r = parseMappingDraft({ kind: 'inspection', headerRow: ' 2 ', columns: { date: ' a', unit: 'b ', violations: 'd', topic: '' } }, vi);
    expect(r).toEqual({ ok: true, value: { kind: 'inspection', headerRow: 2, columns: { date: 'A', unit: 'B', violations: 'D' } } });
  });

  test('missing required fields, bad letters, shared columns and a bad header row are all reported', () => {
    const r = parseMappingDraft({ kind: 'task', headerRow: '0', columns: { content: 'B', leadUnit: 'B', docNumber: 'XFE', status: '1' } }, vi);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      vi.mappingBadHeaderRow,
      vi.mappingBadColumn('Số/ký hiệu văn bản'),
      vi.mappingBadColumn('Tình trạng'),
      vi.mappingDuplicate('B', 'Nội dung nhiệm vụ, Đơn vị chủ trì'),
      vi.mappingMissing('Thời hạn'),
    ]);
  });

  test('a task needs content or a document number', () => {
    const r = parseMappingDraft({ kind: 'task', headerRow: '1', columns: { leadUnit: 'A', deadline: 'B' } }, en);
    expect(r).toEqual({ ok: false, errors: [en.mappingMissing('Task content or Document number')] });
  });

  test('changing the kind keeps only the fields the new kind has', () => {
    expect(withKind({ kind: 'inspection', headerRow: '3', columns: { date: 'A', unit: 'B', violations: 'C' } }, 'registry')).toEqual({
      kind: 'registry',
      headerRow: '3',
      columns: { unit: 'B' },
    });
  });
});

describe('rubric form', () => {
  test('the defaults show shares as percentages and parse back to themselves', () => {
    const d2023 = draftOf('2023', DEFAULT_RUBRIC_2023);
    expect(d2023).toEqual({ onTimeWeight: '70', violationPoints: '30', perViolation: '6', notCompletedLateShare: '50', reviewLateShare: '20', quota: '20' });
    expect(parseRubricDraft('2023', d2023, vi)).toEqual({ ok: true, value: DEFAULT_RUBRIC_2023 });
    expect(parseRubricDraft('2026', draftOf('2026', DEFAULT_RUBRIC_2026), vi)).toEqual({ ok: true, value: DEFAULT_RUBRIC_2026 });
  });

  test('a decimal comma is read as a decimal point', () => {
    const r = parseRubricDraft('2026', { ...draftOf('2026', DEFAULT_RUBRIC_2026), perViolation: '7,5' }, vi);
    expect(r.ok && (r.value as { perViolation: number }).perViolation).toBe(7.5);
  });

  test('out of range, not a number and cross-field rules give messages per field and overall', () => {
    const r = parseRubricDraft('2023', { ...draftOf('2023', DEFAULT_RUBRIC_2023), quota: '120', perViolation: '', onTimeWeight: '-1' }, en);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fields).toEqual({
      onTimeWeight: en.rubricRange(en.rubricField.onTimeWeight!, 0, 100),
      perViolation: en.rubricNotNumber(en.rubricField.perViolation!),
      quota: en.rubricRange(en.rubricField.quota!, 0, 100),
    });
    const review = parseRubricDraft('2023', { ...draftOf('2023', DEFAULT_RUBRIC_2023), reviewLateShare: '60' }, en);
    expect(review).toEqual({ ok: false, errors: [en.rubricReview], fields: {} });
  });
});

describe('host detection and errors', () => {
  test('no Office, no host', async () => {
    expect(await detectHost(undefined)).toBeNull();
    expect(await detectHost({} as never)).toBeNull();
  });
  test('Office outside Office reports host null; inside Excel, "Excel"', async () => {
    expect(await detectHost({ onReady: async () => ({ host: null, platform: null }) })).toBeNull();
    expect(await detectHost({ onReady: async () => ({ host: 'Excel', platform: 'PC' }) })).toBe('Excel');
  });
  test('an Office.js that never answers or fails still lets the page start', async () => {
    expect(await detectHost({ onReady: () => new Promise(() => undefined) }, 20)).toBeNull();
    expect(await detectHost({ onReady: () => Promise.reject(new Error('boom')) })).toBeNull();
  });
  test('host errors name the sheet', () => {
    expect(describeError(new HostError('protected', 'S1'), en)).toEqual({ title: en.hostError, text: 'Sheet "S1": protected' });
    expect(describeError(new Error('x'), en)).toEqual({ title: en.unexpected, text: 'x' });
    expect(describeError('odd', en)).toEqual({ title: en.unexpected, text: 'odd' });
  });
});

describe('theme', () => {
  test('follows a dark or light Office theme, keeping its colours', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('red')).toBeNull();
    const dark = themeFromOffice({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff' });
    expect(dark.colorNeutralBackground1).toBe('#262626');
    expect(dark.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(themeFromOffice({ bodyBackgroundColor: '#ffffff' }).colorNeutralForeground2).toBe(webLightTheme.colorNeutralForeground2);
    expect(themeFromOffice(undefined)).toBe(webLightTheme);
  });
});

describe('browser mode helpers', () => {
  test('the cells around a finding, with the header row', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A2').value = 'Đơn vị';
    ws.getCell('B2').value = 'Thời hạn';
    for (let r = 3; r <= 12; r++) {
      ws.getCell(r, 1).value = `Đơn vị ${r}`;
      ws.getCell(r, 2).value = new Date(Date.UTC(2026, 0, r));
    }
    ws.getCell('C9').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('A1').value = 'I. KHỐI CƠ QUAN';
    ws.mergeCells('A1:C1');
    ws.getCell('A5').value = 'A. Khối đảng';
    ws.mergeCells('A5:D5');
    const ctx = cellContextOf(ws, 'S', 'B9', 2)!;
    expect(ctx.columns).toEqual(['A', 'B', 'C', 'D']);
    expect(ctx.rows.map((r) => r.row)).toEqual([2, 7, 8, 9, 10, 11]);
    expect(ctx.rows[3]!.cells).toEqual(['Đơn vị 9', '09/01/2026', '#N/A', '']);
    expect(ctx.target).toEqual({ row: 3, col: 1 });
    // A merge that starts left of the excerpt shows its text in its first displayed cell only.
    const right = cellContextOf(ws, 'S', 'D6')!;
    expect(right.columns).toEqual(['B', 'C', 'D', 'E', 'F']);
    expect(right.rows.find((r) => r.row === 5)!.cells).toEqual(['A. Khối đảng', '', '', '', '']);
    expect(cellContextOf(ws, 'S', 'not a cell')).toBeNull();
    // Near the top-left corner, nothing before row 1 or column A.
    const corner = cellContextOf(ws, 'S', 'A1', 1)!;
    expect(corner.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(corner.rows[0]!.cells).toEqual(['I. KHỐI CƠ QUAN', '', '']);
    expect(corner.target).toEqual({ row: 0, col: 0 });
  });

  test('the annotated copy is named after the original', () => {
    expect(annotatedName('Theo dõi 2026.xlsx')).toBe('Theo dõi 2026 (KQ).xlsx');
    expect(annotatedName('book.XLSX')).toBe('book (KQ).xlsx');
  });
});
