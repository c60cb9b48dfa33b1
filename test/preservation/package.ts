/**
 * An .xlsx/.xlsm package as the tests see it: its parts by name (decompressed bytes, read with fflate,
 * not with the project's reader), its relationships resolved to part names, its content types and
 * its sheets. Written from ECMA-376 Part 2 (OPC), independently of src/.
 */
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type Parts = ReadonlyMap<string, Uint8Array>;

/** Names in the zip's central directory, in order, repeats included. */
export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  const names: string[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('damaged central directory');
    const nameLength = view.getUint16(p + 28, true);
    names.push(strFromU8(zip.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

export function readPackage(zip: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(zip);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

export function text(parts: Parts, name: string): string {
  const data = parts.get(name);
  if (data === undefined) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

export function parseXml(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error('not XML');
  return doc.documentElement;
}

export function children(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

export function descendants(el: Element, localName: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', localName));
}

export function serialize(el: Element): string {
  return new XMLSerializer().serializeToString(el);
}

/** Attributes by qualified name, except those given. */
export function attributes(el: Element, except: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) if (!except.includes(a.name)) out[a.name] = a.value;
  return out;
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; '' (the package) → _rels/.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part (absolute targets start at the package root). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of decodeURI(target).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part it points to (internal relationships). */
  readonly part: string;
}

/** The relationships of `source` ('' for the package itself). */
export function relationships(parts: Parts, source: string): Relationship[] {
  const rels = source === '' ? '_rels/.rels' : relsPartOf(source);
  if (!parts.has(rels)) return [];
  return children(parseXml(text(parts, rels)), 'Relationship').map((r) => {
    const target = r.getAttribute('Target') ?? '';
    const external = r.getAttribute('TargetMode') === 'External';
    return { id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target, external, part: external ? '' : resolveTarget(source, target) };
  });
}

export function relOfType(parts: Parts, source: string, typeSuffix: string): Relationship[] {
  return relationships(parts, source).filter((r) => r.type.endsWith(`/${typeSuffix}`));
}

export function workbookPart(parts: Parts): string {
  const main = relOfType(parts, '', 'officeDocument')[0];
  if (!main) throw new Error('no officeDocument relationship');
  return main.part;
}

export interface SheetEntry {
  readonly name: string;
  /** worksheet, chartsheet, … (the relationship type's last segment). */
  readonly kind: string;
  readonly part: string;
  /** The <sheet> element's state attribute, or "visible". */
  readonly state: string;
}

export function sheets(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const byId = new Map(relationships(parts, wb).map((r) => [r.id, r]));
  return descendants(parseXml(text(parts, wb)), 'sheet').map((s) => {
    const id = Array.from(s.attributes).find((a) => a.localName === 'id')?.value ?? '';
    const rel = byId.get(id);
    return { name: s.getAttribute('name') ?? '', kind: rel?.type.split('/').pop() ?? '', part: rel?.part ?? '', state: s.getAttribute('state') ?? 'visible' };
  });
}

export function sheetPart(parts: Parts, name: string): string {
  const s = sheets(parts).find((e) => e.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.part;
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function contentTypes(parts: Parts): ContentTypes {
  const root = parseXml(text(parts, '[Content_Types].xml'));
  return {
    defaults: new Map(children(root, 'Default').map((d) => [(d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? ''])),
    overrides: new Map(children(root, 'Override').map((o) => [(o.getAttribute('PartName') ?? '').replace(/^\//, ''), o.getAttribute('ContentType') ?? ''])),
  };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  return types.overrides.get(part) ?? types.defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}

/** The text of every note of a comments part, by cell, with its author. */
export function notes(parts: Parts, commentsPart: string): Map<string, { author: string; text: string; xml: string; attrs: Record<string, string> }> {
  const root = parseXml(text(parts, commentsPart));
  const authors = descendants(root, 'author').map((a) => a.textContent ?? '');
  const out = new Map<string, { author: string; text: string; xml: string; attrs: Record<string, string> }>();
  for (const c of descendants(root, 'comment')) {
    const body = children(c, 'text')[0];
    out.set(c.getAttribute('ref') ?? '', {
      author: authors[Number(c.getAttribute('authorId'))] ?? '',
      text: body ? descendants(body, 't').map((t) => t.textContent ?? '').join('') : '',
      xml: body ? serialize(body) : '',
      attrs: attributes(c, ['authorId']),
    });
  }
  return out;
}
