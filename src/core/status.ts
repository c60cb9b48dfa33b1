/** SPEC §3: task status as of a date D. */

export type TaskStatus = 'done_on_time' | 'done_late' | 'open_on_time' | 'open_overdue';

export interface DayCounter {
  /** Days from `from` to `to` (to > from), calendar or working days. */
  between(from: number, to: number): number;
}

export const CALENDAR_DAYS: DayCounter = { between: (from, to) => to - from };

/** Saturdays, Sundays and the given holidays (day numbers) are not counted. */
export function workingDays(holidays: Iterable<number>): DayCounter {
  const off = new Set(holidays);
  return {
    between(from, to) {
      let n = 0;
      for (let d = from + 1; d <= to; d++) {
        const weekday = (((d + 4) % 7) + 7) % 7; // 0 = Sunday; day 0 (1970-01-01) was a Thursday
        if (weekday !== 0 && weekday !== 6 && !off.has(d)) n++;
      }
      return n;
    },
  };
}

export interface StatusResult {
  readonly status: TaskStatus;
  /** Days late for done_late, days overdue for open_overdue, else 0. */
  readonly daysLate: number;
}

/** Deadline and completion are valid day numbers or null. */
const DONE_ON_TIME: StatusResult = Object.freeze({ status: 'done_on_time', daysLate: 0 });
const OPEN_ON_TIME: StatusResult = Object.freeze({ status: 'open_on_time', daysLate: 0 });

export function taskStatus(deadline: number | null, completed: number | null, asOf: number, days: DayCounter = CALENDAR_DAYS): StatusResult {
  if (completed !== null && completed <= asOf) {
    if (deadline === null || completed <= deadline) return DONE_ON_TIME;
    return { status: 'done_late', daysLate: days.between(deadline, completed) };
  }
  if (deadline === null || asOf <= deadline) return OPEN_ON_TIME;
  return { status: 'open_overdue', daysLate: days.between(deadline, asOf) };
}

export function isOpen(status: TaskStatus): boolean {
  return status === 'open_on_time' || status === 'open_overdue';
}
