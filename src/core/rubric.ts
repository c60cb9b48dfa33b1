/** SPEC §5: the two rule sets and their rubrics (every figure a leader may change), validated with zod. */
import { z } from 'zod';

export const RULE_SETS = ['2023', '2026'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

const share = z.number().min(0).max(1);
const points = z.number().min(0).max(100);

const weights = {
  /** Points for a perfect on-time rate (70). */
  onTimeWeight: points,
  /** Points while there is no violation (30). */
  violationPoints: points,
  /** Points lost per violation (6). */
  perViolation: points,
  /** Excellent units may not exceed this share of those rated good (0.2); 0 turns the quota off. */
  quota: share,
};

export const Rubric2023Schema = z
  .object({
    ...weights,
    /** lateShare above this → not completed (0.5). */
    notCompletedLateShare: share,
    /** lateShare above this adds "needs review" (0.2). */
    reviewLateShare: share,
  })
  .strict()
  .refine((r) => r.onTimeWeight + r.violationPoints <= 100, { message: 'onTimeWeight + violationPoints must not exceed 100' })
  .refine((r) => r.reviewLateShare <= r.notCompletedLateShare, {
    message: 'reviewLateShare must not exceed notCompletedLateShare',
  });

export const Rubric2026Schema = z
  .object({
    ...weights,
    excellentScore: points,
    goodScore: points,
    completedScore: points,
    completedLateShare: share,
  })
  .strict()
  .refine((r) => r.onTimeWeight + r.violationPoints <= 100, { message: 'onTimeWeight + violationPoints must not exceed 100' })
  .refine((r) => r.completedScore <= r.goodScore && r.goodScore <= r.excellentScore, {
    message: 'thresholds must rise: completedScore ≤ goodScore ≤ excellentScore',
  });

export type Rubric2023 = z.infer<typeof Rubric2023Schema>;
export type Rubric2026 = z.infer<typeof Rubric2026Schema>;

export const DEFAULT_RUBRIC_2023: Rubric2023 = {
  onTimeWeight: 70,
  violationPoints: 30,
  perViolation: 6,
  quota: 0.2,
  notCompletedLateShare: 0.5,
  reviewLateShare: 0.2,
};

export const DEFAULT_RUBRIC_2026: Rubric2026 = {
  onTimeWeight: 70,
  violationPoints: 30,
  perViolation: 6,
  quota: 0.2,
  excellentScore: 90,
  goodScore: 70,
  completedScore: 50,
  completedLateShare: 0.2,
};

export const RubricsSchema = z
  .object({
    '2023': Rubric2023Schema.optional(),
    '2026': Rubric2026Schema.optional(),
  })
  .strict();
export type Rubrics = z.infer<typeof RubricsSchema>;

/** The rule set in force in the year of D; years before 2023 use the 2023–2025 rules. */
export function ruleSetForYear(year: number): RuleSet {
  return year >= 2026 ? '2026' : '2023';
}
