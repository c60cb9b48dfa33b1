/**
 * How the add-in's marks and sheets look and where its own things live: one definition for every
 * host, so that a book flagged by the command line looks exactly like one flagged inside Excel.
 */

// The sheets the add-in owns (SPEC §6: names starting with "KQ ").
/** Scores and suggested levels of the units. */
export const SCORES_SHEET = 'KQ Đánh giá';
/** One row per finding, with a link to its cell. */
export const FINDINGS_SHEET = 'KQ Kiểm tra';
/** People in charge (SPEC 1.3 §6). */
export const PEOPLE_SHEET = 'KQ Cá nhân';
/** The several-books summary (SPEC 1.3 §7), the one sheet of "KQ tổng hợp.xlsx" when the books are checked separately. */
export const SUMMARY_SHEET = 'KQ Tổng hợp';
/** The result sheets a run writes; one it no longer writes (KQ Cá nhân once no sheet names people) is removed. */
export const RESULT_SHEETS: readonly string[] = [SCORES_SHEET, FINDINGS_SHEET, PEOPLE_SHEET];
/** Very hidden helper: deadline serials of deadlines written as text, which Excel formulas cannot parse. */
export const HELPER_SHEET = 'KQ Hạn';
/** Very hidden: the saved settings, JSON text in A1, read by every host. */
export const SETTINGS_SHEET = 'KQ Cài đặt';

/** Colours as #RRGGBB; hosts that want ARGB use `argb()`. */
export type Rgb = `#${string}`;

export interface FlagStyle {
  readonly fill: Rgb;
  /** Font colour, or null to keep the cell's own. */
  readonly font: Rgb | null;
}

/**
 * Flag styles: Excel's "light red fill with dark red text" for overdue rows, red with white text for
 * an unassigned lead cell, orange and yellow for cells with other errors and warnings.
 */
export const FLAG_STYLE = {
  overdue: { fill: '#FFC7CE', font: '#9C0006' },
  unassigned: { fill: '#FF0000', font: '#FFFFFF' },
  error: { fill: '#FFC000', font: null },
  warning: { fill: '#FFFF00', font: null },
} as const satisfies Record<string, FlagStyle>;

export type FlagStyleName = keyof typeof FLAG_STYLE;

/** Number formats of the owned sheets' columns; text columns are '@' so that a name is never read as a number or date. */
export const NUMBER_FORMAT = {
  integer: '0',
  score: '0.0',
  /** A share (0 to 1) shown as a percentage: the late share of the several-books summary. */
  percent: '0.0%',
  text: '@',
} as const;

export type ColumnFormat = keyof typeof NUMBER_FORMAT;

/** Excel's own hyperlink colour (a file loaded by a host is not restyled, so links are coloured explicitly). */
export const LINK_COLOR: Rgb = '#0563C1';
/** Bars of the scores chart and data bars. */
export const BAR_COLOR: Rgb = '#5B9BD5';

/** "#RRGGBB" → "FFRRGGBB", the opaque ARGB that OOXML and ExcelJS write. */
export function argb(color: Rgb): string {
  return `FF${color.slice(1).toUpperCase()}`;
}
