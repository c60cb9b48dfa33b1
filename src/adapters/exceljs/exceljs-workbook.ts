/** The ExcelJS adapter of the workbook port: the command line and browser mode. */
import ExcelJS from 'exceljs';
import type { FlagPlan } from '../../core/flag-plan';
import type { OwnedSheet } from '../../core/owned-sheets';
import type { BookContents, HostNotice, WorkbookPort } from '../../port/workbook-port';
import { readWorkbookSheets } from './read-sheets';
import { keepOnSave } from './save-fidelity';
import { readSettingsSheet, writeSettingsSheet } from './settings-sheet';
import { clearFlagsIn, writeFlagsIn } from './write-flags';
import { writeOwnedSheetsIn } from './write-owned-sheets';

export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Load .xlsx bytes. Throws on anything that is not a readable .xlsx. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    keepOnSave(wb);
    return new ExcelJsWorkbook(wb);
  }

  async readBook(): Promise<BookContents> {
    return { sheets: readWorkbookSheets(this.workbook), settings: readSettingsSheet(this.workbook) };
  }

  async readSettings(): Promise<string | null> {
    return readSettingsSheet(this.workbook);
  }

  async writeSettings(json: string): Promise<void> {
    writeSettingsSheet(this.workbook, json);
  }

  async writeFlags(plan: FlagPlan): Promise<void> {
    clearFlagsIn(this.workbook);
    writeFlagsIn(this.workbook, plan);
  }

  async clearFlags(): Promise<void> {
    clearFlagsIn(this.workbook);
  }

  async writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    writeOwnedSheetsIn(this.workbook, sheets);
  }

  takeNotices(): HostNotice[] {
    return [];
  }

  /** The annotated workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }
}
