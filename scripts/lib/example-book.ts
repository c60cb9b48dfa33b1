/**
 * The example tracking book of `npm run example` (issue 2, item 5): a commune People's Committee's
 * 2026 book with a unit registry, ~150 tasks, public-service inspections and an instructions sheet,
 * laid out as Vietnamese offices lay them out, with every finding rule of SPEC §4 planted at least
 * once, deadlines written as plans write them (recurring, periods, dates after a prefix: SPEC 1.3) and the
 * leader and officer in charge of each task. Deterministic: a seeded PRNG and fixed dates, no clock.
 *
 * The as-of date of the demo is 2026-11-26; the unit profiles below are chosen so that the 2026 rules
 * give every level (one excellent unit kept after the quota, good, completed, not completed).
 */
import ExcelJS from 'exceljs';
import type { RuleId } from '../../src/core/report';
import { columnLetter } from '../../src/core/cells';
import { Prng } from './prng';
import { day, jsDate, nextWorkingDay, TEXT_DATE_FORMS, textDate, ymd, type TextDateForm } from './vn-dates';
import {
  CHAIR_POSITION,
  COMMUNE,
  LEADER_FORMS,
  LEADERS,
  OFFICER_OF,
  OFFICER_TITLES,
  OFFICERS,
  SECTIONS,
  UNITS,
  unitById,
  type Content,
  type Desk,
  type DocType,
  type LeaderId,
  type OfficerId,
  type SectionId,
  type UnitDef,
  type UnitId,
} from './example-units';

export const EXAMPLE_FILE = 'examples/tracking-2026.xlsx';
export const EXAMPLE_AS_OF = '2026-11-26';
export const EXAMPLE_SEED = 0x2026_1126;

export const SHEET_NAMES = {
  guide: 'Hướng dẫn',
  registry: 'Danh mục đơn vị',
  tasks: 'Theo dõi nhiệm vụ 2026',
  inspections: 'Kiểm tra công vụ 2026',
} as const;

/** A finding the example plants on purpose, and why (for the golden README and test). */
export interface Plant {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: RuleId;
  readonly why: string;
}

// ------------------------------------------------------------------ cell specs

type DateSpec =
  | { readonly day: number; readonly form?: TextDateForm }
  | { readonly text: string }
  | { readonly formula: string; readonly error: string }
  | null;

type LeadSpec = string | { readonly formula: string; readonly error: string } | null;

type Field = 'doc' | 'content' | 'lead' | 'co' | 'leader' | 'assigned' | 'deadline' | 'completed' | 'status' | 'officer' | 'note';

/** Task sheet columns: A STT, then the fields in this order from B (the officer after the status, as many offices keep it). */
const TASK_COLUMNS: readonly Field[] = ['doc', 'content', 'lead', 'co', 'leader', 'assigned', 'deadline', 'completed', 'status', 'officer', 'note'];
/** Columns of the task table, STT included. */
const TASK_WIDTH = TASK_COLUMNS.length + 1;

/** Who leads a task: a leader of the committee, or the chair's position ("Chủ tịch UBND xã"). */
type LeaderRef = LeaderId | 'position';
/** 1-based ExcelJS column of a field. */
const colOf = (f: Field) => TASK_COLUMNS.indexOf(f) + 2;

interface TaskRow {
  section: SectionId;
  docType: DocType;
  desk: Desk;
  /** Fixed number text (duplicates copy the original's); otherwise numbered in date order. */
  doc?: string;
  content: string;
  lead: LeadSpec;
  co: string | null;
  /** The leader cell names these (one line each when several); written forms rotate (LEADER_FORMS). */
  leaders: readonly LeaderRef[];
  /** The officer cell names these; titles rotate (OFFICER_TITLES). */
  officers: readonly OfficerId[];
  assigned: DateSpec;
  /** Assigned day used to order rows inside a section. */
  sortDay: number;
  deadline: DateSpec;
  completed: DateSpec;
  status: string | null;
  note: string | null;
  plants: readonly { rule: RuleId; field: Field; why: string }[];
  /** Insertion order, to keep sorting stable. */
  seq: number;
  duplicateOf?: TaskRow;
}

// ------------------------------------------------------------------ the plan

const AS_OF = day(2026, 11, 26);
const YEAR_START = day(2026, 1, 5);

type Kind = 'onTime' | 'late' | 'overdue' | 'open';

/**
 * Ordinary tasks per unit (the planted ones come on top). With the planted tasks and the inspections
 * these give, as of 2026-11-26 under the 2026 rules:
 *   excellent candidates: VP (100, 13 due), TTPVHCC (100, 10 due), TYT (94: one violation)
 *     → 3 candidates and 5 good units: the quota keeps 1 (6 × 1 ≤ 8), so VP stays excellent and the
 *       two others become good with the reason "quota";
 *   good: PKT, MN, BCHQS, AMT (two violations each → 88), the misspelt centre (no task due yet);
 *   completed: PVHXH (1/10 late), TH (1/9), TTDVTH (1/6), K1 (1/5 = 20 %, the boundary);
 *   not completed: THCS (2/7 late), K2 (2/5), AMH (2/4 and three violations → 47), K3 (disciplined).
 */
const PLAN: Readonly<Record<UnitId, Readonly<Record<Kind, number>>>> = {
  VP: { onTime: 12, late: 0, overdue: 0, open: 4 },
  PKT: { onTime: 9, late: 0, overdue: 0, open: 4 },
  PVHXH: { onTime: 8, late: 1, overdue: 0, open: 4 },
  TTPVHCC: { onTime: 10, late: 0, overdue: 0, open: 4 },
  TTDVTH: { onTime: 4, late: 1, overdue: 0, open: 1 },
  TYT: { onTime: 7, late: 0, overdue: 0, open: 2 },
  MN: { onTime: 6, late: 0, overdue: 0, open: 1 },
  TH: { onTime: 8, late: 0, overdue: 1, open: 3 },
  THCS: { onTime: 5, late: 1, overdue: 0, open: 1 },
  K1: { onTime: 4, late: 1, overdue: 0, open: 1 },
  K2: { onTime: 3, late: 1, overdue: 1, open: 1 },
  K3: { onTime: 7, late: 0, overdue: 0, open: 1 },
  AMH: { onTime: 2, late: 0, overdue: 1, open: 1 },
  AMT: { onTime: 5, late: 0, overdue: 0, open: 2 },
  BCHQS: { onTime: 5, late: 0, overdue: 0, open: 1 },
};

