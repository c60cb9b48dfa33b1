/**
 * The add-in's notes on a worksheet: comments in the sheet's comments part, each with its shape in
 * the legacy VML drawing (which Excel needs to show a note). A user's notes and threaded comments
 * are never touched, and a cell that carries one gets no note of ours (the findings sheet lists the
 * finding anyway). The add-in's notes are recognised by their prefix; their shapes by their cell.
 * A comments part or VML drawing left with nothing of the user's is removed with its relationship.
 */
import { NOTE_PREFIX, type CellMark } from '../../core/flag-plan';
import { NOTE_AUTHOR } from '../../i18n/xlsx';
import { CONTENT_TYPE, THREADED_COMMENT_TYPE } from './namespaces';
import { typeTail } from './opc';
import type { PackageEdit } from './package-edit';
import { closeInsert } from './package-edit';
import type { XlsxPackage } from './package';
import type { SheetLayout } from './sheet-reader';
import { insertionPoint } from './sheet-order';
import { inMemory, splicedStream, textSource, type Splice } from './splice';
import { escapeText, ooxmlText } from './xml-text';
import { childrenNamed, firstChild, type XmlElement } from './xml-tree';

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const SHAPES_PER_BLOCK = 1024;

/** VML shape ids come in blocks of 1024 declared by each drawing's o:idmap; blocks are unique in the book. */
export class VmlBlocks {
  private used: Set<number> | null = null;

  constructor(private readonly pkg: XlsxPackage) {}

  private async all(): Promise<Set<number>> {
    if (this.used) return this.used;
    const used = new Set<number>();
    for (const e of this.pkg.zip.entries) {
      if (!e.key.endsWith('.vml')) continue;
      const bytes = await this.pkg.bytes(e.name);
      if (bytes) for (const b of blocksOf(latin1(bytes))) used.add(b);
    }
    this.used = used;
    return used;
  }

