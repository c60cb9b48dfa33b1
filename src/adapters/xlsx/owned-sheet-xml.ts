/**
 * The add-in's own worksheets as XML: the KQ sheets (a title, an Excel table with its columns'
 * formats, a frozen header, links to the findings' cells, the scores chart's anchor), the very
 * hidden helper sheet of deadline serials and the very hidden settings sheet. Text is always
 * written as an inline string, never as a formula: "=HYPERLINK(…)" from a user's cell stays text.
 */
import { a1, columnLetter, parseA1 } from '../../core/cells';
import { quoteSheet, type FlagPlan, type HelperCell } from '../../core/flag-plan';
import { tableHeaderRow, type OwnedCell, type OwnedSheet } from '../../core/owned-sheets';
import { LINK_COLOR, NUMBER_FORMAT, argb } from '../../core/presentation';
import type { Text } from './splice';
import type { CellFormat } from './styles-edit';
import { escapeAttr, ooxmlText } from './xml-text';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TABLE_STYLE = 'TableStyleMedium2';

export const OWNED_FORMATS = {
  title: { numFmt: null, font: { bold: true, size: 14 } },
  subtitle: { numFmt: null, font: { bold: true, size: 11 } },
  integer: { numFmt: NUMBER_FORMAT.integer, font: null },
  score: { numFmt: NUMBER_FORMAT.score, font: null },
  percent: { numFmt: NUMBER_FORMAT.percent, font: null },
  text: { numFmt: NUMBER_FORMAT.text, font: null },
  link: { numFmt: NUMBER_FORMAT.text, font: { underline: true, color: argb(LINK_COLOR) } },
} as const satisfies Record<string, CellFormat>;

export type OwnedFormat = keyof typeof OWNED_FORMATS;

function rootOpen(main: string, r: string): string {
  return `${XML_DECL}<worksheet xmlns="${main}" xmlns:r="${r}">`;
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${ooxmlText(text)}</t></is></c>`;
}

function cell(ref: string, v: OwnedCell, style: number): string {
  if (v === null) return style ? `<c r="${ref}" s="${style}"/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : textCell(ref, String(v), style);
  return textCell(ref, v, style);
}

/** The link written for a finding: a place in this workbook ('Sheet'!$E$5), or in the book a link's `file` names. */
export function linkLocation(sheet: string, cellRef: string): string {
  const at = parseA1(cellRef);
  if (!at) throw new Error(`not an A1 cell address: ${cellRef}`);
  return `${quoteSheet(sheet)}!$${columnLetter(at.col)}$${at.row + 1}`;
}

export interface OwnedSheetParts {
  /** The worksheet part, made row by row when written. */
  readonly sheet: Text;
  readonly tableXml: string;
  readonly tableRef: string;
}

/** The rows of the table: an empty list keeps one blank row (Excel refuses a table without one). */
function tableRows(s: OwnedSheet): readonly (readonly OwnedCell[])[] {
  return s.rows.length > 0 ? s.rows : [s.columns.map(() => null)];
}

