/**
 * The one message catalogue: every string a user reads, Vietnamese first, English second.
 * Core findings and reasons, the CLI, the ribbon and the task pane all draw from here.
 */
import { decimalText } from './format';
import type { Lang } from './lang';
import type { RuleId } from './rule-ids';

export type { Lang };

/** Longest piece of a user's cell quoted in a message: notes and cells stay far below Excel's 32,767. */
export const MAX_QUOTED = 200;

/** A user's text as quoted in a message, cut at MAX_QUOTED characters. */
export function quoted(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_QUOTED ? text : chars.slice(0, MAX_QUOTED).join('') + '…';
}

type Catalogue = {
  // findings (SPEC §4)
  unassigned: () => string;
  multipleLeads: (n: number, names: string) => string;
  unknownUnit: (items: string) => string;
  unknownUnitItem: (name: string, nearest: string | null) => string;
  overdue: (days: number) => string;
  lateCompletion: (days: number) => string;
  missingDeadline: () => string;
  invalidDate: (text: string) => string;
  invalidValue: (code: string) => string;
  deadlineBeforeAssigned: (deadline: string, assigned: string) => string;
  completedBeforeAssigned: (completed: string, assigned: string) => string;
  completedAfterAsOf: (completed: string, asOf: string) => string;
  duplicateTask: (firstRow: number) => string;
  statusSaysDone: () => string;
  statusSaysNotDone: (completed: string) => string;
  invalidViolations: (text: string) => string;
  // reasons (SPEC §5)
  lateShare: (late: number, due: number, pct: number) => string;
  needsReview: (pct: number) => string;
  noDueTasks: () => string;
  disciplined: () => string;
  violations: (n: number) => string;
  score: (score: string) => string;
  excellentCandidate: () => string;
  // the deciding rule (SPEC §5, 1.3): every unit's first reason; `level` is the label of the level it missed
  decidedTop: (level: string) => string;
  decidedQuota: (pct: number, kept: number, candidates: number, excellent: string, good: string) => string;
  decidedHasViolations: (violations: number, level: string) => string;
  decidedNothingDue: (level: string) => string;
  decidedScoreBelow: (score: string, level: string, threshold: number) => string;
  decidedHasLate: (late: number, level: string) => string;
  decidedDisciplined: (level: string) => string;
  decidedLateOver: (late: number, due: number, level: string, pct: number) => string;
  // levels
  level_excellent: () => string;
  level_good: () => string;
  level_completed: () => string;
  level_not_completed: () => string;
  // severities
  severity_error: () => string;
  severity_warning: () => string;
  // sheet kinds and ignored sheets
  kind_task: () => string;
  kind_inspection: () => string;
  kind_registry: () => string;
  ignoredOwnSheet: () => string;
  ignoredNoHeader: () => string;
  ignoredChartSheet: () => string;
  ignoredNoCells: () => string;
  ignoredBadMapping: (detail: string) => string;
  // rule sets (SPEC §5, issue 9 registry, sources as 1.3 names them): one entry per rule set,
  // chosen by its descriptor in src/core/rule-sets
  ruleSet2023: () => string;
  ruleSet2026: () => string;
};

