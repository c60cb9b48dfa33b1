/** Inside Excel: the Office.js port, and "go to cell" selects the finding's cell in its sheet. */
import type { WorkbookPort } from '../port/workbook-port';
import type { PaneHost } from './host';

export function excelPaneHost(port: WorkbookPort): PaneHost {
  return {
    kind: 'excel',
    port,
    async goToCell(sheet, cell) {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
      return null;
    },
  };
}
