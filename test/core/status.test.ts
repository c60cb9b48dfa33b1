/** SPEC §3: task status as of D, days late, calendar and working days. */
import fc from 'fast-check';
import { CALENDAR_DAYS, isOpen, taskStatus, workingDays } from '../../src/core/status';
import { D, day, run, taskAt, taskSheet, FIRST_TASK_ROW } from './support';

const asOf = day(2023, 9, 15);

describe('the status table of §3', () => {
  test('c ≤ D and no deadline → done_on_time', () => {
    expect(taskStatus(null, day(2023, 9, 1), asOf)).toEqual({ status: 'done_on_time', daysLate: 0 });
  });
  test('c ≤ D and c ≤ dl → done_on_time (c = dl is on time)', () => {
    expect(taskStatus(day(2023, 9, 10), day(2023, 9, 1), asOf)).toEqual({ status: 'done_on_time', daysLate: 0 });
    expect(taskStatus(day(2023, 9, 10), day(2023, 9, 10), asOf)).toEqual({ status: 'done_on_time', daysLate: 0 });
  });
  test('c = D is done', () => {
    expect(taskStatus(day(2023, 9, 20), asOf, asOf)).toEqual({ status: 'done_on_time', daysLate: 0 });
  });
  test('c ≤ D and c > dl → done_late, days late = c − dl', () => {
    expect(taskStatus(day(2023, 7, 21), day(2023, 7, 29), asOf)).toEqual({ status: 'done_late', daysLate: 8 });
    expect(taskStatus(day(2023, 9, 14), asOf, asOf)).toEqual({ status: 'done_late', daysLate: 1 });
  });
  test('no completion, dl present, D ≤ dl → open_on_time (dl = D is not overdue)', () => {
    expect(taskStatus(day(2023, 9, 28), null, asOf)).toEqual({ status: 'open_on_time', daysLate: 0 });
    expect(taskStatus(asOf, null, asOf)).toEqual({ status: 'open_on_time', daysLate: 0 });
  });
  test('no completion, dl present, D > dl → open_overdue, days overdue = D − dl', () => {
    expect(taskStatus(day(2023, 5, 14), null, asOf)).toEqual({ status: 'open_overdue', daysLate: 124 });
    expect(taskStatus(day(2023, 9, 14), null, asOf)).toEqual({ status: 'open_overdue', daysLate: 1 });
  });
  test('no completion and no deadline → open_on_time', () => {
    expect(taskStatus(null, null, asOf)).toEqual({ status: 'open_on_time', daysLate: 0 });
  });
  test('c > D counts as no completion: open_on_time or open_overdue by the deadline', () => {
    expect(taskStatus(day(2023, 9, 30), day(2023, 9, 20), asOf)).toEqual({ status: 'open_on_time', daysLate: 0 });
    expect(taskStatus(day(2023, 9, 1), day(2023, 9, 20), asOf)).toEqual({ status: 'open_overdue', daysLate: 14 });
    expect(taskStatus(null, day(2023, 9, 20), asOf)).toEqual({ status: 'open_on_time', daysLate: 0 });
  });
  test('isOpen', () => {
    expect(isOpen('open_on_time')).toBe(true);
    expect(isOpen('open_overdue')).toBe(true);
    expect(isOpen('done_on_time')).toBe(false);
    expect(isOpen('done_late')).toBe(false);
  });

  test('property: the table, restated', () => {
    const someDay = fc.integer({ min: day(2020, 1, 1), max: day(2026, 12, 31) });
    fc.assert(
      fc.property(fc.option(someDay), fc.option(someDay), someDay, (dl, c, d) => {
        const r = taskStatus(dl, c, d);
        if (c !== null && c <= d) {
          if (dl === null || c <= dl) return r.status === 'done_on_time' && r.daysLate === 0;
          return r.status === 'done_late' && r.daysLate === c - dl && r.daysLate > 0;
        }
        if (dl === null || d <= dl) return r.status === 'open_on_time' && r.daysLate === 0;
        return r.status === 'open_overdue' && r.daysLate === d - dl && r.daysLate > 0;
      }),
    );
  });
});

describe('working days', () => {
  // 2023-09-01 (Fri) and 2023-09-04 (Mon) were the National Day holidays.
  const holidays = [day(2023, 9, 1), day(2023, 9, 4)];

  test('Saturdays and Sundays are not counted', () => {
    const wd = workingDays([]);
    expect(wd.between(day(2023, 9, 8), day(2023, 9, 11))).toBe(1); // Fri → Mon
    expect(wd.between(day(2023, 9, 8), day(2023, 9, 9))).toBe(0); // Fri → Sat
    expect(wd.between(day(2023, 9, 4), day(2023, 9, 18))).toBe(10); // two weeks
    expect(CALENDAR_DAYS.between(day(2023, 9, 8), day(2023, 9, 11))).toBe(3);
  });

  test('listed holidays are not counted', () => {
    expect(workingDays(holidays).between(day(2023, 8, 31), day(2023, 9, 5))).toBe(1); // only Tue 5
    expect(workingDays([]).between(day(2023, 8, 31), day(2023, 9, 5))).toBe(3);
  });

  test('the status uses the day counter for days late and days overdue', () => {
    expect(taskStatus(day(2023, 8, 31), day(2023, 9, 5), asOf, workingDays(holidays))).toEqual({ status: 'done_late', daysLate: 1 });
    // deadline Fri 8 Sep, D = Fri 15 Sep: 5 working days
    expect(taskStatus(day(2023, 9, 8), null, asOf, workingDays(holidays))).toEqual({ status: 'open_overdue', daysLate: 5 });
  });

  test('property: working days never exceed calendar days and agree with a day-by-day count', () => {
    const weekday = (d: number) => new Date(d * 86_400_000).getUTCDay();
    fc.assert(
      fc.property(fc.integer({ min: day(2000, 1, 1), max: day(2030, 1, 1) }), fc.integer({ min: 1, max: 60 }), (from, len) => {
        const to = from + len;
        let expected = 0;
        for (let d = from + 1; d <= to; d++) if (weekday(d) !== 0 && weekday(d) !== 6) expected++;
        const n = workingDays([]).between(from, to);
        return n === expected && n <= len;
      }),
    );
  });

  test('through the engine: option workingDays with the workbook holidays', () => {
    const s = taskSheet('NV', [
      { lead: 'Phòng Nội vụ', deadline: D(2023, 8, 31), completed: D(2023, 9, 5) },
      { lead: 'Phòng Nội vụ', deadline: D(2023, 9, 8) },
    ]);
    const calendar = run([s]);
    expect(taskAt(calendar, FIRST_TASK_ROW)).toMatchObject({ status: 'done_late', daysLate: 5 });
    expect(taskAt(calendar, FIRST_TASK_ROW + 1)).toMatchObject({ status: 'open_overdue', daysLate: 7 });
    const working = run([s], { workingDays: true, holidays: ['2023-09-01', '2023-09-04'] });
    expect(taskAt(working, FIRST_TASK_ROW)).toMatchObject({ status: 'done_late', daysLate: 1 });
    expect(taskAt(working, FIRST_TASK_ROW + 1)).toMatchObject({ status: 'open_overdue', daysLate: 5 });
    const noHolidays = run([s], { workingDays: true });
    expect(taskAt(noHolidays, FIRST_TASK_ROW)).toMatchObject({ status: 'done_late', daysLate: 3 });
  });
});
