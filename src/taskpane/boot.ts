/**
 * Which host the page runs in. Office.js is loaded from the page's own copy; outside Office its
 * onReady resolves with no host, and if the script is missing or never answers the page still
 * starts in browser mode.
 */

export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

export const OFFICE_READY_TIMEOUT_MS = 8_000;

/** "Excel" inside Excel, null anywhere else. */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<string | null> {
  if (!office || typeof office.onReady !== 'function') return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    const host = info?.host;
    return typeof host === 'string' && host !== '' ? host : null;
  } finally {
    clearTimeout(timer);
  }
}
