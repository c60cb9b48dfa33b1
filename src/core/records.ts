/** Turn the record rows of a recognised sheet into typed records (SPEC §2 values). */
import { isErrorCell, isEmpty, type CellValue, type SheetData } from './cells';
import { fold, foldHash } from './fold';
import { parseDeadline, type DeadlineValue } from './deadlines';
import type { ColumnMap } from './header';
import { splitPeople, type PersonName } from './people';
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
  /** SPEC 1.3 people in charge: the `leader` and `owner` cells. */
  readonly leaders: readonly PersonName[];
  readonly owners: readonly PersonName[];
  readonly assigned: DateValue;
  /** SPEC 1.3: read as offices write deadlines (prefix dates, periods, recurring). */
  readonly deadline: DeadlineValue;
  readonly completed: DateValue;
  /**
   * Hash of the folded docNumber and content for duplicate-task (see `taskTextKeys` for the texts
   * themselves); -1 when the folded content is empty.
   */
  readonly dupHash: number;
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

/** The mapped columns of a column map, listed once per sheet rather than once per row. */
const columnLists = new WeakMap<ColumnMap, number[]>();

function columnsOf(columns: ColumnMap): number[] {
  let list = columnLists.get(columns);
  if (list === undefined) columnLists.set(columns, (list = Object.values(columns)));
  return list;
}

function errorsIn(row: ReadonlyArray<CellValue>, columns: ColumnMap): ErrorAt[] {
  let out: ErrorAt[] | null = null;
  for (const col of columnsOf(columns)) {
    const v = row[col];
    if (isErrorCell(v)) (out ??= []).push({ col, code: v.error });
  }
  return out ?? NO_ERRORS;
}
const NO_ERRORS: ErrorAt[] = [];
const NO_UNITS: readonly UnitName[] = [];
const NO_PEOPLE: readonly PersonName[] = [];

function at(row: ReadonlyArray<CellValue>, columns: ColumnMap, field: string): CellValue | undefined {
  const col = columns[field];
  return col === undefined ? undefined : row[col];
}

/**
 * Numbers and contents are nearly all different from row to row, so they are folded directly: a
 * memo of them would cost more (a large Map touched twice per row) than folding.
 */
function textKey(v: CellValue | undefined): string {
  if (isEmpty(v) || isErrorCell(v)) return '';
  return fold(cellText(v));
}

const EMPTY_ROW: CellValue[] = [];
const EMPTY_DATE: DateValue = { kind: 'empty' };

/** Separates the number from the content in the duplicate hash. */
const DOC_END = 0x2f6b;

function textHash(v: CellValue | undefined, seed?: number): number {
  if (isEmpty(v) || isErrorCell(v)) return -1;
  return foldHash(cellText(v), seed);
}

/** Hash of (folded docNumber, folded content), -1 when the folded content is empty. */
function dupHash(doc: CellValue | undefined, content: CellValue | undefined): number {
  const docHash = textHash(doc);
  return textHash(content, docHash === -1 ? DOC_END : docHash ^ DOC_END);
}

/** The folded docNumber and content of a task row ("" when empty), compared when hashes are equal. */
export function taskTextKeys(sheet: SheetData, row: number, columns: ColumnMap): { docKey: string; contentKey: string } {
  const cells = sheet.rows[row] ?? EMPTY_ROW;
  return { docKey: textKey(at(cells, columns, 'docNumber')), contentKey: textKey(at(cells, columns, 'content')) };
}

/** A task record to be filled again and again: the engine reads a sheet's rows through one. */
export type TaskSlot = { -readonly [K in keyof TaskRecord]: TaskRecord[K] };

export function newTaskSlot(): TaskSlot {
  return {
    sheet: '',
    row: 0,
    columns: {},
    errors: NO_ERRORS,
    leads: NO_UNITS,
    coUnits: NO_UNITS,
    leaders: NO_PEOPLE,
    owners: NO_PEOPLE,
    assigned: EMPTY_DATE,
    deadline: EMPTY_DATE,
    completed: EMPTY_DATE,
    dupHash: -1,
    statusSays: 'unknown',
  };
}

/**
 * Fill `slot` with one row. Reusing a slot saves an object per row, which on a large sheet means
 * fewer young-generation collections, each of which copies every report kept so far.
 */
/** The columns of a task sheet's fields, -1 when unmapped: resolved once per sheet, not once per row. */
interface TaskColumns {
  readonly lead: number;
  readonly co: number;
  readonly leader: number;
  readonly owner: number;
  readonly assigned: number;
  readonly deadline: number;
  readonly completed: number;
  readonly doc: number;
  readonly content: number;
  readonly status: number;
}

const taskColumnsByMap = new WeakMap<ColumnMap, TaskColumns>();

function taskColumnsOf(columns: ColumnMap): TaskColumns {
  let c = taskColumnsByMap.get(columns);
  if (c === undefined) {
    const col = (field: string) => columns[field] ?? -1;
    c = {
      lead: col('leadUnit'),
      co: col('coUnits'),
      leader: col('leader'),
      owner: col('owner'),
      assigned: col('assignedDate'),
      deadline: col('deadline'),
      completed: col('completedDate'),
      doc: col('docNumber'),
      content: col('content'),
      status: col('status'),
    };
    taskColumnsByMap.set(columns, c);
  }
  return c;
}

function cellAt(cells: ReadonlyArray<CellValue>, col: number): CellValue | undefined {
  return col < 0 ? undefined : cells[col];
}

export function readTaskInto(slot: TaskSlot, sheet: SheetData, row: number, columns: ColumnMap): TaskRecord {
  const cells = sheet.rows[row] ?? EMPTY_ROW;
  const c = taskColumnsOf(columns);
  slot.sheet = sheet.name;
  slot.row = row;
  slot.columns = columns;
  slot.errors = errorsIn(cells, columns);
  slot.leads = splitUnits(cellAt(cells, c.lead));
  slot.coUnits = c.co < 0 ? NO_UNITS : splitUnits(cells[c.co]);
  slot.leaders = c.leader < 0 ? NO_PEOPLE : splitPeople(cells[c.leader]);
  slot.owners = c.owner < 0 ? NO_PEOPLE : splitPeople(cells[c.owner]);
  slot.assigned = parseDate(cellAt(cells, c.assigned));
  slot.deadline = parseDeadline(cellAt(cells, c.deadline));
  slot.completed = parseDate(cellAt(cells, c.completed));
  slot.dupHash = dupHash(cellAt(cells, c.doc), cellAt(cells, c.content));
  slot.statusSays = statusMeaning(cellAt(cells, c.status));
  return slot;
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
