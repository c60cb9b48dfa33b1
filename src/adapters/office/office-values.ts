/** Office.js cell values and addresses ↔ the engine's cells. No Office.js at run time: pure helpers. */
import { columnLetter, parseA1, type CellValue, type MergeRange } from '../../core/cells';

/** One Office.js value with its valueType ("Empty", "String", "Double", "Boolean", "Error", ...). */
export function cellFromOffice(value: unknown, type: string): CellValue {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Boolean':
      return value === true || value === 'TRUE' || value === 'true';
    case 'Double':
    case 'Integer':
      return typeof value === 'number' ? value : Number(value);
    case 'String':
      return typeof value === 'string' ? value : String(value ?? '');
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      return null;
  }
}

/** UTF-8 length of a string, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON on the wire (UTF-8). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** A1 range address of 0-based inclusive bounds: "B3:F9" (or "B3" for one cell). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = `${columnLetter(left)}${top + 1}`;
  return top === bottom && left === right ? a : `${a}:${columnLetter(right)}${bottom + 1}`;
}

/** Split a multi-area address at commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // a doubled quote inside a name toggles twice
    else if (ch === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Rectangles of an address such as "'Nhiệm vụ'!A1:C1, 'Nhiệm vụ'!A5:B6" (RangeAreas.address):
 * the sheet part of each area is dropped. Whole-row or whole-column areas are skipped.
 */
export function parseAreas(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of splitAreas(address)) {
    const local = part.slice(part.lastIndexOf('!') + 1);
    const [a, b = a] = local.split(':');
    const p = parseA1(a ?? '');
    const q = parseA1(b ?? '');
    if (!p || !q) continue;
    out.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
  }
  return out;
}

/**
 * Join area addresses into as few getRanges addresses as possible, each at most maxChars long.
 * Areas keep their order.
 */
export function groupAddresses(areas: readonly string[], maxChars: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const a of areas) {
    const extra = (current.length > 0 ? 1 : 0) + a.length;
    if (current.length > 0 && length + extra > maxChars) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(a);
    length += current.length > 1 ? extra : a.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
