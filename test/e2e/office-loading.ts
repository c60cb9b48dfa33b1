/**
 * Browser checks of how the built task pane loads Office.js (issue 8), run by run-e2e.ts on the
 * same build and server:
 *
 * - opened as Office opens it (with the `_host_Info` query), the page asks Microsoft's CDN for
 *   office.js (routed here to a stub that says "not in Office"), and nothing else outside its origin;
 *   reloaded without the query, as after a navigation inside the pane, it still does;
 * - when the CDN cannot be reached, the page says so instead of breaking;
 * - opened in a browser without the query, no request leaves the origin, and even a request the
 *   page's first policy allows for Office is refused: browser mode is strictly same-origin.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ribbonMessages } from '../../src/i18n/ribbon';

export type Check = (name: string, fn: () => unknown | Promise<unknown>) => Promise<boolean>;

const HOST_INFO = '_host_Info=Excel$Win32$16.01$en-US$$$$0';
/** Office.js outside Office: onReady reports no host (what the real one does in a plain browser). */
const OFFICE_STUB = 'window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); } };';
/** An origin the CDN page policy allows (Office.js telemetry) and browser mode must not reach. */
const TELEMETRY = 'https://browser.pipe.aria.microsoft.com/Collector/3.0/';

function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(what);
}

/** The Office.js URL the build wrote into the page. */
function builtOfficeJs(dist: string): string {
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const m = /<meta name="?kq-office-js"? content="?([^">\s]+)"?/.exec(html);
  if (!m) throw new Error('dist/taskpane.html names no Office.js');
  return m[1]!;
}

interface Watch {
  /** Requests for other origins, as the browser made them. */
  readonly foreign: string[];
  readonly pageErrors: string[];
}

/** A context whose requests to other origins are recorded, and answered by `answer` (else refused). */
async function watchedContext(browser: Browser, origin: string, answer: (url: string) => string | null): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
  const watch: Watch = { foreign: [], pageErrors: [] };
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) watch.foreign.push(url);
  });
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      const body = answer(route.request().url());
      if (body === null) await route.abort('blockedbyclient');
      else await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
    },
  );
  return { context, watch };
}

async function open(context: BrowserContext, watch: Watch, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export async function officeLoadingChecks(browser: Browser, origin: string, dist: string, check: Check): Promise<void> {
  process.stdout.write('\nOffice.js loading\n');
  const officeJs = builtOfficeJs(dist);
  const cdn = /^https:/.test(officeJs);

  // 1. Inside Office: Office.js is requested (from the CDN in the default build), and nothing else.
  {
    const { context, watch } = await watchedContext(browser, origin, (url) => (url === officeJs ? OFFICE_STUB : null));
    try {
      const page = await open(context, watch, `${origin}/taskpane.html?${HOST_INFO}`);
      await page.getByTestId('mode').waitFor({ timeout: 20_000 });
      await check(`opened by Office, the page loads Office.js (${officeJs})`, () => {
        const asked = cdn ? watch.foreign : [];
        if (cdn) assert(JSON.stringify(asked) === JSON.stringify([officeJs]), `requests to other origins: ${JSON.stringify(asked)}`);
      });
      await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
      await page.getByTestId('mode').waitFor({ timeout: 20_000 });
      await check('reloaded without the query (a navigation inside the pane), it still knows it is in Office', () => {
        if (cdn) assert(watch.foreign.filter((u) => u === officeJs).length === 2, `Office.js requested ${watch.foreign.length} times`);
      });
      await check('no page errors with Office.js loaded', () => assert(watch.pageErrors.length === 0, watch.pageErrors.join('; ')));
    } finally {
      await context.close();
    }
  }

  // 2. Inside Office, the CDN blocked (a closed network with the default build): the page says why.
  if (cdn) {
    const { context, watch } = await watchedContext(browser, origin, () => null);
    try {
      const page = await open(context, watch, `${origin}/taskpane.html?${HOST_INFO}`);
      await check('a blocked Office.js does not break the pane: it says what to do', async () => {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 20_000 });
        assert((await alert.textContent()) === ribbonMessages('en').officeJsUnavailable(), `shown: ${await alert.textContent()}`);
        assert(watch.pageErrors.length === 0, watch.pageErrors.join('; '));
      });
    } finally {
      await context.close();
    }
  }

  // 3. Browser mode: no Office.js, no other origin, not even one the page's first policy allows.
  {
    const { context, watch } = await watchedContext(browser, origin, () => '');
    try {
      const page = await open(context, watch, `${origin}/taskpane.html`);
      await page.getByTestId('mode').waitFor({ timeout: 20_000 });
      const outcome = await page.evaluate(async (url) => {
        try {
          await fetch(url, { method: 'POST', body: 'x' });
          return 'sent';
        } catch {
          return 'refused';
        }
      }, TELEMETRY);
      await check('browser mode requests no Office.js and refuses every other origin', () => {
        assert(outcome === 'refused', `a request to ${TELEMETRY} was ${outcome}`);
        assert(watch.foreign.length === 0, `requests to other origins: ${JSON.stringify(watch.foreign)}`);
        assert(watch.pageErrors.length === 0, watch.pageErrors.join('; '));
      });
    } finally {
      await context.close();
    }
  }
}
