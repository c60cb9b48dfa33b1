/**
 * People in charge and directing leaders (SPEC 1.3): their task counts, most overdue first as the
 * report orders them, sortable. No score and no level: an individual's evaluation weighs much that no
 * sheet holds.
 */
import { Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { PersonReport } from '../../core/report';
import { formatCount } from '../../i18n/format';
import type { Lang } from '../../i18n/messages';
import { peopleText } from '../../i18n/people';
import type { PaneText } from '../../i18n/pane';
import { sortPeople, type PersonSortKey, type SortDirection } from '../view-model';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { display: 'block', color: tokens.colorNeutralForeground2 },
  num: { textAlign: 'right', whiteSpace: 'nowrap', width: '5em' },
  wide: { '@media (max-width: 599px)': { display: 'none' } },
  narrowOnly: { '@media (min-width: 600px)': { display: 'none' } },
  sortRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalS },
  sortField: { flex: '1 1 auto', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
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
  const [key, setKey] = useState<PersonSortKey>('report');
  const [dir, setDir] = useState<SortDirection>('ascending');
  const sorted = useMemo(() => sortPeople(people, key, dir), [people, key, dir]);
  const n = (x: number) => formatCount(x, lang);

  if (people.length === 0) return <Text>{t.noPeople}</Text>;

  const choose = (k: PersonSortKey) => {
    setKey(k);
    setDir(k === 'name' ? 'ascending' : 'descending');
  };
  const sortProps = (k: PersonSortKey, label: string) => ({
    sortDirection: key === k ? dir : undefined,
    onClick: () => (key === k ? setDir(dir === 'ascending' ? 'descending' : 'ascending') : choose(k)),
    title: t.sortBy(label),
  });

  return (
    <div>
      <Text className={s.hint} size={200}>
        {t.peopleHint}
      </Text>
      <div className={mergeClasses(s.sortRow, s.narrowOnly)}>
        <Field className={s.sortField} label={t.sortPeople}>
          <Select value={key === 'report' ? 'overdue' : key} onChange={(_, d) => choose(d.value as PersonSortKey)}>
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
