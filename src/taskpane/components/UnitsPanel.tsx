/**
 * Units' scores and suggested levels: best level first, by score within a level; the reason that
 * decided the level first; units outside the registry marked with the nearest registry name; the
 * charts above the table.
 */
import {
  Badge,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useMemo } from 'react';
import type { Level, Report } from '../../core/report';
import { unitKey } from '../../core/values';
import { formatCount, formatDecimal } from '../../i18n/format';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { outsideRegistry } from '../registry-marks';
import { lateOf, sortUnits, type UnitSortKey } from '../view-model';
import { NarrowSort, useColumnSort } from './ColumnSort';

const UnitCharts = lazy(() => import('./UnitCharts'));

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'auto' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  nameCell: { minWidth: '8em' },
  facts: { display: 'block', color: tokens.colorNeutralForeground2 },
  decided: { display: 'block', color: tokens.colorNeutralForeground1, marginTop: tokens.spacingVerticalXXS },
  reasons: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
  outside: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1, marginTop: tokens.spacingVerticalXXS },
  badge: { whiteSpace: 'normal', height: 'auto', paddingTop: '1px', paddingBottom: '1px' },
  narrowBadge: { marginTop: tokens.spacingVerticalXXS, '@media (min-width: 600px)': { display: 'none' } },
  narrowOnly: { '@media (min-width: 600px)': { display: 'none' } },
  num: { textAlign: 'right', whiteSpace: 'nowrap', width: '4.5em' },
  level: { width: '7.5em' },
  wide: { '@media (max-width: 599px)': { display: 'none' } },
  hint: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

const LEVEL_COLOUR: Record<Level, 'success' | 'brand' | 'warning' | 'danger'> = {
  excellent: 'success',
  good: 'brand',
  completed: 'warning',
  not_completed: 'danger',
};

const SORT_KEYS: readonly (readonly [UnitSortKey, 'sortLevelScore' | 'colScore' | 'colUnit' | 'colDue' | 'colLate' | 'colViolations'])[] = [
  ['level', 'sortLevelScore'],
  ['score', 'colScore'],
  ['name', 'colUnit'],
  ['due', 'colDue'],
  ['late', 'colLate'],
  ['violations', 'colViolations'],
];

export interface UnitsPanelProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly report: Report;
  /** The language the report's findings were written in (to read its unknown-unit findings). */
  readonly findingsLang: Lang;
  readonly myUnit: string | null;
}

export function UnitsPanel({ t, lang, report, findingsLang, myUnit }: UnitsPanelProps) {
  const s = useStyles();
  const msg = messages(lang);
  const { units } = report;
  const sort = useColumnSort<UnitSortKey>(t, 'level', 'descending');
  const sorted = useMemo(() => sortUnits(units, sort.key, sort.dir), [units, sort.key, sort.dir]);
  const outside = useMemo(() => outsideRegistry(report.findings, findingsLang), [report.findings, findingsLang]);

  if (units.length === 0) return <Text>{t.noUnits}</Text>;

  const sortProps = sort.header;

  return (
    <div>
      <Text className={s.hint} size={200}>
        {t.unitsHint}
      </Text>
      <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
        <UnitCharts t={t} lang={lang} units={units} />
      </Suspense>
      <NarrowSort t={t} label={t.sortUnits} columns={SORT_KEYS.map(([k, label]) => [k, t[label]] as const)} value={sort.key} sort={sort} />
      <Table className={s.table} sortable size="small" aria-label={t.unitsTitle} data-testid="units-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.nameCell} {...sortProps('name', t.colUnit)}>
              {t.colUnit}
            </TableHeaderCell>
            <TableHeaderCell className={s.num} {...sortProps('score', t.colScore)}>
              {t.colScore}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.level, s.wide)} {...sortProps('level', t.colLevel)}>
              {t.colLevel}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)} {...sortProps('due', t.colDue)}>
              {t.colDue}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)} {...sortProps('late', t.colLate)}>
              {t.colLate}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)} {...sortProps('violations', t.colViolations)}>
              {t.colViolations}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((u) => {
            const unitKeyOf = unitKey(u.name);
            const isOutside = outside.has(unitKeyOf);
            const nearest = outside.get(unitKeyOf) ?? null;
            const [decided, ...more] = u.reasons;
            return (
              <TableRow key={u.name} data-unit={u.name} data-level={u.level} data-score={u.score} data-decided-by={u.decidedBy} data-outside={isOutside || undefined}>
                <TableCell className={s.cell}>
                  <div>
                    <span className={s.name}>{u.name}</span>
                    {u.type && <Text size={200}> · {u.type}</Text>}
                    {u.name === myUnit && <Text size={200}> · {t.myUnitMark}</Text>}
                    {isOutside && (
                      <>
                        {' '}
                        <Badge appearance="outline" color="warning" size="small">
                          {t.outsideRegistry}
                        </Badge>
                      </>
                    )}
                  </div>
                  {isOutside && (
                    <Text size={200} className={s.outside} data-testid="unit-nearest">
                      {nearest !== null ? t.nearestInRegistry(nearest) : t.notInRegistry}
                    </Text>
                  )}
                  <Text size={200} className={s.facts}>
                    {t.unitFacts(u.due, lateOf(u), u.openOverdue, u.violations)}
                  </Text>
                  {u.head && (
                    <Text size={200} className={s.facts}>
                      {t.head(u.head)}
                    </Text>
                  )}
                  <div className={s.narrowBadge}>
                    <Badge appearance="tint" color={LEVEL_COLOUR[u.level]} shape="rounded" className={s.badge}>
                      {msg[`level_${u.level}`]()}
                    </Badge>
                  </div>
                  {decided !== undefined && (
                    <Text size={200} className={s.decided} data-testid="unit-decided">
                      <strong>{t.decidingReason}:</strong> {decided}
                    </Text>
                  )}
                  {more.length > 0 && (
                    <Text size={200} className={s.reasons}>
                      {t.moreReasons}: {more.join('; ')}
                    </Text>
                  )}
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.num)} data-testid="unit-score">
                  {formatDecimal(u.score, lang)}
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.wide)}>
                  <Badge appearance="tint" color={LEVEL_COLOUR[u.level]} shape="rounded" className={s.badge} data-testid="unit-level">
                    {msg[`level_${u.level}`]()}
                  </Badge>
                </TableCell>
                <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{formatCount(u.due, lang)}</TableCell>
                <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{formatCount(lateOf(u), lang)}</TableCell>
                <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{formatCount(u.violations, lang)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
