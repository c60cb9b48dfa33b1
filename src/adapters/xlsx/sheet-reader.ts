/**
 * A worksheet part streamed into the engine's SheetData (src/core/cells.ts), and its layout: where
 * each top-level element lies in the part's bytes, which the writer needs to patch it.
 *
 * Values: numbers (dates when their format shows a date, in either date system), shared and inline
 * strings (rich-text runs joined), booleans, errors, ISO dates (t="d"), formulas' cached values
 * (shared formulas included: every cell carries its own). What a damaged sheet gets:
 * - a cell or merge reference beyond XFD1048576: the sheet cannot be read (Excel refuses it too);
 * - a shared-string index out of range: the sheet cannot be read, naming the cell;
 * - NaN, INF or 1e999 where a number belongs: the text as written, which a date column reports as
 *   an invalid date quoting it;
 * - text longer than Excel's 32,767 characters: its first 32,767;
 * - more than CELL_LIMIT values in the book: refused as too large, before memory runs out.
 */
import type { CellValue, MergeRange, SheetData } from '../../core/cells';
import { a1, columnLetter, MAX_COLUMNS, MAX_ROWS } from '../../core/cells';
import { inSheet, XlsxError, XmlSyntaxError } from './errors';
import type { XlsxPackage } from './package';
import { cutToCellLimit } from './shared-strings';
import { decodeAttr, decodeText, unescapeOoxml } from './xml-text';
import { ascii, CDATA, CLOSE, EMPTY, END, NONE, OPEN, TEXT, XmlTokenizer } from './xml-tokens';

export interface TopElement {
  readonly local: string;
  /** Absolute byte offsets in the inflated part. */
  readonly start: number;
  end: number;
  /** The element's bytes, kept for the few elements the writer looks into. */
  raw: Uint8Array | null;
  /** For mc:AlternateContent, the element its first choice holds (its place in the schema's order). */
  inner: string | null;
}

export interface SheetLayout {
  readonly part: string;
  rootName: string;
  rootPrefix: string;
  /** Namespace declarations of the root element: prefix ('' for default) → URI. */
  readonly namespaces: Map<string, string>;
  rootOpenEnd: number;
  rootCloseStart: number;
  readonly children: TopElement[];
}

/** Values in one book at most: about three times the bench's 1,000,000-row book. */
export const CELL_LIMIT = 30_000_000;

export interface CellBudget {
  used: number;
}

export interface SheetReadOptions {
  readonly sheet: string;
  /** False: the layout only (the add-in's own sheets, which are never read as data). */
  readonly values: boolean;
  readonly sharedStrings: readonly string[] | null;
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  readonly budget: CellBudget;
}

const CAPTURED = new Set(['conditionalFormatting', 'extLst', 'legacyDrawing', 'drawing', 'tableParts']);

const N_ROW = ascii('row');
const N_C = ascii('c');
const N_V = ascii('v');
const N_IS = ascii('is');
const N_T = ascii('t');
const N_RPH = ascii('rPh');
const N_R = ascii('r');
const N_MERGE_CELL = ascii('mergeCell');
const N_REF = ascii('ref');

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const MS_PER_DAY = 86_400_000;
const EXCEL_LEAP_BUG_END = Date.UTC(1900, 2, 1);
const EXCEL_FIRST_DAY = Date.UTC(1900, 0, 1);
const EXCEL_AFTER_LAST_DAY = Date.UTC(10000, 0, 1);
const EPOCH_1899 = Date.UTC(1899, 11, 30);
const MAX_DATE_MS = 8.64e15;

/**
 * A date-formatted serial as the engine reads it: Excel shows serials before 1900-03-01 one day
 * later than the calendar (its fictitious 29/02/1900); a serial Excel cannot show as a date (0,
 * negative, after 9999-12-31) stays a number, which a date column reports as invalid.
 */
