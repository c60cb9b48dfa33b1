/**
 * The workbook port over an .xlsx (or .xlsm) package: the command line and browser mode. Reading
 * streams each worksheet into the engine's SheetData; writing records what the add-in wants in the
 * book (its flags, its sheets, its settings) and toBuffer() patches the original package with
 * exactly that (book-writer.ts): every part the add-in does not own is copied byte for byte.
 */
import type { SheetData } from '../../core/cells';
import type { FlagPlan } from '../../core/flag-plan';
import { isOwnSheetName } from '../../core/header';
import type { OwnedSheet } from '../../core/owned-sheets';
import { SETTINGS_SHEET } from '../../core/presentation';
import type { BookContents, HostNotice, WorkbookPort } from '../../port/workbook-port';
import { buildPackage, type Desired } from './book-writer';
import { XlsxError } from './errors';
import type { BookKind } from './namespaces';
import { emptyPackageBytes } from './new-package';
import { dateStyles } from './number-formats';
import { XlsxPackage, type SheetEntry } from './package';
import { portablePlatform, type XlsxPlatform } from './platform';
import { readSharedStrings } from './shared-strings';
import { readWorksheet, type CellBudget, type SheetLayout } from './sheet-reader';

export class XlsxWorkbook implements WorkbookPort {
  private readonly layouts = new Map<string, SheetLayout>();
  private readonly desired: Desired = { owned: new Map() };
  private notices: HostNotice[] = [];
  private styles: Uint8Array | null = null;

  private constructor(readonly pkg: XlsxPackage) {}

  /** Open package bytes. Throws XlsxError for anything that is not a readable workbook package. */
  static async open(bytes: Uint8Array | ArrayBuffer, platform: XlsxPlatform = portablePlatform): Promise<XlsxWorkbook> {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return new XlsxWorkbook(await XlsxPackage.open(data, platform));
  }

  /** A new, empty workbook (no sheets until the add-in writes its own), written by the same writer as an annotated copy. */
  static async create(platform: XlsxPlatform = portablePlatform): Promise<XlsxWorkbook> {
    return XlsxWorkbook.open(await emptyPackageBytes(platform), platform);
  }

  /** xlsx, xlsm (macros kept), xltx or xltm: the annotated copy is of the same kind. */
  get kind(): BookKind {
    return this.pkg.kind;
  }

  private async dateStyles(): Promise<Uint8Array> {
    if (!this.styles) {
      const part = this.pkg.stylesPart;
      this.styles = dateStyles(part ? await this.pkg.bytes(part) : null, this.pkg.platform, part ?? 'styles');
    }
    return this.styles;
  }

  private worksheets(): SheetEntry[] {
    return this.pkg.sheets.filter((s) => s.type === 'worksheet');
  }

  private async readSheets(only: ((s: SheetEntry) => boolean) | null): Promise<{ sheets: SheetData[]; settings: string | null }> {
    const pkg = this.pkg;
    const wanted = this.worksheets().filter((s) => !only || only(s));
    const needValues = wanted.some((s) => !isOwnSheetName(s.name) || s.name === SETTINGS_SHEET);
    const sharedStrings = needValues && pkg.sharedStringsPart ? await readSharedStrings(pkg, pkg.sharedStringsPart) : null;
    const styles = await this.dateStyles();
    const budget: CellBudget = { used: 0 };
    const sheets: SheetData[] = [];
    let settings: string | null = null;
    // Sheets without cells keep their place in tab order, so that the report can list them as ignored.
    const cellless = only ? [] : pkg.sheets.filter((s) => s.type !== 'worksheet');
    const order = new Map(pkg.sheets.map((s, i) => [s, i]));
    for (const s of [...wanted, ...cellless].sort((a, b) => order.get(a)! - order.get(b)!)) {
      if (s.type !== 'worksheet') {
        sheets.push({ name: s.name, rows: [], merges: [], without: s.type === 'chartsheet' ? 'chart' : 'other' });
        continue;
      }
      const own = isOwnSheetName(s.name);
      if (own && s.name !== SETTINGS_SHEET) {
        // Never read as data (SPEC §2): the name is all the engine needs.
        sheets.push({ name: s.name, rows: [], merges: [] });
        continue;
      }
      if (s.part === null) throw new XlsxError({ kind: 'damaged-part', part: s.target ?? s.name, detail: 'missing', sheet: s.name });
      const read = await readWorksheet(pkg, s.part, { sheet: s.name, values: true, sharedStrings, dateStyles: styles, date1904: pkg.date1904, budget });
      if (!own) this.layouts.set(s.part, read.layout);
      if (s.name === SETTINGS_SHEET) {
        const a1 = read.data.rows[0]?.[0];
        settings = typeof a1 === 'string' && a1 !== '' ? a1 : null;
        sheets.push({ name: s.name, rows: [], merges: [] });
      } else sheets.push(read.data);
    }
    return { sheets, settings };
  }

