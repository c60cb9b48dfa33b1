/** SPEC §5: unit tallies, the score, the two rule sets, the quota, and who counts for what. */
import fc from 'fast-check';
import { applyQuota, type Rated } from '../../src/core/levels';
import type { DecidedBy, Level } from '../../src/core/report';
import { ruleSetById, ruleSetForYear } from '../../src/core/rule-sets/registry';
import { DEFAULT_RUBRIC_2023, level2023 } from '../../src/core/rule-sets/rules-2023';
import { DEFAULT_RUBRIC_2026, level2026, Rubric2026Schema, type Rubric2026 } from '../../src/core/rule-sets/rules-2026';
import { due, lateShare, newTally, onTimeRate, roundHalfUp1, score, type UnitTally } from '../../src/core/scoring';
import { messages } from '../../src/i18n/messages';
import { D, inspectionSheet, registrySheet, run, sheet, taskSheet, unitNamed, type TaskSpec } from './support';

const msg = messages('vi');

function tally(p: Partial<Omit<UnitTally, 'key'>> & { name?: string } = {}): UnitTally {
  const t = newTally(p.name ?? 'Đơn vị', p.name ?? 'Đơn vị');
  return Object.assign(t, p);
}

const W = DEFAULT_RUBRIC_2023;

describe('tallies', () => {
  test('due, lateShare and onTimeRate', () => {
    const t = tally({ doneOnTime: 2, doneLate: 1, openOverdue: 1, openOnTime: 5 });
    expect(due(t)).toBe(4);
    expect(lateShare(t)).toBe(0.5);
    expect(onTimeRate(t)).toBe(0.5);
  });
  test('with nothing due: lateShare 0 and onTimeRate 1 (open tasks on time do not count)', () => {
    const t = tally({ openOnTime: 3 });
    expect(due(t)).toBe(0);
    expect(lateShare(t)).toBe(0);
    expect(onTimeRate(t)).toBe(1);
  });
});

describe('score = 70 × onTimeRate + max(0, 30 − 6 × violations), half up to one decimal', () => {
  test.each([
    [{ doneOnTime: 3, doneLate: 1 }, 82.5],
    [{ doneOnTime: 5, doneLate: 1 }, 88.3],
    [{ doneOnTime: 1, doneLate: 2, openOverdue: 2 }, 44.0],
    [{ doneOnTime: 2, doneLate: 1, openOverdue: 1 }, 65.0],
    [{}, 100],
    [{ doneOnTime: 1, violations: 1 }, 94],
    [{ doneOnTime: 1, violations: 5 }, 70],
    [{ doneOnTime: 1, violations: 6 }, 70],
    [{ doneOnTime: 1, violations: 40 }, 70],
    [{ doneLate: 1, violations: 9 }, 0],
    [{ doneOnTime: 2, doneLate: 1, violations: 1 }, 70.7],
    [{ doneOnTime: 1, doneLate: 7 }, 38.8], // 38.75
    [{ doneOnTime: 3, doneLate: 5 }, 56.3], // 56.25
    [{ doneOnTime: 1, openOverdue: 55 }, 31.3], // 31.25: half up, not half even
    [{ doneOnTime: 3, doneLate: 4 }, 60.0], // 70 × 3/7 is 29.999999999999996 in binary
  ])('%j → %d', (p, expected) => {
    expect(score(tally(p), W)).toBe(expected);
  });

  test('a changed rubric changes the weights', () => {
    const r = { ...W, onTimeWeight: 60, violationPoints: 40, perViolation: 10 };
    expect(score(tally({ doneOnTime: 1, doneLate: 1, violations: 1 }), r)).toBe(60);
  });

  test('roundHalfUp1: x.x5 goes up, x.x4 goes down, whatever the binary noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const up = roundHalfUp1(Number(`${Math.floor(n / 10)}.${n % 10}5`));
        const down = roundHalfUp1(Number(`${Math.floor(n / 10)}.${n % 10}4`));
        const exact = roundHalfUp1(n / 10);
        return up === (n + 1) / 10 && down === n / 10 && exact === n / 10;
      }),
    );
  });
});

