/**
 * The task pane. It takes the host (a WorkbookPort plus "go to cell") as a prop and calls the same
 * use cases as the ribbon and the command line; it renders the report, it never recomputes it.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  type AccordionToggleData,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { dayFromIso } from '../core/cells';
import type { Rubric } from '../core/rubric';
import { ruleSetForYear, ruleSetText, type RuleSetId } from '../core/rule-sets/registry';
import { EMPTY_SETTINGS, parseSettings, type MappingOverride, type Settings } from '../core/settings';
import type { Lang } from '../i18n/messages';
import { paneText } from '../i18n/pane';
import type { WorkbookPort } from '../port/workbook-port';
import { checkBook, checkFlagAndScore, clearAllFlags, saveSettings, todayIso, type CheckOutcome } from '../usecases/check-workbook';
import { FindingsPanel } from './components/FindingsPanel';
import { RubricEditor } from './components/RubricEditor';
import { RunOptions } from './components/RunOptions';
import { SheetsPanel } from './components/SheetsPanel';
import { UnitsPanel } from './components/UnitsPanel';
import { describeError, type ShownError } from './errors';
import type { PaneHost } from './host';
import { withProgress, type Stage } from './progress-port';
import { findingSheets, severityCounts } from './view-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  resultActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
  panel: { paddingBottom: tokens.spacingVerticalM, minWidth: 0 },
  ignored: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PaneProps {
  readonly host: PaneHost;
  readonly lang: Lang;
  /** Extra actions under the results summary (browser mode: download the annotated copy). */
  readonly resultActions?: ReactNode;
  /** Called after each run that wrote to the book (check, clear, save). */
  readonly onWritten?: () => void;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

type Notice = { readonly intent: 'success' | 'warning' | 'info'; readonly text: string };
type Section = 'findings' | 'units' | 'sheets' | 'rubric';

