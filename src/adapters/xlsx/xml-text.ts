/** Text in and out of XML: entity references, line ends, OOXML's _xHHHH_ escapes. */
import { XmlSyntaxError } from './errors';
import type { XlsxPlatform } from './platform';

const AMP = 38;
const CR = 13;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Whether byte c occurs in [s, e): indexOf on the whole buffer would search past e to its end. */
function hasByte(b: Uint8Array, s: number, e: number, c: number): boolean {
  if (e - s > 64) return b.subarray(s, e).indexOf(c) >= 0;
  for (let i = s; i < e; i++) if (b[i] === c) return true;
  return false;
}

/**
 * The text of bytes [s, e) of a document: references decoded, CR LF and lone CR read as LF (as XML
 * parsers do). `base` is the absolute offset of b[0], for error positions.
 */
export function decodeText(b: Uint8Array, s: number, e: number, platform: XlsxPlatform, base = 0): string {
  const raw = platform.utf8(b, s, e);
  const amp = hasByte(b, s, e, AMP);
  const cr = hasByte(b, s, e, CR);
  if (!amp && !cr) return raw;
  const text = cr ? raw.replace(/\r\n?/g, '\n') : raw;
  return amp ? decodeReferences(text, base + s) : text;
}

/** Attribute values: as text, and literal tabs and line ends read as spaces (XML's attribute normalisation). */
export function decodeAttr(b: Uint8Array, s: number, e: number, platform: XlsxPlatform, base = 0): string {
  const raw = platform.utf8(b, s, e);
  const normalised = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return normalised.includes('&') ? decodeReferences(normalised, base + s) : normalised;
}

function decodeReferences(text: string, at: number): string {
  return text.replace(/&([^;&]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError('"&" not starting a reference', at);
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? Number(name.slice(1)) : NaN;
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlSyntaxError(`bad character reference &${name};`, at);
      }
      return String.fromCodePoint(code);
    }
    const v = NAMED[name];
    if (v === undefined) throw new XmlSyntaxError(`undefined entity &${name};`, at);
    return v;
  });
}

/** OOXML string escapes: "_x000D_" is a carriage return, "_x005F_" an underscore. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text for element content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

/**
 * Text for a cell or note: XML escaped, and characters XML 1.0 cannot carry (controls other than
 * tab and line feed) written as OOXML's _xHHHH_, as Excel does; a literal "_x0041_" keeps its
 * underscore escaped so that it reads back as written.
 */
export function ooxmlText(s: string): string {
  const escaped = s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(escaped);
}