describe('rules of 2023–2025: the first that applies', () => {
  const level = (p: Partial<UnitTally>, r = DEFAULT_RUBRIC_2023) => level2023(tally(p), r, msg);

  test('lateShare > 0.5 → not_completed', () => {
    expect(level({ doneOnTime: 4, doneLate: 3, openOverdue: 3 }).level).toBe('not_completed'); // 0.6
    expect(level({ doneOnTime: 1, doneLate: 1 }).level).toBe('completed'); // 0.5 exactly
  });

  test('marked disciplined → not_completed, even with a perfect record', () => {
    expect(level({ doneOnTime: 5, disciplined: true }).level).toBe('not_completed');
    expect(level({ disciplined: true }).level).toBe('not_completed');
    expect(level({ doneOnTime: 5, disciplined: true }).reasons).toContain(msg.disciplined());
  });

  test('lateShare > 0 → completed; the reason notes "needs review" only above 0.2', () => {
    const review = msg.needsReview(20);
    const a = level({ doneOnTime: 4, doneLate: 1 }); // 0.2 exactly
    expect(a.level).toBe('completed');
    expect(a.reasons).not.toContain(review);
    const b = level({ doneOnTime: 3, openOverdue: 1 }); // 0.25
    expect(b.level).toBe('completed');
    expect(b.reasons).toContain(review);
    expect(b.reasons).toContain(msg.lateShare(1, 4, 25));
    const c = level({ doneOnTime: 9, doneLate: 1, violations: 4 }); // 0.1, violations do not matter here
    expect(c.level).toBe('completed');
    expect(c.reasons).not.toContain(review);
  });

  test('violations > 0 or due = 0 → good', () => {
    expect(level({ doneOnTime: 3, violations: 1 }).level).toBe('good');
    expect(level({ openOnTime: 3 }).level).toBe('good');
    expect(level({}).level).toBe('good');
    expect(level({ openOnTime: 3 }).reasons).toContain(msg.noDueTasks());
  });

  test('otherwise excellent (a candidate)', () => {
    expect(level({ doneOnTime: 1 }).level).toBe('excellent');
    expect(level({ doneOnTime: 7, openOnTime: 2 }).level).toBe('excellent');
  });

  test('a changed rubric moves the thresholds', () => {
    const r = { ...DEFAULT_RUBRIC_2023, notCompletedLateShare: 0.3, reviewLateShare: 0.1 };
    expect(level({ doneOnTime: 3, openOverdue: 1 }, r).level).toBe('completed'); // 0.25 ≤ 0.3
    expect(level({ doneOnTime: 2, openOverdue: 1 }, r).level).toBe('not_completed'); // 0.33
    expect(level({ doneOnTime: 8, doneLate: 1 }, r).reasons).toContain(msg.needsReview(10)); // 0.11
  });

  test('the score is reported but does not decide the level', () => {
    const s = level({ doneOnTime: 1, violations: 5 });
    expect(s).toMatchObject({ level: 'good', score: 70 });
  });
});

