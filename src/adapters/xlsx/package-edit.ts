/**
 * The changes to a package, gathered before anything is written: parts written, replaced or
 * removed, relationships added or removed, content types. finish() turns them into the zip's entry
 * list: original entries in their order (copied, or replaced in their place), then new ones.
 */
import { CONTENT_TYPE, PACKAGE_RELS_NS } from './namespaces';
import { relsPartOf, relativeTarget, typeTail, type Relationship, type Rels } from './opc';
import type { XlsxPackage } from './package';
import { applySplices, type Splice, type Text } from './splice';
import { escapeAttr } from './xml-text';
import type { XmlElement } from './xml-tree';
import type { OutPart } from './zip-write';

type Content = { readonly kind: 'data'; readonly data: Uint8Array } | { readonly kind: 'stream'; readonly source: () => AsyncIterable<Uint8Array>; readonly sizeHint: number };

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class RelsEdit {
  private readonly removedIds = new Set<string>();
  private readonly added: { id: string; type: string; target: string; external: boolean }[] = [];

  constructor(
    readonly source: string,
    readonly original: Rels,
  ) {}

  /** Relationships after the edits (original ones not removed, then added ones). */
  current(): { id: string; type: string; target: string; part: string | null }[] {
    return [
      ...this.original.list.filter((r) => !this.removedIds.has(r.id)).map((r) => ({ id: r.id, type: r.type, target: r.target, part: r.part })),
      ...this.added.map((a) => ({ id: a.id, type: a.type, target: a.target, part: null })),
    ];
  }

  originals(): readonly Relationship[] {
    return this.original.list.filter((r) => !this.removedIds.has(r.id));
  }

  remove(id: string): void {
    const i = this.added.findIndex((a) => a.id === id);
    if (i >= 0) this.added.splice(i, 1);
    else this.removedIds.add(id);
  }

  /** Add a relationship; its id is the next free "rIdN" after the highest in use. An external target is a URI outside the package. */
  add(type: string, target: string, external = false): string {
    let max = 0;
    for (const r of this.current()) {
      const m = /^rId(\d+)$/.exec(r.id);
      if (m) max = Math.max(max, Number(m[1]));
    }
    const id = `rId${max + 1}`;
    this.added.push({ id, type, target, external });
    return id;
  }

  get changed(): boolean {
    return this.removedIds.size > 0 || this.added.length > 0;
  }

  /** The rels part's new bytes, or null when it should be removed (nothing left in it). */
  bytes(encode: (s: string) => Uint8Array, decode: (b: Uint8Array, s: number, e: number) => string): Uint8Array | null {
    const remaining = this.current();
    if (remaining.length === 0) return null;
    const doc = this.original.doc;
    const prefix = doc && doc.root.prefix ? `${doc.root.prefix}:` : '';
    const added = this.added
      .map((a) => `<${prefix}Relationship Id="${escapeAttr(a.id)}" Type="${escapeAttr(a.type)}" Target="${escapeAttr(a.target)}"${a.external ? ' TargetMode="External"' : ''}/>`)
      .join('');
    if (!doc) return encode(`${XML_DECL}<Relationships xmlns="${PACKAGE_RELS_NS}">${added}</Relationships>`);
    const splices: Splice[] = [];
    for (const r of this.original.list) if (this.removedIds.has(r.id)) splices.push({ start: r.el.start, end: r.el.end, insert: '' });
    if (added) splices.push(closeInsert(doc.root, added, (st, en) => decode(doc.bytes, st, en)));
    return applySplices(doc.bytes, splices, encode);
  }
}

/** Insert before the end tag of `el`, expanding a self-closing tag; `raw` gives the document's text of a byte range. */
export function closeInsert(el: XmlElement, xml: Text, raw: (start: number, end: number) => string): Splice {
  if (!el.selfClosing) return { start: el.closeStart, end: el.closeStart, insert: xml };
  // "<x a='1'/>" becomes "<x a='1'>…</x>": the start tag is rewritten without its slash.
  const tag = raw(el.start, el.end).replace(/\s*\/>$/, '>');
  const end = `</${el.name}>`;
  return { start: el.start, end: el.end, insert: typeof xml === 'string' ? `${tag}${xml}${end}` : () => [tag, ...xml(), end] };
}