export function dateValue(serial: number, date1904: boolean): CellValue {
  const t = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  if (!(Math.abs(t) <= MAX_DATE_MS)) return '########';
  const shown = t < EXCEL_LEAP_BUG_END ? t + MS_PER_DAY : t;
  if (shown < EXCEL_FIRST_DAY || shown >= EXCEL_AFTER_LAST_DAY) return Math.round(((t - EPOCH_1899) / MS_PER_DAY) * 1e6) / 1e6;
  return { date: shown / MS_PER_DAY };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/;

/** A t="d" cell: an ISO 8601 date (LibreOffice and openpyxl may write them). */
function isoDateValue(text: string): CellValue {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return Number.isNaN(t) ? text : { date: t / MS_PER_DAY };
}

class SheetParser {
  readonly rows: (CellValue[] | undefined)[] = [];
  readonly merges: MergeRange[] = [];
  readonly layout: SheetLayout;
  private readonly tok: XmlTokenizer;

  private inSheetData = false;
  private inMerges = false;
  private top: TopElement | null = null;
  private rowIndex = -1;
  private colIndex = -1;
  // The cell being read.
  private inCell = false;
  /** The r of a row outside the grid, until its first cell names the place. */
  private badRow: string | null = null;
  private cellRow = 0;
  private cellCol = 0;
  private cellType = T_NUMBER;
  private cellStyle = -1;
  private inV = false;
  private vSeen = false;
  private vText = '';
  private vNumber = NaN;
  private vNumeric = false;
  private inIs = false;
  private isText = '';
  private inT = false;
  private phoneticDepth = 0;

  constructor(
    readonly part: string,
    private readonly pkg: XlsxPackage,
    private readonly opts: SheetReadOptions,
  ) {
    this.tok = new XmlTokenizer(part);
    this.layout = { part, rootName: '', rootPrefix: '', namespaces: new Map(), rootOpenEnd: 0, rootCloseStart: 0, children: [] };
  }

  async run(): Promise<void> {
    for await (const chunk of this.pkg.chunks(this.part)) {
      this.tok.feed(chunk);
      this.drain();
    }
    this.tok.feed(new Uint8Array(0), true);
    this.drain();
  }

  private drain(): void {
    const tok = this.tok;
    for (;;) {
      const k = tok.next();
      if (k === NONE || k === END) return;
      if (this.inSheetData && tok.depth >= 2) {
        if (this.opts.values) this.sheetDataToken(k);
        continue;
      }
      if (k === OPEN || k === EMPTY) this.openOutside(k);
      else if (k === CLOSE) this.closeOutside();
      else if (this.inSheetData && k !== TEXT && k !== CDATA) this.sheetDataToken(k);
    }
  }

  private openOutside(k: number): void {
    const tok = this.tok;
    const depth = k === OPEN ? tok.depth - 1 : tok.depth;
    if (depth === 0) {
      this.startRoot(k);
      return;
    }
    if (depth === 1) {
      const local = this.pkg.platform.utf8(tok.buf, tok.localStart, tok.nameEnd);
      const el: TopElement = { local, start: tok.abs(tok.start), end: tok.abs(tok.end), raw: null, inner: null };
      this.layout.children.push(el);
      if (k === EMPTY) {
        if (CAPTURED.has(local)) el.raw = tok.buf.slice(tok.start, tok.end);
        return;
      }
      this.top = el;
      if (CAPTURED.has(local)) tok.keepFrom(el.start);
      if (local === 'sheetData') this.inSheetData = true;
      else if (local === 'mergeCells') this.inMerges = true;
      return;
    }
    if (depth === 3 && this.top && this.top.local === 'AlternateContent' && this.top.inner === null) {
      this.top.inner = this.pkg.platform.utf8(tok.buf, tok.localStart, tok.nameEnd);
    }
    if (depth === 2 && this.inMerges && tok.localIs(N_MERGE_CELL)) this.mergeCell();
  }

  private closeOutside(): void {
    const tok = this.tok;
    if (tok.depth === 1 && this.top) {
      const el = this.top;
      el.end = tok.abs(tok.end);
      if (CAPTURED.has(el.local)) {
        el.raw = tok.slice(el.start, el.end);
        tok.keepFrom(-1);
      }
      this.top = null;
      this.inSheetData = false;
      this.inMerges = false;
    } else if (tok.depth === 0) {
      this.layout.rootCloseStart = tok.abs(tok.start);
    }
  }

  private startRoot(k: number): void {
    const tok = this.tok;
    const platform = this.pkg.platform;
    const local = platform.utf8(tok.buf, tok.localStart, tok.nameEnd);
    if (local !== 'worksheet') throw new XmlSyntaxError(`<${local}> where a worksheet belongs`, tok.abs(tok.start));
    this.layout.rootName = platform.utf8(tok.buf, tok.nameStart, tok.nameEnd);
    this.layout.rootPrefix = tok.localStart > tok.nameStart ? platform.utf8(tok.buf, tok.nameStart, tok.localStart - 1) : '';
    for (let i = 0; i < tok.attrCount; i++) {
      const name = platform.utf8(tok.buf, tok.nameStartOf(i), tok.nameEndOf(i));
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        this.layout.namespaces.set(name === 'xmlns' ? '' : name.slice(6), decodeAttr(tok.buf, tok.valueStart(i), tok.valueEnd(i), platform));
      }
    }
    this.layout.rootOpenEnd = tok.abs(tok.end);
    if (k === EMPTY) this.layout.rootCloseStart = tok.abs(tok.start);
  }

  private mergeCell(): void {
    const tok = this.tok;
    const a = tok.attrIndex(N_REF);
    if (a < 0) return;
    const ref = this.pkg.platform.utf8(tok.buf, tok.valueStart(a), tok.valueEnd(a));
    const [from, to = from] = ref.split(':');
    const tl = parseRef(from!);
    const br = parseRef(to!);
    if (!tl || !br) throw new XlsxError({ kind: 'outside-grid', part: this.part, sheet: this.opts.sheet, ref });
    this.merges.push({ top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) });
  }

  /** Everything inside <sheetData>: the hot path. */
  private sheetDataToken(k: number): void {
    const tok = this.tok;
    if (k === OPEN || k === EMPTY) {
      const depth = k === OPEN ? tok.depth - 1 : tok.depth;
      if (depth === 2) {
        if (tok.localIs(N_ROW)) {
          this.startRow();
          if (k === EMPTY && this.badRow !== null) throw this.outsideGrid(`row ${this.badRow}`);
        }
      } else if (depth === 3) {
        if (tok.localIs(N_C)) this.startCell(k === EMPTY);
      } else if (this.inCell) {
        if (depth === 4) {
          if (tok.localIs(N_V)) {
            if (k === OPEN) this.inV = true;
            else this.vSeen = true;
          } else if (tok.localIs(N_IS)) {
            this.inIs = k === OPEN;
            this.isText = '';
            this.vSeen = true;
          }
        } else if (this.inIs && this.phoneticDepth === 0 && k === OPEN) {
          if (tok.localIs(N_RPH)) this.phoneticDepth = tok.depth;
          else if (tok.localIs(N_T)) this.inT = true;
        }
      }
      return;
    }
    if (k === CLOSE) {
      const d = tok.depth;
      if (d === 2 && this.badRow !== null) throw this.outsideGrid(`row ${this.badRow}`);
      if (d === 3) {
        if (this.inCell) this.endCell();
      } else if (d === 4) {
        this.inV = false;
        this.inIs = false;
      } else if (this.phoneticDepth > 0 && d < this.phoneticDepth) {
        this.phoneticDepth = 0;
      } else if (this.inT) {
        this.inT = false;
      }
      return;
    }
    // Text or CDATA.
    if (this.inV) this.valueText(k);
    else if (this.inT && this.phoneticDepth === 0) {
      this.isText += k === CDATA ? this.pkg.platform.utf8(tok.buf, tok.textStart, tok.textEnd) : decodeText(tok.buf, tok.textStart, tok.textEnd, this.pkg.platform, tok.base);
    }
  }

  private startRow(): void {
    const tok = this.tok;
    const a = tok.attrIndex(N_R);
    this.badRow = null;
    if (a < 0) this.rowIndex++;
    else {
      const n = digits(tok.buf, tok.valueStart(a), tok.valueEnd(a));
      // Outside the grid: its first cell names the place (E1048577); a row without cells, the row.
      if (n < 1 || n > MAX_ROWS) this.badRow = this.pkg.platform.utf8(tok.buf, tok.valueStart(a), tok.valueEnd(a));
      this.rowIndex = n - 1;
    }
    if (this.rowIndex >= MAX_ROWS && this.badRow === null) this.badRow = String(this.rowIndex + 1);
    this.colIndex = -1;
  }

  private outsideGrid(ref: string): XlsxError {
    return new XlsxError({ kind: 'outside-grid', part: this.part, sheet: this.opts.sheet, ref });
  }

  private startCell(empty: boolean): void {
    const tok = this.tok;
    const b = tok.buf;
    let type = T_NUMBER;
    let style = -1;
    let hasRef = false;
    for (let i = 0; i < tok.attrCount; i++) {
      const ns = tok.attrs[i * 5 + 2]!;
      if (tok.attrs[i * 5 + 1]! - ns !== 1) continue;
      const name = b[ns]!;
      const vs = tok.valueStart(i);
      const ve = tok.valueEnd(i);
      if (name === 114 /* r */) {
        hasRef = true;
        this.cellRef(vs, ve);
      } else if (name === 116 /* t */) type = cellType(b, vs, ve);
      else if (name === 115 /* s */) style = digits(b, vs, ve);
    }
    if (!hasRef) {
      this.cellRow = this.rowIndex < 0 ? 0 : this.rowIndex;
      this.cellCol = this.colIndex + 1;
      if (this.badRow !== null) throw this.outsideGrid(`${columnLetter(Math.min(this.cellCol, MAX_COLUMNS - 1))}${this.badRow}`);
      if (this.cellCol >= MAX_COLUMNS) throw this.outsideGrid(`column ${this.cellCol + 1}`);
    } else if (this.badRow !== null) {
      throw this.outsideGrid(`${columnLetter(this.cellCol)}${this.badRow}`);
    }
    this.colIndex = this.cellCol;
    if (empty) return;
    this.inCell = true;
    this.cellType = type;
    this.cellStyle = style;
    this.vSeen = false;
    this.vText = '';
    this.vNumeric = false;
    this.inV = false;
    this.inIs = false;
    this.inT = false;
    this.phoneticDepth = 0;
  }

  private cellRef(vs: number, ve: number): void {
    const b = this.tok.buf;
    let i = vs;
    let col = 0;
    while (i < ve) {
      let c = b[i]!;
      if (c >= 97 && c <= 122) c -= 32;
      if (c < 65 || c > 90) break;
      col = col * 26 + (c - 64);
      i++;
    }
    const letters = i - vs;
    let row = 0;
    const digitStart = i;
    while (i < ve) {
      const c = b[i]! - 48;
      if (c < 0 || c > 9) break;
      row = row * 10 + c;
      i++;
    }
    if (letters === 0 || i !== ve || i === digitStart || letters > 3 || i - digitStart > 7 || col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) {
      const ref = this.pkg.platform.utf8(b, vs, ve);
      throw new XlsxError({ kind: 'outside-grid', part: this.part, sheet: this.opts.sheet, ref });
    }
    this.cellRow = row - 1;
    this.cellCol = col - 1;
  }

  private valueText(k: number): void {
    const tok = this.tok;
    const b = tok.buf;
    this.vSeen = true;
    const type = this.cellType;
    if ((type === T_NUMBER || type === T_SHARED) && k === TEXT && this.vText === '' && !this.vNumeric) {
      const n = simpleNumber(b, tok.textStart, tok.textEnd);
      if (n !== null) {
        this.vNumber = n;
        this.vNumeric = true;
        return;
      }
    }
    if (this.vNumeric) {
      // A second piece of text: fall back to the text of both.
      this.vText = String(this.vNumber);
      this.vNumeric = false;
    }
    this.vText += k === CDATA ? this.pkg.platform.utf8(b, tok.textStart, tok.textEnd) : decodeText(b, tok.textStart, tok.textEnd, this.pkg.platform, tok.base);
  }

  private endCell(): void {
    this.inCell = false;
    this.inV = false;
    if (!this.vSeen) return;
    let v: CellValue;
    switch (this.cellType) {
      case T_SHARED:
        v = this.sharedString();
        break;
      case T_STR:
        v = cutToCellLimit(unescapeOoxml(this.vText));
        break;
      case T_INLINE:
        v = cutToCellLimit(unescapeOoxml(this.isText || this.vText));
        break;
      case T_BOOL: {
        const t = this.vNumeric ? String(this.vNumber) : this.vText.trim();
        v = t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : { error: '#VALUE!' };
        break;
      }
      case T_ERROR:
        v = { error: this.vText.trim() || '#N/A' };
        break;
      case T_DATE:
        v = isoDateValue(this.vNumeric ? String(this.vNumber) : this.vText);
        break;
      default:
        v = this.number();
    }
    if (v === null) return;
    this.store(v);
  }

  private number(): CellValue {
    let n: number;
    if (this.vNumeric) n = this.vNumber;
    else {
      const t = this.vText.trim();
      if (t === '') return null;
      n = Number(t);
    }
    // "NaN", "INF", "1e999": no number Excel can hold; read as the text written, which a date
    // column reports as an invalid date quoting it.
    if (!Number.isFinite(n)) return this.vText.trim();
    const s = this.cellStyle;
    if (s >= 0 && s < this.opts.dateStyles.length && this.opts.dateStyles[s] === 1) return dateValue(n, this.opts.date1904);
    return n;
  }

  private sharedString(): CellValue {
    const t = this.vNumeric ? this.vNumber : this.vText.trim() === '' ? NaN : Number(this.vText);
    const sst = this.opts.sharedStrings;
    const count = sst ? sst.length : 0;
    if (!Number.isInteger(t) || t < 0 || t >= count) {
      throw new XlsxError({ kind: 'shared-string', part: this.part, sheet: this.opts.sheet, cell: a1(this.cellRow, this.cellCol), index: t, count });
    }
    return sst![t]!;
  }

  private store(v: CellValue): void {
    const budget = this.opts.budget;
    if (++budget.used > CELL_LIMIT) throw new XlsxError({ kind: 'too-many-cells', limit: CELL_LIMIT });
    let row = this.rows[this.cellRow];
    if (!row) {
      row = [];
      this.rows[this.cellRow] = row;
    }
    const c = this.cellCol;
    if (c === row.length) row.push(v);
    else if (c > row.length) {
      while (row.length < c) row.push(null);
      row.push(v);
    } else row[c] = v;
  }
}


