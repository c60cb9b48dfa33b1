/** Read the input file and tell apart the ways it can fail, each with one clear line. */
import { promises as fs } from 'node:fs';
import { ExcelJsWorkbook } from '../adapters/exceljs/exceljs-workbook';
import { CLI_ERRORS } from '../i18n/cli';
import { UsageError } from './args';
import { damagedWorksheet, oleEntryNames, workbookParts, zipEntries } from './xlsx-package';

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

export async function openInput(path: string): Promise<ExcelJsWorkbook> {
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
  // Null when the zip's directory cannot be read here: ExcelJS then reports the damage.
  const entries = zipEntries(bytes);
  if (entries && !entries.has('xl/workbook.xml')) throw new UsageError(CLI_ERRORS.zipNotXlsx(path));
  const parts = entries && workbookParts(bytes, entries);
  const missing = parts?.missingParts[0];
  if (missing !== undefined) throw new UsageError(CLI_ERRORS.missingPart(path, missing));
  let book: ExcelJsWorkbook;
  try {
    book = await ExcelJsWorkbook.fromBuffer(bytes);
  } catch (e) {
    const damaged = entries && parts ? damagedWorksheet(bytes, entries, parts.worksheets) : null;
    if (damaged) throw new UsageError(CLI_ERRORS.unreadableSheet(path, damaged.name, damaged.part));
    throw new UsageError(CLI_ERRORS.corrupt(path, reason(e)));
  }
  // ExcelJS leaves out, without a word, a worksheet whose part is missing or that it cannot place.
  const loaded = new Set(book.workbook.worksheets.map((w) => w.name));
  const lost = parts?.worksheets.find((s) => !loaded.has(s.name));
  if (lost) throw new UsageError(CLI_ERRORS.unreadableSheet(path, lost.name, lost.part));
  return book;
}
