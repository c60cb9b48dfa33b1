/**
 * A copy that could not keep something of the user's file is held back (issue 10: never silent,
 * said before the download): the page lists what was not kept, and saves the copy only on a yes.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneText } from '../../i18n/pane';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface Held {
  readonly bytes: Uint8Array;
  /** What the copy could not keep, in words. */
  readonly notKept: readonly string[];
}

export function HeldDownload({ t, held, onSave, onCancel }: { t: PaneText; held: Held; onSave: (bytes: Uint8Array) => void; onCancel: () => void }) {
  const s = useStyles();
  return (
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
        <Button appearance="primary" onClick={() => onSave(held.bytes)}>
          {t.downloadAnyway}
        </Button>
        <Button onClick={onCancel}>{t.cancel}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
