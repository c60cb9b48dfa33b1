/** @jest-environment jsdom */
/**
 * Issue 12 in the pane: findings a clerk can act on (the task in one line, filters by unit with
 * counts, "my unit", every finding reachable), levels a leader can defend (the deciding reason
 * first, units outside the registry, charts with a text alternative, people), and the pane's manners
 * (focus, progress announced, only the controls that mean something where it runs). Expected values
 * are worked out by hand from the fake sheets (test/taskpane/fake-port.ts) as of 2026-07-01.
 */
import './dom-setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellValue } from '../../src/core/cells';
import type { PersonReport } from '../../src/core/report';
import { SettingsSchema } from '../../src/core/settings';
import { messages } from '../../src/i18n/messages';
import { paneText } from '../../src/i18n/pane';
import { peopleText } from '../../src/i18n/people';
import { ribbonMessages } from '../../src/i18n/ribbon';
import type { BookContents } from '../../src/port/workbook-port';
import { PeoplePanel } from '../../src/taskpane/components/PeoplePanel';
import { FakePort, inspectionSheet, sheet, taskSheet } from './fake-port';
import { expandGroup, openSection, renderPane, runCheck } from './render-pane';

jest.setTimeout(60_000);

const vi = paneText('vi');

const shown = () => screen.getByTestId('findings-shown').textContent;
const groups = () => [...document.querySelectorAll('[data-rule]')].map((g) => g.getAttribute('data-rule'));

describe('findings a clerk can act on', () => {
  test('each finding shows its task: content, lead unit, deadline and status', async () => {
    await renderPane(new FakePort([taskSheet(), inspectionSheet()]));
    await runCheck();
    expandGroup('overdue');
    // Row 4: "Báo cáo công vụ", Phòng Tư pháp, due 10/06/2026, open on 01/07/2026: 21 days overdue.
    const item = screen.getByRole('button', { name: /Nhiệm vụ!D4/ });
    expect(within(item).getByTestId('task-content').textContent).toBe('Báo cáo công vụ');
    expect(within(item).getByTestId('task-facts').textContent).toBe('Phòng Tư pháp · hạn 10/06/2026 · quá hạn 21 ngày');
  });

  test('the unit filter lists lead units with their counts; "my unit" is remembered in the book', async () => {
    const port = new FakePort([taskSheet(), inspectionSheet()]);
    const first = await renderPane(port);
    await runCheck();
    const select = screen.getByLabelText(vi.filterUnit) as HTMLSelectElement;
    // Tư pháp leads rows 4 (overdue) and 8 (missing deadline, invalid date); Mỹ Hòa rows 6 and 7
    // (two late completions, one duplicate). Nội vụ's task raised nothing; row 5 has no lead unit.
    expect([...select.options].map((o) => o.textContent)).toEqual([vi.all, 'Phòng Tư pháp (3)', 'Xã Mỹ Hòa (3)']);
    fireEvent.change(select, { target: { value: 'Phòng Tư pháp' } });
    expect(shown()).toBe(vi.shown(3, 8));
    expect(groups()).toEqual(['overdue', 'missing-deadline', 'invalid-date']);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: vi.rememberMyUnit }));
    });
    await waitFor(() => expect(port.written).toHaveLength(1));
    expect(SettingsSchema.parse(JSON.parse(port.written[0]!)).myUnit).toBe('Phòng Tư pháp');
    expect(screen.getByTestId('notice').textContent).toBe(vi.myUnitSaved('Phòng Tư pháp'));
    first.unmount();

    // The next time the book is checked, the list starts with that unit.
    await renderPane(port);
    await runCheck();
    expect((screen.getByLabelText(vi.filterUnit) as HTMLSelectElement).value).toBe('Phòng Tư pháp');
    expect(shown()).toBe(vi.shown(3, 8));
    expect(screen.getByRole('button', { name: vi.forgetMyUnit })).toBeTruthy();
  });

  test('every finding is reachable: 120 overdue tasks in pages of 50, the last on the last page', async () => {
    const rows: CellValue[][] = [['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn']];
    for (let i = 1; i <= 120; i++) rows.push([`Việc ${i}`, 'Phòng Nội vụ', '01/06/2026']);
    await renderPane(new FakePort([sheet('NV', rows)]));
    await runCheck();
    const group = document.querySelector('[data-rule="overdue"]') as HTMLElement;
    expect(group.getAttribute('data-count')).toBe('120');
    expandGroup('overdue');
    const range = () => within(group).getAllByTestId('page-range')[0]!.textContent;
    expect(range()).toBe(vi.pageRange(1, 50, 120));
    expect(group.querySelector('[data-cell="NV!C121"]')).toBeNull();
    fireEvent.click(within(group).getAllByRole('button', { name: vi.lastPage })[0]!);
    expect(range()).toBe(vi.pageRange(101, 120, 120));
    const last = group.querySelector('[data-cell="NV!C121"]') as HTMLElement;
    expect(within(last).getByTestId('task-content').textContent).toBe('Việc 120');
    expect(group.querySelectorAll('[data-cell]')).toHaveLength(20);
    fireEvent.click(within(group).getAllByRole('button', { name: vi.previousPage })[0]!);
    expect(range()).toBe(vi.pageRange(51, 100, 120));
  });
});

