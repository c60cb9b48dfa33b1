/** Style pieces several parts of the pane share, spread into their makeStyles. */
import { tokens } from '@fluentui/react-components';

/** A column of blocks with the pane's spacing. */
export const COLUMN = { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 } as const;

/** A block of the results on the page's background: the summary, a section. */
export const CARD = {
  backgroundColor: tokens.colorNeutralBackground1,
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalM,
  minWidth: 0,
} as const;
