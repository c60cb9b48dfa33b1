/** Units' scores and suggested levels with their reasons, sortable. */
import {
  Badge,
  Button,
  Field,
  Select,
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
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Level, UnitReport } from '../../core/report';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { lateOf, sortUnits, type SortDirection, type UnitSortKey } from '../view-model';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'auto' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  nameCell: { minWidth: '8em' },
  facts: { display: 'block', color: tokens.colorNeutralForeground3 },
  reasons: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXXS },
  badge: { whiteSpace: 'normal', height: 'auto', paddingTop: '1px', paddingBottom: '1px' },
  narrowBadge: { marginTop: tokens.spacingVerticalXXS, '@media (min-width: 600px)': { display: 'none' } },
  narrowOnly: { '@media (min-width: 600px)': { display: 'none' } },
  sortRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalS },
  sortField: { flex: '1 1 auto', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
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

const SORT_KEYS: readonly (readonly [UnitSortKey, 'colScore' | 'colLevel' | 'colUnit' | 'colDue' | 'colLate' | 'colViolations'])[] = [
  ['score', 'colScore'],
  ['level', 'colLevel'],
  ['name', 'colUnit'],
  ['due', 'colDue'],
  ['late', 'colLate'],
  ['violations', 'colViolations'],
];

export function UnitsPanel({ t, lang, units }: { t: PaneText; lang: Lang; units: readonly UnitReport[] }) {
  const s = useStyles();
  const msg = messages(lang);
  const [key, setKey] = useState<UnitSortKey>('score');
  const [dir, setDir] = useState<SortDirection>('descending');
  const sorted = useMemo(() => sortUnits(units, key, dir), [units, key, dir]);
  const fmt = useMemo(() => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }), [lang]);

  if (units.length === 0) return <Text>{t.noUnits}</Text>;

  const sortProps = (k: UnitSortKey, label: string) => ({
    sortDirection: key === k ? dir : undefined,
    onClick: () => {
      if (key === k) setDir(dir === 'ascending' ? 'descending' : 'ascending');
      else {
        setKey(k);
        setDir(k === 'name' ? 'ascending' : 'descending');
      }
    },
    title: t.sortBy(label),
  });

  return (
    <div>
      <Text className={s.hint} size={200}>
        {t.unitsHint}
      </Text>
      <div className={mergeClasses(s.sortRow, s.narrowOnly)}>
        <Field className={s.sortField} label={t.sortUnits}>
          <Select
            value={key}
            onChange={(_, d) => {
              const k = d.value as UnitSortKey;
              setKey(k);
              setDir(k === 'name' ? 'ascending' : 'descending');
            }}
          >
            {SORT_KEYS.map(([k, label]) => (
              <option key={k} value={k}>
                {t[label]}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          icon={dir === 'ascending' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular />}
          onClick={() => setDir(dir === 'ascending' ? 'descending' : 'ascending')}
          aria-label={dir === 'ascending' ? t.sortAscending : t.sortDescending}
          title={dir === 'ascending' ? t.sortAscending : t.sortDescending}
        />
      </div>
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
          {sorted.map((u) => (
            <TableRow key={u.name} data-unit={u.name} data-level={u.level} data-score={u.score}>
              <TableCell className={s.cell}>
                <div>
                  <span className={s.name}>{u.name}</span>
                  {u.type && <Text size={200}> · {u.type}</Text>}
                </div>
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
                <Text size={200} className={s.reasons}>
                  {t.reasons}: {u.reasons.join('; ')}
                </Text>
              </TableCell>
              <TableCell className={mergeClasses(s.cell, s.num)} data-testid="unit-score">
                {fmt.format(u.score)}
              </TableCell>
              <TableCell className={mergeClasses(s.cell, s.wide)}>
                <Badge appearance="tint" color={LEVEL_COLOUR[u.level]} shape="rounded" className={s.badge} data-testid="unit-level">
                  {msg[`level_${u.level}`]()}
                </Badge>
              </TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{u.due}</TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{lateOf(u)}</TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{u.violations}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
