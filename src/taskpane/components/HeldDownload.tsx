/**
 * Saving what a check produced, and what the host told on the way. A copy that could not keep
 * something of the user's file is held back (issue 10: never silent, said before the download): the
 * page lists what was not kept and saves the copy only on a yes. Single books and several books alike.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { PaneText } from '../../i18n/pane';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Held {
  readonly bytes: Uint8Array;
  /** What the copy could not keep, in words. */
  readonly notKept: readonly string[];
}

export interface DownloadGate {
  /** Save the copy now, or hold it while `notKept` is shown, when there is anything in it. */
  offer(bytes: Uint8Array, notKept: readonly string[]): void;
  /** Drop a held copy (a new download or file is on its way). */
  clear(): void;
  /** The held copy's message, or nothing. */
  readonly view: ReactNode;
}

export function useDownloadGate(t: PaneText, save: (bytes: Uint8Array) => void): DownloadGate {
  const s = useStyles();
  const [held, setHeld] = useState<Held | null>(null);
  const view = held && (
    <MessageBar intent="warning" layout="multiline" data-testid="not-kept">
      <MessageBarBody>
        <MessageBarTitle>{t.notKeptTitle}</MessageBarTitle>
        <ul className={s.list}>
          {held.notKept.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          onClick={() => {
            save(held.bytes);
            setHeld(null);
          }}
        >
          {t.downloadAnyway}
        </Button>
        <Button onClick={() => setHeld(null)}>{t.cancel}</Button>
      </MessageBarActions>
    </MessageBar>
  );
  return {
    offer: (bytes, notKept) => (notKept.length > 0 ? setHeld({ bytes, notKept }) : save(bytes)),
    clear: () => setHeld(null),
    view,
  };
}

/** What the host told besides the outcome, as a list under a warning; nothing when there is none. */
export function NoticeList({ notices, testId }: { notices: readonly string[]; testId: string }) {
  const s = useStyles();
  if (notices.length === 0) return null;
  return (
    <MessageBar intent="warning" data-testid={testId}>
      <MessageBarBody>
        <ul className={s.list}>
          {notices.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
