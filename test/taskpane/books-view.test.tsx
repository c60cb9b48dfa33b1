/** @jest-environment jsdom */
/**
 * Browser mode with several books (SPEC 1.3 §7, issue 13): the summary first, then one book at a
 * time, and one archive to download. Expected figures are the acceptance sample's, worked out from
 * its independent expected report (test/fixtures/acceptance/two-row-header.json).
 */
import './dom-setup';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { booksPaneText } from '../../src/i18n/books';
import { paneText } from '../../src/i18n/pane';
import { App } from '../../src/taskpane/App';
import { captureDownloads, readBlob } from './downloads';
import { noticeText } from '../../src/usecases/notices';
import { bookWithPictureOnKqSheet } from '../helpers/handmade-package';

jest.setTimeout(60_000);

const vi = paneText('vi');
const b = booksPaneText('vi');
const SAMPLE = readFileSync(path.resolve(__dirname, '../fixtures/acceptance/two-row-header.xlsx'));
const TRUNCATED = readFileSync(path.resolve(__dirname, '../fixtures/bad/05-truncated-zip.xlsx'));

/** The bytes a browser's File gives, by the file's name. */
const BYTES: Record<string, Uint8Array> = { 'xa-my-dong.xlsx': SAMPLE, 'xa-my-quy.xlsx': SAMPLE, 'hong.xlsx': TRUNCATED, 'co-hinh.xlsx': bookWithPictureOnKqSheet() };
const readFile = async (f: File): Promise<ArrayBuffer> => Uint8Array.from(BYTES[f.name]!).buffer;
const fileOf = (name: string) => new File(['x'], name);

async function chooseAndCheck(mode: 'separately' | 'together', names = ['xa-my-dong.xlsx', 'hong.xlsx', 'xa-my-quy.xlsx']): Promise<void> {
  render(<App mode={{ kind: 'browser', readFile }} theme={webLightTheme} />);
  await screen.findByRole('button', { name: vi.chooseFile });
  await act(async () => {
    fireEvent.change(screen.getByTestId('file-input'), { target: { files: names.map(fileOf) } });
  });
  await waitFor(() => expect(screen.getByTestId('books-chosen').textContent).toBe(b.chosen(names.length)));
  if (mode === 'together') fireEvent.click(screen.getByRole('radio', { name: b.together }));
  fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '2023-09-15' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('books-check'));
  });
  await waitFor(() => expect(screen.getByTestId('books-summary')).toBeTruthy(), { timeout: 30_000 });
}

/** The comparison table's rows as text. */
function tableRows(): string[][] {
  return within(screen.getByTestId('books-table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent ?? ''));
}

describe('several books in browser mode', () => {
  test('separately: the books compared first, the unreadable one named, then one book\'s findings at a time', async () => {
    await chooseAndCheck('separately');
    // The sample: 39 tasks, 24 on time + 4 late + 5 overdue = 33 due, (4 + 5) / 33 = 27,3 % late,
    // 8 errors, 5 warnings, 9 units.
    expect(tableRows()).toEqual([
      ['xa-my-dong.xlsx', '39', '33', '24', '4', '5', '27,3%', '8', '5', '9'],
      ['xa-my-quy.xlsx', '39', '33', '24', '4', '5', '27,3%', '8', '5', '9'],
    ]);
    expect(screen.getByTestId('books-unread').textContent).toContain(vi.fileDamaged('hong.xlsx'));
    // The summary heading has the focus after the check.
    expect(document.activeElement?.textContent).toBe(b.comparison);
    // The first book's 13 findings are on show; then the second book's.
    await waitFor(() => expect(screen.getByTestId('findings-shown').textContent).toBe(vi.shown(13, 13)), { timeout: 15_000 });
    expect(screen.getByRole('button', { name: `${b.bookFindings('xa-my-dong.xlsx')} (13)` })).toBeTruthy();
    fireEvent.change(screen.getByTestId('books-select'), { target: { value: 'xa-my-quy.xlsx' } });
    await waitFor(() => expect(screen.getByRole('button', { name: `${b.bookFindings('xa-my-quy.xlsx')} (13)` })).toBeTruthy(), { timeout: 15_000 });
    expect(screen.getByRole('button', { name: `${b.bookUnits('xa-my-quy.xlsx')} (9)` })).toBeTruthy();
  });

  test('together: units are tallied across the books; each book\'s share of the tasks in the table', async () => {
    await chooseAndCheck('together');
    // Each book's 39 tasks and its own findings; no units column (units are across the books).
    expect(tableRows()).toEqual([
      ['xa-my-dong.xlsx', '39', '33', '24', '4', '5', '27,3%', '8', '5'],
      ['xa-my-quy.xlsx', '39', '33', '24', '4', '5', '27,3%', '8', '5'],
    ]);
    expect(screen.getByTestId('books-together').textContent).toBe(b.togetherSummary(2, 78, 26, 9));
    await waitFor(() => expect(screen.getByTestId('units-table')).toBeTruthy(), { timeout: 15_000 });
    // Phòng Tư pháp: 5 due tasks in each book, 10 across the two.
    const row = within(screen.getByTestId('units-table')).getAllByRole('row').find((r) => r.textContent?.includes('Phòng Tư pháp'))!;
    expect(row.textContent).toContain('10');
    expect(screen.getByRole('button', { name: `${b.unitsTogether} (9)` })).toBeTruthy();
  });

  test('the download is one archive: each annotated copy under its own name, and KQ tổng hợp.xlsx', async () => {
    const downloads = captureDownloads();
    const { blobs: created, names: names } = downloads;
    await chooseAndCheck('separately');
    await act(async () => {
      fireEvent.click(screen.getByTestId('books-download'));
    });
    await waitFor(() => expect(names).toEqual([b.archive]), { timeout: 30_000 });
    const entries = unzipSync(new Uint8Array(await readBlob(created[0]!)));
    expect(Object.keys(entries).sort()).toEqual(['KQ tổng hợp.xlsx', 'xa-my-dong.xlsx', 'xa-my-quy.xlsx']);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(entries['xa-my-dong.xlsx']!.slice().buffer);
    expect(copy.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Nhiệm vụ quý III', 'KQ Đánh giá', 'KQ Kiểm tra']));
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(entries['KQ tổng hợp.xlsx']!.slice().buffer);
    expect(summary.worksheets[0]!.getRow(5).values).toEqual([undefined, 'xa-my-dong.xlsx', 39, 33, 24, 4, 5, 9 / 33, 8, 5, 9]);
    downloads.restore();
  });

  test('what a copy cannot keep is said before the archive is saved, which waits for a yes', async () => {
    const downloads = captureDownloads();
    const { names: names } = downloads;
    await chooseAndCheck('separately', ['xa-my-dong.xlsx', 'co-hinh.xlsx']);
    await act(async () => {
      fireEvent.click(screen.getByTestId('books-download'));
    });
    const held = await screen.findByTestId('not-kept', undefined, { timeout: 30_000 });
    expect(held.textContent).toContain(`co-hinh.xlsx: ${noticeText({ kind: 'not-kept', part: 'xl/media/image1.png', what: 'image' }, 'vi')}`);
    expect(names).toEqual([]);
    fireEvent.click(within(held).getByRole('button', { name: vi.downloadAnyway }));
    expect(names).toEqual([b.archive]);
    downloads.restore();
  });
});
