/** One section of the pane: a heading that opens and closes it (with a count when it has one), then its content. */
import { AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold },
  panel: { paddingBottom: tokens.spacingVerticalM, minWidth: 0, marginLeft: 0, marginRight: 0 },
});

export type SectionId = 'findings' | 'units' | 'people' | 'sheets' | 'rubric';

export interface SectionProps {
  readonly id: SectionId;
  readonly title: string;
  /** Shown after the title, already formatted ("1.999"). */
  readonly count?: string;
  readonly children: ReactNode;
}

export function Section({ id, title, count, children }: SectionProps) {
  const s = useStyles();
  return (
    <AccordionItem value={id} data-section={id}>
      <AccordionHeader as="h2" size="large">
        <span className={s.title}>{count === undefined ? title : `${title} (${count})`}</span>
      </AccordionHeader>
      <AccordionPanel className={s.panel}>{children}</AccordionPanel>
    </AccordionItem>
  );
}
