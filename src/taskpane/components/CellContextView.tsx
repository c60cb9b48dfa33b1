/** Browser mode: the cells around a finding, with the finding's cell highlighted. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { PaneText } from '../../i18n/pane';
import type { CellContext } from '../host';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%', flex: '1 1 auto', minWidth: 0 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    maxWidth: '14em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  target: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorPaletteRedBackground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function CellContextView({ t, context }: { t: PaneText; context: CellContext }) {
  const s = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [context]);
  return (
    <div className={s.wrap} ref={ref} tabIndex={0} data-testid="cell-context">
      <table className={s.table}>
        <caption className={s.caption}>{t.cellContext(context.sheet, context.cell)}</caption>
        <thead>
          <tr>
            <th className={s.th} scope="col" />
            {context.columns.map((c) => (
              <th key={c} className={s.th} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {context.rows.map((r, ri) => (
            <tr key={r.row}>
              <th className={s.th} scope="row">
                {r.row}
              </th>
              {r.cells.map((v, ci) => {
                const target = ri === context.target.row && ci === context.target.col;
                return (
                  <td key={ci} className={mergeClasses(s.td, target && s.target)} title={v} aria-current={target ? 'location' : undefined}>
                    {v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