export function ownedSheetXml(
  s: OwnedSheet,
  styles: Readonly<Record<OwnedFormat, number>>,
  ids: {
    readonly tableRId: string;
    readonly drawingRId: string | null;
    readonly tableId: number;
    readonly main: string;
    readonly r: string;
    /** The relationship of each link into another book (SPEC §7), by its index in `s.links`. */
    readonly fileLinkRIds?: ReadonlyMap<number, string>;
  },
): OwnedSheetParts {
  const headerRow = tableHeaderRow(s);
  const rows = tableRows(s);
  const lastCol = Math.max(0, s.columns.length - 1);
  const lastRow = headerRow + rows.length;
  const tableRef = `${a1(headerRow, 0)}:${a1(lastRow, lastCol)}`;
  const links = new Map(s.links.map((l) => [`${l.row},${l.col}`, l]));
  const colStyle = s.columns.map((c) => styles[c.format ?? 'text']);
  const linkText = (i: number, j: number, cellRef: string): string => {
    const v = rows[i]?.[j];
    return v === null || v === undefined ? cellRef : String(v);
  };
  function* sheet(): Iterable<string> {
    yield rootOpen(ids.main, ids.r);
    yield `<dimension ref="A1:${a1(lastRow, lastCol)}"/>`;
    const split = headerRow + 1;
    yield `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${split + 1}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A${split + 1}" sqref="A${split + 1}"/></sheetView></sheetViews>`;
    yield '<sheetFormatPr defaultRowHeight="15"/>';
    yield `<cols>${s.columns.map((c, j) => `<col min="${j + 1}" max="${j + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`;
    yield '<sheetData>';
    for (let i = 0; i < s.title.length; i++) yield `<row r="${i + 1}">${textCell(a1(i, 0), s.title[i]!, i === 0 ? styles.title : styles.subtitle)}</row>`;
    yield `<row r="${headerRow + 1}">${s.columns.map((c, j) => textCell(a1(headerRow, j), c.header, 0)).join('')}</row>`;
    for (let i = 0; i < rows.length; i++) {
      const r = headerRow + 1 + i;
      const row = rows[i]!;
      const cells = s.columns.map((_, j) => {
        const ref = a1(r, j);
        const link = links.get(`${i},${j}`);
        return link ? textCell(ref, linkText(i, j, link.cell), styles.link) : cell(ref, row[j] ?? null, colStyle[j]!);
      });
      yield `<row r="${r + 1}">${cells.join('')}</row>`;
    }
    yield '</sheetData>';
    if (s.links.length > 0) {
      yield '<hyperlinks>';
      for (const [k, l] of s.links.entries()) {
        const ref = a1(headerRow + 1 + l.row, l.col);
        const rId = ids.fileLinkRIds?.get(k);
        // A link into another book names that file by its relationship; the location is then the place within it.
        const target = rId === undefined ? '' : ` r:id="${escapeAttr(rId)}"`;
        yield `<hyperlink ref="${ref}"${target} location="${escapeAttr(linkLocation(l.sheet, l.cell))}" display="${escapeAttr(linkText(l.row, l.col, l.cell))}"/>`;
      }
      yield '</hyperlinks>';
    }
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (ids.drawingRId) yield `<drawing r:id="${ids.drawingRId}"/>`;
    yield `<tableParts count="1"><tablePart r:id="${ids.tableRId}"/></tableParts>`;
    yield '</worksheet>';
  }
  const tableXml =
    `${XML_DECL}<table xmlns="${ids.main}" id="${ids.tableId}" name="${escapeAttr(s.tableName)}" displayName="${escapeAttr(s.tableName)}" ref="${tableRef}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${tableRef}"/><tableColumns count="${s.columns.length}">` +
    s.columns.map((c, j) => `<tableColumn id="${j + 1}" name="${escapeAttr(tableColumnName(c.header))}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  return { sheet, tableXml, tableRef };
}

/** A table column's name is its header's text, with line breaks escaped as Excel writes them. */
function tableColumnName(header: string): string {
  return header.replace(/\r?\n/g, '_x000a_');
}

/** The very hidden helper sheet: the plan's helper cells (the engine's reading of text dates), on each task's row. */
export function helperSheetXml(plan: FlagPlan, main: string, r: string): Text {
  return function* () {
    const byRow = new Map<number, HelperCell[]>();
    for (const s of plan.sheets) {
      for (const c of s.helperCells) {
        const list = byRow.get(c.row) ?? [];
        list.push(c);
        byRow.set(c.row, list);
      }
    }
    yield `${rootOpen(main, r)}<sheetData>`;
    for (const [row, cells] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
      yield `<row r="${row + 1}">${cells.sort((a, b) => a.col - b.col).map((c) => cell(a1(row, c.col), c.value, 0)).join('')}</row>`;
    }
    yield '</sheetData></worksheet>';
  };
}

/** The very hidden settings sheet: the settings' JSON text in A1. */
export function settingsSheetXml(json: string, main: string, r: string): string {
  return `${rootOpen(main, r)}<sheetData><row r="1">${textCell('A1', json, 0).replace(' s="0"', '')}</row></sheetData></worksheet>`;
}

/**
 * The relationship target of a link to another book in the same folder: its file name as a relative
 * URI reference. Only what would change the reference's meaning is escaped (%, #, ?, spaces and
 * control characters); Vietnamese letters stay as they are, as IRIs allow.
 */
export function fileLinkTarget(file: string): string {
  return file.replace(/[%#?\s\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c));
}
