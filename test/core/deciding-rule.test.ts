/**
 * SPEC §5 (1.3) "The deciding rule": every decidedBy code of both rule sets, the quota included, and
 * the first reason that says it in words. Expected codes are read off the spec's table by hand.
 */
import { DEFAULT_RUBRIC_2023, level2023 } from '../../src/core/rule-sets/rules-2023';
import { DEFAULT_RUBRIC_2026, level2026, type Rubric2026 } from '../../src/core/rule-sets/rules-2026';
import { scoresSheet } from '../../src/core/owned-sheets';
import type { DecidedBy, Level } from '../../src/core/report';
import { newTally, type UnitTally } from '../../src/core/scoring';
import { messages } from '../../src/i18n/messages';
import type { SheetData } from '../../src/core/cells';
import { D, inspectionSheet, run, taskSheet, type TaskSpec } from './support';

const vi = messages('vi');
const en = messages('en');

function tally(p: Partial<Omit<UnitTally, 'key'>>): UnitTally {
  return Object.assign(newTally('đơn vị', 'Đơn vị'), p);
}

type Case = readonly [string, Partial<UnitTally>, Level, DecidedBy, string];

describe('rules of 2023–2025: what kept the unit from the level above', () => {
  const cases: Case[] = [
    // excellent: lateShare 0, no violation, due ≥ 1
    ['all on time', { doneOnTime: 3 }, 'excellent', 'top', 'Đạt mọi tiêu chí của mức Hoàn thành xuất sắc nhiệm vụ'],
    // good: violations > 0 comes before due = 0
    ['one violation', { doneOnTime: 2, violations: 1 }, 'good', 'has-violations', '1 vi phạm qua kiểm tra công vụ: mức Hoàn thành xuất sắc nhiệm vụ cần 0 vi phạm'],
    ['violations and nothing due', { violations: 2, openOnTime: 1 }, 'good', 'has-violations', '2 vi phạm qua kiểm tra công vụ: mức Hoàn thành xuất sắc nhiệm vụ cần 0 vi phạm'],
    ['nothing due', { openOnTime: 2 }, 'good', 'nothing-due', 'Không có nhiệm vụ đến hạn: mức Hoàn thành xuất sắc nhiệm vụ cần ít nhất 1 nhiệm vụ đến hạn'],
    // completed: 0 < lateShare ≤ 0.5, violations or not
    ['1 of 6 late (the spec\'s example)', { doneOnTime: 5, doneLate: 1 }, 'completed', 'has-late', '1 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn'],
    ['half late, with violations', { doneOnTime: 1, openOverdue: 1, violations: 3 }, 'completed', 'has-late', '1 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn'],
    ['2 of 4 late (done late and overdue)', { doneOnTime: 2, doneLate: 1, openOverdue: 1 }, 'completed', 'has-late', '2 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn'],
    // not_completed: disciplined comes before lateShare > 0.5
    ['4 of 5 late', { doneOnTime: 1, doneLate: 2, openOverdue: 2 }, 'not_completed', 'late-over-half', '4/5 nhiệm vụ trễ hạn: mức Hoàn thành nhiệm vụ cần không quá 50%'],
    ['disciplined, all on time', { doneOnTime: 3, disciplined: true }, 'not_completed', 'disciplined', 'Đơn vị có kỷ luật: mức Hoàn thành nhiệm vụ cần không có kỷ luật'],
    ['disciplined and 3 of 3 late', { doneLate: 3, disciplined: true }, 'not_completed', 'disciplined', 'Đơn vị có kỷ luật: mức Hoàn thành nhiệm vụ cần không có kỷ luật'],
  ];

  test.each(cases)('%s: %j → %s, %s', (_name, p, level, decidedBy, reason) => {
    const s = level2023(tally(p), DEFAULT_RUBRIC_2023, vi);
    expect({ level: s.level, decidedBy: s.decidedBy, first: s.reasons[0] }).toEqual({ level, decidedBy, first: reason });
  });

  test('the limit in words is the rubric\'s', () => {
    const r = { ...DEFAULT_RUBRIC_2023, notCompletedLateShare: 0.3, reviewLateShare: 0.1 };
    const s = level2023(tally({ doneOnTime: 2, doneLate: 1, openOverdue: 1 }), r, vi); // 0.5 > 0.3
    expect(s).toMatchObject({ level: 'not_completed', decidedBy: 'late-over-half' });
    expect(s.reasons[0]).toBe('2/4 nhiệm vụ trễ hạn: mức Hoàn thành nhiệm vụ cần không quá 30%');
  });
});

