/**
 * SPEC §5 (1.3) "The deciding rule": what kept a unit from the level above, as a code and in words.
 * Each code belongs to one level; the rule sets choose the code, these builders say it.
 */
import type { Messages } from '../i18n/messages';
import type { DecidedBy, Level } from './levels-vocabulary';
import { due, late, type UnitTally } from './scoring';

export interface Ruling {
  readonly level: Level;
  readonly decidedBy: DecidedBy;
  /** The unit's first reason: the deciding rule in words. */
  readonly reason: string;
}

/** The level each code leaves a unit at. */
export const LEVEL_OF: Readonly<Record<DecidedBy, Level>> = {
  top: 'excellent',
  quota: 'good',
  'has-violations': 'good',
  'nothing-due': 'good',
  'score-below-excellent': 'good',
  'has-late': 'completed',
  'score-below-good': 'completed',
  disciplined: 'not_completed',
  'late-over-half': 'not_completed',
  'score-below-completed': 'not_completed',
  'late-over-fifth': 'not_completed',
};

const pct = (x: number): number => Math.round(x * 100);
const shown = (score: number): string => score.toFixed(1);

function ruling(decidedBy: DecidedBy, reason: string): Ruling {
  return { level: LEVEL_OF[decidedBy], decidedBy, reason };
}

/** One builder per code; `threshold` and `limit` are the rubric's figures the unit missed. */
export const decided = {
  top: (msg: Messages): Ruling => ruling('top', msg.decidedTop(msg.level_excellent())),
  quota: (quota: number, kept: number, candidates: number, msg: Messages): Ruling =>
    ruling('quota', msg.decidedQuota(pct(quota), kept, candidates, msg.level_excellent(), msg.level_good())),
  hasViolations: (t: UnitTally, msg: Messages): Ruling => ruling('has-violations', msg.decidedHasViolations(t.violations, msg.level_excellent())),
  nothingDue: (msg: Messages): Ruling => ruling('nothing-due', msg.decidedNothingDue(msg.level_excellent())),
  scoreBelowExcellent: (score: number, threshold: number, msg: Messages): Ruling =>
    ruling('score-below-excellent', msg.decidedScoreBelow(shown(score), msg.level_excellent(), threshold)),
  hasLate: (t: UnitTally, msg: Messages): Ruling => ruling('has-late', msg.decidedHasLate(late(t), msg.level_good())),
  scoreBelowGood: (score: number, threshold: number, msg: Messages): Ruling =>
    ruling('score-below-good', msg.decidedScoreBelow(shown(score), msg.level_good(), threshold)),
  disciplined: (msg: Messages): Ruling => ruling('disciplined', msg.decidedDisciplined(msg.level_completed())),
  lateOverHalf: (t: UnitTally, limit: number, msg: Messages): Ruling =>
    ruling('late-over-half', msg.decidedLateOver(late(t), due(t), msg.level_completed(), pct(limit))),
  scoreBelowCompleted: (score: number, threshold: number, msg: Messages): Ruling =>
    ruling('score-below-completed', msg.decidedScoreBelow(shown(score), msg.level_completed(), threshold)),
  lateOverFifth: (t: UnitTally, limit: number, msg: Messages): Ruling =>
    ruling('late-over-fifth', msg.decidedLateOver(late(t), due(t), msg.level_completed(), pct(limit))),
};
