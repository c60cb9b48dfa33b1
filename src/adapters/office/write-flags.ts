/**
 * SPEC §6 flags through Office.js: the core's FlagPlan rendered as conditional formats (one rule per
 * kind per sheet, over all its row blocks at once with RangeAreas when ExcelApi 1.9 is there, else
 * one per block), notes carrying the messages (ExcelApi 1.18), and the very hidden helper sheet
 * "KQ Hạn"; and removed again exactly. Our rules are found by the `kq:` marker in their formula,
 * our notes by NOTE_PREFIX; the user's own rules and notes are never touched.
 *
 * A write is a small transaction (docs/office-faults.md):
 *   1. survey — one sync (sheets, protection, every sheet's rules with their ids and formulas,
 *      notes); on a first run one more when the user has notes on a task sheet (their cells are
 *      left alone; on later runs their locations ride along with the build). Nothing written yet.
 *   2. build — additions only: the new rules (next to the old ones), the helper sheet when it is
 *      new, the notes when no note of ours is in the book. If Excel fails here, a clean-up batch
 *      removes exactly what this run added (rules whose ids the survey did not see) and the book is
 *      as before.
 *   3. commit — the replacement: old rules and notes removed, the helper sheet's serials rewritten,
 *      the notes added. If Excel fails here, the write is completed from a fresh survey (the write is
 *      idempotent) and the book is as after a successful run.
 * A book with no flags of ours has nothing to replace: everything is in the build, one sync in all
 * unless it exceeds the request budget. A sheet deleted during the run is skipped and reported.
 */
import { FLAG_STYLE, HELPER_SHEET } from '../../core/presentation';
import { isOwnSheetName } from '../../core/header';
import {
  FLAG_MARK,
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
import { errorCode, InterruptedError, isPayloadTooLarge, isSheetGone } from './faults';
import { translateError, type Features, type OfficeHost } from './host';
import { MAX_AREAS_ADDRESS, REQUEST_BUDGET_BYTES } from './limits';
import { groupAddresses, parseAreas, rangeAddress, utf8Length } from './office-values';
import { queueSurvey, type Survey } from './survey';
import { loadInParts, MAX_PAYLOAD_RETRIES, newBudget, OP_BYTES, runWrites, type Budget, type WriteOp } from './writes';


const MARKER_LITERALS = Object.values(FLAG_MARK).map(formulaString);

/** Is this rule formula one of ours? */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && MARKER_LITERALS.some((m) => formula.includes(m));
}

/** A priority beyond the collection's size: Excel puts the rule last, after the user's own rules. */
const LAST_PRIORITY = 1_000_000;
/** Runs of one write when sheets keep disappearing under it. */
const MAX_ATTEMPTS = 3;

interface SheetFlags {
  readonly name: string;
  /** Our rules on the sheet. */
  readonly rules: Excel.ConditionalFormat[];
  /** Ids of every rule on the sheet, the user's included, at the survey. */
  readonly ruleIds: Set<string>;
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
  /** Syncs of the build (additions only) and of the commit (the replacement). */
  buildSyncs: number;
  commitSyncs: number;
  /** Requests or responses Excel refused as too large, sent again in smaller parts. */
  payloadRetries: number;
  /** Failed writes undone (the book as before), and completed (the book as after). */
  rolledBack: number;
  rolledForward: number;
}

export function newWriteStats(): WriteStats {
  return { syncs: 0, rulesAdded: 0, rulesRemoved: 0, notesAdded: 0, notesRemoved: 0, buildSyncs: 0, commitSyncs: 0, payloadRetries: 0, rolledBack: 0, rolledForward: 0 };
}

type Sync = () => Promise<void>;