describe('rules from 2026: what kept the unit from the level above', () => {
  const cases: Case[] = [
    ['all on time', { doneOnTime: 1 }, 'excellent', 'top', 'Đạt mọi tiêu chí của mức Hoàn thành xuất sắc nhiệm vụ'],
    // good: score < 90 comes before due = 0
    ['2 violations: 70 + 18 = 88', { doneOnTime: 1, violations: 2 }, 'good', 'score-below-excellent', 'Điểm 88,0: mức Hoàn thành xuất sắc nhiệm vụ cần từ 90 điểm'],
    ['nothing due, 3 violations: 70 + 12 = 82', { openOnTime: 1, violations: 3 }, 'good', 'score-below-excellent', 'Điểm 82,0: mức Hoàn thành xuất sắc nhiệm vụ cần từ 90 điểm'],
    ['nothing due: 100', { openOnTime: 3 }, 'good', 'nothing-due', 'Không có nhiệm vụ đến hạn: mức Hoàn thành xuất sắc nhiệm vụ cần ít nhất 1 nhiệm vụ đến hạn'],
    // completed: score < 70 comes before lateShare > 0
    ['1 of 10 late: 63 + 30 = 93', { doneOnTime: 9, doneLate: 1 }, 'completed', 'has-late', '1 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn'],
    ['1 of 5 late, 5 violations: 56 + 0 = 56', { doneOnTime: 4, openOverdue: 1, violations: 5 }, 'completed', 'score-below-good', 'Điểm 56,0: mức Hoàn thành tốt nhiệm vụ cần từ 70 điểm'],
    // not_completed: disciplined, then score < 50, then lateShare > 0.2
    ['3 of 10 late: 49 + 30 = 79', { doneOnTime: 7, doneLate: 3 }, 'not_completed', 'late-over-fifth', '3/10 nhiệm vụ trễ hạn: mức Hoàn thành nhiệm vụ cần không quá 20%'],
    ['4 of 5 late: 14 + 30 = 44', { doneOnTime: 1, doneLate: 4 }, 'not_completed', 'score-below-completed', 'Điểm 44,0: mức Hoàn thành nhiệm vụ cần từ 50 điểm'],
    ['disciplined, all on time', { doneOnTime: 1, disciplined: true }, 'not_completed', 'disciplined', 'Đơn vị có kỷ luật: mức Hoàn thành nhiệm vụ cần không có kỷ luật'],
    ['disciplined, 0 points', { doneLate: 1, violations: 5, disciplined: true }, 'not_completed', 'disciplined', 'Đơn vị có kỷ luật: mức Hoàn thành nhiệm vụ cần không có kỷ luật'],
  ];

  test.each(cases)('%s: %j → %s, %s', (_name, p, level, decidedBy, reason) => {
    const s = level2026(tally(p), DEFAULT_RUBRIC_2026, vi);
    expect({ level: s.level, decidedBy: s.decidedBy, first: s.reasons[0] }).toEqual({ level, decidedBy, first: reason });
  });

  test('a raised goodScore: lateShare 0 with 70 points is completed, decided by the score', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, goodScore: 80 };
    const s = level2026(tally({ doneOnTime: 1, violations: 5 }), r, vi);
    expect(s).toMatchObject({ level: 'completed', decidedBy: 'score-below-good', score: 70 });
    expect(s.reasons[0]).toBe('Điểm 70,0: mức Hoàn thành tốt nhiệm vụ cần từ 80 điểm');
  });

  test('a changed completedLateShare is the limit in words', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, completedLateShare: 0.25 };
    const s = level2026(tally({ doneOnTime: 7, doneLate: 3 }), r, vi); // 0.3 > 0.25, 79 points
    expect(s).toMatchObject({ level: 'not_completed', decidedBy: 'late-over-fifth' });
    expect(s.reasons[0]).toBe('3/10 nhiệm vụ trễ hạn: mức Hoàn thành nhiệm vụ cần không quá 25%');
  });
});