describe('levels a leader can defend', () => {
  test('units outside the registry carry the nearest registry name; the deciding reason comes first', async () => {
    const registry = sheet('Danh mục', [
      ['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu'],
      ['Phòng Nội vụ', 'Phòng chuyên môn', 'Nguyễn Văn A'],
      ['Phòng Tư pháp', 'Phòng chuyên môn', 'Trần Thị B'],
    ]);
    const tasks = sheet('NV', [
      ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
      ['Việc 1', 'Phòng Nộ vụ', '01/06/2026', '02/06/2026'],
      ['Việc 2', 'Phòng Tư pháp', '01/06/2026', '01/06/2026'],
    ]);
    const port = new FakePort([registry, tasks]);
    await renderPane(port);
    await runCheck();
    const row = (name: string) => document.querySelector(`[data-unit="${name}"]`) as HTMLElement;
    expect(row('Phòng Nộ vụ').getAttribute('data-outside')).toBe('true');
    expect(within(row('Phòng Nộ vụ')).getByTestId('unit-nearest').textContent).toBe(vi.nearestInRegistry('Phòng Nội vụ'));
    for (const name of ['Phòng Nội vụ', 'Phòng Tư pháp']) {
      expect(row(name).getAttribute('data-outside')).toBeNull();
      expect(within(row(name)).queryByTestId('unit-nearest')).toBeNull();
    }
    // The first reason is the one that decided the level (SPEC 1.3 §5), shown first and apart.
    for (const el of document.querySelectorAll('[data-unit]')) {
      const decided = within(el as HTMLElement).getByTestId('unit-decided').textContent ?? '';
      expect(decided.startsWith(`${vi.decidingReason}: `)).toBe(true);
      const rest = el.textContent!.slice(el.textContent!.indexOf(decided) + decided.length);
      expect(rest).not.toContain(decided.slice(vi.decidingReason.length + 2));
    }
  });

  test('each unit says first, in words, what decided its level (SPEC 1.3 §5)', async () => {
    await renderPane(new FakePort([taskSheet(), inspectionSheet()]));
    await runCheck();
    const msg = messages('vi');
    const decided = (name: string) => within(document.querySelector(`[data-unit="${name}"]`) as HTMLElement).getByTestId('unit-decided').textContent;
    // Rules from 2026: Tư pháp scores 18 and Mỹ Hòa 30, both below the 50 points "completed" needs;
    // Nội vụ (100, nothing late) is the only candidate for excellent, and with no unit rated good the
    // 20 % quota keeps none of the one candidate.
    expect(decided('Phòng Tư pháp')).toBe(`${vi.decidingReason}: ${msg.decidedScoreBelow('18.0', msg.level_completed(), 50)}`);
    expect(decided('Xã Mỹ Hòa')).toBe(`${vi.decidingReason}: ${msg.decidedScoreBelow('30.0', msg.level_completed(), 50)}`);
    expect(decided('Phòng Nội vụ')).toBe(`${vi.decidingReason}: ${msg.decidedQuota(20, 0, 1, msg.level_excellent(), msg.level_good())}`);
    expect(decided('Phòng Tư pháp')).toContain('Điểm 18,0');
  });

  test('the charts render, each with its text alternative', async () => {
    await renderPane(new FakePort([taskSheet(), inspectionSheet()]));
    await runCheck();
    const charts = await screen.findByTestId('unit-charts', undefined, { timeout: 15_000 });
    const scores = within(charts).getByRole('figure', { name: vi.chartScores });
    expect(within(scores).getByTestId('chart-alt').textContent).toBe(
      vi.chartScoresAlt(3, `Phòng Nội vụ (${vi.scoreText('100,0')})`, `Phòng Tư pháp (${vi.scoreText('18,0')})`),
    );
    const table = within(scores).getByTestId('chart-scores-table');
    expect([...table.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['Phòng Nội vụ', '100,0', 'Hoàn thành tốt nhiệm vụ'],
      ['Xã Mỹ Hòa', '30,0', 'Không hoàn thành nhiệm vụ'],
      ['Phòng Tư pháp', '18,0', 'Không hoàn thành nhiệm vụ'],
    ]);
    const late = within(charts).getByRole('figure', { name: vi.chartLate });
    const lateRows = within(late).getByTestId('chart-late-table').querySelectorAll('tbody tr');
    expect([...lateRows].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['Phòng Tư pháp', '1', '0'],
      ['Xã Mỹ Hòa', '0', '2'],
    ]);
  });

  test('people named on the tasks: their own section with overdue counts, and a filter with counts', async () => {
    const tasks = sheet('NV', [
      ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo chỉ đạo', 'Người phụ trách', 'Thời hạn'],
      ['Việc 1', 'Phòng Nội vụ', 'Chủ tịch Nguyễn Thanh Hải', 'Lê Văn An', '01/03/2026'],
      ['Việc 2', 'Phòng Nội vụ', 'Đ/c Nguyễn Thanh Hải', 'CV Trần Thị Bình; Lê Văn An', '02/03/2026'],
      ['Việc 3', 'Phòng Tư pháp', 'PCT Phạm Văn Cường', 'Trần Thị Bình', '03/03/2026'],
      ['Việc 4', 'Phòng Tư pháp, Phòng Nội vụ', 'Phạm Văn Cường', null, '04/03/2026'],
    ]);
    await renderPane(new FakePort([tasks]));
    await runCheck();
    // SPEC 1.3 §5: titles dropped, leaders first, then most overdue, then by key; all four tasks are
    // overdue on 01/07/2026, two per person.
    openSection(new RegExp(`^${vi.peopleTitle}`));
    const people = [...document.querySelectorAll('[data-person]')].map((r) => [r.getAttribute('data-person'), r.getAttribute('data-role'), r.getAttribute('data-overdue')]);
    expect(people).toEqual([
      ['Nguyễn Thanh Hải', 'leader', '2'],
      ['Phạm Văn Cường', 'leader', '2'],
      ['Lê Văn An', 'owner', '2'],
      ['Trần Thị Bình', 'owner', '2'],
    ]);
    const select = screen.getByLabelText(vi.filterPerson) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      vi.all,
      'Phạm Văn Cường (3)',
      'Lê Văn An (2)',
      'Nguyễn Thanh Hải (2)',
      'Trần Thị Bình (2)',
    ]);
    fireEvent.change(select, { target: { value: 'Trần Thị Bình' } });
    expect(shown()).toBe(vi.shown(2, 5));
  });

  test('people have their own section; a book without person columns says so', async () => {
    await renderPane(new FakePort([taskSheet()]));
    await runCheck();
    openSection(new RegExp(`^${vi.peopleTitle}`));
    expect(screen.getByText(vi.noPeople)).toBeTruthy();
  });

  test('people sort by overdue tasks, by name, or in the report order', () => {
    const p = (name: string, role: PersonReport['role'], openOverdue: number, due: number): PersonReport => ({ name, role, due, doneOnTime: due - openOverdue, doneLate: 0, openOverdue, openOnTime: 0 });
    const people = [p('Lê Văn An', 'leader', 1, 3), p('Bùi Thị Cúc', 'owner', 4, 6), p('Đỗ Văn Dũng', 'owner', 2, 9)];
    render(
      <FluentProvider theme={webLightTheme}>
        <PeoplePanel t={vi} lang="vi" people={people} />
      </FluentProvider>,
    );
    const names = () => [...document.querySelectorAll('[data-person]')].map((r) => r.getAttribute('data-person'));
    expect(names()).toEqual(['Lê Văn An', 'Bùi Thị Cúc', 'Đỗ Văn Dũng']);
    expect(within(document.querySelector('[data-person="Lê Văn An"]') as HTMLElement).getByText(peopleText('vi').role.leader)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: vi.colOverdue }));
    expect(names()).toEqual(['Bùi Thị Cúc', 'Đỗ Văn Dũng', 'Lê Văn An']);
    fireEvent.click(screen.getByRole('button', { name: vi.colDue }));
    expect(names()).toEqual(['Đỗ Văn Dũng', 'Bùi Thị Cúc', 'Lê Văn An']);
  });
});

