/**
 * Which cell formats show a number as a date: the built-in date and time formats, and custom
 * formats with date or time codes outside quoted text, brackets and escapes (as ExcelJS decided it,
 * so that reports stay what they were, plus escapes: "0\ \k\m" is not a date).
 */
import type { XlsxPlatform } from './platform';
import { attrLocal, childrenNamed, firstChild, parseXml } from './xml-tree';

/** Built-in formats that are dates or times (14–22; 27–36 and 50–58 in East Asian locales; 45–47). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/[_*]./g, '');
  return /[ymdhsb]/i.test(stripped.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

/** For each cell format (cellXfs index), whether it shows dates. */
export function dateStyles(bytes: Uint8Array | null, platform: XlsxPlatform, part: string): Uint8Array {
  if (!bytes) return new Uint8Array(0);
  const root = parseXml(bytes, platform, part).root;
  const custom = new Map<number, string>();
  const numFmts = firstChild(root, 'numFmts');
  for (const f of numFmts ? childrenNamed(numFmts, 'numFmt') : []) custom.set(Number(attrLocal(f, 'numFmtId')), attrLocal(f, 'formatCode') ?? '');
  const xfs = firstChild(root, 'cellXfs');
  const list = xfs ? childrenNamed(xfs, 'xf') : [];
  const out = new Uint8Array(list.length);
  list.forEach((xf, i) => {
    const id = Number(attrLocal(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id)) ? 1 : 0;
  });
  return out;
}
