/**
 * Saved settings inside Excel: the very hidden sheet "KQ Cài đặt", JSON text in A1, exactly where
 * the xlsx package adapter keeps them (src/adapters/xlsx/owned-sheet-xml.ts; both name the sheet
 * SETTINGS_SHEET), so that a mapping confirmed in the pane is used by the ribbon buttons, the
 * command line and browser mode alike.
 */
import { SETTINGS_SHEET } from '../../core/presentation';
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import { MAX_CELL_TEXT } from './limits';
import { surveyWorkbook } from './survey';
import type { Features, OfficeHost } from './host';


/** Settings text, or null when none were saved. Two syncs when the sheet exists, one otherwise. */
export async function readSettingsCell(ctx: Excel.RequestContext): Promise<string | null> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const ws = sheets.items.find((s) => s.name === SETTINGS_SHEET);
  if (!ws) return null;
  const cell = ws.getRange('A1').load('values');
  await ctx.sync();
  const v = cell.values[0]?.[0];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Write the settings cell; HostError before any write when the book or the sheet cannot be changed. */
export async function writeSettingsCell(ctx: Excel.RequestContext, host: OfficeHost, features: Features, lang: Lang, json: string): Promise<void> {
  const msg = ribbonMessages(lang);
  if (json.length > MAX_CELL_TEXT) throw new HostError(msg.settingsTooLong(json.length));
  const survey = await surveyWorkbook(ctx, host, features);
  survey.assertWritable(lang);
  const existing = survey.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (existing?.protected) throw new HostError(msg.protectedSheet(SETTINGS_SHEET), SETTINGS_SHEET);
  if (!existing && survey.workbookProtected) throw new HostError(msg.protectedWorkbook());
  const ws = existing ? ctx.workbook.worksheets.getItem(SETTINGS_SHEET) : ctx.workbook.worksheets.add(SETTINGS_SHEET);
  // Hidden once, on creation: Excel refuses any hide or unhide under structure protection, even to the same value.
  if (!existing) ws.visibility = 'VeryHidden';
  const a1 = ws.getRange('A1');
  a1.numberFormat = [['@']];
  a1.values = [[json]];
  await ctx.sync();
}
