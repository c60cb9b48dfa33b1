/** Browser mode: the cells around a finding, with the finding's cell highlighted. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PaneText } from '../../i18n/pane';
import type { CellContext } from '../host';

const useStyles = makeStyles({
  root: { minWidth: 0 },
  wrap: { overflowX: 'auto', maxWidth: '100%', minWidth: 0 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  caption: { display: 'block', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
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
  const captionId = useId();
  useEffect(() => {
    // Bring the finding's cell into view, also sideways when the pane is narrow.
    const target = ref.current?.querySelector('[aria-current="location"]');
    target?.scrollIntoView?.({ block: 'nearest', inline: 'center' });
  }, [context]);
  return (
    <div className={s.root} data-testid="cell-context">
      <span className={s.caption} id={captionId}>
        {t.cellContext(context.sheet, context.cell)}
      </span>
      <div className={s.wrap} ref={ref} tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className={s.table} aria-labelledby={captionId}>
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
    </div>
  );
}
