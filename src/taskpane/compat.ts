/**
 * The page's first script, built for ES5 (webpack.config.js): in an engine too old for the pane
 * (Internet Explorer, the old Edge that Office 2019 used), the pane's own script cannot even be
 * parsed, and the user would see a blank pane. This one still runs, and says why instead. It uses
 * nothing newer than ES5 on purpose.
 */
import { ribbonMessages } from '../i18n/ribbon';

/** What the pane's script needs of the engine (ES2019–ES2020 built-ins, missing in IE and EdgeHTML). */
export function engineSupported(global: unknown): boolean {
  const g = global as {
    Promise?: { allSettled?: unknown };
    Object?: { fromEntries?: unknown };
    Array?: { prototype?: { flatMap?: unknown } };
    globalThis?: unknown;
  };
  return (
    typeof g.Promise?.allSettled === 'function' &&
    typeof g.Object?.fromEntries === 'function' &&
    typeof g.Array?.prototype?.flatMap === 'function' &&
    typeof g.globalThis === 'object'
  );
}

/** Show the message in place of the pane and tell the pane's script not to start. */
export function showUnsupported(doc: Document, lang: 'vi' | 'en'): void {
  doc.documentElement.setAttribute('data-unsupported', '1');
  const root = doc.getElementById('root');
  if (!root) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  const p = doc.createElement('p');
  p.setAttribute('role', 'alert');
  p.appendChild(doc.createTextNode(ribbonMessages(lang).unsupportedEngine()));
  root.appendChild(p);
}

function lang(): 'vi' | 'en' {
  return /[?&]_host_Info=[^&]*(\$|%24|\|)en[-_]/i.test(window.location.search) ? 'en' : 'vi';
}

if (typeof window !== 'undefined' && typeof document !== 'undefined' && !engineSupported(window)) {
  showUnsupported(document, lang());
}
