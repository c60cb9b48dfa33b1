/**
 * SPEC §5 rules of 2023–2025 (collectives: Quy định 124-QĐ/TW; individuals and heads: Nghị định
 * 90/2020/NĐ-CP as amended by 48/2023/NĐ-CP), as the tool reads them: the first that applies.
 */
import { z } from 'zod';
import type { Messages } from '../../i18n/messages';
import { decided, type Ruling } from '../deciding-rule';
import { commonReasons, pct, suggestion, type Suggestion } from '../levels';
import { RUBRIC_WEIGHTS, share, WEIGHT_FORM_FIELDS, WEIGHTS_FIT } from '../rubric';
import { due, lateShare, score, type UnitTally } from '../scoring';
import { defineRuleSet } from './rule-set';

export const Rubric2023Schema = z
  .object({
    ...RUBRIC_WEIGHTS,
    /** lateShare above this → not completed (0.5). */
    notCompletedLateShare: share,
    /** lateShare above this adds "needs review" (0.2). */
    reviewLateShare: share,
  })
  .strict()
  .refine(WEIGHTS_FIT.check, { message: WEIGHTS_FIT.message })
  .refine((r) => r.reviewLateShare <= r.notCompletedLateShare, {
    message: 'reviewLateShare must not exceed notCompletedLateShare',
  });
export type Rubric2023 = z.infer<typeof Rubric2023Schema>;

export const DEFAULT_RUBRIC_2023: Rubric2023 = {
  onTimeWeight: 70,
  violationPoints: 30,
  perViolation: 6,
  quota: 0.2,
  notCompletedLateShare: 0.5,
  reviewLateShare: 0.2,
};

/**
 * The table of SPEC §5, the first that applies; within a level, the deciding rule's order:
 * not_completed (disciplined, else late-over-half), completed (has-late), good (has-violations,
 * else nothing-due), excellent (top).
 */
export function rule2023(t: UnitTally, r: Rubric2023, msg: Messages): Ruling {
  const share = lateShare(t);
  if (t.disciplined) return decided.disciplined(msg);
  if (share > r.notCompletedLateShare) return decided.lateOverHalf(t, r.notCompletedLateShare, msg);
  if (share > 0) return decided.hasLate(t, msg);
  if (t.violations > 0) return decided.hasViolations(t, msg);
  if (due(t) === 0) return decided.nothingDue(msg);
  return decided.top(msg);
}

export function level2023(t: UnitTally, r: Rubric2023, msg: Messages): Suggestion {
  const ruling = rule2023(t, r, msg);
  const facts = commonReasons(t, msg);
  if (ruling.level === 'completed' && lateShare(t) > r.reviewLateShare) facts.push(msg.needsReview(pct(r.reviewLateShare)));
  return suggestion(ruling, score(t, r), facts);
}

export const RULES_2023 = defineRuleSet({
  id: '2023',
  fromYear: 2023,
  text: (msg) => msg.ruleSet2023(),
  rubricSchema: Rubric2023Schema,
  defaultRubric: DEFAULT_RUBRIC_2023,
  rubricFields: [
    ...WEIGHT_FORM_FIELDS,
    { key: 'notCompletedLateShare', unit: 'percent' },
    { key: 'reviewLateShare', unit: 'percent' },
    { key: 'quota', unit: 'percent' },
  ],
  level: level2023,
});
