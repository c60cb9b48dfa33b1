/**
 * SPEC §6 flags through Office.js (the port's writeFlags and clearFlags), as transactions
 * (transaction.ts, docs/office-faults.md). Our rules are found by the `kq:` marker in their formula,
 * our notes by NOTE_PREFIX; the user's own rules, notes and threaded comments are never touched.
 *
 *   survey — flag-survey.ts: one sync (sheets, protection, every sheet's rules in priority order,
 *     notes, comments); on a first run one more when the user has notes or comments on a task sheet
 *     (their cells get no note; on later runs their locations ride along with the build).
 *   build — additions only: the new rules (placed last, after every rule already there), the helper
 *     sheet when it is new, the notes when no note of ours is in the book; its last request reads the
 *     rules again, so that the commit deletes by priorities that are current.
 *   commit — the replacement: the old rules (those before the rules this run added) and notes
 *     removed from the highest priority down, the helper sheet's serials rewritten, the notes added.
 *
 * A book with no flags of ours has nothing to replace: everything is in the build, one sync in all
 * unless it exceeds the request budget. A sheet deleted during the run is skipped and reported.
 * Where this Office.js cannot write notes, the other findings are still marked and the port tells
 * the user how many cells went without their note.
 */
import { NOTE_PREFIX, type FlagPlan } from '../../core/flag-plan';
import { HELPER_SHEET } from '../../core/presentation';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError, type HostNotice } from '../../port/workbook-port';
import { isSheetGone } from './faults';
import {
  clearHelperOp,
  createHelperOp,
  deleteHelperOp,
  deleteNoteOps,
  deleteRuleOps,
  helperCellOps,
  noteOps,
  op,
  ruleOps,
  type FlagCounts,
} from './flag-operations';
import { cellsBySheet, hasOurFlags, loadRules, locate, RULE_FIELDS, ruleViews, surveyFlags, userCellsToLocate, type FlagSurvey, type RuleView } from './flag-survey';
import type { Features, OfficeHost } from './host';
import { newTxStats, runTransaction, type AfterRollBack, type AfterRollForward, type Transaction, type TxRun, type TxStats } from './transaction';
import { loadInParts, OP_BYTES, type WriteOp } from './writes';

export { isOurFormula } from './flag-survey';

export type WriteStats = TxStats & FlagCounts;

export function newWriteStats(): WriteStats {
  return { ...newTxStats(), rulesAdded: 0, rulesRemoved: 0, notesAdded: 0, notesRemoved: 0 };
}

/** What a write attempt did, so that it can be undone or completed. */
interface FlagRecord {
  /** Task sheets of the plan that existed at the survey. */
  sheets: string[];
  /** Plan sheets that did not exist at the survey (deleted or renamed since the read). */
  missing: string[];
  /** Every rule's signature per plan sheet at the survey, in priority order. */
  before: Map<string, string[]>;
  /** The build added notes (there were none of ours before). */
  notesInBuild: boolean;
  /** The build added the helper sheet (it did not exist). */
  helperCreated: boolean;
  /** Cells whose finding could not get its note (this Office.js has no notes). */
  withoutNotes: number;
}

function newRecord(): FlagRecord {
  return { sheets: [], missing: [], before: new Map(), notesInBuild: false, helperCreated: false, withoutNotes: 0 };
}

/** User notes and comments located with the build's first request, up to this many (else in syncs of their own). */
const LOCATE_WITH_BUILD = 2_000;

function checkWritable(flags: FlagSurvey, touched: Iterable<string>, needHelperSheetChange: boolean, lang: Lang): void {
  const { survey } = flags;
  survey.assertWritable(lang);
  survey.assertUnprotected(touched, lang);
  if (flags.helperExists) survey.assertUnprotected([HELPER_SHEET], lang);
  // Adding or deleting the helper sheet changes the structure: say so before anything is written.
  if (needHelperSheetChange && survey.workbookProtected) throw new HostError(ribbonMessages(lang).protectedWorkbook());
}

/** Our rules on a sheet, read just before, that this run did not add: the `added` rules it put last are kept. */
function oldRules(rules: readonly RuleView[], added: number): RuleView[] {
  return rules.slice(0, Math.max(0, rules.length - added)).filter((r) => r.ours);
}

