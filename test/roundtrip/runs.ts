/**
 * How many books the round-trip properties generate, and the fixed seeds of the reproducible runs.
 *
 * Each adapter runs its property twice: once with a random seed (fast-check prints the seed and the
 * shrunk book when it fails, so that a failure can be replayed with `seed` and `path`), and once
 * per fixed seed, which generates the same books on every machine.
 *
 * ROUNDTRIP_SCALE=10 multiplies the random runs for a longer soak (the fixed ones stay as they are).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';

export const AS_OF = '2026-06-15';
/** Another evaluation date (the 2023–2025 rules), for "flagging replaces what was flagged before". */
export const OTHER_AS_OF = '2023-09-15';

export const FIXED_SEEDS: readonly number[] = [20_260_615, 280_2023, 90_2020];

const SCALE = Math.max(1, Number(process.env.ROUNDTRIP_SCALE ?? '1') || 1);

/** 540 books through the xlsx package adapter (checked with ExcelJS as reader) and 600 through the fake. */
export const RUNS = {
  xlsx: { random: Math.round(420 * SCALE), perSeed: 40 },
  fake: { random: Math.round(480 * SCALE), perSeed: 40 },
} as const;

export function totalRuns(r: { random: number; perSeed: number }): number {
  return r.random + r.perSeed * FIXED_SEEDS.length;
}

export interface Tally {
  books: number;
  ms: number;
  taskSheets: number;
  booksFlagged: number;
  ourRules: number;
  ourNotes: number;
  userRules: number;
  userNotes: number;
}

export function newTally(): Tally {
  return { books: 0, ms: 0, taskSheets: 0, booksFlagged: 0, ourRules: 0, ourNotes: 0, userRules: 0, userNotes: 0 };
}

export function summary(name: string, t: Tally): string {
  const per = t.books > 0 ? (t.ms / t.books).toFixed(1) : '-';
  return (
    `${name}: ${t.books} books in ${(t.ms / 1000).toFixed(1)} s (${per} ms each); ${t.taskSheets} task sheets read, ` +
    `${t.booksFlagged} books flagged with ${t.ourRules} rules and ${t.ourNotes} notes, beside ${t.userRules} user rules and ${t.userNotes} user notes`
  );
}

/** fast-check parameters of one run: random seed (printed on failure) or a fixed one. */
function params(numRuns: number, seed?: number): fc.Parameters<unknown> {
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

/** A slow, busy machine's margin for a few hundred generated books. */
const TIMEOUT = 900_000;

/**
 * The suite an adapter's round-trip property runs as: once from a random seed, once per fixed seed,
 * and the tally printed at the end.
 */
export function roundTripSuite<T extends [unknown, ...unknown[]]>(title: string, name: string, property: fc.IAsyncPropertyWithHooks<T>, runs: { random: number; perSeed: number }, tally: Tally): void {
  describe(`${title} (${totalRuns(runs)} books)`, () => {
    afterAll(() => {
      console.log(summary(name, tally));
    });

    test(`${runs.random} books from a random seed`, async () => {
      await fc.assert(property, params(runs.random) as fc.Parameters<T>);
    }, TIMEOUT);

    test.each(FIXED_SEEDS)(`${runs.perSeed} books from the fixed seed %i`, async (seed) => {
      await fc.assert(property, params(runs.perSeed, seed) as fc.Parameters<T>);
    }, TIMEOUT);
  });
}

/** Equal, or fail with what differs and Jest's diff (computed only on failure: it is slow on whole books). */
export function same(actual: unknown, expected: unknown, what: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  try {
    expect(actual).toEqual(expected);
  } catch (e) {
    if (e instanceof Error) e.message = `${what}: not as expected\n${e.message}`;
    throw e;
  }
  throw new Error(`${what}: not strictly equal, though Jest finds no difference`);
}
