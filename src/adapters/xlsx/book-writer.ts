/**
 * The annotated package, computed from the original and what the add-in wants in it: its flags
 * (conditional formats, notes, the helper sheet), its own sheets and its settings. The add-in's
 * earlier flags are removed first, so that flagging twice equals once and clearing restores the
 * user's parts; every part the add-in does not own is copied byte for byte (package-edit.ts).
 */
import type { FlagPlan } from '../../core/flag-plan';
import { isOwnSheetName } from '../../core/header';
import type { OwnedSheet } from '../../core/owned-sheets';
import { HELPER_SHEET, RESULT_SHEETS, SETTINGS_SHEET, type FlagStyleName } from '../../core/presentation';
import type { HostNotice } from '../../port/workbook-port';
import { chartXml, drawingXml } from './chart-xml';
import { dxfIdsIn, dxfXml, flagFormats, formatsXml, sheetFormats, type SheetFormats } from './flags-xml';
import { CONTENT_TYPE } from './namespaces';
import { editNotes, elementPrefix, VmlBlocks } from './notes-edit';
import { typeTail } from './opc';
import { fileLinkTarget, helperSheetXml, OWNED_FORMATS, ownedSheetXml, settingsSheetXml, type OwnedFormat } from './owned-sheet-xml';
import { PackageEdit } from './package-edit';
import type { SheetEntry, XlsxPackage } from './package';
import type { SheetLayout } from './sheet-reader';
import { insertionPoint } from './sheet-order';
import { splicedStream, textSource, type Splice, type Text } from './splice';
import { StylesEdit } from './styles-edit';
import { WorkbookEdit } from './workbook-edit';
import { attrLocal, childrenNamed } from './xml-tree';
import { writeZip } from './zip-write';

/** What the add-in wants in the book; undefined fields leave the book as it is. */
export interface Desired {
  /** A plan (empty to clear): every earlier flag removed, these written. */
  flags?: FlagPlan;
  readonly owned: Map<string, OwnedSheet>;
  /** The result sheets were written: any of RESULT_SHEETS not in `owned` is removed. */
  ownedWritten?: boolean;
  settings?: string;
}

/** Parts an old "KQ" sheet may use that are the add-in's own kind: replaced without a word. */
const REPLACEABLE = new Set(['', 'table', 'drawing', 'chart', 'chartStyle', 'chartColorStyle', 'printerSettings', 'chartUserShapes']);
const FLAG_STYLES: readonly FlagStyleName[] = ['overdue', 'unassigned', 'error', 'warning'];

class BookWriter {
  readonly edit: PackageEdit;
  readonly workbook: WorkbookEdit;
  readonly notices: HostNotice[] = [];
  private styles!: StylesEdit;
  private readonly blocks: VmlBlocks;
  private tableIds: number[] | null = null;
  private tableNames: Set<string> | null = null;
  private calcChainChecked = false;

  constructor(
    readonly pkg: XlsxPackage,
    readonly layouts: ReadonlyMap<string, SheetLayout>,
  ) {
    this.edit = new PackageEdit(pkg);
    this.workbook = new WorkbookEdit(pkg, this.edit);
    this.blocks = new VmlBlocks(pkg);
  }

  private encode = (s: string): Uint8Array => this.pkg.platform.encode(s);

  private sheetNamed(name: string): SheetEntry | undefined {
    const key = name.toLowerCase();
    return this.pkg.sheets.find((s) => s.name.toLowerCase() === key);
  }

  private userWorksheets(): SheetEntry[] {
    return this.pkg.sheets.filter((s) => s.type === 'worksheet' && s.part !== null && !isOwnSheetName(s.name));
  }

  async run(desired: Desired): Promise<Uint8Array> {
    this.styles = await StylesEdit.open(this.pkg, this.edit);
    if (desired.flags) await this.flags(desired.flags);
    // Every old sheet's parts go before any new one is numbered, so that numbers repeat run after run.
    for (const s of desired.owned.values()) {
      const old = this.sheetNamed(s.name);
      if (old && old.type === 'worksheet' && old.part) await this.dropRelated(old.part, old.name);
    }
    for (const s of desired.owned.values()) await this.ownedSheet(s);
    if (desired.ownedWritten) {
      for (const name of RESULT_SHEETS) {
        const old = desired.owned.has(name) ? undefined : this.sheetNamed(name);
        if (old) await this.removeSheet(old);
      }
    }
    if (desired.settings !== undefined) await this.putSheet(SETTINGS_SHEET, settingsSheetXml(desired.settings, this.pkg.ns.main, this.pkg.ns.r), 'veryHidden', 0);
    await this.styles.finish();
    this.workbook.finish();
    return writeZip(this.pkg.zip, await this.edit.finish(), this.pkg.platform);
  }

  // ------------------------------------------------------------------ flags

