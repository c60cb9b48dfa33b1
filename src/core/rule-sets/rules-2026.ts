/**
 * SPEC §5 rules from 2026 (collectives: Quy định 366-QĐ/TW of 30/8/2025; công chức: Nghị định
 * 335/2025/NĐ-CP), on the 100-point scale: the first that applies.
 */
import { z } from 'zod';
import type { Messages } from '../../i18n/messages';
import { decided, type Ruling } from '../deciding-rule';
import { commonReasons, suggestion, type Suggestion } from '../levels';
import { points, RUBRIC_WEIGHTS, share, WEIGHT_FORM_FIELDS, WEIGHTS_FIT } from '../rubric';
import { due, lateShare, score, type UnitTally } from '../scoring';
import { defineRuleSet } from './rule-set';

export const Rubric2026Schema = z
  .object({
    ...RUBRIC_WEIGHTS,
    excellentScore: points,
    goodScore: points,
    completedScore: points,
    completedLateShare: share,
  })
  .strict()
  .refine(WEIGHTS_FIT.check, { message: WEIGHTS_FIT.message })
  .refine((r) => r.completedScore <= r.goodScore && r.goodScore <= r.excellentScore, {
    message: 'thresholds must rise: completedScore ≤ goodScore ≤ excellentScore',
  });
export type Rubric2026 = z.infer<typeof Rubric2026Schema>;

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

/**
 * The table of SPEC §5 on the rounded score `s`, the first that applies; each level then names what
 * kept the unit from the one above, in the deciding rule's order.
 */
export function rule2026(t: UnitTally, r: Rubric2026, s: number, msg: Messages): Ruling {
  const share = lateShare(t);
  if (t.disciplined) return decided.disciplined(msg);
  if (s >= r.excellentScore && share === 0 && due(t) >= 1) return decided.top(msg);
  if (s >= r.goodScore && share === 0) {
    return s < r.excellentScore ? decided.scoreBelowExcellent(s, r.excellentScore, msg) : decided.nothingDue(msg);
  }
  if (s >= r.completedScore && share <= r.completedLateShare) {
    return s < r.goodScore ? decided.scoreBelowGood(s, r.goodScore, msg) : decided.hasLate(t, msg);
  }
  return s < r.completedScore ? decided.scoreBelowCompleted(s, r.completedScore, msg) : decided.lateOverFifth(t, r.completedLateShare, msg);
}

export function level2026(t: UnitTally, r: Rubric2026, msg: Messages): Suggestion {
  const s = score(t, r);
  return suggestion(rule2026(t, r, s, msg), s, [...commonReasons(t, msg), msg.score(s.toFixed(1))]);
}

export const RULES_2026 = defineRuleSet({
  id: '2026',
  fromYear: 2026,
  text: (msg) => msg.ruleSet2026(),
  rubricSchema: Rubric2026Schema,
  defaultRubric: DEFAULT_RUBRIC_2026,
  rubricFields: [
    ...WEIGHT_FORM_FIELDS,
    { key: 'excellentScore', unit: 'points' },
    { key: 'goodScore', unit: 'points' },
    { key: 'completedScore', unit: 'points' },
    { key: 'completedLateShare', unit: 'percent' },
    { key: 'quota', unit: 'percent' },
  ],
  level: level2026,
});
