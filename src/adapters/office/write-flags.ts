/**
 * SPEC §6 flags through Office.js: the core's FlagPlan rendered as conditional formats (one rule per
 * kind per sheet, over all its row blocks at once with RangeAreas when ExcelApi 1.9 is there, else
 * one per block), notes carrying the messages (ExcelApi 1.18), and the very hidden helper sheet
 * "KQ Hạn"; and removed again exactly. Our rules are found by the `kq:` marker in their formula,
 * our notes by NOTE_PREFIX; the user's own rules and notes are never touched.
 *
 * Round trips: one survey sync (sheets, protection, every sheet's conditional formats with their
 * formulas, notes), one more only when the user has notes on a task sheet (their cells are left
 * alone), then the writes — one sync unless they exceed the request budget.
 */
import { isOwnSheetName } from '../../core/header';
import {
  FLAG_MARK,
  HELPER_SHEET,
  NOTE_PREFIX,
  formulaString,
  markFormula,
  overdueFormula,
  unassignedFormula,
  type FlagPlan,
  type SheetFlagPlan,
} from '../../core/flag-plan';
import type { Severity } from '../../core/report';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import type { Features, OfficeHost } from './host';
import { MAX_AREAS_ADDRESS, REQUEST_BUDGET_BYTES } from './limits';
import { groupAddresses, parseAreas, rangeAddress, utf8Length } from './office-values';
import { queueSurvey, type Survey } from './survey';

/** Fill colours, the same as the ExcelJS adapter's (a book flagged by the CLI looks the same). */
export const FLAG_STYLE = {
  overdue: { fill: '#FFC7CE', font: '#9C0006' },
  unassigned: { fill: '#FF0000', font: '#FFFFFF' },
  error: { fill: '#FFC000', font: null },
  warning: { fill: '#FFFF00', font: null },
} as const;

const MARKER_LITERALS = Object.values(FLAG_MARK).map(formulaString);

/** Is this rule formula one of ours? */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && MARKER_LITERALS.some((m) => formula.includes(m));
}

/** A priority beyond the collection's size: Excel puts the rule last, after the user's own rules. */
const LAST_PRIORITY = 1_000_000;
/** Estimated request bytes of one queued command, besides its text. */
const OP_BYTES = 160;

interface SheetFlags {
  readonly name: string;
  readonly rules: Excel.ConditionalFormat[];
  readonly notes: Excel.Note[];
  readonly userNotes: Excel.Note[];
}

interface FlagSurvey {
  readonly survey: Survey;
  readonly sheets: Map<string, SheetFlags>;
  readonly helperExists: boolean;
}

export interface WriteStats {
  syncs: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesAdded: number;
  notesRemoved: number;
}

type Sync = () => Promise<void>;

/**
 * Survey the book and find our rules and notes. With the sheet names from a read just before, this
 * is one sync; otherwise the names are listed first.
 */
async function surveyFlags(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  knownNames: readonly string[] | null,
  sync: Sync,
): Promise<FlagSurvey> {
  let names = knownNames;
  if (names === null) {
    const list = ctx.workbook.worksheets;
    list.load('items/name');
    await sync();
    names = list.items.map((ws) => ws.name);
  }
  const finish = queueSurvey(ctx, host, features);
  const probes = names
    .filter((n) => !isOwnSheetName(n))
    .map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      const rules = ws.getRange().conditionalFormats;
      rules.load('items/type,items/customOrNullObject/rule/formula');
      const notes = features.notes ? ws.notes : null;
      notes?.load('items/content');
      return { name, rules, notes };
    });
  try {
    await sync();
  } catch (e) {
    // A sheet read a moment ago was renamed or removed: list the sheets again.
    if (knownNames !== null && (e as { code?: unknown }).code === 'ItemNotFound') return surveyFlags(ctx, host, features, null, sync);
    throw e;
  }
  const survey = finish();
  const current = survey.sheets.map((s) => s.name).filter((n) => !isOwnSheetName(n));
  const probed = new Set(probes.map((p) => p.name));
  if (knownNames !== null && (current.length !== probed.size || current.some((n) => !probed.has(n)))) {
    return surveyFlags(ctx, host, features, survey.sheets.map((s) => s.name), sync);
  }
  const sheets = new Map<string, SheetFlags>();
  for (const p of probes) {
    const rules = p.rules.items.filter((cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula));
    const allNotes = p.notes?.items ?? [];
    sheets.set(p.name, {
      name: p.name,
      rules,
      notes: allNotes.filter((n) => String(n.content ?? '').startsWith(NOTE_PREFIX)),
      userNotes: allNotes.filter((n) => !String(n.content ?? '').startsWith(NOTE_PREFIX)),
    });
  }
  return { survey, sheets, helperExists: survey.sheets.some((s) => s.name === HELPER_SHEET) };
}

