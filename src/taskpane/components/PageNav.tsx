/** First, previous, next and last page of a long list, with where the reader is ("51–100 of 1,999"). */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDoubleLeftRegular, ChevronDoubleRightRegular, ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Lang } from '../../i18n/messages';
import type { PaneText } from '../../i18n/pane';
import type { Page } from '../paging';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalXS },
  range: { marginLeft: tokens.spacingHorizontalXS, marginRight: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
});

export interface PageNavProps {
  readonly t: PaneText;
  readonly lang: Lang;
  /** Names the list, so that two navigations on one screen are told apart. */
  readonly label: string;
  readonly page: Page;
  readonly total: number;
  readonly onPage: (index: number) => void;
}

export function PageNav({ t, label, page, total, onPage }: PageNavProps) {
  const s = useStyles();
  const first = page.index === 0;
  const last = page.index === page.pages - 1;
  const button = (text: string, icon: ReactElement, to: number, disabled: boolean) => (
    <Button size="small" appearance="subtle" icon={icon} aria-label={text} title={text} disabledFocusable={disabled} onClick={() => onPage(to)} />
  );
  return (
    <nav className={s.nav} aria-label={label}>
      {button(t.firstPage, <ChevronDoubleLeftRegular />, 0, first)}
      {button(t.previousPage, <ChevronLeftRegular />, page.index - 1, first)}
      <Text size={200} className={s.range} data-testid="page-range">
        {t.pageRange(page.from, page.to, total)}
      </Text>
      {button(t.nextPage, <ChevronRightRegular />, page.index + 1, last)}
      {button(t.lastPage, <ChevronDoubleRightRegular />, page.pages - 1, last)}
    </nav>
  );
}