  async fresh(): Promise<number> {
    const used = await this.all();
    let b = 1;
    while (used.has(b)) b++;
    used.add(b);
    return b;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function blocksOf(vml: string): number[] {
  const m = /<(?:\w+:)?idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/.exec(vml);
  return m ? m[1]!.split(/[\s,]+/).filter((x) => x !== '').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
}

interface Shape {
  readonly start: number;
  readonly end: number;
  readonly cell: string | null;
  readonly id: number | null;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function shapesOf(vml: string): Shape[] {
  const out: Shape[] = [];
  for (const m of vml.matchAll(/<(\w+):shape\b[\s\S]*?<\/\1:shape>/g)) {
    const text = m[0];
    const note = /ObjectType\s*=\s*["']Note["']/.test(text);
    const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(text);
    const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(text);
    const id = /\bid\s*=\s*["']_x0000_s(\d+)["']/.exec(text);
    out.push({
      start: m.index,
      end: m.index + text.length,
      cell: note && row && col ? `${columnName(Number(col[1]))}${Number(row[1]) + 1}` : null,
      id: id ? Number(id[1]) : null,
    });
  }
  return out;
}

function shapeXml(id: number, m: CellMark, z: number): string {
  const top = Math.max(0, m.row - 1);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${m.col + 1}, 15, ${top}, 10, ${m.col + 5}, 15, ${top + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${m.row}</x:Row><x:Column>${m.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Text of a comment: its runs joined, phonetic guides left out. */
function commentText(el: XmlElement): string {
  const text = firstChild(el, 'text');
  if (!text) return '';
  let s = '';
  for (const c of text.children) {
    if (c.local === 't') s += c.text;
    else if (c.local === 'r') for (const t of childrenNamed(c, 't')) s += t.text;
  }
  return s;
}

export interface NotesContext {
  readonly pkg: XlsxPackage;
  readonly edit: PackageEdit;
  readonly blocks: VmlBlocks;
}

/**
 * Bring the sheet's notes to `marks` (none: remove the add-in's). Returns splices of the sheet part
 * (its <legacyDrawing> element added or removed), and how many notes were written.
 */
export async function editNotes(ctx: NotesContext, sheetPart: string, layout: SheetLayout, marks: readonly CellMark[]): Promise<{ splices: Splice[]; written: number }> {
  const { pkg, edit } = ctx;
  const platform = pkg.platform;
  const encode = (s: string) => platform.encode(s);
  const rels = await pkg.rels(sheetPart);
  const commentsRel = rels.list.find((r) => !r.external && typeTail(r.type) === 'comments' && r.part && pkg.has(r.part));
  const commentsDoc = commentsRel ? await pkg.xml(commentsRel.part!) : null;
  const all = commentsDoc ? childrenNamed(firstChild(commentsDoc.root, 'commentList') ?? commentsDoc.root, 'comment') : [];
  const ours = all.filter((c) => commentText(c).startsWith(NOTE_PREFIX));
  const theirs = all.filter((c) => !ours.includes(c));
  const userCells = new Set(theirs.map((c) => (c.attrs.get('ref') ?? '').toUpperCase()));
  for (const r of rels.list) {
    if (r.external || typeTail(r.type) !== THREADED_COMMENT_TYPE || !r.part) continue;
    const doc = await pkg.xml(r.part);
    for (const t of doc ? doc.root.children : []) if (t.attrs.get('ref')) userCells.add(t.attrs.get('ref')!.toUpperCase());
  }
  const wanted = marks.filter((m) => !userCells.has(m.cell));
  if (ours.length === 0 && wanted.length === 0) return { splices: [], written: 0 };

  const sheetSplices: Splice[] = [];
  const relsEdit = await edit.rels(sheetPart);

  // The comments part.
  if (commentsDoc && commentsRel) {
    const root = commentsDoc.root;
    const p = root.prefix ? `${root.prefix}:` : '';
    const raw = (s: number, e: number) => platform.utf8(commentsDoc.bytes, s, e);
    const authorsEl = firstChild(root, 'authors');
    const authors = authorsEl ? childrenNamed(authorsEl, 'author') : [];
    const splices: Splice[] = ours.map((c) => ({ start: c.start, end: c.end, insert: '' }));
    let authorId = authors.findIndex((a) => a.text === NOTE_AUTHOR);
    const usedIds = new Set(theirs.map((c) => Number(c.attrs.get('authorId') ?? 0)));
    if (wanted.length > 0) {
      if (authorId < 0) {
        authorId = authors.length;
        const xml = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
        splices.push(authorsEl ? closeInsert(authorsEl, xml, raw) : { start: root.openEnd, end: root.openEnd, insert: `<${p}authors>${xml}</${p}authors>` });
      }
      const list = firstChild(root, 'commentList');
      const id = authorId;
      const xml = () => wanted.map((m) => commentXml(m, id, p));
      splices.push(list ? closeInsert(list, xml, raw) : closeInsert(root, () => [`<${p}commentList>`, ...xml(), `</${p}commentList>`], raw));
    } else if (authorId >= 0 && authorId === authors.length - 1 && !usedIds.has(authorId)) {
      splices.push({ start: authors[authorId]!.start, end: authors[authorId]!.end, insert: '' });
    }
    // Without any note left the part says nothing (whatever authors it lists): it goes.
    if (theirs.length === 0 && wanted.length === 0) {
      edit.remove(commentsRel.part!);
      relsEdit.remove(commentsRel.id);
    } else {
      const bytes = commentsDoc.bytes;
      edit.writeStream(commentsRel.part!, () => splicedStream(inMemory(bytes), splices, encode), bytes.length + wanted.length * 200);
    }
  } else if (wanted.length > 0) {
    const part = edit.freeName((n) => `xl/comments${n}.xml`);
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${pkg.ns.main}"><authors><author>${escapeText(NOTE_AUTHOR)}</author></authors><commentList>`;
    const xml = () => [head, ...wanted.map((m) => commentXml(m, 0, '')), '</commentList></comments>'];
    edit.writeStream(part, textSource(xml, encode), wanted.length * 200, CONTENT_TYPE.comments);
    await edit.relate(sheetPart, `${pkg.ns.relTypes}comments`, part);
  }

  // The VML drawing.
  const legacy = layout.children.find((c) => c.local === 'legacyDrawing');
  const legacyId = legacy?.raw ? /\b[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(platform.utf8(legacy.raw, 0, legacy.raw.length))?.[1] : undefined;
  const vmlRel = legacyId ? rels.list.find((r) => r.id === legacyId && !r.external && r.part && pkg.has(r.part)) : undefined;
  if (vmlRel && legacy) {
    const bytes = (await pkg.bytes(vmlRel.part!))!;
    const vml = latin1(bytes);
    const oldCells = new Set(ours.map((c) => (c.attrs.get('ref') ?? '').toUpperCase()));
    const shapes = shapesOf(vml);
    const mine = shapes.filter((s) => s.cell !== null && oldCells.has(s.cell) && !userCells.has(s.cell));
    const splices: Splice[] = mine.map((s) => ({ start: s.start, end: s.end, insert: '' }));
    if (wanted.length > 0) {
      const usedIds = new Set(shapes.filter((s) => !mine.includes(s)).map((s) => s.id ?? -1));
      const blocks = blocksOf(vml);
      const ids: number[] = [];
      const newBlocks: number[] = [];
      for (let i = 0; ids.length < wanted.length; i++) {
        if (i >= blocks.length) {
          const b = await ctx.blocks.fresh();
          blocks.push(b);
          newBlocks.push(b);
        }
        for (let id = blocks[i]! * SHAPES_PER_BLOCK + 1; id < (blocks[i]! + 1) * SHAPES_PER_BLOCK && ids.length < wanted.length; id++) if (!usedIds.has(id)) ids.push(id);
      }
      const typeXml = /id\s*=\s*["']_x0000_t202["']/.test(vml) ? '' : SHAPE_TYPE;
      const first = shapes.length - mine.length;
      const xml = () => [typeXml, ...wanted.map((m, i) => shapeXml(ids[i]!, m, first + i + 1))];
      const close = vml.lastIndexOf('</xml>');
      splices.push({ start: close < 0 ? vml.length : close, end: close < 0 ? vml.length : close, insert: xml });
      if (newBlocks.length > 0) {
        const m = /(<(?:\w+:)?idmap\b[^>]*\bdata\s*=\s*["'])([^"']*)(["'])/.exec(vml);
        if (m) splices.push({ start: m.index, end: m.index + m[0].length, insert: `${m[1]}${[...blocksOf(vml), ...newBlocks].join(',')}${m[3]}` });
      }
    }
    const remaining = shapes.length - mine.length + wanted.length;
    if (remaining === 0) {
      edit.remove(vmlRel.part!);
      relsEdit.remove(vmlRel.id);
      sheetSplices.push({ start: legacy.start, end: legacy.end, insert: '' });
    } else {
      // The user's bytes are passed through as they are (whatever their encoding); ours are ASCII.
      edit.writeStream(vmlRel.part!, () => splicedStream(inMemory(bytes), splices, encode), bytes.length + wanted.length * 900);
    }
  } else if (wanted.length > 0 && !legacy) {
    const part = edit.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const blocks: number[] = [];
    for (let i = 0; i * (SHAPES_PER_BLOCK - 1) < wanted.length; i++) blocks.push(await ctx.blocks.fresh());
    const ids: number[] = [];
    for (const b of blocks) for (let id = b * SHAPES_PER_BLOCK + 1; id < (b + 1) * SHAPES_PER_BLOCK && ids.length < wanted.length; id++) ids.push(id);
    const head =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>${SHAPE_TYPE}`;
    const xml = () => [head, ...wanted.map((m, i) => shapeXml(ids[i]!, m, i + 1)), '</xml>'];
    edit.writeStream(part, textSource(xml, encode), wanted.length * 900, CONTENT_TYPE.vml);
    const rId = await edit.relate(sheetPart, `${pkg.ns.relTypes}vmlDrawing`, part);
    sheetSplices.push({ start: insertionPoint(layout, 'legacyDrawing'), end: insertionPoint(layout, 'legacyDrawing'), insert: legacyDrawingXml(layout, rId, pkg.ns.r) });
  }
  return { splices: sheetSplices, written: wanted.length };
}

function commentXml(m: CellMark, authorId: number, p: string): string {
  // One run rather than bare text: both are valid, and some readers (ExcelJS among them) only read runs.
  return `<${p}comment ref="${m.cell}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${ooxmlText(m.note)}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** <legacyDrawing r:id>, with the sheet's prefixes (declaring the relationships prefix when the sheet has none). */
export function legacyDrawingXml(layout: SheetLayout, rId: string, rNs: string): string {
  return `<${elementPrefix(layout)}legacyDrawing ${rAttr(layout, rNs)}="${rId}"/>`;
}

/** The prefix for SpreadsheetML elements in this sheet ("" when it is the default namespace). */
export function elementPrefix(layout: SheetLayout): string {
  return layout.rootPrefix ? `${layout.rootPrefix}:` : '';
}

/** "r:id" with the sheet's prefix for the relationships namespace, declaring one when it has none. */
export function rAttr(layout: SheetLayout, rNs: string): string {
  for (const [prefix, uri] of layout.namespaces) if (uri === rNs && prefix !== '') return `${prefix}:id`;
  return `xmlns:r="${rNs}" r:id`;
}

