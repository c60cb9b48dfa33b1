/**
 * The Office.js adapter's face: what hosts inside Excel (the task pane, the ribbon commands) use.
 * Hosts import this module, never the adapter's files (eslint enforces it).
 */
export { MIN_EXCEL_API } from './minimum';
export { OfficeWorkbook, type OfficeWorkbookOptions } from './office-workbook';