  /** dxf ids that something other than the add-in's rules uses. */
  private async usedDxfIds(formats: ReadonlyMap<string, SheetFormats>): Promise<Set<number>> {
    const used = new Set<number>();
    for (const f of formats.values()) for (const id of f.userDxfIds) used.add(id);
    for (const e of this.pkg.zip.entries) {
      const type = this.pkg.contentType(e.name) ?? '';
      if (!/table\+xml$|pivotTable\+xml$/.test(type)) continue;
      const bytes = await this.pkg.bytes(e.name);
      if (bytes) dxfIdsIn(this.pkg.platform.utf8(bytes, 0, bytes.length), used);
    }
    dxfIdsIn(this.styles.referencingText(), used);
    return used;
  }

  private async flags(plan: FlagPlan): Promise<void> {
    const sheets = this.userWorksheets();
    const formats = new Map<string, SheetFormats>();
    for (const s of sheets) {
      const layout = this.layouts.get(s.part!);
      if (layout) formats.set(s.part!, sheetFormats(layout.children, this.pkg.platform, s.part!));
    }
    const p = this.styles.prefix;
    this.styles.dropUnusedTrailing(new Set(FLAG_STYLES.map((n) => dxfXml(n, p))), await this.usedDxfIds(formats));
    const dxfIds = new Map<FlagStyleName, number>();
    const dxf = (name: FlagStyleName) => {
      if (!dxfIds.has(name)) dxfIds.set(name, this.styles.dxf(dxfXml(name, p)));
      return dxfIds.get(name)!;
    };
    const planned = new Map(plan.sheets.map((s) => [s.sheet, { s }]));
    let live = false;
    for (const entry of sheets) {
      const part = entry.part!;
      const layout = this.layouts.get(part);
      const f = formats.get(part);
      if (!layout || !f) continue;
      const mine = planned.get(entry.name);
      const splices: Splice[] = f.ours.map((o) => ({ start: o.start, end: o.end, insert: '' }));
      const wanted = mine ? flagFormats(mine.s) : [];
      if (wanted.length > 0) {
        for (const w of wanted) dxf(w.style);
        const at = f.lastUserEnd >= 0 ? f.lastUserEnd : insertionPoint(layout, 'conditionalFormatting', false);
        splices.push({ start: at, end: at, insert: formatsXml(wanted, dxfIds, f.maxUserPriority + 1, elementPrefix(layout)) });
      }
      live ||= (mine?.s.recordBlocks.length ?? 0) > 0;
      const notes = await editNotes({ pkg: this.pkg, edit: this.edit, blocks: this.blocks }, part, layout, mine?.s.marks ?? []);
      splices.push(...notes.splices);
      if (splices.length > 0) {
        const size = this.pkg.zip.get(part)!.size;
        this.edit.writeStream(part, () => splicedStream(this.pkg.chunks(part), splices, this.encode), size);
      }
    }
    // The overdue rules read text dates from the helper sheet, so it exists exactly when they do.
    if (live) {
      const rows = plan.sheets.reduce((n, p) => n + p.helperCells.length, 0);
      await this.putSheet(HELPER_SHEET, helperSheetXml(plan, this.pkg.ns.main, this.pkg.ns.r), 'veryHidden', rows * 40);
    }
    else {
      const old = this.sheetNamed(HELPER_SHEET);
      if (old) await this.removeSheet(old);
    }
  }

  // ------------------------------------------------------------------ sheets

  /** Parts reached from `part`'s relationships are removed; any the add-in would not have written is told. */
  private async dropRelated(part: string, sheet: string): Promise<void> {
    const rels = await this.edit.rels(part);
    for (const r of rels.originals()) {
      rels.remove(r.id);
      if (r.external || !r.part || !this.edit.exists(r.part)) continue;
      for (const gone of await this.edit.removeTree(r.part, typeTail(r.type))) {
        if (!REPLACEABLE.has(gone.type)) this.notices.push({ kind: 'not-kept', part: gone.part, what: gone.type || sheet });
      }
    }
  }

  private async removeSheet(entry: SheetEntry): Promise<void> {
    await this.dropCalcChainFor(entry);
    (await this.edit.rels(this.pkg.workbookPart)).remove(entry.rId);
    this.workbook.removeSheet(entry);
    if (entry.part) {
      await this.dropRelated(entry.part, entry.name);
      this.edit.remove(entry.part);
    }
  }

  /**
   * Write a sheet of the add-in's: in place of the old one of that name (same tab, same part), or
   * added after the others. Returns its part.
   */
  private async putSheet(name: string, text: Text, state: 'visible' | 'veryHidden', sizeHint: number): Promise<string> {
    const old = this.sheetNamed(name);
    if (old && old.type === 'worksheet' && old.part) {
      await this.dropCalcChainFor(old);
      await this.dropRelated(old.part, old.name);
      this.edit.writeStream(old.part, textSource(text, this.encode), sizeHint);
      return old.part;
    }
    if (old) await this.removeSheet(old);
    const part = this.edit.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    this.edit.writeStream(part, textSource(text, this.encode), sizeHint, CONTENT_TYPE.worksheet);
    const rId = await this.edit.relate(this.pkg.workbookPart, `${this.pkg.ns.relTypes}worksheet`, part);
    this.workbook.addSheet({ name: old?.name ?? name, state, rId });
    return part;
  }

