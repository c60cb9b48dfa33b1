/**
 * What the loaded Office.js really offers, not only what the host reports. A local copy of Office.js
 * (the closed-network build) is frozen: the @microsoft/office-js 1.1.110 files have no
 * `Worksheet.notes`, while Microsoft 365 reports ExcelApi 1.18, so `isSetSupported('ExcelApi', '1.18')`
 * is true and `ws.notes` is undefined. The CDN's Office.js instead throws on a member the host lacks.
 */
import type { Features } from './host';

/** The members the writers use beyond the requirement sets every supported host has. */
export interface Surface {
  /** Worksheet.notes (ExcelApi 1.18). */
  readonly notes: boolean;
  /** Worksheet.comments (ExcelApi 1.10). */
  readonly comments: boolean;
}

/** A member of an Office.js object, or undefined where this Office.js lacks it or refuses it. */
export function member<T>(read: () => T | undefined): T | undefined {
  try {
    return read() ?? undefined;
  } catch {
    return undefined;
  }
}

/** Checks the members on one worksheet proxy (no request is sent: a proxy's members are local). */
export function apiSurface(features: Features, ws: Excel.Worksheet): Surface {
  return {
    notes: features.notes && member(() => ws.notes) !== undefined,
    comments: features.comments && member(() => ws.comments) !== undefined,
  };
}
