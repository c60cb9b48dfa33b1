/**
 * SPEC §6 flags in the ExcelJS host: the core's FlagPlan rendered as conditional formats, notes and
 * the very hidden helper sheet, and removed again exactly (clearFlagsIn).
 */
import { argb, FLAG_STYLE, HELPER_SHEET, type FlagStyle } from '../../core/presentation';
import type { Cell, ConditionalFormattingOptions, ConditionalFormattingRule, Workbook, Worksheet } from 'exceljs';
import { a1 } from '../../core/cells';
import {
  FLAG_MARK,
  NOTE_PREFIX,
  formulaString,
  markFormula,
  overdueFormula,
  unassignedFormula,
  type FlagPlan,
  type RowBlock,
  type SheetFlagPlan,
} from '../../core/flag-plan';
import type { Severity } from '../../core/report';

/** One conditional-format entry we add: where, the rule formula, and its style. */
export interface FlagFormat {
  readonly ref: string;
  readonly formula: string;
  readonly style: FlagStyle;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** The quoted marker literals; a rule whose formula holds one of them is ours. */
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
    out.push({
      ref: blocksRef(plan.recordBlocks, plan.firstCol, plan.lastCol),
      formula: overdueFormula(plan, top.first),
      style: FLAG_STYLE.overdue,
    });
    out.push({
      ref: blocksRef(plan.recordBlocks, plan.leadCol, plan.leadCol),
      formula: unassignedFormula(plan, top.first),
      style: FLAG_STYLE.unassigned,
    });
  }
  for (const severity of SEVERITIES) {
    const cells = plan.marks.filter((m) => m.severity === severity).map((m) => m.cell);
    if (cells.length > 0) out.push({ ref: cells.join(' '), formula: markFormula(severity), style: FLAG_STYLE[severity] });
  }
  return out;
}

/** ExcelJS keeps a sheet's conditional formats in a public field its typings leave out. */
function conditionalFormats(ws: Worksheet): readonly ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings?: ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}

function isOurRule(rule: ConditionalFormattingRule): boolean {
  const formulae = (rule as { formulae?: unknown[] }).formulae ?? [];
  return formulae.some((f) => typeof f === 'string' && MARKER_LITERALS.some((m) => f.includes(m)));
}

function removeOurRules(ws: Worksheet): void {
  const all = conditionalFormats(ws);
  if (!all.some((cf) => cf.rules.some(isOurRule))) return;
  const kept: ConditionalFormattingOptions[] = [];
  for (const cf of all) {
    if (!cf.rules.some(isOurRule)) kept.push(cf);
    else {
      // Excel may have grouped a user's rule with ours under one range: keep the user's rule.
      const rules = cf.rules.filter((r) => !isOurRule(r));
      if (rules.length > 0) kept.push({ ...cf, rules });
    }
  }
  ws.removeConditionalFormatting(undefined);
  for (const cf of kept) ws.addConditionalFormatting(cf);
}

function noteText(cell: Cell): string | null {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: ReadonlyArray<{ text?: string }> }).texts ?? [];
  return texts.map((t) => t.text ?? '').join('');
}

function isOurNote(cell: Cell): boolean {
  return noteText(cell)?.startsWith(NOTE_PREFIX) ?? false;
}

/**
 * ExcelJS has no API to delete a note (assigning undefined writes an empty one), and a cell loaded
 * from a file also keeps its note in its value model, which the writer reads as well.
 */
function deleteNote(cell: Cell): void {
  const raw = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete raw._comment;
  if (raw._value?.model) delete raw._value.model.comment;
}

function removeOurNotes(ws: Worksheet): void {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell && isOurNote(cell)) deleteNote(cell);
    }
  }
}

/** Remove every flag writeFlagsIn added: our rules, our notes and the helper sheet. */
export function clearFlagsIn(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    removeOurRules(ws);
    removeOurNotes(ws);
  }
  const helper = wb.getWorksheet(HELPER_SHEET);
  if (helper) wb.removeWorksheet(helper.id);
}

function maxPriority(ws: Worksheet): number {
  let max = 0;
  for (const cf of conditionalFormats(ws)) for (const r of cf.rules) max = Math.max(max, r.priority ?? 0);
  return max;
}

function addFormats(ws: Worksheet, formats: readonly FlagFormat[]): void {
  // After the user's rules, whose priorities and order stay as they were.
  let priority = maxPriority(ws);
  for (const f of formats) {
    const color = { argb: argb(f.style.fill) };
    ws.addConditionalFormatting({
      ref: f.ref,
      rules: [
        {
          type: 'expression',
          priority: ++priority,
          formulae: [f.formula],
          style: {
            fill: { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color },
            ...(f.style.font === null ? {} : { font: { color: { argb: argb(f.style.font) } } }),
          },
        },
      ],
    });
  }
}

function addNotes(ws: Worksheet, plan: SheetFlagPlan): void {
  for (const m of plan.marks) {
    const cell = ws.getCell(m.row + 1, m.col + 1);
    // A user's note stays as it is; the findings sheet lists this finding anyway.
    if (noteText(cell) !== null && !isOurNote(cell)) continue;
    cell.note = m.note;
  }
}

/** The helper sheet's cells: the engine's reading of each task's dates, on the task's own row. */
function writeHelperSheet(wb: Workbook, plan: FlagPlan): void {
  const ws = wb.getWorksheet(HELPER_SHEET) ?? wb.addWorksheet(HELPER_SHEET);
  ws.state = 'veryHidden';
  for (const s of plan.sheets) for (const { row, col, value } of s.helperCells) ws.getCell(row + 1, col + 1).value = value;
}

/** Write the plan's flags. Call clearFlagsIn first: writeFlags = clear, then write. */
export function writeFlagsIn(wb: Workbook, plan: FlagPlan): void {
  let live = false;
  plan.sheets.forEach((s) => {
    const ws = wb.getWorksheet(s.sheet);
    if (!ws) return;
    addFormats(ws, flagFormats(s));
    addNotes(ws, s);
    live ||= s.recordBlocks.length > 0;
  });
  // The overdue rules read text dates from the helper sheet, so it must exist when they do.
  if (live) writeHelperSheet(wb, plan);
}
