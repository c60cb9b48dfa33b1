/**
 * What the Office.js adapter needs from the running Office host, behind a small interface so that
 * tests run the adapter against an in-memory fake (test/office/fake-excel.ts).
 */
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import { errorCode, InterruptedError, isCellEditMode, isPayloadTooLarge } from './faults';

/** The part of Excel.RunOptions the adapter uses. */
export interface HostRunOptions {
  /**
   * Hold the batch while the user is editing a cell instead of failing it
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  readonly delayForCellEdit?: boolean;
}

export interface OfficeHost {
  /** Excel.run: one request context, any number of context.sync() calls. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: HostRunOptions): Promise<T>;
  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, minVersion: string): boolean;
  /** The document was opened read-only (Office.context.document.mode). */
  documentReadOnly(): boolean;
  /** Wait this long (the user may be about to come back to the workbook). */
  pause(ms: number): Promise<void>;
}

/** The real host: only call inside Office, after Office.onReady. */
export function officeHost(): OfficeHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: HostRunOptions) =>
      options ? Excel.run({ delayForCellEdit: options.delayForCellEdit === true }, batch) : Excel.run(batch),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
    documentReadOnly: () => {
      const mode = Office.context.document?.mode as unknown;
      return mode === 'readOnly' || mode === Office.DocumentMode?.ReadOnly;
    },
    pause: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
}

export { MIN_EXCEL_API } from './minimum';

/**
 * Every Excel.run of the adapter: while the user edits a cell, Excel holds the batch until they leave
 * it instead of failing it.
 */
export const RUN_OPTIONS: HostRunOptions = { delayForCellEdit: true };

/** API sets beyond the ones every supported host has, detected at run time. */
export interface Features {
  /** RangeAreas (getRanges): one conditional format over many row blocks. ExcelApi 1.9. */
  readonly rangeAreas: boolean;
  /** Workbook.readOnly. ExcelApi 1.8. */
  readonly workbookReadOnly: boolean;
  /** Range.getMergedAreasOrNullObject: merges for two-row headers and section labels. ExcelApi 1.13. */
  readonly merges: boolean;
  /**
   * Notes (the yellow cell notes) carrying each finding's message. ExcelApi 1.18. The writers check
   * the member too (api-surface.ts): a local Office.js copy may lack it on a host that reports 1.18.
   */
  readonly notes: boolean;
  /** Threaded comments, whose cells get no note. ExcelApi 1.10. */
  readonly comments: boolean;
}

export function detectFeatures(host: OfficeHost): Features {
  const has = (v: string): boolean => {
    try {
      return host.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { rangeAreas: has('1.9'), workbookReadOnly: has('1.8'), merges: has('1.13'), notes: has('1.18'), comments: has('1.10') };
}

export { isPayloadTooLarge } from './faults';

/**
 * Office errors turned into a HostError with a message the user can act on: cell-edit mode, a
 * payload that stayed too large after splitting, and any other Office error of a batch that wrote
 * nothing (reads, surveys) as "stopped, nothing changed". Errors without an Office code (bugs) pass.
 */
export function translateError(e: unknown, lang: Lang): unknown {
  if (e instanceof HostError) return e;
  const code = errorCode(e);
  if (code === undefined) return e;
  if (isCellEditMode(e)) return new HostError(ribbonMessages(lang).cellEditMode());
  if (isPayloadTooLarge(e)) return new HostError(ribbonMessages(lang).payloadTooLarge());
  return new InterruptedError('before', code, lang, e);
}

/** host.run with Office errors turned into HostError (for batches that write nothing, or all in one sync). */
export async function runBatch<T>(host: OfficeHost, lang: Lang, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await host.run(batch, RUN_OPTIONS);
  } catch (e) {
    throw translateError(e, lang);
  }
}
