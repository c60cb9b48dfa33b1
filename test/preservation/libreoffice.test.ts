/**
 * Issue 10: another program opens each annotated copy. LibreOffice headless converts every book of
 * test/fixtures/writers/ and its annotated copy to CSV (every sheet), in one run: it must exit 0, and
 * every sheet of the user must show exactly the same values in the copy as in the original, next to
 * the KQ sheets. soffice is required (.ci/run installs it): without it these tests fail.
 */
import { promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertWithLibreOffice, type LibreOfficeRun } from '../../scripts/lib/libreoffice';
import { annotatedName, runCli, type CliRun } from './cli-run';
import { AS_OF, TASK_DOC_NUMBERS, TASK_SHEET } from './expected';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'writers');
const BOOKS = readdirSync(DIR)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

let tmp: string;
let lo: LibreOfficeRun;
const runs = new Map<string, CliRun>();

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-lo-open-'));
  const copies: string[] = [];
  for (const file of BOOKS) {
    const out = path.join(tmp, annotatedName(file, '.annotated'));
    const run = await runCli(['check', path.join(DIR, file), '--as-of', AS_OF, '--out', out]);
    runs.set(file, run);
    if (run.code === 0) copies.push(out);
  }
  lo = await convertWithLibreOffice([...BOOKS.map((f) => path.join(DIR, f)), ...copies]);
}, 300_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('soffice opens them all and exits 0', () => {
  expect({ status: lo.status }).toEqual({ status: 0 });
});

test.each(BOOKS)('%s: the annotated copy opens in LibreOffice with every user sheet as before and the KQ sheets', (file) => {
  const run = runs.get(file)!;
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: [] });
  const original = lo.books.get(file);
  const copy = lo.books.get(annotatedName(file, '.annotated'));
  expect(original?.get(TASK_SHEET)).toBeDefined();
  expect(copy).toBeDefined();
  for (const doc of TASK_DOC_NUMBERS) expect(copy!.get(TASK_SHEET)).toContain(doc);
  for (const [sheet, csv] of original!) expect({ sheet, csv: copy!.get(sheet) }).toEqual({ sheet, csv });
  expect([...copy!.keys()]).toEqual(expect.arrayContaining(['KQ Đánh giá', 'KQ Kiểm tra']));
});
