/**
 * End-to-end test in a real browser (`npm run test:e2e`): build the pages, serve dist/ over HTTPS on
 * localhost, open the task pane page in browser mode with playwright-core driving Debian's
 * chromium, load the example workbook, run the check, compare what the page shows with the command
 * line's report for the same file, download the annotated copy and verify it with ExcelJS, fail on
 * any request to another origin, and save screenshots under out/screenshots/ (docs/screenshots/ with
 * UPDATE_SCREENSHOTS=1, to refresh the README's pictures). Groups of checks of their own live in
 * modules beside this file: the acceptance sample against its independent expected report
 * (acceptance-expected.ts), browser mode's manners (browser-mode.ts), a 20,000-row book
 * (large-book.ts), and automated accessibility checks with axe (a11y.ts).
 *
 * Environment: E2E_SKIP_BUILD=1 reuses dist/; CHROMIUM=/path overrides /usr/bin/chromium;
 * UPDATE_SCREENSHOTS=1 writes the screenshots into docs/screenshots/.
 * Ends with the line "N passed, N failed"; exit code 1 when anything failed.
 */
import { FINDINGS_SHEET, SCORES_SHEET } from '../../src/core/presentation';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { nodePlatform } from '../../src/adapters/xlsx/node-platform';
import { RULE_IDS, type Report } from '../../src/core/report';
import { ruleSetText } from '../../src/core/rule-sets/registry';
import { messages } from '../../src/i18n/messages';
import { paneText } from '../../src/i18n/pane';
import { accessibilityChecks } from './a11y';
import { acceptanceChecks } from './acceptance-expected';
import { browserModeChecks } from './browser-mode';
import { severalBooksChecks } from './several-books';
import { assert, assertEqual, check, fail, failures, finish, guardOrigin, openPage, openRuleGroup, openSection, shoot as shootInto, timed } from './harness';
import { devCerts, serveStatic, type StaticServer } from './https-server';
import { largeBookChecks } from './large-book';
import { officeLoadingChecks } from './office-loading';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, 'out', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shoot = (page: Page, file: string, width: number, height: number, from?: Locator) => shootInto(page, SHOTS, file, width, height, from);
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Book {
  readonly file: string;
  readonly asOf: string;
  /** The book whose screenshots go into the README. */
  readonly primary: boolean;
}

/** The shipped example book and the independent acceptance sample; both are part of the repository. */
const BOOKS: readonly Book[] = [
  { file: path.join(ROOT, 'examples', 'tracking-2026.xlsx'), asOf: '2026-11-26', primary: true },
  { file: path.join(ROOT, 'test', 'fixtures', 'acceptance', 'two-row-header.xlsx'), asOf: '2023-09-15', primary: false },
];

function npm(args: string[]): string {
  return execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function build(): void {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (pkg.scripts?.build) npm(['run', '--silent', 'build']);
  else execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

function cliReport(book: Book, tmp: string, name: string): { report: Report; out: string } {
  const json = path.join(tmp, `${name}.json`);
  const out = path.join(tmp, `${name}-cli.xlsx`);
  npm(['run', '--silent', 'cli', '--', 'check', book.file, '--as-of', book.asOf, '--json', json, '--out', out]);
  return { report: JSON.parse(readFileSync(json, 'utf8')) as Report, out };
}

/** Press Tab until `target` has the focus (at most 60 times), then Enter. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(target)} with Tab`);
}

/** The per-rule counts the page shows, as { rule: count }. */
async function shownRuleCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-rule]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-rule'), Number(e.getAttribute('data-count'))])));
}

function ruleCounts(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of RULE_IDS) {
    const n = report.findings.filter((f) => f.rule === r).length;
    if (n > 0) out[r] = n;
  }
  return out;
}

