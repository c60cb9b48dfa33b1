/**
 * The package layer's factory for hosts that run in Node (the command line): the same adapter on
 * native zlib and Buffer. Kept apart from index.ts so that browser bundles never reach node:zlib.
 */
import { newXlsx, openXlsx, type XlsxWorkbook } from './index';
import { nodePlatform } from './node-platform';

export { nodePlatform };

/** An .xlsx or .xlsm package's bytes, opened for reading and annotating in Node. */
export function openXlsxInNode(bytes: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
  return openXlsx(bytes, nodePlatform);
}

/** A new, empty workbook in Node, to which the add-in writes its own sheets (the several-books summary). */
export function newXlsxInNode(): Promise<XlsxWorkbook> {
  return newXlsx(nodePlatform);
}
