/**
 * The books a `check` names (SPEC §7): files as given, and each folder as the .xlsx and .xlsm files
 * directly inside it, in name order, without Excel's lock files ("~$…"). Name order is the order of
 * the names' characters (as `ls` sorts in the C locale), so that it never depends on the machine.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BOOKS_ERRORS } from '../i18n/books';
import { CLI_ERRORS } from '../i18n/cli';
import { UsageError } from './args';

export interface BookInput {
  /** Where the file is, as given or found in a folder. */
  readonly path: string;
  /** The report's name for it: the file name with its extension, without its folder. */
  readonly file: string;
}

const BOOK_FILE = /\.(xlsx|xlsm)$/i;
const LOCK_FILE = '~$';

export function bookName(p: string): string {
  return path.basename(p).normalize('NFC');
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    // A missing or unreadable input is named when it is opened, like any book that cannot be read.
    return false;
  }
}

async function folderBooks(folder: string): Promise<BookInput[]> {
  let entries: string[];
  try {
    entries = (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch (e) {
    throw new UsageError(CLI_ERRORS.unreadable(folder, e instanceof Error ? e.message : String(e)));
  }
  const names = entries.filter((n) => BOOK_FILE.test(n) && !n.startsWith(LOCK_FILE)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new UsageError(BOOKS_ERRORS.emptyFolder(folder));
  return names.map((n) => ({ path: path.join(folder, n), file: bookName(n) }));
}

export interface Inputs {
  readonly books: readonly BookInput[];
  /** Whether the run is of several books (SPEC §7): more than one input, a folder, or a way asked for. */
  readonly several: boolean;
}

/** The books of the inputs; two books of one name are refused, since the report names a book by its file name. */
export async function bookInputs(inputs: readonly string[], modeAsked: boolean): Promise<Inputs> {
  const books: BookInput[] = [];
  let folder = false;
  for (const input of inputs) {
    if (await isFolder(input)) {
      folder = true;
      books.push(...(await folderBooks(input)));
    } else books.push({ path: input, file: bookName(input) });
  }
  const seen = new Map<string, string>();
  for (const b of books) {
    const other = seen.get(b.file);
    if (other !== undefined) throw new UsageError(BOOKS_ERRORS.sameName(b.file, other, b.path));
    seen.set(b.file, b.path);
  }
  return { books, several: modeAsked || folder || inputs.length > 1 };
}
