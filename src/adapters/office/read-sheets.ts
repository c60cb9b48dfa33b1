/**
 * Read every worksheet through Office.js in few round trips:
 *   1. the sheet list;
 *   2. each sheet's used range (values only) and, when asked, the saved settings cell;
 *   3. the values and valueTypes, in chunks of rows packed into as few syncs as the response budget
 *      allows (several small sheets share one sync; a large sheet is split);
 *   4. merged areas where the engine needs them (header rows, one-cell rows), when ExcelApi 1.13.
 *
 * Response size is estimated before each chunk is loaded and measured afterwards: the first chunk of
 * a sheet is a probe of at most PROBE_ROWS rows sized with FIRST_GUESS_BYTES_PER_CELL, later chunks
 * use the largest bytes per row seen so far in that sheet, with a safety factor. If Excel still answers "response too large", the budget is
 * quartered and the chunk read again; the budget then grows back, but never again to the size that
 * failed, and after MAX_PAYLOAD_RETRIES refusals in one read the error goes up.
 *
 * A sheet deleted or renamed during the read (ItemNotFound or InvalidReference from a later sync,
 * and the sheet gone from a fresh list) restarts the read without it, at most MAX_RESTARTS times;
 * its name is reported in `vanished`.
 */
import { isEmpty, type CellValue, type MergeRange, type SheetData } from '../../core/cells';
import { HEADER_CANDIDATE_ROWS, isOwnSheetName } from '../../core/header';
import { SETTINGS_SHEET } from '../../core/presentation';
import { isRunFault, isSheetGone } from './faults';
import type { Features } from './host';
import { isPayloadTooLarge } from './host';
import {
  ESTIMATE_SAFETY,
  FIRST_GUESS_BYTES_PER_CELL,
  MAX_CELLS_PER_READ,
  MERGE_PROBE_ROWS,
  RESPONSE_BUDGET_BYTES,
} from './limits';
import { cellFromOffice, jsonBytes, parseAreas } from './office-values';
import { MAX_PAYLOAD_RETRIES } from './writes';

/** The non-empty rows the engine looks at for a header, plus the row below for two-row headers. */
const HEADER_SCAN_ROWS = HEADER_CANDIDATE_ROWS + 1;
/** Never plan a chunk tail smaller than this many rows when another sync can take the rest whole. */
const MIN_CHUNK_ROWS = 32;
/**
 * The first chunk of a sheet whose bytes are still unknown holds at most this many rows: it measures
 * the sheet cheaply, so that a sheet of long texts never sends a first response near the limit.
 */
const PROBE_ROWS = 500;
/** Restarts of a read whose sheets keep disappearing under it. */
const MAX_RESTARTS = 3;

export interface ReadStats {
  /** context.sync() calls made by this read. */
  syncs: number;
  /** Syncs that loaded values (each holds one or more chunks). */
  valueSyncs: number;
  /** Chunks of rows loaded. */
  chunks: number;
  /** Largest measured values + valueTypes payload of one sync, in bytes. */
  largestResponse: number;
  /** Syncs repeated with a smaller budget after "response too large". */
  retries: number;
}

export interface ReadResult {
  readonly sheets: SheetData[];
  /** Text of the settings cell, when asked for and present. */
  readonly settings: string | null;
  readonly stats: ReadStats;
  /** Sheet names in workbook order, as read. */
  readonly names: string[];
  /** Sheets that were listed, then deleted or renamed before their values were read: left out. */
  readonly vanished: string[];
}

interface SheetPlan {
  readonly index: number;
  readonly ws: Excel.Worksheet;
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly colCount: number;
  /** Rows of the used range already read. */
  done: number;
  /** Largest measured bytes per row so far (0 = none measured). */
  bytesPerRow: number;
  rows: (CellValue[] | undefined)[];
}

interface Piece {
  readonly plan: SheetPlan;
  readonly offset: number;
  readonly count: number;
  readonly range: Excel.Range;
}

function estimateRowBytes(p: SheetPlan, globalBytesPerCell: number): number {
  if (p.bytesPerRow > 0) return p.bytesPerRow * ESTIMATE_SAFETY;
  return p.colCount * Math.max(FIRST_GUESS_BYTES_PER_CELL, globalBytesPerCell * ESTIMATE_SAFETY);
}

