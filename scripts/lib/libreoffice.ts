/**
 * Open workbooks in LibreOffice headless and read back what it found: every sheet converted to
 * CSV (UTF-8, values as shown). One soffice run for all the files, with a private profile so that
 * runs in parallel do not share (and lock) the user's.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** CSV filter: comma, double quote, UTF-8 (76), from row 1, cells as shown, every sheet (-1) to its own file. */
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export interface LibreOfficeRun {
  /** soffice's exit status. */
  readonly status: number | null;
  /** By input file name: sheet name → CSV text. A file LibreOffice could not open has no entry. */
  readonly books: Map<string, Map<string, string>>;
  readonly stderr: string;
}

export function sofficeCommand(): string {
  return process.env.SOFFICE ?? 'soffice';
}

export async function convertWithLibreOffice(files: readonly string[]): Promise<LibreOfficeRun> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-lo-'));
  try {
    const outDir = path.join(work, 'csv');
    const profile = path.join(work, 'profile');
    const r = spawnSync(sofficeCommand(), [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', CSV_ALL_SHEETS, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.error) throw new Error(`cannot run ${sofficeCommand()}: ${r.error.message}`);
    const written = await fs.readdir(outDir).catch(() => [] as string[]);
    // "<file name without extension>-<sheet>.csv"; the longest matching file name wins ("a-b" before "a").
    const bases = files.map((f) => ({ file: path.basename(f), base: path.basename(f).replace(/\.[^.]+$/, '') })).sort((a, b) => b.base.length - a.base.length);
    const books = new Map<string, Map<string, string>>();
    for (const csv of written.filter((w) => w.endsWith('.csv'))) {
      const owner = bases.find((b) => csv.startsWith(`${b.base}-`));
      if (!owner) continue;
      const sheets = books.get(owner.file) ?? new Map<string, string>();
      sheets.set(csv.slice(owner.base.length + 1, -'.csv'.length), await fs.readFile(path.join(outDir, csv), 'utf8'));
      books.set(owner.file, sheets);
    }
    return { status: r.status, books, stderr: r.stderr };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** As convertWithLibreOffice, failing unless soffice exits 0. */
export async function openInLibreOffice(files: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const run = await convertWithLibreOffice(files);
  if (run.status !== 0) throw new Error(`soffice exited ${run.status}: ${run.stderr.trim()}`);
  return run.books;
}
