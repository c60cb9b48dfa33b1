/**
 * The rule-set registry (issue 9 §2) and the sources every host names (SPEC §5, 1.3): expected
 * texts come from the spec's own words, not from the catalogue.
 */
import { summaryLines } from '../../src/cli/summary';
import { scoreNotice } from '../../src/commands/handlers';
import { scoresSheet, findingsSheet } from '../../src/core/owned-sheets';
import { ReportSchema } from '../../src/core/report';
import { isRuleSetId, RULE_SET_IDS, RULE_SETS, RubricsSchema, ruleSetById, ruleSetForYear, ruleSetText } from '../../src/core/rule-sets/registry';
import { DEFAULT_RUBRIC_2023 } from '../../src/core/rule-sets/rules-2023';
import { DEFAULT_RUBRIC_2026 } from '../../src/core/rule-sets/rules-2026';
import { SettingsSchema } from '../../src/core/settings';
import { messages, type Lang } from '../../src/i18n/messages';
import { D, run, taskSheet } from './support';

const LANGS: readonly Lang[] = ['vi', 'en'];
const msg = messages('vi');

describe('the registry', () => {
  test('ships the two rule sets of SPEC §5, in the order of the years they govern', () => {
    expect(RULE_SET_IDS).toEqual(['2023', '2026']);
    expect(RULE_SETS.map((s) => s.fromYear)).toEqual([2023, 2026]);
  });

  test('each set keeps the defaults the spec gives', () => {
    expect(ruleSetById('2023').defaultRubric).toEqual({ onTimeWeight: 70, violationPoints: 30, perViolation: 6, quota: 0.2, notCompletedLateShare: 0.5, reviewLateShare: 0.2 });
    expect(ruleSetById('2026').defaultRubric).toEqual({
      onTimeWeight: 70,
      violationPoints: 30,
      perViolation: 6,
      quota: 0.2,
      excellentScore: 90,
      goodScore: 70,
      completedScore: 50,
      completedLateShare: 0.2,
    });
  });

  test.each(RULE_SETS.map((s) => [s.id, s] as const))('%s: its defaults pass its schema, and its form has one field per figure', (_id, set) => {
    expect(set.rubricSchema.safeParse(set.defaultRubric).success).toBe(true);
    const keys = set.rubricFields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(set.defaultRubric).sort());
    for (const f of set.rubricFields) expect(f.unit).toBe(f.key === 'quota' || f.key.endsWith('LateShare') ? 'percent' : 'points');
  });

  test('isRuleSetId accepts exactly the registry ids', () => {
    expect(RULE_SET_IDS.every(isRuleSetId)).toBe(true);
    for (const v of ['2024', '2027', '', ' 2023', 2023, null, undefined]) expect(isRuleSetId(v)).toBe(false);
  });

  test('the years: before 2023 and 2023–2025 use the 2023 set; 2026 on, the 2026 set', () => {
    expect([1999, 2022, 2023, 2025, 2026, 2040].map(ruleSetForYear)).toEqual(['2023', '2023', '2023', '2023', '2026', '2026']);
  });

  test('settings, rubrics and reports accept the registry ids and nothing else', () => {
    for (const rules of RULE_SET_IDS) expect(SettingsSchema.safeParse({ version: 1, rules }).success).toBe(true);
    expect(SettingsSchema.safeParse({ version: 1, rules: '2024' }).success).toBe(false);
    const report = run([], { asOf: '2023-09-15' });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(ReportSchema.safeParse({ ...report, rules: '2024' }).success).toBe(false);
    expect(RubricsSchema.safeParse({ '2023': DEFAULT_RUBRIC_2023, '2026': DEFAULT_RUBRIC_2026 }).success).toBe(true);
    expect(RubricsSchema.safeParse({ '2026': DEFAULT_RUBRIC_2023 }).success).toBe(false); // each under its own schema
    expect(RubricsSchema.safeParse({ '2024': DEFAULT_RUBRIC_2026 }).success).toBe(false);
  });

  test('a run uses the rubric saved for its set; a rubric its set rejects is refused, not ignored', () => {
    const rubric2026 = { ...DEFAULT_RUBRIC_2026, perViolation: 10 };
    expect(ruleSetById('2026').rater(rubric2026, msg).rubric).toEqual(rubric2026);
    expect(ruleSetById('2026').rater(undefined, msg).rubric).toEqual(DEFAULT_RUBRIC_2026);
    expect(() => ruleSetById('2026').rater(DEFAULT_RUBRIC_2023, msg)).toThrow();
    // the form falls back to the defaults instead
    expect(ruleSetById('2026').rubricIn(DEFAULT_RUBRIC_2023)).toEqual(DEFAULT_RUBRIC_2026);
  });
});

/** SPEC §5 (1.3): the sources of each rule set, as the spec names them. */
const SOURCES: Record<string, { must: RegExp[]; mustNot: RegExp[] }> = {
  '2023': { must: [/124-QĐ\/TW/, /90\/2020\/NĐ-CP/, /48\/2023\/NĐ-CP/], mustNot: [/335\/2025/, /366-QĐ/] },
  '2026': { must: [/366-QĐ\/TW/, /30\/8\/2025/, /335\/2025\/NĐ-CP/], mustNot: [/90\/2020/, /48\/2023/, /124-QĐ/] },
};

describe('sources named right (SPEC §5, 1.3)', () => {
  test.each(RULE_SET_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as const)))('%s in %s names its own sources and no other', (id, lang) => {
    const text = ruleSetText(id, lang);
    for (const re of SOURCES[id]!.must) expect(text).toMatch(re);
    for (const re of SOURCES[id]!.mustNot) expect(text).not.toMatch(re);
  });

  test('the 2026 set names Quy định 366-QĐ/TW for collectives, not a decree alone', () => {
    expect(ruleSetText('2026', 'vi')).toMatch(/tập thể: Quy định 366-QĐ\/TW/);
    expect(ruleSetText('2026', 'vi')).toMatch(/công chức: Nghị định 335\/2025\/NĐ-CP/);
    expect(ruleSetText('2023', 'vi')).toMatch(/tập thể: Quy định 124-QĐ\/TW/);
  });

  // One task on time: a report for either set.
  const book = [taskSheet('NV', [{ lead: 'Phòng Nội vụ', deadline: D(2023, 6, 30), completed: D(2023, 6, 1) }])];

  test.each(RULE_SET_IDS.flatMap((id) => LANGS.map((lang) => [id, lang] as const)))(
    '%s in %s: KQ Đánh giá, KQ Kiểm tra, the command line and the ribbon say the same',
    (id, lang) => {
      const report = run(book, { rules: id, lang });
      const text = ruleSetText(id, lang);
      expect(scoresSheet(report, lang).title[1]).toContain(text);
      expect(findingsSheet(report, lang).title[1]).toContain(text);
      expect(summaryLines(report, 'sổ.xlsx', lang).slice(0, 2).join('\n')).toContain(text);
      expect(scoreNotice({ report, settings: { version: 1 }, settingsError: null }, lang).lines).toContain(text);
    },
  );
});
