/**
 * How a ribbon command tells the user its outcome: a small dialog (Office dialog API, the status page
 * served next to the commands page) showing the counts, with a close button. Function commands have
 * no UI of their own, and the dialog API is the one notification surface that Excel on Windows, on
 * the Mac and on the web all support for them (DialogApi 1.1). The command completes when the dialog
 * is closed, or after the time the command has left (at most NOTICE_TIMEOUT_MS, limits.ts), or at
 * once when the dialog cannot be shown (the outcome is in the workbook anyway: flags on the sheets,
 * the KQ sheets).
 */
import type { Notice } from './handlers';
import { NOTICE_TIMEOUT_MS } from './limits';

export { NOTICE_TIMEOUT_MS } from './limits';

/** The status page URL with the notice in its query string (the page renders it as plain text). */
export function noticeUrl(base: string, notice: Notice): string {
  const url = new URL('status.html', base);
  url.searchParams.set('ok', notice.ok ? '1' : '0');
  url.searchParams.set('title', notice.title);
  url.searchParams.set('text', notice.lines.join('\n'));
  url.searchParams.set('close', notice.close);
  return url.href;
}

export function showNotice(notice: Notice, base: string = window.location.href, waitMs: number = NOTICE_TIMEOUT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    let dialog: Office.Dialog | null = null;
    let settled = false;
    const done = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      try {
        dialog?.close();
      } finally {
        done();
      }
    }, waitMs);
    try {
      Office.context.ui.displayDialogAsync(noticeUrl(base, notice), { height: 32, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          done();
          return;
        }
        const d = result.value;
        dialog = d;
        d.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          d.close();
          done();
        });
        d.addEventHandler(Office.EventType.DialogEventReceived, () => done());
      });
    } catch {
      done();
    }
  });
}
