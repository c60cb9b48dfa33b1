/**
 * The rule sets the tool ships, in the order of the years they govern (SPEC §5). Everything that
 * names, chooses or validates a rule set reads this list; docs/architecture.md says how to add one.
 */
import { z } from 'zod';
import { messages, type Lang } from '../../i18n/messages';
import type { Rubric } from '../rubric';
import type { RuleSet } from './rule-set';
import { RULES_2023 } from './rules-2023';
import { RULES_2026 } from './rules-2026';

export const RULE_SETS = [RULES_2023, RULES_2026] as const;

export type RuleSetId = (typeof RULE_SETS)[number]['id'];

export const RULE_SET_IDS: readonly RuleSetId[] = RULE_SETS.map((s) => s.id);

export function isRuleSetId(value: unknown): value is RuleSetId {
  return RULE_SET_IDS.some((id) => id === value);
}

export function ruleSetById(id: RuleSetId): RuleSet<RuleSetId> {
  const set = RULE_SETS.find((s) => s.id === id);
  if (set === undefined) throw new RangeError(`no rule set ${id}`);
  return set;
}

/** The rule set in force in the year of D: the latest that began by then; earlier years use the first. */
export function ruleSetForYear(year: number): RuleSetId {
  let chosen: RuleSet<RuleSetId> = RULE_SETS[0];
  for (const s of RULE_SETS) if (s.fromYear <= year && s.fromYear >= chosen.fromYear) chosen = s;
  return chosen.id;
}

/** The rule set named with its sources, as every host shows it. */
export function ruleSetText(id: RuleSetId, lang: Lang): string {
  return ruleSetById(id).text(messages(lang));
}

/** Saved rubrics, one optional entry per rule set, each checked by its set's schema. */
export const RubricsSchema = z
  .object(Object.fromEntries(RULE_SETS.map((s) => [s.id, s.rubricSchema.optional()])) as Record<RuleSetId, z.ZodOptional<z.ZodType<Rubric>>>)
  .strict();
export type Rubrics = z.infer<typeof RubricsSchema>;
