/** The real command line (`main()` with captured output), as the user runs it on a book. */
import { main, type Io } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err };
}

/** The annotated copy keeps the input's kind: an .xlsm stays an .xlsm. */
export function annotatedName(file: string, suffix: string): string {
  const ext = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
  return file.replace(/\.xls[xm]$/i, '') + suffix + ext;
}