export class PackageEdit {
  private readonly content = new Map<string, { name: string; content: Content }>();
  private readonly removed = new Map<string, string>();
  private readonly overrides = new Map<string, { name: string; type: string | null }>();
  private readonly relsEdits = new Map<string, RelsEdit>();
  private referenceCounts: Map<string, number> | null = null;

  constructor(readonly pkg: XlsxPackage) {}

  private key(part: string): string {
    return part.toLowerCase();
  }

  /** Whether the part exists after the edits. */
  exists(part: string): boolean {
    const k = this.key(part);
    if (this.content.has(k)) return true;
    return this.pkg.has(part) && !this.removed.has(k);
  }

  write(part: string, data: Uint8Array, contentType?: string): void {
    const k = this.key(part);
    this.removed.delete(k);
    this.content.set(k, { name: part, content: { kind: 'data', data } });
    if (contentType) this.setOverride(part, contentType);
  }

  /** A part whose content is made while the zip is written (a patched sheet, a large generated one). */
  writeStream(part: string, source: () => AsyncIterable<Uint8Array>, sizeHint: number, contentType?: string): void {
    const k = this.key(part);
    this.removed.delete(k);
    this.content.set(k, { name: part, content: { kind: 'stream', source, sizeHint } });
    if (contentType) this.setOverride(part, contentType);
  }

  /** Remove a part, its content-type override and its relationships part. */
  remove(part: string): void {
    const k = this.key(part);
    this.content.delete(k);
    if (this.pkg.has(part)) this.removed.set(k, part);
    this.setOverride(part, null);
    const rels = relsPartOf(part);
    if (this.pkg.has(rels) || this.content.has(this.key(rels))) {
      this.content.delete(this.key(rels));
      if (this.pkg.has(rels)) this.removed.set(this.key(rels), rels);
    }
    this.relsEdits.delete(this.key(part));
  }

  setOverride(part: string, type: string | null): void {
    this.overrides.set(this.key(part), { name: part, type });
  }

  async rels(source: string): Promise<RelsEdit> {
    const k = this.key(source);
    let edit = this.relsEdits.get(k);
    if (!edit) {
      const original: Rels = this.pkg.has(source) && !this.removed.has(k) ? await this.pkg.rels(source) : { part: relsPartOf(source), source, doc: null, list: [] };
      edit = new RelsEdit(source, original);
      this.relsEdits.set(k, edit);
    }
    return edit;
  }

  /** Relationship from `source` to `part`, with a target relative to the source's folder. */
  async relate(source: string, type: string, part: string): Promise<string> {
    return (await this.rels(source)).add(type, relativeTarget(source, part));
  }

