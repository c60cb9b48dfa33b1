/** Turn what a host or the engine threw into a message the pane can show. */
import type { PaneText } from '../i18n/pane';
import { HostError } from '../port/workbook-port';

export interface ShownError {
  readonly title: string;
  readonly text: string;
}

export function describeError(e: unknown, t: PaneText): ShownError {
  if (e instanceof HostError || (e instanceof Error && e.name === 'HostError')) {
    const sheet = (e as HostError).sheet;
    return { title: t.hostError, text: sheet ? `${t.hostErrorSheet(sheet)}: ${e.message}` : e.message };
  }
  if (e instanceof Error) return { title: t.unexpected, text: e.message || e.name };
  return { title: t.unexpected, text: String(e) };
}
