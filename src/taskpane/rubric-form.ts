/**
 * The rubric editor's form: the figures of one rule set as the user types them (shares as
 * percentages), validated with the rubric's zod schema; rejected input gives messages in the
 * pane's language.
 */
import {
  DEFAULT_RUBRIC_2023,
  DEFAULT_RUBRIC_2026,
  Rubric2023Schema,
  Rubric2026Schema,
  type Rubric2023,
  type Rubric2026,
  type Rubrics,
  type RuleSet,
} from '../core/rubric';
import type { PaneText } from '../i18n/pane';

export type RubricUnit = 'points' | 'percent';

export interface RubricFieldSpec {
  readonly key: string;
  readonly unit: RubricUnit;
}

const COMMON: readonly RubricFieldSpec[] = [
  { key: 'onTimeWeight', unit: 'points' },
  { key: 'violationPoints', unit: 'points' },
  { key: 'perViolation', unit: 'points' },
];

export const RUBRIC_FIELDS: Readonly<Record<RuleSet, readonly RubricFieldSpec[]>> = {
  '2023': [...COMMON, { key: 'notCompletedLateShare', unit: 'percent' }, { key: 'reviewLateShare', unit: 'percent' }, { key: 'quota', unit: 'percent' }],
  '2026': [
    ...COMMON,
    { key: 'excellentScore', unit: 'points' },
    { key: 'goodScore', unit: 'points' },
    { key: 'completedScore', unit: 'points' },
    { key: 'completedLateShare', unit: 'percent' },
    { key: 'quota', unit: 'percent' },
  ],
};

export type RubricDraft = Readonly<Record<string, string>>;

export function rubricOf(rules: RuleSet, rubrics: Rubrics | undefined): Rubric2023 | Rubric2026 {
  return rules === '2023' ? (rubrics?.['2023'] ?? DEFAULT_RUBRIC_2023) : (rubrics?.['2026'] ?? DEFAULT_RUBRIC_2026);
}

export function defaultRubric(rules: RuleSet): Rubric2023 | Rubric2026 {
  return rules === '2023' ? DEFAULT_RUBRIC_2023 : DEFAULT_RUBRIC_2026;
}

function display(x: number, unit: RubricUnit): string {
  return String(unit === 'percent' ? Math.round(x * 10_000) / 100 : x);
}

export function draftOf(rules: RuleSet, rubric: Rubric2023 | Rubric2026): RubricDraft {
  const values = rubric as unknown as Record<string, number>;
  const out: Record<string, string> = {};
  for (const f of RUBRIC_FIELDS[rules]) out[f.key] = display(values[f.key] ?? 0, f.unit);
  return out;
}

/** Text → number; empty or anything that is not a plain decimal number gives NaN (rejected). */
function numberOf(text: string | undefined): number {
  const s = (text ?? '').trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export type RubricResult =
  | { ok: true; value: Rubric2023 | Rubric2026 }
  | { ok: false; errors: string[]; fields: Readonly<Record<string, string>> };

export function parseRubricDraft(rules: RuleSet, draft: RubricDraft, t: PaneText): RubricResult {
  const raw: Record<string, number> = {};
  const fields: Record<string, string> = {};
  const specs = RUBRIC_FIELDS[rules];
  for (const f of specs) {
    const n = numberOf(draft[f.key]);
    raw[f.key] = f.unit === 'percent' ? n / 100 : n;
  }
  const schema = rules === '2023' ? Rubric2023Schema : Rubric2026Schema;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  // The schema checks the rules between fields only once every field is valid. So that the form
  // reports every error at once, check those rules again with the rejected fields at their defaults.
  const issues = [...parsed.error.issues];
  if (issues.some((i) => typeof i.path[0] === 'string')) {
    const rejected = new Set(issues.map((i) => i.path[0]));
    const values = defaultRubric(rules) as unknown as Record<string, number>;
    const merged: Record<string, number> = {};
    for (const f of specs) merged[f.key] = rejected.has(f.key) ? (values[f.key] ?? 0) : raw[f.key]!;
    const again = schema.safeParse(merged);
    if (!again.success) issues.push(...again.error.issues.filter((i) => i.path.length === 0));
  }
  const errors: string[] = [];
  for (const issue of issues) {
    const key = issue.path[0];
    let text: string;
    if (typeof key === 'string') {
      const spec = specs.find((s) => s.key === key);
      const label = t.rubricField[key] ?? key;
      text = Number.isNaN(raw[key]) ? t.rubricNotNumber(label) : t.rubricRange(label, 0, 100);
      if (spec && !(key in fields)) fields[key] = text;
    } else if (issue.message.startsWith('onTimeWeight')) text = t.rubricSum;
    else if (issue.message.startsWith('reviewLateShare')) text = t.rubricReview;
    else if (issue.message.startsWith('thresholds')) text = t.rubricThresholds;
    else text = issue.message;
    if (!errors.includes(text)) errors.push(text);
  }
  return { ok: false, errors, fields };
}
