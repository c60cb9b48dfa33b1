/**
 * SPEC §6 sheets the add-in owns ("KQ Đánh giá", "KQ Kiểm tra") through Office.js: each replaced
 * as a whole, its table written as whole arrays (in as many requests as the request budget needs),
 * formatted as an Excel table, with a clustered bar chart of scores and HYPERLINK formulas that jump
 * to each finding's cell (one formula array instead of one hyperlink call per cell).
 */
import { formulaString, quoteSheet } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedCell, type OwnedColumn, type OwnedSheet } from '../../core/owned-sheets';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import type { Features, OfficeHost } from './host';
import { REQUEST_BUDGET_BYTES } from './limits';
import { jsonBytes, rangeAddress } from './office-values';
import { queueSurvey } from './survey';

const NUMBER_FORMAT: Record<NonNullable<OwnedColumn['format']>, string> = { integer: '0', score: '0.0', text: '@' };
const TABLE_STYLE = 'TableStyleMedium2';
/** Excel column width is in points; one character of the default font is about 5.6 points. */
const POINTS_PER_CHAR = 5.6;

export interface OwnedStats {
  syncs: number;
  rowsWritten: number;
}

/** A HYPERLINK formula to a cell of a sheet of this workbook. */
export function linkFormula(sheet: string, cell: string, text: string): string {
  return `=HYPERLINK(${formulaString(`#${quoteSheet(sheet)}!${cell}`)},${formulaString(text)})`;
}

function cellFormula(v: OwnedCell): string | number {
  return v === null ? '' : v;
}

/** Header row then data rows, as formula-array rows and number-format rows. */
function tableRows(s: OwnedSheet): { formulas: Array<Array<string | number>>; formats: string[][] } {
  const colFormats = s.columns.map((c) => NUMBER_FORMAT[c.format ?? 'text']);
  const links = new Map<string, { sheet: string; cell: string }>();
  for (const l of s.links) links.set(`${l.row},${l.col}`, l);
  const formulas: Array<Array<string | number>> = [s.columns.map((c) => c.header)];
  const formats: string[][] = [s.columns.map(() => '@')];
  s.rows.forEach((row, r) => {
    const f: Array<string | number> = [];
    const n: string[] = [];
    s.columns.forEach((_, c) => {
      const v = row[c] ?? null;
      const link = links.get(`${r},${c}`);
      if (link) {
        f.push(linkFormula(link.sheet, link.cell, v === null ? link.cell : String(v)));
        n.push('General');
      } else {
        f.push(cellFormula(v));
        n.push(colFormats[c]!);
      }
    });
    formulas.push(f);
    formats.push(n);
  });
  return { formulas, formats };
}

export async function writeOwnedSheetsOffice(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  owned: readonly OwnedSheet[],
): Promise<OwnedStats> {
  const stats: OwnedStats = { syncs: 0, rowsWritten: 0 };
  const sync = async (): Promise<void> => {
    stats.syncs++;
    await ctx.sync();
  };
  if (host.documentReadOnly()) throw new HostError(ribbonMessages(lang).readOnly());
  const finish = queueSurvey(ctx, host, features);
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await sync();
  const survey = finish();
  survey.assertWritable(lang);
  // Replacing a sheet adds and deletes sheets, which a protected workbook structure forbids.
  if (survey.workbookProtected) throw new HostError(ribbonMessages(lang).protectedWorkbook());
  const existing = new Set(survey.sheets.map((s) => s.name));
  const replaced = new Set(owned.map((s) => s.name).filter((n) => existing.has(n)));
  const takenTableNames = new Set(tables.items.filter((t) => !replaced.has(t.worksheet.name)).map((t) => t.name.toLowerCase()));

  // Nothing has been written up to here.
  const worksheets = ctx.workbook.worksheets;
  let bytes = 0;
  const begin = (): void => {
    if (bytes === 0) ctx.application.suspendApiCalculationUntilNextSync();
  };
  const spend = async (estimate: number): Promise<void> => {
    if (bytes > 0 && bytes + estimate > REQUEST_BUDGET_BYTES) {
      await sync();
      bytes = 0;
    }
    begin();
    bytes += estimate + 200;
  };

  for (const s of owned) {
    await spend(0);
    if (replaced.has(s.name)) worksheets.getItem(s.name).delete();
    const ws = worksheets.add(s.name);
    const width = Math.max(1, s.columns.length);
    const headerRow = tableHeaderRow(s);

    if (s.title.length > 0) {
      await spend(jsonBytes(s.title));
      const title = ws.getRangeByIndexes(0, 0, s.title.length, 1);
      title.numberFormat = s.title.map(() => ['@']);
      title.values = s.title.map((t) => [t]);
      const first = ws.getRangeByIndexes(0, 0, 1, 1);
      first.format.font.bold = true;
      first.format.font.size = 14;
    }

    const { formulas, formats } = tableRows(s);
    let start = 0;
    while (start < formulas.length) {
      let end = start;
      let estimate = 0;
      while (end < formulas.length) {
        const rowBytes = jsonBytes(formulas[end]) + jsonBytes(formats[end]);
        if (end > start && estimate + rowBytes > REQUEST_BUDGET_BYTES / 2) break;
        estimate += rowBytes;
        end++;
      }
      await spend(estimate);
      const range = ws.getRangeByIndexes(headerRow + start, 0, end - start, width);
      range.numberFormat = formats.slice(start, end);
      range.formulas = formulas.slice(start, end);
      stats.rowsWritten += end - start;
      start = end;
    }

    await spend(0);
    // An Excel table needs a data row: an empty sheet gets one blank row.
    const lastRow = headerRow + Math.max(1, s.rows.length);
    const table = ws.tables.add(rangeAddress(headerRow, 0, lastRow, width - 1), true);
    if (!takenTableNames.has(s.tableName.toLowerCase())) table.name = s.tableName;
    table.style = TABLE_STYLE;
    s.columns.forEach((c, i) => {
      ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
    });
    ws.freezePanes.freezeRows(headerRow + 1);

    if (s.chart && s.rows.length > 0) {
      const values = ws.getRangeByIndexes(headerRow + 1, s.chart.valueCol, s.rows.length, 1);
      const categories = ws.getRangeByIndexes(headerRow + 1, s.chart.categoryCol, s.rows.length, 1);
      const chart = ws.charts.add('BarClustered', values, 'Columns');
      const series = chart.series.getItemAt(0);
      series.setXAxisValues(categories);
      series.name = s.columns[s.chart.valueCol]?.header ?? '';
      chart.title.text = s.chart.title;
      chart.legend.visible = false;
      // Bar charts draw the first category at the bottom; list units top-down as in the table.
      chart.axes.categoryAxis.reversePlotOrder = true;
      const rows = Math.min(60, Math.max(16, Math.ceil(s.rows.length * 0.9) + 4));
      chart.setPosition(rangeAddress(headerRow, width + 1, headerRow, width + 1), rangeAddress(headerRow + rows, width + 8, headerRow + rows, width + 8));
    }
  }
  if (bytes > 0) await sync();
  return stats;
}
