/**
 * A 20,000-row book in the page (issue 12: findings stopped at 200 per rule, and 1,799 of a large
 * book's 1,999 overdue tasks could not be reached). The book is generated here with what each row
 * must give, so the expected figures come from the generator, not from the engine: every tenth task
 * before the last is open past its deadline (1,999 overdue), the others were done on time.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { paneText } from '../../src/i18n/pane';
import { assert, assertEqual, check, openBook, openRuleGroup, timed, withPage, type E2eEnv } from './harness';

const vi = paneText('vi');
const TASKS = 20_000;
const SHEET = 'Nhiệm vụ';
const AS_OF = '2026-06-30';
const UNITS = [
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Văn phòng HĐND và UBND',
  'Trung tâm Phục vụ hành chính công',
  'Trạm Y tế',
  'Trường Tiểu học Mỹ An',
  'Khóm 1',
  'Khóm 2',
  'Ban Chỉ huy quân sự',
];

interface Plan {
  readonly file: string;
  readonly overdue: number;
  /** Sheet row, content and unit of the last overdue task. */
  readonly last: { readonly row: number; readonly content: string; readonly unit: string };
  /** Overdue tasks per unit. */
  readonly byUnit: ReadonlyMap<string, number>;
}

const unitOf = (i: number) => UNITS[i % UNITS.length]!;
const isOverdue = (i: number) => i % 10 === 0 && i < TASKS;

async function writeBook(tmp: string): Promise<Plan> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành']);
  const byUnit = new Map<string, number>();
  let overdue = 0;
  let last = { row: 0, content: '', unit: '' };
  for (let i = 1; i <= TASKS; i++) {
    const content = `Nhiệm vụ số ${i}`;
    if (isOverdue(i)) {
      ws.addRow([i, content, unitOf(i), new Date(Date.UTC(2026, 0, 15)), null]);
      overdue++;
      byUnit.set(unitOf(i), (byUnit.get(unitOf(i)) ?? 0) + 1);
      last = { row: i + 1, content, unit: unitOf(i) };
    } else {
      ws.addRow([i, content, unitOf(i), new Date(Date.UTC(2026, 2, 31)), new Date(Date.UTC(2026, 2, 1))]);
    }
  }
  const file = path.join(tmp, 'so-theo-doi-20000.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, overdue, last, byUnit };
}

export async function largeBookChecks(env: E2eEnv): Promise<void> {
  process.stdout.write(`\na ${TASKS.toLocaleString('en')}-row book\n`);
  const plan = await timed('write the 20,000-row book', () => writeBook(env.tmp));
  await check('the generated book has 1,999 overdue tasks', () => assertEqual(plan.overdue, 1_999, 'overdue tasks'));

  await withPage(env, '20,000-row book', {}, async (page) => {
    await timed('open the 20,000-row book in the page', () => openBook(page, plan.file, 300_000));
    await page.getByLabel(vi.asOf).fill(AS_OF);

    const checked = await check('a long check announces its steps in the live region, then shows every task', async () => {
      await page.getByRole('button', { name: vi.check, exact: true }).click();
      const live = page.getByTestId('progress');
      await live.filter({ hasText: /bước \d\/4/ }).waitFor({ timeout: 60_000 });
      await timed('check 20,000 rows in the page', () => page.getByTestId('summary-counts').waitFor({ timeout: 300_000 }));
      await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 300_000 });
      assertEqual(await page.getByTestId('summary-counts').textContent(), vi.summary(TASKS, plan.overdue, plan.overdue, 0, UNITS.length), 'summary');
    });
    if (!checked) return;

    await check("the last overdue task is reachable: the last page of 1.999 shows it with its content and unit", async () => {
      const group = await openRuleGroup(page, 'overdue');
      assertEqual(await group.getAttribute('data-count'), String(plan.overdue), 'overdue findings');
      await group.getByRole('button', { name: vi.lastPage }).first().click();
      assertEqual(await group.getByTestId('page-range').first().textContent(), vi.pageRange(1_951, 1_999, 1_999), 'last page');
      const item = group.locator(`[data-cell="${SHEET}!D${plan.last.row}"]`);
      assertEqual(await item.getByTestId('task-content').textContent(), plan.last.content, 'content');
      const facts = (await item.getByTestId('task-facts').textContent()) ?? '';
      assert(facts.startsWith(`${plan.last.unit} · hạn 15/01/2026 · quá hạn`), `task line: ${facts}`);
    });

    await check('the unit filter counts and reaches one unit\'s overdue tasks', async () => {
      const unit = plan.last.unit;
      const n = plan.byUnit.get(unit)!;
      await page.getByTestId('filter-unit').selectOption(unit);
      assertEqual(await page.getByTestId('findings-shown').textContent(), vi.shown(n, plan.overdue), 'findings shown');
      const group = page.locator('[data-rule="overdue"]');
      await group.getByRole('button', { name: vi.lastPage }).first().click();
      assert(await group.locator(`[data-cell="${SHEET}!D${plan.last.row}"]`).isVisible(), 'the last overdue task is on the last page of its unit');
    });
  });
}
