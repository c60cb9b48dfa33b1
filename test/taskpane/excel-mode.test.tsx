/** @jest-environment jsdom */
import { FINDINGS_SHEET, SCORES_SHEET } from '../../src/core/presentation';
import './dom-setup';
import { webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { paneText } from '../../src/i18n/pane';
import { App } from '../../src/taskpane/App';
import { excelPaneHost, type ExcelRun } from '../../src/taskpane/office-host';
import { AS_OF, TASK_SHEET, taskBook } from '../office/books';

jest.setTimeout(60_000);

const vi = paneText('vi');

/** A stand-in for Excel.run that records what the pane selects. */
function selectionRecorder(): { run: ExcelRun; selected: string[] } {
  const selected: string[] = [];
  const run: ExcelRun = async (batch) => {
    let pending: string | null = null;
    const context = {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => undefined,
            getRange: (address: string) => ({ select: () => (pending = `${name}!${address}`) }),
          }),
        },
      },
      sync: async () => {
        if (pending) selected.push(pending);
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
  return { run, selected };
}

async function check() {
  fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: AS_OF } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: vi.check }));
  });
}

describe('the pane inside Excel, over the Office.js adapter (Excel fake)', () => {
  test('Check writes flags and the KQ sheets into the book, and a finding selects its cell', async () => {
    const book = taskBook(300);
    const { run, selected } = selectionRecorder();
    const host = excelPaneHost(new OfficeWorkbook({ host: book.host() }), run);
    render(<App mode={{ kind: 'excel', host }} theme={webLightTheme} />);
    expect(screen.getByTestId('mode').textContent).toBe(vi.modeExcel);
    await check();
    await waitFor(() => expect(screen.getByTestId('summary-counts')).toBeTruthy(), { timeout: 30_000 });
    expect(book.findSheet(SCORES_SHEET)).toBeDefined();
    expect(book.findSheet(FINDINGS_SHEET)).toBeDefined();
    expect(book.sheet(TASK_SHEET).ourRules().length).toBeGreaterThan(0);
    // No download in Excel: the book itself was annotated.
    expect(screen.queryByTestId('download')).toBeNull();

    const group = document.querySelector('[data-rule="unassigned"]') as HTMLElement;
    fireEvent.click(within(group).getAllByRole('button')[0]!);
    const first = group.querySelector('[data-cell]') as HTMLElement;
    await act(async () => {
      fireEvent.click(first);
    });
    expect(selected).toEqual([first.getAttribute('data-cell')]);
    expect(first.getAttribute('aria-expanded')).toBeNull();

    // Clear flags removes the rules again.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.clearFlags }));
    });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain(vi.cleared), { timeout: 30_000 });
    expect(book.sheet(TASK_SHEET).ourRules()).toEqual([]);
  });

  test('a protected sheet: the host error is shown with the sheet, nothing claims success', async () => {
    const book = taskBook(50);
    book.sheet(TASK_SHEET).protected = true;
    const host = excelPaneHost(new OfficeWorkbook({ host: book.host() }), selectionRecorder().run);
    render(<App mode={{ kind: 'excel', host }} theme={webLightTheme} />);
    await check();
    const alert = await screen.findByTestId('error', undefined, { timeout: 30_000 });
    expect(alert.textContent).toContain(vi.hostError);
    expect(alert.textContent).toContain(TASK_SHEET);
    expect(screen.queryByTestId('summary-counts')).toBeNull();
    expect(book.findSheet(SCORES_SHEET)).toBeUndefined();
  });

  test('a mapping saved from the pane is what the next run (and the ribbon) reads', async () => {
    const book = taskBook(20);
    const port = new OfficeWorkbook({ host: book.host() });
    render(<App mode={{ kind: 'excel', host: excelPaneHost(port, selectionRecorder().run) }} theme={webLightTheme} />);
    await check();
    await waitFor(() => expect(screen.getByTestId('summary-counts')).toBeTruthy(), { timeout: 30_000 });
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${vi.sheetsTitle}`) }));
    fireEvent.click(screen.getByRole('button', { name: `${vi.editMapping}: ${TASK_SHEET}` }));
    const form = screen.getByRole('form', { name: `${vi.editMapping}: ${TASK_SHEET}` });
    fireEvent.change(within(form).getByLabelText(/Tình trạng/), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: vi.saveMapping }));
    });
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain(vi.mappingSaved(TASK_SHEET)), { timeout: 30_000 });
    const saved = JSON.parse((await port.readSettings())!);
    expect(saved.mappings[TASK_SHEET].columns.status).toBeUndefined();
    expect(saved.mappings[TASK_SHEET].columns.leadUnit).toBe('E');
  });
});
