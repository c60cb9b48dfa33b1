/**
 * Browser mode's manners in Chromium (issue 12): one "choose a file" control; files that are not
 * workbooks refused with what to do; the focus on the file name after opening and on the results
 * after a check; no Excel-only controls; the download says what it holds and keeps the focus; a
 * file dropped on the results asks before replacing; the as-of date survives opening another file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { paneText } from '../../src/i18n/pane';
import { assert, assertEqual, check, openBook, runCheck, withPage, type E2eEnv } from './harness';

const vi = paneText('vi');
const WHAT_TO_DO = 'Mở tệp bằng Excel rồi lưu thành .xlsx.';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

/** Drop a file on an element the way a browser does: a drop event carrying it in a DataTransfer. */
async function dropFile(page: Page, selector: string, file: string): Promise<void> {
  const data = readFileSync(file).toString('base64');
  const name = path.basename(file);
  const transfer = await page.evaluateHandle(
    ({ data, name }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    },
    { data, name },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

export async function browserModeChecks(env: E2eEnv): Promise<void> {
  process.stdout.write('\nbrowser mode\n');
  const bad = (name: string) => path.join(env.root, 'test', 'fixtures', 'bad', name);
  const example = path.join(env.root, 'examples', 'tracking-2026.xlsx');
  const sample = path.join(env.root, 'test', 'fixtures', 'acceptance', 'two-row-header.xlsx');

  await withPage(env, 'browser mode', {}, async (page) => {
    await check('one "choose a file" control: the file input behind it is not a second one', async () => {
      await page.getByRole('button', { name: vi.chooseFile }).waitFor({ timeout: 15_000 });
      assertEqual(await page.getByRole('button', { name: /Chọn tệp/ }).count(), 1, '"Chọn tệp" controls');
    });

    for (const [name, text] of [
      ['08-xls-renamed.xlsx', vi.fileLegacyXls],
      ['03-csv-renamed.xlsx', vi.fileCsv],
      ['05-truncated-zip.xlsx', vi.fileDamaged],
    ] as const) {
      await check(`${name}: refused, and the message ends with what to do`, async () => {
        await page.getByTestId('file-input').setInputFiles(bad(name));
        const error = page.getByTestId('open-error');
        await error.filter({ hasText: name }).waitFor({ timeout: 30_000 });
        const shown = (await error.textContent()) ?? '';
        assertEqual(shown, text(name), 'message');
        assert(shown.endsWith(WHAT_TO_DO), `ends with "${WHAT_TO_DO}"`);
      });
    }

    await check('after opening a file the focus is on its name', async () => {
      await openBook(page, example);
      assertEqual(await focusedTestId(page), 'file-name', 'focused element');
    });

    await check('browser mode shows no Excel-only control (clear flags, save for the ribbon)', async () => {
      assertEqual(await page.getByRole('button', { name: vi.clearFlags }).count(), 0, vi.clearFlags);
      assertEqual(await page.getByRole('button', { name: vi.saveDefaults }).count(), 0, vi.saveDefaults);
    });

    await page.getByLabel(vi.asOf).fill('2026-11-26');
    await check('progress is in a live region; after the check the focus is on the results heading', async () => {
      const live = page.getByTestId('progress');
      assertEqual([await live.getAttribute('role'), await live.getAttribute('aria-live')], ['status', 'polite'], 'live region');
      await runCheck(page, vi.check);
      assertEqual(
        await page.evaluate(() => (document.activeElement?.tagName === 'H2' ? document.activeElement.textContent : null)),
        vi.resultsTitle,
        'focused heading',
      );
    });

    await check('the download says what it holds, and keeps the focus', async () => {
      const contents = (await page.getByTestId('download-contents').textContent()) ?? '';
      assert(contents.startsWith('"tracking-2026 (KQ).xlsx": kết quả kiểm tra tính đến ngày 26/11/2026'), `download text: ${contents}`);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download').click()]);
      assertEqual(download.suggestedFilename(), 'tracking-2026 (KQ).xlsx', 'file name');
      await page.getByRole('button', { name: vi.download }).waitFor({ timeout: 60_000 });
      assertEqual(await focusedTestId(page), 'download', 'focused element after the download');
    });

    await check('a file dropped on the results asks first; "keep" keeps the open file and its results', async () => {
      await dropFile(page, '[data-testid="summary"]', sample);
      const dialog = page.getByRole('alertdialog', { name: vi.replaceTitle });
      await dialog.waitFor({ timeout: 10_000 });
      assert((await dialog.textContent())?.includes(vi.replaceBody('two-row-header.xlsx', 'tracking-2026.xlsx')), 'dialog text');
      await dialog.getByRole('button', { name: vi.replaceCancel }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      assertEqual(await page.getByTestId('file-name').textContent(), vi.opened('tracking-2026.xlsx'), 'open file');
      assert(await page.getByTestId('summary-counts').isVisible(), 'the results are still there');
    });

    await check('once confirmed the dropped file replaces the open one; the as-of date survives', async () => {
      await dropFile(page, '[data-testid="summary"]', sample);
      const dialog = page.getByRole('alertdialog', { name: vi.replaceTitle });
      await dialog.getByRole('button', { name: vi.replaceConfirm }).click();
      await page.getByTestId('file-name').filter({ hasText: 'two-row-header.xlsx' }).waitFor({ timeout: 60_000 });
      assertEqual(await page.getByLabel(vi.asOf).inputValue(), '2026-11-26', 'as-of date');
      assertEqual(await page.getByTestId('summary-counts').count(), 0, 'results of the previous file');
    });
  });
}
