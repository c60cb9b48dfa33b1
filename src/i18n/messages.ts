/**
 * The one message catalogue: every string a user reads, Vietnamese first, English second.
 * Core findings and reasons, the CLI, the ribbon and the task pane all draw from here.
 */

import type { RuleId } from '../core/report';
import { formatDecimal } from './format';

export type Lang = 'vi' | 'en';

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
  score: (score: number) => string;
  quota: (pct: number, kept: number, candidates: number) => string;
  excellentCandidate: () => string;
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
  ignoredBadMapping: (detail: string) => string;
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
  score: (s) => `điểm ${formatDecimal(s, 'vi')}`,
  quota: (pct, kept, n) => `vượt tỷ lệ: số đơn vị xuất sắc không quá ${pct}% số đơn vị hoàn thành tốt (${kept}/${n} đơn vị giữ mức xuất sắc)`,
  excellentCandidate: () => 'đề xuất hoàn thành xuất sắc',
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
  ignoredBadMapping: (d) => `cấu hình cột đã lưu không dùng được: ${d}`,
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
  score: (s) => `score ${formatDecimal(s, 'en')}`,
  quota: (pct, kept, n) => `quota: more than ${pct}% of the units rated good (${kept}/${n} stay excellent)`,
  excellentCandidate: () => 'candidate for excellent',
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
  ignoredBadMapping: (d) => `the saved column mapping cannot be used: ${d}`,
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