/** What a write attempt had done when it failed, so that it can be undone or completed. */
interface FlagTx {
  phase: 'survey' | 'build' | 'commit';
  /** Task sheets of the plan that existed at the survey. */
  sheets: string[];
  /** Plan sheets that did not exist at the survey (deleted or renamed since the read). */
  missing: string[];
  /** Ids of every rule on those sheets at the survey: a rule with another id was added by this run. */
  ruleIds: Map<string, Set<string>>;
  /** The build added notes (there were none of ours before). */
  notesInBuild: boolean;
  /** The build added the helper sheet (it did not exist). */
  helperCreated: boolean;
}

function newTx(): FlagTx {
  return { phase: 'survey', sheets: [], missing: [], ruleIds: new Map(), notesInBuild: false, helperCreated: false };
}

function countingSync(ctx: Excel.RequestContext, stats: WriteStats): Sync {
  return async () => {
    stats.syncs++;
    await ctx.sync();
  };
}

function isOurRule(cf: Excel.ConditionalFormat): boolean {
  return cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula);
}

const RULE_FIELDS = 'items/id,items/type,items/customOrNullObject/rule/formula';

function sheetFlags(name: string, rules: readonly Excel.ConditionalFormat[], notes: readonly Excel.Note[]): SheetFlags {
  return {
    name,
    rules: rules.filter(isOurRule),
    ruleIds: new Set(rules.map((cf) => cf.id)),
    notes: notes.filter((n) => String(n.content ?? '').startsWith(NOTE_PREFIX)),
    userNotes: notes.filter((n) => !String(n.content ?? '').startsWith(NOTE_PREFIX)),
  };
}

/** Queue the loads of one sheet's rules and notes; read them after the sync. */
function probeSheet(ctx: Excel.RequestContext, features: Features, name: string): () => SheetFlags {
  const ws = ctx.workbook.worksheets.getItem(name);
  const rules = ws.getRange().conditionalFormats;
  rules.load(RULE_FIELDS);
  const notes = features.notes ? ws.notes : null;
  notes?.load('items/content');
  return () => sheetFlags(name, rules.items, notes?.items ?? []);
}

/**
 * The sheets' rules and notes when one response would be too large: rules sheet by sheet, then the
 * notes one by one by index, as many per sync as Excel accepts.
 */
async function probeInParts(ctx: Excel.RequestContext, features: Features, names: readonly string[], sync: Sync, budget: Budget): Promise<SheetFlags[]> {
  const sheet = (name: string): Excel.Worksheet => ctx.workbook.worksheets.getItem(name);
  const rules = await loadInParts(
    names,
    (name) => {
      const c = sheet(name).getRange().conditionalFormats;
      c.load(RULE_FIELDS);
      return () => c.items;
    },
    sync,
    budget,
  );
  let notes: Excel.Note[][] = names.map(() => []);
  if (features.notes) {
    const counts = await loadInParts(
      names,
      (name) => {
        const n = sheet(name).notes.getCount();
        return () => n.value;
      },
      sync,
      budget,
    );
    const at = names.flatMap((name, k) => Array.from({ length: counts[k] ?? 0 }, (_, i) => ({ k, name, i })));
    const loaded = await loadInParts(
      at,
      ({ name, i }) => {
        const note = sheet(name).notes.getItemAt(i);
        note.load('content');
        return () => note;
      },
      sync,
      budget,
    );
    notes = names.map(() => []);
    loaded.forEach((note, j) => notes[at[j]!.k]!.push(note));
  }
  return names.map((name, k) => sheetFlags(name, rules[k] ?? [], notes[k] ?? []));
}

/**
 * Survey the book and find our rules and notes. With the sheet names from a read just before, this
 * is one sync; otherwise the names are listed first. A response too large for Excel falls back to
 * smaller loads.
 */
