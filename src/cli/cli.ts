#!/usr/bin/env node
import { main } from './main';

// A reader that stops early (`… | head`) closes the pipe: the summary is then nobody's business,
// but the run goes on, so that --json and --out files are still written whole.
const quietWhenClosed = (e: NodeJS.ErrnoException): void => {
  if (e.code !== 'EPIPE') throw e;
};
process.stdout.on('error', quietWhenClosed);
process.stderr.on('error', quietWhenClosed);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cli: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
