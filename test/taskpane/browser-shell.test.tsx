/** @jest-environment jsdom */
import './dom-setup';
import { webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { paneText } from '../../src/i18n/pane';
import { App } from '../../src/taskpane/App';
import { captureDownloads, readBlob } from './downloads';
import { noticeText } from '../../src/usecases/notices';
import { bookWithPictureOnKqSheet } from '../helpers/handmade-package';

jest.setTimeout(30_000);

const vi = paneText('vi');
const en = paneText('en');

async function trackingBook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành']);
  ws.addRow(['Rà soát thủ tục', 'Phòng Nội vụ', '30/06/2026', '25/06/2026']);
  ws.addRow(['Báo cáo công vụ', 'Phòng Tư pháp', '10/06/2026', null]);
  ws.addRow(['Kiểm tra giờ giấc', null, '20/06/2026', null]);
  const bytes = await wb.xlsx.writeBuffer();
  return bytes as ArrayBuffer;
}

/** Text as the bytes a browser's File gives: an ArrayBuffer of the page's own realm. */
function bytesOf(text: string): ArrayBuffer {
  return Uint8Array.from(new TextEncoder().encode(text)).buffer;
}

function fileOf(name: string): File {
  return new File(['x'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe('browser mode', () => {
  test('opens a local file, checks it, and downloads the annotated copy without sending it anywhere', async () => {
    const bytes = await trackingBook();
    const downloads = captureDownloads();
    const { blobs: created, names: clicked } = downloads;
    const fetchSpy = jest.fn();
    (globalThis as { fetch?: unknown }).fetch = fetchSpy;

    render(<App mode={{ kind: 'browser', readFile: async () => bytes }} theme={webLightTheme} />);
    expect(screen.getByTestId('mode').textContent).toBe(vi.modeBrowser);
    expect(await screen.findByRole('button', { name: vi.chooseFile })).toBeTruthy();

    await act(async () => {
      fireEvent.change(screen.getByTestId('file-input'), { target: { files: [fileOf('Theo dõi.xlsx')] } });
    });
    await waitFor(() => expect(screen.getByTestId('file-name').textContent).toBe(vi.opened('Theo dõi.xlsx')), { timeout: 15_000 });
    // The focus is on the file's name, not lost to the page: a screen reader says which file is open.
    expect(document.activeElement).toBe(screen.getByTestId('file-name'));
    expect(screen.queryByTestId('download')).toBeNull();

    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '2026-07-01' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.check }));
    });
    await waitFor(() => expect(screen.getByTestId('summary-counts').textContent).toBe(vi.summary(3, 3, 3, 0, 2)), { timeout: 15_000 });
    // The download says what it holds: the check as of 01/07/2026, its 3 findings and 2 units.
    expect(screen.getByTestId('download-contents').textContent).toBe(vi.downloadContains('Theo dõi (KQ).xlsx', '2026-07-01', 3, 2));
    expect(screen.getByTestId('download-contents').textContent).toContain('01/07/2026');

    await act(async () => {
      fireEvent.click(screen.getByTestId('download'));
    });
    await waitFor(() => expect(clicked).toEqual(['Theo dõi (KQ).xlsx']));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(await readBlob(created[0]!));
    expect(copy.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Nhiệm vụ', 'KQ Đánh giá', 'KQ Kiểm tra']));
    expect(copy.getWorksheet('Nhiệm vụ')!.getCell('B3').value).toBe('Phòng Tư pháp');
    expect(fetchSpy).not.toHaveBeenCalled();
    downloads.restore();
  });

  test('what the copy cannot keep is said before anything is saved; the copy is saved only on a yes', async () => {
    // A sheet of the user's named like the add-in's own, holding a picture: the copy cannot keep it.
    const bytes = bookWithPictureOnKqSheet();
    const downloads = captureDownloads();
    const { names: clicked } = downloads;
    render(<App mode={{ kind: 'browser', readFile: async () => Uint8Array.from(bytes).buffer }} theme={webLightTheme} />);
    await screen.findByRole('button', { name: vi.chooseFile });
    await act(async () => {
      fireEvent.change(screen.getByTestId('file-input'), { target: { files: [fileOf('Có hình.xlsx')] } });
    });
    await waitFor(() => expect(screen.getByTestId('file-name').textContent).toBe(vi.opened('Có hình.xlsx')), { timeout: 15_000 });
    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '2026-07-01' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.check }));
    });
    await waitFor(() => expect(screen.getByTestId('download')).toBeTruthy(), { timeout: 15_000 });

    await act(async () => {
      fireEvent.click(screen.getByTestId('download'));
    });
    const held = await screen.findByTestId('not-kept');
    expect(held.textContent).toContain(vi.notKeptTitle);
    expect(held.textContent).toContain(noticeText({ kind: 'not-kept', part: 'xl/media/image1.png', what: 'image' }, 'vi'));
    expect(clicked).toEqual([]);
    // "Hủy": nothing saved, the message gone.
    fireEvent.click(within(held).getByRole('button', { name: vi.cancel }));
    expect(screen.queryByTestId('not-kept')).toBeNull();
    expect(clicked).toEqual([]);
    // Asked again, then "Vẫn tải bản này": the copy is saved.
    await act(async () => {
      fireEvent.click(screen.getByTestId('download'));
    });
    fireEvent.click(within(await screen.findByTestId('not-kept')).getByRole('button', { name: vi.downloadAnyway }));
    expect(clicked).toEqual(['Có hình (KQ).xlsx']);
    expect(screen.queryByTestId('not-kept')).toBeNull();
    downloads.restore();
  });

  test('a file that is not an .xlsx is refused with a message; drag and drop opens files too', async () => {
    render(<App mode={{ kind: 'browser', readFile: async () => bytesOf('not a zip') }} theme={webLightTheme} initialLang="en" />);
    const zone = await screen.findByRole('region', { name: en.dropZone });
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [fileOf('notes.xlsx')] } });
    });
    await waitFor(() => expect(screen.getByTestId('open-error').textContent).toBe(en.notXlsx('notes.xlsx')));
    expect(screen.queryByTestId('file-name')).toBeNull();
  });

  test('a CSV export is refused with what to do about it', async () => {
    const csv = 'STT,Nội dung nhiệm vụ,Đơn vị chủ trì\n1,Báo cáo quý,Phòng Nội vụ\n';
    render(<App mode={{ kind: 'browser', readFile: async () => bytesOf(csv) }} theme={webLightTheme} />);
    const zone = await screen.findByRole('region', { name: vi.dropZone });
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [fileOf('xuat.csv')] } });
    });
    await waitFor(() => expect(screen.getByTestId('open-error').textContent).toBe(vi.fileCsv('xuat.csv')));
    expect(screen.getByTestId('open-error').textContent).toMatch(/Mở tệp bằng Excel rồi lưu thành \.xlsx\.$/);
  });

  test('one "choose a file" control: the file input behind it is out of the page', async () => {
    render(<App mode={{ kind: 'browser' }} theme={webLightTheme} />);
    await screen.findByRole('button', { name: vi.chooseFile });
    expect(screen.getAllByRole('button', { name: /Chọn tệp/ })).toHaveLength(1);
    expect((screen.getByTestId('file-input') as HTMLInputElement).hidden).toBe(true);
  });

  /** Open "Quý 1.xlsx", set the as-of date, check, then drop "Quý 2.xlsx" on the results. */
  async function dropOnResults(): Promise<HTMLElement> {
    const bytes = await trackingBook();
    render(<App mode={{ kind: 'browser', readFile: async () => bytes }} theme={webLightTheme} />);
    await screen.findByRole('button', { name: vi.chooseFile });
    await act(async () => {
      fireEvent.change(screen.getByTestId('file-input'), { target: { files: [fileOf('Quý 1.xlsx')] } });
    });
    await waitFor(() => expect(screen.getByTestId('file-name').textContent).toBe(vi.opened('Quý 1.xlsx')), { timeout: 15_000 });
    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '2026-03-31' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.check }));
    });
    await waitFor(() => expect(screen.getByTestId('summary-counts')).toBeTruthy(), { timeout: 15_000 });
    await act(async () => {
      fireEvent.drop(screen.getByTestId('summary'), { dataTransfer: { files: [fileOf('Quý 2.xlsx')] } });
    });
    // Under jsdom, Fluent's focus manager (tabster) can leave a dialog marked aria-hidden after an
    // earlier test's dialog; the browser test checks the dialog's accessibility in Chromium.
    const dialog = await screen.findByRole('alertdialog', { name: vi.replaceTitle, hidden: true });
    expect(dialog.textContent).toContain(vi.replaceBody('Quý 2.xlsx', 'Quý 1.xlsx'));
    return dialog;
  }

  test('a file dropped on the results replaces nothing until the user says so', async () => {
    const dialog = await dropOnResults();
    const cancel = within(dialog).getByRole('button', { name: vi.replaceCancel, hidden: true });
    await act(async () => {
      fireEvent.click(cancel);
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    expect(screen.getByTestId('file-name').textContent).toBe(vi.opened('Quý 1.xlsx'));
    expect(screen.getByTestId('summary-counts')).toBeTruthy();
  });

  test('once confirmed the dropped file replaces the open one, and the as-of date survives', async () => {
    const dialog = await dropOnResults();
    const confirm = within(dialog).getByRole('button', { name: vi.replaceConfirm, hidden: true });
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(screen.getByTestId('file-name').textContent).toBe(vi.opened('Quý 2.xlsx')), { timeout: 15_000 });
    expect(screen.queryByTestId('summary-counts')).toBeNull();
    expect((screen.getByLabelText(vi.asOf) as HTMLInputElement).value).toBe('2026-03-31');
  });

  test('the language switch changes the page to English and back', async () => {
    render(<App mode={{ kind: 'browser' }} theme={webLightTheme} />);
    await screen.findByRole('button', { name: vi.chooseFile });
    expect(document.documentElement.lang).toBe('vi');
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.appTitle);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: en.chooseFile })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(vi.appTitle);
  });
});