async function surveyFlags(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  knownNames: readonly string[] | null,
  sync: Sync,
  budget: Budget,
  relists = 3,
): Promise<FlagSurvey> {
  let names = knownNames;
  if (names === null) {
    const list = ctx.workbook.worksheets;
    list.load('items/name');
    await sync();
    names = list.items.map((ws) => ws.name);
  }
  const targets = names.filter((n) => !isOwnSheetName(n));
  let finish = queueSurvey(ctx, host, features);
  let probed: SheetFlags[];
  try {
    const reads = targets.map((name) => probeSheet(ctx, features, name));
    await sync();
    probed = reads.map((read) => read());
  } catch (e) {
    // A sheet listed a moment ago was renamed or removed: list the sheets again.
    if (isSheetGone(e) && relists > 0) return surveyFlags(ctx, host, features, null, sync, budget, relists - 1);
    if (!isPayloadTooLarge(e) || budget.retries >= MAX_PAYLOAD_RETRIES) throw e;
    budget.retries++;
    finish = queueSurvey(ctx, host, features);
    await sync();
    probed = await probeInParts(ctx, features, targets, sync, budget);
  }
  const survey = finish();
  const current = survey.sheets.map((s) => s.name).filter((n) => !isOwnSheetName(n));
  const seen = new Set(targets);
  if (knownNames !== null && (current.length !== seen.size || current.some((n) => !seen.has(n)))) {
    return surveyFlags(ctx, host, features, survey.sheets.map((s) => s.name), sync, budget, relists);
  }
  return { survey, sheets: new Map(probed.map((p) => [p.name, p])), helperExists: survey.sheets.some((s) => s.name === HELPER_SHEET) };
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

function styleRule(cf: Excel.ConditionalFormat, formula: string, style: RuleSpec['style']): void {
  cf.custom.rule.formula = `=${formula}`;
  cf.custom.format.fill.color = style.fill;
  if (style.font) cf.custom.format.font.color = style.font;
  cf.priority = LAST_PRIORITY;
}

interface PendingNote {
  readonly sheet: string;
  readonly note: Excel.Note;
}

/** The user's notes on task sheets where we may add notes: their cells must be left alone. */
function userNotesToLocate(flags: FlagSurvey, sheets: readonly SheetFlagPlan[]): PendingNote[] {
  const pending: PendingNote[] = [];
  for (const s of sheets) {
    if (s.marks.length === 0) continue;
    for (const note of flags.sheets.get(s.sheet)?.userNotes ?? []) pending.push({ sheet: s.sheet, note });
  }
  return pending;
}

function locate({ sheet, note }: PendingNote): () => { sheet: string; address: string } {
  const range = note.getLocation().load('address');
  return () => ({ sheet, address: range.address });
}

/** Cells (plain A1, no sheet, no $) holding a note of the user's, per task sheet. */
function cellsBySheet(located: ReadonlyArray<{ sheet: string; address: string }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { sheet, address } of located) {
    const set = out.get(sheet) ?? new Set<string>();
    for (const a of parseAreas(address)) set.add(rangeAddress(a.top, a.left, a.top, a.left));
    out.set(sheet, set);
  }
  return out;
}

/** User notes located with the build's first request, up to this many (else in syncs of their own). */
const LOCATE_WITH_BUILD = 2_000;

function checkWritable(flags: FlagSurvey, touched: Iterable<string>, needHelperSheetChange: boolean, lang: Lang): void {
  const { survey } = flags;
  survey.assertWritable(lang);
  survey.assertUnprotected(touched, lang);
  if (flags.helperExists) survey.assertUnprotected([HELPER_SHEET], lang);
  if (needHelperSheetChange && survey.workbookProtected) throw new HostError(ribbonMessages(lang).protectedWorkbook());
}

function op(bytes: number, queue: () => void): WriteOp {
  return { bytes, queue };
}

function removeOps(flags: FlagSurvey, stats: WriteStats): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const s of flags.sheets.values()) {
    for (const cf of s.rules) {
      ops.push(op(0, () => cf.delete()));
      stats.rulesRemoved++;
    }
    for (const n of s.notes) {
      ops.push(op(0, () => n.delete()));
      stats.notesRemoved++;
    }
  }
  return ops;
}

