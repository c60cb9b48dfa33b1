/**
 * The zip container of a package, read from its central directory. Entry names are only ever
 * lookup keys, never paths; a name no OPC part can have ("..", ".", empty segments, absolute or
 * drive-letter names) makes the file damaged, since only an attack or a broken writer makes one. Limits keep a hostile file harmless: the number of entries, each part's
 * inflated size and ratio, the package's total; an entry whose data overlaps another's, or two
 * entries with one name, make the file damaged.
 */
import { XlsxError } from './errors';

export interface ZipEntry {
  /** The name as stored (decoded). */
  readonly name: string;
  /** The name's bytes as stored, written back unchanged when the entry is copied. */
  readonly nameBytes: Uint8Array;
  /** Lookup key: slashes forward, no leading slash, lower case (OPC part names ignore case). */
  readonly key: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** Offset of the compressed data in the file. */
  readonly dataStart: number;
}

export const ZIP_LIMITS = {
  entries: 20_000,
  /** One part inflated; a 1,048,576-row sheet of an office is a few hundred MB. */
  partBytes: 1_500_000_000,
  /** Every part together. */
  totalBytes: 3_000_000_000,
  /** Inflated / compressed, for parts over `ratioFrom` bytes: real sheets stay far below 100. */
  ratio: 250,
  ratioFrom: 8 * 1024 * 1024,
} as const;

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

class View {
  private readonly dv: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(p: number): number {
    return this.dv.getUint16(p, true);
  }
  u32(p: number): number {
    return this.dv.getUint32(p, true);
  }
  u64(p: number): number {
    return this.dv.getUint32(p, true) + this.dv.getUint32(p + 4, true) * 2 ** 32;
  }
}

function notZip(detail: string): XlsxError {
  return new XlsxError({ kind: 'not-zip', detail });
}

function findEndOfDirectory(v: View): number {
  const n = v.bytes.length;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (v.u32(i) === EOCD) return i;
  }
  throw notZip('no end of central directory');
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly end: number;
}

function directoryOf(v: View, eocd: number): Directory {
  let count = v.u16(eocd + 10);
  let size = v.u32(eocd + 12);
  let offset = v.u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || v.u32(loc) !== EOCD64_LOCATOR) throw notZip('zip64 locator missing');
    const at = v.u64(loc + 8);
    if (at + 56 > v.bytes.length || v.u32(at) !== EOCD64) throw notZip('zip64 end of directory missing');
    count = v.u64(at + 32);
    size = v.u64(at + 40);
    offset = v.u64(at + 48);
  }
  if (offset + size > v.bytes.length) throw notZip('central directory outside the file');
  return { count, offset, end: offset + size };
}

/** Sizes and offset from a zip64 extra field, for the fields the header marks 0xFFFFFFFF. */
function zip64Fields(v: View, extra: number, extraEnd: number, want: { size: boolean; csize: boolean; offset: boolean }) {
  const out = { size: -1, csize: -1, offset: -1 };
  let p = extra;
  while (p + 4 <= extraEnd) {
    const id = v.u16(p);
    const len = v.u16(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (want.size) {
        out.size = v.u64(q);
        q += 8;
      }
      if (want.csize) {
        out.csize = v.u64(q);
        q += 8;
      }
      if (want.offset) out.offset = v.u64(q);
      return out;
    }
    p += 4 + len;
  }
  throw notZip('zip64 extra field missing');
}

export class ZipArchive {
  readonly byKey = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) this.byKey.set(e.key, e);
  }

  get(name: string): ZipEntry | undefined {
    return this.byKey.get(entryKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(entryKey(name));
  }

  /** The entry's stored bytes (compressed or not), without copying. */
  raw(e: ZipEntry): Uint8Array {
    return this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  }
}

/** Read the central directory. Throws XlsxError for anything that is not a sound zip. */
export function readZip(bytes: Uint8Array): ZipArchive {
  if (bytes.length < 22) throw notZip('too short');
  const v = new View(bytes);
  const dir = directoryOf(v, findEndOfDirectory(v));
  if (dir.count > ZIP_LIMITS.entries) throw new XlsxError({ kind: 'too-many-entries', count: dir.count, limit: ZIP_LIMITS.entries });
  const entries: ZipEntry[] = [];
  const keys = new Set<string>();
  let total = 0;
  let p = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > dir.end || v.u32(p) !== CENTRAL) throw notZip('central directory damaged');
    const flags = v.u16(p + 8);
    const method = v.u16(p + 10);
    const time = v.u16(p + 12);
    const date = v.u16(p + 14);
    const crc = v.u32(p + 16);
    let compressedSize = v.u32(p + 20);
    let size = v.u32(p + 24);
    const nameLength = v.u16(p + 28);
    const extraLength = v.u16(p + 30);
    const commentLength = v.u16(p + 32);
    let localOffset = v.u32(p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > dir.end) throw notZip('central directory damaged');
    const want = { size: size === 0xffffffff, csize: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff };
    if (want.size || want.csize || want.offset) {
      const z = zip64Fields(v, extraStart, extraStart + extraLength, want);
      if (want.size) size = z.size;
      if (want.csize) compressedSize = z.csize;
      if (want.offset) localOffset = z.offset;
    }
    const nameBytes = bytes.subarray(nameStart, extraStart);
    const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? utf8 : latin1).decode(nameBytes);
    if (!isPartName(name)) throw new XlsxError({ kind: 'bad-entry-name', name });
    const key = entryKey(name);
    if (keys.has(key)) throw new XlsxError({ kind: 'duplicate-entry', name });
    keys.add(key);
    if (localOffset + 30 > bytes.length || v.u32(localOffset) !== LOCAL) throw notZip(`local header of ${name} missing`);
    const dataStart = localOffset + 30 + v.u16(localOffset + 26) + v.u16(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw notZip(`data of ${name} outside the file`);
    total += size;
    entries.push({ name, nameBytes, key, method, flags, crc, compressedSize, size, time, date, dataStart });
    p = next;
  }
  if (total > ZIP_LIMITS.totalBytes) throw new XlsxError({ kind: 'too-large', part: '*' });
  checkNoOverlap(entries);
  return new ZipArchive(bytes, entries);
}

/** Whether a zip entry name can be an OPC part's (ECMA-376 Part 2, §6.2.2.3): a folder entry ("xl/") may end in a slash. */
export function isPartName(name: string): boolean {
  if (name === '' || name.includes('\0') || /^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
  const segments = name.replace(/\/$/, '').split(/[\\/]/);
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return false;
  return true;
}

/** Entries whose data overlap (a known zip-bomb shape) make the file damaged. */
function checkNoOverlap(entries: readonly ZipEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (sorted[i]!.dataStart < prev.dataStart + prev.compressedSize) throw notZip(`entries ${prev.name} and ${sorted[i]!.name} overlap`);
  }
}

/** Refuse, before inflating, a part whose declared size breaks the limits. */
export function checkPartLimits(e: ZipEntry): void {
  if (e.size > ZIP_LIMITS.partBytes) throw new XlsxError({ kind: 'too-large', part: e.name });
  if (e.size > ZIP_LIMITS.ratioFrom && e.size > ZIP_LIMITS.ratio * Math.max(1, e.compressedSize)) throw new XlsxError({ kind: 'too-large', part: e.name });
}
