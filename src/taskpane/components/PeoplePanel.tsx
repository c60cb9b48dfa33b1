/**
 * People in charge and directing leaders (SPEC 1.3): their task counts, most overdue first as the
 * report orders them, sortable. No score and no level: an individual's evaluation weighs much that no
 * sheet holds.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { PersonReport } from '../../core/report';
import { formatCount } from '../../i18n/format';
import type { Lang } from '../../i18n/messages';
import { peopleText } from '../../i18n/people';
import type { PaneText } from '../../i18n/pane';
import { sortPeople, type PersonSortKey } from '../view-model';
import { NarrowSort, useColumnSort } from './ColumnSort';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { display: 'block', color: tokens.colorNeutralForeground2 },
  num: { textAlign: 'right', whiteSpace: 'nowrap', width: '5em' },
  wide: { '@media (max-width: 599px)': { display: 'none' } },
  narrowOnly: { '@media (min-width: 600px)': { display: 'none' } },
  hint: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

const SORT_KEYS: readonly (readonly [PersonSortKey, 'colOverdue' | 'colPerson' | 'colDue'])[] = [
  ['overdue', 'colOverdue'],
  ['name', 'colPerson'],
  ['due', 'colDue'],
];

export function PeoplePanel({ t, lang, people }: { t: PaneText; lang: Lang; people: readonly PersonReport[] }) {
  const s = useStyles();
  // The report's own order (role, then most overdue) until the reader picks a column.
  const sort = useColumnSort<PersonSortKey>(t, 'report', 'ascending');
  const sorted = useMemo(() => sortPeople(people, sort.key, sort.dir), [people, sort.key, sort.dir]);
  const n = (x: number) => formatCount(x, lang);

  if (people.length === 0) return <Text>{t.noPeople}</Text>;

  const sortProps = sort.header;

  return (
    <div>
      <Text className={s.hint} size={200}>
        {t.peopleHint}
      </Text>
      <NarrowSort t={t} label={t.sortPeople} columns={SORT_KEYS.map(([k, label]) => [k, t[label]] as const)} value={sort.key === 'report' ? 'overdue' : sort.key} sort={sort} />
      <Table className={s.table} sortable size="small" aria-label={t.peopleTitle} data-testid="people-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell {...sortProps('name', t.colPerson)}>{t.colPerson}</TableHeaderCell>
            <TableHeaderCell className={s.num} {...sortProps('overdue', t.colOverdue)}>
              {t.colOverdue}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)} {...sortProps('due', t.colDue)}>
              {t.colDue}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)}>{t.colDoneLate}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(s.num, s.wide)}>{t.colOnTime}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((p) => (
            <TableRow key={`${p.role}\u0000${p.name}`} data-person={p.name} data-role={p.role} data-overdue={p.openOverdue}>
              <TableCell className={s.cell}>
                <span className={s.name}>{p.name}</span>
                <Text size={200} className={s.facts}>
                  {peopleText(lang).role[p.role]}
                </Text>
                <Text size={200} className={mergeClasses(s.facts, s.narrowOnly)}>
                  {t.personFacts(p.due, p.openOverdue, p.doneLate)}
                </Text>
              </TableCell>
              <TableCell className={mergeClasses(s.cell, s.num)}>{n(p.openOverdue)}</TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{n(p.due)}</TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{n(p.doneLate)}</TableCell>
              <TableCell className={mergeClasses(s.cell, s.num, s.wide)}>{n(p.doneOnTime)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
