/**
 * Pictures of the units for those who would rather look than read: each unit's score coloured by its
 * suggested level, and the late and overdue tasks by unit. Drawn with Fluent UI's charts; the chart
 * itself is only a picture (inert: its built-in labels are English and its bars need a mouse), and
 * each figure carries its text alternative: a sentence and the table of the figures it draws.
 * Loaded on demand, so that the pane does not carry the charts until the units are shown.
 */
import { HorizontalBarChart, type ChartProps } from '@fluentui/react-charts';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { Level, UnitReport } from '../../core/report';
import { formatCount, formatDecimal } from '../../i18n/format';
import { messages, type Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import { lateBars, scoreBars } from '../chart-data';

/** Bar colours that read on light and dark backgrounds. */
export const LEVEL_FILL: Readonly<Record<Level, string>> = {
  excellent: tokens.colorPaletteGreenForeground1,
  good: tokens.colorPaletteBlueForeground2,
  completed: tokens.colorPaletteMarigoldForeground1,
  not_completed: tokens.colorPaletteRedForeground1,
};
const OVERDUE_FILL = tokens.colorPaletteRedForeground1;
const LATE_FILL = tokens.colorPaletteDarkOrangeForeground1;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalL, minWidth: 0 },
  figure: { margin: 0, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  chart: { minWidth: 0, maxWidth: '640px' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0, marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle', borderRadius: '2px' },
  alt: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXS },
  details: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground2 },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  empty: { color: tokens.colorNeutralForeground2 },
});

export interface UnitChartsProps {
  readonly t: PaneText;
  readonly lang: Lang;
  readonly units: readonly UnitReport[];
}

export default function UnitCharts({ t, lang, units }: UnitChartsProps) {
  const s = useStyles();
  const msg = messages(lang);
  const scores = useMemo(() => scoreBars(units), [units]);
  const late = useMemo(() => lateBars(units), [units]);
  const scoreId = useId();
  const lateId = useId();
  const culture = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const levelsShown = useMemo(() => (['excellent', 'good', 'completed', 'not_completed'] as const).filter((l) => scores.some((x) => x.level === l)), [scores]);

  // The library fills a single bar up to `total` with a placeholder: the score out of 100.
  const scoreData: ChartProps[] = scores.map((x) => ({
    chartTitle: x.name,
    chartData: [{ legend: msg[`level_${x.level}`](), horizontalBarChartdata: { x: x.score, total: 100 }, color: LEVEL_FILL[x.level] }],
  }));
  const widest = Math.max(1, ...late.map((x) => x.openOverdue + x.doneLate));
  // A transparent remainder makes every unit's bar share one scale, the longest filling the width.
  const lateData: ChartProps[] = late.map((x) => ({
    chartTitle: t.chartLateRow(x.name, x.openOverdue, x.doneLate),
    chartData: [
      { legend: t.seriesOverdue, horizontalBarChartdata: { x: x.openOverdue, total: widest }, color: OVERDUE_FILL },
      { legend: t.seriesDoneLate, horizontalBarChartdata: { x: x.doneLate, total: widest }, color: LATE_FILL },
      { legend: '', placeHolder: true, horizontalBarChartdata: { x: widest - x.openOverdue - x.doneLate, total: widest }, color: 'transparent' },
    ],
  }));
  const best = scores.reduce<(typeof scores)[number] | undefined>((a, x) => (a === undefined || x.score > a.score ? x : a), undefined);
  const worst = scores.reduce<(typeof scores)[number] | undefined>((a, x) => (a === undefined || x.score < a.score ? x : a), undefined);
  const named = (x: { name: string; score: number } | undefined) => (x ? `${x.name} (${t.scoreText(formatDecimal(x.score, lang))})` : '—');

  return (
    <div className={s.root} data-testid="unit-charts">
      <figure className={s.figure} aria-labelledby={`${scoreId}-caption`} aria-describedby={`${scoreId}-alt`} data-testid="chart-scores">
        <figcaption className={s.caption} id={`${scoreId}-caption`}>
          {t.chartScores}
        </figcaption>
        <div className={s.chart} inert>
          <HorizontalBarChart data={scoreData} culture={culture} hideTooltip barHeight={12} chartDataMode="default" />
        </div>
        <ul className={s.legend} aria-hidden="true">
          {levelsShown.map((l) => (
            <li key={l}>
              <span className={s.swatch} style={{ backgroundColor: LEVEL_FILL[l] }} />
              {msg[`level_${l}`]()}
            </li>
          ))}
        </ul>
        <span className={s.alt} id={`${scoreId}-alt`} data-testid="chart-alt">
          {t.chartScoresAlt(scores.length, named(best), named(worst))}
        </span>
        <details className={s.details}>
          <summary className={s.summary}>{t.chartAsTable}</summary>
          <Table size="extra-small" aria-label={t.chartScores} data-testid="chart-scores-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colUnit}</TableHeaderCell>
                <TableHeaderCell className={s.num}>{t.colScore}</TableHeaderCell>
                <TableHeaderCell>{t.colLevel}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {scores.map((x) => (
                <TableRow key={x.name} data-chart-unit={x.name}>
                  <TableCell>{x.name}</TableCell>
                  <TableCell className={s.num}>{formatDecimal(x.score, lang)}</TableCell>
                  <TableCell>{msg[`level_${x.level}`]()}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
      </figure>

      <figure className={s.figure} aria-labelledby={`${lateId}-caption`} aria-describedby={`${lateId}-alt`} data-testid="chart-late">
        <figcaption className={s.caption} id={`${lateId}-caption`}>
          {t.chartLate}
        </figcaption>
        {late.length === 0 ? (
          <span className={s.empty}>{t.chartNoLate}</span>
        ) : (
          <>
            <div className={s.chart} inert>
              <HorizontalBarChart
                data={lateData}
                culture={culture}
                hideTooltip
                barHeight={12}
                chartDataMode="hidden"
                legendProps={{ legends: [], allowFocusOnLegends: false }}
              />
            </div>
            <ul className={s.legend} aria-hidden="true">
              <li>
                <span className={s.swatch} style={{ backgroundColor: OVERDUE_FILL }} />
                {t.seriesOverdue}
              </li>
              <li>
                <span className={s.swatch} style={{ backgroundColor: LATE_FILL }} />
                {t.seriesDoneLate}
              </li>
            </ul>
            <span className={s.alt} id={`${lateId}-alt`}>
              {t.chartLateAlt(
                late.length,
                late.reduce((n, x) => n + x.openOverdue, 0),
                late.reduce((n, x) => n + x.doneLate, 0),
              )}
            </span>
            <details className={s.details}>
              <summary className={s.summary}>{t.chartAsTable}</summary>
              <Table size="extra-small" aria-label={t.chartLate} data-testid="chart-late-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.colUnit}</TableHeaderCell>
                    <TableHeaderCell className={s.num}>{t.seriesOverdue}</TableHeaderCell>
                    <TableHeaderCell className={s.num}>{t.seriesDoneLate}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {late.map((x) => (
                    <TableRow key={x.name} data-chart-unit={x.name}>
                      <TableCell>{x.name}</TableCell>
                      <TableCell className={s.num}>{formatCount(x.openOverdue, lang)}</TableCell>
                      <TableCell className={s.num}>{formatCount(x.doneLate, lang)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          </>
        )}
      </figure>
    </div>
  );
}
