/**
 * What the tool must find in the task sheet every book of test/fixtures/writers/ holds
 * (scripts/fixtures/writers/tracking.json), worked out by hand from SPEC §2–§4 as of 2026-09-15:
 *
 * - row 4: deadline 30/06/2026, no completion → open_overdue by 77 days: E4 overdue;
 * - row 5: no lead unit → D5 unassigned (deadline 31/12/2026 not reached);
 * - row 6: deadline "sắp tới" is no date → E6 invalid-date and E6 missing-deadline (an error: a note);
 * - row 7: completed 25/08/2026, before its deadline 31/08/2026 → nothing;
 * - row 8: completion "30/02/2026" is no date → F8 invalid-date (a note); the task is then open past
 *   its deadline 15/07/2026 → E8 overdue;
 * - row 9: deadline 15/10/2026 not reached → nothing. The signature rows 11–12 are the footer.
 */
export const AS_OF = '2026-09-15';
export const TASK_SHEET = 'Nhiệm vụ';
export const TASK_DOC_NUMBERS = ['12/UBND', '15/UBND', '20/UBND', '21/UBND', '25/UBND', '30/UBND'];

export const EXPECTED_FINDINGS = ['D5 unassigned', 'E4 overdue', 'E6 invalid-date', 'E6 missing-deadline', 'E8 overdue', 'F8 invalid-date'];

/** Cells of findings other than overdue and unassigned: marked with a note unless the user has one there. */
export const NOTE_CELLS = ['E6', 'F8'];

/** Markers of the rules on the task sheet: live overdue and unassigned rules, and E6/F8 marked as errors (no warning-only cell). */
export const FLAG_MARKERS = ['kq:error', 'kq:overdue', 'kq:unassigned'];