export async function readAllSheets(ctx: Excel.RequestContext, features: Features, withSettings: boolean): Promise<ReadResult> {
  const stats: ReadStats = { syncs: 0, valueSyncs: 0, chunks: 0, largestResponse: 0, retries: 0 };
  const sync = async (): Promise<void> => {
    stats.syncs++;
    await ctx.sync();
  };
  const vanished: string[] = [];
  for (let restart = 0; ; restart++) {
    const listed: string[] = [];
    try {
      const result = await readOnce(ctx, features, withSettings, stats, sync, listed);
      return { ...result, vanished };
    } catch (e) {
      if (!isSheetGone(e) || listed.length === 0 || restart >= MAX_RESTARTS) throw e;
      const list = ctx.workbook.worksheets;
      list.load('items/name');
      await sync();
      const now = new Set(list.items.map((ws) => ws.name));
      const gone = listed.filter((n) => !now.has(n));
      if (gone.length === 0) throw e;
      vanished.push(...gone);
    }
  }
}

async function readOnce(
  ctx: Excel.RequestContext,
  features: Features,
  withSettings: boolean,
  stats: ReadStats,
  sync: () => Promise<void>,
  listed: string[],
): Promise<Omit<ReadResult, 'vanished'>> {
  // 1. the sheet list
  const collection = ctx.workbook.worksheets;
  collection.load('items/name');
  await sync();
  const worksheets = collection.items;
  const names = worksheets.map((ws) => ws.name);
  listed.push(...names);

  // 2. used ranges (the tool's own "KQ" sheets are never read) and the settings cell
  const used = worksheets.map((ws) =>
    isOwnSheetName(ws.name) ? null : ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  const settingsWs = withSettings ? worksheets.find((ws) => ws.name === SETTINGS_SHEET) : undefined;
  const settingsCell = settingsWs ? settingsWs.getRange('A1').load('values') : null;
  await sync();
  let settings: string | null = null;
  if (settingsCell) {
    const v = settingsCell.values[0]?.[0];
    settings = typeof v === 'string' && v !== '' ? v : null;
  }

  const plans: SheetPlan[] = [];
  const sheets: SheetData[] = worksheets.map((ws) => ({ name: ws.name, rows: [], merges: [] }));
  used.forEach((u, index) => {
    if (!u || u.isNullObject || u.rowCount === 0 || u.columnCount === 0) return;
    plans.push({
      index,
      ws: worksheets[index]!,
      top: u.rowIndex,
      left: u.columnIndex,
      rowCount: u.rowCount,
      colCount: u.columnCount,
      done: 0,
      bytesPerRow: 0,
      rows: new Array<CellValue[] | undefined>(u.rowIndex + u.rowCount),
    });
  });

  // 3. values, chunked
  let globalBytesPerCell = 0;
  let scale = 1;
  /** Budget scale the read may grow back to: below every scale Excel refused. */
  let ceiling = 1;
  let cursor = 0;
  while (cursor < plans.length) {
    const budget = RESPONSE_BUDGET_BYTES * scale;
    const cellBudget = MAX_CELLS_PER_READ * scale;
    let bytesLeft = budget;
    let cellsLeft = cellBudget;
    const pieces: Piece[] = [];
    for (let i = cursor; i < plans.length; i++) {
      const p = plans[i]!;
      const remaining = p.rowCount - p.done;
      if (remaining <= 0) continue; // read whole by an earlier sync (after a probe elsewhere)
      const perRow = estimateRowBytes(p, globalBytesPerCell);
      const fits = Math.min(remaining, Math.floor(bytesLeft / perRow), Math.floor(cellsLeft / p.colCount));
      // An unmeasured sheet sends a probe first; the budget left goes on to the next sheets.
      const probe = p.bytesPerRow === 0 && fits > PROBE_ROWS;
      let count = probe ? PROBE_ROWS : fits;
      if (!probe && count < remaining && pieces.length > 0 && count < MIN_CHUNK_ROWS) break;
      if (count < 1) {
        if (pieces.length > 0) break;
        count = 1; // one row is the smallest read there is
      }
      const range = p.ws.getRangeByIndexes(p.top + p.done, p.left, count, p.colCount).load('values,valueTypes');
      pieces.push({ plan: p, offset: p.done, count, range });
      bytesLeft -= count * perRow;
      cellsLeft -= count * p.colCount;
      if (count < remaining && !probe) break;
    }
    try {
      await sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || scale < 1 / 1024 || stats.retries >= MAX_PAYLOAD_RETRIES) throw e;
      stats.retries++;
      ceiling = Math.min(ceiling, scale / 2);
      scale /= 4;
      continue;
    }
    stats.valueSyncs++;
    let syncBytes = 0;
    for (const piece of pieces) {
      const values = piece.range.values;
      const types = piece.range.valueTypes as unknown as string[][];
      const bytes = jsonBytes(values) + jsonBytes(types);
      syncBytes += bytes;
      const p = piece.plan;
      p.bytesPerRow = Math.max(p.bytesPerRow, bytes / piece.count);
      globalBytesPerCell = Math.max(globalBytesPerCell, bytes / (piece.count * p.colCount));
      for (let r = 0; r < piece.count; r++) {
        const srcValues = values[r] ?? [];
        const srcTypes = types[r] ?? [];
        let row: CellValue[] | undefined;
        for (let c = 0; c < p.colCount; c++) {
          const type = srcTypes[c] ?? 'Empty';
          if (type === 'Empty') continue;
          const v = cellFromOffice(srcValues[c], type);
          if (v === null) continue;
          if (!row) row = new Array<CellValue>(p.left + p.colCount).fill(null);
          row[p.left + c] = v;
        }
        p.rows[p.top + piece.offset + r] = row;
      }
      p.done = piece.offset + piece.count;
      stats.chunks++;
    }
    stats.largestResponse = Math.max(stats.largestResponse, syncBytes);
    while (cursor < plans.length && plans[cursor]!.done >= plans[cursor]!.rowCount) cursor++;
    if (scale < ceiling) scale = Math.min(ceiling, scale * 2); // recover slowly after a retry
  }

  for (const p of plans) sheets[p.index] = { name: names[p.index]!, rows: p.rows, merges: [] };

  // 4. merges where the engine looks at them
  if (features.merges && plans.length > 0) {
    const merges = await readMerges(ctx, plans, sync);
    for (const [index, list] of merges) sheets[index] = { ...sheets[index]!, merges: list };
  }

  return { sheets, settings, stats, names };
}

