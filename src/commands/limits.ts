/**
 * How long a ribbon command may take. Excel ends a function command that has not called
 * event.completed() after about 5 minutes (issue 8; the limit the add-in plans for), and the command
 * waits up to NOTICE_TIMEOUT_MS for the user to close its outcome dialog. The work plus that wait stay
 * inside the limit with a margin; a book too big for that is left to the task pane, which has no limit.
 */

/** Excel's limit for a function command. */
export const RIBBON_RUN_LIMIT_MS = 5 * 60_000;
/** Kept free at the end: Office's own delays, the dialog opening, clocks that differ. */
export const RIBBON_MARGIN_MS = 30_000;
/** The longest the outcome dialog waits for its close button before the command completes. */
export const NOTICE_TIMEOUT_MS = 90_000;
/**
 * A write starts only this soon after the command began: a write costs about what the read before
 * it did, so read + write + the dialog stay within the limit (2 × 90 s + 90 s + 30 s = 300 s).
 */
export const WRITE_START_LIMIT_MS = (RIBBON_RUN_LIMIT_MS - RIBBON_MARGIN_MS - NOTICE_TIMEOUT_MS) / 2;

/** How long the outcome dialog may wait, `elapsed` ms into the command (0: no time left to show it). */
export function noticeWait(elapsed: number): number {
  return Math.max(0, Math.min(NOTICE_TIMEOUT_MS, RIBBON_RUN_LIMIT_MS - RIBBON_MARGIN_MS - elapsed));
}