describe('a level decided exactly at a raised completedScore (issue 9 §4)', () => {
  // A leader raises completedScore to 60 (goodScore stays 70).
  const raised: Rubric2026 = { ...DEFAULT_RUBRIC_2026, completedScore: 60 };

  test('6 of 7 on time and 5 violations: 70 × 6/7 = 60 exactly, + 0 → completed', () => {
    const s = level2026(tally({ doneOnTime: 6, doneLate: 1, violations: 5 }), raised, vi); // lateShare 1/7 ≤ 0.2
    expect(s).toMatchObject({ score: 60, level: 'completed', decidedBy: 'score-below-good' });
  });

  test('59 of 69 on time and 5 violations: 70 × 59/69 = 59.855… → 59.9, one tenth below → not completed', () => {
    const s = level2026(tally({ doneOnTime: 59, doneLate: 10, violations: 5 }), raised, vi); // lateShare 10/69 ≤ 0.2
    expect(s).toMatchObject({ score: 59.9, level: 'not_completed', decidedBy: 'score-below-completed' });
    expect(s.reasons[0]).toBe('Điểm 59,9: mức Hoàn thành nhiệm vụ cần từ 60 điểm');
  });

  test('at a raised threshold reached only through rounding: 167 of 200 on time, 3 violations', () => {
    // 70 × 167/200 = 58.45, + (30 − 18) = 70.45 → 70.5 (half up); in binary it is 70.44999…
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, completedScore: 70.5, goodScore: 80, excellentScore: 90 };
    const at = level2026(tally({ doneOnTime: 167, openOverdue: 33, violations: 3 }), r, vi); // lateShare 0.165
    expect(at).toMatchObject({ score: 70.5, level: 'completed', decidedBy: 'score-below-good' });
    const above = { ...r, completedScore: 70.6 };
    expect(level2026(tally({ doneOnTime: 167, openOverdue: 33, violations: 3 }), above, vi)).toMatchObject({
      score: 70.5,
      level: 'not_completed',
      decidedBy: 'score-below-completed',
    });
  });

  test('through the engine, with the rubric saved for 2026', () => {
    const specs: TaskSpec[] = [
      ...Array.from({ length: 6 }, (): TaskSpec => ({ lead: 'Xã Mỹ An', deadline: D(2026, 3, 31), completed: D(2026, 3, 1) })),
      { lead: 'Xã Mỹ An', deadline: D(2026, 3, 31), completed: D(2026, 4, 2) },
    ];
    const report = run([taskSheet('NV', specs), inspections('Xã Mỹ An', 5)], { asOf: '2026-06-30', rubrics: { '2026': raised } });
    expect(report.units[0]).toMatchObject({ name: 'Xã Mỹ An', score: 60, level: 'completed', decidedBy: 'score-below-good' });
  });
});

describe('scores whose arithmetic carries binary noise (issue 9 §4)', () => {
  // Each x.x5 below is exact in decimals and just under it in binary (…4999…): half up must still go up.
  test.each([
    // on time, due, violations, hand arithmetic, score
    [61, 200, 1, '70 × 61/200 = 21.35, + 24 = 45.35', 45.4],
    [61, 200, 3, '21.35 + 12 = 33.35', 33.4],
    [71, 200, 2, '70 × 71/200 = 24.85, + 18 = 42.85', 42.9],
    [117, 200, 0, '70 × 117/200 = 40.95, + 30 = 70.95', 71],
    [147, 200, 2, '70 × 147/200 = 51.45, + 18 = 69.45', 69.5],
    [189, 200, 1, '70 × 189/200 = 66.15, + 24 = 90.15', 90.2],
    [43, 200, 4, '70 × 43/200 = 15.05, + 6 = 21.05', 21.1],
    [122, 400, 1, '70 × 122/400 = 21.35, + 24 = 45.35', 45.4],
  ])('%d of %d on time, %d violations: %s → %d', (onTime, dueTasks, violations, _how, expected) => {
    const t = tally({ doneOnTime: onTime, doneLate: dueTasks - onTime, violations });
    expect(level2026(t, DEFAULT_RUBRIC_2026, vi).score).toBe(expected);
    expect(level2023(t, DEFAULT_RUBRIC_2023, vi).score).toBe(expected);
  });

  test('189 of 200 on time and one violation: 90.2 is above 90, but 11 late tasks keep it from good', () => {
    const s = level2026(tally({ doneOnTime: 189, openOverdue: 11, violations: 1 }), DEFAULT_RUBRIC_2026, vi);
    expect(s).toMatchObject({ score: 90.2, level: 'completed', decidedBy: 'has-late' });
    expect(s.reasons[0]).toBe('11 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn');
  });

  test('through the engine: 61 of 200 on time and one violation is 45.4', () => {
    const specs: TaskSpec[] = Array.from({ length: 200 }, (_, i) => ({
      lead: 'Phòng Nội vụ',
      deadline: D(2026, 3, 31),
      completed: i < 61 ? D(2026, 3, 30) : D(2026, 4, 1),
    }));
    const report = run([taskSheet('NV', specs), inspections('Phòng Nội vụ', 1)], { asOf: '2026-06-30' });
    expect(report.units[0]).toMatchObject({ due: 200, doneOnTime: 61, violations: 1, score: 45.4, level: 'not_completed', decidedBy: 'score-below-completed' });
  });
});

