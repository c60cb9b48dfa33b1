/** SPEC §2: find the header row of a sheet and map its cells to fields. */
import { cellText, isEmpty, type CellValue, type MergeRange, type SheetData } from './cells';
import { fold, matchesPrefix } from './fold';
import { KINDS, type KindSpec, type SheetKind } from './fields';

/** field → 0-based column index. */
export type ColumnMap = Readonly<Record<string, number>>;

export interface HeaderMatch {
  readonly kind: SheetKind;
  /** 0-based index of the (lower) header row; data starts below it. */
  readonly headerRow: number;
  readonly columns: ColumnMap;
}

/** SPEC §2: the header row is among the first 20 non-empty rows. */
export const HEADER_CANDIDATE_ROWS = 20;
const MIN_MAPPED_FIELDS = 3;

/** The field a folded header text names within one kind: the longest matching synonym decides. */
export function fieldOfHeader(folded: string, spec: KindSpec): string | null {
  if (folded === '') return null;
  let best: string | null = null;
  let bestLength = -1;
  for (const [field, synonyms] of Object.entries(spec.synonyms)) {
    for (const syn of synonyms) {
      if (syn.length > bestLength && matchesPrefix(folded, syn)) {
        best = field;
        bestLength = syn.length;
      }
    }
  }
  return best;
}

/** Map header texts (one per column) to fields; when two cells name one field, the leftmost keeps it. */
export function mapHeaderTexts(texts: readonly string[], spec: KindSpec): Record<string, number> {
  const columns: Record<string, number> = {};
  texts.forEach((text, col) => {
    const field = fieldOfHeader(fold(text), spec);
    if (field !== null && !(field in columns)) columns[field] = col;
  });
  return columns;
}

export function hasRequiredFields(columns: ColumnMap, spec: KindSpec): boolean {
  return spec.required.every((anyOf) => anyOf.some((f) => f in columns));
}

const KIND_ORDER: Record<SheetKind, number> = { task: 0, inspection: 1, registry: 2 };

/** The best kind a header row qualifies for, or null. */
export function classifyHeaderTexts(texts: readonly string[]): { kind: SheetKind; columns: ColumnMap } | null {
  let best: { kind: SheetKind; columns: ColumnMap; count: number } | null = null;
  for (const spec of KINDS) {
    const columns = mapHeaderTexts(texts, spec);
    const count = Object.keys(columns).length;
    if (count < MIN_MAPPED_FIELDS || !hasRequiredFields(columns, spec)) continue;
    if (best === null || count > best.count || (count === best.count && KIND_ORDER[spec.kind] < KIND_ORDER[best.kind])) {
      best = { kind: spec.kind, columns, count };
    }
  }
  return best && { kind: best.kind, columns: best.columns };
}

function rowTexts(row: ReadonlyArray<CellValue> | undefined): string[] {
  if (!row) return [];
  return row.map((v) => (typeof v === 'string' ? v : cellText(v)));
}

export function rowIsEmpty(row: ReadonlyArray<CellValue> | undefined): boolean {
  return !row || row.every((v) => isEmpty(v));
}

/** A merge across 2+ columns on exactly this one row, with a non-empty cell under it in the next row. */
function startsTwoRowHeader(sheet: SheetData, r: number): boolean {
  const next = sheet.rows[r + 1];
  if (!next) return false;
  return sheet.merges.some(
    (m: MergeRange) =>
      m.top === r &&
      m.bottom === r &&
      m.right > m.left &&
      next.slice(m.left, m.right + 1).some((v) => !isEmpty(v)),
  );
}

function twoRowTexts(sheet: SheetData, r: number): string[] {
  const upper = rowTexts(sheet.rows[r]);
  const lower = rowTexts(sheet.rows[r + 1]);
  const width = Math.max(upper.length, lower.length);
  const texts: string[] = [];
  for (let c = 0; c < width; c++) {
    const low = lower[c] ?? '';
    texts.push(low.trim() !== '' ? low : (upper[c] ?? ''));
  }
  return texts;
}

/**
 * A merged banner ("BẢNG THEO DÕI NHIỆM VỤ") directly above the header is a title row, which the
 * spec ignores, not the upper half of a two-row header. A banner names no field, and when the upper
 * row names none the two-row candidate could only repeat the lower row's own texts, so skipping it
 * changes nothing else — but it lets the real header below form its own two-row header.
 */
function namesAnyField(texts: readonly string[]): boolean {
  return texts.some((t) => {
    const folded = fold(t);
    return KINDS.some((spec) => fieldOfHeader(folded, spec) !== null);
  });
}

/** SPEC §2 header detection over the first 20 non-empty rows; null when the sheet is not ours to read. */
export function detectHeader(sheet: SheetData): HeaderMatch | null {
  let seen = 0;
  for (let r = 0; r < sheet.rows.length && seen < HEADER_CANDIDATE_ROWS; r++) {
    if (rowIsEmpty(sheet.rows[r])) continue;
    seen++;
    if (startsTwoRowHeader(sheet, r) && namesAnyField(rowTexts(sheet.rows[r]))) {
      const two = classifyHeaderTexts(twoRowTexts(sheet, r));
      if (two) return { ...two, headerRow: r + 1 };
    }
    const one = classifyHeaderTexts(rowTexts(sheet.rows[r]));
    if (one) return { ...one, headerRow: r };
  }
  return null;
}

/** Sheets whose folded name starts with "kq " belong to the tool and are never read. */
export function isOwnSheetName(name: string): boolean {
  return fold(name).startsWith('kq ');
}
