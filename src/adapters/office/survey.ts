/**
 * The first batch of every write: which sheets exist, which are protected, whether the workbook's
 * structure is protected or the book is read-only. Writers check it and throw HostError before they
 * queue a single write.
 */
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import type { Features, OfficeHost } from './host';

export interface SheetState {
  readonly name: string;
  readonly protected: boolean;
  readonly ws: Excel.Worksheet;
}

export interface Survey {
  readonly sheets: SheetState[];
  readonly workbookProtected: boolean;
  readonly readOnly: boolean;
  /** Throws HostError when the book cannot be written at all. */
  assertWritable(lang: Lang): void;
  /** Throws HostError naming the first protected sheet among these names. */
  assertUnprotected(names: Iterable<string>, lang: Lang): void;
}

/**
 * Queue the survey loads (sheets with their protection, workbook protection, read-only) without
 * syncing, so that a caller can add its own loads to the same batch.
 */
export function queueSurvey(ctx: Excel.RequestContext, host: OfficeHost, features: Features): () => Survey {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  const protection = ctx.workbook.protection;
  protection.load('protected');
  if (features.workbookReadOnly) ctx.workbook.load('readOnly');
  return () => {
    const states: SheetState[] = sheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected, ws }));
    const readOnly = host.documentReadOnly() || (features.workbookReadOnly && ctx.workbook.readOnly === true);
    const byName = new Map(states.map((s) => [s.name, s]));
    return {
      sheets: states,
      workbookProtected: protection.protected,
      readOnly,
      assertWritable(lang) {
        if (readOnly) throw new HostError(ribbonMessages(lang).readOnly());
      },
      assertUnprotected(names, lang) {
        for (const n of names) {
          if (byName.get(n)?.protected) throw new HostError(ribbonMessages(lang).protectedSheet(n), n);
        }
      },
    };
  };
}

export async function surveyWorkbook(ctx: Excel.RequestContext, host: OfficeHost, features: Features): Promise<Survey> {
  const done = queueSurvey(ctx, host, features);
  await ctx.sync();
  return done();
}
