/**
 * The flags writer's operations, each queued when its request is sent (writes.ts): the core's
 * FlagPlan as conditional formats (one rule per kind per sheet, over all its row blocks at once with
 * RangeAreas when ExcelApi 1.9 is there, else one per block), the notes that carry the messages, the
 * very hidden helper sheet "KQ Hạn", and their removal.
 *
 * Removal relies on priorities, not identities: Excel renumbers rules on every add and delete, so the
 * rules to delete come from a read made in the sync just before, and are deleted from the highest
 * priority down (deleting one never moves those still to delete).
 */
import { markFormula, overdueFormula, unassignedFormula, type SheetFlagPlan } from '../../core/flag-plan';
import { FLAG_STYLE, HELPER_SHEET } from '../../core/presentation';
import type { Severity } from '../../core/report';
import type { RuleView } from './flag-survey';
import type { Features } from './host';
import { MAX_AREAS_ADDRESS, REQUEST_BUDGET_BYTES } from './limits';
import { groupAddresses, rangeAddress, utf8Length } from './office-values';
import type { WriteOp } from './writes';

/** A priority beyond the collection's size: Excel puts the rule last, after the user's own rules. */
const LAST_PRIORITY = 1_000_000;

export function op(bytes: number, queue: () => void): WriteOp {
  return { bytes, queue };
}

export interface FlagCounts {
  rulesAdded: number;
  rulesRemoved: number;
  notesAdded: number;
  notesRemoved: number;
}

interface Area {
  readonly address: string;
  readonly top: number;
}

function blockAreas(plan: SheetFlagPlan, firstCol: number, lastCol: number): Area[] {
  return plan.recordBlocks.map((b) => ({ address: rangeAddress(b.first, firstCol, b.last, lastCol), top: b.first }));
}

/** Marked cells of one severity as vertical runs, column by column. */
function markAreas(plan: SheetFlagPlan, severity: Severity): Area[] {
  const cells = plan.marks.filter((m) => m.severity === severity).sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Area[] = [];
  let i = 0;
  while (i < cells.length) {
    const first = cells[i]!;
    let last = first;
    while (i + 1 < cells.length && cells[i + 1]!.col === first.col && cells[i + 1]!.row === last.row + 1) last = cells[++i]!;
    out.push({ address: rangeAddress(first.row, first.col, last.row, first.col), top: first.row });
    i++;
  }
  return out.sort((a, b) => a.top - b.top);
}

interface RuleSpec {
  readonly areas: readonly Area[];
  readonly formula: (top: number) => string;
  readonly style: { readonly fill: string; readonly font: string | null };
}

function ruleSpecs(plan: SheetFlagPlan): RuleSpec[] {
  const specs: RuleSpec[] = [];
  if (plan.recordBlocks.length > 0) {
    specs.push({ areas: blockAreas(plan, plan.firstCol, plan.lastCol), formula: (top) => overdueFormula(plan, top), style: FLAG_STYLE.overdue });
    specs.push({ areas: blockAreas(plan, plan.leadCol, plan.leadCol), formula: (top) => unassignedFormula(plan, top), style: FLAG_STYLE.unassigned });
  }
  for (const severity of ['error', 'warning'] as const) {
    const areas = markAreas(plan, severity);
    if (areas.length > 0) specs.push({ areas, formula: () => markFormula(severity), style: FLAG_STYLE[severity] });
  }
  return specs;
}

/**
 * Formula and format first, the priority last: once its priority changes, a rule object must be
 * fetched again before further changes (ConditionalFormat.priority).
 */
function styleRule(cf: Excel.ConditionalFormat, formula: string, style: RuleSpec['style']): void {
  cf.custom.rule.formula = `=${formula}`;
  cf.custom.format.fill.color = style.fill;
  if (style.font) cf.custom.format.font.color = style.font;
  cf.priority = LAST_PRIORITY;
}

/** The rules of one task sheet (plan k of the flag plan: its column of the helper sheet). */
export function ruleOps(ctx: Excel.RequestContext, features: Features, s: SheetFlagPlan, counts: FlagCounts): WriteOp[] {
  const ops: WriteOp[] = [];
  const ws = (): Excel.Worksheet => ctx.workbook.worksheets.getItem(s.sheet);
  for (const spec of ruleSpecs(s)) {
    if (features.rangeAreas) {
      for (const group of groupAddresses(spec.areas.map((a) => a.address), MAX_AREAS_ADDRESS)) {
        const top = spec.areas.find((a) => a.address === group[0])!.top;
        const address = group.join(',');
        ops.push(op(address.length, () => styleRule(ws().getRanges(address).conditionalFormats.add('Custom'), spec.formula(top), spec.style)));
        counts.rulesAdded++;
      }
    } else {
      for (const area of spec.areas) {
        ops.push(op(area.address.length, () => styleRule(ws().getRange(area.address).conditionalFormats.add('Custom'), spec.formula(area.top), spec.style)));
        counts.rulesAdded++;
      }
    }
  }
  return ops;
}

