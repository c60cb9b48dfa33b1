/** SPEC §5: the two rule sets that suggest a level, and the quota on excellent units. */
import type { Messages } from '../i18n/messages';
import { fold } from './fold';
import type { Level } from './report';
import type { Rubric2023, Rubric2026, RuleSet } from './rubric';
import { due, late, lateShare, score, type UnitTally } from './scoring';

export interface Suggestion {
  level: Level;
  reasons: string[];
  score: number;
}

const pct = (x: number): number => Math.round(x * 100);

function lateReason(t: UnitTally, msg: Messages): string {
  const d = due(t);
  return d === 0 ? msg.noDueTasks() : msg.lateShare(late(t), d, pct(lateShare(t)));
}

function commonReasons(t: UnitTally, msg: Messages): string[] {
  const reasons = [lateReason(t, msg)];
  if (t.violations > 0) reasons.push(msg.violations(t.violations));
  if (t.disciplined) reasons.push(msg.disciplined());
  return reasons;
}

/** Rules of 2023–2025 (Decree 90/2020 as amended by 48/2023): the first that applies. */
export function level2023(t: UnitTally, r: Rubric2023, msg: Messages): Suggestion {
  const s = score(t, r);
  const share = lateShare(t);
  const reasons = commonReasons(t, msg);
  let level: Level;
  if (share > r.notCompletedLateShare || t.disciplined) level = 'not_completed';
  else if (share > 0) {
    level = 'completed';
    if (share > r.reviewLateShare) reasons.push(msg.needsReview(pct(r.reviewLateShare)));
  } else if (t.violations > 0 || due(t) === 0) level = 'good';
  else level = 'excellent';
  return { level, reasons, score: s };
}

/** Rules from 2026 (Decree 335/2025, 100-point scale): the first that applies. */
export function level2026(t: UnitTally, r: Rubric2026, msg: Messages): Suggestion {
  const s = score(t, r);
  const share = lateShare(t);
  const reasons = [...commonReasons(t, msg), msg.score(s)];
  let level: Level;
  if (t.disciplined) level = 'not_completed';
  else if (s >= r.excellentScore && share === 0 && due(t) >= 1) level = 'excellent';
  else if (s >= r.goodScore && share === 0) level = 'good';
  else if (s >= r.completedScore && share <= r.completedLateShare) level = 'completed';
  else level = 'not_completed';
  return { level, reasons, score: s };
}

export interface Rated {
  readonly tally: UnitTally;
  readonly suggestion: Suggestion;
}

/**
 * Excellent units may not exceed `quota` of those rated good: with n candidates and g units good
 * without being candidates, the largest k ≤ n with k ≤ quota × (g + n − k) keep excellent, by
 * score, then due tasks, then folded name. quota 0 turns the limit off.
 */
export function applyQuota(rated: readonly Rated[], quota: number, msg: Messages): void {
  if (quota <= 0) return;
  const candidates = rated.filter((r) => r.suggestion.level === 'excellent');
  const g = rated.filter((r) => r.suggestion.level === 'good').length;
  const n = candidates.length;
  const k = Math.min(n, Math.floor((quota * (g + n)) / (1 + quota) + 1e-9));
  const order = [...candidates].sort(
    (a, b) =>
      b.suggestion.score - a.suggestion.score ||
      due(b.tally) - due(a.tally) ||
      compareText(fold(a.tally.name), fold(b.tally.name)),
  );
  order.forEach((r, i) => {
    if (i < k) r.suggestion.reasons.push(msg.excellentCandidate());
    else {
      r.suggestion.level = 'good';
      r.suggestion.reasons.push(msg.quota(pct(quota), k, n));
    }
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function suggest(t: UnitTally, rules: RuleSet, rubric: Rubric2023 | Rubric2026, msg: Messages): Suggestion {
  return rules === '2023' ? level2023(t, rubric as Rubric2023, msg) : level2026(t, rubric as Rubric2026, msg);
}
