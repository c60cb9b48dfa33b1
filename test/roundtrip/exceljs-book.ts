/**
 * ExcelJS in the round trip, as a writer of users' books and as an independent reader: a book
 * description rendered to real .xlsx bytes (what a user's file looks like once saved), and the
 * state of a workbook loaded by ExcelJS as plain data to compare:
 * every worksheet's full model (cells with values, formulas, results, styles and notes; rows with
 * heights and hidden flags; columns; merges; conditional formats; filter; views; properties),
 * the sheet order and states, and the workbook's defined names.
 */
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { FLAG_MARK, NOTE_PREFIX, formulaString } from '../../src/core/flag-plan';
import { isOwnSheetName } from '../../src/core/header';
import { dateOfSerial, rectAddress, runsText, type BookDesc, type CellDesc, type RichRun, type RuleKind, type RuleStyle, type Scalar, type SheetDesc, type StyleDesc } from './book';

function scalarValue(s: Scalar): ExcelJS.CellValue {
  switch (s.kind) {
    case 'text':
      return s.text;
    case 'number':
    case 'bool':
      return s.value;
    case 'date':
      return dateOfSerial(s.serial);
    case 'error':
      return { error: s.code } as ExcelJS.CellErrorValue;
  }
}

function runFont(r: RichRun): Partial<ExcelJS.Font> | undefined {
  if (!r.bold && !r.color) return undefined;
  return { ...(r.bold ? { bold: true } : {}), ...(r.color ? { color: { argb: r.color } } : {}) };
}

function richText(runs: readonly RichRun[]): ExcelJS.RichText[] {
  return runs.map((r) => {
    const font = runFont(r);
    return font ? { text: r.text, font } : { text: r.text };
  });
}

function cellValue(c: CellDesc): ExcelJS.CellValue {
  switch (c.kind) {
    case 'rich':
      return { richText: richText(c.runs) };
    case 'link':
      return { text: c.text, hyperlink: c.target };
    case 'formula':
      return { formula: c.formula, result: scalarValue(c.result) } as ExcelJS.CellFormulaValue;
    default:
      return scalarValue(c);
  }
}

function dateFormatOf(c: CellDesc): string | null {
  if (c.kind === 'date') return c.format;
  if (c.kind === 'formula' && c.result.kind === 'date') return c.result.format;
  return null;
}

function applyStyle(cell: ExcelJS.Cell, st: StyleDesc): void {
  if (st.font) {
    const { color, ...rest } = st.font;
    cell.font = { ...cell.font, ...rest, ...(color ? { color: { argb: color } } : {}) };
  }
  if (st.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: st.fill } };
  if (st.numFmt) cell.numFmt = st.numFmt;
  if (st.alignment) cell.alignment = { ...cell.alignment, ...st.alignment };
  if (st.border) {
    const side = { style: st.border };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
}

function dxf(style: RuleStyle): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontColor) font.color = { argb: style.fontColor };
  if (style.bold) font.bold = true;
  return {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: style.fill } },
    ...(Object.keys(font).length > 0 ? { font } : {}),
  };
}

function excelRule(kind: RuleKind, priority: number, top: number): ExcelJS.ConditionalFormattingRule {
  switch (kind.type) {
    case 'expression':
      return { type: 'expression', priority, formulae: [kind.formula.replace(/\{top\}/g, String(top + 1))], style: dxf(kind.style) };
    case 'cellIs':
      return { type: 'cellIs', operator: kind.operator, priority, formulae: [...kind.formulae], style: dxf(kind.style) };
    case 'containsText':
      return { type: 'containsText', operator: 'containsText', text: kind.text, priority, style: dxf(kind.style) };
    case 'top10':
      return { type: 'top10', rank: kind.rank, percent: false, bottom: kind.bottom, priority, style: dxf(kind.style) };
    case 'colorScale':
      return {
        type: 'colorScale',
        priority,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: [{ argb: kind.low }, { argb: kind.high }],
      };
    case 'dataBar': {
      // ExcelJS writes the x14 extension only for a bar whose gradient is not set or false.
      const bar: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
        type: 'dataBar',
        priority,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: { argb: kind.color },
        ...(kind.fill === 'classic' ? { gradient: true } : kind.fill === 'solid' ? { gradient: false } : {}),
      };
      return bar;
    }
  }
}

