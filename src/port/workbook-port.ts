/**
 * The workbook port: everything the use cases need from a host. One adapter per host implements it
 * (Office.js inside Excel, ExcelJS for the command line and browser mode). Data flows one way:
 * read sheets → core computes a report → write flags and owned sheets.
 */
import type { SheetData } from '../core/cells';
import type { FlagPlan } from '../core/flag-plan';
import type { OwnedSheet } from '../core/owned-sheets';

export interface WorkbookPort {
  /** Every worksheet in workbook order, values as the engine reads them. */
  readSheets(): Promise<SheetData[]>;
  /** The add-in's saved settings (JSON text), or null when none were saved. */
  readSettings(): Promise<string | null>;
  writeSettings(json: string): Promise<void>;
  /**
   * Replace the add-in's flags with these: first remove every flag it wrote before, then write the
   * plan. Never changes a cell value; running it twice leaves the same flags as once.
   */
  writeFlags(plan: FlagPlan): Promise<void>;
  /** Remove exactly what writeFlags added, leaving the user's sheets as they were. */
  clearFlags(): Promise<void>;
  /** Create or replace the add-in's own sheets (names starting with "KQ "). */
  writeOwnedSheets(sheets: readonly OwnedSheet[]): Promise<void>;
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
