/**
 * The last step of every fixture generator: write what the script built into its folder (and remove
 * what it no longer builds), or, with --check, compare the folder with it and say what differs.
 * Unchanged files are not rewritten, so that their times stay as they were.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface FolderRun {
  /** The script's name, for its messages. */
  readonly script: string;
  readonly dir: string;
  readonly check: boolean;
  /** What the summary line counts ("fixtures", "books") and how many. */
  readonly counted: { readonly what: string; readonly n: number };
}

/** Returns the number of files that differ (check) or 0; sets the exit code when a check fails. */
export async function writeOrCheckFolder(outputs: ReadonlyMap<string, Uint8Array>, run: FolderRun): Promise<number> {
  let stale = 0;
  for (const [name, data] of outputs) {
    const file = path.join(run.dir, name);
    const old = await fs.readFile(file).catch(() => null);
    if (old && Buffer.compare(old, data) === 0) continue;
    if (run.check) {
      process.stderr.write(`${run.script}: ${name} differs from what the script builds\n`);
      stale++;
    } else {
      await fs.mkdir(run.dir, { recursive: true });
      await fs.writeFile(file, data);
    }
  }
  for (const name of existsSync(run.dir) ? await fs.readdir(run.dir) : []) {
    if (outputs.has(name)) continue;
    if (run.check) {
      process.stderr.write(`${run.script}: ${name} is not built by the script\n`);
      stale++;
    } else await fs.rm(path.join(run.dir, name));
  }
  if (run.check && stale > 0) process.exitCode = 1;
  const where = path.relative(process.cwd(), run.dir);
  process.stdout.write(`${run.check ? 'checked' : 'wrote'} ${run.counted.n} ${run.counted.what} in ${where}${run.check && stale === 0 ? ': up to date' : ''}\n`);
  return stale;
}
