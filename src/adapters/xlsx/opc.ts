/**
 * Open Packaging Conventions: part names, relationships (relative targets as Excel writes them,
 * absolute ones as openpyxl writes them), content types.
 */
import type { XlsxPlatform } from './platform';
import { attrLocal, childrenNamed, parseXml, type XmlDoc, type XmlElement } from './xml-tree';
import type { ZipArchive } from './zip-read';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part the target names (zip entry name), or null for an external target. */
  readonly part: string | null;
  readonly el: XmlElement;
}

export interface Rels {
  /** The relationships part ("xl/_rels/workbook.xml.rels"). */
  readonly part: string;
  /** The part the relationships belong to ("" for the package). */
  readonly source: string;
  readonly doc: XmlDoc | null;
  readonly list: readonly Relationship[];
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's is "_rels/.rels". */
export function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

function directoryOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** A relationship target resolved against its source part, as a zip entry name. */
export function resolveTarget(source: string, target: string): string {
  const clean = target.replace(/\\/g, '/').split('#')[0]!;
  const segments = clean.startsWith('/') ? [] : directoryOf(source).split('/').filter((s) => s !== '');
  for (const s of clean.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

/** The target to write for a part, relative to the source part's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = directoryOf(source).split('/').filter((s) => s !== '');
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The last segment of a relationship type URI ("…/relationships/worksheet" → "worksheet"); strict and transitional alike. */
export function typeTail(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** The zip entry a resolved target names, trying its percent-decoded form too. */
export function findPart(zip: ZipArchive, name: string): string | null {
  const e = zip.get(name);
  if (e) return e.name;
  try {
    const decoded = decodeURIComponent(name);
    const d = zip.get(decoded);
    if (d) return d.name;
  } catch {
    // not percent-encoded
  }
  return null;
}

export function parseRels(source: string, bytes: Uint8Array | null, platform: XlsxPlatform, zip: ZipArchive): Rels {
  const part = relsPartOf(source);
  if (!bytes) return { part, source, doc: null, list: [] };
  const doc = parseXml(bytes, platform, part);
  const list: Relationship[] = [];
  for (const el of childrenNamed(doc.root, 'Relationship')) {
    const id = attrLocal(el, 'Id') ?? '';
    const type = attrLocal(el, 'Type') ?? '';
    const target = attrLocal(el, 'Target') ?? '';
    const external = attrLocal(el, 'TargetMode') === 'External';
    const resolved = external ? null : resolveTarget(source, target);
    list.push({ id, type, target, external, part: resolved === null ? null : (findPart(zip, resolved) ?? resolved), el });
  }
  return { part, source, doc, list };
}

export interface ContentTypes {
  readonly doc: XmlDoc | null;
  readonly defaults: ReadonlyMap<string, { readonly type: string; readonly el: XmlElement }>;
  readonly overrides: ReadonlyMap<string, { readonly type: string; readonly el: XmlElement }>;
}

export function parseContentTypes(bytes: Uint8Array | null, platform: XlsxPlatform): ContentTypes {
  const defaults = new Map<string, { type: string; el: XmlElement }>();
  const overrides = new Map<string, { type: string; el: XmlElement }>();
  if (!bytes) return { doc: null, defaults, overrides };
  const doc = parseXml(bytes, platform, '[Content_Types].xml');
  for (const el of doc.root.children) {
    const type = attrLocal(el, 'ContentType') ?? '';
    if (el.local === 'Default') defaults.set((attrLocal(el, 'Extension') ?? '').toLowerCase(), { type, el });
    else if (el.local === 'Override') overrides.set((attrLocal(el, 'PartName') ?? '').replace(/^\/+/, '').toLowerCase(), { type, el });
  }
  return { doc, defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(part.toLowerCase());
  if (o) return o.type;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? undefined : ct.defaults.get(part.slice(dot + 1).toLowerCase())?.type;
}
