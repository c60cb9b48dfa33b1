/** Turn the record rows of a recognised sheet into typed records (SPEC §2 values). */
import { isErrorCell, isEmpty, type CellValue, type SheetData } from './cells';
import { FoldCache } from './fold';
import type { ColumnMap } from './header';
import {
  isDisciplineMark,
  parseDate,
  parseViolations,
  plainText,
  splitUnits,
  statusMeaning,
  type DateValue,
  type StatusMeaning,
  type UnitName,
  type ViolationsValue,
} from './values';
import { cellText } from './cells';

/** A mapped cell holding an Excel error: reported as invalid-value, then read as empty. */
export interface ErrorAt {
  readonly col: number;
  readonly code: string;
}

interface RecordBase {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly columns: ColumnMap;
  readonly errors: readonly ErrorAt[];
}

export interface TaskRecord extends RecordBase {
  readonly leads: readonly UnitName[];
  readonly coUnits: readonly UnitName[];
  readonly assigned: DateValue;
  readonly deadline: DateValue;
  readonly completed: DateValue;
  /** Folded docNumber and content, "" when empty. */
  readonly docKey: string;
  readonly contentKey: string;
  readonly statusSays: StatusMeaning;
}

export interface InspectionRecord extends RecordBase {
  readonly date: DateValue;
  readonly units: readonly UnitName[];
  readonly violations: ViolationsValue;
}

export interface RegistryRecord extends RecordBase {
  readonly unit: string | null;
  readonly unitType: string | null;
  readonly head: string | null;
  readonly disciplined: boolean;
}

function errorsIn(row: ReadonlyArray<CellValue>, columns: ColumnMap): ErrorAt[] {
  let out: ErrorAt[] | null = null;
  for (const col of Object.values(columns)) {
    const v = row[col];
    if (isErrorCell(v)) (out ??= []).push({ col, code: v.error });
  }
  return out ?? NO_ERRORS;
}
const NO_ERRORS: ErrorAt[] = [];
const NO_UNITS: UnitName[] = [];

function at(row: ReadonlyArray<CellValue>, columns: ColumnMap, field: string): CellValue | undefined {
  const col = columns[field];
  return col === undefined ? undefined : row[col];
}

const contentFolds = new FoldCache();

function textKey(v: CellValue | undefined): string {
  if (isEmpty(v) || isErrorCell(v)) return '';
  return contentFolds.fold(cellText(v));
}

const EMPTY_ROW: CellValue[] = [];

export function readTask(sheet: SheetData, row: number, columns: ColumnMap): TaskRecord {
  const cells = sheet.rows[row] ?? EMPTY_ROW;
  const co = at(cells, columns, 'coUnits');
  return {
    sheet: sheet.name,
    row,
    columns,
    errors: errorsIn(cells, columns),
    leads: splitUnits(at(cells, columns, 'leadUnit')),
    coUnits: co === undefined ? NO_UNITS : splitUnits(co),
    assigned: parseDate(at(cells, columns, 'assignedDate')),
    deadline: parseDate(at(cells, columns, 'deadline')),
    completed: parseDate(at(cells, columns, 'completedDate')),
    docKey: textKey(at(cells, columns, 'docNumber')),
    contentKey: textKey(at(cells, columns, 'content')),
    statusSays: statusMeaning(at(cells, columns, 'status')),
  };
}

export function readInspection(sheet: SheetData, row: number, columns: ColumnMap): InspectionRecord {
  const cells = sheet.rows[row] ?? EMPTY_ROW;
  return {
    sheet: sheet.name,
    row,
    columns,
    errors: errorsIn(cells, columns),
    date: parseDate(at(cells, columns, 'date')),
    units: splitUnits(at(cells, columns, 'unit')),
    violations: parseViolations(at(cells, columns, 'violations')),
  };
}

export function readRegistry(sheet: SheetData, row: number, columns: ColumnMap): RegistryRecord {
  const cells = sheet.rows[row] ?? EMPTY_ROW;
  return {
    sheet: sheet.name,
    row,
    columns,
    errors: errorsIn(cells, columns),
    unit: plainText(at(cells, columns, 'unit')),
    unitType: plainText(at(cells, columns, 'unitType')),
    head: plainText(at(cells, columns, 'head')),
    disciplined: isDisciplineMark(at(cells, columns, 'disciplined')),
  };
}
