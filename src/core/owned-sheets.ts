/**
 * SPEC §6 sheets the add-in owns: "KQ Đánh giá" (scores) and "KQ Kiểm tra" (findings), laid out
 * from a report without any host so that every adapter writes the same content.
 */
import { formatCount, formatIsoDate } from '../i18n/format';
import { messages, RULE_NAMES, type Lang } from '../i18n/messages';
import { peopleText } from '../i18n/people';
import type { Finding, Level, Report, UnitReport } from './report';
import { RULE_IDS } from './report';
import { FINDINGS_SHEET, PEOPLE_SHEET, SCORES_SHEET, type ColumnFormat } from './presentation';
import { parseA1 } from './cells';
import { ruleSetText } from './rule-sets/registry';


export type OwnedCell = string | number | null;

export interface OwnedColumn {
  readonly header: string;
  readonly width: number;
  readonly format?: ColumnFormat;
}

export interface OwnedLink {
  /** 0-based index into `rows`, and column. */
  readonly row: number;
  readonly col: number;
  readonly sheet: string;
  readonly cell: string;
  /**
   * Several books (SPEC §7): the cell is in another book, the file of this name in the same folder
   * (an annotated copy beside this one). Only the package layer writes such books.
   */
  readonly file?: string;
}

export interface OwnedSheet {
  readonly name: string;
  /** Lines above the table (title, as-of date, rule set). */
  readonly title: readonly string[];
  readonly columns: readonly OwnedColumn[];
  readonly rows: readonly (readonly OwnedCell[])[];
  /** Excel table name (letters, digits, underscores). */
  readonly tableName: string;
  /**
   * Column shown as data bars / bar chart, with the category column that names each bar; the value
   * axis runs from 0 to `axisMax` (100, the scores' scale, when not given).
   */
  readonly chart?: { readonly valueCol: number; readonly categoryCol: number; readonly title: string; readonly axisMax?: number };
  readonly links: readonly OwnedLink[];
}

/** 0-based sheet row of the table's header: the title lines, then one blank row. */
export function tableHeaderRow(s: OwnedSheet): number {
  return s.title.length + (s.title.length > 0 ? 1 : 0);
}

const T = {
  vi: {
    scoresTitle: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐƠN VỊ (đề xuất, lãnh đạo quyết định)',
    findingsTitle: 'KẾT QUẢ KIỂM TRA SỐ LIỆU THEO DÕI NHIỆM VỤ',
    asOf: (d: string, rules: string) => `Tính đến ngày ${d}; ${rules}`,
    unit: 'Đơn vị',
    type: 'Loại đơn vị',
    head: 'Người đứng đầu',
    headCap: 'Mức tối đa của người đứng đầu',
    due: 'Đến hạn',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    openOverdue: 'Quá hạn chưa xong',
    openOnTime: 'Chưa đến hạn',
    violations: 'Vi phạm',
    score: 'Điểm',
    level: 'Mức đề xuất',
    reasons: 'Lý do',
    chart: 'Điểm của các đơn vị',
    sheet: 'Trang tính',
    cell: 'Ô',
    rule: 'Quy tắc',
    severity: 'Mức độ',
    message: 'Nội dung',
    ruleCode: 'Mã quy tắc',
    count: (n: number) => `${formatCount(n, 'vi')} phát hiện`,
  },
  en: {
    scoresTitle: 'UNIT EVALUATION (suggested; the leader decides)',
    findingsTitle: 'FINDINGS IN THE TRACKING SHEETS',
    asOf: (d: string, rules: string) => `As of ${d}; ${rules}`,
    unit: 'Unit',
    type: 'Unit type',
    head: 'Head',
    headCap: "Head's level at most",
    due: 'Due',
    onTime: 'On time',
    late: 'Late',
    openOverdue: 'Open overdue',
    openOnTime: 'Not yet due',
    violations: 'Violations',
    score: 'Score',
    level: 'Suggested level',
    reasons: 'Reasons',
    chart: 'Unit scores',
    sheet: 'Sheet',
    cell: 'Cell',
    rule: 'Rule',
    severity: 'Severity',
    message: 'Message',
    ruleCode: 'Rule code',
    count: (n: number) => `${formatCount(n, 'en')} findings`,
  },
} as const;

export function levelLabel(level: Level, lang: Lang): string {
  return messages(lang)[`level_${level}`]();
}

function scoreRow(u: UnitReport, lang: Lang): OwnedCell[] {
  const late = u.doneLate + u.openOverdue;
  return [
    u.name,
    u.type,
    u.head,
    u.head === null ? null : levelLabel(u.level, lang),
    u.due,
    u.doneOnTime,
    late,
    u.openOverdue,
    u.openOnTime,
    u.violations,
    u.score,
    levelLabel(u.level, lang),
    u.reasons.join('; '),
  ];
}

