/**
 * What the package layer needs from its surroundings: deflate, inflate, checksums and UTF-8. The
 * browser gets the portable implementation below (fflate and TextDecoder); the command line injects
 * node:zlib and Buffer (node-platform.ts), several times faster on large sheets.
 */
import { Deflate, Inflate } from 'fflate';
import { crc32 as jsCrc32 } from './crc32';

export interface XlsxPlatform {
  /**
   * The inflated bytes of raw deflate data, in pieces. Stops early when the consumer stops
   * iterating; may stop with an error once more than `limit` bytes come out.
   */
  inflate(raw: Uint8Array, limit: number): AsyncIterable<Uint8Array>;
  /** Raw deflate of the concatenated pieces. */
  deflate(pieces: AsyncIterable<Uint8Array>, level: number): Promise<Uint8Array[]>;
  /** CRC-32 (the zip checksum), continued from `crc`. */
  crc32(data: Uint8Array, crc?: number): number;
  /** Whether the bytes are complete, valid UTF-8. */
  isUtf8(data: Uint8Array): boolean;
  /** Decode valid UTF-8 bytes [start, end). */
  utf8(data: Uint8Array, start: number, end: number): string;
  /** Encode text as UTF-8. */
  encode(text: string): Uint8Array;
}

/** Compressed input is handed to fflate in slices this large, so that output pieces stay small. */
const INFLATE_SLICE = 64 * 1024;

async function* fflateInflate(raw: Uint8Array): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    out.push(chunk);
  });
  for (let i = 0; i < raw.length; i += INFLATE_SLICE) {
    const end = Math.min(raw.length, i + INFLATE_SLICE);
    inflater.push(raw.subarray(i, end), end === raw.length);
    while (out.length > 0) yield out.shift()!;
  }
  if (raw.length === 0) inflater.push(raw, true);
  while (out.length > 0) yield out.shift()!;
}

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

async function fflateDeflate(pieces: AsyncIterable<Uint8Array>, level: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: Math.max(0, Math.min(9, Math.round(level))) as Level }, (chunk) => {
    out.push(chunk);
  });
  for await (const piece of pieces) if (piece.length > 0) deflater.push(piece, false);
  deflater.push(new Uint8Array(0), true);
  return out;
}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

export const portablePlatform: XlsxPlatform = {
  inflate: fflateInflate,
  deflate: fflateDeflate,
  crc32: jsCrc32,
  isUtf8(data) {
    try {
      fatal.decode(data);
      return true;
    } catch {
      return false;
    }
  },
  utf8: (data, start, end) => lenient.decode(data.subarray(start, end)),
  encode: (text) => encoder.encode(text),
};