/** Queues writes and syncs whenever the estimated request would pass the budget. */
class Writer {
  private bytes = 0;
  private suspended = false;
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly sync: Sync,
  ) {}

  async op(estimate: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + estimate > REQUEST_BUDGET_BYTES) await this.flush();
    if (!this.suspended) {
      this.ctx.application.suspendApiCalculationUntilNextSync();
      this.suspended = true;
    }
    queue();
    this.bytes += estimate + OP_BYTES;
  }

  async flush(): Promise<void> {
    if (!this.suspended) return;
    await this.sync();
    this.bytes = 0;
    this.suspended = false;
  }
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

function ruleSpecs(plan: SheetFlagPlan, helperCol: number): RuleSpec[] {
  const specs: RuleSpec[] = [];
  if (plan.recordBlocks.length > 0) {
    specs.push({ areas: blockAreas(plan, plan.firstCol, plan.lastCol), formula: (top) => overdueFormula(plan, helperCol, top), style: FLAG_STYLE.overdue });
    specs.push({ areas: blockAreas(plan, plan.leadCol, plan.leadCol), formula: (top) => unassignedFormula(plan, top), style: FLAG_STYLE.unassigned });
  }
  for (const severity of ['error', 'warning'] as const) {
    const areas = markAreas(plan, severity);
    if (areas.length > 0) specs.push({ areas, formula: () => markFormula(severity), style: FLAG_STYLE[severity] });
  }
  return specs;
}

function styleRule(cf: Excel.ConditionalFormat, formula: string, style: RuleSpec['style']): void {
  cf.custom.rule.formula = `=${formula}`;
  cf.custom.format.fill.color = style.fill;
  if (style.font) cf.custom.format.font.color = style.font;
  cf.priority = LAST_PRIORITY;
}

/** Cells (plain A1, no sheet, no $) holding a note of the user's, per task sheet. */
async function userNoteCells(flags: FlagSurvey, plan: FlagPlan, sync: Sync): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const pending: Array<{ sheet: string; range: Excel.Range }> = [];
  for (const s of plan.sheets) {
    if (s.marks.length === 0) continue;
    for (const n of flags.sheets.get(s.sheet)?.userNotes ?? []) pending.push({ sheet: s.sheet, range: n.getLocation().load('address') });
  }
  if (pending.length === 0) return out;
  await sync();
  for (const { sheet, range } of pending) {
    const set = out.get(sheet) ?? new Set<string>();
    for (const a of parseAreas(range.address)) set.add(rangeAddress(a.top, a.left, a.top, a.left));
    out.set(sheet, set);
  }
  return out;
}

function checkWritable(flags: FlagSurvey, touched: Iterable<string>, needHelperSheetChange: boolean, lang: Lang): void {
  const { survey } = flags;
  survey.assertWritable(lang);
  survey.assertUnprotected(touched, lang);
  if (flags.helperExists) survey.assertUnprotected([HELPER_SHEET], lang);
  if (needHelperSheetChange && survey.workbookProtected) throw new HostError(ribbonMessages(lang).protectedWorkbook());
}

async function removeOurs(writer: Writer, flags: FlagSurvey, stats: WriteStats): Promise<void> {
  for (const s of flags.sheets.values()) {
    for (const cf of s.rules) {
      await writer.op(0, () => cf.delete());
      stats.rulesRemoved++;
    }
    for (const n of s.notes) {
      await writer.op(0, () => n.delete());
      stats.notesRemoved++;
    }
  }
}

