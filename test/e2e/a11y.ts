/**
 * Automated accessibility checks (axe-core through @axe-core/playwright, in Debian's chromium): no
 * serious or critical violation of WCAG 2.1 A and AA on the start, error, results, units and people
 * screens, in Vietnamese and English, light and dark.
 */
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { paneText, type PaneText } from '../../src/i18n/pane';
import { assertEqual, check, openBook, openRuleGroup, openSection, runCheck, withPage, type E2eEnv } from './harness';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden "dummy" elements around the page
 * on purpose: they hand the focus on at once and must stay silent. axe reads them as
 * aria-hidden-focus; tabster's maintainers call that a false positive (microsoft/tabster#288), and
 * Accessibility Insights suppresses it (accessibility-insights-web#7605). Only those elements are
 * left out; the rule still runs on everything else.
 */
const isTabsterDummy = (rule: string, html: string) => rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);

/** Serious and critical violations on the page as it is, one line each with where they are. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ iframes: false }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Counts per screen and combination, for the run's summary. */
const summary: string[] = [];

async function axeScreen(page: Page, label: string): Promise<void> {
  const found = await violations(page);
  summary.push(`${label}: ${found.length === 0 ? 'clean' : `${found.length} serious/critical`}`);
  await check(`axe: ${label} has no serious or critical violation`, () => assertEqual(found, [], 'violations'));
}

export async function accessibilityChecks(env: E2eEnv): Promise<void> {
  process.stdout.write('\naccessibility (axe)\n');
  const example = path.join(env.root, 'examples', 'tracking-2026.xlsx');
  const xls = path.join(env.root, 'test', 'fixtures', 'bad', '08-xls-renamed.xlsx');
  for (const lang of ['vi', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const t: PaneText = paneText(lang);
      const combo = `${lang}, ${scheme}`;
      await withPage(env, `axe ${combo}`, { colorScheme: scheme }, async (page) => {
        if (lang === 'en') await page.getByRole('radio', { name: 'English' }).check();
        await page.getByRole('button', { name: t.chooseFile }).waitFor();
        await axeScreen(page, `start (${combo})`);

        await page.getByTestId('file-input').setInputFiles(xls);
        await page.getByTestId('open-error').waitFor({ timeout: 30_000 });
        await axeScreen(page, `error (${combo})`);

        await openBook(page, example);
        await page.getByLabel(t.asOf).fill('2026-11-26');
        await runCheck(page, t.check);
        const group = await openRuleGroup(page, 'overdue');
        await group.locator('[data-cell]').first().click();
        await page.getByTestId('row-view').waitFor();
        await axeScreen(page, `results (${combo})`);

        await openSection(page, t.unitsTitle);
        await page.getByTestId('unit-charts').waitFor({ timeout: 30_000 });
        for (const details of await page.locator('[data-testid="unit-charts"] details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        await axeScreen(page, `units (${combo})`);

        await openSection(page, t.peopleTitle);
        await page.getByTestId('people-table').or(page.getByText(t.noPeople)).waitFor();
        await axeScreen(page, `people (${combo})`);
      });
    }
  }
  process.stdout.write(`  axe: ${summary.join('; ')}\n`);
}
