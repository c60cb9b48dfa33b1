/**
 * SPEC §2 folding: NFC, lower case, Vietnamese diacritics removed (đ → d), every character that is
 * not a letter or digit turned into a space, runs of spaces collapsed, trimmed.
 *
 * Folding runs on every header, unit, status and content cell, so the common case (ASCII and
 * precomposed Vietnamese letters) goes through a lookup table; anything else falls back to
 * Unicode decomposition.
 */

const BASE = new Map<number, string>();

function seedVietnamese(): void {
  const groups: Record<string, string> = {
    a: 'àáảãạăằắẳẵặâầấẩẫậ',
    e: 'èéẻẽẹêềếểễệ',
    i: 'ìíỉĩị',
    o: 'òóỏõọôồốổỗộơờớởỡợ',
    u: 'ùúủũụưừứửữự',
    y: 'ỳýỷỹỵ',
    d: 'đ',
  };
  for (const [base, chars] of Object.entries(groups)) {
    for (const ch of chars) {
      BASE.set(ch.codePointAt(0)!, base);
      const upper = ch.toUpperCase();
      BASE.set(upper.codePointAt(0)!, base);
    }
  }
}
seedVietnamese();

const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const COMBINING = /\p{Mn}/gu;

function foldSlowChar(ch: string): string {
  const lower = ch.normalize('NFC').toLowerCase();
  const stripped = lower.normalize('NFD').replace(COMBINING, '').normalize('NFC').replace(/đ/g, 'd');
  let out = '';
  for (const c of stripped) out += LETTER_OR_DIGIT.test(c) ? c : ' ';
  return out;
}

/**
 * Fast path of `fold`: what each code unit below U+1F00 folds to when it is ASCII or a precomposed
 * Vietnamese letter (either case): a lower-case letter or digit, 32 for a separator, or SLOW for any
 * other character (those need NFC, context-dependent lower case or decomposition).
 */
const SLOW = 0xffff;
const TABLE = new Uint16Array(0x1f00).fill(SLOW);
for (let c = 0; c < 128; c++) TABLE[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : 32;
for (const [code, base] of BASE) TABLE[code] = base.charCodeAt(0);

/**
 * Output buffer of `fold`. Building the result with `+=` one character at a time makes V8 create a
 * chain of cons-strings per call, which every later Map lookup or comparison has to flatten; on a
 * 100,000-row sheet that was most of the engine's time. Writing char codes here and decoding once
 * allocates one flat string.
 */
let buffer = new Uint16Array(256);
const CHUNK = 4096;

function decode(length: number): string {
  if (length === 0) return '';
  if (length <= CHUNK) return String.fromCharCode.apply(null, buffer.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let from = 0; from < length; from += CHUNK) {
    out += String.fromCharCode.apply(null, buffer.subarray(from, Math.min(length, from + CHUNK)) as unknown as number[]);
  }
  return out;
}

function ensureBuffer(length: number): void {
  if (buffer.length < length) {
    const grown = new Uint16Array(Math.max(length, buffer.length * 2));
    grown.set(buffer);
    buffer = grown;
  }
}

/**
 * Fold one string. Pure and deterministic.
 *
 * Text made only of ASCII and precomposed Vietnamese letters (nearly every cell) is folded straight
 * from the table: such text is already NFC, and its lower case does not depend on context. Anything
 * else takes the general path.
 */
export function fold(input: string): string {
  const n = input.length;
  ensureBuffer(n + 1);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    const out = code < 0x1f00 ? TABLE[code]! : SLOW;
    if (out === SLOW) return foldGeneral(input);
    if (out === 32) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      buffer[length++] = 32;
      pendingSpace = false;
    }
    buffer[length++] = out;
  }
  return decode(length);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A 30-bit hash (FNV-1a) of `fold(input)`, continuing from `seed`, without building the folded
 * string; -1 when the folded text is empty. Equal folded texts give equal hashes; callers compare
 * the folded texts themselves when hashes are equal.
 */
export function foldHash(input: string, seed: number = FNV_OFFSET): number {
  let h = seed;
  let any = false;
  let pendingSpace = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const out = code < 0x1f00 ? TABLE[code]! : SLOW;
    if (out === SLOW) return hashText(fold(input), seed);
    if (out === 32) {
      pendingSpace = any;
      continue;
    }
    if (pendingSpace) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      pendingSpace = false;
    }
    h = Math.imul(h ^ out, FNV_PRIME);
    any = true;
  }
  return any ? h & 0x3fffffff : -1;
}

function hashText(folded: string, seed: number): number {
  if (folded === '') return -1;
  let h = seed;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h & 0x3fffffff;
}

function foldGeneral(input: string): string {
  // Lower-case the whole string, not char by char: Unicode lower case depends on context (final Σ → ς).
  const s = input.normalize('NFC').toLowerCase();
  ensureBuffer(s.length + 16);
  let length = 0;
  let pendingSpace = false;
  const put = (c: number) => {
    if (c === 32) {
      pendingSpace = length > 0;
      return;
    }
    ensureBuffer(length + 2);
    if (pendingSpace) {
      buffer[length++] = 32;
      pendingSpace = false;
    }
    buffer[length++] = c;
  };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const out = code < 0x1f00 ? TABLE[code]! : SLOW;
    if (out !== SLOW) put(out);
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const piece = foldSlowChar(String.fromCodePoint(cp));
      for (let k = 0; k < piece.length; k++) put(piece.charCodeAt(k));
    }
  }
  return decode(length);
}

/** Word-bounded prefix match on folded text: "han" matches "han xu ly", not "hang muc". */
export function matchesPrefix(folded: string, synonym: string): boolean {
  return folded === synonym || (folded.startsWith(synonym) && folded.charCodeAt(synonym.length) === 32);
}

/** Whole-word (or whole-phrase) containment on folded text: "chua" is in "chua xong", not in "chuan". */
export function containsWords(folded: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = folded.indexOf(phrase, from);
    if (at < 0) return false;
    const before = at === 0 || folded.charCodeAt(at - 1) === 32;
    const end = at + phrase.length;
    const after = end === folded.length || folded.charCodeAt(end) === 32;
    if (before && after) return true;
    from = at + 1;
  }
}

/** A memo for folding values that repeat a lot (unit names, statuses). */
export class FoldCache {
  private readonly map = new Map<string, string>();
  fold(s: string): string {
    let f = this.map.get(s);
    if (f === undefined) {
      f = fold(s);
      if (this.map.size < 100_000) this.map.set(s, f);
    }
    return f;
  }
}
