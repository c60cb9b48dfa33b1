/**
 * A small reader of .xlsx packages for tests, written apart from src/ so that a test of what the
 * add-in writes does not read it back through the add-in's own reader: sheet cells (values as a
 * spreadsheet program sees them) and conditional formats, by sheet name.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type OoxmlValue = number | string | boolean | { readonly error: string };

export interface OoxmlConditionalFormat {
  readonly sqref: string;
  readonly priority: number;
  readonly type: string;
  readonly formulas: readonly string[];
}

export interface OoxmlPackage {
  readonly sheetNames: readonly string[];
  /** The sheet's visibility as workbook.xml states it: "visible" (the default), "hidden" or "veryHidden". */
  sheetState(sheet: string): string;
  /** Cell values by A1 address ("E7"); empty cells are absent. */
  cells(sheet: string): Map<string, OoxmlValue>;
  conditionalFormats(sheet: string): OoxmlConditionalFormat[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** "E7" of a 0-based row and column. */
export function address(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

function parse(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
}

function children(parent: Element, local: string): Element[] {
  const out: Element[] = [];
  const list = parent.getElementsByTagNameNS(MAIN, local);
  for (let i = 0; i < list.length; i++) out.push(list.item(i)!);
  return out;
}

function text(el: Element): string {
  return el.textContent ?? '';
}

/** A relationship target resolved against the folder of the part that holds it. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function readOoxml(bytes: Uint8Array): OoxmlPackage {
  const files = unzipSync(bytes);
  const part = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`package has no part ${name}`);
    return strFromU8(f);
  };
  const workbook = parse(part('xl/workbook.xml'));
  const rels = parse(part('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  const relList = rels.getElementsByTagName('Relationship');
  for (let i = 0; i < relList.length; i++) {
    const r = relList.item(i)!;
    targets.set(r.getAttribute('Id') ?? '', resolve('xl/workbook.xml', r.getAttribute('Target') ?? ''));
  }
  const sheetParts = new Map<string, string>();
  const states = new Map<string, string>();
  for (const s of children(workbook, 'sheet')) {
    const name = s.getAttribute('name') ?? '';
    sheetParts.set(name, targets.get(s.getAttributeNS(REL, 'id') ?? '') ?? '');
    states.set(name, s.getAttribute('state') || 'visible');
  }
  const shared: string[] = [];
  if (files['xl/sharedStrings.xml']) {
    for (const si of children(parse(part('xl/sharedStrings.xml')), 'si')) shared.push(children(si, 't').map(text).join(''));
  }
  const sheetXml = (name: string): Element => {
    const p = sheetParts.get(name);
    if (p === undefined) throw new Error(`package has no sheet ${name}`);
    return parse(part(p));
  };
  return {
    sheetNames: [...sheetParts.keys()],
    sheetState: (name) => states.get(name) ?? 'visible',
    cells(name) {
      const out = new Map<string, OoxmlValue>();
      for (const c of children(sheetXml(name), 'c')) {
        const ref = c.getAttribute('r') ?? '';
        const t = c.getAttribute('t') ?? 'n';
        const v = children(c, 'v')[0];
        if (t === 'inlineStr') {
          out.set(ref, children(c, 't').map(text).join(''));
          continue;
        }
        if (!v) continue;
        const raw = text(v);
        if (t === 's') out.set(ref, shared[Number(raw)] ?? '');
        else if (t === 'str') out.set(ref, raw);
        else if (t === 'b') out.set(ref, raw === '1');
        else if (t === 'e') out.set(ref, { error: raw });
        else out.set(ref, Number(raw));
      }
      return out;
    },
    conditionalFormats(name) {
      const out: OoxmlConditionalFormat[] = [];
      for (const cf of children(sheetXml(name), 'conditionalFormatting')) {
        for (const rule of children(cf, 'cfRule')) {
          out.push({
            sqref: cf.getAttribute('sqref') ?? '',
            priority: Number(rule.getAttribute('priority') ?? 0),
            type: rule.getAttribute('type') ?? '',
            formulas: children(rule, 'formula').map(text),
          });
        }
      }
      return out;
    },
  };
}