/** One attempt at the whole write, in one Excel.run: survey, build, commit. */
async function writeFlagsOnce(
  run: TxRun,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  plan: FlagPlan,
  knownNames: readonly string[] | null,
  counts: FlagCounts,
  record: FlagRecord,
): Promise<void> {
  const { ctx, sync, budget } = run;
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(ctx, host, features, knownNames, sync, budget);
  const { surface } = flags;
  const existing = new Set(flags.survey.sheets.map((s) => s.name));
  const sheets = plan.sheets.filter((s) => existing.has(s.sheet));
  record.missing = plan.sheets.filter((s) => !existing.has(s.sheet)).map((s) => s.sheet);
  const live = sheets.some((s) => s.recordBlocks.length > 0);
  const touched = new Set<string>(sheets.map((s) => s.sheet));
  for (const s of flags.sheets.values()) if (hasOurFlags(s)) touched.add(s.name);
  checkWritable(flags, touched, live && !flags.helperExists, lang);
  record.notesInBuild = surface.notes && [...flags.sheets.values()].every((s) => s.notes.length === 0);
  record.withoutNotes = surface.notes ? 0 : sheets.reduce((n, s) => n + s.marks.length, 0);
  const pending = surface.notes ? userCellsToLocate(flags, sheets) : [];
  // Where notes are added in the build, the user's notes and comments are located first, in a sync of
  // their own; where they are added in the commit, the locations ride along with the build.
  const early = record.notesInBuild || pending.length > LOCATE_WITH_BUILD;
  let occupied = early ? cellsBySheet(await loadInParts(pending, locate, sync, budget)) : new Map<string, Set<string>>();

  // Nothing has been written up to here.
  record.sheets = sheets.map((s) => s.sheet);
  record.before = new Map(record.sheets.map((n) => [n, (flags.sheets.get(n)?.rules ?? []).map((r) => r.signature)]));
  record.helperCreated = live && !flags.helperExists;

  const build: WriteOp[] = [];
  let located: Array<() => { sheet: string; address: string }> = [];
  if (!early && pending.length > 0) {
    build.push(
      op(pending.length * 2 * OP_BYTES, () => {
        located = pending.map(locate);
      }),
    );
  }
  const serialOps = (): WriteOp[] => plan.sheets.flatMap((s) => (existing.has(s.sheet) ? helperCellOps(ctx, s) : []));
  if (record.helperCreated) build.push(createHelperOp(ctx), ...serialOps());
  const added = new Map<string, number>();
  for (const s of plan.sheets) {
    if (!existing.has(s.sheet)) continue;
    const before = counts.rulesAdded;
    build.push(...ruleOps(ctx, features, s, counts));
    added.set(s.sheet, counts.rulesAdded - before);
  }
  if (record.notesInBuild) {
    for (const s of sheets) build.push(...noteOps(ctx, s, occupied.get(s.sheet) ?? new Set<string>(), counts));
  }
  // The rules are read again at the end of the build: the commit deletes by current priorities.
  const withOldRules = [...flags.sheets.values()].filter((s) => s.rules.some((r) => r.ours)).map((s) => s.name);
  const current = new Map<string, readonly RuleView[]>(withOldRules.map((n) => [n, flags.sheets.get(n)!.rules]));
  const reread = new Map<string, Excel.ConditionalFormatCollection>();
  if (build.length > 0 && withOldRules.length > 0) {
    build.push(
      op(withOldRules.length * OP_BYTES, () => {
        for (const name of withOldRules) {
          const rules = ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats;
          rules.load(RULE_FIELDS);
          reread.set(name, rules);
        }
      }),
    );
  }

  await run.build(build);
  for (const [name, rules] of reread) current.set(name, ruleViews(rules.items));
  if (!early) occupied = cellsBySheet(located.map((read) => read()));

  const commit: WriteOp[] = [];
  for (const [name, rules] of current) commit.push(...deleteRuleOps(oldRules(rules, added.get(name) ?? 0), counts));
  for (const s of flags.sheets.values()) commit.push(...deleteNoteOps(s.notes, counts));
  if (live && flags.helperExists) commit.push(clearHelperOp(ctx), ...serialOps());
  else if (!live && flags.helperExists && !flags.survey.workbookProtected) {
    // No live rule reads the helper sheet any more.
    commit.push(deleteHelperOp(ctx));
  }
  if (surface.notes && !record.notesInBuild) {
    for (const s of sheets) commit.push(...noteOps(ctx, s, occupied.get(s.sheet) ?? new Set<string>(), counts));
  }
  await run.commit(commit);
}

/**
 * Where the survey's rules sit among the rules read now: the rules this run added are around them
 * (unmoved at the top, moved to the end) and are ours or orphans. Returns the rules to delete, or
 * null when the book changed too much to tell.
 */
function addedAround(now: readonly RuleView[], before: readonly string[]): RuleView[] | null {
  for (let t = 0; t + before.length <= now.length; t++) {
    const around = [...now.slice(0, t), ...now.slice(t + before.length)];
    if (!around.every((r) => r.ours || r.orphan)) continue;
    if (before.every((sig, i) => now[t + i]!.signature === sig)) return around;
  }
  return null;
}

