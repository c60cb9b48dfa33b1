/**
 * What the Office.js adapter needs from the running Office host, behind a small interface so that
 * tests run the adapter against an in-memory fake (test/office/fake-excel.ts).
 */
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';
import { errorCode, InterruptedError, isPayloadTooLarge } from './faults';

export interface OfficeHost {
  /** Excel.run: one request context, any number of context.sync() calls. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, minVersion: string): boolean;
  /** The document was opened read-only (Office.context.document.mode). */
  documentReadOnly(): boolean;
}

/** The real host: only call inside Office, after Office.onReady. */
export function officeHost(): OfficeHost {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
    documentReadOnly: () => {
      const mode = Office.context.document?.mode as unknown;
      return mode === 'readOnly' || mode === Office.DocumentMode?.ReadOnly;
    },
  };
}

/** API sets above the manifest's ExcelApi 1.7 minimum, detected at run time. */
export interface Features {
  /** RangeAreas (getRanges): one conditional format over many row blocks. ExcelApi 1.9. */
  readonly rangeAreas: boolean;
  /** Workbook.readOnly. ExcelApi 1.8. */
  readonly workbookReadOnly: boolean;
  /** Range.getMergedAreasOrNullObject: merges for two-row headers and section labels. ExcelApi 1.13. */
  readonly merges: boolean;
  /** Notes (the yellow cell notes) carrying each finding's message. ExcelApi 1.18. */
  readonly notes: boolean;
}

export function detectFeatures(host: OfficeHost): Features {
  const has = (v: string): boolean => {
    try {
      return host.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { rangeAreas: has('1.9'), workbookReadOnly: has('1.8'), merges: has('1.13'), notes: has('1.18') };
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
  if (code === 'InvalidOperationInCellEditMode') return new HostError(ribbonMessages(lang).cellEditMode());
  if (isPayloadTooLarge(e)) return new HostError(ribbonMessages(lang).payloadTooLarge());
  return new InterruptedError('before', code, lang, e);
}

/** host.run with Office errors turned into HostError (for batches that write nothing, or all in one sync). */
export async function runBatch<T>(host: OfficeHost, lang: Lang, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await host.run(batch);
  } catch (e) {
    throw translateError(e, lang);
  }
}
