/**
 * The rubric editor's form: the figures of one rule set as the user types them (shares as
 * percentages), validated with the rule set's zod schema; rejected input gives messages in the
 * pane's language.
 */
import type { Rubric, RubricField } from '../core/rubric';
import { ruleSetById, type Rubrics, type RuleSetId } from '../core/rule-sets/registry';
import type { PaneText } from '../i18n/pane';

export type RubricUnit = RubricField['unit'];

export type RubricDraft = Readonly<Record<string, string>>;

export function rubricOf(rules: RuleSetId, rubrics: Rubrics | undefined): Rubric {
  return ruleSetById(rules).rubricIn(rubrics?.[rules]);
}

export function defaultRubric(rules: RuleSetId): Rubric {
  return ruleSetById(rules).defaultRubric;
}

function display(x: number, unit: RubricUnit): string {
  return String(unit === 'percent' ? Math.round(x * 10_000) / 100 : x);
}

export function draftOf(rules: RuleSetId, rubric: Rubric): RubricDraft {
  const values: Readonly<Record<string, number>> = rubric;
  const out: Record<string, string> = {};
  for (const f of ruleSetById(rules).rubricFields) out[f.key] = display(values[f.key] ?? 0, f.unit);
  return out;
}

/** Text → number; empty or anything that is not a plain decimal number gives NaN (rejected). */
function numberOf(text: string | undefined): number {
  const s = (text ?? '').trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export type RubricResult =
  | { ok: true; value: Rubric }
  | { ok: false; errors: string[]; fields: Readonly<Record<string, string>> };

export function parseRubricDraft(rules: RuleSetId, draft: RubricDraft, t: PaneText): RubricResult {
  const raw: Record<string, number> = {};
  const fields: Record<string, string> = {};
  const set = ruleSetById(rules);
  const specs = set.rubricFields;
  for (const f of specs) {
    const n = numberOf(draft[f.key]);
    raw[f.key] = f.unit === 'percent' ? n / 100 : n;
  }
  const parsed = set.rubricSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  // The schema checks the rules between fields only once every field is valid. So that the form
  // reports every error at once, check those rules again with the rejected fields at their defaults.
  const issues = [...parsed.error.issues];
  if (issues.some((i) => typeof i.path[0] === 'string')) {
    const rejected = new Set(issues.map((i) => i.path[0]));
    const values: Readonly<Record<string, number>> = set.defaultRubric;
    const merged: Record<string, number> = {};
    for (const f of specs) merged[f.key] = rejected.has(f.key) ? (values[f.key] ?? 0) : raw[f.key]!;
    const again = set.rubricSchema.safeParse(merged);
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
