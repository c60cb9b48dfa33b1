/**
 * What the flags writer reads before it writes: the sheets and their protection (survey.ts), and on
 * every sheet the conditional-format rules in priority order (ours found by the `kq:` marker in their
 * formula), the notes (ours by NOTE_PREFIX, the user's), and the threaded comments. One sync for the
 * whole book; smaller loads when Excel finds the answer too large.
 *
 * A rule's `id` is only its priority in the collection ("the priority of the conditional format in
 * the current ConditionalFormatCollection"), renumbered by every add and delete; so rules are kept
 * here as views with the priority they had when read, and writers read them again just before
 * deleting (flag-operations.ts).
 */
import { FLAG_MARK, formulaString, NOTE_PREFIX } from '../../core/flag-plan';
import { isOwnSheetName } from '../../core/header';
import { HELPER_SHEET } from '../../core/presentation';
import { apiSurface, type Surface } from './api-surface';
import { isPayloadTooLarge, isSheetGone } from './faults';
import type { Features, OfficeHost } from './host';
import { parseAreas, rangeAddress } from './office-values';
import { queueSurvey, type Survey } from './survey';
import { loadInParts, MAX_PAYLOAD_RETRIES, type Budget } from './writes';

const MARKER_LITERALS = Object.values(FLAG_MARK).map(formulaString);

/** Is this rule formula one of ours? */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && MARKER_LITERALS.some((m) => formula.includes(m));
}

export const RULE_FIELDS = 'items/type,items/customOrNullObject/rule/formula';

/** One conditional format as read: its priority then, and what tells it apart. */
export interface RuleView {
  readonly cf: Excel.ConditionalFormat;
  readonly priority: number;
  /** Ours: a custom rule whose formula carries a `kq:` marker. */
  readonly ours: boolean;
  /** A custom rule without a formula: what an add interrupted before its formula leaves behind. */
  readonly orphan: boolean;
  /** Type and formula, to match the rules read now with those read at the survey. */
  readonly signature: string;
}

export function ruleViews(items: readonly Excel.ConditionalFormat[]): RuleView[] {
  return items.map((cf, priority) => {
    const custom = cf.type === 'Custom' && !cf.customOrNullObject.isNullObject ? cf.customOrNullObject.rule.formula : null;
    return {
      cf,
      priority,
      ours: isOurFormula(custom),
      orphan: cf.type === 'Custom' && !custom,
      signature: `${cf.type}\u0000${custom ?? ''}`,
    };
  });
}

export interface SheetFlags {
  readonly name: string;
  /** Every rule on the sheet, the user's included, in priority order. */
  readonly rules: readonly RuleView[];
  /** Our notes, and the user's. */
  readonly notes: Excel.Note[];
  readonly userNotes: Excel.Note[];
  /** Threaded comments (their cells take no note). */
  readonly comments: Excel.Comment[];
}

export function hasOurFlags(s: SheetFlags): boolean {
  return s.notes.length > 0 || s.rules.some((r) => r.ours);
}

export interface FlagSurvey {
  readonly survey: Survey;
  readonly sheets: Map<string, SheetFlags>;
  readonly helperExists: boolean;
  /** What this Office.js offers (notes, comments), checked on a worksheet. */
  readonly surface: Surface;
}

function sheetFlags(name: string, rules: readonly Excel.ConditionalFormat[], notes: readonly Excel.Note[], comments: readonly Excel.Comment[]): SheetFlags {
  return {
    name,
    rules: ruleViews(rules),
    notes: notes.filter((n) => String(n.content ?? '').startsWith(NOTE_PREFIX)),
    userNotes: notes.filter((n) => !String(n.content ?? '').startsWith(NOTE_PREFIX)),
    comments: [...comments],
  };
}

/** Queue the load of one sheet's rules, in priority order; read them after the sync. */
export function loadRules(ctx: Excel.RequestContext, name: string): () => RuleView[] {
  const rules = ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats;
  rules.load(RULE_FIELDS);
  return () => ruleViews(rules.items);
}