function helperSheet(ctx: Excel.RequestContext): Excel.Worksheet {
  return ctx.workbook.worksheets.getItem(HELPER_SHEET);
}

function deleteHelperOp(ctx: Excel.RequestContext): WriteOp {
  // Made visible first, which costs nothing, so as not to depend on whether a host deletes a very
  // hidden sheet directly.
  return op(0, () => {
    const helper = helperSheet(ctx);
    helper.visibility = 'Visible';
    helper.delete();
  });
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

function ruleOps(ctx: Excel.RequestContext, features: Features, s: SheetFlagPlan, stats: WriteStats): WriteOp[] {
  const ops: WriteOp[] = [];
  const ws = (): Excel.Worksheet => ctx.workbook.worksheets.getItem(s.sheet);
  for (const spec of ruleSpecs(s)) {
    if (features.rangeAreas) {
      for (const group of groupAddresses(spec.areas.map((a) => a.address), MAX_AREAS_ADDRESS)) {
        const top = spec.areas.find((a) => a.address === group[0])!.top;
        const address = group.join(',');
        ops.push(op(address.length, () => styleRule(ws().getRanges(address).conditionalFormats.add('Custom'), spec.formula(top), spec.style)));
        stats.rulesAdded++;
      }
    } else {
      for (const area of spec.areas) {
        ops.push(op(area.address.length, () => styleRule(ws().getRange(area.address).conditionalFormats.add('Custom'), spec.formula(area.top), spec.style)));
        stats.rulesAdded++;
      }
    }
  }
  return ops;
}

function noteOps(ctx: Excel.RequestContext, s: SheetFlagPlan, taken: Set<string>, stats: WriteStats): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const m of s.marks) {
    if (taken.has(m.cell)) continue; // the user's note stays; the findings sheet lists this one
    ops.push(op(utf8Length(m.note), () => ctx.workbook.worksheets.getItem(s.sheet).notes.add(m.cell, m.note)));
    stats.notesAdded++;
  }
  return ops;
}

