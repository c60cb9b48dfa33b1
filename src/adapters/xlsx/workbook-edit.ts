/**
 * Changes to the workbook part: sheets the add-in adds at the end of the tab list, or removes. A
 * removed sheet shifts what counts sheets by position (sheet-scoped names' localSheetId, the active
 * and first visible tab), so that every name and view of the user's keeps pointing where it did.
 */
import type { PackageEdit } from './package-edit';
import { closeInsert } from './package-edit';
import type { SheetEntry, XlsxPackage } from './package';
import { applySplices, type Splice } from './splice';
import { escapeAttr } from './xml-text';
import { childrenNamed, firstChild, prefixFor, type XmlElement } from './xml-tree';

/** CT_Workbook's element order (ECMA-376 Part 1, §18.2.27). */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

export interface NewSheet {
  readonly name: string;
  readonly state: 'visible' | 'veryHidden';
  readonly rId: string;
}

export class WorkbookEdit {
  private readonly removed = new Set<SheetEntry>();
  private readonly added: NewSheet[] = [];

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly edit: PackageEdit,
  ) {}

  removeSheet(entry: SheetEntry): void {
    this.removed.add(entry);
  }

  addSheet(sheet: NewSheet): void {
    this.added.push(sheet);
  }

  /** The next sheetId: above every id the book keeps. */
  nextSheetId(): number {
    let max = 0;
    for (const s of this.pkg.sheets) if (!this.removed.has(s)) max = Math.max(max, s.sheetId);
    return max + 1 + this.added.length;
  }

  finish(): void {
    if (this.removed.size === 0 && this.added.length === 0) return;
    const doc = this.pkg.workbook;
    const raw = (s: number, e: number) => this.pkg.platform.utf8(doc.bytes, s, e);
    const splices: Splice[] = [];
    const positions = this.pkg.sheets.map((s) => this.removed.has(s));
    /** New position of a sheet index, after the removed sheets before it. */
    const shift = (index: number): number => {
      let n = 0;
      for (let i = 0; i < index && i < positions.length; i++) if (positions[i]) n++;
      return index - n;
    };
    for (const s of this.removed) splices.push({ start: s.el.start, end: s.el.end, insert: '' });
    if (this.removed.size > 0) {
      const names = firstChild(doc.root, 'definedNames');
      for (const dn of names ? childrenNamed(names, 'definedName') : []) {
        const local = dn.attrs.get('localSheetId');
        if (local === undefined) continue;
        const index = Number(local);
        if (positions[index]) splices.push({ start: dn.start, end: dn.end, insert: '' });
        else if (shift(index) !== index) splices.push(attributeSplice(dn, 'localSheetId', String(shift(index)), raw));
      }
      const views = firstChild(doc.root, 'bookViews');
      for (const v of views ? childrenNamed(views, 'workbookView') : []) {
        let tag = raw(v.start, v.openEnd);
        for (const attr of ['activeTab', 'firstSheet']) {
          const value = v.attrs.get(attr);
          if (value === undefined) continue;
          const next = Math.max(0, Math.min(shift(Number(value)), this.pkg.sheets.length - this.removed.size + this.added.length - 1));
          if (next !== Number(value)) tag = replaceAttr(tag, attr, String(next));
        }
        if (tag !== raw(v.start, v.openEnd)) splices.push({ start: v.start, end: v.openEnd, insert: tag });
      }
    }
    if (this.added.length > 0) {
      const sheets = firstChild(doc.root, 'sheets');
      const parent = sheets ?? doc.root;
      const prefix = parent.prefix ? `${parent.prefix}:` : '';
      const rPrefix = prefixFor(parent, this.pkg.ns.r);
      const rAttr = rPrefix ? `${rPrefix}:id` : 'r:id';
      const rDecl = rPrefix ? '' : ` xmlns:r="${this.pkg.ns.r}"`;
      let id = this.nextSheetId() - this.added.length;
      const xml = this.added
        .map((s) => `<${prefix}sheet name="${escapeAttr(s.name)}" sheetId="${id++}"${s.state === 'visible' ? '' : ` state="${s.state}"`}${rDecl} ${rAttr}="${escapeAttr(s.rId)}"/>`)
        .join('');
      if (sheets) splices.push(closeInsert(sheets, xml, raw));
      else {
        // A workbook without a <sheets> list (an empty book): it gets one where CT_Workbook wants it.
        const next = doc.root.children.find((c) => WORKBOOK_ORDER.indexOf(c.local) > WORKBOOK_ORDER.indexOf('sheets'));
        const at = next ? next.start : doc.root.closeStart;
        splices.push({ start: at, end: at, insert: `<${prefix}sheets>${xml}</${prefix}sheets>` });
      }
    }
    this.edit.write(this.pkg.workbookPart, applySplices(doc.bytes, splices, (s) => this.pkg.platform.encode(s)));
  }
}

function replaceAttr(tag: string, name: string, value: string): string {
  return tag.replace(new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`), `$1$2${value}$2`);
}

function attributeSplice(el: XmlElement, name: string, value: string, raw: (s: number, e: number) => string): Splice {
  return { start: el.start, end: el.openEnd, insert: replaceAttr(raw(el.start, el.openEnd), name, value) };
}
