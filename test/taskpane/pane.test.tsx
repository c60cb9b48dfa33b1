/** @jest-environment jsdom */
import './dom-setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook } from '../../src/core/check';
import { SettingsSchema } from '../../src/core/settings';
import { paneText } from '../../src/i18n/pane';
import { HostError } from '../../src/port/workbook-port';
import { FakePort, inspectionSheet, sheet, taskSheet } from './fake-port';
import { AS_OF, expandGroup, openSection, renderPane, runCheck } from './render-pane';

// Fluent UI renders slowly under jsdom; a check plus a re-check can pass 5 s on a busy machine.
jest.setTimeout(30_000);

const vi = paneText('vi');

describe('task pane', () => {
  test('Check runs the use case through the port and shows the report it computed', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    await renderPane(port);
    await runCheck();
    expect(port.calls).toEqual(expect.arrayContaining(['readBook', 'writeFlags', 'writeOwnedSheets']));
    expect(port.owned.map((s) => s.name)).toEqual(['KQ Đánh giá', 'KQ Kiểm tra']);
    const expected = checkWorkbook([taskSheet(), inspectionSheet()], { asOf: AS_OF, rules: '2026', lang: 'vi' });
    expect((screen.getByTestId('summary-counts')).textContent).toContain(vi.summary(6, 8, 4, 4, 3));
    for (const rule of new Set(expected.findings.map((f) => f.rule))) {
      const group = document.querySelector(`[data-rule="${rule}"]`);
      expect(group).not.toBeNull();
      expect(group!.getAttribute('data-count')).toBe(String(expected.findings.filter((f) => f.rule === rule).length));
    }
    // By hand (SPEC §5, rules from 2026): Nội vụ 1/1 on time, no violation → 100, a lone candidate
    // the quota keeps at good; Mỹ Hòa 2 late of 2 → 30, not completed; Tư pháp 1 overdue of 1 and 2
    // violations → 0 + 30 − 12 = 18, not completed. Listed by level, then score.
    const rows = [...document.querySelectorAll('[data-unit]')];
    expect(rows.map((r) => [r.getAttribute('data-unit'), r.getAttribute('data-level'), Number(r.getAttribute('data-score'))])).toEqual([
      ['Phòng Nội vụ', 'good', 100],
      ['Xã Mỹ Hòa', 'not_completed', 30],
      ['Phòng Tư pháp', 'not_completed', 18],
    ]);
  });

  test('no sheet found: says so, lists what was seen, and offers the mapping by hand', async () => {
    const port = new FakePort([sheet('Ghi chú', [['Họp giao ban'], ['Nội dung', 'Người ghi']])]);
    await renderPane(port);
    await runCheck();
    const bar = screen.getByTestId('no-sheets');
    expect((bar).textContent).toContain(vi.noSheetsTitle);
    expect((bar).textContent).toContain('Ghi chú');
    expect((screen.getByTestId('summary-counts')).textContent).toContain(vi.summary(0, 0, 0, 0, 0));
    expect(screen.queryByRole('button', { name: new RegExp(`^${vi.findingsTitle}`) })).toBeNull();
    // The count beside the sheets section is that of the sheets it lists (issue 12: it said "(0)").
    expect(screen.getByRole('button', { name: `${vi.sheetsTitle} (1)` })).toBeTruthy();
    // The sheets section is open, with the unrecognised sheet ready to be mapped by hand.
    const item = document.querySelector('[data-sheet="Ghi chú"]') as HTMLElement;
    expect(within(item).getByText(vi.notRecognised)).toBeTruthy();
    expect(within(item).getByRole('button', { name: `${vi.editMapping}: Ghi chú` })).toBeTruthy();
  });

  test('mapping edited: a rejected mapping shows why, a valid one is saved through the port', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    await renderPane(port);
    await runCheck();
    openSection(new RegExp(`^${vi.sheetsTitle}`));
    const item = document.querySelector('[data-sheet="Nhiệm vụ"]') as HTMLElement;
    expect(within(item).getByText(vi.detected)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: `${vi.editMapping}: Nhiệm vụ` }));
    const form = within(item).getByRole('form', { name: `${vi.editMapping}: Nhiệm vụ` });

    // Clear the required lead-unit column: rejected, nothing written.
    const lead = within(form).getByLabelText(/Đơn vị chủ trì/);
    fireEvent.change(lead, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: vi.saveMapping }));
    expect((await within(form).findByTestId('mapping-errors')).textContent).toContain(vi.mappingMissing('Đơn vị chủ trì'));
    expect(port.written).toHaveLength(0);

    // Put the lead unit in column C again, the status in F, and the header in row 2: saved.
    fireEvent.change(lead, { target: { value: 'c' } });
    fireEvent.change(within(form).getByLabelText(/Tình trạng/), { target: { value: 'F' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: vi.saveMapping }));
    });
    await waitFor(() => expect(port.written).toHaveLength(1));
    const saved = SettingsSchema.parse(JSON.parse(port.written[0]!));
    expect(saved.mappings?.['Nhiệm vụ']).toEqual({
      kind: 'task',
      headerRow: 2,
      columns: { docNumber: 'A', content: 'B', leadUnit: 'C', deadline: 'D', completedDate: 'E', status: 'F' },
    });
    expect((screen.getByTestId('notice')).textContent).toContain(vi.mappingSaved('Nhiệm vụ'));
    expect(within(item).getByText(vi.savedMapping)).toBeTruthy();

    // The next check reads the saved mapping from the book.
    await runCheck();
    expect(port.calls.filter((c) => c === 'readBook').length).toBeGreaterThanOrEqual(2);

    // Forgetting it writes settings without the mapping.
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: vi.useDetection }));
    });
    await waitFor(() => expect(port.written).toHaveLength(2));
    expect(JSON.parse(port.written[1]!).mappings).toBeUndefined();
  });

  test('findings are filtered by rule, severity and sheet', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    const { host } = await renderPane(port);
    await runCheck();
    const shown = () => screen.getByTestId('findings-shown').textContent;
    const groups = () => [...document.querySelectorAll('[data-rule]')].map((g) => g.getAttribute('data-rule'));
    expect(shown()).toBe(vi.shown(8, 8));
    expect(groups()).toEqual(['unassigned', 'overdue', 'late-completion', 'missing-deadline', 'invalid-date', 'duplicate-task', 'invalid-violations']);

    fireEvent.change(screen.getByLabelText(vi.filterSeverity), { target: { value: 'error' } });
    expect(shown()).toBe(vi.shown(4, 8));
    expect(groups()).toEqual(['unassigned', 'overdue', 'invalid-date', 'invalid-violations']);

    fireEvent.change(screen.getByLabelText(vi.filterSheet), { target: { value: 'Kiểm tra' } });
    expect(shown()).toBe(vi.shown(1, 8));
    expect(groups()).toEqual(['invalid-violations']);

    fireEvent.change(screen.getByLabelText(vi.filterSheet), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(vi.filterSeverity), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(vi.filterRule), { target: { value: 'late-completion' } });
    expect(shown()).toBe(vi.shown(2, 8));
    expect(groups()).toEqual(['late-completion']);

    // A finding goes to its cell through the host.
    expandGroup('late-completion');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Nhiệm vụ!E6/ }));
    });
    expect(host.visited).toEqual(['Nhiệm vụ!E6']);

    fireEvent.change(screen.getByLabelText(vi.filterSeverity), { target: { value: 'error' } });
    expect(shown()).toBe(vi.shown(0, 8));
    expect(screen.getByText(vi.noMatch)).toBeTruthy();
  });

  test("browser mode shows the finding's row instead of selecting it; Esc closes it", async () => {
    const port = new FakePort([taskSheet()]);
    const { host } = await renderPane(port, 'browser');
    await runCheck();
    expandGroup('unassigned');
    const button = screen.getByRole('button', { name: /Nhiệm vụ!C5/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(async () => {
      fireEvent.click(button);
    });
    expect(host.visited).toEqual([]);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // Row 5: "03/KH", "Kiểm tra giờ giấc", no lead unit, deadline 20/06/2026, done 15/06/2026.
    const view = screen.getByTestId('row-view');
    expect(view.textContent).toContain(vi.rowView('Nhiệm vụ', 5));
    const values = [...view.querySelectorAll('dd')].map((d) => [d.textContent, d.getAttribute('aria-current')]);
    expect(values).toEqual([
      ['Kiểm tra giờ giấc', null],
      [vi.rowViewEmpty, 'location'],
      ['20/06/2026', null],
      ['15/06/2026', null],
    ]);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(screen.queryByTestId('row-view')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  test('rubric: rejected input shows a message and writes nothing; valid input is saved', async () => {
    const port = new FakePort([taskSheet()]);
    await renderPane(port);
    await waitFor(() => expect(port.calls).toContain('readSettings'));
    openSection(new RegExp(`^${vi.rubricTitle}`));
    const form = screen.getByRole('form', { name: vi.rubricFor('2026') });
    const input = (key: string) => form.querySelector(`input[name="${key}"]`) as HTMLInputElement;
    expect(input('onTimeWeight').value).toBe('70');
    expect(input('quota').value).toBe('20');

    fireEvent.change(input('onTimeWeight'), { target: { value: '80' } });
    fireEvent.change(input('perViolation'), { target: { value: 'sáu' } });
    fireEvent.click(within(form).getByRole('button', { name: vi.saveRubric }));
    const alert = await within(form).findByTestId('rubric-errors');
    expect((alert).textContent).toContain(vi.rubricRejected);
    expect((alert).textContent).toContain(vi.rubricNotNumber(vi.rubricField.perViolation!));
    expect(port.written).toHaveLength(0);

    fireEvent.change(input('perViolation'), { target: { value: '6' } });
    fireEvent.click(within(form).getByRole('button', { name: vi.saveRubric }));
    await waitFor(() => expect((within(form).getByTestId('rubric-errors')).textContent).toContain(vi.rubricSum));
    expect(port.written).toHaveLength(0);

    fireEvent.change(input('violationPoints'), { target: { value: '20' } });
    fireEvent.change(input('goodScore'), { target: { value: '95' } });
    fireEvent.click(within(form).getByRole('button', { name: vi.saveRubric }));
    await waitFor(() => expect((within(form).getByTestId('rubric-errors')).textContent).toContain(vi.rubricThresholds));
    expect(port.written).toHaveLength(0);

    fireEvent.change(input('goodScore'), { target: { value: '70' } });
    fireEvent.change(input('quota'), { target: { value: '25' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: vi.saveRubric }));
    });
    await waitFor(() => expect(port.written).toHaveLength(1));
    expect(within(form).queryByTestId('rubric-errors')).toBeNull();
    expect(JSON.parse(port.written[0]!).rubrics['2026']).toEqual({
      onTimeWeight: 80,
      violationPoints: 20,
      perViolation: 6,
      quota: 0.25,
      excellentScore: 90,
      goodScore: 70,
      completedScore: 50,
      completedLateShare: 0.2,
    });
  });

  test('an error from the host is shown, and nothing claims success', async () => {
    const port = new FakePort([taskSheet()]).failOn('writeFlags', new HostError('Trang tính đang được bảo vệ', 'Nhiệm vụ'));
    await renderPane(port);
    await waitFor(() => expect((screen.getByRole('button', { name: vi.check }) as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.check }));
    });
    const alert = await screen.findByTestId('error');
    expect((alert).textContent).toContain(vi.hostError);
    expect((alert).textContent).toContain(`${vi.hostErrorSheet('Nhiệm vụ')}: Trang tính đang được bảo vệ`);
    expect(screen.queryByTestId('summary-counts')).toBeNull();
    expect((screen.getByRole('button', { name: vi.check }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('unreadable saved settings are reported and the defaults used', async () => {
    const port = new FakePort([taskSheet()], '{"version":1,"rules":"1999"}');
    await renderPane(port);
    expect((await screen.findByTestId('notice')).textContent).toContain('Cấu hình đã lưu trong sổ không đọc được');
  });

  test('saved settings prefill the as-of date and rules; Save for the ribbon writes them back', async () => {
    const port = new FakePort([taskSheet()], JSON.stringify({ version: 1, asOf: '2025-12-31', rules: '2023' }));
    await renderPane(port);
    await waitFor(() => expect((screen.getByLabelText(vi.asOf) as HTMLInputElement).value).toBe('2025-12-31'));
    expect((screen.getByLabelText(vi.rules) as HTMLInputElement).value).toBe('2023');
    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '2026-03-31' } });
    fireEvent.change(screen.getByLabelText(vi.rules), { target: { value: '' } });
    expect(screen.getByRole('option', { name: vi.rulesByYear('2026') })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.saveDefaults }));
    });
    await waitFor(() => expect(port.written).toHaveLength(1));
    expect(JSON.parse(port.written[0]!)).toEqual({ version: 1, asOf: '2026-03-31', lang: 'vi' });
  });

  test('an invalid as-of date disables Check and says why', async () => {
    const port = new FakePort([taskSheet()]);
    await renderPane(port);
    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '' } });
    expect((screen.getByRole('button', { name: vi.check }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(vi.asOfInvalid)).toBeTruthy();
  });

  test('Clear flags goes through the port', async () => {
    const port = new FakePort([taskSheet()]);
    await renderPane(port);
    await waitFor(() => expect((screen.getByRole('button', { name: vi.clearFlags }) as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.clearFlags }));
    });
    await waitFor(() => expect((screen.getByTestId('notice')).textContent).toContain(vi.cleared));
    expect(port.calls).toContain('clearFlags');
  });

  test('units sort by level then score by default, and by score or name from their column headers', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    await renderPane(port);
    await runCheck();
    const names = () => [...document.querySelectorAll('[data-unit]')].map((r) => r.getAttribute('data-unit'));
    expect(names()).toEqual(['Phòng Nội vụ', 'Xã Mỹ Hòa', 'Phòng Tư pháp']);
    fireEvent.click(screen.getByRole('button', { name: vi.colScore }));
    fireEvent.click(screen.getByRole('button', { name: vi.colScore }));
    expect(names()).toEqual(['Phòng Tư pháp', 'Xã Mỹ Hòa', 'Phòng Nội vụ']);
    fireEvent.click(screen.getByRole('button', { name: vi.colUnit }));
    expect(names()).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp', 'Xã Mỹ Hòa']);
    const header = within(screen.getByTestId('units-table')).getByRole('columnheader', { name: vi.colUnit });
    expect((header).getAttribute('aria-sort')).toBe('ascending');
  });
});
