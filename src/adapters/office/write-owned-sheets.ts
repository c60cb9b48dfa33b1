/**
 * SPEC §6 sheets the add-in owns ("KQ Đánh giá", "KQ Kiểm tra") through Office.js: each replaced
 * as a whole, its table written as whole arrays (in as many requests as the request budget needs),
 * formatted as an Excel table, with a clustered bar chart of scores and HYPERLINK formulas that jump
 * to each finding's cell (one formula array instead of one hyperlink call per cell).
 *
 * A write is a small transaction (docs/office-faults.md): after a survey sync, the build writes each
 * new sheet whole — under its own name when there is no old one, else under a temporary name
 * ("KQ Đánh giá ~") next to the old sheet — and the commit, one sync, deletes the old sheets, gives
 * the new ones their names and their tables theirs. Excel failing during the build: the sheets this
 * run added are deleted (the book as before). During the commit: the swap is completed from a fresh
 * look at the book (the book as after).
 *
 * User text never becomes a formula: every text cell is written with the text number format ("@"),
 * and the only formulas are our HYPERLINKs, whose sheet name and text are quoted (quoteSheet,
 * formulaString).
 */
import { formulaString, quoteSheet } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedCell, type OwnedSheet } from '../../core/owned-sheets';
import { NUMBER_FORMAT } from '../../core/presentation';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import { errorCode, InterruptedError, isSheetGone } from './faults';
import { translateError, type Features, type OfficeHost } from './host';
import { REQUEST_BUDGET_BYTES } from './limits';
import { jsonBytes, rangeAddress } from './office-values';
import { queueSurvey } from './survey';
import { newBudget, runWrites, type Budget, type WriteOp } from './writes';

const TABLE_STYLE = 'TableStyleMedium2';
/** Excel column width is in points; one character of the default font is about 5.6 points. */
const POINTS_PER_CHAR = 5.6;

export interface OwnedStats {
  syncs: number;
  rowsWritten: number;
  /** Syncs of the build (new sheets) and of the commit (the swap). */
  buildSyncs: number;
  commitSyncs: number;
  /** Requests Excel refused as too large, sent again in smaller parts. */
  payloadRetries: number;
  rolledBack: number;
  rolledForward: number;
}

/** The name a new owned sheet is built under while the old one still exists. Starts with "KQ ", so it is never read as data. */
export function tempSheetName(name: string): string {
  return `${name} ~`;
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
        // Text is always written as text, whatever its column: "=..." from a user's cell stays inert.
        n.push(typeof v === 'string' ? '@' : colFormats[c]!);
      }
    });
    formulas.push(f);
    formats.push(n);
  });
  return { formulas, formats };
}

type Sync = () => Promise<void>;

interface OwnedTx {
  phase: 'survey' | 'build' | 'commit';
  /** Sheets the build adds (final names where there was no old sheet, temporary names otherwise). */
  created: string[];
}

function countingSync(ctx: Excel.RequestContext, stats: OwnedStats): Sync {
  return async () => {
    stats.syncs++;
    await ctx.sync();
  };
}

