/**
 * What a generated workbook says, in a form that compares exactly: sheet names, cell values, merges
 * and, optionally, styles, column widths and views. Zip bytes are no use for that: ExcelJS stamps
 * every zip entry with the time of writing.
 */
import ExcelJS from 'exceljs';

export interface SheetSnapshot {
  readonly name: string;
  readonly merges: string[];
  readonly cells: [string, unknown][];
  readonly layout?: unknown;
}

function plain(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return { date: v.toISOString() };
  return v ?? null;
}

export function bookSnapshot(wb: ExcelJS.Workbook, opts: { styles?: boolean } = {}): SheetSnapshot[] {
  return wb.worksheets.map((ws) => {
    const cells: [string, unknown][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells.push(opts.styles ? [cell.address, { value: plain(cell.value), style: cell.style }] : [cell.address, plain(cell.value)]);
      });
    });
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    const layout = opts.styles
      ? {
          state: ws.state,
          views: ws.views,
          widths: (ws.columns ?? []).map((c) => c.width ?? null),
          heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height ?? null),
        }
      : undefined;
    return { name: ws.name, merges, cells, ...(layout ? { layout } : {}) };
  });
}

/** Write and read back, so that a book built in memory compares with one read from a file. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}