/** One attempt at the whole write, in one Excel.run: survey, build, commit. */
async function writeFlagsOnce(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  plan: FlagPlan,
  knownNames: readonly string[] | null,
  stats: WriteStats,
  tx: FlagTx,
  budget: Budget,
): Promise<void> {
  const sync = countingSync(ctx, stats);
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(ctx, host, features, knownNames, sync, budget);
  const existing = new Set(flags.survey.sheets.map((s) => s.name));
  const sheets = plan.sheets.filter((s) => existing.has(s.sheet));
  tx.missing = plan.sheets.filter((s) => !existing.has(s.sheet)).map((s) => s.sheet);
  const live = sheets.some((s) => s.recordBlocks.length > 0);
  const touched = new Set<string>(sheets.map((s) => s.sheet));
  for (const s of flags.sheets.values()) if (s.rules.length > 0 || s.notes.length > 0) touched.add(s.name);
  checkWritable(flags, touched, live && !flags.helperExists, lang);
  tx.notesInBuild = [...flags.sheets.values()].every((s) => s.notes.length === 0);
  const pending = features.notes ? userNotesToLocate(flags, sheets) : [];
  // Where notes are added in the build, the user's notes must be located first, in a sync of their
  // own; where they are added in the commit, the locations ride along with the build.
  const early = tx.notesInBuild || pending.length > LOCATE_WITH_BUILD;
  let occupied = early ? cellsBySheet(await loadInParts(pending, locate, sync, budget)) : new Map<string, Set<string>>();

  // Nothing has been written up to here.
  tx.sheets = sheets.map((s) => s.sheet);
  tx.ruleIds = new Map(tx.sheets.map((n) => [n, flags.sheets.get(n)?.ruleIds ?? new Set<string>()]));
  tx.helperCreated = live && !flags.helperExists;

  const build: WriteOp[] = [];
  let located: Array<() => { sheet: string; address: string }> = [];
  if (!early && pending.length > 0) {
    build.push(
      op(pending.length * 2 * OP_BYTES, () => {
        located = pending.map(locate);
      }),
    );
  }
  const commit: WriteOp[] = removeOps(flags, stats);
  if (live) {
    const helperOps = flags.helperExists ? commit : build;
    if (flags.helperExists) helperOps.push(op(0, () => helperSheet(ctx).getRange().clear('Contents')));
    else helperOps.push(op(0, () => void ctx.workbook.worksheets.add(HELPER_SHEET)));
    helperOps.push(
      op(0, () => {
        helperSheet(ctx).visibility = 'VeryHidden';
      }),
    );
    for (const s of plan.sheets) {
      if (!existing.has(s.sheet)) continue;
      for (const col of [s.helperDeadlineCol, s.helperCompletedCol]) helperOps.push(...helperColumnOps(ctx, col, s));
    }
  } else if (flags.helperExists && !flags.survey.workbookProtected) {
    // No live rule reads the helper sheet any more.
    commit.push(deleteHelperOp(ctx));
  }
  for (const s of plan.sheets) {
    if (existing.has(s.sheet)) build.push(...ruleOps(ctx, features, s, stats));
  }
  if (features.notes && tx.notesInBuild) {
    for (const s of sheets) build.push(...noteOps(ctx, s, occupied.get(s.sheet) ?? new Set<string>(), stats));
  }

  tx.phase = 'build';
  let mark = stats.syncs;
  await runWrites(ctx, build, sync, budget);
  stats.buildSyncs += stats.syncs - mark;
  if (features.notes && !tx.notesInBuild) {
    if (!early) occupied = cellsBySheet(located.map((read) => read()));
    for (const s of sheets) commit.push(...noteOps(ctx, s, occupied.get(s.sheet) ?? new Set<string>(), stats));
  }
  tx.phase = 'commit';
  mark = stats.syncs;
  await runWrites(ctx, commit, sync, budget);
  stats.commitSyncs += stats.syncs - mark;
  stats.payloadRetries = budget.retries;
}

/**
 * Undo a build that Excel interrupted: remove the rules this run added (ids the survey did not see:
 * ours, or custom rules left without a formula), its notes when it added them, and the helper sheet
 * when it created it. Returns the plan sheets that no longer exist.
 */
async function rollbackFlags(ctx: Excel.RequestContext, features: Features, tx: FlagTx, stats: WriteStats, budget: Budget): Promise<string[]> {
  const sync = countingSync(ctx, stats);
  const list = ctx.workbook.worksheets;
  list.load('items/name');
  await sync();
  const present = new Set(list.items.map((ws) => ws.name));
  const gone = tx.sheets.filter((n) => !present.has(n));
  const here = tx.sheets.filter((n) => present.has(n));
  const withNotes = features.notes && tx.notesInBuild;
  const found = await loadInParts(
    here,
    (name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      const rules = ws.getRange().conditionalFormats;
      rules.load(RULE_FIELDS);
      const notes = withNotes ? ws.notes : null;
      notes?.load('items/content');
      return () => ({ name, rules: rules.items, notes: notes?.items ?? [] });
    },
    sync,
    budget,
  );
  const ops: WriteOp[] = [];
  for (const { name, rules, notes } of found) {
    const before = tx.ruleIds.get(name) ?? new Set<string>();
    for (const cf of rules) {
      if (before.has(cf.id)) continue;
      const orphan = cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && !cf.customOrNullObject.rule.formula;
      if (isOurRule(cf) || orphan) ops.push(op(0, () => cf.delete()));
    }
    for (const n of notes) if (String(n.content ?? '').startsWith(NOTE_PREFIX)) ops.push(op(0, () => n.delete()));
  }
  if (tx.helperCreated && present.has(HELPER_SHEET)) ops.push(deleteHelperOp(ctx));
  await runWrites(ctx, ops, sync, budget);
  return gone;
}

