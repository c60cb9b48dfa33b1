/**
 * What ExcelJS would change in a user's book merely by loading and saving it, undone right after
 * loading, so that an annotated or cleared copy keeps the user's sheets as they were (SPEC §6).
 */
import type { Workbook } from 'exceljs';

/**
 * ExcelJS reads a missing firstPageNumber as 1, and writes useFirstPageNumber="1" whenever a
 * firstPageNumber is set: every sheet's page numbering "Auto" would be saved as "starts at 1".
 * Where the file does not use its first page number, forget it.
 */
function keepAutoPageNumbers(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    // ExcelJS reads useFirstPageNumber, though its typings leave it out.
    const setup = ws.pageSetup as { useFirstPageNumber?: boolean; firstPageNumber?: number };
    if (!setup.useFirstPageNumber) setup.firstPageNumber = undefined;
  }
}

/** Call on a workbook just loaded from a file. */
export function keepOnSave(wb: Workbook): void {
  keepAutoPageNumbers(wb);
}
