/** Read the input file and tell apart the ways it can fail, each with one clear line. */
import { promises as fs } from 'node:fs';
import { ExcelJsWorkbook } from '../adapters/exceljs/exceljs-workbook';
import { CLI_ERRORS } from '../i18n/cli';
import { UsageError } from './args';

const ZIP = [0x50, 0x4b];
/** Password-protected .xlsx files are OLE compound documents (EncryptedPackage), not zips. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 200);
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
  if (startsWith(bytes, OLE)) throw new UsageError(CLI_ERRORS.encrypted(path));
  if (!startsWith(bytes, ZIP)) throw new UsageError(CLI_ERRORS.notXlsx(path));
  try {
    return await ExcelJsWorkbook.fromBuffer(bytes);
  } catch (e) {
    throw new UsageError(CLI_ERRORS.corrupt(path, reason(e)));
  }
}
