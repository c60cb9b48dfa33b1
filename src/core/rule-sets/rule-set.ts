/**
 * SPEC §5: a rule set, described once. The registry (./registry.ts) lists the descriptors; the engine,
 * the settings and report schemas, the command line, the pane, the ribbon and the KQ sheets read it.
 */
import type { z } from 'zod';
import type { Messages } from '../../i18n/messages';
import type { Suggestion } from '../levels';
import type { Rubric, RubricField } from '../rubric';
import type { UnitTally } from '../scoring';

/** What a rule set's file writes: everything typed by its own rubric. */
export interface RuleSetSpec<Id extends string, R extends Rubric> {
  /** What users type (`--rules 2026`) and what settings and reports carry. */
  readonly id: Id;
  /** The first year of the as-of date it governs, until the next set's first year; the earliest set also governs the years before it. */
  readonly fromYear: number;
  /** Its name and its sources, from the catalogue (one entry per rule set). */
  readonly text: (msg: Messages) => string;
  readonly rubricSchema: z.ZodType<R>;
  readonly defaultRubric: R;
  /** The rubric form's fields, in order; their labels are the pane catalogue's `rubricField`. */
  readonly rubricFields: readonly RubricField<keyof R & string>[];
  /** The suggested level and its reasons, before the quota. */
  readonly level: (t: UnitTally, rubric: R, msg: Messages) => Suggestion;
}

/** The rubric a run uses, and the level function bound to it. */
export interface Rater {
  readonly rubric: Rubric;
  suggest(t: UnitTally): Suggestion;
}

/** A rule set as the rest of the code sees it, whatever its rubric's own figures. */
export interface RuleSet<Id extends string = string> {
  readonly id: Id;
  readonly fromYear: number;
  readonly text: (msg: Messages) => string;
  readonly rubricSchema: z.ZodType<Rubric>;
  readonly defaultRubric: Rubric;
  readonly rubricFields: readonly RubricField[];
  /** The rubric saved for this set when its schema accepts it, else the defaults (for forms). */
  rubricIn(saved: unknown): Rubric;
  /** The rater of a run: the saved rubric (which must pass this set's schema) or the defaults. */
  rater(saved: unknown, msg: Messages): Rater;
}

export function defineRuleSet<Id extends string, R extends Rubric>(spec: RuleSetSpec<Id, R>): RuleSet<Id> {
  return {
    id: spec.id,
    fromYear: spec.fromYear,
    text: spec.text,
    rubricSchema: spec.rubricSchema,
    defaultRubric: spec.defaultRubric,
    rubricFields: spec.rubricFields,
    rubricIn(saved) {
      const parsed = spec.rubricSchema.safeParse(saved);
      return parsed.success ? parsed.data : spec.defaultRubric;
    },
    rater(saved, msg) {
      const rubric = saved === undefined ? spec.defaultRubric : spec.rubricSchema.parse(saved);
      return { rubric, suggest: (t) => spec.level(t, rubric, msg) };
    },
  };
}
