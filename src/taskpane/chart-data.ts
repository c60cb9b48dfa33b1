/**
 * What the units' charts draw, taken from the report as it is: each unit's score and level, and the
 * units with late work, most overdue first. The same rows make the charts' tables, their text
 * alternative.
 */
import type { Level, UnitReport } from '../core/report';
import { sortUnits } from './view-model';

export interface ScoreBar {
  readonly name: string;
  readonly score: number;
  readonly level: Level;
}

export interface LateBar {
  readonly name: string;
  readonly openOverdue: number;
  readonly doneLate: number;
}

/** Every unit, best level first and by score within a level, as the units' table lists them. */
export function scoreBars(units: readonly UnitReport[]): ScoreBar[] {
  return sortUnits(units, 'level', 'descending').map((u) => ({ name: u.name, score: u.score, level: u.level }));
}

/** Units with overdue or late tasks: most open overdue first, then most done late, then by name. */
export function lateBars(units: readonly UnitReport[]): LateBar[] {
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return units
    .filter((u) => u.openOverdue + u.doneLate > 0)
    .map((u) => ({ name: u.name, openOverdue: u.openOverdue, doneLate: u.doneLate }))
    .sort((a, b) => b.openOverdue - a.openOverdue || b.doneLate - a.doneLate || collator.compare(a.name, b.name));
}
