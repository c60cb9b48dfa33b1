/**
 * Sorting a table by its columns: click a header to sort by it (again to turn the order round), or,
 * where the table is too narrow for its headers, pick the column in a list beside an order button.
 * The units and the people tables sort this way.
 */
import { Button, Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { PaneText } from '../../i18n/pane';
import type { SortDirection } from '../view-model';

const useStyles = makeStyles({
  narrowOnly: { '@media (min-width: 600px)': { display: 'none' } },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalS },
  field: { flex: '1 1 auto', minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' },
});

export interface ColumnSort<K extends string> {
  readonly key: K;
  readonly dir: SortDirection;
  /** Sort by this column: names A to Z, figures largest first. */
  choose(k: K): void;
  /** Turn the order round. */
  flip(): void;
  /** The props of a sortable header cell for this column. */
  header(k: K, label: string): { sortDirection: SortDirection | undefined; onClick: () => void; title: string };
}

export function useColumnSort<K extends string>(t: PaneText, initialKey: K, initialDir: SortDirection): ColumnSort<K> {
  const [key, setKey] = useState<K>(initialKey);
  const [dir, setDir] = useState<SortDirection>(initialDir);
  const flip = () => setDir(dir === 'ascending' ? 'descending' : 'ascending');
  const choose = (k: K) => {
    setKey(k);
    setDir(k === 'name' ? 'ascending' : 'descending');
  };
  return {
    key,
    dir,
    choose,
    flip,
    header: (k, label) => ({ sortDirection: key === k ? dir : undefined, onClick: () => (key === k ? flip() : choose(k)), title: t.sortBy(label) }),
  };
}

/** The list-and-button sort, shown only where the table is narrow. */
export function NarrowSort<K extends string>({ t, label, columns, value, sort }: { t: PaneText; label: string; columns: readonly (readonly [K, string])[]; value: K; sort: ColumnSort<K> }) {
  const s = useStyles();
  const order = sort.dir === 'ascending' ? t.sortAscending : t.sortDescending;
  return (
    <div className={mergeClasses(s.row, s.narrowOnly)}>
      <Field className={s.field} label={label}>
        <Select value={value} onChange={(_, d) => sort.choose(d.value as K)}>
          {columns.map(([k, text]) => (
            <option key={k} value={k}>
              {text}
            </option>
          ))}
        </Select>
      </Field>
      <Button icon={sort.dir === 'ascending' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular />} onClick={sort.flip} aria-label={order} title={order} />
    </div>
  );
}