describe('rules from 2026: the first that applies', () => {
  const level = (p: Partial<UnitTally>, r: Rubric2026 = DEFAULT_RUBRIC_2026) => level2026(tally(p), r, msg);

  test('marked disciplined → not_completed', () => {
    expect(level({ doneOnTime: 5, disciplined: true })).toMatchObject({ level: 'not_completed', score: 100 });
  });

  test('score ≥ 90, lateShare 0 and due ≥ 1 → excellent', () => {
    expect(level({ doneOnTime: 1 })).toMatchObject({ level: 'excellent', score: 100 });
    expect(level({ doneOnTime: 1, violations: 1 })).toMatchObject({ level: 'excellent', score: 94 });
    expect(level({ doneOnTime: 1, violations: 2 })).toMatchObject({ level: 'good', score: 88 }); // below 90
    expect(level({ openOnTime: 4 })).toMatchObject({ level: 'good', score: 100 }); // due = 0
  });

  test('score ≥ 70 and lateShare 0 → good', () => {
    expect(level({ doneOnTime: 1, violations: 5 })).toMatchObject({ level: 'good', score: 70 });
  });

  test('score ≥ 50 and lateShare ≤ 0.2 → completed', () => {
    expect(level({ doneOnTime: 9, doneLate: 1 })).toMatchObject({ level: 'completed', score: 93 }); // 0.1
    expect(level({ doneOnTime: 4, openOverdue: 1, violations: 5 })).toMatchObject({ level: 'completed', score: 56 }); // 0.2
  });

  test('otherwise not_completed', () => {
    expect(level({ doneOnTime: 7, doneLate: 3 })).toMatchObject({ level: 'not_completed', score: 79 }); // 0.3
    expect(level({ doneOnTime: 1, doneLate: 1 })).toMatchObject({ level: 'not_completed', score: 65 }); // 0.5
  });

  test('a changed rubric makes every threshold bind', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, excellentScore: 95, goodScore: 80, completedScore: 60, completedLateShare: 0.25 };
    expect(Rubric2026Schema.safeParse(r).success).toBe(true);
    expect(level({ doneOnTime: 1, violations: 1 }, r)).toMatchObject({ level: 'good', score: 94 }); // < 95
    expect(level({ doneOnTime: 1, violations: 4 }, r)).toMatchObject({ level: 'completed', score: 76 }); // < 80
    expect(level({ doneOnTime: 3, doneLate: 1 }, r)).toMatchObject({ level: 'completed', score: 82.5 }); // 0.25 ≤ 0.25
    expect(level({ doneOnTime: 3, doneLate: 1 })).toMatchObject({ level: 'not_completed', score: 82.5 }); // default 0.2
    expect(level({ doneOnTime: 1, doneLate: 3, violations: 5 }, r).level).toBe('not_completed');
  });

  test('goodScore binds when raised above 70: lateShare 0 with 70 points is only completed', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, goodScore: 80 };
    expect(level({ doneOnTime: 1, violations: 5 }, r)).toMatchObject({ level: 'completed', score: 70 });
    expect(level({ doneOnTime: 1, violations: 1 }, r)).toMatchObject({ level: 'excellent', score: 94 });
  });

  test('completedScore binds when raised: lateShare ≤ 0.2 with too few points is not completed', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, completedScore: 60 };
    expect(level({ doneOnTime: 4, openOverdue: 1, violations: 5 }, r)).toMatchObject({ level: 'not_completed', score: 56 });
    expect(level({ doneOnTime: 4, openOverdue: 1, violations: 3 }, r)).toMatchObject({ level: 'completed', score: 68 });
  });

  test('a score below every threshold with lateShare 0 is not completed', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, goodScore: 80, completedScore: 75 };
    expect(level({ doneOnTime: 1, violations: 5 }, r)).toMatchObject({ level: 'not_completed', score: 70 });
  });

  test('completedLateShare binds when changed', () => {
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, completedLateShare: 0.3 };
    expect(level({ doneOnTime: 7, doneLate: 3 }, r).level).toBe('completed'); // 0.3 ≤ 0.3
    expect(level({ doneOnTime: 7, doneLate: 3 }).level).toBe('not_completed');
  });

  test('levels use the rounded score', () => {
    // 70 + (30 − 10.05) = 89.95 → 90.0 → excellent
    const r: Rubric2026 = { ...DEFAULT_RUBRIC_2026, perViolation: 10.05 };
    expect(level({ doneOnTime: 1, violations: 1 }, r)).toMatchObject({ level: 'excellent', score: 90 });
    const r2: Rubric2026 = { ...DEFAULT_RUBRIC_2026, perViolation: 10.06 };
    expect(level({ doneOnTime: 1, violations: 1 }, r2)).toMatchObject({ level: 'good', score: 89.9 });
  });
});