  /** Ids and names (folded to lower case) of the tables that stay, and the workbook's defined names: a table's name must differ from all. */
  private async tables(): Promise<{ ids: number[]; names: Set<string> }> {
    if (!this.tableIds) {
      this.tableIds = [];
      this.tableNames = new Set();
      for (const e of this.pkg.zip.entries) {
        if (this.pkg.contentType(e.name) !== CONTENT_TYPE.table || !this.edit.exists(e.name)) continue;
        const doc = await this.pkg.xml(e.name);
        const id = Number(doc ? attrLocal(doc.root, 'id') : 0);
        if (Number.isInteger(id)) this.tableIds.push(id);
        for (const n of [attrLocal(doc!.root, 'name'), attrLocal(doc!.root, 'displayName')]) if (n) this.tableNames.add(n.toLowerCase());
      }
      for (const dn of childrenNamed(this.pkg.workbook.root, 'definedNames').flatMap((d) => childrenNamed(d, 'definedName'))) {
        const n = attrLocal(dn, 'name');
        if (n) this.tableNames.add(n.toLowerCase());
      }
    }
    return { ids: this.tableIds, names: this.tableNames! };
  }

  private async nextTable(wanted: string): Promise<{ id: number; name: string }> {
    const { ids, names } = await this.tables();
    const id = Math.max(0, ...ids) + 1;
    ids.push(id);
    let name = wanted;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
    names.add(name.toLowerCase());
    return { id, name };
  }

  private async ownedSheet(s: OwnedSheet): Promise<void> {
    const ns = this.pkg.ns;
    const styles = {} as Record<OwnedFormat, number>;
    for (const k of Object.keys(OWNED_FORMATS) as OwnedFormat[]) styles[k] = this.styles.cellXf(OWNED_FORMATS[k]);
    // The sheet's part first (in place of an old one), then the parts it relates to.
    const part = await this.putSheet(s.name, '', 'visible', 0);
    const table = await this.nextTable(s.tableName);
    const tablePart = this.edit.freeName((n) => `xl/tables/table${n}.xml`);
    const tableRId = await this.edit.relate(part, `${ns.relTypes}table`, tablePart);
    const chart = chartXml(s, ns);
    let drawingRId: string | null = null;
    if (chart !== null) {
      const chartPart = this.edit.freeName((n) => `xl/charts/chart${n}.xml`);
      const drawingPart = this.edit.freeName((n) => `xl/drawings/drawing${n}.xml`);
      this.edit.write(chartPart, this.encode(chart), CONTENT_TYPE.chart);
      const chartRId = await this.edit.relate(drawingPart, `${ns.relTypes}chart`, chartPart);
      this.edit.write(drawingPart, this.encode(drawingXml(s, chartRId, ns)), CONTENT_TYPE.drawing);
      drawingRId = await this.edit.relate(part, `${ns.relTypes}drawing`, drawingPart);
    }
    // Links into another book (several books, SPEC §7): one external relationship each, as Excel writes them.
    const fileLinkRIds = new Map<number, string>();
    const rels = await this.edit.rels(part);
    for (const [k, l] of s.links.entries()) {
      if (l.file !== undefined) fileLinkRIds.set(k, rels.add(`${ns.relTypes}hyperlink`, fileLinkTarget(l.file), true));
    }
    // A user's table (or defined name) already called so keeps its name; ours takes a suffix.
    const xml = ownedSheetXml({ ...s, tableName: table.name }, styles, { tableRId, drawingRId, tableId: table.id, main: ns.main, r: ns.r, fileLinkRIds });
    this.edit.write(tablePart, this.encode(xml.tableXml), CONTENT_TYPE.table);
    this.edit.writeStream(part, textSource(xml.sheet, this.encode), s.rows.length * s.columns.length * 60);
  }

  /**
   * Excel's calculation chain lists formula cells by sheet; when a sheet that has some is replaced
   * or removed, the chain (a cache Excel rebuilds) is dropped rather than left pointing at cells
   * that are no longer formulas.
   */
  private async dropCalcChainFor(entry: SheetEntry): Promise<void> {
    if (this.calcChainChecked) return;
    const rel = this.pkg.workbookRels.list.find((r) => typeTail(r.type) === 'calcChain' && r.part && this.pkg.has(r.part));
    if (!rel) return;
    const doc = await this.pkg.xml(rel.part!);
    let sheet = 0;
    let hit = false;
    for (const c of doc ? childrenNamed(doc.root, 'c') : []) {
      const i = c.attrs.get('i');
      if (i !== undefined) sheet = Number(i);
      if (sheet === entry.sheetId) {
        hit = true;
        break;
      }
    }
    if (!hit) return;
    this.calcChainChecked = true;
    (await this.edit.rels(this.pkg.workbookPart)).remove(rel.id);
    this.edit.remove(rel.part!);
  }
}

export async function buildPackage(pkg: XlsxPackage, layouts: ReadonlyMap<string, SheetLayout>, desired: Desired): Promise<{ bytes: Uint8Array; notices: HostNotice[] }> {
  const writer = new BookWriter(pkg, layouts);
  const bytes = await writer.run(desired);
  return { bytes, notices: writer.notices };
}
