/**
 * The cases of the live-flag tests, worked out by hand from SPEC §3, §4 and §6 for the day the test
 * runs: a row is highlighted when its task is open_overdue as of today, a lead cell when its task is
 * unassigned. Dates are relative to today so that the flags are judged on the day they are written.
 */
import { buildXlsx, utc, type XlsxCell } from '../helpers/xlsx';

export const SHEET = 'Theo dõi nhiệm vụ';
export const HEADER = ['STT', 'Số/ký hiệu văn bản', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng'];
export const FIRST_DATA_ROW = 5; // 1-based: two title rows, a blank row, the header in row 4

const now = new Date();
const todayUtc = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
const DAY = 86_400_000;
/** A real date `offset` days from today, and the same day as text dd/mm/yyyy. */
const day = (offset: number): Date => {
  const d = new Date(todayUtc + offset * DAY);
  return utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
const text = (offset: number): string => {
  const d = day(offset);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};
export const todayIso = new Date(todayUtc).toISOString().slice(0, 10);
/** TODAY() as Excel's serial: days since 1899-12-30. */
export const todaySerial = Math.round((todayUtc - Date.UTC(1899, 11, 30)) / DAY);

export interface Case {
  readonly why: string;
  readonly lead: XlsxCell;
  readonly deadline: XlsxCell;
  readonly completed: XlsxCell;
  /** SPEC §3 status open_overdue as of today. */
  readonly overdue: boolean;
  /** SPEC §4 unassigned: the lead cell holds no unit (pieces that fold to nothing are dropped) or an error. */
  readonly unassigned: boolean;
}

const UNIT = 'Phòng Nội vụ';
export const CASES: readonly Case[] = [
  { why: 'deadline yesterday, not done', lead: UNIT, deadline: day(-1), completed: null, overdue: true, unassigned: false },
  { why: 'deadline today is not overdue', lead: UNIT, deadline: day(0), completed: null, overdue: false, unassigned: false },
  { why: 'deadline tomorrow', lead: UNIT, deadline: day(1), completed: null, overdue: false, unassigned: false },
  { why: 'deadline written as text, ten days ago', lead: UNIT, deadline: text(-10), completed: null, overdue: true, unassigned: false },
  { why: 'done before the deadline', lead: UNIT, deadline: day(-5), completed: day(-6), overdue: false, unassigned: false },
  { why: 'done late, completion written as text', lead: UNIT, deadline: day(-5), completed: text(-3), overdue: false, unassigned: false },
  { why: 'completion that is not a date counts as absent', lead: UNIT, deadline: day(-5), completed: 'đang làm', overdue: true, unassigned: false },
  { why: 'completion after today counts as open', lead: UNIT, deadline: day(-5), completed: day(3), overdue: true, unassigned: false },
  { why: 'completion written as text, after today', lead: UNIT, deadline: day(-4), completed: text(2), overdue: true, unassigned: false },
  { why: 'completion only blanks', lead: UNIT, deadline: day(-3), completed: '   ', overdue: true, unassigned: false },
  { why: 'no deadline', lead: UNIT, deadline: null, completed: null, overdue: false, unassigned: false },
  { why: 'a deadline that is not a date', lead: UNIT, deadline: 'sắp tới', completed: null, overdue: false, unassigned: false },
  { why: 'empty lead cell', lead: null, deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'blank lead cell', lead: '   ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'a dash for the lead unit', lead: '-', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'an error in the lead cell', lead: { error: '#N/A' }, deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'only separators', lead: '; ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'dashes and a comma', lead: ' - , - ', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'dashes on two lines', lead: '-\n-', deadline: day(2), completed: null, overdue: false, unassigned: true },
  { why: 'two lead units is not unassigned', lead: 'Phòng Tư pháp; Phòng Y tế', deadline: day(2), completed: null, overdue: false, unassigned: false },
  { why: 'overdue and unassigned at once', lead: '', deadline: day(-2), completed: null, overdue: true, unassigned: true },
];


/** The tracking book of the cases: two title rows, a blank row, the header in row 4. */
export function tracking(): Promise<Uint8Array> {
  const rows: XlsxCell[][] = [['ỦY BAN NHÂN DÂN XÃ MỸ HÒA'], ['SỔ THEO DÕI NHIỆM VỤ'], [], HEADER];
  CASES.forEach((c, i) => rows.push([i + 1, `${i + 1}/UBND`, `Nhiệm vụ ${i + 1}: ${c.why}`, c.lead, c.deadline, c.completed, null]));
  return buildXlsx({ sheets: [{ name: SHEET, rows }] });
}
