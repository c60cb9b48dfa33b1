/**
 * The task pane. It takes the host (a WorkbookPort plus "go to cell") as a prop; its state and the
 * use cases it calls live in usePane(). It renders the report, it never recomputes it.
 */
import { Accordion, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ruleSetText } from '../core/rule-sets/registry';
import { formatCount } from '../i18n/format';
import type { Lang } from '../i18n/messages';
import { paneText } from '../i18n/pane';
import type { CheckOutcome } from '../usecases/check-workbook';
import { FindingsPanel } from './components/FindingsPanel';
import { PeoplePanel } from './components/PeoplePanel';
import { RubricEditor } from './components/RubricEditor';
import { RunOptions } from './components/RunOptions';
import { Section, type SectionId } from './components/Section';
import { SheetsPanel } from './components/SheetsPanel';
import { UnitsPanel } from './components/UnitsPanel';
import type { PaneHost } from './host';
import { CARD, COLUMN } from './styles';
import { usePane } from './use-pane';
import { mappableSheets, severityCounts } from './view-model';

const useStyles = makeStyles({
  root: COLUMN,
  card: CARD,
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  strong: { fontWeight: tokens.fontWeightSemibold },
  resultActions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PaneProps {
  readonly host: PaneHost;
  readonly lang: Lang;
  /** Extra actions under the results summary (browser mode: download the annotated copy). */
  readonly resultActions?: ReactNode;
  /** Called after each check that wrote its flags and KQ sheets into the book. */
  readonly onChecked?: (outcome: CheckOutcome) => void;
  /** An as-of date carried over from the previous book (browser mode). */
  readonly initialAsOf?: string;
  readonly onAsOfChange?: (iso: string) => void;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

export function Pane({ host, lang, resultActions, onChecked, initialAsOf, onAsOfChange, now }: PaneProps) {
  const s = useStyles();
  const t = paneText(lang);
  const [open, setOpen] = useState<SectionId[]>(['findings', 'units']);
  const pane = usePane({
    host,
    lang,
    now,
    initialAsOf,
    onAsOfChange,
    onChecked: (o) => {
      // A book without any recognised sheet opens the sheets section, where columns are chosen by hand.
      if (o.report.sheets.length === 0) setOpen((prev) => (prev.includes('sheets') ? prev : [...prev, 'sheets']));
      onChecked?.(o);
    },
  });
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const report = pane.outcome?.report ?? null;

  // After a check, the results heading takes the focus: a screen reader says where the results are.
  useEffect(() => {
    if (pane.checks > 0) resultsHeading.current?.focus();
  }, [pane.checks]);

  const counts = report ? severityCounts(report.findings) : null;
  const busy = pane.busy !== null;

  return (
    <div className={s.root}>
      {pane.error && (
        <MessageBar intent="error" role="alert" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{pane.error.title}</MessageBarTitle>
            {pane.error.text}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={pane.dismissError} />} />
        </MessageBar>
      )}
      {pane.notice && (
        <MessageBar intent={pane.notice.intent} data-testid="notice">
          <MessageBarBody>{pane.notice.text}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={pane.dismissNotice} />} />
        </MessageBar>
      )}
      {pane.hostNotices.length > 0 && (
        <MessageBar intent="warning" data-testid="host-notices">
          <MessageBarBody>
            <MessageBarTitle>{t.noticesTitle}</MessageBarTitle>
            <ul className={s.list}>
              {pane.hostNotices.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} icon={<DismissRegular />} onClick={pane.dismissHostNotices} />} />
        </MessageBar>
      )}

      <section className={s.card} aria-label={t.runTitle}>
        <RunOptions
          t={t}
          lang={lang}
          hostKind={host.kind}
          asOf={pane.asOf}
          asOfValid={pane.asOfValid}
          rules={pane.rules}
          busy={pane.busy}
          onAsOf={pane.setAsOf}
          onRules={pane.setRules}
          onCheck={() => void pane.check()}
          onClear={() => void pane.clear()}
          onSaveDefaults={() => void pane.saveDefaults()}
        />
      </section>

      {report && counts && (
        <section className={s.card} aria-labelledby={headingId} data-testid="summary">
          <div className={s.summary}>
            <h2 className={s.heading} id={headingId} ref={resultsHeading} tabIndex={-1}>
              {t.resultsTitle}
            </h2>
            <Text className={s.strong} data-testid="checked-at">
              {t.checkedAt(report.asOf, ruleSetText(report.rules, lang))}
            </Text>
            <Text data-testid="summary-counts">
              {t.summary(report.tasks.length, report.findings.length, counts.error, counts.warning, report.units.length)}
            </Text>
            {pane.stale && <Text italic>{t.stale}</Text>}
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
              <ul className={s.list} aria-label={t.ignoredTitle}>
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

      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as SectionId[])}>
        {report && pane.rows && report.sheets.length > 0 && (
          <Section id="findings" title={t.findingsTitle} count={formatCount(report.findings.length, lang)}>
            <FindingsPanel
              t={t}
              lang={lang}
              report={report}
              rows={pane.rows}
              hostKind={host.kind}
              myUnit={pane.settings.myUnit ?? null}
              busy={busy}
              onSaveMyUnit={pane.saveMyUnit}
              goToCell={(sheet, cell, headerRow) => host.goToCell(sheet, cell, headerRow)}
              onError={pane.showError}
            />
          </Section>
        )}
        {report && report.sheets.length > 0 && (
          <Section id="units" title={t.unitsTitle} count={formatCount(report.units.length, lang)}>
            <UnitsPanel t={t} lang={lang} report={report} findingsLang={pane.outcomeLang} myUnit={pane.settings.myUnit ?? null} />
          </Section>
        )}
        {report && report.sheets.length > 0 && (
          <Section id="people" title={t.peopleTitle} count={formatCount(report.people.length, lang)}>
            <PeoplePanel t={t} lang={lang} people={report.people} />
          </Section>
        )}
        {report && (
          <Section id="sheets" title={t.sheetsTitle} count={formatCount(mappableSheets(report).length, lang)}>
            <SheetsPanel t={t} lang={lang} report={report} saved={pane.settings.mappings} busy={busy} onSave={pane.saveMapping} />
          </Section>
        )}
        <Section id="rubric" title={t.rubricTitle}>
          <RubricEditor t={t} rules={pane.effectiveRules} rubrics={pane.settings.rubrics} busy={busy} onSave={pane.saveRubric} />
        </Section>
      </Accordion>
    </div>
  );
}
