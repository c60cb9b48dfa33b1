/**
 * SPEC §5: what every rule set's rubric holds — the score's weights and the quota — and the pieces a
 * rule set builds its own rubric from. Each rule set (src/core/rule-sets/) adds its thresholds.
 */
import { z } from 'zod';

/** A share of tasks or units, 0–1 (shown to users as a percentage). */
export const share = z.number().min(0).max(1);
/** Points on the 100-point scale. */
export const points = z.number().min(0).max(100);

/** The figures every rubric has: the score's weights and the quota. */
export const RUBRIC_WEIGHTS = {
  /** Points for a perfect on-time rate (70). */
  onTimeWeight: points,
  /** Points while there is no violation (30). */
  violationPoints: points,
  /** Points lost per violation (6). */
  perViolation: points,
  /** Excellent units may not exceed this share of those rated good (0.2); 0 turns the quota off. */
  quota: share,
};

/** What every rule set's rubric holds; a type alias, so that a rubric reads as a record of figures. */
export type Rubric = {
  readonly onTimeWeight: number;
  readonly violationPoints: number;
  readonly perViolation: number;
  readonly quota: number;
};

/** The refinement every rubric carries: a perfect unit scores at most 100. */
export const WEIGHTS_FIT = {
  check: (r: Rubric): boolean => r.onTimeWeight + r.violationPoints <= 100,
  message: 'onTimeWeight + violationPoints must not exceed 100',
} as const;

/** One field of the rubric form: the figure's key and how the user types it. */
export interface RubricField<Key extends string = string> {
  readonly key: Key;
  readonly unit: 'points' | 'percent';
}

/** The score's weights, as every rubric form begins. */
export const WEIGHT_FORM_FIELDS: readonly RubricField<'onTimeWeight' | 'violationPoints' | 'perViolation'>[] = [
  { key: 'onTimeWeight', unit: 'points' },
  { key: 'violationPoints', unit: 'points' },
  { key: 'perViolation', unit: 'points' },
];
