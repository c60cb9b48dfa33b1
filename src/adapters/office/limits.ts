/**
 * Limits of the Office.js host that the adapter stays under (Microsoft's documented limits for
 * Excel on the web, the strictest host): 5 MB per request or response, 5,000,000 cells per read,
 * 8,192 characters per getRanges address. We aim below them with margins.
 */

/** Target size of one read response (estimated before loading, measured after). Hard limit 5 MB. */
export const RESPONSE_BUDGET_BYTES = 3_500_000;
/** Estimates are multiplied by this before they are compared with the budget. */
export const ESTIMATE_SAFETY = 1.25;
/** Bytes per cell assumed for a sheet before any of its rows were measured (values + valueTypes). */
export const FIRST_GUESS_BYTES_PER_CELL = 64;
/** Cells per read, below Excel's 5,000,000. */
export const MAX_CELLS_PER_READ = 4_000_000;
/** Target size of one write request. Hard limit 5 MB. */
export const REQUEST_BUDGET_BYTES = 3_500_000;
/** Characters per getRanges address, below Excel's 8,192 (longer addresses are silently cut). */
export const MAX_AREAS_ADDRESS = 8_000;
/** Rows per merged-areas probe (getMergedAreasOrNullObject fails above 512 merged areas). */
export const MERGE_PROBE_ROWS = 64;
/** Characters Excel keeps in one cell. */
export const MAX_CELL_TEXT = 32_767;