const vi: Catalogue = {
  unassigned: () => 'Nhiệm vụ chưa có đơn vị chủ trì',
  multipleLeads: (n, names) => `${n} đơn vị chủ trì (${quoted(names)}): mỗi việc chỉ giao một đơn vị chủ trì`,
  unknownUnit: (items) => `Đơn vị không có trong danh mục: ${items}`,
  unknownUnitItem: (name, nearest) => (nearest ? `"${quoted(name)}" (gần nhất: "${nearest}")` : `"${quoted(name)}"`),
  overdue: (days) => `Quá hạn ${days} ngày`,
  lateCompletion: (days) => `Hoàn thành trễ ${days} ngày`,
  missingDeadline: () => 'Nhiệm vụ chưa có thời hạn',
  invalidDate: (text) => `Không đọc được ngày: '${quoted(text)}'`,
  invalidValue: (code) => `Ô có giá trị lỗi ${code}`,
  deadlineBeforeAssigned: (dl, as) => `Thời hạn ${dl} trước ngày giao ${as}`,
  completedBeforeAssigned: (c, as) => `Ngày hoàn thành ${c} trước ngày giao ${as}`,
  completedAfterAsOf: (c, d) => `Ngày hoàn thành ${c} sau ngày đánh giá ${d}: nhiệm vụ được tính là chưa xong`,
  duplicateTask: (row) => `Trùng với nhiệm vụ ở dòng ${row}`,
  statusSaysDone: () => 'Tình trạng ghi đã xong nhưng không có ngày hoàn thành hợp lệ',
  statusSaysNotDone: (c) => `Tình trạng ghi chưa xong nhưng đã có ngày hoàn thành ${c}`,
  invalidViolations: (text) => `Số vi phạm không hợp lệ: '${quoted(text)}' (tính là 0)`,
  lateShare: (late, due, pct) => `${late}/${due} nhiệm vụ trễ hạn (${pct}%)`,
  needsReview: (pct) => `cần xem xét (trễ hạn trên ${pct}%)`,
  noDueTasks: () => 'không có nhiệm vụ đến hạn',
  disciplined: () => 'đơn vị có kỷ luật',
  violations: (n) => `${n} vi phạm qua kiểm tra công vụ`,
  score: (s) => `điểm ${decimalText(s, 'vi')}`,
  excellentCandidate: () => 'đề xuất hoàn thành xuất sắc',
  // the deciding rule (SPEC §5, 1.3)
  decidedTop: (level) => `Đạt mọi tiêu chí của mức ${level}`,
  decidedQuota: (pct, kept, n, excellent, good) =>
    `Đủ tiêu chí mức ${excellent} nhưng vượt tỷ lệ ${pct}% so với số đơn vị ${good}: ${kept}/${n} đơn vị đủ tiêu chí giữ mức này`,
  decidedHasViolations: (n, level) => `${n} vi phạm qua kiểm tra công vụ: mức ${level} cần 0 vi phạm`,
  decidedNothingDue: (level) => `Không có nhiệm vụ đến hạn: mức ${level} cần ít nhất 1 nhiệm vụ đến hạn`,
  decidedScoreBelow: (score, level, threshold) => `Điểm ${decimalText(score, 'vi')}: mức ${level} cần từ ${decimalText(String(threshold), 'vi')} điểm`,
  decidedHasLate: (late, level) => `${late} nhiệm vụ trễ hạn: mức ${level} cần 0 nhiệm vụ trễ hạn`,
  decidedDisciplined: (level) => `Đơn vị có kỷ luật: mức ${level} cần không có kỷ luật`,
  decidedLateOver: (late, due, level, pct) => `${late}/${due} nhiệm vụ trễ hạn: mức ${level} cần không quá ${pct}%`,
  level_excellent: () => 'Hoàn thành xuất sắc nhiệm vụ',
  level_good: () => 'Hoàn thành tốt nhiệm vụ',
  level_completed: () => 'Hoàn thành nhiệm vụ',
  level_not_completed: () => 'Không hoàn thành nhiệm vụ',
  severity_error: () => 'lỗi',
  severity_warning: () => 'cảnh báo',
  kind_task: () => 'nhiệm vụ',
  kind_inspection: () => 'kiểm tra công vụ',
  kind_registry: () => 'danh mục đơn vị',
  ignoredOwnSheet: () => 'trang kết quả của công cụ (KQ), không đọc',
  ignoredNoHeader: () => 'không thấy dòng tiêu đề nhiệm vụ, kiểm tra hay danh mục đơn vị trong 20 dòng có dữ liệu đầu tiên',
  ignoredChartSheet: () => 'trang biểu đồ, không có ô dữ liệu để đọc',
  ignoredNoCells: () => 'trang không có ô dữ liệu (trang hộp thoại hoặc macro cũ), không đọc',
  ignoredBadMapping: (d) => `cấu hình cột đã lưu không dùng được: ${d}`,
  // rule sets (SPEC §5)
  ruleSet2023: () =>
    'Đánh giá 2023–2025 — tập thể: Quy định 124-QĐ/TW; cá nhân, người đứng đầu: Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP',
  ruleSet2026: () => 'Đánh giá từ 2026 — tập thể: Quy định 366-QĐ/TW (30/8/2025); công chức: Nghị định 335/2025/NĐ-CP',
};