/** Vertical runs of cells sharing one formula template: [column, first row, last row]. */
function sharedRuns(s: SheetDesc): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  const width = Math.max(0, ...s.cells.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < s.cells.length) {
      const v = s.cells[r]?.[c];
      if (!v || v.kind !== 'formula' || v.share === null) {
        r++;
        continue;
      }
      let last = r;
      for (;;) {
        const next = s.cells[last + 1]?.[c];
        if (next && next.kind === 'formula' && next.share === v.share) last++;
        else break;
      }
      if (last > r) runs.push([c, r, last]);
      r = last + 1;
    }
  }
  return runs;
}

function renderSheet(wb: ExcelJS.Workbook, s: SheetDesc): void {
  const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
  if (s.tabColor) ws.properties.tabColor = { argb: s.tabColor };
  for (const c of s.columns) {
    const col = ws.getColumn(c.col + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  s.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = cellValue(v);
    }),
  );
  for (const [c, top, bottom] of sharedRuns(s)) {
    const master = s.cells[top]![c] as Extract<CellDesc, { kind: 'formula' }>;
    const results = [];
    for (let r = top; r <= bottom; r++) results.push(scalarValue((s.cells[r]![c] as Extract<CellDesc, { kind: 'formula' }>).result));
    // ExcelJS types the results as numbers, but writes any cached value.
    ws.fillFormula(rectAddress({ top, left: c, bottom, right: c }), master.formula, results as unknown as number[]);
  }
  for (const { row, col, style } of s.styles) applyStyle(ws.getCell(row + 1, col + 1), style);
  // A real date keeps a date format, so that Excel (and ExcelJS) shows it as a date.
  s.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const fmt = v && dateFormatOf(v);
      if (fmt) ws.getCell(r + 1, c + 1).numFmt = fmt;
    }),
  );
  for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
  for (const { row, height } of s.rowHeights) ws.getRow(row + 1).height = height;
  for (const n of s.notes) {
    const cell = ws.getCell(n.row + 1, n.col + 1);
    const plain = n.runs.length === 1 && !n.runs[0]!.bold && !n.runs[0]!.color;
    cell.note = plain ? runsText(n.runs) : { texts: richText(n.runs) };
  }
  for (const f of s.formats) {
    const top = f.ranges[0]!.top;
    ws.addConditionalFormatting({ ref: f.ranges.map(rectAddress).join(' '), rules: f.rules.map((r) => excelRule(r.kind, r.priority, top)) });
  }
  if (s.autoFilter) ws.autoFilter = rectAddress(s.autoFilter);
  if (s.frozenRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: s.frozenRows, topLeftCell: `A${s.frozenRows + 1}`, activeCell: 'A1' }];
}

/** Zip entries stored rather than deflated: the parts are the same, and deflating them is most of what a save costs. */
const STORED = { zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;

export async function saveStored(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer(STORED)) as ArrayBuffer);
}

/** The description as the bytes of an .xlsx file. */
export async function toXlsx(book: BookDesc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng UBND';
  for (const s of book.sheets) renderSheet(wb, s);
  return saveStored(wb);
}

/** Load bytes with ExcelJS, the independent reader. */
export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// State

function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v) ?? 'null');
}

const MARKERS = Object.values(FLAG_MARK).map(formulaString);

function isOurRule(rule: unknown): boolean {
  const formulae = (rule as { formulae?: unknown[] }).formulae ?? [];
  return formulae.some((f) => typeof f === 'string' && MARKERS.some((m) => f.includes(m)));
}

function noteText(comment: unknown): string {
  const note = (comment as { note?: unknown } | undefined)?.note ?? comment;
  if (typeof note === 'string') return note;
  return ((note as { texts?: Array<{ text?: string }> } | undefined)?.texts ?? []).map((t) => t.text ?? '').join('');
}

type Model = Record<string, unknown>;
type RowModel = { cells: Model[] } & Model;

function without(o: Model, ...keys: string[]): Model {
  const out = { ...o };
  for (const k of keys) delete out[k];
  return out;
}

/** The font of ExcelJS's default cell format (cellXfs 0), which every file it writes starts with. */
const DEFAULT_FONT = { color: { theme: 1 }, family: 2, scheme: 'minor', size: 11, name: 'Calibri' };
const NO_FILL = { type: 'pattern', pattern: 'none' };

const isEmptyObject = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length === 0;

