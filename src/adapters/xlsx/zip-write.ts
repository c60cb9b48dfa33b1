/**
 * Write the annotated package: entries the add-in did not change are copied as they are stored
 * (compressed bytes, checksum, name and time untouched: no re-deflating), changed and new parts are
 * deflated. New entries carry Excel's own timestamp (1980-01-01), so that writing the same book
 * twice gives the same bytes.
 */
import { XlsxError } from './errors';
import type { XlsxPlatform } from './platform';
import type { ZipArchive, ZipEntry } from './zip-read';

export type OutPart =
  | { readonly kind: 'copy'; readonly entry: ZipEntry }
  | { readonly kind: 'data'; readonly name: string; readonly data: Uint8Array }
  | { readonly kind: 'stream'; readonly name: string; readonly source: () => AsyncIterable<Uint8Array>; readonly sizeHint: number };

/** Deflate level of new parts; large patched sheets use a faster one (measured by `npm run bench`). */
const LEVEL = 6;
const FAST_LEVEL = 3;
const FAST_FROM = 4 * 1024 * 1024;
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const MAX32 = 0xffffffff;

const encoder = new TextEncoder();

interface Written {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function header(sig: number, length: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, sig, true);
  return { bytes, view };
}

function localHeader(w: Omit<Written, 'offset'>): Uint8Array {
  const { bytes, view } = header(0x04034b50, 30);
  view.setUint16(4, 20, true);
  view.setUint16(6, w.flags, true);
  view.setUint16(8, w.method, true);
  view.setUint16(10, w.time, true);
  view.setUint16(12, w.date, true);
  view.setUint32(14, w.crc, true);
  view.setUint32(18, w.compressedSize, true);
  view.setUint32(22, w.size, true);
  view.setUint16(26, w.nameBytes.length, true);
  view.setUint16(28, 0, true);
  return bytes;
}

function centralHeader(w: Written): Uint8Array {
  const { bytes, view } = header(0x02014b50, 46);
  view.setUint16(4, 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, w.flags, true);
  view.setUint16(10, w.method, true);
  view.setUint16(12, w.time, true);
  view.setUint16(14, w.date, true);
  view.setUint32(16, w.crc, true);
  view.setUint32(20, w.compressedSize, true);
  view.setUint32(24, w.size, true);
  view.setUint16(28, w.nameBytes.length, true);
  view.setUint32(42, w.offset, true);
  return bytes;
}

async function deflatePart(source: AsyncIterable<Uint8Array>, level: number, platform: XlsxPlatform): Promise<{ pieces: Uint8Array[]; crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  async function* tapped(): AsyncIterable<Uint8Array> {
    for await (const piece of source) {
      crc = platform.crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
  }
  const pieces = await platform.deflate(tapped(), level);
  return { pieces, crc, size };
}

async function* once(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}

export async function writeZip(zip: ZipArchive, parts: readonly OutPart[], platform: XlsxPlatform): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    out.push(b);
    offset += b.length;
  };
  for (const p of parts) {
    if (offset > MAX32) throw new XlsxError({ kind: 'too-large', part: '*' });
    if (p.kind === 'copy') {
      const e = p.entry;
      // The data descriptor (flag 3) is not needed: sizes and checksum go into the local header.
      const w = { nameBytes: e.nameBytes, flags: e.flags & ~0x0008, method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.compressedSize, size: e.size, offset };
      push(localHeader(w));
      push(e.nameBytes);
      push(zip.raw(e));
      written.push(w);
      continue;
    }
    const source = p.kind === 'data' ? once(p.data) : p.source();
    const hint = p.kind === 'data' ? p.data.length : p.sizeHint;
    const { pieces, crc, size } = await deflatePart(source, hint >= FAST_FROM ? FAST_LEVEL : LEVEL, platform);
    let compressedSize = 0;
    for (const piece of pieces) compressedSize += piece.length;
    if (size > MAX32 || compressedSize > MAX32) throw new XlsxError({ kind: 'too-large', part: p.name });
    const nameBytes = encoder.encode(p.name);
    const w = { nameBytes, flags: isAscii(p.name) ? 0 : 0x0800, method: 8, time: 0, date: DOS_DATE_1980, crc, compressedSize, size, offset };
    push(localHeader(w));
    push(nameBytes);
    for (const piece of pieces) push(piece);
    written.push(w);
  }
  const dirStart = offset;
  for (const w of written) {
    push(centralHeader(w));
    push(w.nameBytes);
  }
  const dirSize = offset - dirStart;
  if (written.length >= 0xffff || dirStart > MAX32) throw new XlsxError({ kind: 'too-large', part: '*' });
  const { bytes, view } = header(0x06054b50, 22);
  view.setUint16(8, written.length, true);
  view.setUint16(10, written.length, true);
  view.setUint32(12, dirSize, true);
  view.setUint32(16, dirStart, true);
  push(bytes);
  const all = new Uint8Array(offset);
  let at = 0;
  for (const b of out) {
    all.set(b, at);
    at += b.length;
  }
  return all;
}
