/**
 * SPEC §5: the suggested levels and the codes of the deciding rule, the words the rule sets and the
 * report share. A module of its own so that the rule sets need not import the report, whose schema
 * in turn lists the rule sets.
 */
export const LEVELS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type Level = (typeof LEVELS)[number];

/** SPEC §5 (1.3) "the deciding rule": what kept a unit from the level above, for both rule sets. */
export const DECIDED_BY = [
  'top',
  'quota',
  'has-violations',
  'nothing-due',
  'score-below-excellent',
  'has-late',
  'score-below-good',
  'disciplined',
  'late-over-half',
  'score-below-completed',
  'late-over-fifth',
] as const;
export type DecidedBy = (typeof DECIDED_BY)[number];
