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

/** Fold one string. Pure and deterministic. */
export function fold(input: string): string {
  // Lower-case the whole string, not char by char: Unicode lower case depends on context (final Σ → ς).
  const s = input.normalize('NFC').toLowerCase();
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let piece: string;
    if (code < 128) {
      if (code >= 97 && code <= 122) piece = s[i]!;
      else if (code >= 65 && code <= 90) piece = String.fromCharCode(code + 32);
      else if (code >= 48 && code <= 57) piece = s[i]!;
      else piece = ' ';
    } else {
      const base = BASE.get(code);
      if (base !== undefined) piece = base;
      else {
        const cp = s.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (cp > 0xffff) i++;
        piece = foldSlowChar(ch);
      }
    }
    for (let k = 0; k < piece.length; k++) {
      const c = piece[k]!;
      if (c === ' ') {
        pendingSpace = out.length > 0;
      } else {
        if (pendingSpace) {
          out += ' ';
          pendingSpace = false;
        }
        out += c;
      }
    }
  }
  return out;
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
