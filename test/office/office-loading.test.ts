/** @jest-environment jsdom */
/**
 * Issue 8: the page knows it is inside Office from the `_host_Info` query Office adds to the task
 * pane's URL (kept for reloads), loads Office.js only then, and narrows itself to its own origin
 * otherwise; an engine too old for the pane is told so (compat.ts). The built pages are checked in a
 * real browser by test/e2e/office-loading.ts.
 */
import { ribbonMessages } from '../../src/i18n/ribbon';
import {
  BROWSER_MODE_POLICY,
  HOST_INFO_KEY,
  loadScript,
  officeHostInfo,
  officeJsUrl,
  paneStart,
  parseHostInfo,
  readyHost,
  restrictToSameOrigin,
  type KeyValueStore,
} from '../../src/taskpane/boot';
import { engineSupported, showUnsupported } from '../../src/taskpane/compat';
import { MIN_EXCEL_API } from '../../src/adapters/office/host';
import { FakeWorkbook } from './fake-excel';
import { excelPaneHost } from '../../src/taskpane/office-host';
import type { WorkbookPort } from '../../src/port/workbook-port';

function store(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('the _host_Info query', () => {
  test('host, platform and locale, with either separator, encoded or not', () => {
    expect(parseHostInfo('Excel$Win32$16.01$en-US$$$$0')).toEqual({ host: 'Excel', platform: 'Win32', locale: 'en-US' });
    expect(parseHostInfo('Excel%24Web%2416.00%24vi-VN%24%24%24%240')).toEqual({ host: 'Excel', platform: 'Web', locale: 'vi-VN' });
    expect(parseHostInfo('Excel|Mac|16.00|vi-VN')).toEqual({ host: 'Excel', platform: 'Mac', locale: 'vi-VN' });
    expect(parseHostInfo('')).toBeNull();
    expect(parseHostInfo('%E0%A4%A')).toBeNull();
    expect(parseHostInfo('<script>$x$y')).toBeNull();
  });

  test('found in the query, kept for a reload or a navigation inside the pane that drops it', () => {
    const s = store();
    expect(officeHostInfo('?_host_Info=Excel$Win32$16.01$en-US$$$$0&et=', '', s)).toEqual({ host: 'Excel', platform: 'Win32', locale: 'en-US' });
    expect(s.data[HOST_INFO_KEY]).toBe('Excel$Win32$16.01$en-US$$$$0');
    expect(officeHostInfo('', '', s)).toEqual({ host: 'Excel', platform: 'Win32', locale: 'en-US' });
  });

  test("also where Office.js looks: window.name (Excel on the web) and Office.js's own session key", () => {
    expect(officeHostInfo('', JSON.stringify({ hostInfo: 'Excel$Web$16.00$vi-VN', xdmInfo: 'x' }), null)).toEqual({ host: 'Excel', platform: 'Web', locale: 'vi-VN' });
    expect(officeHostInfo('', '', store({ hostInfoValue: 'Excel$Mac$16.00$vi-VN' }))).toEqual({ host: 'Excel', platform: 'Mac', locale: 'vi-VN' });
  });

  test('outside Office: nothing in the query, the window name or the session', () => {
    expect(officeHostInfo('', '', store())).toBeNull();
    expect(officeHostInfo('?file=book.xlsx', 'some-frame', store())).toBeNull();
    expect(officeHostInfo('?x_host_Info=Excel$Win32$16.01$en-US', '', store())).toBeNull();
    expect(officeHostInfo('', '{not json', null)).toBeNull();
  });

  test('a session storage that refuses does not stop the page', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(officeHostInfo('?_host_Info=Excel$Win32$16.01$vi-VN', '', refusing)?.host).toBe('Excel');
    expect(officeHostInfo('', '', refusing)).toBeNull();
  });
});

