/** SPEC §2: which rows below the header are records, and where the footer starts. */
import { cellText, isEmpty, type CellValue, type SheetData } from './cells';
import { kindSpec } from './fields';
import type { HeaderMatch } from './header';

const SECTION_LABEL = /^(?:VIII|VII|III|II|IV|IX|VI|I|V|X|\p{Lu})[.)]/u;

export function isSectionLabelText(text: string): boolean {
  return SECTION_LABEL.test(text.trim());
}

function mergeWidthsByTopLeft(sheet: SheetData): Map<number, Map<number, number>> {
  const byRow = new Map<number, Map<number, number>>();
  for (const m of sheet.merges) {
    let cols = byRow.get(m.top);
    if (!cols) byRow.set(m.top, (cols = new Map()));
    cols.set(m.left, m.right - m.left + 1);
  }
  return byRow;
}

function isSectionLabelRow(row: ReadonlyArray<CellValue>, r: number, merges: Map<number, Map<number, number>>): boolean {
  let only = -1;
  for (let c = 0; c < row.length; c++) {
    if (isEmpty(row[c])) continue;
    if (only >= 0) return false;
    only = c;
  }
  if (only < 0) return false;
  if ((merges.get(r)?.get(only) ?? 1) >= 3) return true;
  return isSectionLabelText(cellText(row[only]));
}

/** 0-based row indexes of the records of a table, in order. */
export function recordRows(sheet: SheetData, header: HeaderMatch): number[] {
  const spec = kindSpec(header.kind);
  const mappedCols = Object.values(header.columns);
  const footerCols = spec.footerFields.filter((f) => f in header.columns).map((f) => header.columns[f]!);
  let last = -1;
  for (let r = sheet.rows.length - 1; r > header.headerRow; r--) {
    const row = sheet.rows[r];
    if (row && footerCols.some((c) => !isEmpty(row[c]))) {
      last = r;
      break;
    }
  }
  const merges = mergeWidthsByTopLeft(sheet);
  const rows: number[] = [];
  for (let r = header.headerRow + 1; r <= last; r++) {
    const row = sheet.rows[r];
    if (!row || !anyValueIn(row, mappedCols)) continue;
    if (isSectionLabelRow(row, r, merges)) continue;
    rows.push(r);
  }
  return rows;
}

/** Whether a row has a value in one of the columns (a loop, not `some`: this runs on every row). */
function anyValueIn(row: ReadonlyArray<CellValue>, cols: readonly number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (!isEmpty(row[cols[i]!])) return true;
  return false;
}