function failureCode(e: unknown): string {
  return errorCode(e) ?? (e instanceof Error ? e.name : 'Error');
}

/**
 * Replace the book's flags with the plan's (the port's writeFlags), each attempt in its own
 * Excel.run, recovering from a failed sync as the module comment says. Sheets of the plan that were
 * deleted or renamed since the read are added to `vanished`.
 */
export async function writeFlagsOffice(
  host: OfficeHost,
  features: Features,
  lang: Lang,
  plan: FlagPlan,
  knownNames: readonly string[] | null,
  vanished: Set<string>,
): Promise<WriteStats> {
  const stats = newWriteStats();
  const budget = newBudget();
  let names = knownNames;
  for (let attempt = 1; ; attempt++) {
    const tx = newTx();
    try {
      await host.run((ctx) => writeFlagsOnce(ctx, host, features, lang, plan, names, stats, tx, budget));
      for (const n of tx.missing) vanished.add(n);
      return stats;
    } catch (e) {
      if (tx.phase === 'survey') throw translateError(e, lang);
      const code = failureCode(e);
      if (tx.phase === 'build') {
        let gone: string[];
        try {
          gone = await host.run((ctx) => rollbackFlags(ctx, features, tx, stats, budget));
        } catch {
          throw new InterruptedError('unknown', code, lang, e);
        }
        stats.rolledBack++;
        // A task sheet was deleted under the build: the book is as before; write the others.
        if (gone.length > 0 && attempt < MAX_ATTEMPTS) {
          names = null;
          continue;
        }
        throw new InterruptedError('before', code, lang, e);
      }
      // The commit had begun: complete it from a fresh survey.
      const again = newTx();
      try {
        await host.run((ctx) => writeFlagsOnce(ctx, host, features, lang, plan, null, stats, again, budget));
      } catch {
        throw new InterruptedError('unknown', code, lang, e);
      }
      stats.rolledForward++;
      for (const n of again.missing) vanished.add(n);
      if (again.missing.some((n) => tx.sheets.includes(n))) return stats;
      throw new InterruptedError('after', code, lang, e);
    }
  }
}

/** One attempt at clearing: survey, then remove our rules, notes and the helper sheet. */
async function clearFlagsOnce(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  stats: WriteStats,
  tx: FlagTx,
  budget: Budget,
): Promise<void> {
  const sync = countingSync(ctx, stats);
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(ctx, host, features, null, sync, budget);
  const touched = [...flags.sheets.values()].filter((s) => s.rules.length > 0 || s.notes.length > 0).map((s) => s.name);
  checkWritable(flags, touched, flags.helperExists, lang);
  const ops = removeOps(flags, stats);
  if (flags.helperExists) ops.push(deleteHelperOp(ctx));
  tx.phase = 'commit';
  const mark = stats.syncs;
  await runWrites(ctx, ops, sync, budget);
  stats.commitSyncs += stats.syncs - mark;
  stats.payloadRetries = budget.retries;
}

/** Remove every flag of ours (the port's clearFlags); a clearing Excel interrupts is completed. */
export async function clearFlagsOffice(host: OfficeHost, features: Features, lang: Lang): Promise<WriteStats> {
  const stats = newWriteStats();
  const budget = newBudget();
  const tx = newTx();
  try {
    await host.run((ctx) => clearFlagsOnce(ctx, host, features, lang, stats, tx, budget));
    return stats;
  } catch (e) {
    if (tx.phase === 'survey') throw translateError(e, lang);
    const code = failureCode(e);
    try {
      await host.run((ctx) => clearFlagsOnce(ctx, host, features, lang, stats, newTx(), budget));
    } catch {
      throw new InterruptedError('unknown', code, lang, e);
    }
    stats.rolledForward++;
    if (isSheetGone(e)) return stats;
    throw new InterruptedError('after', code, lang, e);
  }
}
