/**
 * Saved settings live in a very hidden sheet "KQ Cài đặt" (cell A1, JSON). Both hosts can read and
 * write a sheet, so a mapping confirmed in Excel is honoured by the command line and browser mode.
 */
import type { Workbook } from 'exceljs';
import { SETTINGS_SHEET } from '../../core/presentation';


export function readSettingsSheet(wb: Workbook): string | null {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return null;
  const v = ws.getCell('A1').value;
  return typeof v === 'string' ? v : null;
}

export function writeSettingsSheet(wb: Workbook, json: string): void {
  const ws = wb.getWorksheet(SETTINGS_SHEET) ?? wb.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
  ws.state = 'veryHidden';
  ws.getCell('A1').value = json;
}