describe('the year of D chooses the rule set', () => {
  test.each([
    [2019, '2023'],
    [2022, '2023'],
    [2023, '2023'],
    [2025, '2023'],
    [2026, '2026'],
    [2031, '2026'],
  ])('%d → %s', (year, rules) => {
    expect(ruleSetForYear(year)).toBe(rules);
  });

  // One task on time, one late: lateShare 0.5 → "completed" in 2023, "not_completed" in 2026 (score 65).
  const s = taskSheet('NV', [
    { lead: 'Phòng Nội vụ', deadline: D(2021, 6, 30), completed: D(2021, 6, 1) },
    { lead: 'Phòng Nội vụ', deadline: D(2021, 6, 30), completed: D(2021, 7, 1) },
  ]);

  test.each([
    ['2022-12-31', '2023', 'completed'],
    ['2025-12-31', '2023', 'completed'],
    ['2026-01-01', '2026', 'not_completed'],
  ])('as of %s → rules %s', (asOf, rules, lvl) => {
    const report = run([s], { asOf });
    expect(report.rules).toBe(rules);
    expect(unitNamed(report, 'Phòng Nội vụ').level).toBe(lvl);
  });

  test('the leader can choose the other set', () => {
    expect(run([s], { asOf: '2026-03-01', rules: '2023' })).toMatchObject({ rules: '2023', units: [expect.objectContaining({ level: 'completed' })] });
    expect(run([s], { asOf: '2023-09-15', rules: '2026' })).toMatchObject({ rules: '2026', units: [expect.objectContaining({ level: 'not_completed' })] });
  });

  test('a rubric saved for the chosen set is used', () => {
    const rubrics = { '2026': { ...DEFAULT_RUBRIC_2026, completedLateShare: 0.5 } };
    expect(unitNamed(run([s], { asOf: '2026-03-01', rubrics }), 'Phòng Nội vụ')).toMatchObject({ level: 'completed', score: 65 });
  });
});

