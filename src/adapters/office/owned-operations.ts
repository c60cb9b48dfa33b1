/**
 * The KQ sheets' operations (SPEC §6 sheets the add-in owns: "KQ Đánh giá", "KQ Kiểm tra", "KQ Cá
 * nhân" and whatever OwnedSheet the core gives): each sheet built whole under a given name, its table
 * written as whole arrays in as many requests as the budget needs, formatted as an Excel table, with a
 * clustered bar chart when the sheet has one, and HYPERLINK formulas that jump to each finding's cell
 * (one formula array instead of one hyperlink call per cell), calculated once written.
 *
 * User text never becomes a formula: every text cell is written with the text number format ("@"),
 * and the only formulas are our HYPERLINKs, whose sheet name and text are quoted (quoteSheet,
 * formulaString).
 */
import { formulaString, quoteSheet } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedCell, type OwnedSheet } from '../../core/owned-sheets';
import { NUMBER_FORMAT } from '../../core/presentation';
import { REQUEST_BUDGET_BYTES } from './limits';
import { jsonBytes, rangeAddress } from './office-values';
import type { WriteOp } from './writes';

const TABLE_STYLE = 'TableStyleMedium2';
/** Excel column width is in points; one character of the default font is about 5.6 points. */
const POINTS_PER_CHAR = 5.6;

/** The name a new owned sheet is built under while the old one still exists. Starts with "KQ ", so it is never read as data. */
export function tempSheetName(name: string): string {
  return `${name} ~`;
}

/** A HYPERLINK formula to a cell of a sheet of this workbook. */
export function linkFormula(sheet: string, cell: string, text: string): string {
  return `=HYPERLINK(${formulaString(`#${quoteSheet(sheet)}!${cell}`)},${formulaString(text)})`;
}

export function op(bytes: number, queue: () => void): WriteOp {
  return { bytes, queue };
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
        // Text is always written as text, whatever its column: "=..." from a user's cell stays inert.
        n.push(typeof v === 'string' ? '@' : colFormats[c]!);
      }
    });
    formulas.push(f);
    formats.push(n);
  });
  return { formulas, formats };
}

/** Rows [start, end) of the table, as one array write; split in halves when Excel finds it too large. */
function rowsOp(ws: () => Excel.Worksheet, top: number, width: number, formulas: Array<Array<string | number>>, formats: string[][], start: number, end: number): WriteOp {
  let bytes = 0;
  for (let r = start; r < end; r++) bytes += jsonBytes(formulas[r]) + jsonBytes(formats[r]);
  const split = (): WriteOp[] => {
    const mid = start + Math.ceil((end - start) / 2);
    return [rowsOp(ws, top, width, formulas, formats, start, mid), rowsOp(ws, top, width, formulas, formats, mid, end)];
  };
  return {
    bytes,
    queue: () => {
      const range = ws().getRangeByIndexes(top + start, 0, end - start, width);
      range.numberFormat = formats.slice(start, end);
      range.formulas = formulas.slice(start, end);
    },
    ...(end - start > 1 ? { split } : {}),
  };
}

/** Everything that builds one owned sheet under `target`, in order. */
export function sheetOps(ctx: Excel.RequestContext, s: OwnedSheet, target: string, tableName: string | null, table: { proxy?: Excel.Table }, stats: { rowsWritten: number }): WriteOp[] {
  const ws = (): Excel.Worksheet => ctx.workbook.worksheets.getItem(target);
  const ops: WriteOp[] = [op(0, () => void ctx.workbook.worksheets.add(target))];
  const width = Math.max(1, s.columns.length);
  const headerRow = tableHeaderRow(s);

  if (s.title.length > 0) {
    ops.push(
      op(jsonBytes(s.title), () => {
        const title = ws().getRangeByIndexes(0, 0, s.title.length, 1);
        title.numberFormat = s.title.map(() => ['@']);
        title.values = s.title.map((t) => [t]);
        const first = ws().getRangeByIndexes(0, 0, 1, 1);
        first.format.font.bold = true;
        first.format.font.size = 14;
      }),
    );
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
    ops.push(rowsOp(ws, headerRow, width, formulas, formats, start, end));
    stats.rowsWritten += end - start;
    start = end;
  }

  ops.push(
    op(0, () => {
      const sheet = ws();
      // An Excel table needs a data row: an empty sheet gets one blank row.
      const lastRow = headerRow + Math.max(1, s.rows.length);
      const t = sheet.tables.add(rangeAddress(headerRow, 0, lastRow, width - 1), true);
      table.proxy = t;
      if (tableName !== null) t.name = tableName;
      t.style = TABLE_STYLE;
      s.columns.forEach((c, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(c.width * POINTS_PER_CHAR);
      });
      sheet.freezePanes.freezeRows(headerRow + 1);
    }),
  );

  const chart = s.chart;
  if (chart && s.rows.length > 0) {
    ops.push(
      op(0, () => {
        const sheet = ws();
        const values = sheet.getRangeByIndexes(headerRow + 1, chart.valueCol, s.rows.length, 1);
        const categories = sheet.getRangeByIndexes(headerRow + 1, chart.categoryCol, s.rows.length, 1);
        const c = sheet.charts.add('BarClustered', values, 'Columns');
        const series = c.series.getItemAt(0);
        series.setXAxisValues(categories);
        series.name = s.columns[chart.valueCol]?.header ?? '';
        c.title.text = chart.title;
        c.legend.visible = false;
        // Bar charts draw the first category at the bottom; list units top-down as in the table.
        c.axes.categoryAxis.reversePlotOrder = true;
        const rows = Math.min(60, Math.max(16, Math.ceil(s.rows.length * 0.9) + 4));
        c.setPosition(rangeAddress(headerRow, width + 1, headerRow, width + 1), rangeAddress(headerRow + rows, width + 8, headerRow + rows, width + 8));
      }),
    );
  }
  return ops;
}

/**
 * Calculate the sheet's links, which were written while calculation was suspended (writes.ts):
 * without it Excel may show them empty until the next recalculation. Queued in a request that does
 * not suspend calculation.
 */
export function calculateLinksOp(ctx: Excel.RequestContext, s: OwnedSheet): WriteOp | null {
  if (s.links.length === 0) return null;
  const cols = s.links.map((l) => l.col);
  const rows = s.links.map((l) => l.row);
  const top = tableHeaderRow(s) + 1 + Math.min(...rows);
  const left = Math.min(...cols);
  return op(0, () => ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(top, left, Math.max(...rows) - Math.min(...rows) + 1, Math.max(...cols) - left + 1).calculate());
}
