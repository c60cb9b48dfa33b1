/**
 * In-memory workbooks for the engine tests: the host-neutral SheetData the adapters hand to the core,
 * built row by row, with the usual layouts of a Vietnamese office's tracking sheets.
 */
import { dayFromYmd, type CellValue, type DateCell, type ErrorCell, type MergeRange, type SheetData } from '../../src/core/cells';
import { checkWorkbook, type CheckOptions } from '../../src/core/check';
import type { Finding, Report, RuleId, UnitReport } from '../../src/core/report';

/** Day number of a calendar date; throws on a date that does not exist (a test typo). */
export function day(y: number, m: number, d: number): number {
  const n = dayFromYmd(y, m, d);
  if (n === null) throw new Error(`not a date: ${y}-${m}-${d}`);
  return n;
}

/** A real Excel date cell. */
export function D(y: number, m: number, d: number, timeFraction = 0): DateCell {
  return { date: day(y, m, d) + timeFraction };
}

export function ERR(code = '#N/A'): ErrorCell {
  return { error: code };
}

/** "A1:C1" → 0-based MergeRange. */
export function merge(range: string): MergeRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]!), bottom: Number(m[4]) - 1, right: col(m[3]!) };
}

export function sheet(name: string, rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>, merges: readonly string[] = []): SheetData {
  return { name, rows, merges: merges.map(merge) };
}

// ------------------------------------------------------------------ task sheets

/** A..I, the layout of the acceptance sample (single-row header). */
export const TASK_HEADER: CellValue[] = [
  'STT',
  'Số ký hiệu văn bản',
  'Nội dung nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Ngày giao',
  'Thời hạn',
  'Ngày hoàn thành',
  'Tình trạng',
];

/** Column letters of TASK_HEADER, for expected cell addresses. */
export const TC = { doc: 'B', content: 'C', lead: 'D', co: 'E', assigned: 'F', deadline: 'G', completed: 'H', status: 'I' } as const;

export interface TaskSpec {
  doc?: CellValue;
  content?: CellValue;
  lead?: CellValue;
  co?: CellValue;
  assigned?: CellValue;
  deadline?: CellValue;
  completed?: CellValue;
  status?: CellValue;
}

let serial = 0;
/** One task row in the TASK_HEADER layout; content defaults to a unique text so nothing is a duplicate by accident. */
export function taskRow(t: TaskSpec, stt: CellValue = null): CellValue[] {
  serial++;
  return [
    stt,
    t.doc ?? null,
    'content' in t ? (t.content ?? null) : `Nhiệm vụ số ${serial}`,
    t.lead ?? null,
    t.co ?? null,
    t.assigned ?? null,
    t.deadline ?? null,
    t.completed ?? null,
    t.status ?? null,
  ];
}

/** Two title rows (agency, title), then the header on row 3: the first task is on sheet row 4. */
export const TITLE_ROWS: CellValue[][] = [['UBND HUYỆN THÁP MƯỜI'], ['DANH MỤC NHIỆM VỤ NĂM 2023']];
export const FIRST_TASK_ROW = 4;

export function taskSheet(name: string, tasks: readonly TaskSpec[], extraRows: CellValue[][] = []): SheetData {
  return sheet(name, [...TITLE_ROWS, TASK_HEADER, ...tasks.map((t, i) => taskRow(t, i + 1)), ...extraRows]);
}

// ------------------------------------------------------------------ registry and inspection sheets

export const REGISTRY_HEADER: CellValue[] = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu', 'Kỷ luật'];

export interface UnitSpec {
  name: CellValue;
  type?: CellValue;
  head?: CellValue;
  disciplined?: CellValue;
}

export function registrySheet(name: string, units: readonly UnitSpec[]): SheetData {
  return sheet(name, [
    ['DANH MỤC ĐƠN VỊ'],
    REGISTRY_HEADER,
    ...units.map((u, i) => [i + 1, u.name, u.type ?? 'Xã', u.head ?? null, u.disciplined ?? null]),
  ]);
}

/** A..F: the first inspection is on sheet row 3. */
export const INSPECTION_HEADER: CellValue[] = ['STT', 'Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Hình thức kiểm tra', 'Số vi phạm', 'Hình thức xử lý'];
export const IC = { date: 'B', unit: 'C', form: 'D', violations: 'E', handling: 'F' } as const;

export interface InspectionSpec {
  date?: CellValue;
  unit?: CellValue;
  violations?: CellValue;
}

export function inspectionSheet(name: string, rows: readonly InspectionSpec[]): SheetData {
  return sheet(name, [
    ['KẾT QUẢ KIỂM TRA CÔNG VỤ'],
    INSPECTION_HEADER,
    ...rows.map((r, i) => [i + 1, r.date ?? null, r.unit ?? null, 'Đột xuất', r.violations ?? null, null]),
  ]);
}

// ------------------------------------------------------------------ running and reading reports

export const AS_OF = '2023-09-15';

export function run(sheets: readonly SheetData[], opts: Partial<CheckOptions> = {}): Report {
  return checkWorkbook(sheets, { asOf: AS_OF, ...opts });
}

/** "Sheet!Cell rule" strings, sorted: compact and order-independent. */
export function findingKeys(report: Report, rule?: RuleId): string[] {
  return report.findings
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => `${f.sheet}!${f.cell} ${f.rule}`)
    .sort();
}

/** Cells of one rule's findings (any sheet), sorted. */
export function cellsOf(report: Report, rule: RuleId): string[] {
  return report.findings
    .filter((f) => f.rule === rule)
    .map((f) => f.cell)
    .sort();
}

export function findingsAt(report: Report, cell: string): Finding[] {
  return report.findings.filter((f) => f.cell === cell);
}

export function unitNamed(report: Report, name: string): UnitReport {
  const u = report.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}; units: ${report.units.map((x) => x.name).join(', ')}`);
  return u;
}

export function taskAt(report: Report, row: number, sheetName?: string): Report['tasks'][number] {
  const t = report.tasks.find((x) => x.row === row && (sheetName === undefined || x.sheet === sheetName));
  if (!t) throw new Error(`no task at row ${row}; rows: ${report.tasks.map((x) => x.row).join(', ')}`);
  return t;
}