  /** Sheets the add-in has written in this session but the package does not hold yet, by name. */
  private pendingSheets(): string[] {
    const have = new Set(this.pkg.sheets.map((s) => s.name.toLowerCase()));
    return this.desiredSheetNames().filter((n) => !have.has(n.toLowerCase()));
  }

  private desiredSheetNames(): string[] {
    return [...this.desired.owned.keys(), ...(this.desired.settings !== undefined ? [SETTINGS_SHEET] : [])];
  }

  async readBook(): Promise<BookContents> {
    const { sheets, settings } = await this.readSheets(null);
    for (const name of this.pendingSheets()) sheets.push({ name, rows: [], merges: [] });
    return { sheets, settings: this.desired.settings ?? settings };
  }

  async readSettings(): Promise<string | null> {
    if (this.desired.settings !== undefined) return this.desired.settings;
    return (await this.readSheets((s) => s.name === SETTINGS_SHEET)).settings;
  }

  /** One sheet's values (browser mode shows the cells around a finding), or null when there is no such worksheet. */
  async sheetValues(name: string): Promise<SheetData | null> {
    if (isOwnSheetName(name)) return null;
    const { sheets } = await this.readSheets((s) => s.name === name);
    return sheets[0] ?? null;
  }

  async writeSettings(json: string): Promise<void> {
    this.desired.settings = json;
  }

  async writeFlags(plan: FlagPlan): Promise<void> {
    this.desired.flags = plan;
  }

  async clearFlags(): Promise<void> {
    this.desired.flags = { sheets: [] };
  }

  async writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    // The result sheets become exactly these: an earlier run's that is not among them goes.
    this.desired.owned.clear();
    for (const s of sheets) this.desired.owned.set(s.name, s);
    this.desired.ownedWritten = true;
  }

  takeNotices(): HostNotice[] {
    const out = this.notices;
    this.notices = [];
    return out;
  }

  /** Layouts of every user worksheet, read now for those not read yet. */
  private async allLayouts(): Promise<Map<string, SheetLayout>> {
    const missing = this.worksheets().filter((s) => s.part !== null && !isOwnSheetName(s.name) && !this.layouts.has(s.part));
    if (missing.length > 0) {
      const budget: CellBudget = { used: 0 };
      for (const s of missing) {
        const read = await readWorksheet(this.pkg, s.part!, { sheet: s.name, values: false, sharedStrings: null, dateStyles: new Uint8Array(0), date1904: false, budget });
        this.layouts.set(s.part!, read.layout);
      }
    }
    return this.layouts;
  }

  /** The annotated package: the original with the add-in's flags, sheets and settings as asked; everything else byte for byte. */
  async toBuffer(): Promise<Uint8Array> {
    const { bytes, notices } = await buildPackage(this.pkg, await this.allLayouts(), this.desired);
    this.notices.push(...notices);
    return bytes;
  }
}
