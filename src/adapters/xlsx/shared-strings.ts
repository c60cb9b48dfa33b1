/**
 * The shared strings part, streamed: one string per <si>, its rich-text runs joined ("Phòng
 * <b>Nội vụ</b>" reads "Phòng Nội vụ"), phonetic guides (<rPh>) left out, OOXML escapes decoded.
 */
import { asPartProblem, type XlsxPackage } from './package';
import { decodeText, unescapeOoxml } from './xml-text';
import { ascii, CDATA, CLOSE, EMPTY, END, NONE, OPEN, TEXT, XmlTokenizer } from './xml-tokens';

const SI = ascii('si');
const T = ascii('t');
const RPH = ascii('rPh');

/** Excel keeps at most this many characters in a cell; longer text is read up to it. */
export const MAX_CELL_CHARS = 32_767;

export function cutToCellLimit(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  const cut = s.charCodeAt(MAX_CELL_CHARS - 1) >= 0xd800 && s.charCodeAt(MAX_CELL_CHARS - 1) <= 0xdbff ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return s.slice(0, cut);
}

export async function readSharedStrings(pkg: XlsxPackage, part: string): Promise<string[]> {
  const out: string[] = [];
  const tok = new XmlTokenizer(part);
  const platform = pkg.platform;
  let inSi = false;
  let siDepth = 0;
  let inT = false;
  let phoneticDepth = 0;
  let text = '';
  const drain = (): boolean => {
    for (;;) {
      const k = tok.next();
      if (k === NONE) return false;
      if (k === END) return true;
      if (k === OPEN || k === EMPTY) {
        if (!inSi) {
          if (tok.localIs(SI)) {
            if (k === EMPTY) out.push('');
            else {
              inSi = true;
              siDepth = tok.depth;
              text = '';
            }
          }
        } else if (phoneticDepth === 0) {
          if (tok.localIs(RPH)) {
            if (k === OPEN) phoneticDepth = tok.depth;
          } else if (tok.localIs(T) && k === OPEN) inT = true;
        }
      } else if (k === CLOSE) {
        if (inT && tok.localIs(T)) inT = false;
        if (phoneticDepth > 0 && tok.depth < phoneticDepth) phoneticDepth = 0;
        if (inSi && tok.depth < siDepth) {
          inSi = false;
          inT = false;
          out.push(cutToCellLimit(unescapeOoxml(text)));
        }
      } else if (inT && (k === TEXT || k === CDATA)) {
        text += k === CDATA ? platform.utf8(tok.buf, tok.textStart, tok.textEnd) : decodeText(tok.buf, tok.textStart, tok.textEnd, platform, tok.base);
      }
    }
  };
  try {
    for await (const chunk of pkg.chunks(part)) {
      tok.feed(chunk);
      drain();
    }
    tok.feed(new Uint8Array(0), true);
    drain();
  } catch (e) {
    throw asPartProblem(e, part);
  }
  return out;
}