/**
 * A style as it looks: the parts equal to the default format are left out. A cell format that only
 * repeats the default one (default font, no fill, no border, an empty alignment) is saved by ExcelJS
 * as the default format itself, which reads back without those parts: the cell looks the same.
 */
function visibleStyle(style: unknown): unknown {
  if (typeof style !== 'object' || style === null) return style;
  const out: Model = { ...(style as Model) };
  if (isDeepStrictEqual(out.font, DEFAULT_FONT)) delete out.font;
  if (isDeepStrictEqual(out.fill, NO_FILL)) delete out.fill;
  for (const k of ['border', 'alignment', 'protection']) if (isEmptyObject(out[k])) delete out[k];
  return out;
}

function isBlankCell(cell: Model): boolean {
  const style = cell.style as Model | undefined;
  return cell.type === ExcelJS.ValueType.Null && cell.comment === undefined && (!style || Object.keys(style).length === 0);
}

/**
 * One worksheet as plain data: its whole ExcelJS model but its id (a number ExcelJS reassigns) and
 * the `dimensions` derived from the cells. Cells that hold nothing at all (no value, no style, no
 * note: ExcelJS never writes them to the file) are left out, and so are rows left with nothing.
 * With `withoutOurs`, the add-in's own rules and notes are taken out first.
 */
export function sheetState(ws: ExcelJS.Worksheet, withoutOurs = false): Model {
  const model = plain(ws.model) as Model;
  delete model.id;
  delete model.dimensions;
  const cfs = (model.conditionalFormattings as Array<{ rules: Model[] } & Model>) ?? [];
  // ExcelJS draws a fresh x14 id for extension rules (data bars) on every save: not the user's data.
  for (const cf of cfs) for (const rule of cf.rules) delete rule.x14Id;
  if (withoutOurs) {
    model.conditionalFormattings = cfs.map((cf) => ({ ...cf, rules: cf.rules.filter((r) => !isOurRule(r)) })).filter((cf) => cf.rules.length > 0);
  }
  const rows = (model.rows as RowModel[]) ?? [];
  model.cols = ((model.cols as Model[] | undefined) ?? []).map((col) => ({ ...col, style: visibleStyle(col.style) }));
  model.rows = rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const c: Model = { ...cell, style: visibleStyle(cell.style) };
          if (withoutOurs && c.comment !== undefined && noteText(c.comment).startsWith(NOTE_PREFIX)) return without(c, 'comment');
          return c;
        })
        .filter((cell) => !isBlankCell(cell));
      return { ...without(row, 'min', 'max'), style: visibleStyle(row.style), cells } as RowModel;
    })
    .filter((row) => row.cells.length > 0 || row.height !== undefined || row.hidden || row.outlineLevel || (row.style && Object.keys(row.style as Model).length > 0));
  return model;
}

export interface BookState {
  readonly sheets: Model[];
  readonly definedNames: unknown;
}

/** Every sheet (the add-in's own included), in tab order. */
export function bookState(wb: ExcelJS.Workbook): BookState {
  return { sheets: wb.worksheets.map((ws) => sheetState(ws)), definedNames: plain(wb.definedNames.model) };
}

/** The user's sheets only, in tab order; optionally without the add-in's rules and notes. */
export function userState(wb: ExcelJS.Workbook, withoutOurs = false): BookState {
  return {
    sheets: wb.worksheets.filter((ws) => !isOwnSheetName(ws.name)).map((ws) => sheetState(ws, withoutOurs)),
    definedNames: plain(wb.definedNames.model),
  };
}

/** How many of the add-in's rules and notes a book holds (to show the property is not vacuous). */
export function countOurs(wb: ExcelJS.Workbook): { rules: number; notes: number; userNotesKept: number } {
  let rules = 0;
  let notes = 0;
  let userNotesKept = 0;
  for (const ws of wb.worksheets) {
    const model = ws.model as unknown as Model;
    for (const cf of (model.conditionalFormattings as Array<{ rules: unknown[] }>) ?? []) rules += cf.rules.filter(isOurRule).length;
    for (const row of (model.rows as RowModel[]) ?? []) {
      for (const cell of row.cells) {
        if (cell.comment === undefined) continue;
        if (noteText(cell.comment).startsWith(NOTE_PREFIX)) notes++;
        else userNotesKept++;
      }
    }
  }
  return { rules, notes, userNotesKept };
}