describe('quota on excellent units', () => {
  const CODE: Record<Level, DecidedBy> = { excellent: 'top', good: 'nothing-due', completed: 'has-late', not_completed: 'disciplined' };
  function rated(name: string, level: Level, scoreValue = 100, dueTasks = 1): Rated {
    return { tally: tally({ name, doneOnTime: dueTasks }), suggestion: { level, decidedBy: CODE[level], reasons: [`lý do ${level}`], score: scoreValue } };
  }
  function cohort(n: number, g: number, others = 0): Rated[] {
    const list: Rated[] = [];
    for (let i = 0; i < n; i++) list.push(rated(`Ứng viên ${String(i).padStart(2, '0')}`, 'excellent'));
    for (let i = 0; i < g; i++) list.push(rated(`Tốt ${i}`, 'good'));
    for (let i = 0; i < others; i++) list.push(rated(`Khác ${i}`, i % 2 ? 'completed' : 'not_completed'));
    return list;
  }
  const kept = (list: Rated[]) => list.filter((r) => r.suggestion.level === 'excellent').length;

  test.each([
    [1, 4, 0], // g + n = 5 < 6: none
    [1, 5, 1],
    [3, 1, 0], // the acceptance sample
    [6, 0, 1],
    [5, 0, 0],
    [2, 10, 2],
    [3, 10, 2],
    [12, 0, 2],
    [4, 20, 4],
    [0, 9, 0],
  ])('n = %d candidates, g = %d good → %d keep excellent', (n, g, k) => {
    const list = cohort(n, g, 7); // other levels never count
    applyQuota(list, 0.2, msg);
    expect(kept(list)).toBe(k);
    expect(list.filter((r) => r.suggestion.level === 'good')).toHaveLength(g + n - k);
    const demoted = list.filter((x) => x.tally.name.startsWith('Ứng viên') && x.suggestion.level === 'good');
    expect(demoted).toHaveLength(n - k);
    for (const r of demoted) {
      expect(r.suggestion.decidedBy).toBe('quota');
      expect(r.suggestion.reasons[0]).toBe(msg.decidedQuota(20, k, n, msg.level_excellent(), msg.level_good()));
    }
    // units the quota did not move keep their own deciding rule
    for (const r of list.filter((x) => !demoted.includes(x))) expect(r.suggestion.decidedBy).toBe(CODE[r.suggestion.level]);
  });

  test('property: k is the largest integer with k ≤ n and 6k ≤ g + n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 80 }), (n, g) => {
        let want = 0;
        for (let k = 0; k <= n; k++) if (6 * k <= g + n) want = k;
        const list = cohort(n, g);
        applyQuota(list, 0.2, msg);
        return kept(list) === want;
      }),
    );
  });

  test('a changed quota: excellent units may not exceed that share of those rated good', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(0.1, 0.25, 0.5, 1), (n, g, q) => {
        let want = 0;
        for (let k = 0; k <= n; k++) if (k <= q * (g + n - k) + 1e-9) want = k;
        const list = cohort(n, g);
        applyQuota(list, q, msg);
        return kept(list) === want;
      }),
    );
  });

  test('quota 0 turns the limit off', () => {
    const list = cohort(3, 1);
    applyQuota(list, 0, msg);
    expect(kept(list)).toBe(3);
  });

  test('kept by highest score, then more due tasks, then folded name ascending', () => {
    const list: Rated[] = [
      rated('Xã Bình Hòa', 'excellent', 94, 9),
      rated('Xã An Bình', 'excellent', 100, 2), // first by name, but fewer due tasks
      rated('Xã Đông Hòa', 'excellent', 100, 5),
      rated('Xã Ấp Bắc', 'excellent', 100, 5), // folds to "xa ap bac", before "xa dong hoa"
      rated('Xã Dương', 'excellent', 100, 5),
      ...Array.from({ length: 13 }, (_, i) => rated(`Tốt ${i}`, 'good')),
    ];
    // g + n = 18 → k = 3
    applyQuota(list, 0.2, msg);
    const excellent = list.filter((r) => r.suggestion.level === 'excellent').map((r) => r.tally.name);
    expect(excellent).toEqual(['Xã Đông Hòa', 'Xã Ấp Bắc', 'Xã Dương']); // in list order
    expect(list.find((r) => r.tally.name === 'Xã An Bình')!.suggestion.level).toBe('good');
    expect(list.find((r) => r.tally.name === 'Xã Bình Hòa')!.suggestion.level).toBe('good');
  });

  test('the folded name breaks ties: "Xã Ấp Bắc" before "Xã Bình", although "Ấ" sorts after "B" unfolded', () => {
    const list: Rated[] = [rated('Xã Bình', 'excellent'), rated('Xã Ấp Bắc', 'excellent'), ...Array.from({ length: 4 }, (_, i) => rated(`Tốt ${i}`, 'good'))];
    applyQuota(list, 0.2, msg); // g + n = 6 → k = 1
    expect(list.filter((r) => r.suggestion.level === 'excellent').map((r) => r.tally.name)).toEqual(['Xã Ấp Bắc']);
  });

  test('in the engine, with both rule sets', () => {
    // six units each with one task done on time: all candidates; g + n = 6 → one keeps excellent
    const names = ['Xã Mỹ An', 'Xã Mỹ Đông', 'Xã Mỹ Hòa', 'Xã Mỹ Quý', 'Xã Thanh Mỹ', 'Xã Đốc Binh Kiều'];
    const specs: TaskSpec[] = names.map((lead, i) => ({ lead, deadline: D(2023, 6, 30), completed: D(2023, 6, 30 - i) }));
    for (const rules of ['2023', '2026'] as const) {
      const report = run([taskSheet('NV', specs)], { rules });
      expect(report.units.filter((u) => u.level === 'excellent').map((u) => u.name)).toEqual(['Xã Đốc Binh Kiều']); // all 100, due 1: by folded name
      expect(report.units.filter((u) => u.level === 'good')).toHaveLength(5);
      const five = run([taskSheet('NV', specs.slice(0, 5))], { rules });
      expect(five.units.filter((u) => u.level === 'excellent')).toEqual([]);
      const rubrics = { [rules]: { ...ruleSetById(rules).defaultRubric, quota: 0 } };
      const off = run([taskSheet('NV', specs.slice(0, 5))], { rules, rubrics });
      expect(off.units.filter((u) => u.level === 'excellent')).toHaveLength(5);
    }
  });
});

