/** Rendering the pane over a fake port, and the few gestures every pane test makes. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Lang } from '../../src/i18n/messages';
import { paneText } from '../../src/i18n/pane';
import { Pane, type PaneProps } from '../../src/taskpane/Pane';
import { fakeHost, type FakePort } from './fake-port';

const vi = paneText('vi');
export const AS_OF = '2026-07-01';
export const now = () => new Date(2026, 6, 1, 9, 0, 0);

/** Render the pane and let it read the book's saved settings. */
export async function renderPane(port: FakePort, kind: 'excel' | 'browser' = 'excel', extra: Partial<PaneProps> & { lang?: Lang } = {}) {
  const host = fakeHost(port, kind);
  let view: ReturnType<typeof render> | undefined;
  await act(async () => {
    view = render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="vi" now={now} {...extra} />
      </FluentProvider>,
    );
  });
  return { host, ...view! };
}

export async function runCheck(t = vi) {
  await waitFor(() => expect((screen.getByRole('button', { name: t.check }) as HTMLButtonElement).disabled).toBe(false), { timeout: 15_000 });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: t.check }));
  });
  await waitFor(
    () => {
      expect(screen.getByTestId('summary-counts')).toBeTruthy();
      expect((screen.getByRole('button', { name: t.check }) as HTMLButtonElement).disabled).toBe(false);
    },
    { timeout: 15_000 },
  );
}

export function expandGroup(rule: string) {
  const group = document.querySelector(`[data-rule="${rule}"]`) as HTMLElement;
  const header = within(group).getAllByRole('button')[0]!;
  if (header.getAttribute('aria-expanded') !== 'true') fireEvent.click(header);
}

export function openSection(title: RegExp) {
  const header = screen.getByRole('button', { name: title });
  if (header.getAttribute('aria-expanded') !== 'true') fireEvent.click(header);
}
