/**
 * The transaction every Office.js write runs (docs/office-faults.md), shared by the flags and the
 * KQ sheets:
 *
 *   1. survey — reads only; a HostError here (protected sheet, read-only book) means nothing was
 *      written;
 *   2. build — additions only, next to what is there; if Excel fails here, the writer's roll back
 *      removes exactly what this run added: the book is as before;
 *   3. commit — the replacement; if Excel fails here, the writer's roll forward completes it from a
 *      fresh look at the book: the book is as after.
 *
 * Each attempt and each recovery is one Excel.run, run with delayForCellEdit. A recovery that fails
 * because another workbook has the focus is tried again after a pause, so that the user who comes
 * back finds the book whole; if it still fails, the user is told the state is unknown.
 */
import type { Lang } from '../../i18n/messages';
import { errorCode, InterruptedError, isFocusLost } from './faults';
import { RUN_OPTIONS, translateError, type OfficeHost } from './host';
import { newBudget, runWrites, type Budget, type RunWritesOptions, type WriteOp } from './writes';

export type Phase = 'survey' | 'build' | 'commit';

/** What a write cost and how it ended, for diagnostics and tests. */
export interface TxStats {
  syncs: number;
  /** Syncs of the build (additions only) and of the commit (the replacement). */
  buildSyncs: number;
  commitSyncs: number;
  /** Requests or responses Excel refused as too large, sent again in smaller parts. */
  payloadRetries: number;
  /** Failed writes undone (the book as before), and completed (the book as after). */
  rolledBack: number;
  rolledForward: number;
}

export function newTxStats(): TxStats {
  return { syncs: 0, buildSyncs: 0, commitSyncs: 0, payloadRetries: 0, rolledBack: 0, rolledForward: 0 };
}

/** One Excel.run of a transaction: the context, a counting sync, and the steps that move the phase. */
export interface TxRun {
  readonly ctx: Excel.RequestContext;
  /** context.sync(), counted. */
  readonly sync: () => Promise<void>;
  readonly budget: Budget;
  /** Send the build's writes (additions only). */
  build(ops: readonly WriteOp[], options?: RunWritesOptions): Promise<void>;
  /** Send the commit's writes (the replacement). */
  commit(ops: readonly WriteOp[], options?: RunWritesOptions): Promise<void>;
  /** Send the writes of a recovery (roll back or forward). */
  write(ops: readonly WriteOp[], options?: RunWritesOptions): Promise<void>;
}

/** What to do after a build was rolled back. */
export type AfterRollBack = 'stop' | 'again';
/** How a completed commit ends: reported as a fault ("as after"), or a success (nothing to report). */
export type AfterRollForward = 'after' | 'success';

export interface Transaction<R> {
  /** A fresh record of what one attempt did. */
  begin(): R;
  /** One attempt: survey, then run.build(...), then run.commit(...). */
  attempt(run: TxRun, record: R): Promise<void>;
  /** Undo what an interrupted build added (absent: the transaction has no build). */
  rollBack?(run: TxRun, record: R): Promise<AfterRollBack>;
  /** Complete an interrupted commit. */
  rollForward(run: TxRun, record: R, error: unknown): Promise<AfterRollForward>;
}

/** Attempts of one write when sheets keep disappearing under it. */
const MAX_ATTEMPTS = 3;
/** Pauses before trying a recovery again while another workbook has the focus. */
export const FOCUS_PAUSES_MS: readonly number[] = [1_000, 2_000, 4_000];

interface PhaseBox {
  phase: Phase;
}

function txRun(ctx: Excel.RequestContext, stats: TxStats, budget: Budget, box: PhaseBox): TxRun {
  const sync = async (): Promise<void> => {
    stats.syncs++;
    await ctx.sync();
  };
  const send = async (phase: Phase | null, ops: readonly WriteOp[], options?: RunWritesOptions): Promise<void> => {
    if (phase !== null) box.phase = phase;
    const mark = stats.syncs;
    await runWrites(ctx, ops, sync, budget, options);
    if (phase === 'build') stats.buildSyncs += stats.syncs - mark;
    if (phase === 'commit') stats.commitSyncs += stats.syncs - mark;
    stats.payloadRetries = budget.retries;
  };
  return {
    ctx,
    sync,
    budget,
    build: (ops, options) => send('build', ops, options),
    commit: (ops, options) => send('commit', ops, options),
    write: (ops, options) => send(null, ops, options),
  };
}

function failureCode(e: unknown): string {
  return errorCode(e) ?? (e instanceof Error ? e.name : 'Error');
}

/** One recovery, in its own Excel.run; tried again after a pause while another workbook has the focus. */
async function recover<T>(host: OfficeHost, stats: TxStats, budget: Budget, work: (run: TxRun) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await host.run((ctx) => work(txRun(ctx, stats, budget, { phase: 'commit' })), RUN_OPTIONS);
    } catch (e) {
      const pause = FOCUS_PAUSES_MS[i];
      if (!isFocusLost(e) || pause === undefined) throw e;
      await host.pause(pause);
    }
  }
}

/**
 * Run a transaction to its end. Resolves when the write succeeded (or was completed with nothing to
 * report); throws HostError otherwise: translated from the survey's failure (nothing written), or
 * an InterruptedError saying whether the book is as before, as after, or unknown.
 */
export async function runTransaction<R>(host: OfficeHost, lang: Lang, tx: Transaction<R>, stats: TxStats = newTxStats(), budget: Budget = newBudget()): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const record = tx.begin();
    const box: PhaseBox = { phase: 'survey' };
    try {
      await host.run((ctx) => tx.attempt(txRun(ctx, stats, budget, box), record), RUN_OPTIONS);
      return record;
    } catch (e) {
      if (box.phase === 'survey') throw translateError(e, lang);
      const code = failureCode(e);
      if (box.phase === 'build' && tx.rollBack) {
        let next: AfterRollBack;
        try {
          next = await recover(host, stats, budget, (run) => tx.rollBack!(run, record));
        } catch {
          throw new InterruptedError('unknown', code, lang, e);
        }
        stats.rolledBack++;
        if (next === 'again' && attempt < MAX_ATTEMPTS) continue;
        throw new InterruptedError('before', code, lang, e);
      }
      let ending: AfterRollForward;
      try {
        ending = await recover(host, stats, budget, (run) => tx.rollForward(run, record, e));
      } catch {
        throw new InterruptedError('unknown', code, lang, e);
      }
      stats.rolledForward++;
      if (ending === 'success') return record;
      throw new InterruptedError('after', code, lang, e);
    }
  }
}