describe('who counts for what', () => {
  const reg = registrySheet('Đơn vị', [
    { name: 'Phòng Nội vụ', type: 'Phòng', head: 'Nguyễn Văn A', disciplined: 'x' },
    { name: 'Phòng Tư pháp', type: 'Phòng', head: 'Trần Thị B', disciplined: 'không' },
    { name: 'Xã Mỹ Hòa', type: 'Xã', head: null, disciplined: '0' },
    { name: 'Xã Mỹ An', type: 'Xã', disciplined: 'no' },
    { name: 'Xã Mỹ Quý', type: 'Xã', disciplined: null },
    { name: 'Xã Thanh Mỹ', type: 'Xã', disciplined: 'Khiển trách' },
  ]);

  test('units are the registry (with type and head), plus other lead units and inspected units (type null)', () => {
    const s = taskSheet('NV', [
      { lead: 'Phòng Nội vụ', deadline: D(2023, 6, 30), completed: D(2023, 6, 1) },
      { lead: 'Phòng Văn hóa', co: 'Phòng Y tế', deadline: D(2023, 6, 30), completed: D(2023, 6, 1) },
    ]);
    const insp = inspectionSheet('KT', [{ date: D(2023, 8, 1), unit: 'Xã Tân Kiều', violations: 1 }]);
    const report = run([reg, s, insp]);
    const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(report.units.map((u) => [u.name, u.type, u.head]).sort(byName)).toEqual(
      [
        ['Phòng Nội vụ', 'Phòng', 'Nguyễn Văn A'],
        ['Phòng Tư pháp', 'Phòng', 'Trần Thị B'],
        ['Xã Mỹ Hòa', 'Xã', null],
        ['Xã Mỹ An', 'Xã', null],
        ['Xã Mỹ Quý', 'Xã', null],
        ['Xã Thanh Mỹ', 'Xã', null],
        ['Phòng Văn hóa', null, null],
        ['Xã Tân Kiều', null, null],
      ].sort(byName),
    );
    // co-units are checked, not scored nor listed
    expect(report.units.find((u) => u.name === 'Phòng Y tế')).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === 'unknown-unit').map((f) => f.cell).sort()).toEqual(['C3', 'D5', 'E5']);
  });

  test('discipline marks: "x" or any other text yes; "không", "0", "no", empty no', () => {
    const report = run([reg]);
    const marked = Object.fromEntries(report.units.map((u) => [u.name, u.disciplined]));
    expect(marked).toEqual({
      'Phòng Nội vụ': true,
      'Phòng Tư pháp': false,
      'Xã Mỹ Hòa': false,
      'Xã Mỹ An': false,
      'Xã Mỹ Quý': false,
      'Xã Thanh Mỹ': true,
    });
    expect(unitNamed(report, 'Phòng Nội vụ').level).toBe('not_completed');
    expect(unitNamed(report, 'Phòng Tư pháp').level).toBe('good'); // due 0
  });

  test('no discipline column: nobody is disciplined', () => {
    const r = sheet('Đơn vị', [['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu', 'Ghi chú'], ['Phòng Nội vụ', 'Phòng', 'A', 'x']]);
    expect(run([r]).units[0]).toMatchObject({ name: 'Phòng Nội vụ', disciplined: false, head: 'A' });
  });

  test('a task with several lead units counts for each of them', () => {
    const s = taskSheet('NV', [
      { lead: 'Phòng Nội vụ\nPhòng Tư pháp', deadline: D(2023, 7, 28), completed: D(2023, 8, 12) },
      { lead: 'Phòng Tư pháp', deadline: D(2023, 6, 30), completed: D(2023, 6, 1) },
    ]);
    const report = run([s]);
    expect(unitNamed(report, 'Phòng Nội vụ')).toMatchObject({ due: 1, doneLate: 1, doneOnTime: 0 });
    expect(unitNamed(report, 'Phòng Tư pháp')).toMatchObject({ due: 2, doneLate: 1, doneOnTime: 1, score: 65 });
    expect(report.tasks[0]!.leadUnits).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
  });

  test('open tasks on time are tallied but are not due', () => {
    const s = taskSheet('NV', [
      { lead: 'Xã Mỹ An', deadline: D(2023, 10, 1) },
      { lead: 'Xã Mỹ An', deadline: D(2023, 9, 1) },
      { lead: 'Xã Mỹ An', deadline: D(2023, 9, 1), completed: D(2023, 8, 1) },
    ]);
    expect(unitNamed(run([s]), 'Xã Mỹ An')).toMatchObject({ due: 2, doneOnTime: 1, openOverdue: 1, openOnTime: 1, doneLate: 0, score: 65 });
  });

  test('inspections: dated after D not counted; invalid or empty date counted; no unit counts for nobody', () => {
    const insp = inspectionSheet('KT', [
      { date: D(2023, 9, 15), unit: 'Xã Mỹ Hòa', violations: 1 }, // on D: counted
      { date: D(2023, 9, 16), unit: 'Xã Mỹ Hòa', violations: 4 }, // after D
      { date: 'cuối tháng 8', unit: 'Xã Mỹ Hòa', violations: 2 }, // invalid date: counted
      { date: null, unit: 'Xã Mỹ Hòa; Xã Mỹ An', violations: 1 }, // empty date: counted, for each unit
      { date: D(2023, 8, 1), unit: null, violations: 3 }, // no unit
      { date: D(2023, 12, 1), unit: 'Xã Mới Lập', violations: 1 }, // after D: not a unit
    ]);
    const report = run([reg, insp]);
    expect(unitNamed(report, 'Xã Mỹ Hòa').violations).toBe(4);
    expect(unitNamed(report, 'Xã Mỹ An').violations).toBe(1);
    expect(report.units.reduce((n, u) => n + u.violations, 0)).toBe(5);
    expect(report.units.find((u) => u.name === 'Xã Mới Lập')).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === 'unknown-unit').map((f) => f.cell)).toEqual(['C8']);
    expect(unitNamed(report, 'Xã Mỹ Hòa')).toMatchObject({ score: 76, level: 'good' }); // 70 + 30 − 24
  });

  test('an inspection dated after D with violations does not bring its unit into the list', () => {
    const insp = inspectionSheet('KT', [{ date: D(2023, 10, 1), unit: 'Xã Mỹ Hòa', violations: 2 }]);
    expect(run([insp]).units).toEqual([]);
  });

  test('unit spelling: the registry (first row wins on a repeat), else the first seen, trimmed and collapsed', () => {
    const reg2 = registrySheet('Đơn vị', [{ name: 'UBND xã Mỹ Hòa' }, { name: 'Xã  Mỹ Hoà ' }]);
    const s = taskSheet('NV', [
      { lead: 'Xã Mỹ Hòa', deadline: D(2023, 10, 1) },
      { lead: '  phòng   nội vụ ', deadline: D(2023, 10, 1) },
      { lead: 'P. Nội vụ', deadline: D(2023, 10, 1) },
      { lead: 'PHÒNG NỘI VỤ', deadline: D(2023, 10, 1) },
    ]);
    const report = run([s, reg2]);
    expect(report.units.map((u) => u.name).sort()).toEqual(['UBND xã Mỹ Hòa', 'phòng nội vụ'].sort());
    expect(report.tasks.map((t) => t.leadUnits)).toEqual([['UBND xã Mỹ Hòa'], ['phòng nội vụ'], ['phòng nội vụ'], ['phòng nội vụ']]);
  });

  test('unit spelling follows the workbook order of sheets, then rows, then cells left to right', () => {
    const insp = inspectionSheet('KT', [{ date: D(2023, 8, 1), unit: 'P.  NỘI VỤ', violations: 0 }]);
    const s = taskSheet('NV', [{ lead: 'Phòng Nội vụ', deadline: D(2023, 10, 1) }]);
    expect(run([insp, s]).units.map((u) => u.name)).toEqual(['P. NỘI VỤ']);
    expect(run([s, insp]).units.map((u) => u.name)).toEqual(['Phòng Nội vụ']);
    // a co-unit cell left of the lead cell is read first (co-units are seen, though never scored)
    const wide = sheet('NV', [
      ['Nội dung', 'Đơn vị phối hợp', 'Đơn vị chủ trì', 'Thời hạn'],
      ['Việc', 'P. Nội vụ', 'Phòng Nội vụ', '1/10/2023'],
    ]);
    expect(run([wide]).units.map((u) => u.name)).toEqual(['P. Nội vụ']);
  });
});
