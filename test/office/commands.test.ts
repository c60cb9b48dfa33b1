/** Ribbon commands: same use cases as the pane, an outcome for the user, event.completed() always. */
import { SCORES_SHEET } from '../../src/core/presentation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeWorkbook } from '../../src/adapters/office/office-workbook';
import { createHandlers, langFromLocale, type CommandDeps, type Notice } from '../../src/commands/handlers';
import { NOTICE_TIMEOUT_MS, noticeUrl, showNotice } from '../../src/commands/notice';
import { ribbonMessages } from '../../src/i18n/ribbon';
import { saveSettings } from '../../src/usecases/check-workbook';
import { checkManifest } from '../../scripts/manifest-check';
import { AS_OF, TASK_SHEET, taskBook } from './books';
import type { FakeWorkbook } from './fake-excel';

function harness(book: FakeWorkbook, overrides: Partial<CommandDeps> = {}): { deps: CommandDeps; notices: Notice[]; shown: string[] } {
  const notices: Notice[] = [];
  const shown: string[] = [];
  const deps: CommandDeps = {
    port: (lang) => new OfficeWorkbook({ host: book.host(), lang }),
    displayLang: () => 'vi',
    notify: async (n: Notice) => {
      notices.push(n);
    },
    showSheet: async (name) => {
      shown.push(name);
    },
    ...overrides,
  };
  return { deps, notices, shown };
}

function event(): { completed: jest.Mock } {
  return { completed: jest.fn() };
}

async function bookWithAsOf(rows: number): Promise<FakeWorkbook> {
  const book = taskBook(rows);
  await saveSettings(new OfficeWorkbook({ host: book.host() }), { version: 1, asOf: AS_OF });
  return book;
}