export function scoresSheet(report: Report, lang: Lang): OwnedSheet {
  const t = T[lang];
  return {
    name: SCORES_SHEET,
    title: [t.scoresTitle, t.asOf(formatIsoDate(report.asOf, lang), ruleSetText(report.rules, lang))],
    columns: [
      { header: t.unit, width: 36, format: 'text' },
      { header: t.type, width: 18, format: 'text' },
      { header: t.head, width: 22, format: 'text' },
      { header: t.headCap, width: 26, format: 'text' },
      { header: t.due, width: 9, format: 'integer' },
      { header: t.onTime, width: 9, format: 'integer' },
      { header: t.late, width: 9, format: 'integer' },
      { header: t.openOverdue, width: 12, format: 'integer' },
      { header: t.openOnTime, width: 11, format: 'integer' },
      { header: t.violations, width: 9, format: 'integer' },
      { header: t.score, width: 9, format: 'score' },
      { header: t.level, width: 28, format: 'text' },
      { header: t.reasons, width: 60, format: 'text' },
    ],
    rows: report.units.map((u) => scoreRow(u, lang)),
    tableName: 'KQ_DanhGia',
    chart: { valueCol: 10, categoryCol: 0, title: t.chart },
    links: [],
  };
}

const RULE_ORDER = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]));

/** Where a sheet of several books read together is (SPEC §7): its book, its own name, and the file a link opens when it is another book. */
export interface BookPlace {
  readonly book: string;
  readonly sheet: string;
  readonly file?: string;
}

/** The findings of several books read together: a first column names each finding's book. */
export interface FindingsOfBooks {
  readonly header: string;
  readonly place: (sheet: string) => BookPlace;
}

export function findingsSheet(report: Report, lang: Lang, books?: FindingsOfBooks): OwnedSheet {
  const t = T[lang];
  const msg = messages(lang);
  const place = (f: Finding): BookPlace => (books ? books.place(f.sheet) : { book: '', sheet: f.sheet });
  const first = books ? 1 : 0;
  const ruleName = RULE_NAMES[lang];
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.name, i]));
  const sorted: Finding[] = [...report.findings].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      rowOf(a.cell) - rowOf(b.cell) ||
      (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0),
  );
  return {
    name: FINDINGS_SHEET,
    title: [t.findingsTitle, `${t.asOf(formatIsoDate(report.asOf, lang), ruleSetText(report.rules, lang))} — ${t.count(report.findings.length)}`],
    columns: [
      ...(books ? [{ header: books.header, width: 24, format: 'text' as const }] : []),
      { header: t.sheet, width: 24, format: 'text' },
      { header: t.cell, width: 8, format: 'text' },
      { header: t.rule, width: 26, format: 'text' },
      { header: t.severity, width: 10, format: 'text' },
      { header: t.message, width: 70, format: 'text' },
      { header: t.ruleCode, width: 22, format: 'text' },
    ],
    // The rule in words for people; its code last, for filters and scripts.
    rows: sorted.map((f) => {
      const at = place(f);
      return [...(books ? [at.book] : []), at.sheet, f.cell, ruleName[f.rule], msg[`severity_${f.severity}`](), f.message, f.rule];
    }),
    tableName: 'KQ_KiemTra',
    links: sorted.map((f, i) => {
      const at = place(f);
      return { row: i, col: first + 1, sheet: at.sheet, cell: f.cell, ...(at.file !== undefined ? { file: at.file } : {}) };
    }),
  };
}

function rowOf(cell: string): number {
  return parseA1(cell)?.row ?? 0;
}

/** SPEC 1.3 §6 "KQ Cá nhân": one row per person and role, in the report's order, with the tallies of §5. */
export function peopleSheet(report: Report, lang: Lang): OwnedSheet {
  const t = peopleText(lang);
  return {
    name: PEOPLE_SHEET,
    title: [t.sheetTitle, t.sheetSubtitle(formatIsoDate(report.asOf, lang))],
    columns: [
      { header: t.roleHeader, width: 22, format: 'text' },
      { header: t.person, width: 32, format: 'text' },
      { header: t.due, width: 9, format: 'integer' },
      { header: t.doneOnTime, width: 10, format: 'integer' },
      { header: t.doneLate, width: 14, format: 'integer' },
      { header: t.openOverdue, width: 16, format: 'integer' },
      { header: t.openOnTime, width: 13, format: 'integer' },
    ],
    rows: report.people.map((p) => [t.role[p.role], p.name, p.due, p.doneOnTime, p.doneLate, p.openOverdue, p.openOnTime]),
    tableName: 'KQ_CaNhan',
    links: [],
  };
}

/** KQ Cá nhân is written only when a task sheet maps `leader` or `owner` (SPEC 1.3 §6). */
export function mapsPeople(report: Report): boolean {
  return report.sheets.some((s) => s.kind === 'task' && (s.columns.leader !== undefined || s.columns.owner !== undefined));
}

export function ownedSheets(report: Report, lang: Lang): OwnedSheet[] {
  const sheets = [scoresSheet(report, lang), findingsSheet(report, lang)];
  if (mapsPeople(report)) sheets.push(peopleSheet(report, lang));
  return sheets;
}
