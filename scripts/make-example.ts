/**
 * `npm run example`: write examples/tracking-2026.xlsx, the commune tracking book of the demo
 * (`npm run demo` checks it as of 2026-11-26). Deterministic: running it twice gives the same cells.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildExampleBook, EXAMPLE_FILE } from './lib/example-book';

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '..', process.argv[2] ?? EXAMPLE_FILE);
  const { workbook, plants } = buildExampleBook();
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  const rules = new Set(plants.map((p) => p.rule));
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}: ${workbook.worksheets.length} sheets, ${plants.length} planted findings covering ${rules.size} rules\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`make-example: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
