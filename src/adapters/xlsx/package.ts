/**
 * A package opened for reading: the zip, its content types, the workbook part with its sheets and
 * relationships, and cached access to parts. Nothing here changes the package.
 */
import { XlsxError, XmlSyntaxError } from './errors';
import { STRICT, TRANSITIONAL, WORKBOOK_TYPES, type BookKind, type Namespaces } from './namespaces';
import { contentTypeOf, findPart, parseContentTypes, parseRels, relsPartOf, resolveTarget, typeTail, type ContentTypes, type Rels } from './opc';
import { partChunks, readPart, utf8Checked } from './part-stream';
import type { XlsxPlatform } from './platform';
import { attrLocal, childrenNamed, firstChild, parseXml, type XmlDoc, type XmlElement } from './xml-tree';
import { readZip, type ZipArchive } from './zip-read';

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly rId: string;
  /** The zip entry of the sheet's part, or null when it is missing. */
  readonly part: string | null;
  /** Where the relationship points, whether or not the part exists. */
  readonly target: string | null;
  /** Relationship type tail: worksheet, chartsheet, dialogsheet, xlMacrosheet… ('' when unresolved). */
  readonly type: string;
  readonly el: XmlElement;
}

const WORKBOOK_FALLBACK = 'xl/workbook.xml';

export class XlsxPackage {
  private readonly cache = new Map<string, Uint8Array | null>();
  private readonly xmlCache = new Map<string, XmlDoc>();
  private readonly relsCache = new Map<string, Rels>();

  private constructor(
    readonly zip: ZipArchive,
    readonly platform: XlsxPlatform,
    readonly contentTypes: ContentTypes,
    readonly workbookPart: string,
    readonly workbook: XmlDoc,
    readonly workbookRels: Rels,
    readonly sheets: readonly SheetEntry[],
    readonly kind: BookKind,
    readonly ns: Namespaces,
    readonly date1904: boolean,
    readonly sharedStringsPart: string | null,
    readonly stylesPart: string | null,
  ) {}

  static async open(bytes: Uint8Array, platform: XlsxPlatform): Promise<XlsxPackage> {
    const zip = readZip(bytes);
    const read = async (part: string): Promise<Uint8Array | null> => {
      const e = zip.get(part);
      return e ? readPart(zip, e, platform) : null;
    };
    const contentTypes = parseContentTypes(await read('[Content_Types].xml'), platform);
    const packageRels = parseRels('', await read('_rels/.rels'), platform, zip);
    const office = packageRels.list.find((r) => typeTail(r.type) === 'officeDocument' && r.part !== null);
    const workbookPart = office?.part && zip.has(office.part) ? office.part : zip.has(WORKBOOK_FALLBACK) ? zip.get(WORKBOOK_FALLBACK)!.name : null;
    if (workbookPart === null) throw new XlsxError({ kind: 'not-workbook' });
    const type = contentTypeOf(contentTypes, workbookPart);
    const kind: BookKind | undefined = type === undefined ? 'xlsx' : WORKBOOK_TYPES[type];
    if (kind === undefined) throw new XlsxError({ kind: 'not-workbook' });
    const workbook = parseXml((await read(workbookPart))!, platform, workbookPart);
    if (workbook.root.local !== 'workbook') throw new XlsxError({ kind: 'not-workbook' });
    const ns = workbook.root.attrs.get(workbook.root.prefix ? `xmlns:${workbook.root.prefix}` : 'xmlns') === STRICT.main ? STRICT : TRANSITIONAL;
    const workbookRels = parseRels(workbookPart, await read(relsPartOf(workbookPart)), platform, zip);
    const byId = new Map(workbookRels.list.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    const sheetsEl = firstChild(workbook.root, 'sheets');
    for (const el of sheetsEl ? childrenNamed(sheetsEl, 'sheet') : []) {
      const rId = attrLocal(el, 'id', true) ?? '';
      const rel = byId.get(rId);
      const state = attrLocal(el, 'state');
      sheets.push({
        name: attrLocal(el, 'name') ?? '',
        sheetId: Number(attrLocal(el, 'sheetId') ?? 0),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rId,
        part: rel?.part && zip.has(rel.part) ? zip.get(rel.part)!.name : null,
        target: rel?.part ?? null,
        type: rel ? typeTail(rel.type) : '',
        el,
      });
    }
    const pr = firstChild(workbook.root, 'workbookPr');
    const date1904 = ['1', 'true'].includes(pr ? (attrLocal(pr, 'date1904') ?? '') : '');
    const partOf = (tail: string): string | null => {
      const rel = workbookRels.list.find((r) => !r.external && typeTail(r.type) === tail);
      if (!rel || rel.part === null) return null;
      const found = findPart(zip, rel.part);
      if (!found) throw new XlsxError({ kind: 'missing-part', part: rel.part });
      return found;
    };
    return new XlsxPackage(zip, platform, contentTypes, workbookPart, workbook, workbookRels, sheets, kind, ns, date1904, partOf('sharedStrings'), partOf('styles'));
  }

  has(part: string): boolean {
    return this.zip.has(part);
  }

  /** A whole part's bytes (meant for small parts; cached), or null when absent. */
  async bytes(part: string): Promise<Uint8Array | null> {
    const key = part.toLowerCase();
    if (this.cache.has(key)) return this.cache.get(key)!;
    const e = this.zip.get(part);
    const data = e ? await readPart(this.zip, e, this.platform) : null;
    this.cache.set(key, data);
    return data;
  }

  /** A part's bytes streamed and checked (size, checksum, UTF-8), for large XML parts. */
  chunks(part: string): AsyncIterable<Uint8Array> {
    const e = this.zip.get(part);
    if (!e) throw new XlsxError({ kind: 'missing-part', part });
    return utf8Checked(partChunks(this.zip, e, this.platform), this.platform, e.name);
  }

  /** A small XML part parsed (cached), or null when absent. */
  async xml(part: string): Promise<XmlDoc | null> {
    const key = part.toLowerCase();
    const cached = this.xmlCache.get(key);
    if (cached) return cached;
    const data = await this.bytes(part);
    if (!data) return null;
    const doc = parseXml(data, this.platform, part);
    this.xmlCache.set(key, doc);
    return doc;
  }

  /** The relationships of a part (empty when it has none). */
  async rels(part: string): Promise<Rels> {
    const key = part.toLowerCase();
    const cached = this.relsCache.get(key);
    if (cached) return cached;
    const rels = parseRels(part, await this.bytes(relsPartOf(part)), this.platform, this.zip);
    this.relsCache.set(key, rels);
    return rels;
  }

  contentType(part: string): string | undefined {
    return contentTypeOf(this.contentTypes, part);
  }

  /** Resolve a target of `source` to an existing part's entry name, or null. */
  resolve(source: string, target: string): string | null {
    return findPart(this.zip, resolveTarget(source, target));
  }
}

/** Syntax errors of a streamed part become its damaged-part problem. */
export function asPartProblem(e: unknown, part: string): unknown {
  return e instanceof XmlSyntaxError ? new XlsxError({ kind: 'damaged-part', part, detail: e.message }) : e;
}
