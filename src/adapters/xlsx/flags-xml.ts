/**
 * SPEC §6 flags as worksheet XML: the core's FlagPlan rendered as <conditionalFormatting> blocks,
 * and the add-in's own blocks recognised again by the marker in their formulas (so that they are
 * replaced, or removed exactly, and a user's rule grouped with ours by Excel stays).
 */
import { a1 } from '../../core/cells';
import { FLAG_MARK, formulaString, markFormula, overdueFormula, unassignedFormula, type RowBlock, type SheetFlagPlan } from '../../core/flag-plan';
import { FLAG_STYLE, type FlagStyleName } from '../../core/presentation';
import type { Severity } from '../../core/report';
import type { XlsxPlatform } from './platform';
import type { TopElement } from './sheet-reader';
import { escapeAttr, escapeText } from './xml-text';
import { childrenNamed, parseXml, type XmlElement } from './xml-tree';

/** One conditional format the add-in writes: where, the rule formula, and which style. */
export interface FlagFormat {
  readonly ref: string;
  readonly formula: string;
  readonly style: FlagStyleName;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** The quoted marker literals; a rule whose formula holds one of them is the add-in's. */
const MARKER_LITERALS = Object.values(FLAG_MARK).map(formulaString);

function span(first: number, last: number, firstCol: number, lastCol: number): string {
  const tl = a1(first, firstCol);
  const br = a1(last, lastCol);
  return tl === br ? tl : `${tl}:${br}`;
}

function blocksRef(blocks: readonly RowBlock[], firstCol: number, lastCol: number): string {
  return blocks.map((b) => span(b.first, b.last, firstCol, lastCol)).join(' ');
}

/** The conditional formats of one task sheet. */
export function flagFormats(plan: SheetFlagPlan): FlagFormat[] {
  const out: FlagFormat[] = [];
  const top = plan.recordBlocks[0];
  if (top) {
    out.push({ ref: blocksRef(plan.recordBlocks, plan.firstCol, plan.lastCol), formula: overdueFormula(plan, top.first), style: 'overdue' });
    out.push({ ref: blocksRef(plan.recordBlocks, plan.leadCol, plan.leadCol), formula: unassignedFormula(plan, top.first), style: 'unassigned' });
  }
  for (const severity of SEVERITIES) {
    const cells = plan.marks.filter((m) => m.severity === severity).map((m) => m.cell);
    if (cells.length > 0) out.push({ ref: cells.join(' '), formula: markFormula(severity), style: severity });
  }
  return out;
}

export function isOurFormula(formula: string): boolean {
  return MARKER_LITERALS.some((m) => formula.includes(m));
}

/** The differential format of a flag style, with the element prefix of the styles part. */
export function dxfXml(name: FlagStyleName, p: string): string {
  const style = FLAG_STYLE[name];
  const fill = `FF${style.fill.slice(1).toUpperCase()}`;
  const font = style.font === null ? '' : `<${p}font><${p}color rgb="FF${style.font.slice(1).toUpperCase()}"/></${p}font>`;
  return `<${p}dxf>${font}<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
}

/** <conditionalFormatting> blocks for the formats, numbered from `firstPriority`. */
export function formatsXml(formats: readonly FlagFormat[], dxfIds: ReadonlyMap<FlagStyleName, number>, firstPriority: number, p: string): string {
  let priority = firstPriority;
  return formats
    .map(
      (f) =>
        `<${p}conditionalFormatting sqref="${escapeAttr(f.ref)}"><${p}cfRule type="expression" dxfId="${dxfIds.get(f.style)}" priority="${priority++}"><${p}formula>${escapeText(f.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    )
    .join('');
}

/** What a sheet's existing conditional formats hold: the user's rules and the add-in's. */
export interface SheetFormats {
  /** Byte ranges (absolute in the part) of the add-in's rules or whole blocks, to remove. */
  readonly ours: readonly { readonly start: number; readonly end: number }[];
  readonly ourRules: number;
  /** Highest priority among the rules that stay (the user's, x14 extension rules included). */
  readonly maxUserPriority: number;
  /** dxf ids the rules that stay use. */
  readonly userDxfIds: ReadonlySet<number>;
  /** End of the last block that stays, or -1. */
  readonly lastUserEnd: number;
}

function ruleFormulas(rule: XmlElement): string {
  return childrenNamed(rule, 'formula')
    .map((f) => f.text)
    .join('\n');
}

export function sheetFormats(children: readonly TopElement[], platform: XlsxPlatform, part: string): SheetFormats {
  const ours: { start: number; end: number }[] = [];
  let ourRules = 0;
  let maxUserPriority = 0;
  const userDxfIds = new Set<number>();
  let lastUserEnd = -1;
  for (const el of children) {
    if (el.local === 'extLst' && el.raw) {
      const text = platform.utf8(el.raw, 0, el.raw.length);
      for (const m of text.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)["']/g)) maxUserPriority = Math.max(maxUserPriority, Number(m[1]));
      continue;
    }
    if (el.local !== 'conditionalFormatting' || !el.raw) continue;
    // The block as a small document of its own (namespace prefixes need no declaration to be read here).
    const doc = parseXml(el.raw, platform, part);
    const rules = childrenNamed(doc.root, 'cfRule');
    const mine = rules.filter((r) => isOurFormula(ruleFormulas(r)));
    ourRules += mine.length;
    if (mine.length > 0 && mine.length === rules.length) {
      ours.push({ start: el.start, end: el.end });
      continue;
    }
    for (const r of mine) ours.push({ start: el.start + r.start, end: el.start + r.end });
    for (const r of rules) {
      if (mine.includes(r)) continue;
      maxUserPriority = Math.max(maxUserPriority, Number(r.attrs.get('priority') ?? 0) || 0);
      const dxf = r.attrs.get('dxfId');
      if (dxf !== undefined) userDxfIds.add(Number(dxf));
    }
    lastUserEnd = el.end;
  }
  return { ours, ourRules, maxUserPriority, userDxfIds, lastUserEnd };
}

/** dxfIds used anywhere in a small part (tables, pivot tables, the styles part's own table styles). */
export function dxfIdsIn(text: string, into: Set<number>): void {
  for (const m of text.matchAll(/\b(?:dxfId|headerRowDxfId|dataDxfId|totalsRowDxfId|headerRowBorderDxfId|tableBorderDxfId|totalsRowBorderDxfId)\s*=\s*["'](\d+)["']/g)) into.add(Number(m[1]));
}

