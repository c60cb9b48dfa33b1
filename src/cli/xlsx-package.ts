/**
 * A look inside the input's container before and after ExcelJS reads it, so that the command line
 * can say what a file is when it is not a readable .xlsx: ExcelJS loads any zip (a .docx, an .ods)
 * as a workbook without sheets, skips a sheet whose part is missing, and reports a damaged part with
 * an internal error. Only the central directory and two small XML parts are read here.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of a zip's central directory by name, or null when it cannot be read here (ExcelJS then says why). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const buf = bufferOf(bytes);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  // ZIP64 or an inconsistent directory: leave it to ExcelJS.
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_SIG) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\/+/, '');
    entries.set(name, { name, method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The text of a stored or deflated entry, or null. */
export function readZipText(bytes: Uint8Array, entry: ZipEntry): string | null {
  const buf = bufferOf(bytes);
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIG) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) return inflateRawSync(data).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

/** Attributes of one start tag, by name with its prefix as written ("r:id"). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

function elements(xml: string, localName: string): Map<string, string>[] {
  const re = new RegExp(String.raw`<(?:[\w.-]+:)?${localName}\b([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1]!));
}

/** A part name from a relationship target of xl/workbook.xml. */
function resolvePart(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl'];
  for (const s of target.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

export interface DeclaredSheet {
  readonly name: string;
  /** The worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  readonly part: string;
}

export interface WorkbookParts {
  /** Worksheets listed in xl/workbook.xml, in tab order (chart and dialog sheets left out). */
  readonly worksheets: readonly DeclaredSheet[];
  /** Parts the workbook's relationships name that the zip lacks (worksheets aside). */
  readonly missingParts: readonly string[];
}

const WORKSHEET_REL = /\/worksheet$/;
const NEEDED_REL = /\/sharedStrings$/;

/** What xl/workbook.xml declares, or null when it cannot be read here. */
export function workbookParts(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): WorkbookParts | null {
  const wb = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const wbXml = wb && readZipText(bytes, wb);
  const relsXml = rels && readZipText(bytes, rels);
  if (!wbXml || !relsXml) return null;
  const byId = new Map<string, { type: string; part: string }>();
  const missingParts: string[] = [];
  for (const r of elements(relsXml, 'Relationship')) {
    const id = r.get('Id');
    const target = r.get('Target');
    if (id === undefined || target === undefined || r.get('TargetMode') === 'External') continue;
    const rel = { type: r.get('Type') ?? '', part: resolvePart(target) };
    byId.set(id, rel);
    if (NEEDED_REL.test(rel.type) && !entries.has(rel.part)) missingParts.push(rel.part);
  }
  const worksheets: DeclaredSheet[] = [];
  for (const s of elements(wbXml, 'sheet')) {
    const name = s.get('name');
    const id = [...s.entries()].find(([k]) => k.endsWith(':id'))?.[1];
    const rel = id === undefined ? undefined : byId.get(id);
    if (name !== undefined && rel && WORKSHEET_REL.test(rel.type)) worksheets.push({ name, part: rel.part });
  }
  return { worksheets, missingParts };
}

/** A worksheet part that is absent, unreadable or cut short (its closing tag missing). */
export function damagedWorksheet(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, sheets: readonly DeclaredSheet[]): DeclaredSheet | null {
  for (const s of sheets) {
    const entry = entries.get(s.part);
    const xml = entry && readZipText(bytes, entry);
    if (!xml || !/<\/(?:[\w.-]+:)?worksheet>\s*$/.test(xml)) return s;
  }
  return null;
}

/**
 * Names of the streams and storages of an OLE compound file (a password-protected .xlsx holds
 * "EncryptionInfo" and "EncryptedPackage", an Excel 97-2003 .xls "Workbook" or "Book"). Directory
 * entries are 128-byte records at 128-byte boundaries after the header; each is recognised by its
 * UTF-16 name, its length field and its type (storage or stream).
 */
export function oleEntryNames(bytes: Uint8Array): Set<string> {
  const buf = bufferOf(bytes);
  const names = new Set<string>();
  for (let p = 512; p + 128 <= buf.length; p += 128) {
    const length = buf.readUInt16LE(p + 64);
    const type = buf[p + 66];
    if ((type !== 1 && type !== 2) || length < 4 || length > 64 || length % 2 !== 0) continue;
    if (buf.readUInt16LE(p + length - 2) !== 0) continue;
    names.add(buf.toString('utf16le', p, p + length - 2));
  }
  return names;
}
