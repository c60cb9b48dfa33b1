/** The page: a header with the language switch, then the pane (in Excel) or browser mode. */
import { Badge, FluentProvider, Radio, RadioGroup, Spinner, Text, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Lang } from '../i18n/messages';
import { paneText } from '../i18n/pane';
import type { ReadFile } from './components/BrowserShell';
import type { PaneHost } from './host';
import { Pane } from './Pane';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  inner: { maxWidth: '960px', marginLeft: 'auto', marginRight: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  lang: { display: 'flex', alignItems: 'center' },
});

/** Browser mode brings the xlsx package layer; loaded on demand so that the pane inside Excel does not carry it. */
const BrowserShell = lazy(() => import('./components/BrowserShell').then((m) => ({ default: m.BrowserShell })));

export type AppMode = { readonly kind: 'excel'; readonly host: PaneHost } | { readonly kind: 'browser'; readonly readFile?: ReadFile };

export interface AppProps {
  readonly mode: AppMode;
  readonly theme: Theme;
  readonly initialLang?: Lang;
  readonly onLangChange?: (lang: Lang) => void;
}

export function App({ mode, theme, initialLang = 'vi', onLangChange }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = paneText(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
    onLangChange?.(lang);
  }, [lang, t, onLangChange]);
  return (
    // The page's own box lives inside the provider: Fluent copies the provider's classes onto every
    // portal (tooltips, dialogs), and a full-page box there would cover the page and take its clicks.
    <FluentProvider theme={theme}>
      <div className={s.page}>
        <main className={s.inner}>
          <header className={s.header}>
            <div className={s.titles}>
              <h1 className={s.title}>{t.appTitle}</h1>
              <Text size={200}>{t.appSubtitle}</Text>
              <span>
                <Badge appearance="tint" color={mode.kind === 'excel' ? 'brand' : 'informative'} data-testid="mode">
                  {mode.kind === 'excel' ? t.modeExcel : t.modeBrowser}
                </Badge>
              </span>
            </div>
            <RadioGroup
              className={s.lang}
              layout="horizontal"
              value={lang}
              onChange={(_, d) => setLang(d.value === 'en' ? 'en' : 'vi')}
              aria-label={t.language}
            >
              <Radio value="vi" label={t.langVi} lang="vi" />
              <Radio value="en" label={t.langEn} lang="en" />
            </RadioGroup>
          </header>
          {mode.kind === 'excel' ? (
            <Pane host={mode.host} lang={lang} />
          ) : (
            <Suspense fallback={<Spinner size="small" label={t.loading} />}>
              <BrowserShell lang={lang} readFile={mode.readFile} />
            </Suspense>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
