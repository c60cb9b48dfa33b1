/**
 * The sidecar of each fixture in test/fixtures/bad/ (`NN-name.expect.json`): what the command line
 * must do with it. Written by scripts/make-bad-fixtures.ts from the SPEC, read by bad-inputs.test.ts.
 * In `stderr`, `{input}` stands for the INPUT path as given on the command line.
 */

export interface ExpectedSheet {
  readonly name: string;
  readonly kind: 'task' | 'inspection' | 'registry';
  readonly headerRow: number;
  readonly dataRows: number;
  /** field → column letters, exactly. */
  readonly columns?: Readonly<Record<string, string>>;
}

export interface ExpectedFinding {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
  /** The exact message; or, for messages quoting a huge cell, its beginning in `messagePrefix`. */
  readonly message?: string;
  readonly messagePrefix?: string;
}

export interface ExpectedTask {
  readonly sheet: string;
  readonly row: number;
  readonly status: 'done_on_time' | 'done_late' | 'open_on_time' | 'open_overdue';
  readonly deadline?: string | null;
  readonly completed?: string | null;
  readonly leadUnits?: readonly string[];
  readonly daysLate?: number;
}

export interface ExpectedUnit {
  readonly name: string;
  readonly due?: number;
  readonly doneOnTime?: number;
  readonly doneLate?: number;
  readonly openOverdue?: number;
  readonly openOnTime?: number;
  readonly violations?: number;
  readonly disciplined?: boolean;
  readonly score?: number;
  readonly level?: 'excellent' | 'good' | 'completed' | 'not_completed';
  readonly head?: string | null;
}

export interface Expectation {
  readonly description: string;
  /** Arguments after `check INPUT` (the test adds --json and --out). */
  readonly args: readonly string[];
  readonly exit: 0 | 2;
  /** Every line on standard error, exactly. */
  readonly stderr: readonly string[];
  /** Lines that must appear on standard output, exactly (exit 0). */
  readonly stdout?: readonly string[];
  /** Recognised sheets in workbook order, exactly. */
  readonly sheets?: readonly ExpectedSheet[];
  /** Ignored sheets in workbook order, exactly. */
  readonly ignoredSheets?: readonly { readonly name: string; readonly reason: string }[];
  /** Every finding, as a set (the report's order is not part of the SPEC). */
  readonly findings?: readonly ExpectedFinding[];
  /** Every task, as a set keyed by sheet and row; the fields given must match. */
  readonly tasks?: readonly ExpectedTask[];
  /** Every unit, as a set keyed by name; the fields given must match. */
  readonly units?: readonly ExpectedUnit[];
  /** Sheets that must still be protected in the annotated copy. */
  readonly outProtected?: readonly string[];
  /** Run --out again on the annotated copy: the flags and KQ sheets must come out the same. */
  readonly rerunOut?: boolean;
}
