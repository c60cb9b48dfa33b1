/** SPEC §5: what every rule set suggests for a unit, the reasons they share, and the quota on excellent units. */
import type { Messages } from '../i18n/messages';
import { decided, type Ruling } from './deciding-rule';
import { fold } from './fold';
import type { DecidedBy, Level } from './levels-vocabulary';
import { due, late, lateShare, type UnitTally } from './scoring';

export interface Suggestion {
  level: Level;
  /** What kept the unit from the level above; `reasons[0]` says it in words. */
  decidedBy: DecidedBy;
  reasons: string[];
  score: number;
}

/** A rule set's ruling as a suggestion: the deciding reason first, then the facts. */
export function suggestion(ruling: Ruling, score: number, facts: readonly string[]): Suggestion {
  return { level: ruling.level, decidedBy: ruling.decidedBy, reasons: [ruling.reason, ...facts], score };
}

export const pct = (x: number): number => Math.round(x * 100);

function lateReason(t: UnitTally, msg: Messages): string {
  const d = due(t);
  return d === 0 ? msg.noDueTasks() : msg.lateShare(late(t), d, pct(lateShare(t)));
}

/** The facts every rule set reports: the late share, violations, discipline. */
export function commonReasons(t: UnitTally, msg: Messages): string[] {
  const reasons = [lateReason(t, msg)];
  if (t.violations > 0) reasons.push(msg.violations(t.violations));
  if (t.disciplined) reasons.push(msg.disciplined());
  return reasons;
}

export interface Rated {
  readonly tally: UnitTally;
  readonly suggestion: Suggestion;
}

/**
 * Excellent units may not exceed `quota` of those rated good: with n candidates and g units good
 * without being candidates, the largest k ≤ n with k ≤ quota × (g + n − k) keep excellent, by
 * score, then due tasks, then folded name; the others become good, decided by the quota.
 * quota 0 turns the limit off.
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
      const ruling = decided.quota(quota, k, n, msg);
      r.suggestion.level = ruling.level;
      r.suggestion.decidedBy = ruling.decidedBy;
      r.suggestion.reasons[0] = ruling.reason;
    }
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