/**
 * Undo a build that Excel interrupted: remove the rules this run added (found around the survey's
 * rules), its notes when it added them, and the helper sheet when it created it. Returns 'again'
 * when a planned sheet no longer exists, so that the write is run again without it.
 */
async function rollbackFlags(run: TxRun, record: FlagRecord): Promise<AfterRollBack> {
  const { ctx, sync, budget } = run;
  const list = ctx.workbook.worksheets;
  list.load('items/name');
  await sync();
  const present = new Set(list.items.map((ws) => ws.name));
  const gone = record.sheets.filter((n) => !present.has(n));
  const here = record.sheets.filter((n) => present.has(n));
  const found = await loadInParts(
    here,
    (name) => {
      const rules = loadRules(ctx, name);
      const notes = record.notesInBuild ? ctx.workbook.worksheets.getItem(name).notes : null;
      notes?.load('items/content');
      return () => ({ name, rules: rules(), notes: notes?.items ?? [] });
    },
    sync,
    budget,
  );
  const counts: FlagCounts = { rulesAdded: 0, rulesRemoved: 0, notesAdded: 0, notesRemoved: 0 };
  const ops: WriteOp[] = [];
  for (const { name, rules, notes } of found) {
    const extra = addedAround(rules, record.before.get(name) ?? []);
    if (extra === null) throw new Error(`the rules of "${name}" changed during the run`);
    ops.push(...deleteRuleOps(extra, counts));
    ops.push(...deleteNoteOps(notes.filter((n) => String(n.content ?? '').startsWith(NOTE_PREFIX)), counts));
  }
  if (record.helperCreated && present.has(HELPER_SHEET)) ops.push(deleteHelperOp(ctx));
  await run.write(ops);
  return gone.length > 0 ? 'again' : 'stop';
}

/**
 * Replace the book's flags with the plan's (the port's writeFlags), recovering from a failed sync as
 * the module comment says. Sheets of the plan that were deleted or renamed since the read are added
 * to `vanished`; cells left without their note, to `notices`.
 */
export async function writeFlagsOffice(
  host: OfficeHost,
  features: Features,
  lang: Lang,
  plan: FlagPlan,
  knownNames: readonly string[] | null,
  vanished: Set<string>,
  notices: HostNotice[],
): Promise<WriteStats> {
  const stats = newWriteStats();
  let names = knownNames;
  const tx: Transaction<FlagRecord> = {
    begin: newRecord,
    attempt: (run, record) => writeFlagsOnce(run, host, features, lang, plan, names, stats, record),
    async rollBack(run, record) {
      names = null;
      return rollbackFlags(run, record);
    },
    async rollForward(run, record): Promise<AfterRollForward> {
      // The commit had begun: the write is completed from a fresh survey (writing flags is idempotent).
      const again = newRecord();
      await writeFlagsOnce(run, host, features, lang, plan, null, stats, again);
      record.missing = again.missing;
      record.withoutNotes = again.withoutNotes;
      // A planned sheet deleted under the commit: the others are done, and the sheet is named.
      return again.missing.some((n) => record.sheets.includes(n)) ? 'success' : 'after';
    },
  };
  const record = await runTransaction(host, lang, tx, stats);
  for (const n of record.missing) vanished.add(n);
  if (record.withoutNotes > 0) notices.push({ kind: 'notes-unavailable', cells: record.withoutNotes });
  return stats;
}

/** One attempt at clearing: survey, then remove our rules, notes and the helper sheet. */
async function clearFlagsOnce(run: TxRun, host: OfficeHost, features: Features, lang: Lang, counts: FlagCounts): Promise<void> {
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const flags = await surveyFlags(run.ctx, host, features, null, run.sync, run.budget);
  const touched = [...flags.sheets.values()].filter(hasOurFlags).map((s) => s.name);
  checkWritable(flags, touched, flags.helperExists, lang);
  const ops: WriteOp[] = [];
  for (const s of flags.sheets.values()) {
    ops.push(...deleteRuleOps(s.rules.filter((r) => r.ours), counts));
    ops.push(...deleteNoteOps(s.notes, counts));
  }
  if (flags.helperExists) ops.push(deleteHelperOp(run.ctx));
  await run.commit(ops);
}

/** Remove every flag of ours (the port's clearFlags); a clearing Excel interrupts is completed. */
export async function clearFlagsOffice(host: OfficeHost, features: Features, lang: Lang): Promise<WriteStats> {
  const stats = newWriteStats();
  await runTransaction<null>(
    host,
    lang,
    {
      begin: () => null,
      attempt: (run) => clearFlagsOnce(run, host, features, lang, stats),
      async rollForward(run, _record, error) {
        await clearFlagsOnce(run, host, features, lang, stats);
        return isSheetGone(error) ? 'success' : 'after';
      },
    },
    stats,
  );
  return stats;
}
