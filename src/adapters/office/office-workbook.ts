/**
 * The Office.js adapter of the workbook port (inside Excel: task pane and ribbon commands).
 *
 * Each port call is one Excel.run. A read followed by writes on the same instance (the use cases do
 * exactly that) reuses the sheet names it read, so that writing flags needs a single survey sync.
 * readBook reads the settings cell along with the used ranges instead of in syncs of its own.
 *
 * Writes are transactions that survive a failed sync (transaction.ts, docs/office-faults.md): each
 * leaves the book as before or as after, and says which in the HostError it throws. Sheets deleted or
 * renamed during a run are skipped, and cells go without their note where this Office.js cannot write
 * notes; `takeNotices()` tells the user both.
 */
import type { FlagPlan } from '../../core/flag-plan';
import type { OwnedSheet } from '../../core/owned-sheets';
import type { Lang } from '../../i18n/messages';
import type { BookContents, HostNotice, WorkbookPort } from '../../port/workbook-port';
import { detectFeatures, officeHost, runBatch, type Features, type OfficeHost } from './host';
import { readAllSheets, type ReadStats } from './read-sheets';
import { readSettingsCell, writeSettingsCell } from './settings';
import { clearFlagsOffice, writeFlagsOffice, type WriteStats } from './write-flags';
import { writeOwnedSheetsOffice, type OwnedStats } from './write-owned-sheets';

export interface OfficeWorkbookOptions {
  /** The Office host; by default the real one (Excel.run, Office.context). */
  readonly host?: OfficeHost;
  /** Language of HostError messages. */
  readonly lang?: Lang;
  /** Override run-time feature detection (tests). */
  readonly features?: Features;
}

/** What the last calls cost, for diagnostics and tests. */
export interface OfficeWorkbookStats {
  read: ReadStats | null;
  flags: WriteStats | null;
  owned: OwnedStats | null;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly host: OfficeHost;
  readonly features: Features;
  lang: Lang;
  readonly stats: OfficeWorkbookStats = { read: null, flags: null, owned: null };
  private knownNames: string[] | null = null;
  /** Sheets deleted or renamed during a run, not yet told to the user. */
  private readonly vanished = new Set<string>();
  /** Other things the user has not been told yet (cells left without their note). */
  private notices: HostNotice[] = [];

  constructor(options: OfficeWorkbookOptions = {}) {
    this.host = options.host ?? officeHost();
    this.features = options.features ?? detectFeatures(this.host);
    this.lang = options.lang ?? 'vi';
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return runBatch(this.host, this.lang, batch);
  }

  async readBook(): Promise<BookContents> {
    const result = await this.run((ctx) => readAllSheets(ctx, this.features, true));
    this.stats.read = result.stats;
    this.knownNames = result.names;
    for (const n of result.vanished) this.vanished.add(n);
    return { sheets: result.sheets, settings: result.settings };
  }

  async readSettings(): Promise<string | null> {
    return this.run((ctx) => readSettingsCell(ctx));
  }

  async writeSettings(json: string): Promise<void> {
    await this.run((ctx) => writeSettingsCell(ctx, this.host, this.features, this.lang, json));
  }

  async writeFlags(plan: FlagPlan): Promise<void> {
    const names = this.knownNames;
    this.knownNames = null;
    this.stats.flags = await writeFlagsOffice(this.host, this.features, this.lang, plan, names, this.vanished, this.notices);
  }

  async clearFlags(): Promise<void> {
    this.stats.flags = await clearFlagsOffice(this.host, this.features, this.lang);
  }

  async writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    this.stats.owned = await writeOwnedSheetsOffice(this.host, this.features, this.lang, sheets, this.vanished);
  }

  /** Sheets skipped because they vanished during a run, cells left without their note; each once. */
  takeNotices(): HostNotice[] {
    const notices = [...[...this.vanished].map((sheet): HostNotice => ({ kind: 'sheet-vanished', sheet })), ...this.notices];
    this.vanished.clear();
    this.notices = [];
    return notices;
  }
}
