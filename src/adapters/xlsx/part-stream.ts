/**
 * The inflated bytes of a part, checked as they come: never more than the entry declares (nor than
 * the limits allow), the CRC-32 the zip records, and valid UTF-8 for XML parts.
 */
import { XlsxError } from './errors';
import type { XlsxPlatform } from './platform';
import { checkPartLimits, type ZipArchive, type ZipEntry } from './zip-read';

/** Stored parts are handed out in slices of this size, like inflated ones. */
const STORED_SLICE = 1024 * 1024;

function damaged(part: string, detail: string): XlsxError {
  return new XlsxError({ kind: 'damaged-part', part, detail });
}

/** The part's bytes in pieces, checked against its size and checksum once complete. */
export async function* partChunks(zip: ZipArchive, e: ZipEntry, platform: XlsxPlatform): AsyncIterable<Uint8Array> {
  checkPartLimits(e);
  if (e.flags & 1) throw damaged(e.name, 'encrypted entry');
  const raw = zip.raw(e);
  let source: AsyncIterable<Uint8Array>;
  if (e.method === 0) source = slices(raw);
  else if (e.method === 8) source = platform.inflate(raw, e.size + 1);
  else throw new XlsxError({ kind: 'unsupported-method', part: e.name, method: e.method });
  let size = 0;
  let crc = 0;
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (err) {
        // A capped inflater stops with a RangeError once the part outgrows its declared size (by name: it may come from another realm).
        if ((err as { name?: unknown } | null)?.name === 'RangeError') throw damaged(e.name, 'inflates past its declared size');
        throw damaged(e.name, err instanceof Error ? err.message : String(err));
      }
      if (next.done) break;
      const chunk = next.value;
      size += chunk.length;
      if (size > e.size) throw damaged(e.name, 'inflates past its declared size');
      crc = platform.crc32(chunk, crc);
      yield chunk;
    }
  } finally {
    await iterator.return?.();
  }
  if (size !== e.size) throw damaged(e.name, 'shorter than its declared size');
  if (crc !== e.crc) throw damaged(e.name, 'checksum does not match');
}

async function* slices(raw: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < raw.length; i += STORED_SLICE) yield raw.subarray(i, Math.min(raw.length, i + STORED_SLICE));
}

/** Length of the longest prefix of `b` that does not end inside a UTF-8 sequence. */
function completePrefix(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if (c < 0x80) return n;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return back < need ? n - back : n;
    }
  }
  return n;
}

/** The same pieces, refused unless together they are valid UTF-8 (a sequence may straddle two pieces). */
export async function* utf8Checked(chunks: AsyncIterable<Uint8Array>, platform: XlsxPlatform, part: string): AsyncIterable<Uint8Array> {
  let carry: Uint8Array | null = null;
  for await (const chunk of chunks) {
    let body = chunk;
    if (carry) {
      // Finish the straddling sequence with the first bytes of this piece.
      let k = 0;
      while (k < body.length && k < 3 && (body[k]! & 0xc0) === 0x80) k++;
      const joined: Uint8Array = new Uint8Array(carry.length + k);
      joined.set(carry);
      joined.set(body.subarray(0, k), carry.length);
      if (k === body.length && completePrefix(joined) < joined.length) {
        carry = joined;
        yield chunk;
        continue;
      }
      if (!platform.isUtf8(joined)) throw new XlsxError({ kind: 'not-utf8', part });
      body = body.subarray(k);
      carry = null;
    }
    const cut = completePrefix(body);
    if (!platform.isUtf8(body.subarray(0, cut))) throw new XlsxError({ kind: 'not-utf8', part });
    if (cut < body.length) carry = body.slice(cut);
    yield chunk;
  }
  if (carry) throw new XlsxError({ kind: 'not-utf8', part });
}

export function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  let n = 0;
  for (const p of pieces) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A whole (small) part, checked. */
export async function readPart(zip: ZipArchive, e: ZipEntry, platform: XlsxPlatform): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const c of partChunks(zip, e, platform)) pieces.push(c);
  return concat(pieces);
}
