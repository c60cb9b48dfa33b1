/**
 * A written package as tests inspect it, independently of the adapter: parts unzipped by fflate,
 * XML parsed by @xmldom/xmldom, relationships resolved by the rules of ECMA-376 Part 2.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Readonly<Record<string, Uint8Array>>;

export function readParts(zip: Uint8Array): Parts {
  return unzipSync(zip);
}

export function partText(parts: Parts, name: string): string {
  const data = parts[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

export function partXml(parts: Parts, name: string): Element {
  return new DOMParser().parseFromString(partText(parts, name), 'text/xml').documentElement!;
}

export function elements(el: Element, local: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', local));
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s !== '') parts.push(s);
  }
  return parts.join('/');
}

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly part: string;
}

export function relsOf(parts: Parts, source: string): Rel[] {
  const slash = source.lastIndexOf('/');
  const name = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  if (!parts[name]) return [];
  return elements(partXml(parts, name), 'Relationship').map((r) => ({
    id: r.getAttribute('Id')!,
    type: r.getAttribute('Type')!.replace(/.*\//, ''),
    part: r.getAttribute('TargetMode') === 'External' ? '' : resolve(source, r.getAttribute('Target')!),
  }));
}

/** The part of the worksheet with this name. */
export function sheetPartOf(parts: Parts, sheet: string): string {
  const wb = partXml(parts, 'xl/workbook.xml');
  const el = elements(wb, 'sheet').find((s) => s.getAttribute('name') === sheet);
  if (!el) throw new Error(`no sheet ${sheet}`);
  const id = el.getAttribute('r:id');
  return relsOf(parts, 'xl/workbook.xml').find((r) => r.id === id)!.part;
}

/** The links of a sheet as written: cell, place in the workbook (location) and text shown. */
export function hyperlinksOf(parts: Parts, sheet: string): { ref: string; location: string; display: string }[] {
  return elements(partXml(parts, sheetPartOf(parts, sheet)), 'hyperlink').map((h) => ({
    ref: h.getAttribute('ref')!,
    location: h.getAttribute('location') ?? '',
    display: h.getAttribute('display') ?? '',
  }));
}
