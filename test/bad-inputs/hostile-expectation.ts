/**
 * The sidecar of each fixture in test/fixtures/hostile/ (`NN-name.expect.json`): what the command
 * line must do with a file made to hurt a reader. Written by scripts/make-hostile-fixtures.ts, read by
 * hostile.test.ts. Time and memory are measured by scripts/hostile-bench.ts, not asserted in tests.
 */
import type { ExpectedFinding, ExpectedSheet } from './expectation';

export interface HostileExpectation {
  /** What the file is, and why this outcome is the one a careful user wants. */
  readonly description: string;
  /** Arguments after `check INPUT` (the test adds --json and --out). */
  readonly args: readonly string[];
  readonly exit: 0 | 2;
  /**
   * Exit 2: standard error is one line naming the input and each of these (the part, sheet or cell
   * at fault and the problem), in the language of `args` (English: words can be checked).
   */
  readonly mentions?: readonly string[];
  /** Exit 0: every line on standard error, exactly. */
  readonly stderr?: readonly string[];
  /** Exit 0: recognised sheets in workbook order. */
  readonly sheets?: readonly ExpectedSheet[];
  /** Exit 0: every finding, as a set. */
  readonly findings?: readonly ExpectedFinding[];
  /** Exit 0: long texts of the user's (`seed` repeated to `length` UTF-16 units) that some part of the annotated copy must still hold whole. */
  readonly keptWhole?: ReadonlyArray<{ readonly seed: string; readonly length: number }>;
  /** Text that must appear nowhere: not on standard output or error, in the report or in the annotated copy. */
  readonly never?: readonly string[];
  /** Paths (relative to the working directory) that must not exist after the run. */
  readonly noFiles?: readonly string[];
}
