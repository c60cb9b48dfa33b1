/** The finding rules of SPEC §4 by the codes reports carry; the catalogue names each one in words. */
export const RULE_IDS = [
  'unassigned',
  'multiple-leads',
  'unknown-unit',
  'overdue',
  'late-completion',
  'missing-deadline',
  'invalid-date',
  'invalid-value',
  'deadline-before-assigned',
  'completed-before-assigned',
  'completed-after-as-of',
  'duplicate-task',
  'status-conflict',
  'invalid-violations',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
