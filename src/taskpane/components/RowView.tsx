/**
 * Browser mode: the row of a finding, as the check read it: the task's content, lead unit, deadline,
 * completion and status side by side however far apart their columns are, the flagged one marked.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef } from 'react';
import type { PaneText } from '../../i18n/pane';
import type { RowView as Row } from '../report-rows';

const useStyles = makeStyles({
  root: {
    position: 'relative',
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    paddingRight: '36px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  caption: { display: 'block', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, marginBottom: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: '2px', fontSize: tokens.fontSizeBase200 },
  group: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  flagged: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '1px',
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  close: { position: 'absolute', top: tokens.spacingVerticalXXS, right: tokens.spacingHorizontalXXS },
});

export interface RowViewProps {
  readonly t: PaneText;
  readonly view: Row;
  readonly onClose: () => void;
}

export function RowView({ t, view, onClose }: RowViewProps) {
  const s = useStyles();
  const captionId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('[aria-current="location"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [view]);
  const labels = t.field[view.kind];
  return (
    <div
      ref={ref}
      className={s.root}
      role="region"
      aria-labelledby={captionId}
      data-testid="row-view"
    >
      <span className={s.caption} id={captionId}>
        {t.rowView(view.sheet, view.row)}
      </span>
      <dl className={s.list}>
        {view.fields.map((f) => (
          <div key={f.column} className={s.group} data-field={f.field ?? ''}>
            <dt className={s.label}>
              {(f.field !== null ? labels[f.field] : undefined) ?? f.column} ({f.column})
            </dt>
            <dd
              className={mergeClasses(s.value, f.flagged && s.flagged, f.value === '' && s.empty)}
              aria-current={f.flagged ? 'location' : undefined}
              aria-description={f.flagged ? t.rowViewFlagged : undefined}
            >
              {f.value === '' ? t.rowViewEmpty : f.value}
            </dd>
          </div>
        ))}
      </dl>
      <Button className={s.close} appearance="subtle" size="small" icon={<DismissRegular />} aria-label={t.rowViewClose} title={t.rowViewClose} onClick={onClose} />
    </div>
  );
}
