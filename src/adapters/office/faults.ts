/**
 * Faults in Excel during a run (docs/office-faults.md): the error a command ends with when a sync
 * failed midway, saying which state the workbook was left in, and the Office error codes the adapter
 * tells apart.
 */
import type { Lang } from '../../i18n/messages';
import { ribbonMessages } from '../../i18n/ribbon';
import { HostError } from '../../port/workbook-port';

/**
 * Where a write that Excel interrupted left the workbook: exactly as before the run (what had been
 * written was rolled back), exactly as after a successful run (the write was completed), or unknown
 * (the clean-up itself failed).
 */
export type FaultState = 'before' | 'after' | 'unknown';

/** A sync failed midway; the message says so and what state the workbook is in. */
export class InterruptedError extends HostError {
  constructor(
    readonly state: FaultState,
    /** The Office error code of the failed sync ("GeneralException", ...). */
    readonly code: string,
    lang: Lang,
    /** The error Excel reported. */
    readonly original?: unknown,
  ) {
    const msg = ribbonMessages(lang);
    const what = state === 'before' ? msg.faultBefore(code) : state === 'after' ? msg.faultAfter(code) : msg.faultUnknown(code);
    // Say what happened when we know it: the user switched to another workbook.
    super(isFocusLost(original) ? `${msg.focusLost()} ${what}` : what);
    this.name = 'InterruptedError';
  }
}

/**
 * The code of an Office error (OfficeExtension.Error.code), if it is one. The common API layer
 * reports numbers (5004); they are returned as text.
 */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  }
  return undefined;
}

/**
 * Excel is in cell-edit mode. Two codes say so: the rich API's "InvalidOperationInCellEditMode", and
 * 5004 (ooeInvalidApiCallInContext) from Office's common API layer, which Office.js turns into the
 * former only on some paths (RequestContext._processOfficeJsErrorResponse in its Excel host files).
 */
export function isCellEditMode(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'InvalidOperationInCellEditMode' || code === '5004';
}

/**
 * Another workbook took the focus while a batch ran: Excel on Windows and Mac then fails sheet
 * operations with InvalidSelection ("The current selection is invalid for this operation";
 * office-js issues #6365 and #5570). The same situation has also been reported as GeneralException
 * (#771), which cannot be told apart from other faults.
 */
export function isFocusLost(e: unknown): boolean {
  return errorCode(e) === 'InvalidSelection';
}

/** Excel found the request or the response too large. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** Excel refused the request as too large: nothing in it ran, so it may be sent again in parts. */
export function isRequestTooLarge(e: unknown): boolean {
  return errorCode(e) === 'RequestPayloadSizeLimitExceeded';
}

/** A sheet (or something on it) named in the batch no longer exists: the user deleted or renamed it. */
export function isSheetGone(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ItemNotFound' || code === 'InvalidReference';
}

/**
 * Errors that are about the workbook or the connection, never about what one probe asked for: a
 * probe that may fail for its own reasons (merged areas) must not swallow these.
 */
export function isRunFault(e: unknown): boolean {
  const code = errorCode(e);
  return (
    isCellEditMode(e) ||
    isFocusLost(e) ||
    code === 'RequestAborted' ||
    code === 'Conflict' ||
    code === 'ActivityLimitReached' ||
    code === 'ItemNotFound' ||
    code === 'InvalidReference'
  );
}
