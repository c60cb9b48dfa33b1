/**
 * SPEC §4 severities as the table gives them, restated apart from src/core/report.ts so that a
 * wrong table in the code fails the tests that use this one.
 */
export const SPEC_SEVERITY: Readonly<Record<string, 'error' | 'warning'>> = {
  unassigned: 'error',
  'multiple-leads': 'error',
  'unknown-unit': 'warning',
  overdue: 'error',
  'late-completion': 'warning',
  'missing-deadline': 'warning',
  'invalid-date': 'error',
  'invalid-value': 'error',
  'deadline-before-assigned': 'error',
  'completed-before-assigned': 'error',
  'completed-after-as-of': 'error',
  'duplicate-task': 'warning',
  'status-conflict': 'warning',
  'invalid-violations': 'error',
};
