/**
 * SPEC §6 KQ sheets in the ExcelJS host: the core's OwnedSheet content as a title, an Excel table,
 * data bars in place of the chart ExcelJS cannot draw, and links to the findings' cells.
 */
import type { Color, DataBarRuleType, Workbook, Worksheet } from 'exceljs';
import { a1, columnLetter, parseA1 } from '../../core/cells';
import { quoteSheet } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedLink, type OwnedSheet } from '../../core/owned-sheets';
import { argb, BAR_COLOR, LINK_COLOR, NUMBER_FORMAT } from '../../core/presentation';

/** Excel's own hyperlink colour, since a loaded file does not restyle link cells. */
const LINK_FONT = { color: { argb: argb(LINK_COLOR) }, underline: true } as const;

/**
 * The hyperlink ExcelJS should write for a cell of this workbook. The address is absolute on
 * purpose: ExcelJS 4.4.0 also copies a target shaped like `Sheet!A1` into the `location` attribute,
 * keeping the leading "#", which Excel then resolves to "#Sheet!A1##Sheet!A1". With `$G$13` it
 * writes only the relationship target "#'Sheet'!$G$13", which Excel opens inside the workbook.
 */
export function internalLink(sheet: string, cell: string): string {
  const at = parseA1(cell);
  if (!at) throw new Error(`not an A1 cell address: ${cell}`);
  return `#${quoteSheet(sheet)}!$${columnLetter(at.col)}$${at.row + 1}`;
}

function writeTitle(ws: Worksheet, title: readonly string[]): void {
  title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: true, size: i === 0 ? 14 : 11 };
  });
}

function writeTable(ws: Worksheet, s: OwnedSheet, headerRow: number): void {
  // Excel rejects a table without a data row, so an empty list keeps one blank row.
  const rows = s.rows.length > 0 ? s.rows.map((r) => [...r]) : [s.columns.map(() => null)];
  ws.addTable({
    name: s.tableName,
    ref: a1(headerRow, 0),
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: s.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
  s.columns.forEach((c, j) => {
    ws.getColumn(j + 1).width = c.width;
    if (!c.format) return;
    for (let i = 0; i < rows.length; i++) ws.getCell(headerRow + 2 + i, j + 1).numFmt = NUMBER_FORMAT[c.format];
  });
}

function freezeHeader(ws: Worksheet, headerRow: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow + 1, topLeftCell: a1(headerRow + 1, 0) }];
}

function addDataBars(ws: Worksheet, s: OwnedSheet, headerRow: number): void {
  if (!s.chart || s.rows.length === 0) return;
  const col = columnLetter(s.chart.valueCol);
  // ExcelJS reads and writes the bar colour, though its typings leave it out.
  const bars: DataBarRuleType & { color: Partial<Color> } = {
    type: 'dataBar',
    priority: 1,
    gradient: false,
    cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
    color: { argb: argb(BAR_COLOR) },
  };
  ws.addConditionalFormatting({ ref: `${col}${headerRow + 2}:${col}${headerRow + 1 + s.rows.length}`, rules: [bars] });
}

function addLinks(ws: Worksheet, links: readonly OwnedLink[], headerRow: number): void {
  for (const link of links) {
    const cell = ws.getCell(headerRow + 2 + link.row, link.col + 1);
    const text = cell.value === null || cell.value === undefined ? link.cell : String(cell.value);
    cell.value = { text, hyperlink: internalLink(link.sheet, link.cell) };
    cell.font = LINK_FONT;
  }
}

function writeOwnedSheet(wb: Workbook, s: OwnedSheet): void {
  const old = wb.getWorksheet(s.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(s.name);
  const headerRow = tableHeaderRow(s);
  writeTitle(ws, s.title);
  writeTable(ws, s, headerRow);
  freezeHeader(ws, headerRow);
  addDataBars(ws, s, headerRow);
  addLinks(ws, s.links, headerRow);
}

/** Create or replace the KQ sheets, each re-added after the user's sheets. */
export function writeOwnedSheetsIn(wb: Workbook, sheets: readonly OwnedSheet[]): void {
  for (const s of sheets) writeOwnedSheet(wb, s);
}