describe('the quota decides in both rule sets', () => {
  // six units each with one task done on time: six candidates, g = 0; g + n = 6 → k = 1
  const names = ['Xã Mỹ An', 'Xã Mỹ Đông', 'Xã Mỹ Hòa', 'Xã Mỹ Quý', 'Xã Thanh Mỹ', 'Xã Đốc Binh Kiều'];
  const specs: TaskSpec[] = names.map((lead) => ({ lead, deadline: D(2023, 6, 30), completed: D(2023, 6, 1) }));
  // and one unit with nothing due: good without being a candidate (g = 1 → g + n = 7 → still k = 1)
  const idle: TaskSpec = { lead: 'Phòng Y tế', deadline: D(2023, 12, 31) };

  test.each(['2023', '2026'] as const)('%s: the one kept is top, the five moved down are quota, the idle unit keeps nothing-due', (rules) => {
    const report = run([taskSheet('NV', [...specs, idle])], { rules });
    const by = Object.fromEntries(report.units.map((u) => [u.name, [u.level, u.decidedBy, u.reasons[0]]]));
    const quota = 'Đủ tiêu chí mức Hoàn thành xuất sắc nhiệm vụ nhưng vượt tỷ lệ 20% so với số đơn vị Hoàn thành tốt nhiệm vụ: 1/6 đơn vị đủ tiêu chí giữ mức này';
    expect(by).toEqual({
      'Xã Đốc Binh Kiều': ['excellent', 'top', 'Đạt mọi tiêu chí của mức Hoàn thành xuất sắc nhiệm vụ'], // all 100, due 1: first by folded name
      'Xã Mỹ An': ['good', 'quota', quota],
      'Xã Mỹ Đông': ['good', 'quota', quota],
      'Xã Mỹ Hòa': ['good', 'quota', quota],
      'Xã Mỹ Quý': ['good', 'quota', quota],
      'Xã Thanh Mỹ': ['good', 'quota', quota],
      'Phòng Y tế': ['good', 'nothing-due', 'Không có nhiệm vụ đến hạn: mức Hoàn thành xuất sắc nhiệm vụ cần ít nhất 1 nhiệm vụ đến hạn'],
    });
    // the quota's reason replaces the candidate's; it is not added after it
    for (const u of report.units.filter((x) => x.decidedBy === 'quota')) expect(u.reasons.filter((r) => r === quota)).toHaveLength(1);
    for (const u of report.units.filter((x) => x.decidedBy === 'quota')) expect(u.reasons.some((r) => r.startsWith('Đạt mọi tiêu chí'))).toBe(false);
  });

  test('with the quota off every candidate stays excellent, decided by nothing', () => {
    const rubrics = { '2026': { ...DEFAULT_RUBRIC_2026, quota: 0 } };
    const report = run([taskSheet('NV', specs)], { rules: '2026', rubrics });
    expect(report.units.map((u) => u.decidedBy)).toEqual(['top', 'top', 'top', 'top', 'top', 'top']);
  });
});

describe('the deciding reason in words', () => {
  test('in English too', () => {
    expect(level2023(tally({ doneOnTime: 5, doneLate: 1 }), DEFAULT_RUBRIC_2023, en).reasons[0]).toBe('1 task late: Good needs no late task');
    expect(level2023(tally({ doneOnTime: 1, doneLate: 2, openOverdue: 2 }), DEFAULT_RUBRIC_2023, en).reasons[0]).toBe('4/5 tasks late: Completed needs at most 50%');
    expect(level2026(tally({ doneOnTime: 1, violations: 2 }), DEFAULT_RUBRIC_2026, en).reasons[0]).toBe('Score 88.0: Excellent needs 90 or more');
    expect(level2026(tally({ doneOnTime: 1, disciplined: true }), DEFAULT_RUBRIC_2026, en).reasons[0]).toBe('Unit under discipline: Completed needs none');
  });

  test('KQ Đánh giá shows the deciding reason first', () => {
    const report = run([
      taskSheet('NV', [
        { lead: 'Phòng Nội vụ', deadline: D(2023, 6, 30), completed: D(2023, 6, 1) },
        { lead: 'Phòng Nội vụ', deadline: D(2023, 6, 30), completed: D(2023, 7, 2) },
      ]),
    ]); // 1 of 2 late: completed, has-late
    const sheet = scoresSheet(report, 'vi');
    const reasonsCol = sheet.columns.findIndex((c) => c.header === 'Lý do');
    expect(String(sheet.rows[0]![reasonsCol])).toMatch(/^1 nhiệm vụ trễ hạn: mức Hoàn thành tốt nhiệm vụ cần 0 nhiệm vụ trễ hạn; /);
  });
});

/** One inspection of `unit`, dated before every as-of date used here. */
function inspections(unit: string, violations: number): SheetData {
  return inspectionSheet('KT', [{ date: D(2023, 1, 5), unit, violations }]);
}
