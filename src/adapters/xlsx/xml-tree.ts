/**
 * Small parts (workbook, relationships, content types, styles, comments, tables) as a tree of
 * elements that remember their byte offsets, so that a change is a splice of the original bytes and
 * everything else stays byte for byte.
 */
import { XlsxError, XmlSyntaxError } from './errors';
import type { XlsxPlatform } from './platform';
import { decodeAttr, decodeText } from './xml-text';
import { CDATA, CLOSE, EMPTY, END, OPEN, TEXT, XmlTokenizer } from './xml-tokens';

export interface XmlElement {
  /** Qualified name as written ("x:sheet"). */
  readonly name: string;
  readonly local: string;
  readonly prefix: string;
  /** Attributes by qualified name, values decoded. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  readonly parent: XmlElement | null;
  /** Byte offsets: "<" of the start tag, after its ">", "<" of the end tag, after the element. */
  readonly start: number;
  readonly openEnd: number;
  closeStart: number;
  end: number;
  readonly selfClosing: boolean;
  /** Text directly inside, decoded (CDATA included). */
  text: string;
}

export interface XmlDoc {
  readonly bytes: Uint8Array;
  readonly root: XmlElement;
}

/** Parse a whole small part. Syntax errors become a damaged-part problem naming the part. */
export function parseXml(bytes: Uint8Array, platform: XlsxPlatform, part: string): XmlDoc {
  if (!platform.isUtf8(bytes)) throw new XlsxError({ kind: 'not-utf8', part });
  const tok = new XmlTokenizer(part);
  tok.feed(bytes, true);
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  try {
    for (;;) {
      const k = tok.next();
      if (k === END) break;
      const b = tok.buf;
      if (k === OPEN || k === EMPTY) {
        const name = platform.utf8(b, tok.nameStart, tok.nameEnd);
        const colon = name.indexOf(':');
        const attrs = new Map<string, string>();
        for (let i = 0; i < tok.attrCount; i++) {
          attrs.set(platform.utf8(b, tok.nameStartOf(i), tok.nameEndOf(i)), decodeAttr(b, tok.valueStart(i), tok.valueEnd(i), platform));
        }
        const el: XmlElement = {
          name,
          local: colon < 0 ? name : name.slice(colon + 1),
          prefix: colon < 0 ? '' : name.slice(0, colon),
          attrs,
          children: [],
          parent: current,
          start: tok.start,
          openEnd: tok.end,
          closeStart: tok.end,
          end: tok.end,
          selfClosing: k === EMPTY,
          text: '',
        };
        if (current) current.children.push(el);
        else root ??= el;
        if (k === OPEN) current = el;
      } else if (k === CLOSE) {
        if (current) {
          current.closeStart = tok.start;
          current.end = tok.end;
          current = current.parent;
        }
      } else if ((k === TEXT || k === CDATA) && current) {
        current.text += k === CDATA ? platform.utf8(b, tok.textStart, tok.textEnd) : decodeText(b, tok.textStart, tok.textEnd, platform);
      }
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new XlsxError({ kind: 'damaged-part', part, detail: e.message });
    throw e;
  }
  if (!root) throw new XlsxError({ kind: 'damaged-part', part, detail: 'no document element' });
  return { bytes, root };
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** An attribute by local name, whatever its prefix ("r:id", "id"). */
export function attrLocal(el: XmlElement, local: string, prefixed = false): string | undefined {
  for (const [k, v] of el.attrs) {
    const colon = k.indexOf(':');
    if (prefixed && colon < 0) continue;
    if ((colon < 0 ? k : k.slice(colon + 1)) === local) return v;
  }
  return undefined;
}

/** The namespace URI a prefix ('' for the default namespace) has at this element. */
export function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  const key = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const v = e.attrs.get(key);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The prefix bound to a namespace URI at this element ('' for the default), or undefined. */
export function prefixFor(el: XmlElement, uri: string): string | undefined {
  for (let e: XmlElement | null = el; e; e = e.parent) {
    for (const [k, v] of e.attrs) {
      if (v !== uri) continue;
      if (k === 'xmlns') return '';
      if (k.startsWith('xmlns:')) return k.slice(6);
    }
  }
  return undefined;
}
