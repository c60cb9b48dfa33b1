/** Findings grouped by rule with counts, filters by sheet, rule and severity; each one goes to its cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  CounterBadge,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, LocationRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { RULE_IDS, SEVERITIES, type Finding, type RuleId, type Severity } from '../../core/report';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import type { CellContext } from '../host';
import { filterFindings, groupByRule, NO_FILTER, type FindingFilter } from '../view-model';
import { CellContextView } from './CellContextView';

/** Rendering thousands of buttons helps nobody; filters narrow the rest. */
const MAX_PER_GROUP = 200;

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: { flex: '1 1 120px', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { width: '100%', minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  where: { fontWeight: tokens.fontWeightSemibold },
  shown: { display: 'block', marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
  context: {
    position: 'relative',
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
    paddingRight: '32px',
    minWidth: 0,
  },
  close: { position: 'absolute', top: 0, right: 0 },
  panel: { marginLeft: 0, marginRight: 0 },
});

export interface FindingsPanelProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly findings: readonly Finding[];
  readonly sheets: readonly string[];
  readonly hostKind: 'excel' | 'browser';
  readonly headerRowOf: (sheet: string) => number | undefined;
  readonly goToCell: (sheet: string, cell: string, headerRow?: number) => Promise<CellContext | null>;
  readonly onError: (e: unknown) => void;
}

type Opened = { key: string; context: CellContext | null };

const keyOf = (f: Finding, i: number) => `${f.sheet}\u0000${f.cell}\u0000${f.rule}\u0000${i}`;

export function FindingsPanel(p: FindingsPanelProps) {
  const s = useStyles();
  const { t } = p;
  const msg = messages(p.lang);
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [opened, setOpened] = useState<Opened | null>(null);
  const shown = useMemo(() => filterFindings(p.findings, filter), [p.findings, filter]);
  const groups = useMemo(() => groupByRule(shown), [shown]);
  const rulesPresent = useMemo(() => RULE_IDS.filter((r) => p.findings.some((f) => f.rule === r)), [p.findings]);

  const go = async (f: Finding, key: string) => {
    try {
      const context = await p.goToCell(f.sheet, f.cell, p.headerRowOf(f.sheet));
      if (p.hostKind === 'browser') setOpened({ key, context });
    } catch (e) {
      p.onError(e);
    }
  };

  if (p.findings.length === 0) return <Text>{t.noFindings}</Text>;

  return (
    <div>
      <div className={s.filters} role="group" aria-label={t.findingsTitle}>
        <Field className={s.filter} label={t.filterSheet}>
          <Select className={s.select} value={filter.sheet ?? ''} onChange={(_, d) => setFilter({ ...filter, sheet: d.value || null })}>
            <option value="">{t.all}</option>
            {p.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.filter} label={t.filterRule}>
          <Select className={s.select} value={filter.rule ?? ''} onChange={(_, d) => setFilter({ ...filter, rule: (d.value || null) as RuleId | null })}>
            <option value="">{t.all}</option>
            {rulesPresent.map((r) => (
              <option key={r} value={r}>
                {t.rule[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.filter} label={t.filterSeverity}>
          <Select
            className={s.select}
            value={filter.severity ?? ''}
            onChange={(_, d) => setFilter({ ...filter, severity: (d.value || null) as Severity | null })}
          >
            <option value="">{t.all}</option>
            {SEVERITIES.map((sev) => (
              <option key={sev} value={sev}>
                {msg[`severity_${sev}`]()}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={s.shown} size={200} role="status" aria-live="polite" data-testid="findings-shown">
        {t.shown(shown.length, p.findings.length)}
      </Text>
      {groups.length === 0 ? (
        <Text>{t.noMatch}</Text>
      ) : (
        <Accordion multiple collapsible>
          {groups.map((g) => (
            <AccordionItem key={g.rule} value={g.rule} data-rule={g.rule} data-count={g.findings.length}>
              <AccordionHeader size="small">
                <span className={s.header}>
                  <span>{t.rule[g.rule]}</span>
                  <CounterBadge count={g.findings.length} overflowCount={99_999} appearance="filled" color={g.severity === 'error' ? 'danger' : 'informative'} />
                  <Badge appearance="tint" color={g.severity === 'error' ? 'danger' : 'warning'} size="small">
                    {msg[`severity_${g.severity}`]()}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel className={s.panel}>
                <ul className={s.list}>
                  {g.findings.slice(0, MAX_PER_GROUP).map((f, i) => {
                    const key = keyOf(f, i);
                    const isOpen = opened?.key === key;
                    const label = p.hostKind === 'excel' ? t.goToCellExcel(f.sheet, f.cell) : t.goToCellBrowser(f.sheet, f.cell);
                    return (
                      <li key={key}>
                        <Button
                          className={s.item}
                          appearance="subtle"
                          size="small"
                          icon={<LocationRegular />}
                          onClick={() => (isOpen ? setOpened(null) : void go(f, key))}
                          aria-expanded={p.hostKind === 'browser' ? isOpen : undefined}
                          title={label}
                          data-cell={`${f.sheet}!${f.cell}`}
                        >
                          <span className={s.itemText}>
                            <span className={s.where}>
                              {f.sheet}!{f.cell}
                            </span>
                            <span>{f.message}</span>
                          </span>
                        </Button>
                        {isOpen && (
                          <div className={s.context}>
                            {opened.context ? (
                              <CellContextView t={t} context={opened.context} />
                            ) : (
                              <MessageBar intent="warning">
                                <MessageBarBody>{t.cellNotFound(f.sheet, f.cell)}</MessageBarBody>
                              </MessageBar>
                            )}
                            <Button
                              className={s.close}
                              appearance="subtle"
                              size="small"
                              icon={<DismissRegular />}
                              aria-label={t.closeContext}
                              title={t.closeContext}
                              onClick={() => setOpened(null)}
                            />
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {g.findings.length > MAX_PER_GROUP && <Text size={200}>{t.moreInGroup(g.findings.length - MAX_PER_GROUP)}</Text>}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </div>
  );
}