describe('the page', () => {
  test('browser mode adds a second policy limited to this origin', () => {
    restrictToSameOrigin(document);
    const metas = [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
    expect(metas.at(-1)?.getAttribute('content')).toBe(BROWSER_MODE_POLICY);
  });

  test('the Office.js URL comes from the page the build wrote', () => {
    expect(officeJsUrl(document)).toBeNull();
    const meta = document.createElement('meta');
    meta.name = 'kq-office-js';
    meta.content = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    document.head.appendChild(meta);
    expect(officeJsUrl(document)).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  test('a script that cannot be loaded resolves false; one that loads, true', async () => {
    const failing = loadScript(document, 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const scripts = document.head.querySelectorAll('script');
    scripts[scripts.length - 1]!.dispatchEvent(new Event('error'));
    expect(await failing).toBe(false);
    const loading = loadScript(document, 'office-js/office.js');
    const all = document.head.querySelectorAll('script');
    expect(all[all.length - 1]!.getAttribute('src')).toBe('office-js/office.js');
    all[all.length - 1]!.dispatchEvent(new Event('load'));
    expect(await loading).toBe(true);
  });

  test('the host Office.js reports: Excel, or none, without a race against a time-out', async () => {
    expect(await readyHost(undefined)).toBeNull();
    expect(await readyHost({} as never)).toBeNull();
    expect(await readyHost({ onReady: async () => ({ host: null, platform: null }) })).toBeNull();
    expect(await readyHost({ onReady: async () => ({ host: 'Excel', platform: 'PC' }) })).toBe('Excel');
    expect(await readyHost({ onReady: () => Promise.reject(new Error('boom')) })).toBeNull();
  });
});

describe('an Excel below the minimum (issue 8 point 9: ExcelApi 1.9, docs/deploy.md)', () => {
  test('Excel 2019 (ExcelApi 1.8) is told to update; Excel 2021 (1.14) runs the pane; no host runs browser mode', () => {
    const host = (version: string) => {
      const book = new FakeWorkbook();
      book.apiVersion = version;
      return book.host().isSetSupported;
    };
    expect(MIN_EXCEL_API).toBe('1.9');
    expect(paneStart('Excel', host('1.8'), MIN_EXCEL_API)).toEqual({ kind: 'unsupported', minimum: '1.9' });
    expect(paneStart('Excel', host('1.9'), MIN_EXCEL_API)).toEqual({ kind: 'excel' });
    expect(paneStart('Excel', host('1.14'), MIN_EXCEL_API)).toEqual({ kind: 'excel' });
    expect(paneStart(null, host('1.18'), MIN_EXCEL_API)).toEqual({ kind: 'browser' });
    const throwing = (): boolean => {
      throw new Error('no requirements');
    };
    expect(paneStart('Excel', throwing, MIN_EXCEL_API)).toEqual({ kind: 'unsupported', minimum: '1.9' });
    expect(ribbonMessages('en').unsupportedHost('1.9')).toContain('ExcelApi 1.9');
  });
});

describe('an engine too old for the pane (compat.ts)', () => {
  test('current engines pass; Internet Explorer and the old Edge lack what the pane needs', () => {
    expect(engineSupported(globalThis)).toBe(true);
    expect(engineSupported({})).toBe(false);
    // EdgeHTML 18: Promise without allSettled, no Object.fromEntries, no globalThis
    expect(engineSupported({ Promise: Object.assign(() => undefined, {}), Object: {}, Array: { prototype: { flatMap: () => [] } } })).toBe(false);
  });

  test('the message replaces the pane, and the pane is told not to start', () => {
    document.body.innerHTML = '<div id="root"><p>old</p></div>';
    showUnsupported(document, 'en');
    expect(document.getElementById('root')!.textContent).toBe(ribbonMessages('en').unsupportedEngine());
    expect(document.documentElement.dataset.unsupported).toBe('1');
  });
});

describe("the pane's own call to Excel (go to a finding's cell)", () => {
  test('waits while the user edits a cell, as the adapter does (delayForCellEdit)', async () => {
    const options: unknown[] = [];
    const selected: string[] = [];
    const context = {
      workbook: { worksheets: { getItem: (name: string) => ({ activate: () => undefined, getRange: (a: string) => ({ select: () => void selected.push(`${name}!${a}`) }) }) } },
      sync: async () => undefined,
    };
    const g = globalThis as unknown as { Excel?: unknown };
    g.Excel = { run: (opts: unknown, batch: (c: unknown) => Promise<unknown>) => (options.push(opts), batch(context)) };
    try {
      await excelPaneHost({} as WorkbookPort).goToCell('Nhiệm vụ', 'E7');
    } finally {
      delete g.Excel;
    }
    expect(options).toEqual([{ delayForCellEdit: true }]);
    expect(selected).toEqual(['Nhiệm vụ!E7']);
  });
});
