/** SPEC §5: tally each unit's tasks and inspections and compute its score. */
import type { TaskStatus } from './status';

/** A tally of tasks by status: a unit's, or a person's in one role (SPEC 1.3 people in charge). */
export interface TaskCounts {
  doneOnTime: number;
  doneLate: number;
  openOverdue: number;
  openOnTime: number;
}

export interface UnitTally extends TaskCounts {
  readonly key: string;
  name: string;
  type: string | null;
  head: string | null;
  disciplined: boolean;
  violations: number;
}

export function newTally(key: string, name: string): UnitTally {
  return { key, name, type: null, head: null, disciplined: false, doneOnTime: 0, doneLate: 0, openOverdue: 0, openOnTime: 0, violations: 0 };
}

export function countTask(t: TaskCounts, status: TaskStatus): void {
  switch (status) {
    case 'done_on_time':
      t.doneOnTime++;
      break;
    case 'done_late':
      t.doneLate++;
      break;
    case 'open_overdue':
      t.openOverdue++;
      break;
    case 'open_on_time':
      t.openOnTime++;
      break;
  }
}

/** Tasks that have come due: done (on time or late) or overdue. */
export function due(t: TaskCounts): number {
  return t.doneOnTime + t.doneLate + t.openOverdue;
}

export function late(t: UnitTally): number {
  return t.doneLate + t.openOverdue;
}

export function lateShare(t: UnitTally): number {
  const d = due(t);
  return d === 0 ? 0 : late(t) / d;
}

export function onTimeRate(t: UnitTally): number {
  const d = due(t);
  return d === 0 ? 1 : t.doneOnTime / d;
}

export interface ScoreWeights {
  readonly onTimeWeight: number;
  readonly violationPoints: number;
  readonly perViolation: number;
}

/** Round half up to one decimal, immune to binary noise such as 82.49999999. */
export function roundHalfUp1(x: number): number {
  return Math.floor(x * 10 + 0.5 + 1e-9) / 10;
}

/** score = 70 × onTimeRate + max(0, 30 − 6 × violations), rounded half up to one decimal. */
export function score(t: UnitTally, w: ScoreWeights): number {
  return roundHalfUp1(w.onTimeWeight * onTimeRate(t) + Math.max(0, w.violationPoints - w.perViolation * t.violations));
}
