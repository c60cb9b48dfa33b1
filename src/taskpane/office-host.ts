/** Inside Excel: the Office.js port, and "go to cell" selects the finding's cell in its sheet. */
import type { WorkbookPort } from '../port/workbook-port';
import type { PaneHost } from './host';

/** The one Excel API call the pane makes itself, injectable for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function excelPaneHost(port: WorkbookPort, run: ExcelRun = (batch) => Excel.run(batch)): PaneHost {
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
