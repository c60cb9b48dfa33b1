/** Inside Excel: the Office.js port, and "go to cell" selects the finding's cell in its sheet. */
import type { WorkbookPort } from '../port/workbook-port';
import type { PaneHost } from './host';

/** The one Excel API call the pane makes itself, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run holding the batch while the user edits a cell, as the adapter's own runs do. */
const runAfterCellEdit: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);

export function excelPaneHost(port: WorkbookPort, run: ExcelRun = runAfterCellEdit): PaneHost {
  return {
    kind: 'excel',
    port,
    async goToCell(sheet, cell) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
      return null;
    },
  };
}