export async function writeFlagsOffice(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  plan: FlagPlan,
  knownNames: readonly string[] | null,
): Promise<WriteStats> {
  const stats: WriteStats = { syncs: 0, rulesAdded: 0, rulesRemoved: 0, notesAdded: 0, notesRemoved: 0 };
  const sync: Sync = async () => {
    stats.syncs++;
    await ctx.sync();
  };
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(ctx, host, features, knownNames, sync);
  const existing = new Set(flags.survey.sheets.map((s) => s.name));
  const sheets = plan.sheets.filter((s) => existing.has(s.sheet));
  const live = sheets.some((s) => s.recordBlocks.length > 0);
  const touched = new Set<string>(sheets.map((s) => s.sheet));
  for (const s of flags.sheets.values()) if (s.rules.length > 0 || s.notes.length > 0) touched.add(s.name);
  checkWritable(flags, touched, live && !flags.helperExists, lang);
  const occupied = features.notes ? await userNoteCells(flags, { sheets }, sync) : new Map<string, Set<string>>();

  // Nothing has been written up to here.
  const writer = new Writer(ctx, sync);
  await removeOurs(writer, flags, stats);

  const worksheets = ctx.workbook.worksheets;
  if (live) {
    let helper: Excel.Worksheet;
    if (flags.helperExists) {
      helper = worksheets.getItem(HELPER_SHEET);
      const h = helper;
      await writer.op(0, () => h.getRange().clear('Contents'));
    } else {
      helper = worksheets.add(HELPER_SHEET);
    }
    const h = helper;
    await writer.op(0, () => {
      h.visibility = 'VeryHidden';
    });
    for (const [k, s] of plan.sheets.entries()) {
      if (!existing.has(s.sheet) || s.deadlineSerials.length === 0) continue;
      await writeHelperColumn(writer, h, k, s);
    }
  }

  if (!live && flags.helperExists && !flags.survey.workbookProtected) {
    // No live rule reads the helper sheet any more.
    await deleteHelper(writer, ctx);
  }

  for (const [k, s] of plan.sheets.entries()) {
    if (!existing.has(s.sheet)) continue;
    const ws = worksheets.getItem(s.sheet);
    for (const spec of ruleSpecs(s, k)) {
      if (features.rangeAreas) {
        for (const group of groupAddresses(spec.areas.map((a) => a.address), MAX_AREAS_ADDRESS)) {
          const top = spec.areas.find((a) => a.address === group[0])!.top;
          const address = group.join(',');
          await writer.op(address.length, () => styleRule(ws.getRanges(address).conditionalFormats.add('Custom'), spec.formula(top), spec.style));
          stats.rulesAdded++;
        }
      } else {
        for (const area of spec.areas) {
          await writer.op(area.address.length, () => styleRule(ws.getRange(area.address).conditionalFormats.add('Custom'), spec.formula(area.top), spec.style));
          stats.rulesAdded++;
        }
      }
    }
    if (features.notes) {
      const taken = occupied.get(s.sheet) ?? new Set<string>();
      for (const m of s.marks) {
        if (taken.has(m.cell)) continue; // the user's note stays; the findings sheet lists this one
        await writer.op(utf8Length(m.note), () => ws.notes.add(m.cell, m.note));
        stats.notesAdded++;
      }
    }
  }
  await writer.flush();
  return stats;
}

/** Deadline serials of one task sheet in its helper column, in row spans of one array each. */
async function writeHelperColumn(writer: Writer, helper: Excel.Worksheet, col: number, s: SheetFlagPlan): Promise<void> {
  const serials = [...s.deadlineSerials].sort((a, b) => a.row - b.row);
  const maxRows = Math.floor(REQUEST_BUDGET_BYTES / 16);
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
    const values = column;
    await writer.op(values.length * 8, () => {
      helper.getRangeByIndexes(first, col, values.length, 1).values = values;
    });
  }
}

export async function clearFlagsOffice(ctx: Excel.RequestContext, host: OfficeHost, features: Features, lang: Lang): Promise<WriteStats> {
  const stats: WriteStats = { syncs: 0, rulesAdded: 0, rulesRemoved: 0, notesAdded: 0, notesRemoved: 0 };
  const sync: Sync = async () => {
    stats.syncs++;
    await ctx.sync();
  };
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(ctx, host, features, null, sync);
  const touched = [...flags.sheets.values()].filter((s) => s.rules.length > 0 || s.notes.length > 0).map((s) => s.name);
  checkWritable(flags, touched, flags.helperExists, lang);
  const writer = new Writer(ctx, sync);
  await removeOurs(writer, flags, stats);
  if (flags.helperExists) await deleteHelper(writer, ctx);
  await writer.flush();
  return stats;
}

async function deleteHelper(writer: Writer, ctx: Excel.RequestContext): Promise<void> {
  const helper = ctx.workbook.worksheets.getItem(HELPER_SHEET);
  // Made visible first, which costs nothing, so as not to depend on whether a host deletes a very
  // hidden sheet directly.
  await writer.op(0, () => {
    helper.visibility = 'Visible';
    helper.delete();
  });
}