/** An A1 reference (no "$"), 0-based, or null when it is not one or lies outside the grid. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

function digits(b: Uint8Array, s: number, e: number): number {
  if (s >= e || e - s > 9) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Optional minus and up to 15 digits: the common case, without building a string. */
function simpleNumber(b: Uint8Array, s: number, e: number): number | null {
  let i = s;
  let neg = false;
  if (b[i] === 45) {
    neg = true;
    i++;
  }
  if (i >= e || e - i > 15) return null;
  let n = 0;
  for (; i < e; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return neg ? -n : n;
}

function cellType(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  const c0 = b[s];
  if (len === 1) {
    if (c0 === 115) return T_SHARED; // s
    if (c0 === 98) return T_BOOL; // b
    if (c0 === 101) return T_ERROR; // e
    if (c0 === 100) return T_DATE; // d
    return T_NUMBER; // n
  }
  if (len === 3 && c0 === 115) return T_STR; // str
  if (len === 9 && c0 === 105) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** Excel stores a merge's value in its top-left cell; a writer that repeats it under the others (LibreOffice keeps hidden text there) is read as Excel shows it. */
function blankMergedFollowers(rows: (CellValue[] | undefined)[], merges: readonly MergeRange[]): void {
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r !== m.top || c !== m.left) row[c] = null;
      }
    }
  }
}

export interface ReadSheet {
  readonly data: SheetData;
  readonly layout: SheetLayout;
}

export async function readWorksheet(pkg: XlsxPackage, part: string, opts: SheetReadOptions): Promise<ReadSheet> {
  const parser = new SheetParser(part, pkg, opts);
  try {
    await parser.run();
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new XlsxError({ kind: 'damaged-part', part, detail: e.message, sheet: opts.sheet });
    throw inSheet(e, opts.sheet);
  }
  blankMergedFollowers(parser.rows, parser.merges);
  return { data: { name: opts.sheet, rows: parser.rows, merges: parser.merges }, layout: parser.layout };
}