/** Queue the loads of one sheet's rules, notes and comments; read them after the sync. */
function probeSheet(ctx: Excel.RequestContext, surface: Surface, name: string): () => SheetFlags {
  const ws = ctx.workbook.worksheets.getItem(name);
  const rules = ws.getRange().conditionalFormats;
  rules.load(RULE_FIELDS);
  const notes = surface.notes ? ws.notes : null;
  notes?.load('items/content');
  const comments = surface.comments ? ws.comments : null;
  comments?.load('items/id');
  return () => sheetFlags(name, rules.items, notes?.items ?? [], comments?.items ?? []);
}

/**
 * The sheets' rules, notes and comments when one response would be too large: rules and comments
 * sheet by sheet, then the notes one by one by index, as many per sync as Excel accepts.
 */
async function probeInParts(ctx: Excel.RequestContext, surface: Surface, names: readonly string[], sync: () => Promise<void>, budget: Budget): Promise<SheetFlags[]> {
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
  let comments: Excel.Comment[][] = names.map(() => []);
  if (surface.comments) {
    comments = await loadInParts(
      names,
      (name) => {
        const c = sheet(name).comments;
        c.load('items/id');
        return () => c.items;
      },
      sync,
      budget,
    );
  }
  let notes: Excel.Note[][] = names.map(() => []);
  if (surface.notes) {
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
  return names.map((name, k) => sheetFlags(name, rules[k] ?? [], notes[k] ?? [], comments[k] ?? []));
}

/**
 * Survey the book and find our rules and notes. With the sheet names from a read just before, this
 * is one sync; otherwise the names are listed first. A response too large for Excel falls back to
 * smaller loads.
 */
export async function surveyFlags(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  knownNames: readonly string[] | null,
  sync: () => Promise<void>,
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
  const surface = apiSurface(features, ctx.workbook.worksheets.getItem(targets[0] ?? HELPER_SHEET));
  let finish = queueSurvey(ctx, host, features);
  let probed: SheetFlags[];
  try {
    const reads = targets.map((name) => probeSheet(ctx, surface, name));
    await sync();
    probed = reads.map((read) => read());
  } catch (e) {
    // A sheet listed a moment ago was renamed or removed: list the sheets again.
    if (isSheetGone(e) && relists > 0) return surveyFlags(ctx, host, features, null, sync, budget, relists - 1);
    if (!isPayloadTooLarge(e) || budget.retries >= MAX_PAYLOAD_RETRIES) throw e;
    budget.retries++;
    finish = queueSurvey(ctx, host, features);
    await sync();
    probed = await probeInParts(ctx, surface, targets, sync, budget);
  }
  const survey = finish();
  const current = survey.sheets.map((s) => s.name).filter((n) => !isOwnSheetName(n));
  const seen = new Set(targets);
  if (knownNames !== null && (current.length !== seen.size || current.some((n) => !seen.has(n)))) {
    return surveyFlags(ctx, host, features, survey.sheets.map((s) => s.name), sync, budget, relists);
  }
  return { survey, sheets: new Map(probed.map((p) => [p.name, p])), helperExists: survey.sheets.some((s) => s.name === HELPER_SHEET), surface };
}

/** A note or a threaded comment of the user's, on a sheet where notes are to be added. */
export interface PendingCell {
  readonly sheet: string;
  readonly at: { getLocation(): Excel.Range };
}

/** The user's notes and threaded comments on these sheets: their cells must be left alone. */
export function userCellsToLocate(flags: FlagSurvey, sheets: ReadonlyArray<{ readonly sheet: string; readonly marks: readonly unknown[] }>): PendingCell[] {
  const pending: PendingCell[] = [];
  for (const s of sheets) {
    if (s.marks.length === 0) continue;
    const found = flags.sheets.get(s.sheet);
    for (const at of [...(found?.userNotes ?? []), ...(found?.comments ?? [])]) pending.push({ sheet: s.sheet, at });
  }
  return pending;
}

/** Queue the location of one such cell; read it after the sync. */
export function locate({ sheet, at }: PendingCell): () => { sheet: string; address: string } {
  const range = at.getLocation().load('address');
  return () => ({ sheet, address: range.address });
}

/** Cells (plain A1, no sheet, no $) holding a note or a comment of the user's, per sheet. */
export function cellsBySheet(located: ReadonlyArray<{ sheet: string; address: string }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { sheet, address } of located) {
    const set = out.get(sheet) ?? new Set<string>();
    for (const a of parseAreas(address)) set.add(rangeAddress(a.top, a.left, a.top, a.left));
    out.set(sheet, set);
  }
  return out;
}
