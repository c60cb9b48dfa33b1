/**
 * What the annotated copy may change, precisely (issue 10, "Write by patching"; SPEC §6;
 * docs/reliability.md §1), and the checks that the user's content in those parts is unchanged.
 *
 * The tool may touch only these parts of the input package:
 *
 * | part | how |
 * | --- | --- |
 * | [Content_Types].xml | gains Default/Override entries; every original entry is kept as it was |
 * | the workbook part (xl/workbook.xml) | gains <sheet> elements for its own sheets ("KQ …"); with them taken out, the text is the original's |
 * | the workbook's rels | gains relationships; every original one is kept (Id, Type, Target, TargetMode) |
 * | styles.xml | appends to its lists (dxfs for the flags, xfs, fonts, fills, numFmts for its sheets); every original element stays in place, in order |
 * | each task sheet's worksheet part | gains <conditionalFormatting> blocks whose formulas carry the `kq:` marker (src/core/flag-plan.ts FLAG_MARK), and a <legacyDrawing> when the sheet had none; with them (and namespace declarations it added to the root) taken out, the text is the original's |
 * | each task sheet's rels | gains relationships (comments, VML) |
 * | each task sheet's comments part, if it has one | gains the tool's notes and authors; every original note keeps its cell, author, text and attributes |
 * | each task sheet's VML drawing, if it has one | gains the shapes of the tool's notes; every original <v:shape> is kept as written |
 *
 * Every other part is copied byte for byte (decompressed), none is removed, and new parts (the KQ
 * sheets, their tables, drawings and charts, the helper sheets, comments and VML of task sheets
 * that had none) are reachable through relationships and have a content type.
 */
import type { Element } from '@xmldom/xmldom';
import {
  attributes,
  children,
  contentTypeOf,
  contentTypes,
  notes,
  parseXml,
  relationships,
  relOfType,
  relsPartOf,
  serialize,
  sheetPart,
  text,
  workbookPart,
  type Parts,
} from './package';

/** The sheets the tool owns (SPEC §6: names starting with "KQ "; src/core/presentation.ts). */
export const TOOL_SHEET_NAMES = ['KQ Đánh giá', 'KQ Kiểm tra', 'KQ Cá nhân', 'KQ Hạn', 'KQ Cài đặt'] as const;

/** Prefix of every note the tool writes (docs/reliability.md §1). */
export const TOOL_NOTE_PREFIX = '[KQ kiểm tra] ';

export type TouchRule = 'content-types' | 'workbook' | 'rels' | 'styles' | 'worksheet' | 'comments' | 'vml';

/** The parts of the input the tool may touch, each with the rule its change must follow. */
export function touchableParts(input: Parts, taskSheets: readonly string[]): Map<string, TouchRule> {
  const wb = workbookPart(input);
  const out = new Map<string, TouchRule>([
    ['[Content_Types].xml', 'content-types'],
    [wb, 'workbook'],
    [relsPartOf(wb), 'rels'],
  ]);
  for (const r of relOfType(input, wb, 'styles')) out.set(r.part, 'styles');
  for (const name of taskSheets) {
    const part = sheetPart(input, name);
    out.set(part, 'worksheet');
    out.set(relsPartOf(part), 'rels');
    for (const r of relOfType(input, part, 'comments')) out.set(r.part, 'comments');
    for (const r of relOfType(input, part, 'vmlDrawing')) out.set(r.part, 'vml');
  }
  return out;
}

// ------------------------------------------------------------------ rules for touched parts

function contentTypesKept(before: Parts, after: Parts): string[] {
  const a = contentTypes(before);
  const b = contentTypes(after);
  const problems: string[] = [];
  for (const [ext, type] of a.defaults) if (b.defaults.get(ext) !== type) problems.push(`Default ${ext}: ${type} became ${b.defaults.get(ext) ?? 'missing'}`);
  for (const [part, type] of a.overrides) if (b.overrides.get(part) !== type) problems.push(`Override /${part}: ${type} became ${b.overrides.get(part) ?? 'missing'}`);
  return problems;
}

