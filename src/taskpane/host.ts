/**
 * What the pane needs from where it runs. Inside Excel the port is the Office.js adapter and a
 * finding's cell is selected in the sheet; in browser mode the port is the ExcelJS adapter over a
 * local file and the cells around the finding are shown in the pane instead.
 */
import type { WorkbookPort } from '../port/workbook-port';

/** A few cells around a finding, for browser mode. */
export interface CellContext {
  readonly sheet: string;
  readonly cell: string;
  /** 1-based column letters shown, left to right. */
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly string[] }>;
  /** Index into `rows` and `columns` of the finding's cell. */
  readonly target: { readonly row: number; readonly col: number };
}

export interface PaneHost {
  readonly kind: 'excel' | 'browser';
  readonly port: WorkbookPort;
  /**
   * Go to a finding's cell: in Excel select it and return null; in browser mode return the cells
   * around it, with the sheet's header row when given (or null when the sheet or cell no longer
   * exists).
   */
  goToCell(sheet: string, cell: string, headerRow?: number): Promise<CellContext | null>;
}
