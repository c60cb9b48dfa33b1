/**
 * The rows behind the findings: a finding names a cell; its row is a task (or an inspection, a
 * registry entry) that the report and the sheets it was computed from describe. This index joins
 * them, so that the pane shows a finding's task in words and its row's mapped columns side by side,
 * however far apart they are in the sheet. It reads what the check read; it computes nothing the
 * engine computes.
 */
import { columnIndex, columnLetter, parseA1, type CellValue, type SheetData } from '../core/cells';
import type { SheetKind } from '../core/fields';
import type { Finding, Report, RuleId, SheetReport, TaskReport } from '../core/report';
import type { Lang } from '../i18n/messages';
import { displayValue } from './cell-display';

/** What the row view shows of a row, by kind of sheet; other mapped columns only when flagged. */
const ROW_FIELDS: Readonly<Record<SheetKind, readonly string[]>> = {
  task: ['content', 'leadUnit', 'deadline', 'completedDate', 'status'],
  inspection: ['date', 'unit', 'violations'],
  registry: ['unit', 'unitType'],
};

/** Columns a rule compares with the flagged one, so that the row view shows both. */
const RULE_FIELDS: Partial<Readonly<Record<RuleId, readonly string[]>>> = {
  'deadline-before-assigned': ['assignedDate'],
  'completed-before-assigned': ['assignedDate'],
  'duplicate-task': ['docNumber'],
};

export interface RowField {
  /** The mapped field, or null for a flagged column the mapping does not name. */
  readonly field: string | null;
  readonly column: string;
  readonly value: string;
  readonly flagged: boolean;
}

export interface RowView {
  readonly sheet: string;
  readonly row: number;
  readonly kind: SheetKind;
  readonly fields: readonly RowField[];
}

const keyOf = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/** The 1-based row of a finding's cell. */
export function findingRow(f: Finding): number {
  return (parseA1(f.cell)?.row ?? -1) + 1;
}

export class ReportRows {
  private readonly tasks = new Map<string, TaskReport>();
  private readonly data = new Map<string, SheetData>();
  private readonly mapped = new Map<string, SheetReport>();

  constructor(
    report: Report,
    sheets: readonly SheetData[],
    private readonly lang: Lang,
  ) {
    for (const t of report.tasks) this.tasks.set(keyOf(t.sheet, t.row), t);
    for (const s of report.sheets) this.mapped.set(s.name, s);
    for (const s of sheets) if (this.mapped.has(s.name)) this.data.set(s.name, s);
  }

  /** The task on a row of a task sheet, as the report computed it. */
  task(sheet: string, row: number): TaskReport | undefined {
    return this.tasks.get(keyOf(sheet, row));
  }

  kind(sheet: string): SheetKind | undefined {
    return this.mapped.get(sheet)?.kind;
  }

  /** The raw value of a mapped field on a row, or undefined when the field is not mapped. */
  value(sheet: string, row: number, field: string): CellValue | undefined {
    const letters = this.mapped.get(sheet)?.columns[field];
    if (letters === undefined) return undefined;
    return this.data.get(sheet)?.rows[row - 1]?.[columnIndex(letters)] ?? null;
  }

  /** A mapped field's text on a row ("" when empty or not mapped). */
  text(sheet: string, row: number, field: string): string {
    return displayValue(this.value(sheet, row, field), this.lang);
  }

  /**
   * The row of a finding: the kind's key columns, the columns its rule compares, and the flagged
   * cell, in the sheet's column order. Null when the sheet was not among those read.
   */
  rowView(f: Finding): RowView | null {
    const mapping = this.mapped.get(f.sheet);
    const sheet = this.data.get(f.sheet);
    const at = parseA1(f.cell);
    if (!mapping || !sheet || !at) return null;
    const wanted = new Set([...ROW_FIELDS[mapping.kind], ...(RULE_FIELDS[f.rule] ?? [])]);
    const fieldAt = new Map<number, string>();
    for (const [field, letters] of Object.entries(mapping.columns)) fieldAt.set(columnIndex(letters), field);
    const columns = new Set<number>([at.col]);
    for (const [col, field] of fieldAt) if (wanted.has(field)) columns.add(col);
    const cells = sheet.rows[at.row];
    const fields = [...columns]
      .sort((a, b) => a - b)
      .map((col) => ({
        field: fieldAt.get(col) ?? null,
        column: columnLetter(col),
        value: displayValue(cells?.[col], this.lang),
        flagged: col === at.col,
      }));
    return { sheet: f.sheet, row: at.row + 1, kind: mapping.kind, fields };
  }
}
