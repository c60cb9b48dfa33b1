/**
 * What ExcelJS would change in a user's book merely by loading and saving it, undone right after
 * loading, so that an annotated or cleared copy keeps the user's sheets as they were (SPEC §6).
 */
import type { ConditionalFormattingOptions, Workbook } from 'exceljs';

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

/**
 * ExcelJS writes a data bar's Excel 2010 extension (x14:dataBar: minimum and maximum length,
 * border, gradient, negative colours, axis, direction) only when its gradient is unset or false,
 * but reads the extension's default gradient as true: a user's gradient data bar lost its
 * extension on save (keeping a dangling x14 id), and a bar saved without one gained one. A bar read
 * with its extension forgets the default gradient (written as Excel's default, the attribute left
 * out); a bar read without one is marked as a gradient bar, which ExcelJS writes without one.
 */
function keepDataBars(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    // ExcelJS keeps a sheet's conditional formats in a public field its typings leave out.
    const formats = (ws as unknown as { conditionalFormattings?: ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
    for (const cf of formats) {
      for (const rule of cf.rules) {
        if (rule.type !== 'dataBar') continue;
        const bar = rule as { x14Id?: string; gradient?: boolean };
        if (!bar.x14Id) bar.gradient = true;
        else if (bar.gradient === true) delete bar.gradient;
      }
    }
  }
}

/** Call on a workbook just loaded from a file. */
export function keepOnSave(wb: Workbook): void {
  keepAutoPageNumbers(wb);
  keepDataBars(wb);
}