describe('the three function commands', () => {
  test('check and flag: flags written, the user told how many findings, event completed once', async () => {
    const book = await bookWithAsOf(300);
    const { deps, notices } = harness(book);
    const e = event();
    await createHandlers(deps).checkAndFlag(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(book.sheet(TASK_SHEET).ourRules().length).toBeGreaterThan(0);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.ok).toBe(true);
    const text = notices[0]!.lines.join('\n');
    expect(text).toMatch(/Đã đọc 1 trang nhiệm vụ, 0 trang kiểm tra công vụ, 1 trang danh mục đơn vị\./);
    expect(text).toMatch(/\d+ phát hiện \(\d+ lỗi, \d+ cảnh báo\)/);
    expect(text).toMatch(/\d+ nhiệm vụ quá hạn, \d+ nhiệm vụ chưa có đơn vị chủ trì/);
  });

  test('score units: the KQ sheets written and shown, units counted', async () => {
    const book = await bookWithAsOf(100);
    const { deps, notices, shown } = harness(book);
    const e = event();
    await createHandlers(deps).scoreUnits(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(book.findSheet(SCORES_SHEET)).toBeDefined();
    expect(shown).toEqual([SCORES_SHEET]);
    expect(notices[0]!.lines.join('\n')).toContain('Đã chấm điểm 6 đơn vị.');
  });

  test('clear flags: flags gone, the user told', async () => {
    const book = await bookWithAsOf(100);
    const { deps, notices } = harness(book);
    const handlers = createHandlers(deps);
    await handlers.checkAndFlag(event());
    const e = event();
    await handlers.clearFlags(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(book.sheet(TASK_SHEET).ourRules()).toEqual([]);
    expect(notices[1]!.lines).toEqual(['Đã gỡ mọi đánh dấu của công cụ.']);
  });

  test('the language saved with the workbook wins over Office\'s display language', async () => {
    const book = taskBook(50);
    await saveSettings(new OfficeWorkbook({ host: book.host() }), { version: 1, asOf: AS_OF, lang: 'en' });
    const { deps, notices } = harness(book, { displayLang: () => 'vi' });
    await createHandlers(deps).checkAndFlag(event());
    expect(notices[0]!.lines.join(' ')).toMatch(/findings \(\d+ errors, \d+ warnings\)/);
    expect(notices[0]!.close).toBe('Close');
  });
});

describe('the ribbon time limits (5 minutes a command, up to 90 s of it for the outcome dialog)', () => {
  /** A port over the fake whose reads and writes take the given simulated seconds. */
  function slowPort(book: FakeWorkbook, clock: { t: number }, readSeconds: number, writeSeconds: number) {
    return (lang: 'vi' | 'en') => {
      const port = new OfficeWorkbook({ host: book.host(), lang });
      const readBook = port.readBook.bind(port);
      const writeFlags = port.writeFlags.bind(port);
      port.readBook = async () => {
        clock.t += readSeconds * 1000;
        return readBook();
      };
      port.writeFlags = async (plan) => {
        clock.t += writeSeconds * 1000;
        return writeFlags(plan);
      };
      return port;
    };
  }

  test('a book whose reading alone took 100 s is not written from the ribbon; the dialog says so and points to the pane', async () => {
    const book = await bookWithAsOf(50);
    const clock = { t: 0 };
    const waits: number[] = [];
    const { deps, notices } = harness(book, { port: slowPort(book, clock, 100, 0), now: () => clock.t, notify: async (n: Notice, wait: number) => void (notices.push(n), waits.push(wait)) });
    const e = event();
    await createHandlers(deps).checkAndFlag(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(book.sheet(TASK_SHEET).rules).toEqual([]);
    expect(notices[0]).toMatchObject({ ok: false, lines: [ribbonMessages('vi').tooBigForRibbon(100)] });
    expect(waits).toEqual([90_000]);
  });

  test('the dialog waits only for what is left of the 5 minutes, less a margin of 30 s', async () => {
    const book = await bookWithAsOf(50);
    const clock = { t: 0 };
    const waits: number[] = [];
    const notices: Notice[] = [];
    // 60 s of reading, then a write of 150 s: 210 s gone, 300 - 30 - 210 = 60 s left for the dialog
    const { deps } = harness(book, { port: slowPort(book, clock, 60, 150), now: () => clock.t, notify: async (n: Notice, wait: number) => void (notices.push(n), waits.push(wait)) });
    await createHandlers(deps).checkAndFlag(event());
    expect(notices[0]!.ok).toBe(true);
    expect(book.sheet(TASK_SHEET).ourRules().length).toBeGreaterThan(0);
    expect(waits).toEqual([60_000]);
  });
});

describe('event.completed() is always called', () => {
  test('a protected sheet: a clear message, nothing written, completed', async () => {
    const book = await bookWithAsOf(100);
    book.sheet(TASK_SHEET).protected = true;
    book.resetStats();
    const { deps, notices } = harness(book);
    for (const name of ['checkAndFlag', 'clearFlags'] as const) {
      const e = event();
      await createHandlers(deps)[name](e);
      expect(e.completed).toHaveBeenCalledTimes(1);
    }
    expect(book.stats.mutations).toBe(0);
    expect(notices[0]).toMatchObject({ ok: false, title: 'Chưa thực hiện được' });
    expect(notices[0]!.lines[0]).toContain(`Trang "${TASK_SHEET}" đang được bảo vệ`);
  });

  test('a read-only workbook', async () => {
    for (const arrange of [(b: FakeWorkbook) => (b.documentReadOnly = true), (b: FakeWorkbook) => (b.readOnly = true)]) {
      const book = await bookWithAsOf(20);
      arrange(book);
      const { deps, notices } = harness(book);
      for (const name of ['checkAndFlag', 'scoreUnits', 'clearFlags'] as const) {
        const e = event();
        await createHandlers(deps)[name](e);
        expect(e.completed).toHaveBeenCalledTimes(1);
      }
      expect(notices.every((n) => !n.ok)).toBe(true);
    }
  });

  test('an unexpected exception, a port that cannot be created, a notice that fails to show', async () => {
    const book = await bookWithAsOf(20);
    const broken: Array<Partial<CommandDeps>> = [
      { port: () => ({ ...new OfficeWorkbook({ host: book.host() }), readBook: () => Promise.reject(new TypeError('boom')), readSettings: () => Promise.resolve(null), takeNotices: () => [] }) as never },
      {
        port: () => {
          throw new Error('Office is not ready');
        },
      },
      { notify: () => Promise.reject(new Error('dialog blocked')) },
      {
        displayLang: () => {
          throw new Error('no Office.context');
        },
      },
    ];
    for (const o of broken) {
      const { deps, notices } = harness(book, o);
      for (const name of ['checkAndFlag', 'scoreUnits', 'clearFlags'] as const) {
        const e = event();
        await createHandlers(deps)[name](e);
        expect(e.completed).toHaveBeenCalledTimes(1);
      }
      if (o.port) expect(notices.some((n) => !n.ok && /Excel báo lỗi: (boom|Office is not ready)/.test(n.lines[0]!))).toBe(true);
    }
  });

  test('a notify that throws synchronously', async () => {
    const book = await bookWithAsOf(20);
    const { deps } = harness(book, {
      notify: () => {
        throw new Error('sync throw');
      },
    });
    const e = event();
    await createHandlers(deps).checkAndFlag(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });
});

describe('registration and the notice dialog', () => {
  type Assoc = jest.Mock<void, [string, (e: unknown) => void]>;
  let associate: Assoc;
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };

  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  function stubOffice(ui?: unknown): void {
    associate = jest.fn();
    g.Office = {
      onReady: jest.fn(),
      actions: { associate },
      context: { displayLanguage: 'vi-VN', ui, requirements: { isSetSupported: () => true }, document: { mode: 'readWrite' } },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
      DocumentMode: { ReadOnly: 'readOnly', ReadWrite: 'readWrite' },
    };
  }

  test('commands.ts associates exactly the manifest FunctionNames', async () => {
    stubOffice();
    await jest.isolateModulesAsync(async () => {
      await import('../../src/commands/commands');
    });
    const names = associate.mock.calls.map((c) => c[0]);
    const xml = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    const { facts } = checkManifest(xml, { filesRoot: join(__dirname, '..', '..'), registeredFunctions: names });
    expect(names.sort()).toEqual([...facts.functionNames].sort());
    for (const c of associate.mock.calls) expect(typeof c[1]).toBe('function');
  });

  test('langFromLocale', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('vi-VN')).toBe('vi');
    expect(langFromLocale('fr-FR')).toBe('vi');
    expect(langFromLocale(undefined)).toBe('vi');
  });

  const notice: Notice = { ok: true, title: 'Kiểm tra trách nhiệm', lines: ['12 phát hiện (3 lỗi, 9 cảnh báo)', 'dòng 2 & <b>'], close: 'Đóng' };

  test('the notice travels in the status page URL', () => {
    const url = new URL(noticeUrl('https://intranet.example/addin/commands.html', notice));
    expect(url.origin + url.pathname).toBe('https://intranet.example/addin/status.html');
    expect(url.searchParams.get('text')).toBe('12 phát hiện (3 lỗi, 9 cảnh báo)\ndòng 2 & <b>');
    expect(url.searchParams.get('close')).toBe('Đóng');
  });

  test('the dialog resolves when its page asks to close, when the user closes it, when it cannot open, and on time-out', async () => {
    const handlers: Record<string, () => void> = {};
    const dialog = { addEventHandler: jest.fn((type: string, h: () => void) => (handlers[type] = h)), close: jest.fn() };
    let status = 'succeeded';
    const displayDialogAsync = jest.fn((_url: string, _opts: unknown, cb: (r: unknown) => void) => cb({ status, value: dialog }));
    stubOffice({ displayDialogAsync });

    let p = showNotice(notice, 'https://localhost:3000/commands.html');
    handlers.dialogMessageReceived!();
    await p;
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(displayDialogAsync.mock.calls[0]![0]).toMatch(/^https:\/\/localhost:3000\/status\.html\?/);

    p = showNotice(notice, 'https://localhost:3000/commands.html');
    handlers.dialogEventReceived!();
    await p;

    status = 'failed';
    await showNotice(notice, 'https://localhost:3000/commands.html');

    status = 'succeeded';
    jest.useFakeTimers();
    try {
      p = showNotice(notice, 'https://localhost:3000/commands.html');
      jest.advanceTimersByTime(NOTICE_TIMEOUT_MS);
      await p;
      expect(dialog.close).toHaveBeenCalledTimes(2);
      // with less time left, the dialog closes sooner
      let settled = false;
      p = showNotice(notice, 'https://localhost:3000/commands.html', 20_000).then(() => void (settled = true));
      jest.advanceTimersByTime(19_999);
      await Promise.resolve();
      expect(settled).toBe(false);
      jest.advanceTimersByTime(1);
      await p;
      expect(dialog.close).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
