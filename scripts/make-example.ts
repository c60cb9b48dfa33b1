/**
 * `npm run example`: write examples/tracking-2026.xlsx, the commune tracking book of the demo
 * (`npm run demo` checks it as of 2026-11-26). Deterministic: the same cells on every run. The file
 * is rewritten only when its content (values, merges, styles, layout) would change, since ExcelJS
 * stamps zip entries with the time of writing; `--force` rewrites it anyway.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { bookSnapshot, roundTrip } from './lib/book-snapshot';
import { buildExampleBook, EXAMPLE_FILE } from './lib/example-book';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const out = path.resolve(__dirname, '..', args.find((a) => !a.startsWith('--')) ?? EXAMPLE_FILE);
  const { workbook, plants } = buildExampleBook();
  const rel = path.relative(process.cwd(), out);
  const rules = new Set(plants.map((p) => p.rule));
  const summary = `${workbook.worksheets.length} sheets, ${plants.length} planted findings covering ${rules.size} rules`;
  if (!force && existsSync(out)) {
    const existing = new ExcelJS.Workbook();
    await existing.xlsx.readFile(out);
    if (isDeepStrictEqual(bookSnapshot(existing, { styles: true }), bookSnapshot(await roundTrip(workbook), { styles: true }))) {
      process.stdout.write(`${rel} is up to date (${summary})\n`);
      return;
    }
  }
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  process.stdout.write(`wrote ${rel}: ${summary}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`make-example: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
