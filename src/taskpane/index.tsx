/**
 * Entry of the task pane page. Opened by Office (the `_host_Info` query, boot.ts), it loads Office.js
 * and runs the pane over the Office.js adapter; anywhere else it loads no Office.js, narrows the
 * page's policy to its own origin, and runs in browser mode over a local file.
 */
import { createRoot, type Root } from 'react-dom/client';
import { MIN_EXCEL_API, OfficeWorkbook } from '../adapters/office';
import type { Lang } from '../i18n/messages';
import { ribbonMessages } from '../i18n/ribbon';
import { App } from './App';
import { loadScript, officeHostInfo, officeJsUrl, paneStart, readyHost, restrictToSameOrigin, type KeyValueStore, type OfficeLike } from './boot';
import { excelPaneHost } from './office-host';
import { themeFromOffice, themeFromSystem } from './theme';

function session(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function langOf(locale: string | undefined | null): Lang {
  return (locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** A message in place of the pane (plain text, no markup). */
function say(container: HTMLElement, text: string, role: 'status' | 'alert'): void {
  const p = document.createElement('p');
  p.setAttribute('role', role);
  p.textContent = text;
  p.style.cssText = 'font: 14px/1.45 "Segoe UI", system-ui, sans-serif; margin: 16px 20px;';
  container.replaceChildren(p);
}

function browserMode(root: Root): void {
  restrictToSameOrigin(document);
  root.render(<App mode={{ kind: 'browser' }} theme={themeFromSystem()} />);
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  // compat.js found an engine too old for this page and said so.
  if (document.documentElement.dataset.unsupported === '1') return;
  const info = officeHostInfo(window.location.search, window.name, session());
  const url = officeJsUrl(document);
  if (info === null || url === null) {
    browserMode(createRoot(container));
    return;
  }
  let lang = langOf(info.locale);
  say(container, ribbonMessages(lang).connecting(), 'status');
  if (!(await loadScript(document, url))) {
    say(container, ribbonMessages(lang).officeJsUnavailable(), 'alert');
    return;
  }
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const host = await readyHost(office);
  const how = paneStart(host, (name, version) => Office.context.requirements.isSetSupported(name, version), MIN_EXCEL_API);
  container.replaceChildren();
  if (how.kind === 'browser') {
    // Office.js says this is not Excel after all (the page was opened with a copied URL).
    browserMode(createRoot(container));
    return;
  }
  lang = langOf(Office.context?.displayLanguage ?? info.locale);
  if (how.kind === 'unsupported') {
    say(container, ribbonMessages(lang).unsupportedHost(how.minimum), 'alert');
    return;
  }
  const root = createRoot(container);
  const port = new OfficeWorkbook({ lang });
  root.render(
    <App
      mode={{ kind: 'excel', host: excelPaneHost(port) }}
      theme={themeFromOffice(Office.context.officeTheme)}
      initialLang={lang}
      onLangChange={(l) => {
        port.lang = l;
      }}
    />,
  );
}

void start();