const en: Catalogue = {
  unassigned: () => 'No lead unit: nobody leads this task',
  multipleLeads: (n, names) => `${n} lead units (${quoted(names)}): one task, one lead unit`,
  unknownUnit: (items) => `Unit not in the registry: ${items}`,
  unknownUnitItem: (name, nearest) => (nearest ? `"${quoted(name)}" (nearest: "${nearest}")` : `"${quoted(name)}"`),
  overdue: (days) => `Overdue by ${days} days`,
  lateCompletion: (days) => `Completed ${days} days late`,
  missingDeadline: () => 'Open task without a deadline',
  invalidDate: (text) => `Not a date: '${quoted(text)}'`,
  invalidValue: (code) => `Cell holds the error value ${code}`,
  deadlineBeforeAssigned: (dl, as) => `Deadline ${dl} is before the assigned date ${as}`,
  completedBeforeAssigned: (c, as) => `Completed ${c}, before the assigned date ${as}`,
  completedAfterAsOf: (c, d) => `Completion date ${c} is after the as-of date ${d}: the task counts as open`,
  duplicateTask: (row) => `Same task as row ${row}`,
  statusSaysDone: () => 'Status says done but there is no valid completion date',
  statusSaysNotDone: (c) => `Status says not done but the task was completed on ${c}`,
  invalidViolations: (text) => `Not a violation count: '${quoted(text)}' (counted as 0)`,
  lateShare: (late, due, pct) => `${late}/${due} tasks late (${pct}%)`,
  needsReview: (pct) => `needs review (more than ${pct}% late)`,
  noDueTasks: () => 'no task due yet',
  disciplined: () => 'unit under discipline',
  violations: (n) => `${n} violations found by inspections`,
  score: (s) => `score ${decimalText(s, 'en')}`,
  excellentCandidate: () => 'candidate for excellent',
  // the deciding rule (SPEC §5, 1.3)
  decidedTop: (level) => `Meets every criterion of ${level}`,
  decidedQuota: (pct, kept, n, excellent, good) =>
    `Meets ${excellent}, but excellent units may not exceed ${pct}% of those rated ${good}: ${kept} of ${n} candidates keep it`,
  decidedHasViolations: (n, level) => `${n} ${n === 1 ? 'violation' : 'violations'} found by inspections: ${level} needs none`,
  decidedNothingDue: (level) => `No task due: ${level} needs at least one`,
  decidedScoreBelow: (score, level, threshold) => `Score ${score}: ${level} needs ${threshold} or more`,
  decidedHasLate: (late, level) => `${late} ${late === 1 ? 'task' : 'tasks'} late: ${level} needs no late task`,
  decidedDisciplined: (level) => `Unit under discipline: ${level} needs none`,
  decidedLateOver: (late, due, level, pct) => `${late}/${due} tasks late: ${level} needs at most ${pct}%`,
  level_excellent: () => 'Excellent',
  level_good: () => 'Good',
  level_completed: () => 'Completed',
  level_not_completed: () => 'Not completed',
  severity_error: () => 'error',
  severity_warning: () => 'warning',
  kind_task: () => 'tasks',
  kind_inspection: () => 'inspections',
  kind_registry: () => 'unit registry',
  ignoredOwnSheet: () => "the tool's own result sheet (KQ), not read",
  ignoredNoHeader: () => 'no task, inspection or registry header in the first 20 non-empty rows',
  ignoredChartSheet: () => 'a chart sheet: no cells to read',
  ignoredNoCells: () => 'a sheet without cells (a legacy dialog or macro sheet), not read',
  ignoredBadMapping: (d) => `the saved column mapping cannot be used: ${d}`,
  // rule sets (SPEC §5)
  ruleSet2023: () =>
    'Rules of 2023–2025 — collectives: Regulation 124-QĐ/TW; individuals and heads: Decree 90/2020/NĐ-CP as amended by Decree 48/2023/NĐ-CP',
  ruleSet2026: () => 'Rules from 2026 — collectives: Regulation 366-QĐ/TW (30/8/2025); civil servants (công chức): Decree 335/2025/NĐ-CP',
};

/** Rule names in words, for the pane and the KQ Kiểm tra sheet (issue 12: no rule codes for people). */
export const RULE_NAMES: Readonly<Record<Lang, Readonly<Record<RuleId, string>>>> = {
  vi: {
    unassigned: 'Chưa có đơn vị chủ trì',
    'multiple-leads': 'Nhiều đơn vị chủ trì',
    'unknown-unit': 'Đơn vị ngoài danh mục',
    overdue: 'Quá hạn',
    'late-completion': 'Hoàn thành trễ hạn',
    'missing-deadline': 'Thiếu thời hạn',
    'invalid-date': 'Ngày không hợp lệ',
    'invalid-value': 'Ô có giá trị lỗi',
    'deadline-before-assigned': 'Thời hạn trước ngày giao',
    'completed-before-assigned': 'Hoàn thành trước ngày giao',
    'completed-after-as-of': 'Hoàn thành sau ngày tính',
    'duplicate-task': 'Nhiệm vụ trùng',
    'status-conflict': 'Tình trạng mâu thuẫn',
    'invalid-violations': 'Số vi phạm không hợp lệ',
  },
  en: {
    unassigned: 'No lead unit',
    'multiple-leads': 'Several lead units',
    'unknown-unit': 'Unit not in the registry',
    overdue: 'Overdue',
    'late-completion': 'Completed late',
    'missing-deadline': 'Missing deadline',
    'invalid-date': 'Invalid date',
    'invalid-value': 'Error value in a cell',
    'deadline-before-assigned': 'Deadline before assigned date',
    'completed-before-assigned': 'Completed before assigned date',
    'completed-after-as-of': 'Completed after the as-of date',
    'duplicate-task': 'Duplicate task',
    'status-conflict': 'Status conflict',
    'invalid-violations': 'Invalid violation count',
  },
};

const CATALOGUES: Record<Lang, Catalogue> = { vi, en };

export function messages(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

export type Messages = Catalogue;
