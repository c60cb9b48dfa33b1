/** @jest-environment jsdom */
/**
 * Sorting the people (and, with the same controls, the units): a header sorts by its column and
 * turns the order round when clicked again; where the table is narrow, a list picks the column and a
 * button turns the order round. Names sort A to Z first, figures largest first. Expected orders are
 * worked out by hand from the three people below.
 */
import './dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { PersonReport } from '../../src/core/report';
import { paneText } from '../../src/i18n/pane';
import { PeoplePanel } from '../../src/taskpane/components/PeoplePanel';

const vi = paneText('vi');
const person = (name: string, due: number, openOverdue: number): PersonReport => ({ name, role: 'owner', due, doneOnTime: due - openOverdue, doneLate: 0, openOverdue, openOnTime: 0 });
// The report's order: most overdue first.
const PEOPLE = [person('Võ Văn Bé', 4, 3), person('Huỳnh Văn Nam', 9, 1), person('Lê Thị Thu', 6, 0)];

function names(): string[] {
  return [...screen.getByTestId('people-table').querySelectorAll('[data-person]')].map((r) => r.getAttribute('data-person')!);
}

beforeEach(() => {
  render(
    <FluentProvider theme={webLightTheme}>
      <PeoplePanel t={vi} lang="vi" people={PEOPLE} />
    </FluentProvider>,
  );
});

test('the report order first; a header sorts by its column, largest first, and again the other way', () => {
  expect(names()).toEqual(['Võ Văn Bé', 'Huỳnh Văn Nam', 'Lê Thị Thu']);
  const dueHeader = within(screen.getByTestId('people-table')).getByText(vi.colDue);
  fireEvent.click(dueHeader);
  expect(names()).toEqual(['Huỳnh Văn Nam', 'Lê Thị Thu', 'Võ Văn Bé']);
  fireEvent.click(dueHeader);
  expect(names()).toEqual(['Võ Văn Bé', 'Lê Thị Thu', 'Huỳnh Văn Nam']);
});

test('the narrow list picks the column (names A to Z) and the button turns the order round', () => {
  fireEvent.change(screen.getByLabelText(vi.sortPeople), { target: { value: 'name' } });
  // Vietnamese alphabetical order of the given names' folded forms: Huỳnh, Lê, Võ.
  expect(names()).toEqual(['Huỳnh Văn Nam', 'Lê Thị Thu', 'Võ Văn Bé']);
  fireEvent.click(screen.getByRole('button', { name: vi.sortAscending }));
  expect(names()).toEqual(['Võ Văn Bé', 'Lê Thị Thu', 'Huỳnh Văn Nam']);
  expect(screen.getByRole('button', { name: vi.sortDescending })).toBeTruthy();
});
