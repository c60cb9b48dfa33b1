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
    super(state === 'before' ? msg.faultBefore(code) : state === 'after' ? msg.faultAfter(code) : msg.faultUnknown(code));
    this.name = 'InterruptedError';
  }
}

/** The code of an Office error (OfficeExtension.Error.code), if it is one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
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
    code === 'InvalidOperationInCellEditMode' ||
    code === 'RequestAborted' ||
    code === 'Conflict' ||
    code === 'ActivityLimitReached' ||
    code === 'ItemNotFound' ||
    code === 'InvalidReference'
  );
}