function relationshipsKept(before: Parts, after: Parts, relsPart: string): string[] {
  const key = (r: Element) => ['Id', 'Type', 'Target', 'TargetMode'].map((k) => r.getAttribute(k) ?? '').join(' | ');
  const a = children(parseXml(text(before, relsPart)), 'Relationship').map(key);
  const b = new Set(children(parseXml(text(after, relsPart)), 'Relationship').map(key));
  return a.filter((k) => !b.has(k)).map((k) => `relationship lost or changed: ${k}`);
}

function decodeAttr(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

/** Where two texts first differ, with some context, for a readable failure. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return `at ${i}: expected …${expected.slice(Math.max(0, i - 60), i + 100)}… got …${actual.slice(Math.max(0, i - 60), i + 100)}…`;
}

/** workbook.xml without the <sheet> elements of the tool's sheets. */
export function withoutToolSheets(xml: string): string {
  return xml.replace(/<(?:[\w.-]+:)?sheet\s[^>]*?\/>/g, (tag) => {
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    const decoded = name ? decodeAttr(name[1] ?? name[2] ?? '') : '';
    return (TOOL_SHEET_NAMES as readonly string[]).includes(decoded) ? '' : tag;
  });
}

function workbookKept(before: string, after: string): string[] {
  const diff = firstDifference(before, withoutToolSheets(after));
  return diff ? [`workbook part changed beyond added KQ sheets: ${diff}`] : [];
}

function stylesKept(before: string, after: string): string[] {
  const problems: string[] = [];
  const a = children(parseXml(before));
  const b = children(parseXml(after));
  let j = 0;
  for (const list of a) {
    while (j < b.length && b[j]!.localName !== list.localName) j++;
    const kept = b[j];
    if (!kept) {
      problems.push(`styles: <${list.localName}> lost or moved`);
      continue;
    }
    j++;
    const attrsA = JSON.stringify(attributes(list, ['count']));
    const attrsB = JSON.stringify(attributes(kept, ['count']));
    if (attrsA !== attrsB) problems.push(`styles: attributes of <${list.localName}> changed: ${attrsA} → ${attrsB}`);
    const itemsA = children(list).map(serialize);
    const itemsB = children(kept).map(serialize);
    itemsA.forEach((item, i) => {
      if (itemsB[i] !== item) problems.push(`styles: <${list.localName}> item ${i} changed or moved: ${item.slice(0, 160)} → ${(itemsB[i] ?? 'missing').slice(0, 160)}`);
    });
  }
  return problems;
}

const ROOT_TAG = /<(?:[\w.-]+:)?worksheet\b[^>]*>/;
const TOOL_CF = /<((?:[\w.-]+:)?)conditionalFormatting\b[^>]*>[\s\S]*?<\/\1conditionalFormatting>/g;
const LEGACY_DRAWING = /<((?:[\w.-]+:)?)legacyDrawing\b[^>]*?(?:\/>|>\s*<\/\1legacyDrawing>)/;

function rootAttributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? '']));
}

/**
 * A worksheet part as the user wrote it: the annotated text without the tool's conditional-format
 * blocks (those holding a `kq:` marker), without a <legacyDrawing> the original did not have, and
 * with the original root tag when the annotated one only added namespace declarations.
 */
export function userWorksheet(original: string, annotated: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  let t = annotated.replace(TOOL_CF, (block) => (block.includes('kq:') ? '' : block));
  if (!LEGACY_DRAWING.test(original)) t = t.replace(LEGACY_DRAWING, '');
  const rootA = ROOT_TAG.exec(original)?.[0];
  const rootB = ROOT_TAG.exec(t)?.[0];
  if (rootA && rootB && rootA !== rootB) {
    const a = rootAttributes(rootA);
    const b = rootAttributes(rootB);
    const changed = [...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k);
    const added = [...b.keys()].filter((k) => !a.has(k) && !k.startsWith('xmlns:'));
    if (changed.length > 0 || added.length > 0) problems.push(`worksheet root changed: ${[...changed, ...added].join(', ')}`);
    t = t.replace(rootB, rootA);
  }
  return { text: t, problems };
}

