/**
 * Sending writes to Excel in requests under the size budget, and sending them again in smaller parts
 * when Excel still finds a request too large (RequestPayloadSizeLimitExceeded: Excel refused the
 * request as a whole, nothing in it ran, so sending the same operations again is safe). The budget
 * learnt from a refusal carries over to the following requests of the same write. Retries are
 * bounded: past MAX_PAYLOAD_RETRIES, or when a single operation that cannot be split is refused, the
 * error goes up.
 */
import { isPayloadTooLarge, isRequestTooLarge } from './faults';
import { REQUEST_BUDGET_BYTES } from './limits';

/** One write: its estimated request bytes, and how to queue it (again, after a refused request). */
export interface WriteOp {
  readonly bytes: number;
  readonly queue: () => void;
  /** The same write as two or more smaller ones; absent when it cannot be split. */
  readonly split?: () => WriteOp[];
}

/** Estimated request bytes of one queued command, besides its arguments. */
export const OP_BYTES = 160;
/** Refused requests (or responses) tolerated in one write or one read before giving up. */
export const MAX_PAYLOAD_RETRIES = 16;

/** The request budget of one write (or one read's loads), lowered by each refusal. */
export interface Budget {
  bytes: number;
  retries: number;
}

export function newBudget(bytes = REQUEST_BUDGET_BYTES): Budget {
  return { bytes, retries: 0 };
}

export interface RunWritesOptions {
  /**
   * Operations sent after `ops`, in a request whose calculation is not suspended: calculating the
   * formulas written while it was ("Once set, it is the developer's responsibility to re-calc the
   * workbook": Application.suspendApiCalculationUntilNextSync).
   */
  readonly unsuspended?: readonly WriteOp[];
}

/**
 * Queue and sync these writes in order, as few requests as the budget allows, calculation suspended
 * in each (but the last when it carries `unsuspended` operations). Every request is a whole number of
 * operations, in order, so that what ran is always a prefix of `ops` (the recovery in
 * docs/office-faults.md relies on it).
 */
export async function runWrites(ctx: Excel.RequestContext, ops: readonly WriteOp[], sync: () => Promise<void>, budget: Budget, options: RunWritesOptions = {}): Promise<void> {
  const calculating = new Set<WriteOp>(options.unsuspended ?? []);
  const work = [...ops, ...calculating];
  let i = 0;
  while (i < work.length) {
    let end = i;
    let bytes = 0;
    while (end < work.length) {
      const b = work[end]!.bytes + OP_BYTES;
      if (end > i && bytes + b > budget.bytes) break;
      bytes += b;
      end++;
    }
    const single = work[i]!;
    if (end === i + 1 && bytes > budget.bytes && single.split) {
      work.splice(i, 1, ...single.split());
      continue;
    }
    if (!work.slice(i, end).some((o) => calculating.has(o))) ctx.application.suspendApiCalculationUntilNextSync();
    for (let j = i; j < end; j++) work[j]!.queue();
    try {
      await sync();
    } catch (e) {
      if (!isRequestTooLarge(e) || budget.retries >= MAX_PAYLOAD_RETRIES) throw e;
      if (end === i + 1 && !single.split) throw e;
      budget.retries++;
      // Half of what was refused: a batch of several operations always gets smaller.
      budget.bytes = Math.max(OP_BYTES, Math.min(budget.bytes, bytes) / 2);
      if (end === i + 1) work.splice(i, 1, ...single.split!());
      continue;
    }
    i = end;
  }
}

/**
 * Load something for each item in as few syncs as Excel accepts: all at once, then, when the request
 * or the response is too large, in halves, quarters, ... (bounded by the budget's retries). `load`
 * queues the loads for one item and returns a function that reads the result after the sync.
 */
export async function loadInParts<T, R>(
  items: readonly T[],
  load: (item: T) => () => R,
  sync: () => Promise<void>,
  budget: Budget,
  firstPart = items.length,
): Promise<R[]> {
  const out: R[] = [];
  let part = Math.max(1, firstPart);
  let i = 0;
  while (i < items.length) {
    const batch = items.slice(i, i + part);
    const reads = batch.map(load);
    try {
      await sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || part === 1 || budget.retries >= MAX_PAYLOAD_RETRIES) throw e;
      budget.retries++;
      part = Math.ceil(batch.length / 2);
      continue;
    }
    for (const read of reads) out.push(read());
    i += batch.length;
  }
  return out;
}
