/**
 * The browser tests' tiny runner, shared by run-e2e.ts and the modules it calls: every check is
 * counted; a failed check does not stop the others. Also the page helpers several modules need.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

let passed = 0;
let failed = 0;
const timings: string[] = [];

export function ok(name: string): void {
  passed++;
  process.stdout.write(`  ok   ${name}\n`);
}

export function fail(name: string, detail: unknown): void {
  failed++;
  const text = detail instanceof Error ? (detail.stack ?? detail.message) : String(detail);
  process.stdout.write(`  FAIL ${name}\n       ${text.split('\n').join('\n       ')}\n`);
}

export async function check(name: string, fn: () => unknown | Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    ok(name);
    return true;
  } catch (e) {
    fail(name, e);
    return false;
  }
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}\n  expected ${e}\n  actual   ${a}`);
}

export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(what);
}

export async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

export function failures(): number {
  return failed;
}

/** The last lines of a run: timings, then "N passed, N failed"; exit code 1 when anything failed. */
export function finish(t0: number): void {
  timings.push(`total: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.stdout.write(`\nTimings: ${timings.join('; ')}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** Wait until no progress bar is left: the run in the page has finished. */
export async function idle(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout });
}

/** Open a workbook in browser mode through the page's file input and wait for its name. */
export async function openBook(page: Page, file: string, timeout = 120_000): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('file-name').filter({ hasText: path.basename(file) }).waitFor({ timeout });
}

/** Press Check (by its visible name in `checkLabel`) and wait for the summary and the end of progress. */
export async function runCheck(page: Page, checkLabel: string, timeout = 180_000): Promise<void> {
  await page.getByRole('button', { name: checkLabel, exact: true }).click();
  await page.getByTestId('summary-counts').waitFor({ timeout });
  await idle(page, timeout);
}

/** Open a section of the pane (an accordion heading whose name starts with `title`) if it is closed. */
export async function openSection(page: Page, title: string): Promise<void> {
  const header = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Expand a rule's group of findings. */
export async function openRuleGroup(page: Page, rule: string): Promise<Locator> {
  const group = page.locator(`[data-rule="${rule}"]`);
  const header = group.getByRole('button').first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  return group;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A screenshot `width` px wide into `dir`: from the top of the page, or from `from` (a locator)
 * down, at most `height` px of the page.
 */
export async function shoot(page: Page, dir: string, file: string, width: number, height: number, from?: Locator): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  let top = 0;
  if (from) {
    const box = await from.boundingBox();
    if (box) top = Math.max(0, Math.floor(box.y) - 8);
  }
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, file), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(height, full - top) } });
}

/** Watch every request of the context: anything that is not the page's own origin is a failure. */
export function guardOrigin(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(`${req.method()} ${url}`);
  });
  // Belt and braces: nothing foreign may even leave the browser.
  void context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  return foreign;
}

/**
 * Office.js, loaded outside Office, tries to frame a Microsoft telemetry page; the page's Content
 * Security Policy blocks it before any request is made. Those blocks are expected and listed.
 */
const CSP_BLOCK = /violates the following Content Security Policy directive/;

/** Open the task pane page in browser mode, collecting page errors and the CSP's expected blocks. */
export async function openPage(context: BrowserContext, origin: string, errors: string[], blocked: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (CSP_BLOCK.test(m.text())) blocked.push(m.text().split('\n')[0]!);
    else errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
  await page.getByTestId('mode').waitFor({ timeout: 15_000 });
  return page;
}

/** What every group of browser checks gets from the runner. */
export interface E2eEnv {
  readonly browser: Browser;
  /** The served pages' origin, https://localhost:<port>. */
  readonly origin: string;
  /** The repository. */
  readonly root: string;
  /** A scratch folder, removed after the run. */
  readonly tmp: string;
  /** Where screenshots go (out/screenshots, or docs/screenshots with UPDATE_SCREENSHOTS=1). */
  readonly shots: string;
}

export interface PageOptions {
  readonly colorScheme?: 'light' | 'dark';
  readonly width?: number;
}

/**
 * Run `fn` on a fresh page in a context of its own; then check, under `label`, that no request left
 * the page's origin and that the page logged no error.
 */
export async function withPage(env: E2eEnv, label: string, options: PageOptions, fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await env.browser.newContext({
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'vi-VN',
    colorScheme: options.colorScheme ?? 'light',
  });
  const foreign = guardOrigin(context, env.origin);
  const errors: string[] = [];
  const blocked: string[] = [];
  try {
    const page = await openPage(context, env.origin, errors, blocked);
    await fn(page);
    await check(`${label}: no request left the page origin, no page error`, () => {
      assertEqual(foreign, [], 'foreign requests');
      assertEqual(errors, [], 'errors');
    });
  } catch (e) {
    fail(`${label}: could not run`, e);
  } finally {
    await context.close();
  }
}