function worksheetKept(before: string, after: string): string[] {
  const { text: user, problems } = userWorksheet(before, after);
  const diff = firstDifference(before, user);
  return diff ? [...problems, `worksheet changed beyond the tool's flags: ${diff}`] : problems;
}

function notesKept(before: Parts, after: Parts, part: string): string[] {
  const a = notes(before, part);
  const b = notes(after, part);
  const problems: string[] = [];
  for (const [cell, note] of a) {
    const kept = b.get(cell);
    if (!kept) problems.push(`note at ${cell} lost`);
    else if (JSON.stringify(kept) !== JSON.stringify(note)) problems.push(`note at ${cell} changed: ${JSON.stringify(note).slice(0, 200)} → ${JSON.stringify(kept).slice(0, 200)}`);
  }
  return problems;
}

function vmlKept(before: string, after: string): string[] {
  const shapes = before.match(/<v:shape\b[\s\S]*?<\/v:shape>/g) ?? [];
  return shapes.filter((s) => !after.includes(s)).map((s) => `VML shape lost or changed: ${s.slice(0, 160)}`);
}

/** Whether a touched part keeps the user's content, by its rule; the list of what it lost. */
function touchedKept(rule: TouchRule, before: Parts, after: Parts, part: string): string[] {
  switch (rule) {
    case 'content-types':
      return contentTypesKept(before, after);
    case 'rels':
      return relationshipsKept(before, after, part);
    case 'workbook':
      return workbookKept(text(before, part), text(after, part));
    case 'styles':
      return stylesKept(text(before, part), text(after, part));
    case 'worksheet':
      return worksheetKept(text(before, part), text(after, part));
    case 'comments':
      return notesKept(before, after, part);
    case 'vml':
      return vmlKept(text(before, part), text(after, part));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/**
 * Every part of the input in the annotated copy: untouchable ones byte for byte, touchable ones
 * keeping the user's content by their rule. Returns what was lost, one line per problem.
 */
export function partsKept(before: Parts, after: Parts, taskSheets: readonly string[]): string[] {
  const touchable = touchableParts(before, taskSheets);
  const problems: string[] = [];
  for (const [name, data] of before) {
    const kept = after.get(name);
    if (!kept) {
      problems.push(`${name}: missing from the annotated copy`);
      continue;
    }
    const rule = touchable.get(name);
    if (rule === undefined) {
      if (!sameBytes(data, kept)) problems.push(`${name}: changed, but the tool never writes it`);
    } else {
      problems.push(...touchedKept(rule, before, after, name).map((p) => `${name}: ${p}`));
    }
  }
  return problems;
}

/** The content type a part must have when a relationship of this type points to it (ECMA-376 Part 1, §12). */
const CONTENT_TYPE_OF_REL: Readonly<Record<string, string>> = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/**
 * A package every reader accepts: relationships lead to parts, parts have content types, and the
 * parts the tool added are reachable and typed for what they are.
 */
export function packageProblems(before: Parts, after: Parts): string[] {
  const problems: string[] = [];
  const types = contentTypes(after);
  const reached = new Set<string>();
  for (const name of after.keys()) {
    if (!name.endsWith('.rels') && name !== '[Content_Types].xml' && contentTypeOf(types, name) === undefined) problems.push(`${name}: no content type`);
  }
  const sources = ['', ...[...after.keys()].filter((n) => !n.endsWith('.rels'))];
  for (const source of sources) {
    for (const r of relationships(after, source)) {
      if (r.external) continue;
      reached.add(r.part);
      if (!after.has(r.part)) problems.push(`${source || 'package'} → ${r.target} (${r.type.split('/').pop()}): no such part`);
      const expected = CONTENT_TYPE_OF_REL[r.type.split('/').pop() ?? ''];
      const actual = contentTypeOf(types, r.part);
      if (expected && !before.has(r.part) && after.has(r.part) && actual !== expected) problems.push(`${r.part}: content type ${actual ?? 'none'}, not ${expected}`);
    }
  }
  for (const name of after.keys()) {
    if (!before.has(name) && !name.endsWith('.rels') && !reached.has(name)) problems.push(`${name}: new part that nothing refers to`);
  }
  return problems;
}
