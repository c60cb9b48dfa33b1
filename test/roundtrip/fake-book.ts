/**
 * The Office side of the round trip: a book description rendered into the in-memory Excel fake
 * (test/office/fake-excel.ts) the way Excel holds it (dates as serials with a date number format,
 * formulas with their last value, notes as plain text, rules in priority order), and the fake's
 * state as plain data to compare.
 */
import { FLAG_MARK, NOTE_PREFIX, formulaString } from '../../src/core/flag-plan';
import { isOwnSheetName } from '../../src/core/header';
import { FakeWorkbook, type FakeRule, type FakeSheet } from '../office/fake-excel';
import { runsText, type BookDesc, type CellDesc, type RuleKind, type Scalar, type SheetDesc, type StyleDesc } from './book';

/** Excel's colours are "#RRGGBB"; the description's are ARGB. */
function hex(argb: string): string {
  return `#${argb.slice(2)}`;
}

function putScalar(s: FakeSheet, r: number, c: number, v: Scalar): void {
  switch (v.kind) {
    case 'text':
      s.set(r, c, v.text);
      break;
    case 'number':
    case 'bool':
      s.set(r, c, v.value);
      break;
    case 'date':
      s.set(r, c, v.serial);
      s.numberFormats.set(`${r},${c}`, v.format);
      break;
    case 'error':
      s.setError(r, c, v.code);
      break;
  }
}

function putCell(s: FakeSheet, r: number, c: number, v: CellDesc): void {
  switch (v.kind) {
    case 'rich':
      s.set(r, c, runsText(v.runs));
      break;
    case 'link':
      s.set(r, c, v.text);
      s.cellFormats.set(`${r},${c}`, { ...s.cellFormats.get(`${r},${c}`), hyperlink: v.target });
      break;
    case 'formula':
      putScalar(s, r, c, v.result);
      s.formulas.set(`${r},${c}`, `=${v.formula}`);
      break;
    default:
      putScalar(s, r, c, v);
  }
}

function putStyle(s: FakeSheet, r: number, c: number, st: StyleDesc): void {
  const key = `${r},${c}`;
  if (st.numFmt) s.numberFormats.set(key, st.numFmt);
  const f: Record<string, unknown> = { ...s.cellFormats.get(key) };
  if (st.font) {
    for (const [k, v] of Object.entries(st.font)) f[`font.${k}`] = k === 'color' ? hex(String(v)) : v;
  }
  if (st.fill) f['fill.color'] = hex(st.fill);
  if (st.alignment?.horizontal) f.horizontalAlignment = st.alignment.horizontal;
  if (st.alignment?.vertical) f.verticalAlignment = st.alignment.vertical;
  if (st.alignment?.wrapText !== undefined) f.wrapText = st.alignment.wrapText;
  if (st.border) f['borders.style'] = st.border;
  s.cellFormats.set(key, f);
}

function fakeRule(id: number, kind: RuleKind, top: number): Omit<FakeRule, 'areas'> {
  switch (kind.type) {
    case 'expression':
      return { id, type: 'Custom', formula: `=${kind.formula.replace(/\{top\}/g, String(top + 1))}`, fill: hex(kind.style.fill), ...(kind.style.fontColor ? { font: hex(kind.style.fontColor) } : {}) };
    case 'cellIs':
      return { id, type: 'CellValue', formula: null, fill: hex(kind.style.fill) };
    case 'containsText':
      return { id, type: 'ContainsText', formula: null, fill: hex(kind.style.fill) };
    case 'top10':
      return { id, type: 'TopBottom', formula: null, fill: hex(kind.style.fill) };
    case 'colorScale':
      return { id, type: 'ColorScale', formula: null, fill: hex(kind.low) };
    case 'dataBar':
      return { id, type: 'DataBar', formula: null, fill: hex(kind.color) };
  }
}

