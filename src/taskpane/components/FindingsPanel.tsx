/**
 * Findings grouped by rule with counts; filters by sheet, rule, severity, lead unit and person, with
 * counts; every finding shows its task in one line and is reachable, page by page. In Excel a
 * finding selects its cell; in browser mode it opens its row.
 */
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
import { LocationRegular, PinOffRegular, PinRegular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { RULE_IDS, SEVERITIES, type Finding, type Report, type RuleId, type Severity } from '../../core/report';
import { formatCount } from '../../i18n/format';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { facetCounts, filterFindings, findingFacets, NO_FILTER, type FindingFacets, type FindingFilter } from '../finding-filter';
import type { CellContext } from '../host';
import { pageItems, pageOf } from '../paging';
import { findingRow, type ReportRows, type RowView as RowData } from '../report-rows';
import { taskLine } from '../task-line';
import { findingSheets, groupByRule, type FindingGroup } from '../view-model';
import { PageNav } from './PageNav';
import { RowView } from './RowView';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filter: { flex: '1 1 120px', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  wideFilter: { flex: '1 1 220px', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { width: '100%', minWidth: 0 },
  mine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
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
  content: { color: tokens.colorNeutralForeground1 },
  facts: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  shown: { display: 'block', marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
});

export interface FindingsPanelProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly report: Report;
  readonly rows: ReportRows;
  readonly hostKind: 'excel' | 'browser';
  /** The unit remembered as the user's own; the list starts filtered to it. */
  readonly myUnit: string | null;
  readonly busy: boolean;
  /** Remember the user's unit in the book; without it (several books), no such control is shown. */
  readonly onSaveMyUnit?: (unit: string | null) => Promise<boolean>;
  readonly goToCell: (sheet: string, cell: string, headerRow?: number) => Promise<CellContext | null>;
  readonly onError: (e: unknown) => void;
}

const keyOf = (f: Finding) => `${f.sheet}\u0000${f.cell}\u0000${f.rule}`;

export function FindingsPanel(p: FindingsPanelProps) {
  const s = useStyles();
  const { t, report } = p;
  const msg = messages(p.lang);
  const facets = useMemo(() => findingFacets(p.rows, report.people), [p.rows, report.people]);
  const units = useMemo(() => new Set(report.tasks.flatMap((x) => x.leadUnits)), [report.tasks]);
  const [filter, setFilter] = useState<FindingFilter>(() => ({ ...NO_FILTER, unit: p.myUnit !== null && units.has(p.myUnit) ? p.myUnit : null }));
  const [pages, setPages] = useState<Readonly<Record<string, number>>>({});
  const shown = useMemo(() => filterFindings(report.findings, filter, facets), [report.findings, filter, facets]);
  const groups = useMemo(() => groupByRule(shown), [shown]);
  const sheets = useMemo(() => findingSheets(report), [report]);
  const rulesPresent = useMemo(() => RULE_IDS.filter((r) => report.findings.some((f) => f.rule === r)), [report.findings]);
  const unitChoices = useMemo(() => withChosen(facetCounts(report.findings, filter, facets, 'unit'), filter.unit), [report.findings, filter, facets]);
  const personChoices = useMemo(
    () => (report.people.length > 0 ? withChosen(facetCounts(report.findings, filter, facets, 'person'), filter.person) : []),
    [report.findings, report.people.length, filter, facets],
  );

  const change = (next: Partial<FindingFilter>) => {
    setFilter({ ...filter, ...next });
    setPages({});
  };

  if (report.findings.length === 0) return <Text>{t.noFindings}</Text>;

  return (
    <div>
      <div className={s.filters} role="group" aria-label={t.findingsTitle}>
        <Field className={s.filter} label={t.filterSheet}>
          <Select className={s.select} value={filter.sheet ?? ''} onChange={(_, d) => change({ sheet: d.value || null })}>
            <option value="">{t.all}</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.filter} label={t.filterRule}>
          <Select className={s.select} value={filter.rule ?? ''} onChange={(_, d) => change({ rule: (d.value || null) as RuleId | null })}>
            <option value="">{t.all}</option>
            {rulesPresent.map((r) => (
              <option key={r} value={r}>
                {t.rule[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.filter} label={t.filterSeverity}>
          <Select className={s.select} value={filter.severity ?? ''} onChange={(_, d) => change({ severity: (d.value || null) as Severity | null })}>
            <option value="">{t.all}</option>
            {SEVERITIES.map((sev) => (
              <option key={sev} value={sev}>
                {msg[`severity_${sev}`]()}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={s.wideFilter} label={t.filterUnit}>
          <Select className={s.select} value={filter.unit ?? ''} onChange={(_, d) => change({ unit: d.value || null })} data-testid="filter-unit">
            <option value="">{t.all}</option>
            {unitChoices.map((c) => (
              <option key={c.name} value={c.name}>
                {t.withCount(c.name === p.myUnit ? `${c.name} (${t.myUnitMark})` : c.name, c.count)}
              </option>
            ))}
          </Select>
        </Field>
        {personChoices.length > 0 && (
          <Field className={s.wideFilter} label={t.filterPerson}>
            <Select className={s.select} value={filter.person ?? ''} onChange={(_, d) => change({ person: d.value || null })} data-testid="filter-person">
              <option value="">{t.all}</option>
              {personChoices.map((c) => (
                <option key={c.name} value={c.name}>
                  {t.withCount(c.name, c.count)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {filter.unit !== null && p.onSaveMyUnit && (
        <div className={s.mine}>
          {filter.unit === p.myUnit ? (
            <Button size="small" appearance="subtle" icon={<PinOffRegular />} disabled={p.busy} onClick={() => void p.onSaveMyUnit?.(null)}>
              {t.forgetMyUnit}
            </Button>
          ) : (
            <Button size="small" icon={<PinRegular />} disabled={p.busy} onClick={() => void p.onSaveMyUnit?.(filter.unit)}>
              {t.rememberMyUnit}
            </Button>
          )}
        </div>
      )}
      <Text className={s.shown} size={200} role="status" aria-live="polite" data-testid="findings-shown">
        {t.shown(shown.length, report.findings.length)}
      </Text>
      {groups.length === 0 ? (
        <Text>{t.noMatch}</Text>
      ) : (
        <Accordion multiple collapsible>
          {groups.map((g) => (
            <RuleGroup key={g.rule} {...p} group={g} page={pages[g.rule] ?? 0} onPage={(i) => setPages({ ...pages, [g.rule]: i })} facets={facets} />
          ))}
        </Accordion>
      )}
    </div>
  );
}

/** The chosen unit or person stays in the list even when the other filters leave it nothing. */
function withChosen(choices: { name: string; count: number }[], chosen: string | null): { name: string; count: number }[] {
  return chosen === null || choices.some((c) => c.name === chosen) ? choices : [...choices, { name: chosen, count: 0 }];
}

interface RuleGroupProps extends FindingsPanelProps {
  readonly group: FindingGroup;
  readonly page: number;
  readonly onPage: (index: number) => void;
  readonly facets: FindingFacets;
}

function RuleGroup(p: RuleGroupProps) {
  const s = useStyles();
  const { t, group: g } = p;
  const msg = messages(p.lang);
  const page = pageOf(g.findings.length, p.page);
  const [opened, setOpened] = useState<{ key: string; view: RowData | null } | null>(null);
  const nav = page.pages > 1 && <PageNav t={t} lang={p.lang} label={t.pageNav(t.rule[g.rule])} page={page} total={g.findings.length} onPage={p.onPage} />;
  return (
    <AccordionItem value={g.rule} data-rule={g.rule} data-count={g.findings.length}>
      <AccordionHeader size="small" as="h3">
        <span className={s.header}>
          <span>{t.rule[g.rule]}</span>
          <CounterBadge count={g.findings.length} overflowCount={9_999_999} appearance="filled" color={g.severity === 'error' ? 'danger' : 'informative'} aria-label={formatCount(g.findings.length, p.lang)} />
          <Badge appearance="tint" color={g.severity === 'error' ? 'danger' : 'warning'} size="small">
            {msg[`severity_${g.severity}`]()}
          </Badge>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {nav}
        <ul className={s.list}>
          {pageItems(g.findings, page).map((f) => (
            <FindingItem
              key={keyOf(f)}
              {...p}
              finding={f}
              opened={opened?.key === keyOf(f) ? opened : null}
              onOpen={(view) => setOpened(view === undefined ? null : { key: keyOf(f), view })}
            />
          ))}
        </ul>
        {nav}
      </AccordionPanel>
    </AccordionItem>
  );
}

interface FindingItemProps extends FindingsPanelProps {
  readonly finding: Finding;
  readonly opened: { view: RowData | null } | null;
  /** A row to show, null when the row cannot be shown, undefined to close. */
  readonly onOpen: (view: RowData | null | undefined) => void;
}

function FindingItem(p: FindingItemProps) {
  const s = useStyles();
  const { t, finding: f } = p;
  const button = useRef<HTMLButtonElement>(null);
  const line = taskLine(f, p.rows, t);
  const browser = p.hostKind === 'browser';
  const label = browser ? t.goToCellBrowser(f.sheet, f.cell) : t.goToCellExcel(f.sheet, f.cell);
  const close = () => {
    p.onOpen(undefined);
    button.current?.focus();
  };
  const go = async () => {
    if (browser) {
      if (p.opened) close();
      else p.onOpen(p.rows.rowView(f));
      return;
    }
    try {
      await p.goToCell(f.sheet, f.cell, p.report.sheets.find((x) => x.name === f.sheet)?.headerRow);
    } catch (e) {
      p.onError(e);
    }
  };
  return (
    <li
      onKeyDown={(e) => {
        if (e.key === 'Escape' && p.opened) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <Button
        ref={button}
        className={s.item}
        appearance="subtle"
        size="small"
        icon={<LocationRegular />}
        onClick={() => void go()}
        aria-expanded={browser ? p.opened !== null : undefined}
        title={label}
        data-cell={`${f.sheet}!${f.cell}`}
      >
        <span className={s.itemText}>
          <span className={s.where}>
            {f.sheet}!{f.cell} · {f.message}
          </span>
          {line && (
            <>
              <span className={s.content} data-testid="task-content">
                {line.content}
              </span>
              {line.facts !== '' && (
                <span className={s.facts} data-testid="task-facts">
                  {line.facts}
                </span>
              )}
            </>
          )}
        </span>
      </Button>
      {p.opened &&
        (p.opened.view ? (
          <RowView t={t} view={p.opened.view} onClose={close} />
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t.rowNotFound(f.sheet, findingRow(f))}</MessageBarBody>
          </MessageBar>
        ))}
    </li>
  );
}
