/** Changes to a part as byte splices of the original: what is not touched stays byte for byte. */
import { concat } from './part-stream';

/**
 * Text to write: a string, or pieces made on demand, so that a large part (a findings sheet of
 * 200,000 rows, the notes of a million-row sheet) is never one string in memory.
 */
export type Text = string | (() => Iterable<string>);

export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly insert: Text;
}

/** Strings gathered up to this many characters are encoded together. */
const ENCODE_BATCH = 256 * 1024;

/** The UTF-8 bytes of text, in pieces of a bounded size. */
export function* encoded(text: Text, encode: (s: string) => Uint8Array): Iterable<Uint8Array> {
  if (typeof text === 'string') {
    if (text) yield encode(text);
    return;
  }
  let batch: string[] = [];
  let length = 0;
  for (const piece of text()) {
    batch.push(piece);
    length += piece.length;
    if (length >= ENCODE_BATCH) {
      yield encode(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (length > 0) yield encode(batch.join(''));
}

/** A part's whole content from text, as a source for PackageEdit.writeStream. */
export function textSource(text: Text, encode: (s: string) => Uint8Array): () => AsyncIterable<Uint8Array> {
  return async function* () {
    yield* encoded(text, encode);
  };
}

/** A part held in memory, as pieces for splicedStream. */
export async function* inMemory(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** Apply splices (non-overlapping; several may insert at one offset, in the order given). */
export function applySplices(bytes: Uint8Array, splices: readonly Splice[], encode: (s: string) => Uint8Array): Uint8Array {
  if (splices.length === 0) return bytes;
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i);
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (const { s } of sorted) {
    if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
    pieces.push(bytes.subarray(at, s.start));
    for (const piece of encoded(s.insert, encode)) pieces.push(piece);
    at = s.end;
  }
  pieces.push(bytes.subarray(at));
  return concat(pieces);
}

/** Splices applied to a part streamed in pieces (offsets are absolute in the part). */
export async function* splicedStream(chunks: AsyncIterable<Uint8Array>, splices: readonly Splice[], encode: (s: string) => Uint8Array): AsyncIterable<Uint8Array> {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let k = 0;
  let offset = 0;
  /** Absolute offset up to which input is dropped (inside a removed range). */
  let skipTo = 0;
  for await (const chunk of chunks) {
    const chunkEnd = offset + chunk.length;
    let at = Math.max(0, skipTo - offset);
    while (k < sorted.length && sorted[k]!.start < chunkEnd) {
      const s = sorted[k]!;
      const rel = s.start - offset;
      if (rel > at) yield chunk.subarray(at, rel);
      yield* encoded(s.insert, encode);
      skipTo = Math.max(skipTo, s.end);
      at = Math.min(chunk.length, Math.max(at, skipTo - offset));
      k++;
    }
    if (at < chunk.length) yield chunk.subarray(at);
    offset = chunkEnd;
  }
  // Insertions at the very end of the part.
  for (; k < sorted.length; k++) yield* encoded(sorted[k]!.insert, encode);
}
