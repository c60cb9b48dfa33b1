/**
 * The ribbon's function commands, independent of Office.js so that tests drive them: each runs the
 * same use case as the task pane over a workbook port, tells the user the outcome, and always
 * completes the event — after success, after a HostError, after anything else.
 */
import { FINDINGS_SHEET, SCORES_SHEET } from '../core/presentation';
import { ruleSetText } from '../core/rule-sets/registry';
import { parseSettings } from '../core/settings';
import type { Lang } from '../i18n/messages';
import { ribbonMessages } from '../i18n/ribbon';
import { HostError, type WorkbookPort } from '../port/workbook-port';
import { checkAndFlag, clearAllFlags, scoreUnits, type CheckOutcome } from '../usecases/check-workbook';
import { noticeText } from '../usecases/notices';

/** What the user is told when a command ends. */
export interface Notice {
  readonly ok: boolean;
  readonly title: string;
  readonly lines: readonly string[];
  /** Label of the close button, in the same language. */
  readonly close: string;
}

/** The part of Office.AddinCommands.Event a command uses. */
export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  /** A fresh port for one command, its HostError messages in this language. */
  port(lang: Lang): WorkbookPort;
  /** Language when the workbook's saved settings name none (Office's display language). */
  displayLang(): Lang;
  /** Show the notice; resolves when the user closed it (or it could not be shown). */
  notify(notice: Notice): Promise<void>;
  /** Bring a sheet to the front after it was written (best effort). */
  showSheet?(name: string): Promise<void>;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export interface Handlers {
  readonly checkAndFlag: CommandHandler;
  readonly scoreUnits: CommandHandler;
  readonly clearFlags: CommandHandler;
}

function counts(outcome: CheckOutcome): { errors: number; warnings: number; overdue: number; unassigned: number } {
  let errors = 0;
  let warnings = 0;
  let overdue = 0;
  let unassigned = 0;
  for (const f of outcome.report.findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
    if (f.rule === 'overdue') overdue++;
    if (f.rule === 'unassigned') unassigned++;
  }
  return { errors, warnings, overdue, unassigned };
}

function sheetLine(outcome: CheckOutcome, lang: Lang): string {
  const kinds = outcome.report.sheets.map((s) => s.kind);
  const n = (k: string): number => kinds.filter((x) => x === k).length;
  return ribbonMessages(lang).checkSheets(n('task'), n('inspection'), n('registry'));
}

function commonLines(outcome: CheckOutcome, lang: Lang): string[] {
  const msg = ribbonMessages(lang);
  const lines: string[] = [];
  if (outcome.settingsError) lines.push(msg.settingsIgnored(outcome.settingsError));
  if (outcome.report.sheets.length === 0) lines.push(msg.nothingRecognised());
  else lines.push(sheetLine(outcome, lang));
  return lines;
}

export function checkNotice(outcome: CheckOutcome, lang: Lang): Notice {
  const msg = ribbonMessages(lang);
  const c = counts(outcome);
  const lines = commonLines(outcome, lang);
  if (outcome.report.sheets.length > 0) {
    lines.push(msg.checkDone(outcome.report.findings.length, c.errors, c.warnings));
    if (c.overdue + c.unassigned > 0) lines.push(msg.checkCounts(c.overdue, c.unassigned));
  }
  return { ok: true, title: msg.titleDone(), lines, close: msg.close() };
}

export function scoreNotice(outcome: CheckOutcome, lang: Lang): Notice {
  const msg = ribbonMessages(lang);
  const lines = commonLines(outcome, lang);
  lines.push(msg.scoreDone(outcome.report.units.length), ruleSetText(outcome.report.rules, lang), msg.scoreWhere(SCORES_SHEET, FINDINGS_SHEET));
  return { ok: true, title: msg.titleDone(), lines, close: msg.close() };
}

export function failureNotice(error: unknown, lang: Lang): Notice {
  const msg = ribbonMessages(lang);
  const text = error instanceof HostError ? error.message : msg.hostFailed(error instanceof Error ? error.message : String(error));
  return { ok: false, title: msg.titleFailed(), lines: [text], close: msg.close() };
}

/** What the port has to tell besides the outcome (sheets skipped because they vanished, notes left out). */
function portNotices(port: WorkbookPort | null, lang: Lang): string[] {
  if (port === null) return [];
  try {
    return port.takeNotices().map((n) => noticeText(n, lang));
  } catch {
    return [];
  }
}

/** The language of a command: the one saved with the workbook's settings, else Office's. */
async function commandLang(deps: CommandDeps): Promise<Lang> {
  const fallback = safe(() => deps.displayLang(), 'vi' as Lang);
  try {
    const { settings } = parseSettings(await deps.port(fallback).readSettings());
    return settings.lang ?? fallback;
  } catch {
    return fallback;
  }
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function command(deps: CommandDeps, body: (port: WorkbookPort, lang: Lang) => Promise<Notice>): CommandHandler {
  return async (event) => {
    let completed = false;
    const complete = (): void => {
      if (completed) return;
      completed = true;
      event.completed();
    };
    let lang: Lang = 'vi';
    try {
      let notice: Notice;
      let port: WorkbookPort | null = null;
      try {
        lang = await commandLang(deps);
        port = deps.port(lang);
        notice = await body(port, lang);
      } catch (e) {
        notice = failureNotice(e, lang);
      }
      const extra = portNotices(port, lang);
      if (extra.length > 0) notice = { ...notice, lines: [...notice.lines, ...extra] };
      await deps.notify(notice);
    } catch {
      // Showing the notice failed: the flags or sheets are in the workbook anyway.
    } finally {
      complete();
    }
  };
}

export function createHandlers(deps: CommandDeps): Handlers {
  return {
    checkAndFlag: command(deps, async (port, lang) => checkNotice(await checkAndFlag(port, { lang }), lang)),
    scoreUnits: command(deps, async (port, lang) => {
      const outcome = await scoreUnits(port, { lang });
      try {
        await deps.showSheet?.(SCORES_SHEET);
      } catch {
        // the scores were written; not bringing the sheet to the front is no failure
      }
      return scoreNotice(outcome, lang);
    }),
    clearFlags: command(deps, async (port, lang) => {
      await clearAllFlags(port);
      const msg = ribbonMessages(lang);
      return { ok: true, title: msg.titleDone(), lines: [msg.clearDone()], close: msg.close() };
    }),
  };
}

/** Office's display language ("vi-VN", "en-US", ...) → the add-in's. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
}