function op(bytes: number, queue: () => void): WriteOp {
  return { bytes, queue };
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
function sheetOps(ctx: Excel.RequestContext, s: OwnedSheet, target: string, tableName: string | null, table: { proxy?: Excel.Table }, stats: OwnedStats): WriteOp[] {
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

/** One attempt at the whole write, in one Excel.run: survey, build, commit. */
async function writeOwnedOnce(
  ctx: Excel.RequestContext,
  host: OfficeHost,
  features: Features,
  lang: Lang,
  owned: readonly OwnedSheet[],
  stats: OwnedStats,
  tx: OwnedTx,
  budget: Budget,
  vanished: Set<string>,
): Promise<void> {
  const sync = countingSync(ctx, stats);
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
  // Links to a task sheet deleted since the read: the findings are listed, their links lead nowhere.
  for (const s of owned) for (const l of s.links) if (!existing.has(l.sheet)) vanished.add(l.sheet);
  const replaced = new Set(owned.map((s) => s.name).filter((n) => existing.has(n)));
  // Left by a run that could not clean up (Excel closed midway): ours, and in the way.
  const stale = owned.map((s) => tempSheetName(s.name)).filter((n) => existing.has(n));
  const leaving = new Set([...replaced, ...stale]);
  const takenTableNames = new Set(tables.items.filter((t) => !leaving.has(t.worksheet.name)).map((t) => t.name.toLowerCase()));
  const nameOf = (s: OwnedSheet): string | null => (takenTableNames.has(s.tableName.toLowerCase()) ? null : s.tableName);

  // Nothing has been written up to here.
  const worksheets = ctx.workbook.worksheets;
  const build: WriteOp[] = stale.map((n) => op(0, () => worksheets.getItem(n).delete()));
  const commit: WriteOp[] = [];
  for (const s of owned) {
    const swap = replaced.has(s.name);
    const target = swap ? tempSheetName(s.name) : s.name;
    tx.created.push(target);
    const table: { proxy?: Excel.Table } = {};
    const tableName = nameOf(s);
    build.push(...sheetOps(ctx, s, target, swap ? null : tableName, table, stats));
    if (swap) {
      commit.push(
        op(0, () => {
          worksheets.getItem(s.name).delete();
          worksheets.getItem(target).name = s.name;
          if (tableName !== null && table.proxy) table.proxy.name = tableName;
        }),
      );
    }
  }

  // The sheet list rides along with the last write: a task sheet deleted since the survey is named too.
  const last = worksheets;
  (commit.length > 0 ? commit : build).push(op(0, () => void last.load('items/name')));

  tx.phase = 'build';
  let mark = stats.syncs;
  await runWrites(ctx, build, sync, budget);
  stats.buildSyncs += stats.syncs - mark;
  tx.phase = 'commit';
  mark = stats.syncs;
  await runWrites(ctx, commit, sync, budget);
  stats.commitSyncs += stats.syncs - mark;
  stats.payloadRetries = budget.retries;
  const atEnd = new Set(last.items.map((ws) => ws.name));
  for (const s of owned) for (const l of s.links) if (!atEnd.has(l.sheet)) vanished.add(l.sheet);
}

/** Undo an interrupted build: delete the sheets it added. */
async function rollbackOwned(ctx: Excel.RequestContext, tx: OwnedTx, stats: OwnedStats, budget: Budget): Promise<void> {
  const sync = countingSync(ctx, stats);
  const list = ctx.workbook.worksheets;
  list.load('items/name');
  await sync();
  const present = new Set(list.items.map((ws) => ws.name));
  const ops = tx.created.filter((n) => present.has(n)).map((n) => op(0, () => list.getItem(n).delete()));
  await runWrites(ctx, ops, sync, budget);
}

/** Complete an interrupted commit: every new sheet takes its name (the old one goes), every table its name. */
async function rollForwardOwned(ctx: Excel.RequestContext, owned: readonly OwnedSheet[], stats: OwnedStats, budget: Budget): Promise<void> {
  const sync = countingSync(ctx, stats);
  const list = ctx.workbook.worksheets;
  list.load('items/name');
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await sync();
  const present = new Set(list.items.map((ws) => ws.name));
  const ops: WriteOp[] = [];
  const deleted = new Set<string>();
  const renamed = new Map<string, string>();
  for (const s of owned) {
    const temp = tempSheetName(s.name);
    if (!present.has(temp)) continue;
    if (present.has(s.name)) {
      deleted.add(s.name);
      ops.push(op(0, () => list.getItem(s.name).delete()));
    }
    renamed.set(temp, s.name);
    ops.push(
      op(0, () => {
        list.getItem(temp).name = s.name;
      }),
    );
  }
  const after = tables.items
    .filter((t) => !deleted.has(t.worksheet.name))
    .map((t) => ({ name: t.name, sheet: renamed.get(t.worksheet.name) ?? t.worksheet.name }));
  for (const s of owned) {
    const mine = after.find((t) => t.sheet === s.name);
    if (!mine || mine.name === s.tableName) continue;
    if (after.some((t) => t !== mine && t.name.toLowerCase() === s.tableName.toLowerCase())) continue;
    ops.push(
      op(0, () => {
        tables.getItem(mine.name).name = s.tableName;
      }),
    );
  }
  await runWrites(ctx, ops, sync, budget);
}

/**
 * Create or replace the owned sheets (the port's writeOwnedSheets), recovering from a failed sync
 * as the module comment says. Task sheets that findings link to but that no longer exist are added
 * to `vanished`.
 */
export async function writeOwnedSheetsOffice(
  host: OfficeHost,
  features: Features,
  lang: Lang,
  owned: readonly OwnedSheet[],
  vanished: Set<string>,
): Promise<OwnedStats> {
  const stats: OwnedStats = { syncs: 0, rowsWritten: 0, buildSyncs: 0, commitSyncs: 0, payloadRetries: 0, rolledBack: 0, rolledForward: 0 };
  const budget = newBudget();
  const tx: OwnedTx = { phase: 'survey', created: [] };
  try {
    await host.run((ctx) => writeOwnedOnce(ctx, host, features, lang, owned, stats, tx, budget, vanished));
    return stats;
  } catch (e) {
    if (tx.phase === 'survey') throw translateError(e, lang);
    const code = errorCode(e) ?? (e instanceof Error ? e.name : 'Error');
    if (tx.phase === 'build') {
      try {
        await host.run((ctx) => rollbackOwned(ctx, tx, stats, budget));
      } catch {
        throw new InterruptedError('unknown', code, lang, e);
      }
      stats.rolledBack++;
      throw new InterruptedError('before', code, lang, e);
    }
    try {
      await host.run((ctx) => rollForwardOwned(ctx, owned, stats, budget));
    } catch {
      throw new InterruptedError('unknown', code, lang, e);
    }
    stats.rolledForward++;
    // The user deleted an old KQ sheet during the run: the swap is done all the same.
    if (isSheetGone(e)) return stats;
    throw new InterruptedError('after', code, lang, e);
  }
}