export function Pane({ host, lang, resultActions, onWritten, now }: PaneProps) {
  const s = useStyles();
  const t = paneText(lang);
  const [settings, setSettings] = useState<Settings>(EMPTY_SETTINGS);
  const [asOf, setAsOf] = useState(() => todayIso(now ? now() : new Date()));
  const [rules, setRules] = useState<RuleSetId | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [outcomeLang, setOutcomeLang] = useState<Lang>(lang);
  const [busy, setBusy] = useState<Stage | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [stale, setStale] = useState(false);
  const [open, setOpen] = useState<Section[]>(['findings', 'units']);

  const tRef = useRef(t);
  tRef.current = t;

  // The book's saved settings prefill the date, the rule set and the rubric.
  useEffect(() => {
    let live = true;
    host.port.readSettings().then(
      (text) => {
        if (!live) return;
        const parsed = parseSettings(text);
        setSettings(parsed.settings);
        if (parsed.settings.asOf) setAsOf(parsed.settings.asOf);
        if (parsed.settings.rules) setRules(parsed.settings.rules);
        if (parsed.error) setNotice({ intent: 'warning', text: tRef.current.settingsUnreadable(parsed.error) });
      },
      (e: unknown) => live && setError(describeError(e, tRef.current)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const asOfValid = dayFromIso(asOf) !== null;
  const effectiveRules: RuleSetId = rules ?? ruleSetForYear(Number(asOf.slice(0, 4)));

  const perform = useCallback(
    async <T,>(first: Stage, work: (port: WorkbookPort) => Promise<T>): Promise<{ value: T } | null> => {
      setBusy(first);
      setError(null);
      setNotice(null);
      try {
        return { value: await work(withProgress(host.port, setBusy)) };
      } catch (e) {
        setError(describeError(e, tRef.current));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [host],
  );

  const show = (o: CheckOutcome, inLang: Lang) => {
    setOutcome(o);
    setOutcomeLang(inLang);
    setSettings(o.settings);
    setStale(false);
    if (o.settingsError) setNotice({ intent: 'warning', text: t.settingsUnreadable(o.settingsError) });
    if (o.report.sheets.length === 0) setOpen((prev) => (prev.includes('sheets') ? prev : [...prev, 'sheets']));
  };

  const check = async () => {
    const done = await perform('reading', (port) => checkFlagAndScore(port, { asOf, rules: effectiveRules, lang }));
    if (done) {
      show(done.value, lang);
      onWritten?.();
    }
  };

  const clear = async () => {
    const done = await perform('clearing', (port) => clearAllFlags(port));
    if (done) {
      setNotice({ intent: 'success', text: t.cleared });
      onWritten?.();
    }
  };

  const save = async (next: Settings, text: string): Promise<boolean> => {
    const done = await perform('saving', (port) => saveSettings(port, next));
    if (!done) return false;
    setSettings(next);
    setNotice({ intent: 'success', text });
    if (outcome) setStale(true);
    onWritten?.();
    return true;
  };

  const saveDefaults = () => {
    const next: Settings = { ...settings, asOf, lang };
    if (rules) next.rules = rules;
    else delete next.rules;
    void save(next, t.savedDefaults);
  };

  const saveMapping = (sheet: string, mapping: MappingOverride | null): Promise<boolean> => {
    const mappings = { ...settings.mappings };
    if (mapping) mappings[sheet] = mapping;
    else delete mappings[sheet];
    const next: Settings = { ...settings, mappings };
    if (Object.keys(mappings).length === 0) delete next.mappings;
    return save(next, mapping ? t.mappingSaved(sheet) : t.mappingRemoved(sheet));
  };

  const saveRubric = (set: RuleSetId, rubric: Rubric): Promise<boolean> =>
    save({ ...settings, rubrics: { ...settings.rubrics, [set]: rubric } }, t.rubricSaved);

  // Switching the language re-reads the results in that language (messages and reasons come from
  // the engine); it writes nothing. One attempt per language, so a failing host is not retried in a loop.
  const attemptedLang = useRef<Lang | null>(null);
  useEffect(() => {
    if (outcome === null || busy !== null || outcomeLang === lang) {
      if (outcomeLang === lang) attemptedLang.current = null;
      return;
    }
    if (attemptedLang.current === lang) return;
    attemptedLang.current = lang;
    const { asOf: d, rules: r } = outcome.report;
    void perform('reading', (port) => checkBook(port, { asOf: d, rules: r, lang })).then((done) => {
      if (done) show(done.value, lang);
    });
  });

  const report = outcome?.report ?? null;
  const counts = report ? severityCounts(report.findings) : null;
  const headerRowOf = (sheet: string) => report?.sheets.find((x) => x.name === sheet)?.headerRow;

  return (
    <div className={s.root}>
      {error && (
        <MessageBar intent="error" role="alert" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.text}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => setError(null)} />} />
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={() => setNotice(null)} />} />
        </MessageBar>
      )}

      <section className={s.card} aria-label={t.runTitle}>
        <RunOptions
          t={t}
          lang={lang}
          asOf={asOf}
          asOfValid={asOfValid}
          rules={rules}
          busy={busy}
          onAsOf={setAsOf}
          onRules={setRules}
          onCheck={() => void check()}
          onClear={() => void clear()}
          onSaveDefaults={saveDefaults}
        />
      </section>

      {report && counts && (
        <section className={s.card} aria-label={t.findingsTitle} data-testid="summary">
          <div className={s.summary} role="status">
            <Text className={s.strong}>{t.checkedAt(report.asOf, ruleSetText(report.rules, lang))}</Text>
            <Text data-testid="summary-counts">
              {t.summary(report.tasks.length, report.findings.length, counts.error, counts.warning, report.units.length)}
            </Text>
            {stale && <Text italic>{t.stale}</Text>}
          </div>
          {resultActions && <div className={s.resultActions}>{resultActions}</div>}
        </section>
      )}

      {report && report.sheets.length === 0 && (
        <MessageBar intent="warning" data-testid="no-sheets">
          <MessageBarBody>
            <MessageBarTitle>{t.noSheetsTitle}</MessageBarTitle>
            {t.noSheetsBody}
            {report.ignoredSheets.length > 0 && (
              <ul className={s.ignored} aria-label={t.ignoredTitle}>
                {report.ignoredSheets.map((x) => (
                  <li key={x.name}>
                    "{x.name}": {x.reason}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      <Accordion multiple collapsible openItems={open} onToggle={(_, d: AccordionToggleData<Section>) => setOpen(d.openItems)}>
        {report && report.sheets.length > 0 && (
          <AccordionItem value="findings">
            <AccordionHeader as="h2" size="large">
              <span className={s.sectionTitle}>
                {t.findingsTitle} ({report.findings.length})
              </span>
            </AccordionHeader>
            <AccordionPanel className={s.panel}>
              <FindingsPanel
                t={t}
                lang={lang}
                findings={report.findings}
                sheets={findingSheets(report)}
                hostKind={host.kind}
                headerRowOf={headerRowOf}
                goToCell={(sheet, cell, headerRow) => host.goToCell(sheet, cell, headerRow)}
                onError={(e) => setError(describeError(e, t))}
              />
            </AccordionPanel>
          </AccordionItem>
        )}
        {report && report.sheets.length > 0 && (
          <AccordionItem value="units">
            <AccordionHeader as="h2" size="large">
              <span className={s.sectionTitle}>
                {t.unitsTitle} ({report.units.length})
              </span>
            </AccordionHeader>
            <AccordionPanel className={s.panel}>
              <UnitsPanel t={t} lang={lang} units={report.units} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {report && (
          <AccordionItem value="sheets">
            <AccordionHeader as="h2" size="large">
              <span className={s.sectionTitle}>
                {t.sheetsTitle} ({report.sheets.length})
              </span>
            </AccordionHeader>
            <AccordionPanel className={s.panel}>
              <SheetsPanel t={t} lang={lang} report={report} saved={settings.mappings} busy={busy !== null} onSave={saveMapping} />
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="rubric">
          <AccordionHeader as="h2" size="large">
            <span className={s.sectionTitle}>{t.rubricTitle}</span>
          </AccordionHeader>
          <AccordionPanel className={s.panel}>
            <RubricEditor t={t} rules={effectiveRules} rubrics={settings.rubrics} busy={busy !== null} onSave={saveRubric} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