describe("the pane's manners", () => {
  test('after a check the focus is on the results heading; progress is announced in a live region', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class SlowPort extends FakePort {
      override async readBook(): Promise<BookContents> {
        await gate;
        return super.readBook();
      }
    }
    await renderPane(new SlowPort([taskSheet()]));
    const live = screen.getByTestId('progress');
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect((screen.getByRole('button', { name: vi.check }) as HTMLButtonElement).disabled).toBe(false));
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: vi.check }));
    });
    await waitFor(() => expect(live.textContent).toContain(`${vi.stage_reading} (${vi.stepOf(1, 4)})`));
    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId('summary-counts')).toBeTruthy(), { timeout: 15_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: vi.resultsTitle })));
    expect(live.textContent).toBe('');
  });

  test('browser mode shows only what means something there', async () => {
    const excel = await renderPane(new FakePort([taskSheet()]), 'excel');
    expect(screen.getByRole('button', { name: vi.clearFlags })).toBeTruthy();
    expect(screen.getByRole('button', { name: vi.saveDefaults })).toBeTruthy();
    excel.unmount();
    await renderPane(new FakePort([taskSheet()]), 'browser');
    expect(screen.getByRole('button', { name: vi.check })).toBeTruthy();
    expect(screen.queryByRole('button', { name: vi.clearFlags })).toBeNull();
    expect(screen.queryByRole('button', { name: vi.saveDefaults })).toBeNull();
  });

  test('a five-digit year is not a date and names no year', async () => {
    await renderPane(new FakePort([taskSheet()]));
    fireEvent.change(screen.getByLabelText(vi.asOf), { target: { value: '12026-01-01' } });
    expect((screen.getByRole('button', { name: vi.check }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(vi.asOfInvalid)).toBeTruthy();
    expect(screen.getByRole('option', { name: vi.rulesByYear('—') })).toBeTruthy();
    expect(screen.queryByRole('option', { name: vi.rulesByYear('1202') })).toBeNull();
  });

  test('what the host could not do is shown after the run', async () => {
    const port = new FakePort([taskSheet()]);
    port.notices = [{ kind: 'sheet-vanished', sheet: 'Nháp' }];
    await renderPane(port);
    await runCheck();
    expect(screen.getByTestId('host-notices').textContent).toContain(ribbonMessages('vi').sheetVanished('Nháp'));
  });
});
