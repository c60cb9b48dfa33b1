/**
 * The .xlsx package adapter: the one entry point hosts use (the command line injects
 * node-platform.ts; the browser uses the portable platform).
 */
import type { XlsxPlatform } from './platform';
import { XlsxWorkbook } from './xlsx-workbook';

export { XlsxError, type XlsxProblem } from './errors';
export { BOOK_MIME, type BookKind } from './namespaces';
export type { XlsxPlatform } from './platform';
export { XlsxWorkbook } from './xlsx-workbook';

/** Open an .xlsx or .xlsm package. Throws XlsxError when it is not a readable workbook. */
export function openXlsx(bytes: Uint8Array | ArrayBuffer, platform?: XlsxPlatform): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(bytes, platform);
}

/** A new, empty .xlsx workbook, to which the add-in writes its own sheets (the several-books summary). */
export function newXlsx(platform?: XlsxPlatform): Promise<XlsxWorkbook> {
  return XlsxWorkbook.create(platform);
}
