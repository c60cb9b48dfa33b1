/**
 * The use cases every host runs (task pane, ribbon, command line): read through the port,
 * compute with the core, write through the port. Nothing is computed twice.
 */
import { checkWorkbook, type CheckOptions } from '../core/check';
import { isoFromDay, type SheetData } from '../core/cells';
import { planFlags } from '../core/flag-plan';
import { ownedSheets } from '../core/owned-sheets';
import type { Report } from '../core/report';
import { ruleSetForYear, type RuleSetId } from '../core/rule-sets/registry';
import { parseSettings, SettingsSchema, type Settings } from '../core/settings';
import type { Lang } from '../i18n/messages';
import type { WorkbookPort } from '../port/workbook-port';

export interface RunRequest {
  /** Overrides of what the workbook's saved settings say. */
  readonly asOf?: string;
  readonly rules?: RuleSetId;
  readonly lang?: Lang;
}

export interface CheckOutcome {
  readonly report: Report;
  readonly settings: Settings;
  /** Why saved settings were ignored, if they were unreadable. */
  readonly settingsError: string | null;
  /**
   * The sheets the report was computed from, as read (checkBook always gives them): the pane shows
   * a finding's task (its content, its row) from these, so that what it shows is exactly what was
   * checked. Outcomes made up elsewhere (a ribbon command's notice in a test) may leave them out.
   */
  readonly sheets?: readonly SheetData[];
}

export function todayIso(now: Date = new Date()): string {
  return isoFromDay(Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / 86_400_000));
}

/** Merge the request over the saved settings into engine options. */
export function optionsFor(settings: Settings, request: RunRequest, now: Date = new Date()): CheckOptions {
  const asOf = request.asOf ?? settings.asOf ?? todayIso(now);
  return {
    asOf,
    rules: request.rules ?? settings.rules ?? ruleSetForYear(Number(asOf.slice(0, 4))),
    lang: request.lang ?? settings.lang ?? 'vi',
    workingDays: settings.workingDays,
    holidays: settings.holidays,
    rubrics: settings.rubrics,
    mappings: settings.mappings,
  };
}

/** Read the workbook and its saved settings, and compute the report. Writes nothing. */
export async function checkBook(port: WorkbookPort, request: RunRequest = {}): Promise<CheckOutcome> {
  const { sheets, settings: savedText } = await port.readBook();
  const { settings, error } = parseSettings(savedText);
  const report = checkWorkbook(sheets, optionsFor(settings, request));
  return { report, settings, settingsError: error, sheets };
}

/** Ribbon "check and flag": check, then replace the flags in the task sheets. */
export async function checkAndFlag(port: WorkbookPort, request: RunRequest = {}): Promise<CheckOutcome> {
  const outcome = await checkBook(port, request);
  await port.writeFlags(planFlags(outcome.report));
  return outcome;
}

/** Ribbon "score units": check, then write the two KQ sheets. */
export async function scoreUnits(port: WorkbookPort, request: RunRequest = {}): Promise<CheckOutcome> {
  const outcome = await checkBook(port, request);
  await port.writeOwnedSheets(ownedSheets(outcome.report, request.lang ?? outcome.settings.lang ?? 'vi'));
  return outcome;
}

/** Write a computed report into the book: flags in the task sheets, then the KQ sheets. */
export async function annotate(port: WorkbookPort, report: Report, lang: Lang): Promise<void> {
  await port.writeFlags(planFlags(report));
  await port.writeOwnedSheets(ownedSheets(report, lang));
}

/** Everything at once, as the command line's --out and the pane's "Check" do. */
export async function checkFlagAndScore(port: WorkbookPort, request: RunRequest = {}): Promise<CheckOutcome> {
  const outcome = await checkBook(port, request);
  await annotate(port, outcome.report, request.lang ?? outcome.settings.lang ?? 'vi');
  return outcome;
}

export async function clearAllFlags(port: WorkbookPort): Promise<void> {
  await port.clearFlags();
}

/** Save settings after validating them; the ribbon buttons use them without the pane. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<void> {
  await port.writeSettings(JSON.stringify(SettingsSchema.parse(settings)));
}