/** User sheets as the engine reads them (through the package adapter, as the command line does): every value the user typed. */
async function userSheets(file: string): Promise<string> {
  const book = await XlsxWorkbook.open(readFileSync(file), nodePlatform);
  const sheets = (await book.readBook()).sheets.filter((s) => !/^kq\s/i.test(s.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
  return JSON.stringify(sheets.map((s) => ({ name: s.name, rows: s.rows })));
}

async function ownedSheetValues(wb: ExcelJS.Workbook, name: string): Promise<unknown[][]> {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet "${name}" is missing`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c) => {
      const v = c.value as unknown;
      cells.push(v && typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v);
    });
    rows.push(cells);
  });
  return rows;
}

async function runBook(browser: Browser, server: StaticServer, book: Book, tmp: string, index: number): Promise<void> {
  const name = `book${index}`;
  process.stdout.write(`\n${path.relative(ROOT, book.file)} as of ${book.asOf}\n`);
  const vi = paneText('vi');
  const msgVi = messages('vi');

  const cli = await timed(`CLI report (${path.basename(book.file)})`, () => cliReport(book, tmp, name));
  const { report } = cli;

  const context = await browser.newContext({ ignoreHTTPSErrors: true, acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const foreign = guardOrigin(context, server.origin);
  const errors: string[] = [];
  const blocked: string[] = [];
  try {
    const page = await timed('open page', () => openPage(context, server.origin, errors, blocked));

    await check('page starts in browser mode (no Office host)', async () => {
      assertEqual(await page.getByTestId('mode').textContent(), vi.modeBrowser, 'mode badge');
    });
    if (book.primary) await shoot(page, 'browser-start-320.png', 320, 560);
    await page.setViewportSize({ width: 1280, height: 900 });

    await timed('load workbook in the page', async () => {
      await page.getByTestId('file-input').setInputFiles(book.file);
      await page.getByTestId('file-name').waitFor({ timeout: 60_000 });
    });

    await check('as-of date is set', async () => {
      const input = page.getByLabel(vi.asOf);
      await input.fill(book.asOf);
      assertEqual(await input.inputValue(), book.asOf, 'as-of input');
    });

    // The second book is driven from the keyboard only: Tab to the button, Enter.
    const byKeyboard = !book.primary;
    const checked = await check(`Check runs and shows the summary${byKeyboard ? ' (keyboard only)' : ''}`, async () => {
      await timed('check in the page', async () => {
        if (byKeyboard) await tabTo(page, page.getByRole('button', { name: vi.check, exact: true }));
        else await page.getByRole('button', { name: vi.check, exact: true }).click();
        await page.getByTestId('summary-counts').waitFor({ timeout: 120_000 });
        await page.getByRole('button', { name: vi.check, exact: true }).isEnabled();
        await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 120_000 });
      });
    });
    if (!checked) return;

    await check('summary counts equal the CLI report', async () => {
      const errorsN = report.findings.filter((f) => f.severity === 'error').length;
      const expected = vi.summary(report.tasks.length, report.findings.length, errorsN, report.findings.length - errorsN, report.units.length);
      assertEqual(await page.getByTestId('summary-counts').textContent(), expected, 'summary line');
      assertEqual(await page.getByTestId('checked-at').textContent(), vi.checkedAt(report.asOf, ruleSetText(report.rules, 'vi')), 'as-of and rules line');
    });

    await check('findings per rule equal the CLI report', async () => {
      assertEqual(await shownRuleCounts(page), ruleCounts(report), 'findings per rule');
    });

    await check('units, scores and levels equal the CLI report', async () => {
      const shown = await page.$$eval('[data-unit]', (rows) =>
        rows.map((r) => ({
          name: r.getAttribute('data-unit'),
          level: r.getAttribute('data-level'),
          score: Number(r.getAttribute('data-score')),
          levelText: r.querySelector('[data-testid="unit-level"]')?.textContent ?? '',
        })),
      );
      const key = (u: { name: string | null }) => u.name ?? '';
      const expected = report.units
        .map((u) => ({ name: u.name, level: u.level, score: u.score, levelText: msgVi[`level_${u.level}`]() }))
        .sort((a, b) => key(a).localeCompare(key(b)));
      assertEqual([...shown].sort((a, b) => key(a).localeCompare(key(b))), expected, 'units');
    });

    await check(`a finding shows its row, the flagged cell marked${byKeyboard ? ' (keyboard only)' : ''}`, async () => {
      const first = report.findings.find((f) => f.rule === 'overdue') ?? report.findings[0];
      if (!first) throw new Error('the report has no finding to show');
      const group = page.locator(`[data-rule="${first.rule}"]`);
      const item = group.locator(`[data-cell="${first.sheet}!${first.cell}"]`).first();
      if (byKeyboard) {
        await tabTo(page, group.getByRole('button').first());
        await tabTo(page, item);
      } else {
        await openRuleGroup(page, first.rule);
        await item.click();
      }
      const view = page.getByTestId('row-view').first();
      await view.waitFor({ timeout: 10_000 });
      const row = Number(/\d+$/.exec(first.cell)![0]);
      assert((await view.textContent())?.includes(vi.rowView(first.sheet, row)), 'row view caption');
      assertEqual(await view.locator('[aria-current="location"]').count(), 1, 'flagged cell');
      if (byKeyboard) {
        await page.keyboard.press('Escape');
        await view.waitFor({ state: 'detached', timeout: 5_000 });
        assert(await item.evaluate((el) => el === document.activeElement), 'the focus is back on the finding after Esc');
      }
    });

    await check('filters narrow the findings', async () => {
      const errorsN = report.findings.filter((f) => f.severity === 'error').length;
      await page.getByLabel(vi.filterSeverity).selectOption('error');
      assertEqual(await page.getByTestId('findings-shown').textContent(), vi.shown(errorsN, report.findings.length), 'error filter');
      await page.getByLabel(vi.filterSeverity).selectOption('');
    });

    if (book.primary) {
      await timed('screenshots', async () => {
        await shoot(page, 'browser-desktop.png', 1280, 1400);
        await shoot(page, 'pane-320.png', 320, 1500, page.getByTestId('summary'));
        await openSection(page, vi.unitsTitle);
        await page.getByTestId('unit-charts').waitFor({ timeout: 30_000 });
        await shoot(page, 'pane-320-charts.png', 320, 1300, page.getByRole('button', { name: new RegExp(`^${vi.unitsTitle}`) }));
        await shoot(page, 'pane-320-units.png', 320, 1300, page.getByTestId('units-table'));
      });
    }

    await check('no horizontal scrolling at 320 px', async () => {
      await page.setViewportSize({ width: 320, height: 900 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 320, `page is ${width} px wide at a 320 px viewport`);
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    const downloaded = path.join(tmp, `${name}-browser.xlsx`);
    await check('annotated copy downloads', async () => {
      await timed('download annotated copy', async () => {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download').click()]);
        assert(download.suggestedFilename().endsWith('(KQ).xlsx'), `file name ${download.suggestedFilename()}`);
        await download.saveAs(downloaded);
      });
    });

    if (existsSync(downloaded)) {
      const annotated = new ExcelJS.Workbook();
      await annotated.xlsx.readFile(downloaded);
      const fromCli = new ExcelJS.Workbook();
      await fromCli.xlsx.readFile(cli.out);

      await check('annotated copy has the KQ sheets', () => {
        for (const sheet of [SCORES_SHEET, FINDINGS_SHEET]) assert(annotated.getWorksheet(sheet), `missing ${sheet}`);
      });
      await check("annotated copy leaves the user's values unchanged", async () => {
        assertEqual(await userSheets(downloaded), await userSheets(book.file), 'user sheets');
      });
      await check('KQ sheets equal those of the CLI --out copy', async () => {
        for (const sheet of [SCORES_SHEET, FINDINGS_SHEET]) {
          assertEqual(await ownedSheetValues(annotated, sheet), await ownedSheetValues(fromCli, sheet), sheet);
        }
      });
    }

    await check('English switch shows the results in English', async () => {
      await page.getByRole('radio', { name: 'English' }).check();
      await page.getByRole('button', { name: paneText('en').check, exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 60_000 });
      const en = messages('en');
      const levels = await page.$$eval('[data-testid="unit-level"]', (els) => els.map((e) => e.textContent));
      const allowed = new Set(['excellent', 'good', 'completed', 'not_completed'].map((l) => en[`level_${l}` as 'level_good']()));
      assert(levels.length === report.units.length && levels.every((l) => allowed.has(l ?? '')), `levels: ${levels.join(', ')}`);
      await page.getByRole('radio', { name: 'Tiếng Việt' }).check();
    });

    await check('no request left the page origin', () => assertEqual(foreign, [], 'foreign requests'));
    for (const b of new Set(blocked)) process.stdout.write(`  info blocked by the page's CSP: ${b}\n`);
    await check('no page errors', () => assertEqual(errors, [], 'errors'));
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const list = BOOKS;
  for (const book of list) {
    if (!existsSync(book.file)) fail('a workbook to test', `${path.relative(ROOT, book.file)} is missing from the repository`);
  }
  if (!existsSync(CHROMIUM)) fail('chromium', `${CHROMIUM} is missing: apt-get install -y chromium`);
  if (failures() > 0) return finish(t0);

  if (process.env.E2E_SKIP_BUILD !== '1') await timed('build', () => build());
  await check('build produced dist/taskpane.html', () => assert(existsSync(path.join(DIST, 'taskpane.html')), 'dist/taskpane.html'));
  if (failures() > 0) return finish(t0);

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kq-e2e-'));
  const server = await serveStatic(DIST, await devCerts(path.join(tmp, 'certs')), 0);
  const browser = await timed('launch chromium', () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
  try {
    let i = 0;
    for (const book of list) await runBook(browser, server, book, tmp, i++);
    await officeLoadingChecks(browser, server.origin, DIST, check);
    const env = { browser, origin: server.origin, root: ROOT, tmp, shots: SHOTS };
    await acceptanceChecks(env);
    await browserModeChecks(env);
    await severalBooksChecks(env);
    await largeBookChecks(env);
    await accessibilityChecks(env);
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  finish(t0);
}

main().catch((e: unknown) => {
  fail('e2e run', e);
  finish(Date.now());
  process.exitCode = 1;
});