/** Row spans (0-based, inclusive) whose merges matter: the header scan and one-cell rows below it. */
export function mergeProbeSpans(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>, top: number, lastRow: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let seen = 0;
  let headerEnd = lastRow;
  for (let r = top; r <= lastRow; r++) {
    const row = rows[r];
    if (row && row.some((v) => !isEmpty(v))) seen++;
    if (seen >= HEADER_SCAN_ROWS) {
      headerEnd = Math.min(lastRow, r + 1);
      break;
    }
  }
  spans.push([top, headerEnd]);
  let start = -1;
  let end = -1;
  for (let r = headerEnd + 1; r <= lastRow; r++) {
    const row = rows[r];
    if (!row) continue;
    let filled = 0;
    for (const v of row) if (!isEmpty(v) && ++filled > 1) break;
    if (filled !== 1) continue;
    if (start >= 0 && r < start + MERGE_PROBE_ROWS) {
      end = r;
      continue;
    }
    if (start >= 0) spans.push([start, end]);
    start = r;
    end = r;
  }
  if (start >= 0) spans.push([start, end]);
  return spans;
}

async function readMerges(
  ctx: Excel.RequestContext,
  plans: readonly SheetPlan[],
  sync: () => Promise<void>,
): Promise<Map<number, MergeRange[]>> {
  const attempt = async (headerOnly: boolean): Promise<Map<number, MergeRange[]>> => {
    const probes: Array<{ index: number; areas: Excel.RangeAreas }> = [];
    for (const p of plans) {
      const spans = mergeProbeSpans(p.rows, p.top, p.top + p.rowCount - 1);
      for (const [first, last] of headerOnly ? spans.slice(0, 1) : spans) {
        const areas = p.ws.getRangeByIndexes(first, p.left, last - first + 1, p.colCount).getMergedAreasOrNullObject();
        areas.load('address');
        probes.push({ index: p.index, areas });
      }
    }
    await sync();
    const out = new Map<number, MergeRange[]>();
    for (const { index, areas } of probes) {
      if (areas.isNullObject) continue;
      const list = out.get(index) ?? [];
      const seen = new Set(list.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`));
      for (const m of parseAreas(areas.address)) {
        const key = `${m.top},${m.left},${m.bottom},${m.right}`;
        if (seen.has(key) || (m.top === m.bottom && m.left === m.right)) continue;
        seen.add(key);
        list.push(m);
      }
      out.set(index, list);
    }
    return out;
  };
  try {
    return await attempt(false);
  } catch (e) {
    // A fault of the run (cell-edit mode, a sheet deleted, the connection) is not the probe's.
    if (isRunFault(e)) throw e;
    // Too many merged areas in a probe (Excel refuses above 512) or no support: header rows only.
    try {
      return await attempt(true);
    } catch (e2) {
      if (isRunFault(e2)) throw e2;
      return new Map();
    }
  }
}
