/**
 * The acceptance sample in the page, against its independent expected report
 * (test/fixtures/acceptance/two-row-header.json), not against the command line: an engine bug that
 * both the page and the command line share cannot pass here. The sheets' own cells are read with
 * ExcelJS, apart from the engine, to check what a finding says about its task.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { RULE_IDS, type Report } from '../../src/core/report';
import { messages } from '../../src/i18n/messages';
import { paneText } from '../../src/i18n/pane';
import { assert, assertEqual, check, openBook, openRuleGroup, openSection, runCheck, withPage, type E2eEnv } from './harness';

const vi = paneText('vi');

/** The findings whose row is a task led by `unit`, in the expected report. */
function findingsOfUnit(expected: Report, unit: string): Report['findings'] {
  const led = new Set(expected.tasks.filter((t) => t.leadUnits.includes(unit)).map((t) => `${t.sheet}\u0000${t.row}`));
  return expected.findings.filter((f) => led.has(`${f.sheet}\u0000${/\d+$/.exec(f.cell)![0]}`));
}

async function shownUnits(page: Page): Promise<{ name: string; level: string; score: number }[]> {
  const rows = await page.$$eval('[data-unit]', (els) =>
    els.map((r) => ({ name: r.getAttribute('data-unit') ?? '', level: r.getAttribute('data-level') ?? '', score: Number(r.getAttribute('data-score')) })),
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export async function acceptanceChecks(env: E2eEnv): Promise<void> {
  const dir = path.join(env.root, 'test', 'fixtures', 'acceptance');
  const file = path.join(dir, 'two-row-header.xlsx');
  const expected = JSON.parse(readFileSync(path.join(dir, 'two-row-header.json'), 'utf8')) as Report;
  process.stdout.write(`\nacceptance sample in the page, against its expected report (as of ${expected.asOf})\n`);

  // The sheet's cells as the office typed them, read apart from the engine.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);

  await withPage(env, 'acceptance sample', {}, async (page) => {
    await openBook(page, file);
    await page.getByLabel(vi.asOf).fill(expected.asOf);
    await runCheck(page, vi.check);

    await check('acceptance: the summary counts equal the expected report', async () => {
      const errors = expected.findings.filter((f) => f.severity === 'error').length;
      const line = vi.summary(expected.tasks.length, expected.findings.length, errors, expected.findings.length - errors, expected.units.length);
      assertEqual(await page.getByTestId('summary-counts').textContent(), line, 'summary line');
    });

    await check('acceptance: the findings per rule equal the expected report', async () => {
      const want: Record<string, number> = {};
      for (const r of RULE_IDS) {
        const n = expected.findings.filter((f) => f.rule === r).length;
        if (n > 0) want[r] = n;
      }
      const shown = await page.$$eval('[data-rule]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-rule'), Number(e.getAttribute('data-count'))])));
      assertEqual(shown, want, 'findings per rule');
    });

    await check('acceptance: the units, scores and levels equal the expected report', async () => {
      const want = expected.units.map((u) => ({ name: u.name, level: u.level, score: u.score })).sort((a, b) => a.name.localeCompare(b.name));
      assertEqual(await shownUnits(page), want, 'units');
    });

    await check('acceptance: each unit carries the expected deciding rule (SPEC 1.3 §5)', async () => {
      const shown = await page.$$eval('[data-unit]', (els) => els.map((r) => [r.getAttribute('data-unit'), r.getAttribute('data-decided-by')]));
      const want = expected.units.map((u) => [u.name, u.decidedBy]);
      const byName = (a: (string | null)[], b: (string | null)[]) => (a[0] ?? '').localeCompare(b[0] ?? '');
      assertEqual([...shown].sort(byName), [...want].sort(byName), 'deciding rules');
    });

    await check('acceptance: each unit shows the expected level in words', async () => {
      for (const u of expected.units) {
        const text = await page.locator(`[data-unit="${u.name}"] [data-testid="unit-level"]`).textContent();
        assertEqual(text, messages('vi')[`level_${u.level}`](), `level of ${u.name}`);
      }
    });

    await check('acceptance: the late and overdue chart counts what the expected report counts', async () => {
      await page.getByTestId('unit-charts').waitFor({ timeout: 30_000 });
      const rows = await page.$$eval('[data-testid="chart-late-table"] tbody tr', (els) =>
        els.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
      );
      const want = expected.units
        .filter((u) => u.openOverdue + u.doneLate > 0)
        .map((u) => [u.name, String(u.openOverdue), String(u.doneLate)])
        .sort((a, b) => a[0]!.localeCompare(b[0]!));
      assertEqual([...rows].sort((a, b) => a[0]!.localeCompare(b[0]!)), want, 'late chart table');
      const alt = await page.getByTestId('chart-scores').getAttribute('aria-describedby');
      assert(alt && (await page.locator(`[id="${alt}"]`).textContent())?.includes(String(expected.units.length)), 'the score chart is described in words');
    });

    await check('acceptance: no unit is marked outside the registry (the sample has none)', async () => {
      assertEqual(expected.findings.filter((f) => f.rule === 'unknown-unit').length, 0, 'expected unknown units');
      assertEqual(await page.locator('[data-outside]').count(), 0, 'units marked outside the registry');
    });

    await check('acceptance: the people section holds the expected people', async () => {
      await openSection(page, vi.peopleTitle);
      if (expected.people.length === 0) await page.getByText(vi.noPeople).waitFor({ timeout: 5_000 });
      const shown = await page.$$eval('[data-person]', (els) => els.map((e) => [e.getAttribute('data-person'), e.getAttribute('data-role'), Number(e.getAttribute('data-overdue'))]));
      assertEqual(shown, expected.people.map((p) => [p.name, p.role, p.openOverdue]), 'people');
    });

    // The clerk's question: what is my unit's work, and which task is it? The unit with the most
    // findings on its tasks, then its first overdue task (or first finding).
    const units = [...new Set(expected.tasks.flatMap((t) => t.leadUnits))];
    const unit = units.sort((a, b) => findingsOfUnit(expected, b).length - findingsOfUnit(expected, a).length)[0]!;
    const mine = findingsOfUnit(expected, unit);
    await check(`acceptance: the unit filter reaches ${unit}'s ${mine.length} findings; one shows its content and lead unit`, async () => {
      const select = page.getByTestId('filter-unit');
      assert((await select.locator('option', { hasText: vi.withCount(unit, mine.length) }).count()) === 1, `option "${vi.withCount(unit, mine.length)}"`);
      await select.selectOption(unit);
      assertEqual(await page.getByTestId('findings-shown').textContent(), vi.shown(mine.length, expected.findings.length), 'findings shown');
      const target = mine.find((f) => f.rule === 'overdue') ?? mine[0]!;
      await openRuleGroup(page, target.rule);
      const item = page.locator(`[data-cell="${target.sheet}!${target.cell}"]`).first();
      const row = Number(/\d+$/.exec(target.cell)![0]);
      const contentColumn = expected.sheets.find((s) => s.name === target.sheet)!.columns.content!;
      const content = book.getWorksheet(target.sheet)!.getCell(`${contentColumn}${row}`).text.replace(/\s+/g, ' ').trim();
      const shownContent = (await item.getByTestId('task-content').textContent()) ?? '';
      assert(
        shownContent === content || (shownContent.endsWith('…') && content.startsWith(shownContent.slice(0, -1).trimEnd())),
        `content shown "${shownContent}", the sheet says "${content}"`,
      );
      const facts = (await item.getByTestId('task-facts').textContent()) ?? '';
      assert((facts.split(' · ')[0] ?? '').split(', ').includes(unit), `the task line names its lead unit: "${facts}"`);
      await page.getByTestId('filter-unit').selectOption('');
    });
  });
}