/** Notes of the plan's marks, but on cells holding a note or a threaded comment of the user's. */
export function noteOps(ctx: Excel.RequestContext, s: SheetFlagPlan, taken: ReadonlySet<string>, counts: FlagCounts): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const m of s.marks) {
    if (taken.has(m.cell)) continue; // the user's note or comment stays; the findings sheet lists this one
    ops.push(op(utf8Length(m.note), () => ctx.workbook.worksheets.getItem(s.sheet).notes.add(m.cell, m.note)));
    counts.notesAdded++;
  }
  return ops;
}

/** Delete these rules, read in the sync just before, from the highest priority down. */
export function deleteRuleOps(rules: readonly RuleView[], counts: FlagCounts): WriteOp[] {
  return [...rules]
    .sort((a, b) => b.priority - a.priority)
    .map((r) => {
      counts.rulesRemoved++;
      return op(0, () => r.cf.delete());
    });
}

/** Delete these notes, last first (a collection's items may be addressed by position). */
export function deleteNoteOps(notes: readonly Excel.Note[], counts: FlagCounts): WriteOp[] {
  return [...notes].reverse().map((n) => {
    counts.notesRemoved++;
    return op(0, () => n.delete());
  });
}

export function helperSheet(ctx: Excel.RequestContext): Excel.Worksheet {
  return ctx.workbook.worksheets.getItem(HELPER_SHEET);
}

/**
 * Create the helper sheet, very hidden. Its visibility is set here only: Excel refuses any hide or
 * unhide under workbook structure protection, even to the value a sheet already has.
 */
export function createHelperOp(ctx: Excel.RequestContext): WriteOp {
  return op(0, () => {
    ctx.workbook.worksheets.add(HELPER_SHEET).visibility = 'VeryHidden';
  });
}

/** Delete the helper sheet: made visible first, since Excel does not delete a very hidden sheet. */
export function deleteHelperOp(ctx: Excel.RequestContext): WriteOp {
  return op(0, () => {
    const helper = helperSheet(ctx);
    helper.visibility = 'Visible';
    helper.delete();
  });
}

export function clearHelperOp(ctx: Excel.RequestContext): WriteOp {
  return op(0, () => helperSheet(ctx).getRange().clear('Contents'));
}

/** One column of the helper sheet from `row` down; split in halves when Excel finds it too large. */
function helperValuesOp(ctx: Excel.RequestContext, row: number, col: number, values: Array<[number | string]>): WriteOp {
  const split = (): WriteOp[] => {
    const half = Math.ceil(values.length / 2);
    return [helperValuesOp(ctx, row, col, values.slice(0, half)), helperValuesOp(ctx, row + half, col, values.slice(half))];
  };
  return {
    bytes: values.length * 8,
    queue: () => {
      helperSheet(ctx).getRangeByIndexes(row, col, values.length, 1).values = values;
    },
    ...(values.length > 1 ? { split } : {}),
  };
}

/** One helper column of a task sheet (the plan's cells in it), in row spans of one array each. */
function helperColumnOps(ctx: Excel.RequestContext, col: number, s: SheetFlagPlan): WriteOp[] {
  const serials = s.helperCells
    .filter((c) => c.col === col)
    .map((c) => ({ row: c.row, serial: c.value }))
    .sort((a, b) => a.row - b.row);
  const maxRows = Math.floor(REQUEST_BUDGET_BYTES / 16);
  const ops: WriteOp[] = [];
  let i = 0;
  while (i < serials.length) {
    const first = serials[i]!.row;
    const column: Array<[number | string]> = [];
    let last = first;
    while (i < serials.length && serials[i]!.row - first < maxRows) {
      const { row, serial } = serials[i]!;
      while (last < row) {
        column.push(['']);
        last++;
      }
      column.push([serial]);
      last = row + 1;
      i++;
    }
    ops.push(helperValuesOp(ctx, first, col, column));
  }
  return ops;
}

/** The helper sheet's cells of one task sheet: its deadline column, then its completion column. */
export function helperCellOps(ctx: Excel.RequestContext, s: SheetFlagPlan): WriteOp[] {
  return [s.helperDeadlineCol, s.helperCompletedCol].flatMap((col) => helperColumnOps(ctx, col, s));
}
