/**
 * Entry of the function file (commands.html): registers the ribbon's function commands with Office.
 * Every FunctionName in manifest.xml is associated here, literally (test/manifest checks it).
 */
import { OfficeWorkbook } from '../adapters/office';
import { createHandlers, langFromLocale } from './handlers';
import { showNotice } from './notice';

const handlers = createHandlers({
  port: (lang) => new OfficeWorkbook({ lang }),
  displayLang: () => langFromLocale(Office.context.displayLanguage),
  notify: (notice, waitMs) => showNotice(notice, window.location.href, waitMs),
  showSheet: (name) =>
    Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    }),
});

Office.onReady(() => {
  // Nothing to prepare: the handlers are associated below, when the file loads.
});

Office.actions.associate('checkAndFlag', handlers.checkAndFlag);
Office.actions.associate('scoreUnits', handlers.scoreUnits);
Office.actions.associate('clearFlags', handlers.clearFlags);
