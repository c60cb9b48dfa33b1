/**
 * What the Office.js adapter needs from the running Office host, behind a small interface so that
 * tests run the adapter against an in-memory fake (test/office/fake-excel.ts).
 */
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';

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

/** Office.js error codes we turn into a HostError with a message the user can act on. */
function codeOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

export function translateError(e: unknown, lang: Lang): unknown {
  if (e instanceof HostError) return e;
  const code = codeOf(e);
  if (code === 'InvalidOperationInCellEditMode') return new HostError(ribbonMessages(lang).cellEditMode());
  return e;
}

/** host.run with Office errors the user can fix turned into HostError. */
export async function runBatch<T>(host: OfficeHost, lang: Lang, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await host.run(batch);
  } catch (e) {
    throw translateError(e, lang);
  }
}
