/** What a host could not do or keep, in the user's language: the same words in the pane, the ribbon and the command line. */
import type { Lang } from '../i18n/messages';
import { ribbonMessages } from '../i18n/ribbon';
import { partKindText } from '../i18n/xlsx';
import type { HostNotice } from '../port/workbook-port';

export function noticeText(notice: HostNotice, lang: Lang): string {
  const msg = ribbonMessages(lang);
  switch (notice.kind) {
    case 'sheet-vanished':
      return msg.sheetVanished(notice.sheet);
    case 'notes-unavailable':
      return msg.notesUnavailable(notice.cells);
    case 'not-kept':
      return msg.notKept(partKindText(notice.what, lang), notice.part);
  }
}
