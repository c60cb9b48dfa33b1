/** Read the input file and tell apart the ways it can fail, each with one clear line. */
import { promises as fs } from 'node:fs';
import { XlsxError, type XlsxWorkbook } from '../adapters/xlsx';
import { openXlsxInNode } from '../adapters/xlsx/node';
import { CLI_ERRORS } from '../i18n/cli';
import { XLSX_ERRORS } from '../i18n/xlsx';
import { UsageError } from './args';
import { oleEntryNames } from './ole-file';

const ZIP = [0x50, 0x4b];
/** Password-protected .xlsx files and Excel 97-2003 .xls files are OLE compound documents, not zips. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 200);
}

/** An OLE file: encrypted .xlsx (also when its directory cannot be read), legacy .xls, or something else. */
function oleError(path: string, bytes: Uint8Array): UsageError {
  const names = oleEntryNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo') || names.size === 0) return new UsageError(CLI_ERRORS.encrypted(path));
  if (names.has('Workbook') || names.has('Book')) return new UsageError(CLI_ERRORS.legacyXls(path));
  return new UsageError(CLI_ERRORS.notXlsx(path));
}

/** The one line for a package that cannot be read (or written). */
export function packageError(e: XlsxError, path: string): UsageError {
  const p = e.problem;
  switch (p.kind) {
    case 'not-zip':
      return new UsageError(XLSX_ERRORS.notZip(path));
    case 'not-workbook':
      return new UsageError(CLI_ERRORS.zipNotXlsx(path));
    case 'duplicate-entry':
      return new UsageError(XLSX_ERRORS.duplicateEntry(path, p.name));
    case 'bad-entry-name':
      return new UsageError(XLSX_ERRORS.badEntryName(path, p.name));
    case 'too-many-entries':
      return new UsageError(XLSX_ERRORS.tooManyEntries(path, p.count, p.limit));
    case 'too-large':
      return new UsageError(XLSX_ERRORS.tooLarge(path, p.part));
    case 'too-many-cells':
      return new UsageError(XLSX_ERRORS.tooManyCells(path, p.limit));
    case 'missing-part':
      return new UsageError(CLI_ERRORS.missingPart(path, p.part));
    case 'damaged-part':
      return new UsageError(p.sheet !== undefined ? CLI_ERRORS.unreadableSheet(path, p.sheet, p.part) : XLSX_ERRORS.damagedPart(path, p.part, p.detail));
    case 'dtd':
      return new UsageError(XLSX_ERRORS.dtd(path, p.part));
    case 'not-utf8':
      return new UsageError(XLSX_ERRORS.notUtf8(path, p.part));
    case 'outside-grid':
      return new UsageError(XLSX_ERRORS.outsideGrid(path, p.sheet, p.ref));
    case 'shared-string':
      return new UsageError(XLSX_ERRORS.sharedString(path, p.sheet, p.cell, p.index, p.count));
    case 'unsupported-method':
      return new UsageError(XLSX_ERRORS.unsupportedMethod(path, p.part, p.method));
  }
}

export async function openInput(path: string): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new UsageError(CLI_ERRORS.notAFile(path));
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(CLI_ERRORS.notFound(path));
    throw new UsageError(CLI_ERRORS.unreadable(path, reason(e)));
  }
  if (bytes.length === 0) throw new UsageError(CLI_ERRORS.emptyFile(path));
  if (startsWith(bytes, OLE)) throw oleError(path, bytes);
  if (!startsWith(bytes, ZIP)) throw new UsageError(CLI_ERRORS.notXlsx(path));
  try {
    return await openXlsxInNode(bytes);
  } catch (e) {
    if (e instanceof XlsxError) throw packageError(e, path);
    throw e;
  }
}