const DURATIONS = [7, 10, 14, 15, 20, 30, 30, 45] as const;

interface Dates {
  assigned: number;
  deadline: number;
  completed: number | null;
}

function workingDayIn(rng: Prng, from: number, to: number): number {
  for (let i = 0; i < 50; i++) {
    const d = nextWorkingDay(rng.int(from, to));
    if (d <= to) return d;
  }
  return nextWorkingDay(from);
}

/** Dates that give the wanted status as of AS_OF. */
function datesFor(kind: Kind, rng: Prng): Dates {
  for (;;) {
    switch (kind) {
      case 'onTime': {
        const a = workingDayIn(rng, YEAR_START, day(2026, 10, 30));
        const dl = nextWorkingDay(a + rng.pick(DURATIONS));
        const c = a + rng.int(1, Math.min(dl, AS_OF) - a);
        return { assigned: a, deadline: dl, completed: c };
      }
      case 'late': {
        const a = workingDayIn(rng, YEAR_START, day(2026, 10, 9));
        const dl = nextWorkingDay(a + rng.pick(DURATIONS));
        if (dl > AS_OF - 5) continue;
        const c = dl + rng.int(1, Math.min(25, AS_OF - dl));
        return { assigned: a, deadline: dl, completed: c };
      }
      case 'overdue': {
        const a = workingDayIn(rng, day(2026, 2, 2), day(2026, 10, 16));
        const dl = nextWorkingDay(a + rng.pick(DURATIONS));
        if (dl > AS_OF - 3) continue;
        return { assigned: a, deadline: dl, completed: null };
      }
      case 'open': {
        const a = workingDayIn(rng, day(2026, 10, 12), day(2026, 11, 24));
        const dl = nextWorkingDay(Math.max(a + rng.pick(DURATIONS), day(2026, 11, 30) + rng.int(0, 30)));
        return { assigned: a, deadline: dl, completed: null };
      }
    }
  }
}

function fillTemplate(text: string, assigned: number): string {
  const { m } = ymd(assigned);
  return text.replace('{m}', String(m)).replace('{q}', ['I', 'II', 'III', 'IV'][Math.floor((m - 1) / 3)]!);
}

/** Pick an unused content of the unit that fits the month of the assigned date. */
function contentFor(unit: UnitDef, assigned: number, used: Set<string>, rng: Prng): { text: string; doc: DocType } | null {
  const month = ymd(assigned).m;
  const fits = (c: Content) => !c[2] || (month >= c[2][0] && month <= c[2][1]);
  for (const c of rng.shuffle(unit.pool)) {
    if (!fits(c)) continue;
    const text = fillTemplate(c[0], assigned);
    if (used.has(text)) continue;
    used.add(text);
    return { text, doc: c[1] };
  }
  return null;
}

function statusText(kind: Kind, rng: Prng): string | null {
  if (rng.chance(0.1)) return null;
  switch (kind) {
    case 'onTime':
      return rng.pick(['Đã hoàn thành', 'Hoàn thành', 'Đã hoàn thành']);
    case 'late':
      return rng.pick(['Hoàn thành (trễ hạn)', 'Đã hoàn thành']);
    case 'overdue':
      return rng.pick(['Chưa hoàn thành', 'Đang thực hiện']);
    case 'open':
      return rng.pick(['Đang thực hiện', 'Đang thực hiện', 'Chưa đến hạn']);
  }
}

function noteFor(kind: Kind, d: Dates, rng: Prng): string | null {
  if (kind === 'late' && d.completed !== null) return `Trễ ${d.completed - d.deadline} ngày`;
  if (kind === 'overdue') return rng.pick(['Đã nhắc nhở lần 1', 'Đã nhắc nhở lần 2', 'Đơn vị xin gia hạn, chưa được chấp thuận']);
  if (kind === 'onTime' && rng.chance(0.08)) return rng.pick(['Báo cáo qua hệ thống quản lý văn bản', 'Đã gửi kết quả qua Zalo nhóm', 'Lưu hồ sơ tại Văn phòng']);
  return null;
}

class DateStyler {
  private textCount = 0;
  constructor(private readonly rng: Prng) {}

  /** Most dates are real Excel dates; some are typed as text in the forms offices use. */
  spec(dayNumber: number | null): DateSpec {
    if (dayNumber === null) return null;
    if (!this.rng.chance(0.16)) return { day: dayNumber };
    return { day: dayNumber, form: TEXT_DATE_FORMS[this.textCount++ % TEXT_DATE_FORMS.length] };
  }
}

function ordinaryTasks(rng: Prng, dates: DateStyler, seq: () => number): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const unit of UNITS) {
    const used = new Set<string>();
    const plan = PLAN[unit.id];
    const kinds: Kind[] = [];
    for (const kind of ['onTime', 'late', 'overdue', 'open'] as const) for (let i = 0; i < plan[kind]; i++) kinds.push(kind);
    for (const kind of kinds) {
      let d = datesFor(kind, rng);
      let content = contentFor(unit, d.assigned, used, rng);
      for (let tries = 0; content === null && tries < 40; tries++) {
        d = datesFor(kind, rng);
        content = contentFor(unit, d.assigned, used, rng);
      }
      if (content === null) throw new Error(`no content left for ${unit.id} (${kind})`);
      const co = rng.chance(0.35) ? coUnitsFor(unit, rng) : null;
      rows.push({
        section: unit.section,
        docType: content.doc,
        desk: unit.desk,
        content: content.text,
        lead: unit.name,
        co,
        leaders: [unit.leader],
        officers: [OFFICER_OF[unit.id]],
        assigned: dates.spec(d.assigned),
        sortDay: d.assigned,
        deadline: dates.spec(d.deadline),
        completed: dates.spec(d.completed),
        status: statusText(kind, rng),
        note: noteFor(kind, d, rng),
        plants: [],
        seq: seq(),
      });
    }
  }
  return rows;
}

function coUnitsFor(unit: UnitDef, rng: Prng): string {
  const partners = rng.shuffle(unit.partners).slice(0, rng.chance(0.3) ? 2 : 1);
  return partners.map((id) => unitById(id).name).join('; ');
}

// ------------------------------------------------------------------ planted tasks