  /** The first free part name of a family: "xl/tables/table3.xml". */
  freeName(make: (n: number) => string, taken: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!this.exists(name) && !taken.has(name.toLowerCase())) return name;
    }
  }

  /** How many relationships (from parts that remain) point at each part: parts still used elsewhere are never removed. */
  private async references(): Promise<Map<string, number>> {
    if (this.referenceCounts) return this.referenceCounts;
    const counts = new Map<string, number>();
    for (const e of this.pkg.zip.entries) {
      if (!e.key.endsWith('.rels')) continue;
      const source = e.name.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, '$1$2');
      const rels = await this.pkg.rels(source);
      for (const r of rels.list) if (r.part) counts.set(this.key(r.part), (counts.get(this.key(r.part)) ?? 0) + 1);
    }
    this.referenceCounts = counts;
    return counts;
  }

  /**
   * Remove a part and what only it uses (its relationships' targets, recursively, unless another
   * part points at them too). Returns the removed parts with the type of the relationship that
   * reached them.
   */
  async removeTree(part: string, via = ''): Promise<{ part: string; type: string }[]> {
    const counts = await this.references();
    const out: { part: string; type: string }[] = [{ part, type: via }];
    const rels = this.pkg.has(part) ? await this.pkg.rels(part) : null;
    this.remove(part);
    for (const r of rels?.list ?? []) {
      if (r.external || !r.part || !this.exists(r.part)) continue;
      const k = this.key(r.part);
      const n = (counts.get(k) ?? 0) - 1;
      counts.set(k, n);
      if (n <= 0) out.push(...(await this.removeTree(r.part, typeTail(r.type))));
    }
    return out;
  }

  /** The zip's entries: the original ones in order (copied, replaced or dropped), then new ones. */
  async finish(): Promise<OutPart[]> {
    const encode = (s: string) => this.pkg.platform.encode(s);
    for (const [k, edit] of this.relsEdits) {
      if (!edit.changed) continue;
      if (this.removed.has(k)) continue;
      const relsPart = relsPartOf(edit.source);
      const bytes = edit.bytes(encode, (b, st, en) => this.pkg.platform.utf8(b, st, en));
      if (bytes === null) this.remove2(relsPart);
      else {
        this.write(relsPart, bytes);
        if (!this.pkg.contentType(relsPart)) this.setOverride(relsPart, CONTENT_TYPE.rels);
      }
    }
    this.writeContentTypes(encode);
    const parts: OutPart[] = [];
    const done = new Set<string>();
    for (const e of this.pkg.zip.entries) {
      const k = e.key;
      done.add(k);
      if (this.removed.has(k)) continue;
      const c = this.content.get(k);
      if (!c) parts.push({ kind: 'copy', entry: e });
      else parts.push(toOut(e.name, c.content));
    }
    for (const [k, c] of this.content) if (!done.has(k)) parts.push(toOut(c.name, c.content));
    return parts;
  }

  /** Remove only the part itself (a relationships part left empty). */
  private remove2(part: string): void {
    const k = this.key(part);
    this.content.delete(k);
    if (this.pkg.has(part)) this.removed.set(k, part);
    this.setOverride(part, null);
  }

  private writeContentTypes(encode: (s: string) => Uint8Array): void {
    const ct = this.pkg.contentTypes;
    const splices: Splice[] = [];
    const adds: string[] = [];
    for (const [k, o] of this.overrides) {
      const existing = ct.overrides.get(k);
      const stays = o.type !== null && this.exists(o.name);
      if (existing && (!stays || existing.type !== o.type)) splices.push({ start: existing.el.start, end: existing.el.end, insert: '' });
      if (stays && (!existing || existing.type !== o.type)) {
        const byDefault = ct.defaults.get(o.name.slice(o.name.lastIndexOf('.') + 1).toLowerCase())?.type;
        if (existing || byDefault !== o.type) adds.push(`<Override PartName="/${escapeAttr(o.name)}" ContentType="${escapeAttr(o.type!)}"/>`);
      }
    }
    if (splices.length === 0 && adds.length === 0) return;
    if (!ct.doc) {
      const xml = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>${adds.join('')}</Types>`;
      this.write('[Content_Types].xml', encode(xml));
      return;
    }
    const root = ct.doc.root;
    const prefix = root.prefix ? `${root.prefix}:` : '';
    if (adds.length > 0) splices.push(closeInsert(root, adds.join('').replace(/<Override /g, `<${prefix}Override `), (s, e) => this.pkg.platform.utf8(ct.doc!.bytes, s, e)));
    this.write('[Content_Types].xml', applySplices(ct.doc.bytes, splices, encode));
  }
}

function toOut(name: string, c: Content): OutPart {
  return c.kind === 'data' ? { kind: 'data', name, data: c.data } : { kind: 'stream', name, source: c.source, sizeHint: c.sizeHint };
}
