/**
 * Several books in browser mode, in Chromium (issue 13, SPEC 1.3 §7): three files chosen at once
 * (two copies of the acceptance sample under two names, and a damaged one), the books compared
 * first with the figures worked out from the sample's independent expected report, one book at a
 * time, together as one book, and the archive downloaded and unzipped (nothing leaves the page).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { booksPaneText } from '../../src/i18n/books';
import { paneText } from '../../src/i18n/pane';
import { assert, assertEqual, check, withPage, type E2eEnv } from './harness';

const vi = paneText('vi');
const b = booksPaneText('vi');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function comparison(page: Page): Promise<string[][]> {
  return page.getByTestId('books-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

export async function severalBooksChecks(env: E2eEnv): Promise<void> {
  process.stdout.write('\nseveral books in browser mode\n');
  const sample = readFileSync(path.join(env.root, 'test', 'fixtures', 'acceptance', 'two-row-header.xlsx'));
  const damaged = readFileSync(path.join(env.root, 'test', 'fixtures', 'bad', '05-truncated-zip.xlsx'));
  const files = [
    { name: 'xa-my-dong.xlsx', mimeType: XLSX, buffer: sample },
    { name: 'hong.xlsx', mimeType: XLSX, buffer: damaged },
    { name: 'xa-my-quy.xlsx', mimeType: XLSX, buffer: sample },
  ];
  // The sample: 39 tasks, 24 on time + 4 late + 5 overdue = 33 due, 9/33 = 27,3 % late, 8 errors, 5 warnings, 9 units.
  const row = ['39', '33', '24', '4', '5', '27,3%', '8', '5'];

  await withPage(env, 'several books', {}, async (page) => {
    await page.getByRole('button', { name: vi.chooseFile }).waitFor({ timeout: 15_000 });
    await page.getByTestId('file-input').setInputFiles(files);
    await page.getByTestId('books-chosen').filter({ hasText: b.chosen(3) }).waitFor({ timeout: 30_000 });
    await page.getByLabel(vi.asOf).fill('2023-09-15');

    await check('separately: the books compared first, the damaged one named and left out', async () => {
      await page.getByTestId('books-check').click();
      await page.getByTestId('books-table').waitFor({ timeout: 120_000 });
      assertEqual(await comparison(page), [['xa-my-dong.xlsx', ...row, '9'], ['xa-my-quy.xlsx', ...row, '9']], 'comparison');
      assert((await page.getByTestId('books-unread').textContent())?.includes(vi.fileDamaged('hong.xlsx')), 'the damaged book is named');
    });

    await check('then one book at a time: its findings and its units', async () => {
      await page.getByRole('button', { name: `${b.bookFindings('xa-my-dong.xlsx')} (13)` }).waitFor({ timeout: 60_000 });
      await page.getByTestId('books-select').selectOption('xa-my-quy.xlsx');
      await page.getByRole('button', { name: `${b.bookFindings('xa-my-quy.xlsx')} (13)` }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: `${b.bookUnits('xa-my-quy.xlsx')} (9)` }).waitFor({ timeout: 10_000 });
    });

    await check('the download is one archive: the two annotated copies under their names and KQ tổng hợp.xlsx', async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('books-download').click()]);
      assertEqual(download.suggestedFilename(), b.archive, 'archive name');
      const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      assertEqual(Object.keys(entries).sort(), ['KQ tổng hợp.xlsx', 'xa-my-dong.xlsx', 'xa-my-quy.xlsx'], 'archive entries');
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load(entries['xa-my-quy.xlsx']!.slice().buffer);
      assert(['KQ Đánh giá', 'KQ Kiểm tra'].every((n) => copy.getWorksheet(n)), 'the copy has its KQ sheets');
      const summary = new ExcelJS.Workbook();
      await summary.xlsx.load(entries['KQ tổng hợp.xlsx']!.slice().buffer);
      assertEqual(summary.worksheets.map((w) => w.name), ['KQ Tổng hợp'], 'summary sheets');
    });

    await check('together: the same books read as one, units tallied across them', async () => {
      await page.getByRole('radio', { name: b.together }).check();
      await page.getByTestId('books-check').click();
      await page.getByTestId('books-together').waitFor({ timeout: 120_000 });
      assertEqual(await page.getByTestId('books-together').textContent(), b.togetherSummary(2, 78, 26, 9), 'together summary');
      assertEqual(await comparison(page), [['xa-my-dong.xlsx', ...row], ['xa-my-quy.xlsx', ...row]], 'each book\'s share');
    });
  });
}
