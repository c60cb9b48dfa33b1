/**
 * Which host the page runs in, decided before any Office.js is loaded.
 *
 * Office opens the task pane with a `_host_Info` query parameter, "Excel$Win32$16.01$en-US$$$$0"
 * (host$platform$version$locale$…; "|" instead of "$" in some hosts). Office.js reads it the same way
 * (`_retrieveHostInfo` in office.js): from the query, else from `window.name` (Excel on the web passes
 * a JSON object with `hostInfo`), else from sessionStorage, where it keeps the value so that a
 * reload or a navigation inside the pane, which drops the query, still finds it. The page does the
 * same, under a key of its own, so that:
 *
 * - inside Office it loads Office.js (from Microsoft's CDN, or the local copy of a closed-network
 *   build) and runs the pane over Excel;
 * - outside Office (browser mode) it loads no Office.js at all, and adds a second, strictly
 *   same-origin Content-Security-Policy: policies only ever add up, so nothing the page does later
 *   can reach another origin.
 */

/** The query parameter Office adds to the task pane's URL. */
export const HOST_INFO_PARAM = '_host_Info';
/** Where the page keeps the host info for reloads and navigation inside the pane. */
export const HOST_INFO_KEY = 'kq.hostInfo';
/** Where Office.js itself keeps it. */
const OFFICE_JS_KEY = 'hostInfoValue';

/** What the page needs of sessionStorage (absent or throwing in some sandboxes). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface HostInfo {
  /** "Excel", "Word", …: the first field. */
  readonly host: string;
  /** "Win32", "Web", "Mac", …. */
  readonly platform: string;
  /** "en-US", "vi-VN", … (may be empty). */
  readonly locale: string;
}

/** Parse a `_host_Info` value; null when it names no host. */
export function parseHostInfo(value: string): HostInfo | null {
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    return null;
  }
  let parts = text.split('$');
  if (parts.length < 3) parts = text.split('|');
  const host = (parts[0] ?? '').trim();
  if (!/^[A-Za-z]+$/.test(host)) return null;
  return { host, platform: parts[1] ?? '', locale: parts[3] ?? '' };
}

/** The raw value of one query parameter, as Office.js reads it (up to the next "&" or "#"). */
function queryValue(search: string, name: string): string | null {
  for (const pair of search.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return null;
}

function fromWindowName(windowName: string): string | null {
  if (!windowName.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(windowName);
    if (typeof parsed === 'object' && parsed !== null && 'hostInfo' in parsed) {
      const info = (parsed as { hostInfo?: unknown }).hostInfo;
      return typeof info === 'string' && info !== '' ? info : null;
    }
  } catch {
    // not Office's JSON
  }
  return null;
}

function read(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * The host this page was opened in by Office, or null outside Office. Found in the query, it is kept
 * in `store` for the reloads and navigations that lose the query.
 */
export function officeHostInfo(search: string, windowName: string, store: KeyValueStore | null): HostInfo | null {
  const fromQuery = queryValue(search, HOST_INFO_PARAM);
  const raw = fromQuery ?? fromWindowName(windowName) ?? read(store, HOST_INFO_KEY) ?? read(store, OFFICE_JS_KEY);
  const info = raw === null ? null : parseHostInfo(raw);
  if (info && fromQuery !== null) {
    try {
      store?.setItem(HOST_INFO_KEY, fromQuery);
    } catch {
      // storage refused: a reload will not find it, and the page falls back to browser mode
    }
  }
  return info;
}

/**
 * The policy added in browser mode: only this origin, for everything. With the page's own policy it
 * makes browser mode strictly same-origin whatever the first policy allows for Office.
 */
export const BROWSER_MODE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";

/** Add the browser-mode policy to the page (a meta policy added later can only narrow the first). */
export function restrictToSameOrigin(doc: Document): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = BROWSER_MODE_POLICY;
  doc.head.appendChild(meta);
}

/** The Office.js URL the build chose (Microsoft's CDN, or the local copy), from the page's meta tag. */
export function officeJsUrl(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="kq-office-js"]');
  const url = meta?.getAttribute('content') ?? '';
  return url === '' ? null : url;
}

/** Load a classic script; resolves false when it cannot be loaded (offline, blocked by a policy or a proxy). */
export function loadScript(doc: Document, src: string): Promise<boolean> {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    doc.head.appendChild(script);
  });
}

export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

/** "Excel" inside Excel, null anywhere else: Office.onReady, once Office.js has loaded. */
export async function readyHost(office: OfficeLike | undefined): Promise<string | null> {
  if (!office || typeof office.onReady !== 'function') return null;
  const info = await office.onReady().catch(() => null);
  const host = info?.host;
  return typeof host === 'string' && host !== '' ? host : null;
}

/** How the pane starts once Office.js has answered. */
export type PaneStart = { readonly kind: 'excel' } | { readonly kind: 'browser' } | { readonly kind: 'unsupported'; readonly minimum: string };

/**
 * Excel at or above the add-in's minimum runs the pane; an older Excel is told to update (the
 * manifest keeps such hosts away, but an Excel that opens the pane anyway must not fail midway);
 * no host at all (a copied URL opened in a browser) runs browser mode.
 */
export function paneStart(host: string | null, isSetSupported: (name: string, minVersion: string) => boolean, minimum: string): PaneStart {
  if (host !== 'Excel') return { kind: 'browser' };
  let supported = false;
  try {
    supported = isSetSupported('ExcelApi', minimum);
  } catch {
    supported = false;
  }
  return supported ? { kind: 'excel' } : { kind: 'unsupported', minimum };
}