function renderSheet(book: FakeWorkbook, d: SheetDesc): void {
  const s = book.addSheet(d.name);
  s.visibility = d.hidden ? 'Hidden' : 'Visible';
  d.cells.forEach((row, r) => row.forEach((v, c) => v !== null && putCell(s, r, c, v)));
  for (const { row, col, style } of d.styles) putStyle(s, row, col, style);
  // A real date keeps its date format, as in the .xlsx rendering.
  d.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const fmt = v?.kind === 'date' ? v.format : v?.kind === 'formula' && v.result.kind === 'date' ? v.result.format : null;
      if (fmt) s.numberFormats.set(`${r},${c}`, fmt);
    }),
  );
  s.merges = d.merges.map((m) => ({ ...m }));
  // Excel lists a sheet's rules in priority order, the first applied first.
  const rules = d.formats.flatMap((f) => f.rules.map((r) => ({ ...r, ranges: f.ranges })));
  rules.sort((a, b) => a.priority - b.priority);
  s.rules = rules.map((r) => ({ ...fakeRule(book.nextRuleId++, r.kind, r.ranges[0]!.top), areas: r.ranges.map((a) => ({ ...a })) }));
  s.notes = d.notes.map((n) => ({ row: n.row, col: n.col, content: runsText(n.runs) }));
  for (const r of d.hiddenRows) s.hiddenRows.add(r);
  // Excel reports a hidden column with width 0.
  for (const c of d.columns) s.columnWidths.set(c.col, c.hidden ? 0 : Math.round(c.width * 5.6));
  s.autoFilter = d.autoFilter ? { ...d.autoFilter } : null;
  s.frozenRows = d.frozenRows;
}

/** The description as an Excel fake holding it, with the ExcelApi version it claims. */
export function toFake(book: BookDesc): FakeWorkbook {
  const fake = new FakeWorkbook();
  fake.apiVersion = book.apiVersion;
  for (const s of book.sheets) renderSheet(fake, s);
  return fake;
}

// ---------------------------------------------------------------------------------------------
// State

const MARKERS = Object.values(FLAG_MARK).map(formulaString);

function isOurRule(r: FakeRule): boolean {
  return typeof r.formula === 'string' && MARKERS.some((m) => r.formula!.includes(m));
}

const byKey = <T>(entries: Iterable<[string, T]>): Array<[string, T]> => [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Cell rows with holes and trailing empties normalised: writing null into an empty cell changes nothing. */
function cellRows(s: FakeSheet): Array<[number, unknown[]]> {
  const out: Array<[number, unknown[]]> = [];
  for (const [r, row] of [...s.rows.entries()].sort((a, b) => a[0] - b[0])) {
    const cells = Array.from(row, (v) => (v === undefined ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) out.push([r, cells]);
  }
  return out;
}

/**
 * Everything the fake holds of one sheet but its id (a number Excel gives a re-created sheet) and
 * the ids of rules (the add-in's rules get new ones on every run). With `withoutOurs`, the
 * add-in's rules and notes are left out.
 */
export function fakeSheetState(s: FakeSheet, withoutOurs = false): Record<string, unknown> {
  return {
    name: s.name,
    visibility: s.visibility,
    protected: s.protected,
    cells: cellRows(s),
    errors: [...s.errors].sort(),
    formulas: byKey(s.formulas),
    numberFormats: byKey(s.numberFormats),
    cellFormats: byKey(s.cellFormats),
    merges: s.merges.map((m) => ({ ...m })),
    rules: s.rules.filter((r) => !withoutOurs || !isOurRule(r)).map(({ id: _id, ...rest }) => rest),
    notes: s.notes
      .filter((n) => !withoutOurs || !n.content.startsWith(NOTE_PREFIX))
      .map((n) => ({ ...n }))
      .sort((a, b) => a.row - b.row || a.col - b.col),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    autoFilter: s.autoFilter,
    frozenRows: s.frozenRows,
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    tables: s.tables.map((t) => ({ ...t })),
    charts: s.charts.map((c) => ({ ...c })),
  };
}

/** Every sheet, the add-in's own included, in tab order. */
export function fakeBookState(book: FakeWorkbook): unknown {
  return { sheets: book.sheets.map((s) => fakeSheetState(s)), structureProtected: book.structureProtected };
}

/** The user's sheets only, in tab order; optionally without the add-in's rules and notes. */
export function fakeUserState(book: FakeWorkbook, withoutOurs = false): unknown {
  return { sheets: book.sheets.filter((s) => !isOwnSheetName(s.name)).map((s) => fakeSheetState(s, withoutOurs)), structureProtected: book.structureProtected };
}

export function countFakeOurs(book: FakeWorkbook): { rules: number; notes: number; userNotesKept: number } {
  let rules = 0;
  let notes = 0;
  let userNotesKept = 0;
  for (const s of book.sheets) {
    rules += s.rules.filter(isOurRule).length;
    for (const n of s.notes) {
      if (n.content.startsWith(NOTE_PREFIX)) notes++;
      else userNotesKept++;
    }
  }
  return { rules, notes, userNotesKept };
}
