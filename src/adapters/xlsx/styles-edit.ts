/**
 * The add-in's styles, added to the styles part: the differential formats of its flags (dxfs) and
 * the cell formats of its own sheets (fonts, the "0.0" number format, cellXfs). An entry equal to
 * one the part already holds is reused, so that annotating an annotated copy adds nothing; the
 * flags' dxfs at the end of the list are removed again when no rule uses them any more.
 */
import { CONTENT_TYPE } from './namespaces';
import type { PackageEdit } from './package-edit';
import { closeInsert } from './package-edit';
import type { XlsxPackage } from './package';
import { applySplices, type Splice } from './splice';
import { escapeAttr } from './xml-text';
import { childrenNamed, firstChild, parseXml, type XmlDoc, type XmlElement } from './xml-tree';

/** CT_Stylesheet's element order, for placing a container the part lacks. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

type Container = 'numFmts' | 'fonts' | 'cellXfs' | 'dxfs';

export interface CellFormat {
  readonly numFmt: string | null;
  readonly font: { readonly bold?: boolean; readonly size?: number; readonly color?: string; readonly underline?: boolean } | null;
}

const BUILT_IN_FORMATS: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '@': 49 };

function minimalStyles(main: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${main}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

export class StylesEdit {
  private readonly doc: XmlDoc;
  private readonly created: boolean;
  private readonly p: string;
  private readonly existing = new Map<Container, string[]>();
  private readonly added = new Map<Container, string[]>();
  /** dxfs at the end of the list that go (the add-in's own from an earlier run, no longer used). */
  private dropDxfs = 0;
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly edit: PackageEdit,
    doc: XmlDoc | null,
  ) {
    this.created = doc === null;
    this.doc = doc ?? parseXml(pkg.platform.encode(minimalStyles(pkg.ns.main)), pkg.platform, 'xl/styles.xml');
    this.p = this.doc.root.prefix ? `${this.doc.root.prefix}:` : '';
    for (const c of ['numFmts', 'fonts', 'cellXfs', 'dxfs'] as const) {
      const el = firstChild(this.doc.root, c);
      this.existing.set(c, el ? el.children.map((k) => this.raw(k)) : []);
      this.added.set(c, []);
    }
    const numFmts = firstChild(this.doc.root, 'numFmts');
    for (const f of numFmts ? childrenNamed(numFmts, 'numFmt') : []) {
      const id = Number(f.attrs.get('numFmtId'));
      const code = f.attrs.get('formatCode') ?? '';
      if (!this.customFormats.has(code)) this.customFormats.set(code, id);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  static async open(pkg: XlsxPackage, edit: PackageEdit): Promise<StylesEdit> {
    return new StylesEdit(pkg, edit, pkg.stylesPart ? await pkg.xml(pkg.stylesPart) : null);
  }

  /** The element prefix of the styles part ("" or "x:"). */
  get prefix(): string {
    return this.p;
  }

  private raw(el: XmlElement): string {
    return this.pkg.platform.utf8(this.doc.bytes, el.start, el.end);
  }

  /** The text of every part of the styles part that may name a dxf (table and slicer styles). */
  referencingText(): string {
    const dxfs = firstChild(this.doc.root, 'dxfs');
    const text = this.pkg.platform.utf8(this.doc.bytes, 0, this.doc.bytes.length);
    if (!dxfs) return text;
    return text.slice(0, this.charAt(dxfs.start)) + text.slice(this.charAt(dxfs.end));
  }

  private charAt(byte: number): number {
    return this.pkg.platform.utf8(this.doc.bytes, 0, byte).length;
  }

  /**
   * Drop the trailing dxfs that equal the add-in's own (from an earlier run) and that nothing in
   * `used` refers to, before any is looked up.
   */
  dropUnusedTrailing(ours: ReadonlySet<string>, used: ReadonlySet<number>): void {
    const list = this.existing.get('dxfs')!;
    let n = 0;
    for (let i = list.length - 1; i >= 0 && ours.has(list[i]!) && !used.has(i); i--) n++;
    this.dropDxfs = n;
  }

  private index(container: Container, xml: string): number {
    const list = this.existing.get(container)!;
    const kept = container === 'dxfs' ? list.length - this.dropDxfs : list.length;
    const found = list.indexOf(xml);
    if (found >= 0 && found < kept) return found;
    const added = this.added.get(container)!;
    const again = added.indexOf(xml);
    if (again >= 0) return kept + again;
    added.push(xml);
    return kept + added.length - 1;
  }

  dxf(xml: string): number {
    return this.index('dxfs', xml);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.index('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A font like the book's default one (its name, family, charset, scheme) with these changes. */
  private fontXml(f: NonNullable<CellFormat['font']>): string {
    const p = this.p;
    const base = firstChild(this.doc.root, 'fonts')?.children[0];
    const keep = base ? base.children.filter((c) => ['name', 'family', 'charset', 'scheme'].includes(c.local)).map((c) => this.raw(c)).join('') : '';
    const size = f.size ?? Number(base ? (firstChild(base, 'sz')?.attrs.get('val') ?? 11) : 11);
    return (
      `<${p}font>${f.bold ? `<${p}b/>` : ''}${f.underline ? `<${p}u/>` : ''}<${p}sz val="${size}"/>` +
      `${f.color ? `<${p}color rgb="${f.color}"/>` : ''}${keep}</${p}font>`
    );
  }

  /** The cellXfs index of a cell format. */
  cellXf(format: CellFormat): number {
    const fmt = format.numFmt === null ? 0 : this.numFmtId(format.numFmt);
    const font = format.font === null ? 0 : this.index('fonts', this.fontXml(format.font));
    const p = this.p;
    return this.index(
      'cellXfs',
      `<${p}xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`,
    );
  }

  async finish(): Promise<void> {
    const changed = this.dropDxfs > 0 || [...this.added.values()].some((a) => a.length > 0);
    if (!changed) return;
    const platform = this.pkg.platform;
    const raw = (s: number, e: number) => platform.utf8(this.doc.bytes, s, e);
    const splices: Splice[] = [];
    const missing = new Map<number, string>();
    for (const c of ['numFmts', 'fonts', 'cellXfs', 'dxfs'] as const) {
      const added = this.added.get(c)!;
      const drop = c === 'dxfs' ? this.dropDxfs : 0;
      if (added.length === 0 && drop === 0) continue;
      const el = firstChild(this.doc.root, c);
      const count = this.existing.get(c)!.length - drop + added.length;
      if (!el) {
        missing.set(ORDER.indexOf(c), `<${this.p}${c} count="${count}">${added.join('')}</${this.p}${c}>`);
        continue;
      }
      if (count === 0) {
        // Excel's own form of an empty list.
        splices.push({ start: el.start, end: el.end, insert: `<${el.name} count="0"/>` });
        continue;
      }
      if (drop > 0) {
        const first = el.children[el.children.length - drop]!;
        splices.push({ start: first.start, end: el.children[el.children.length - 1]!.end, insert: '' });
      }
      const tag = raw(el.start, el.openEnd).replace(/(\scount\s*=\s*)(["'])\d*\2/, `$1$2${count}$2`);
      if (el.selfClosing) {
        splices.push({ start: el.start, end: el.end, insert: `${tag.replace(/\s*\/>$/, '>')}${added.join('')}</${el.name}>` });
      } else {
        if (tag !== raw(el.start, el.openEnd)) splices.push({ start: el.start, end: el.openEnd, insert: tag });
        if (added.length > 0) splices.push({ start: el.closeStart, end: el.closeStart, insert: added.join('') });
      }
    }
    for (const [order, xml] of missing) {
      const next = this.doc.root.children.find((k) => ORDER.indexOf(k.local) > order);
      splices.push(next ? { start: next.start, end: next.start, insert: xml } : closeInsert(this.doc.root, xml, raw));
    }
    const bytes = applySplices(this.doc.bytes, splices, (s) => platform.encode(s));
    if (this.created) {
      // The book had no styles part: it gets one, related to the workbook.
      const part = this.edit.freeName((n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
      this.edit.write(part, bytes, CONTENT_TYPE.styles);
      await this.edit.relate(this.pkg.workbookPart, `${this.pkg.ns.relTypes}styles`, part);
    } else {
      this.edit.write(this.pkg.stylesPart!, bytes);
    }
  }
}
