/**
 * Entry of the task pane page. Inside Excel it runs the pane over the Office.js adapter; anywhere
 * else (Office.onReady gives no host, or Office.js is absent) the same page runs in browser mode
 * over a local file.
 */
import { createRoot } from 'react-dom/client';
import { OfficeWorkbook } from '../adapters/office/office-workbook';
import type { Lang } from '../i18n/messages';
import { App } from './App';
import { detectHost, type OfficeLike } from './boot';
import { excelPaneHost } from './office-host';
import { themeFromOffice, themeFromSystem } from './theme';

function officeGlobal(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

function officeLang(): Lang {
  const display = (Office.context?.displayLanguage ?? '').toLowerCase();
  return display.startsWith('en') ? 'en' : 'vi';
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  const root = createRoot(container);
  const host = await detectHost(officeGlobal());
  if (host === 'Excel') {
    const lang = officeLang();
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
  } else {
    root.render(<App mode={{ kind: 'browser' }} theme={themeFromSystem()} />);
  }
}

void start();
