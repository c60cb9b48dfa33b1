/**
 * The workbook port: everything the use cases need from a host. One adapter per host implements it
 * (Office.js inside Excel; an .xlsx file for the command line and browser mode). Data flows one way:
 * read the book → core computes a report → write flags and owned sheets.
 */
import type { SheetData } from '../core/cells';
import type { FlagPlan } from '../core/flag-plan';
import type { OwnedSheet } from '../core/owned-sheets';

/** What a check reads: every worksheet and the saved settings, in one read. */
export interface BookContents {
  /** Every worksheet in workbook order, values as the engine reads them. */
  readonly sheets: SheetData[];
  /** The add-in's saved settings (JSON text), or null when none were saved. */
  readonly settings: string | null;
}

/**
 * Something a host could not do or keep, told to the user instead of left silent: a sheet deleted
 * or renamed while the add-in ran (skipped), notes that this Excel cannot write (the cells are still
 * marked), a part of the file that a written copy could not keep.
 */
export type HostNotice =
  | { readonly kind: 'sheet-vanished'; readonly sheet: string }
  | { readonly kind: 'notes-unavailable'; readonly cells: number }
  | { readonly kind: 'not-kept'; readonly part: string; readonly what: string };

export interface WorkbookPort {
  /** The sheets and the saved settings together. */
  readBook(): Promise<BookContents>;
  /** The saved settings alone (JSON text), or null when none were saved. */
  readSettings(): Promise<string | null>;
  writeSettings(json: string): Promise<void>;
  /**
   * Replace the add-in's flags with these: first remove every flag it wrote before, then write the
   * plan. Never changes a cell value; running it twice leaves the same flags as once.
   */
  writeFlags(plan: FlagPlan): Promise<void>;
  /** Remove exactly what writeFlags added, leaving the user's sheets as they were. */
  clearFlags(): Promise<void>;
  /**
   * The add-in's result sheets (names starting with "KQ ") become exactly these: each created or
   * replaced, and a result sheet of an earlier run that is not among them removed (RESULT_SHEETS).
   */
  writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void>;
  /** What the user should be told besides the outcome, gathered since the last call; each notice once. */
  takeNotices(): HostNotice[];
}

/** A host problem the user must act on (protected sheet, read-only book): nothing was written. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