function plantedTasks(seq: () => number): TaskRow[] {
  const real = (y: number, m: number, d: number): DateSpec => ({ day: day(y, m, d) });
  const base = (unit: UnitId, docType: DocType) => {
    const u = unitById(unit);
    const leaders: readonly LeaderRef[] = [u.leader];
    const officers: readonly OfficerId[] = [OFFICER_OF[unit]];
    return { section: u.section, docType, desk: u.desk, lead: u.name as LeadSpec, leaders, officers, co: null, note: null, seq: 0 };
  };
  const rows: Omit<TaskRow, 'seq'>[] = [
    {
      ...base('K1', 'CV'),
      section: 'IV',
      content: 'Khắc phục sạt lở bờ kênh Nguyễn Văn Tiếp, di dời hộ dân đến nơi an toàn',
      lead: null,
      // Both leaders follow it, two officers handle it: people count even when no unit leads (SPEC 1.3).
      leaders: ['chair', 'economy'],
      officers: ['hamlets', 'economy'],
      co: 'Phòng Kinh tế; Trung tâm Dịch vụ tổng hợp',
      assigned: real(2026, 9, 22),
      sortDay: day(2026, 9, 22),
      deadline: real(2026, 10, 15),
      completed: null,
      status: null,
      note: 'Chưa thống nhất đơn vị chủ trì',
      plants: [
        { rule: 'unassigned', field: 'lead', why: 'lead unit left empty: the office could not agree who leads ("chưa thống nhất đơn vị chủ trì")' },
        { rule: 'overdue', field: 'deadline', why: 'nobody leads it, so nobody did it: overdue since 15/10/2026 (counts for no unit)' },
      ],
    },
    {
      ...base('TTDVTH', 'CV'),
      content: 'Cập nhật dữ liệu hộ kinh doanh trên hệ thống quản lý thuế',
      lead: { formula: "INDEX('Danh mục đơn vị'!$B$8:$B$30,MATCH(\"TT Dịch vụ\",'Danh mục đơn vị'!$B$8:$B$30,0))", error: '#N/A' },
      assigned: real(2026, 11, 3),
      sortDay: day(2026, 11, 3),
      deadline: real(2026, 12, 10),
      completed: null,
      status: 'Đang thực hiện',
      plants: [
        { rule: 'invalid-value', field: 'lead', why: 'the lead is a lookup formula on a short name that is not in the registry: #N/A' },
        { rule: 'unassigned', field: 'lead', why: 'an error in the lead column counts as empty, so nobody leads the task' },
      ],
    },
    {
      ...base('PKT', 'KH'),
      content: 'Kiểm tra, xử lý lấn chiếm lòng lề đường khu vực chợ Mỹ An',
      lead: 'Phòng Kinh tế; Trung tâm Dịch vụ tổng hợp',
      assigned: real(2026, 4, 6),
      sortDay: day(2026, 4, 6),
      deadline: real(2026, 4, 30),
      completed: real(2026, 4, 24),
      status: 'Đã hoàn thành',
      plants: [{ rule: 'multiple-leads', field: 'lead', why: 'two lead units separated by ";" (one task, one lead unit); it counts for both' }],
    },
    {
      ...base('PVHXH', 'KH'),
      content: 'Tuyên truyền phòng, chống bệnh tay chân miệng trong trường học',
      lead: 'Phòng Văn hóa - Xã hội\nTrạm Y tế xã Tháp Mười',
      assigned: real(2026, 5, 11),
      sortDay: day(2026, 5, 11),
      deadline: real(2026, 5, 29),
      completed: real(2026, 5, 27),
      status: 'Hoàn thành',
      plants: [{ rule: 'multiple-leads', field: 'lead', why: 'two lead units on two lines of one cell (Alt+Enter)' }],
    },
    {
      ...base('TTPVHCC', 'CV'),
      content: 'Tiếp nhận hồ sơ đăng ký khai sinh, thường trú trực tuyến liên thông',
      lead: 'Trung tâm Phục vụ hành chánh công',
      assigned: real(2026, 11, 9),
      sortDay: day(2026, 11, 9),
      deadline: real(2026, 12, 15),
      completed: null,
      status: 'Đang thực hiện',
      plants: [
        {
          rule: 'unknown-unit',
          field: 'lead',
          why: 'misspelt lead unit ("hành chánh", the southern spelling) instead of "Trung tâm Phục vụ hành chính công"; it is scored on its own (type null)',
        },
      ],
    },
    {
      ...base('PKT', 'KH'),
      content: 'Hỗ trợ nông dân tiêu thụ lúa vụ Hè Thu 2026',
      co: 'Hội Nông dân xã; Trung tâm Dịch vụ tổng hợp',
      assigned: real(2026, 7, 13),
      sortDay: day(2026, 7, 13),
      deadline: real(2026, 8, 14),
      completed: real(2026, 8, 10),
      status: 'Đã hoàn thành',
      plants: [{ rule: 'unknown-unit', field: 'co', why: 'co-unit "Hội Nông dân xã" is not in the registry (co-units are checked, not scored)' }],
    },
    {
      ...base('VP', 'TB'),
      content: 'Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện nhiệm vụ UBND xã giao',
      // A recurring task (SPEC 1.3): no deadline and no fault. Led by a position, which keeps its title.
      leaders: ['position'],
      assigned: real(2026, 1, 12),
      sortDay: day(2026, 1, 12),
      deadline: { text: 'Thường xuyên' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('MN', 'KH'),
      content: 'Xây dựng kế hoạch phòng, chống dịch bệnh mùa mưa trong trường mầm non',
      assigned: real(2026, 10, 19),
      sortDay: day(2026, 10, 19),
      deadline: null,
      completed: null,
      status: 'Đang thực hiện',
      plants: [{ rule: 'missing-deadline', field: 'deadline', why: 'open task with an empty deadline cell' }],
    },
    {
      ...base('K2', 'CV'),
      content: 'Lập danh sách hộ dân cần hỗ trợ sửa chữa nhà ở sau mùa lũ',
      assigned: { day: day(2026, 10, 26), form: 'dd/mm/yyyy' },
      sortDay: day(2026, 10, 26),
      deadline: { formula: '#REF!+30', error: '#REF!' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [
        { rule: 'invalid-value', field: 'deadline', why: 'deadline formula "=#REF!+30" lost its reference when a column was deleted' },
        { rule: 'missing-deadline', field: 'deadline', why: 'the error counts as an empty deadline on an open task' },
      ],
    },
    {
      ...base('THCS', 'CV'),
      content: 'Báo cáo kết quả kiểm tra học kỳ II, xét lên lớp năm học 2025 - 2026',
      assigned: real(2026, 4, 6),
      sortDay: day(2026, 4, 6),
      deadline: real(2026, 4, 30),
      completed: { text: '31/4/2026' },
      status: 'Đã hoàn thành',
      plants: [
        { rule: 'invalid-date', field: 'completed', why: '31 April does not exist' },
        { rule: 'overdue', field: 'deadline', why: 'with no valid completion date the task is still open, past its deadline of 30/04/2026' },
        { rule: 'status-conflict', field: 'status', why: 'status says "Đã hoàn thành" but there is no valid completion date' },
      ],
    },
    {
      ...base('AMH', 'CV'),
      content: 'Tổng hợp thiệt hại nhà ở, hoa màu do mưa lũ',
      assigned: real(2026, 9, 14),
      sortDay: day(2026, 9, 14),
      deadline: real(2026, 8, 30),
      completed: real(2026, 9, 28),
      status: 'Đã hoàn thành',
      plants: [
        { rule: 'deadline-before-assigned', field: 'deadline', why: 'deadline 30/08 typed for 30/09: before the assigned date 14/09/2026' },
        { rule: 'late-completion', field: 'completed', why: 'against the deadline as written, completion on 28/09 is 29 days late' },
      ],
    },
    {
      ...base('TYT', 'KH'),
      content: 'Tổ chức tiêm vắc xin phòng bệnh sởi cho trẻ từ 1 đến 5 tuổi',
      assigned: real(2026, 3, 2),
      sortDay: day(2026, 3, 2),
      deadline: real(2026, 3, 31),
      completed: real(2025, 3, 27),
      status: 'Đã hoàn thành',
      plants: [{ rule: 'completed-before-assigned', field: 'completed', why: 'completion year typed as 2025: 27/03/2025 is before the assigned date 02/03/2026' }],
    },
    {
      ...base('TTDVTH', 'KH'),
      content: 'Nạo vét kênh nội đồng phục vụ sản xuất vụ Đông Xuân',
      assigned: real(2026, 11, 2),
      sortDay: day(2026, 11, 2),
      deadline: real(2026, 12, 18),
      completed: real(2026, 12, 15),
      status: 'Đang thực hiện',
      note: 'Dự kiến hoàn thành 15/12',
      plants: [{ rule: 'completed-after-as-of', field: 'completed', why: 'the planned date 15/12/2026 was typed in the completion column; the task counts as open' }],
    },
    {
      ...base('PKT', 'CV'),
      content: 'Thống kê, báo cáo diện tích xuống giống vụ Thu Đông 2026',
      assigned: real(2026, 11, 2),
      sortDay: day(2026, 11, 2),
      deadline: real(2026, 12, 4),
      completed: null,
      status: 'Đã hoàn thành',
      plants: [{ rule: 'status-conflict', field: 'status', why: 'status says done, but no completion date was entered' }],
    },
    {
      ...base('VP', 'CV'),
      content: 'Rà soát, trình ban hành danh mục thủ tục hành chính nội bộ',
      assigned: real(2026, 10, 12),
      sortDay: day(2026, 10, 12),
      deadline: real(2026, 11, 13),
      completed: real(2026, 11, 10),
      status: 'Chưa hoàn thành',
      plants: [{ rule: 'status-conflict', field: 'status', why: 'status still says "Chưa hoàn thành" although it was completed on 10/11/2026' }],
    },
    // Deadlines as offices write them (SPEC 1.3): recurring tasks, periods (their last day), dates after a prefix.
    {
      ...base('VP', 'CV'),
      content: 'Tổng hợp, báo cáo tình hình kinh tế - xã hội hằng tháng gửi Đảng ủy, HĐND xã',
      assigned: real(2026, 1, 5),
      sortDay: day(2026, 1, 5),
      deadline: { text: 'Hằng tháng' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('TTPVHCC', 'TB'),
      content: 'Trực, tiếp nhận và giải đáp phản ánh, kiến nghị của người dân qua đường dây nóng',
      leaders: ['position'],
      assigned: real(2026, 1, 6),
      sortDay: day(2026, 1, 6),
      deadline: { text: 'Thường xuyên, liên tục' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('BCHQS', 'KH'),
      content: 'Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, trực phòng, chống lụt bão',
      assigned: real(2026, 1, 5),
      sortDay: day(2026, 1, 5),
      deadline: { text: 'Định kỳ hằng tháng' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('PKT', 'CV'),
      content: 'Báo cáo kết quả thực hiện các chỉ tiêu phát triển kinh tế quý III/2026',
      assigned: real(2026, 7, 6),
      sortDay: day(2026, 7, 6),
      deadline: { text: 'Quý III/2026' },
      completed: real(2026, 9, 28),
      status: 'Đã hoàn thành',
      plants: [],
    },
    {
      ...base('TYT', 'KH'),
      content: 'Rà soát, cập nhật sổ quản lý người bệnh tăng huyết áp, đái tháo đường',
      assigned: real(2026, 10, 5),
      sortDay: day(2026, 10, 5),
      deadline: { text: 'Tháng 10/2026' },
      completed: real(2026, 10, 30),
      status: 'Hoàn thành',
      plants: [],
    },
    {
      ...base('PVHXH', 'KH'),
      content: 'Sơ kết công tác giảm nghèo 6 tháng đầu năm 2026',
      assigned: real(2026, 6, 1),
      sortDay: day(2026, 6, 1),
      deadline: { text: '6 tháng đầu năm 2026' },
      completed: real(2026, 7, 3),
      status: 'Hoàn thành (trễ hạn)',
      plants: [{ rule: 'late-completion', field: 'completed', why: 'the half year ends on 30/06/2026: completed on 03/07/2026, 3 days late' }],
    },
    {
      ...base('AMH', 'CV'),
      content: 'Vận động hộ dân chỉnh trang hàng rào, cổng ngõ theo tiêu chí nông thôn mới',
      assigned: real(2026, 8, 17),
      sortDay: day(2026, 8, 17),
      deadline: { text: 'Trong tháng 9/2026' },
      completed: null,
      status: 'Đang thực hiện',
      note: 'Đã nhắc nhở lần 1',
      plants: [{ rule: 'overdue', field: 'deadline', why: 'the month ended on 30/09/2026: 57 days overdue' }],
    },
    {
      ...base('VP', 'KH'),
      content: 'Tham mưu tổ chức Hội nghị sơ kết công tác 9 tháng đầu năm 2026',
      assigned: real(2026, 10, 1),
      sortDay: day(2026, 10, 1),
      deadline: { text: 'Trước ngày 15/10/2026' },
      completed: real(2026, 10, 12),
      status: 'Đã hoàn thành',
      plants: [],
    },
    {
      ...base('K3', 'CV'),
      content: 'Ra quân tổng vệ sinh đường làng, ngõ xóm hưởng ứng Ngày hội Đại đoàn kết',
      assigned: real(2026, 11, 9),
      sortDay: day(2026, 11, 9),
      deadline: { text: 'Chậm nhất ngày 20/11/2026' },
      completed: real(2026, 11, 18),
      status: 'Hoàn thành',
      plants: [],
    },
    {
      ...base('MN', 'KH'),
      content: 'Xây dựng kế hoạch tổ chức vui Tết Nguyên đán Đinh Mùi 2027 cho trẻ',
      assigned: real(2026, 11, 16),
      sortDay: day(2026, 11, 16),
      deadline: { text: 'Hạn chót ngày 30 tháng 12 năm 2026' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('TTDVTH', 'KH'),
      content: 'Hướng dẫn hợp tác xã xây dựng mô hình sản xuất lúa hữu cơ',
      assigned: real(2026, 3, 2),
      sortDay: day(2026, 3, 2),
      deadline: { text: 'Trong năm 2026' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [],
    },
    {
      ...base('K1', 'KH'),
      content: 'Tổng kết hoạt động năm 2026 của Ban nhân dân khóm',
      assigned: real(2026, 10, 19),
      sortDay: day(2026, 10, 19),
      deadline: { text: 'Quý IV/2026' },
      completed: null,
      status: 'Chưa đến hạn',
      plants: [],
    },
    {
      ...base('THCS', 'CV'),
      content: 'Tổng hợp danh sách học sinh có hoàn cảnh khó khăn đề nghị cấp học bổng',
      assigned: real(2026, 11, 10),
      sortDay: day(2026, 11, 10),
      deadline: { text: 'T12/2026' },
      completed: null,
      status: 'Đang thực hiện',
      plants: [
        { rule: 'invalid-date', field: 'deadline', why: '"T12/2026" is a near miss of "Tháng 12/2026": not a deadline form, it stays an invalid date' },
        { rule: 'missing-deadline', field: 'deadline', why: 'an open task whose deadline is not a valid date' },
      ],
    },
  ];
  return rows.map((r) => ({ ...r, seq: seq() }));
}

// ------------------------------------------------------------------ assembling the task table

/** Document numbers in date order, one sequence per kind of document, as the office's register does. */
function numberDocuments(rows: TaskRow[], rng: Prng): void {
  const counters: Record<DocType, number> = { KH: 4, CV: 10, TB: 2, QĐ: 6 };
  const byDate = [...rows].sort((a, b) => a.sortDay - b.sortDay || a.seq - b.seq);
  for (const r of byDate) {
    if (r.duplicateOf) continue;
    counters[r.docType] += rng.int(1, r.docType === 'CV' ? 9 : 4);
    const n = counters[r.docType];
    r.doc = r.docType === 'CV' ? `${n}/UBND-${r.desk}` : `${n}/${r.docType}-UBND`;
  }
  for (const r of rows) if (r.duplicateOf) r.doc = r.duplicateOf.doc;
}

function buildTaskRows(rng: Prng): TaskRow[] {
  let n = 0;
  const seq = () => n++;
  const dates = new DateStyler(rng);
  const rows = [...ordinaryTasks(rng, dates, seq), ...plantedTasks(seq)];

  // One ordinary task of Phòng Kinh tế is written "P. Kinh tế" (the same unit by SPEC §2) …
  const pkt = rows.filter((r) => r.lead === 'Phòng Kinh tế' && r.plants.length === 0 && r.completed !== null);
  pkt[3]!.lead = 'P. Kinh tế';
  // … and another was pasted twice: the copy sits right below the original.
  const original = pkt[1]!;
  rows.push({
    ...original,
    seq: original.seq + 0.5,
    duplicateOf: original,
    plants: [{ rule: 'duplicate-task', field: 'content', why: 'the same row pasted twice (same number and content); it still counts twice, the office decides' }],
  });

  numberDocuments(rows, rng);
  const sectionOrder = new Map(SECTIONS.map((s, i) => [s.id, i]));
  rows.sort((a, b) => sectionOrder.get(a.section)! - sectionOrder.get(b.section)! || a.sortDay - b.sortDay || a.seq - b.seq);
  return rows;
}

// ------------------------------------------------------------------ writing sheets

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const DATE_FORMAT = 'dd/mm/yyyy';

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style> = {}): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  cell.value = value;
  cell.style = { ...style, font: { name: FONT, size: 12, ...style.font } };
  return cell;
}

function mergeText(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}, italic = false): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  put(ws, row, from, text, {
    font: { bold: !italic, italic, size: 12, ...font },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
}

/** The national motto on the right, the agency on the left: the top of every Vietnamese office document. */
function letterhead(ws: ExcelJS.Worksheet, leftTo: number, rightFrom: number, rightTo: number, dateLine: string | null): void {
  mergeText(ws, 1, 1, leftTo, COMMUNE.agencyUpper, { bold: false });
  mergeText(ws, 1, rightFrom, rightTo, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  mergeText(ws, 2, 1, leftTo, COMMUNE.agencyLower, { underline: true });
  mergeText(ws, 2, rightFrom, rightTo, 'Độc lập - Tự do - Hạnh phúc', { underline: true, size: 13 });
  if (dateLine) mergeText(ws, 3, rightFrom, rightTo, dateLine, {}, true);
}

function writeDate(ws: ExcelJS.Worksheet, row: number, col: number, spec: DateSpec): void {
  const style: Partial<ExcelJS.Style> = { border: THIN, alignment: { horizontal: 'center', vertical: 'middle' } };
  if (spec === null) put(ws, row, col, null, style);
  else if ('formula' in spec) put(ws, row, col, { formula: spec.formula, result: { error: spec.error } } as ExcelJS.CellFormulaValue, style);
  else if ('text' in spec) put(ws, row, col, spec.text, style);
  else if (spec.form) put(ws, row, col, textDate(spec.day, spec.form), style);
  else put(ws, row, col, jsDate(spec.day), { ...style, numFmt: DATE_FORMAT });
}

function writeGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_NAMES.guide, { properties: { tabColor: { argb: 'FF9E9E9E' } } });
  ws.getColumn(1).width = 110;
  const lines: [string, boolean][] = [
    ['HƯỚNG DẪN GHI SỔ THEO DÕI NHIỆM VỤ VÀ KIỂM TRA CÔNG VỤ NĂM 2026', true],
    ['(Áp dụng cho các cơ quan, đơn vị thuộc UBND xã Tháp Mười và Ban nhân dân các ấp, khóm)', false],
    ['', false],
    ['1. Mỗi nhiệm vụ ghi một dòng. Mỗi việc chỉ giao một đơn vị chủ trì, không chồng chéo, trùng lắp, bỏ sót (Công điện số 280/CĐ-TTg ngày 19/4/2023).', false],
    ['2. Tên đơn vị ghi đúng như sheet "Danh mục đơn vị". Nhiều đơn vị phối hợp thì cách nhau bằng dấu chấm phẩy (;).', false],
    ['3. Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/7/2026; thời hạn có thể ghi theo kỳ ("Quý III/2026", "Tháng 9/2026", "Trước ngày 15/10/2026") hoặc "Thường xuyên". Nhiệm vụ chưa xong thì để trống ô ngày hoàn thành.', false],
    ['4. Cột "Lãnh đạo phụ trách" và "Cán bộ thụ lý" ghi họ tên (có thể kèm chức danh: CT, PCT, Đ/c, CV); nhiều người thì cách nhau bằng dấu chấm phẩy (;).', false],
    ['5. Cột tình trạng ghi "Đã hoàn thành", "Đang thực hiện" hoặc "Chưa hoàn thành"; cập nhật ngay khi có kết quả.', false],
    ['6. Sheet "Kiểm tra công vụ": cột số vi phạm ghi bằng số; không có vi phạm thì ghi 0 hoặc "Không vi phạm".', false],
    ['7. Các sheet có tên bắt đầu bằng "KQ" do công cụ kiểm tra tạo ra; không sửa tay các sheet này.', false],
    ['8. Số liệu dùng để đánh giá, xếp loại chất lượng cơ quan, đơn vị cuối năm theo Nghị định số 335/2025/NĐ-CP.', false],
  ];
  lines.forEach(([text, bold], i) => put(ws, i + 1, 1, text === '' ? null : text, { font: { bold, size: bold ? 13 : 12 }, alignment: { wrapText: true, vertical: 'top' } }));
}

function writeRegistry(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(SHEET_NAMES.registry, { views: [{ state: 'frozen', ySplit: 6 }] });
  [6, 36, 20, 26, 18, 30, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  letterhead(ws, 3, 4, 7, null);
  mergeText(ws, 4, 1, 7, 'DANH MỤC CƠ QUAN, ĐƠN VỊ THUỘC UBND XÃ VÀ ẤP, KHÓM NĂM 2026', { size: 14 });
  const header = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu', 'Chức vụ', 'Kỷ luật', 'Ghi chú'];
  const headStyle: Partial<ExcelJS.Style> = {
    font: { bold: true },
    border: THIN,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  };
  header.forEach((h, i) => put(ws, 6, i + 1, h, headStyle));
  let r = 7;
  let stt = 0;
  const cell: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: 'middle', wrapText: true } };
  for (const s of SECTIONS) {
    ws.mergeCells(r, 1, r, 7);
    put(ws, r, 1, s.registryLabel, { font: { bold: true }, border: THIN });
    r++;
    for (const u of UNITS.filter((x) => x.section === s.id)) {
      put(ws, r, 1, ++stt, { ...cell, alignment: { horizontal: 'center', vertical: 'middle' } });
      put(ws, r, 2, u.name, cell);
      put(ws, r, 3, u.type, cell);
      put(ws, r, 4, u.head, cell);
      put(ws, r, 5, u.title, cell);
      put(ws, r, 6, u.discipline, cell);
      put(ws, r, 7, u.id === 'TTPVHCC' ? 'Thành lập theo QĐ số 12/QĐ-UBND ngày 01/7/2025' : null, cell);
      r++;
    }
  }
  r++;
  mergeText(ws, r, 4, 6, 'NGƯỜI LẬP BẢNG');
  mergeText(ws, r + 4, 4, 6, COMMUNE.clerk);
}

/**
 * How the leader and officer cells name people, row after row: each person's written form rotates
 * through the titles offices use ("CT …", "Chủ tịch …", "Đ/c …"), which all name one person.
 */
function peopleWriter(): { leader: (ref: LeaderRef) => string; officer: (id: OfficerId) => string } {
  const seen = new Map<string, number>();
  const next = (key: string) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  };
  return {
    leader: (ref) => {
      if (ref === 'position') return CHAIR_POSITION;
      const forms = LEADER_FORMS[ref];
      return forms[next(ref) % forms.length]!;
    },
    officer: (id) => `${OFFICER_TITLES[next(`officer:${id}`) % OFFICER_TITLES.length]!}${OFFICERS[id]}`,
  };
}

interface TaskSheetResult {
  plants: Plant[];
}

function writeTasks(wb: ExcelJS.Workbook, rows: readonly TaskRow[]): TaskSheetResult {
  const ws = wb.addWorksheet(SHEET_NAMES.tasks, {
    views: [{ state: 'frozen', ySplit: 9, xSplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  [6, 15, 50, 26, 26, 24, 12, 12, 13, 17, 20, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  letterhead(ws, 4, 6, TASK_WIDTH, `${COMMUNE.place}, ngày 26 tháng 11 năm 2026`);
  mergeText(ws, 5, 1, TASK_WIDTH, 'SỔ THEO DÕI TÌNH HÌNH THỰC HIỆN NHIỆM VỤ DO ỦY BAN NHÂN DÂN XÃ GIAO NĂM 2026', { size: 14 });
  mergeText(ws, 6, 1, TASK_WIDTH, '(Thực hiện Công điện số 280/CĐ-TTg ngày 19/4/2023 của Thủ tướng Chính phủ; số liệu tính đến ngày 26/11/2026)', {}, true);

  // Two-row header: "Thời gian" over "Ngày giao" | "Thời hạn", "Kết quả thực hiện" over its two columns.
  const head: Partial<ExcelJS.Style> = {
    font: { bold: true },
    border: THIN,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  };
  const upper: [number, string][] = [
    [1, 'STT'],
    [2, 'Số, ký hiệu văn bản'],
    [3, 'Trích yếu nội dung nhiệm vụ'],
    [4, 'Đơn vị chủ trì'],
    [5, 'Đơn vị phối hợp'],
    [6, 'Lãnh đạo phụ trách'],
    [11, 'Cán bộ thụ lý'],
    [12, 'Ghi chú'],
  ];
  // Values go to the top-left cell of a merge only (ExcelJS forwards a follower's value to it).
  for (const [c, text] of upper) {
    put(ws, 8, c, text, head);
    ws.getCell(9, c).style = head;
    ws.mergeCells(8, c, 9, c);
  }
  put(ws, 8, 7, 'Thời gian', head);
  ws.getCell(8, 8).style = head;
  ws.mergeCells(8, 7, 8, 8);
  put(ws, 9, 7, 'Ngày giao', head);
  put(ws, 9, 8, 'Thời hạn', head);
  put(ws, 8, 9, 'Kết quả thực hiện', head);
  ws.getCell(8, 10).style = head;
  ws.mergeCells(8, 9, 8, 10);
  put(ws, 9, 9, 'Ngày hoàn thành', head);
  put(ws, 9, 10, 'Tình trạng', head);
  ws.getRow(8).height = 22;
  ws.getRow(9).height = 32;

  const plants: Plant[] = [];
  const people = peopleWriter();
  const text: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: 'middle', wrapText: true } };
  const centre: Partial<ExcelJS.Style> = { border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  let r = 10;
  let stt = 0;
  for (const s of SECTIONS) {
    ws.mergeCells(r, 1, r, TASK_WIDTH);
    put(ws, r, 1, s.label, { font: { bold: true }, border: THIN, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } });
    r++;
    for (const t of rows.filter((x) => x.section === s.id)) {
      put(ws, r, 1, ++stt, centre);
      put(ws, r, colOf('doc'), t.doc ?? null, centre);
      put(ws, r, colOf('content'), t.content, text);
      const lead = t.lead === null ? null : typeof t.lead === 'string' ? t.lead : ({ formula: t.lead.formula, result: { error: t.lead.error } } as ExcelJS.CellFormulaValue);
      put(ws, r, colOf('lead'), lead, text);
      put(ws, r, colOf('co'), t.co, text);
      put(ws, r, colOf('leader'), t.leaders.map(people.leader).join('\n'), text);
      writeDate(ws, r, colOf('assigned'), t.assigned);
      writeDate(ws, r, colOf('deadline'), t.deadline);
      writeDate(ws, r, colOf('completed'), t.completed);
      put(ws, r, colOf('status'), t.status, centre);
      put(ws, r, colOf('officer'), t.officers.map(people.officer).join('; '), text);
      put(ws, r, colOf('note'), t.note, text);
      for (const p of t.plants) plants.push({ sheet: SHEET_NAMES.tasks, cell: `${columnLetter(colOf(p.field) - 1)}${r}`, rule: p.rule, why: p.why });
      r++;
    }
  }

  // Footer: recipients and signatures, below the last dated row (SPEC §2: never read as tasks).
  r++;
  put(ws, r, 3, 'Nơi nhận:', { font: { bold: true, italic: true } });
  mergeText(ws, r, 10, 11, 'TM. ỦY BAN NHÂN DÂN');
  put(ws, r + 1, 3, '- TT Đảng ủy, TT HĐND xã;', { font: { size: 11 } });
  mergeText(ws, r + 1, 10, 11, 'CHỦ TỊCH');
  put(ws, r + 2, 3, '- CT, các PCT UBND xã;', { font: { size: 11 } });
  put(ws, r + 3, 3, '- Các cơ quan, đơn vị, ấp, khóm;', { font: { size: 11 } });
  put(ws, r + 4, 3, '- Lưu: VT, VP.', { font: { size: 11 } });
  mergeText(ws, r + 6, 3, 4, 'Người lập biểu');
  mergeText(ws, r + 10, 3, 4, COMMUNE.clerk);
  mergeText(ws, r + 10, 10, 11, COMMUNE.chairman);
  return { plants };
}

interface Inspection {
  date: DateSpec;
  unit: string;
  form: string;
  topic: string;
  violations: string | number | null;
  handling: string | null;
  note: string | null;
  plants?: { rule: RuleId; field: 'violations'; why: string }[];
}

function inspections(): Inspection[] {
  const on = (m: number, d: number, form?: TextDateForm): DateSpec => ({ day: day(2026, m, d), form });
  const n = (id: UnitId) => unitById(id).name;
  const HOURS = 'Chấp hành thời giờ làm việc, nội quy cơ quan';
  const ATTITUDE = 'Thái độ, tác phong phục vụ người dân; Quy tắc ứng xử';
  const TTHC = 'Tiếp nhận, giải quyết thủ tục hành chính';
  return [
    { date: on(1, 20), unit: n('TTPVHCC'), form: 'Đột xuất', topic: ATTITUDE, violations: 'Không vi phạm', handling: null, note: null },
    { date: on(2, 24), unit: n('VP'), form: 'Đột xuất', topic: 'Chấp hành thời giờ làm việc sau Tết Nguyên đán', violations: 0, handling: null, note: null },
    { date: on(3, 10), unit: n('PKT'), form: 'Theo kế hoạch', topic: 'Giải quyết hồ sơ đất đai, cấp phép xây dựng', violations: 2, handling: 'Kiểm điểm, rút kinh nghiệm', note: '02 hồ sơ trễ hẹn không có văn bản xin lỗi' },
    { date: on(3, 25, 'dd/mm/yyyy'), unit: n('TYT'), form: 'Theo kế hoạch', topic: ATTITUDE, violations: 1, handling: 'Nhắc nhở', note: null },
    { date: on(4, 14), unit: n('MN'), form: 'Theo kế hoạch', topic: 'Thực hiện quy chế chuyên môn, giờ giấc', violations: 2, handling: 'Nhắc nhở bằng văn bản', note: null },
    { date: on(4, 28), unit: `${n('K1')}; ${n('K2')}`, form: 'Lồng ghép kiểm tra CCHC', topic: 'Hoạt động của Ban nhân dân khóm', violations: 'không vi phạm', handling: null, note: 'Kiểm tra chung hai khóm' },
    { date: on(5, 12), unit: n('AMH'), form: 'Đột xuất', topic: HOURS, violations: 1, handling: 'Nhắc nhở', note: null },
    {
      date: on(5, 26),
      unit: n('THCS'),
      form: 'Theo kế hoạch',
      topic: 'Thu, chi các khoản đầu năm học; dạy thêm, học thêm',
      violations: '2 trường hợp',
      handling: 'Kiểm điểm',
      note: null,
      plants: [{ rule: 'invalid-violations', field: 'violations', why: '"2 trường hợp" is text, not a number: it counts as 0 until the office writes 2' }],
    },
    { date: on(6, 9, 'spelt'), unit: n('PVHXH'), form: 'Theo kế hoạch', topic: TTHC, violations: 0, handling: null, note: null },
    { date: on(6, 23), unit: n('BCHQS'), form: 'Đột xuất', topic: HOURS, violations: 2, handling: 'Kiểm điểm, rút kinh nghiệm', note: null },
    { date: on(7, 7), unit: n('TH'), form: 'Theo kế hoạch', topic: 'Quản lý hồ sơ, sổ sách chuyên môn', violations: 1, handling: 'Nhắc nhở', note: null },
    { date: on(7, 21, 'd/m/yyyy'), unit: n('AMT'), form: 'Đột xuất', topic: HOURS, violations: 2, handling: 'Nhắc nhở', note: null },
    { date: on(8, 11), unit: n('TTDVTH'), form: 'Theo kế hoạch', topic: 'Quản lý, sử dụng tài sản công', violations: 'Không', handling: null, note: null },
    { date: on(8, 25), unit: n('AMH'), form: 'Theo kế hoạch', topic: 'Tiếp nhận, xử lý phản ánh, kiến nghị của người dân', violations: 2, handling: 'Kiểm điểm', note: null },
    { date: on(9, 15), unit: n('TTPVHCC'), form: 'Lồng ghép kiểm tra CCHC', topic: TTHC, violations: '0', handling: null, note: null },
    { date: on(9, 29, 'yyyy.mm.dd'), unit: n('K3'), form: 'Theo kế hoạch', topic: HOURS, violations: 0, handling: null, note: null },
    { date: on(10, 13), unit: n('VP'), form: 'Theo kế hoạch', topic: 'Công tác văn thư, lưu trữ', violations: null, handling: null, note: null },
    { date: on(10, 27), unit: n('TYT'), form: 'Đột xuất', topic: HOURS, violations: 0, handling: null, note: null },
    { date: on(11, 10, 'd-m-yy'), unit: n('PKT'), form: 'Đột xuất', topic: ATTITUDE, violations: 0, handling: null, note: null },
    { date: on(11, 19), unit: n('K1'), form: 'Theo kế hoạch', topic: 'Hoạt động của Ban nhân dân khóm', violations: 'Không vi phạm', handling: null, note: null },
    { date: on(12, 3), unit: n('VP'), form: 'Đột xuất', topic: HOURS, violations: 1, handling: 'Nhắc nhở', note: 'Kiểm tra sau ngày chốt số liệu đánh giá (26/11/2026)' },
  ];
}

function writeInspections(wb: ExcelJS.Workbook): Plant[] {
  const ws = wb.addWorksheet(SHEET_NAMES.inspections, { views: [{ state: 'frozen', ySplit: 7 }] });
  [6, 14, 34, 20, 44, 11, 24, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  letterhead(ws, 3, 4, 8, null);
  mergeText(ws, 4, 1, 8, 'KẾT QUẢ KIỂM TRA CÔNG VỤ NĂM 2026', { size: 14 });
  mergeText(ws, 5, 1, 8, '(Theo Kế hoạch số 18/KH-UBND ngày 20/01/2026 của UBND xã về kiểm tra công vụ năm 2026)', {}, true);
  const header = ['STT', 'Ngày kiểm tra', 'Đơn vị được kiểm tra', 'Hình thức', 'Nội dung kiểm tra', 'Số vi phạm', 'Hình thức xử lý', 'Ghi chú'];
  const head: Partial<ExcelJS.Style> = {
    font: { bold: true },
    border: THIN,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  };
  header.forEach((h, i) => put(ws, 7, i + 1, h, head));
  const text: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: 'middle', wrapText: true } };
  const centre: Partial<ExcelJS.Style> = { border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  const plants: Plant[] = [];
  let r = 8;
  inspections().forEach((x, i) => {
    put(ws, r, 1, i + 1, centre);
    writeDate(ws, r, 2, x.date);
    put(ws, r, 3, x.unit, text);
    put(ws, r, 4, x.form, text);
    put(ws, r, 5, x.topic, text);
    put(ws, r, 6, x.violations, centre);
    put(ws, r, 7, x.handling, text);
    put(ws, r, 8, x.note, text);
    for (const p of x.plants ?? []) plants.push({ sheet: SHEET_NAMES.inspections, cell: `F${r}`, rule: p.rule, why: p.why });
    r++;
  });
  r++;
  mergeText(ws, r, 3, 3, 'Người tổng hợp');
  mergeText(ws, r, 7, 8, 'TM. ỦY BAN NHÂN DÂN');
  mergeText(ws, r + 1, 7, 8, 'KT. CHỦ TỊCH');
  mergeText(ws, r + 2, 7, 8, 'PHÓ CHỦ TỊCH');
  mergeText(ws, r + 6, 3, 3, COMMUNE.clerk);
  mergeText(ws, r + 6, 7, 8, LEADERS.economy.replace('PCT ', ''));
  return plants;
}

export interface ExampleBook {
  readonly workbook: ExcelJS.Workbook;
  /** Every finding planted on purpose, in sheet order. */
  readonly plants: readonly Plant[];
}

/** Build the example workbook in memory. Same output on every call. */
export function buildExampleBook(): ExampleBook {
  const rng = new Prng(EXAMPLE_SEED);
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(Date.UTC(2026, 10, 26, 8, 0, 0));
  wb.creator = 'Văn phòng HĐND và UBND xã Tháp Mười';
  wb.lastModifiedBy = COMMUNE.clerk;
  wb.created = stamp;
  wb.modified = stamp;
  wb.calcProperties.fullCalcOnLoad = false;

  writeGuide(wb);
  writeRegistry(wb);
  const { plants: taskPlants } = writeTasks(wb, buildTaskRows(rng));
  const inspectionPlants = writeInspections(wb);
  return { workbook: wb, plants: [...taskPlants, ...inspectionPlants] };
}
