/**
 * fast-check arbitraries of user workbooks (see book.ts). Each sheet is drawn as independent raw
 * choices (which columns, which header synonyms, the records, where notes and rules go, ...) and
 * then built deterministically, so that a failing book shrinks to a small one: fewer rows, fewer
 * sheets, fewer notes and rules, plainer values.
 *
 * Task sheets have a header the engine recognises (synonyms with and without diacritics, upper
 * case, broken over two lines, two-row headers under a merged "Thời gian"), title rows above it,
 * records with real, text and invalid dates, several units in a cell, empty cells, error values,
 * formulas with cached results (some shared), section labels, merged cells and a footer.
 */
import fc from 'fast-check';
import { columnLetter } from '../../src/core/cells';
import {
  inRect,
  overlaps,
  serialOf,
  ymdOfSerial,
  type BookDesc,
  type CellDesc,
  type ErrorCode,
  type NoteDesc,
  type Rect,
  type RichRun,
  type RuleKind,
  type RuleStyle,
  type Scalar,
  type SheetDesc,
  type SheetRole,
  type StyleDesc,
  type UserFormat,
} from './book';

// ---------------------------------------------------------------------------------------------
// Vocabulary

const UNITS = [
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'UBND xã Mỹ Hòa',
  'Phòng Tài chính - Kế hoạch',
  'Văn phòng HĐND và UBND',
  'Phòng Giáo dục và Đào tạo',
  'Trường THCS Thạnh Lợi',
  'Công an xã',
] as const;
/** Other spellings of registry units (SPEC §2: the same unit) and units missing from it. */
const UNIT_SPELLINGS = ['Xã Mỹ Hòa', 'P. Nội vụ', 'phòng tư pháp', 'PHÒNG NỘI VỤ'] as const;
const UNKNOWN_UNITS = ['Phòng Văn hóa - Thông tin', 'Ban Chỉ huy Quân sự', 'Hội Nông dân xã'] as const;
const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung'] as const;
const CONTENTS = [
  'Báo cáo kết quả cải cách hành chính quý III',
  'Rà soát thủ tục hành chính',
  'Kiểm tra công vụ tại bộ phận một cửa',
  'Triển khai Công điện 280/CĐ-TTg',
  'Tổng kết công tác năm',
  'Cập nhật hồ sơ cán bộ, công chức',
  'Xây dựng kế hoạch chuyển đổi số',
] as const;
const STATUSES = ['Hoàn thành', 'Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Chưa xong', 'Xong', 'Chuẩn bị triển khai', 'đang xử lý'] as const;
const REMARKS = ['Theo Kế hoạch số 12/KH-UBND', 'Gia hạn lần 1', 'Chờ ý kiến', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://x","y")'] as const;
const TITLES = [
  'ỦY BAN NHÂN DÂN XÃ MỸ HÒA',
  'UBND HUYỆN THÁP MƯỜI',
  'BẢNG THEO DÕI NHIỆM VỤ GIAO NĂM 2026',
  'DANH MỤC NHIỆM VỤ TRỌNG TÂM',
  '(Kèm theo Báo cáo số 125/BC-UBND ngày 15/9/2023)',
  'Tháng 9 năm 2023',
] as const;
const MOTTOS = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;
const SECTIONS = ['I. KHỐI XÃ, THỊ TRẤN', 'II. KHỐI PHÒNG, BAN', 'A) Khối đảng', 'B. Khối chính quyền', 'Đ. Đơn vị khác'] as const;
const FOOTER_LINES = ['Người lập biểu', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '(Ký, ghi rõ họ tên)', 'Nguyễn Văn Minh'] as const;
const NOTE_TEXTS = ['Hỏi lại phòng Tư pháp', 'Đã gia hạn đến 30/9', 'Chờ ý kiến chỉ đạo', 'Lưu ý: số liệu tạm tính', 'KQ: đã đối chiếu', '[KQ] ghi chú riêng'] as const;
const COLORS = ['FFFFC7CE', 'FFC6EFCE', 'FFFFEB9C', 'FFDDEBF7', 'FF00B050', 'FF7030A0', 'FFD9D9D9', 'FF1F4E78'] as const;
const ERRORS: readonly ErrorCode[] = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!'];

const TASK_NAMES = ['Nhiệm vụ', 'Theo dõi 2026', "Việc Q3's", 'Nhiệm vụ (2)', 'Sheet1', 'Giao việc T9', 'NV trọng tâm'] as const;
const REGISTRY_NAMES = ['Danh mục đơn vị', 'Đơn vị', 'DM đơn vị'] as const;
const INSPECTION_NAMES = ['Kiểm tra công vụ', 'KTCV 2026'] as const;
const OTHER_NAMES = ['Ghi chú', 'Số liệu', 'Sheet2', "Bảng 'A' cũ"] as const;

/** Task fields in the order offices usually lay them out, plus columns the engine does not map. */
const TASK_COLUMNS = ['stt', 'docNumber', 'assignedDate', 'content', 'leadUnit', 'coUnits', 'deadline', 'completedDate', 'status', 'owner', 'remark', 'pages'] as const;
type TaskColumn = (typeof TASK_COLUMNS)[number];
const DATE_COLUMNS: ReadonlySet<TaskColumn> = new Set(['assignedDate', 'deadline', 'completedDate']);

/** Header texts (SPEC §2 synonyms as people write them), per column. */
const TASK_HEADERS: Readonly<Record<TaskColumn, readonly string[]>> = {
  stt: ['STT', 'TT', 'Số TT'],
  docNumber: ['Số, ký hiệu văn bản', 'Số/ký hiệu', 'Số văn bản', 'Số hiệu văn bản', 'Văn bản giao'],
  assignedDate: ['Ngày giao', 'Ngày văn bản', 'Ngày ban hành', 'Ngày nhận'],
  content: ['Nội dung nhiệm vụ', 'Trích yếu', 'Nội dung', 'Nhiệm vụ', 'Tên nhiệm vụ', 'Trích yếu nội dung'],
  leadUnit: ['Đơn vị chủ trì', 'Cơ quan chủ trì', 'Đơn vị thực hiện', 'Cơ quan thực hiện', 'Chủ trì', 'Đơn vị chủ trì thực hiện'],
  coUnits: ['Đơn vị phối hợp', 'Cơ quan phối hợp', 'Phối hợp'],
  deadline: ['Thời hạn', 'Hạn xử lý', 'Hạn hoàn thành', 'Hạn', 'Thời hạn hoàn thành', 'Hạn xử lý (ngày/tháng/năm)'],
  completedDate: ['Ngày hoàn thành', 'Ngày hoàn thành thực tế', 'Ngày báo cáo kết quả', 'Ngày trả kết quả'],
  status: ['Tình trạng', 'Tiến độ', 'Kết quả thực hiện', 'Trạng thái', 'Tình trạng thực hiện'],
  owner: ['Người phụ trách', 'Lãnh đạo phụ trách', 'Cán bộ thụ lý', 'Chuyên viên thụ lý'],
  remark: ['Ghi chú', 'Ghi chú khác'],
  pages: ['Số trang', 'Số bản'],
};

function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** The same header as people type it: as is, upper case, without diacritics, on two lines, ... */
function headerVariant(text: string, variant: number): string {
  switch (variant % 7) {
    case 1:
      return text.toUpperCase();
    case 2:
      return stripDiacritics(text);
    case 3:
      return `${text} (*)`;
    case 4: {
      const i = text.indexOf(' ');
      return i < 0 ? text : `${text.slice(0, i)}\n${text.slice(i + 1)}`;
    }
    case 5:
      return text.toLowerCase();
    case 6:
      return `  ${text} `;
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Values

const text = (t: string): Scalar => ({ kind: 'text', text: t });
const errorArb: fc.Arbitrary<Scalar> = fc.constantFrom(...ERRORS).map((code) => ({ kind: 'error', code }));
const colorArb = fc.constantFrom(...COLORS);
const serialArb = fc.integer({ min: serialOf(2022, 1, 1), max: serialOf(2027, 12, 31) });
const DATE_FORMATS = ['dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'yyyy-mm-dd', 'dd/mm/yyyy hh:mm', 'mm-dd-yy'] as const;

const realDateArb: fc.Arbitrary<Scalar> = fc
  .record({ serial: serialArb, time: fc.constantFrom(0, 0, 0, 0.375, 0.5), format: fc.constantFrom(...DATE_FORMATS) })
  .map(({ serial, time, format }) => ({ kind: 'date', serial: serial + time, format }));

const pad2 = (n: number): string => String(n).padStart(2, '0');

const textDateArb: fc.Arbitrary<Scalar> = fc.record({ serial: serialArb, form: fc.nat({ max: 8 }) }).map(({ serial, form }) => {
  const { y, m, d } = ymdOfSerial(serial);
  const forms = [
    `${d}/${m}/${y}`,
    `${pad2(d)}/${pad2(m)}/${y}`,
    `${d}-${m}-${String(y).slice(2)}`,
    `${y}/${m}/${d}`,
    `${pad2(d)}.${pad2(m)}.${y}`,
    `ngày ${d} tháng ${m} năm ${y}`,
    `Ngày ${pad2(d)}, tháng ${m} năm ${y}`,
    `${pad2(d)}/${pad2(m)}/${y} 08:30`,
    `  ${d}/${m}/${y} `,
  ];
  return text(forms[form]!);
});

const invalidDateArb: fc.Arbitrary<Scalar> = fc
  .constantFrom('30/02/2026', '13/25/2023', 'sắp tới', 'Quý III/2026', '32/01/2026', 'trong tháng 7', '15/7', '-', '   ')
  .map(text);

/** A date formula; `{assigned}` stands for the assigned-date column letter, `{r}` for the row. */
const dateFormulaArb: fc.Arbitrary<CellDesc> = fc
  .record({ serial: serialArb, form: fc.constantFrom('DATE', 'offset', 'shared') })
  .map(({ serial, form }) => {
    const { y, m, d } = ymdOfSerial(serial);
    const result: Scalar = { kind: 'date', serial, format: 'dd/mm/yyyy' };
    if (form === 'DATE') return { kind: 'formula', formula: `DATE(${y},${m},${d})`, result, share: null };
    if (form === 'offset') return { kind: 'formula', formula: `{assigned}{r}+${(serial % 50) + 7}`, result, share: null };
    return { kind: 'formula', formula: '{assigned}{r}+30', result, share: 'assigned+30' };
  });

function dateCellArb(emptyWeight: number): fc.Arbitrary<CellDesc | null> {
  return fc.oneof(
    { weight: 10, arbitrary: realDateArb },
    { weight: 5, arbitrary: textDateArb },
    { weight: 2, arbitrary: invalidDateArb },
    { weight: emptyWeight, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: errorArb },
    { weight: 2, arbitrary: dateFormulaArb },
    { weight: 1, arbitrary: serialArb.map((value): Scalar => ({ kind: 'number', value })) },
  );
}

const unitArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...UNITS) }, { weight: 1, arbitrary: fc.constantFrom(...UNIT_SPELLINGS) });

const leadArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 12, arbitrary: unitArb.map(text) },
  { weight: 2, arbitrary: fc.tuple(unitArb, unitArb, fc.constantFrom('; ', ', ', '\n', ' ; ')).map(([a, b, sep]) => text(`${a}${sep}${b}`)) },
  { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_UNITS).map(text) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('-', ' ', '—').map(text) },
  { weight: 1, arbitrary: errorArb },
  { weight: 1, arbitrary: fc.constant<CellDesc>({ kind: 'formula', formula: '"Phòng "&"Nội vụ"', result: text('Phòng Nội vụ'), share: null }) },
  { weight: 1, arbitrary: fc.constant<CellDesc>({ kind: 'rich', runs: [{ text: 'Phòng', bold: true }, { text: ' Tư pháp', color: 'FFFF0000' }] }) },
);

const coUnitsArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: unitArb.map(text) },
  { weight: 1, arbitrary: fc.tuple(unitArb, fc.constantFrom(...UNKNOWN_UNITS)).map(([a, b]) => text(`${a}, ${b}`)) },
);

const contentArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...CONTENTS).map(text) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTENTS).map((t): CellDesc => ({ kind: 'rich', runs: [{ text: t.slice(0, 6), bold: true }, { text: t.slice(6) }] })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }).map((value): Scalar => ({ kind: 'number', value })) },
  { weight: 1, arbitrary: fc.constant<CellDesc>({ kind: 'formula', formula: 'CONCATENATE("Báo cáo ","quý ",3)', result: text('Báo cáo quý 3'), share: null }) },
);

const docArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('UBND-VP', 'KH-UBND', 'CV-UBND')).map(([n, s]) => text(`${n}/${s}`)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n): CellDesc => ({ kind: 'link', text: `${n}/QĐ-UBND`, target: `https://vanban.example.gov.vn/van-ban/${n}` })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((value): Scalar => ({ kind: 'number', value })) },
  { weight: 2, arbitrary: fc.constant(null) },
);

const statusArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STATUSES).map(text) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: errorArb },
  { weight: 1, arbitrary: fc.boolean().map((value): Scalar => ({ kind: 'bool', value })) },
);

const ownerArb: fc.Arbitrary<CellDesc | null> = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PEOPLE).map(text) }, { weight: 1, arbitrary: fc.constant(null) });
const remarkArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(...REMARKS).map(text) },
  { weight: 1, arbitrary: fc.constant(text(`Ghi chú dài: ${'ưu tiên xử lý dứt điểm, '.repeat(12)}`)) },
);
const pagesArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }).map((value): Scalar => ({ kind: 'number', value })) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant<CellDesc>({ kind: 'formula', formula: '1/0', result: { kind: 'error', code: '#DIV/0!' }, share: null }) },
);

// ---------------------------------------------------------------------------------------------
// Styles, rules, notes and the rest of a sheet's decoration

const styleArb: fc.Arbitrary<StyleDesc> = fc.record(
  {
    font: fc.record(
      {
        bold: fc.boolean(),
        italic: fc.boolean(),
        size: fc.constantFrom(10, 11, 12, 13, 14),
        color: colorArb,
        name: fc.constantFrom('Times New Roman', 'Arial', 'Calibri'),
      },
      { requiredKeys: [] },
    ),
    fill: colorArb,
    numFmt: fc.constantFrom('0', '#,##0', '@', '0.00', '0%'),
    alignment: fc.record(
      { horizontal: fc.constantFrom('left' as const, 'center' as const, 'right' as const), vertical: fc.constantFrom('top' as const, 'middle' as const), wrapText: fc.boolean() },
      { requiredKeys: [] },
    ),
    border: fc.constantFrom('thin' as const, 'medium' as const, 'dotted' as const),
  },
  { requiredKeys: [] },
);

const ruleStyleArb: fc.Arbitrary<RuleStyle> = fc.record({ fill: colorArb, fontColor: colorArb, bold: fc.boolean() }, { requiredKeys: ['fill'] });

const ruleKindArb: fc.Arbitrary<RuleKind> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        formula: fc.constantFrom(
          'MOD(ROW(),2)=0',
          '$A{top}=""',
          'ISBLANK($B{top})',
          'LEN($C{top})>40',
          'ISNUMBER(SEARCH("kq:",$A{top}))',
          'AND($D{top}<>"",COUNTIF($D:$D,$D{top})>1)',
          'TODAY()-$C{top}>30',
        ),
        style: ruleStyleArb,
      })
      .map((r): RuleKind => ({ type: 'expression', ...r })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ operator: fc.constantFrom('greaterThan' as const, 'lessThan' as const, 'equal' as const, 'between' as const), style: ruleStyleArb })
      .map(({ operator, style }): RuleKind => ({ type: 'cellIs', operator, formulae: operator === 'between' ? ['1', '10'] : operator === 'equal' ? ['"Chưa xong"'] : ['5'], style })),
  },
  { weight: 1, arbitrary: fc.record({ text: fc.constantFrom('Chưa', 'xong', 'Phòng'), style: ruleStyleArb }).map((r): RuleKind => ({ type: 'containsText', ...r })) },
  { weight: 1, arbitrary: fc.record({ rank: fc.integer({ min: 1, max: 5 }), bottom: fc.boolean(), style: ruleStyleArb }).map((r): RuleKind => ({ type: 'top10', ...r })) },
  { weight: 1, arbitrary: fc.record({ low: colorArb, high: colorArb }).map((r): RuleKind => ({ type: 'colorScale', ...r })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ color: colorArb, fill: fc.constantFrom('gradient' as const, 'solid' as const, 'classic' as const) })
      .map((r): RuleKind => ({ type: 'dataBar', ...r })),
  },
);

type RangePick = { readonly kind: 'data' | 'column' | 'header' | 'all' | 'cell' | 'rows'; readonly a: number; readonly b: number };
const rangePickArb: fc.Arbitrary<RangePick> = fc.record({ kind: fc.constantFrom('data', 'column', 'header', 'all', 'cell', 'rows'), a: fc.nat(), b: fc.nat() });

const userFormatArb = fc.record({
  ranges: fc.array(rangePickArb, { minLength: 1, maxLength: 2 }),
  rules: fc.array(ruleKindArb, { minLength: 1, maxLength: 2 }),
});

type NoteTarget = TaskColumn | 'any' | 'title';
const noteArb = fc.record({
  target: fc.constantFrom<NoteTarget>('deadline', 'deadline', 'assignedDate', 'completedDate', 'leadUnit', 'content', 'any', 'title'),
  row: fc.nat(),
  col: fc.nat(),
  text: fc.constantFrom(...NOTE_TEXTS),
  rich: fc.boolean(),
});

/** Everything of a sheet besides its cells: styles, rules, notes, hidden rows, widths, filter, ... */
const decorArb = fc.record({
  headerStyle: fc.option(styleArb, { nil: null }),
  cellStyles: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), style: styleArb }), { maxLength: 6 }),
  formats: fc.array(userFormatArb, { maxLength: 3 }),
  priorityGap: fc.constantFrom(1, 1, 2, 5),
  notes: fc.array(noteArb, { maxLength: 4 }),
  hiddenRows: fc.array(fc.nat(), { maxLength: 3 }),
  rowHeights: fc.array(fc.record({ row: fc.nat(), height: fc.integer({ min: 12, max: 48 }) }), { maxLength: 2 }),
  columns: fc.array(fc.record({ col: fc.nat(), width: fc.integer({ min: 4, max: 60 }), hidden: fc.integer({ min: 0, max: 5 }).map((n) => n === 5) }), { maxLength: 3 }),
  autoFilter: fc.constantFrom('none', 'none', 'header', 'table'),
  frozen: fc.boolean(),
  tabColor: fc.option(colorArb, { nil: null }),
  hidden: fc.integer({ min: 0, max: 19 }).map((n) => n === 19),
});
type Decor = typeof decorArb extends fc.Arbitrary<infer T> ? T : never;

const titleRowArb = fc.record({
  kind: fc.constantFrom('one', 'one', 'two', 'blank'),
  left: fc.constantFrom(...TITLES),
  right: fc.constantFrom(...MOTTOS),
  merge: fc.boolean(),
  bold: fc.boolean(),
});
type TitleRow = typeof titleRowArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// Building a sheet

/** Cells, merges and styles of a sheet under construction. */
class Grid {
  readonly cells: (CellDesc | null)[][] = [];
  readonly merges: Rect[] = [];
  readonly styles: Array<{ row: number; col: number; style: StyleDesc }> = [];
  width = 1;

  set(row: number, col: number, v: CellDesc | null): void {
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row]!;
    while (r.length <= col) r.push(null);
    r[col] = v;
    this.width = Math.max(this.width, col + 1);
  }

  get height(): number {
    return this.cells.length;
  }

  /** Merge when the range is free; the value stays in the top-left cell only, as Excel keeps it. */
  merge(rect: Rect): boolean {
    if (rect.bottom < rect.top || rect.right < rect.left || (rect.top === rect.bottom && rect.left === rect.right)) return false;
    if (this.merges.some((m) => overlaps(m, rect))) return false;
    this.merges.push(rect);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) this.set(r, c, null);
    }
    return true;
  }

  isFollower(row: number, col: number): boolean {
    return this.merges.some((m) => inRect(m, row, col) && (row !== m.top || col !== m.left));
  }

  style(row: number, col: number, style: StyleDesc): void {
    this.styles.push({ row, col, style });
  }
}

/** Where the table of a sheet is, for placing rules, notes and filters. */
interface Layout {
  readonly headerRow: number;
  /** First header row (the upper one of a two-row header). */
  readonly headerTop: number;
  readonly dataTop: number;
  readonly dataBottom: number;
  readonly left: number;
  readonly right: number;
  readonly titleRows: number;
  /** Column of each task column, when the sheet has it. */
  readonly columnOf: Partial<Record<TaskColumn, number>>;
}

function resolveRange(pick: RangePick, grid: Grid, layout: Layout): Rect {
  const lastRow = Math.max(0, grid.height - 1);
  const width = layout.right - layout.left + 1;
  const col = layout.left + (pick.a % width);
  const dataTop = Math.min(layout.dataTop, lastRow);
  const dataBottom = Math.max(dataTop, layout.dataBottom);
  switch (pick.kind) {
    case 'data':
      return { top: dataTop, left: layout.left, bottom: dataBottom, right: layout.right };
    case 'column':
      return { top: dataTop, left: col, bottom: Math.max(dataTop, Math.min(lastRow, dataTop + 10 + (pick.b % 200))), right: col };
    case 'header':
      return { top: Math.max(0, layout.headerTop), left: layout.left, bottom: Math.max(0, layout.headerRow), right: layout.right };
    case 'all':
      return { top: 0, left: 0, bottom: lastRow, right: Math.max(layout.right, grid.width - 1) };
    case 'cell': {
      const row = pick.b % (lastRow + 1);
      return { top: row, left: col, bottom: row, right: col };
    }
    case 'rows': {
      const top = dataTop + (pick.b % (dataBottom - dataTop + 1));
      return { top, left: layout.left, bottom: Math.min(dataBottom, top + 2), right: layout.right };
    }
  }
}

function resolveNote(n: (typeof noteArb extends fc.Arbitrary<infer T> ? T : never), grid: Grid, layout: Layout): NoteDesc | null {
  const lastRow = grid.height - 1;
  if (lastRow < 0) return null;
  let row: number;
  let col: number;
  const dataRows = layout.dataBottom - layout.dataTop + 1;
  if (n.target === 'title') {
    if (layout.titleRows === 0) return null;
    row = n.row % layout.titleRows;
    col = layout.left + (n.col % (layout.right - layout.left + 1));
  } else if (n.target === 'any' || layout.columnOf[n.target] === undefined || dataRows <= 0) {
    row = n.row % (lastRow + 1);
    col = n.col % grid.width;
  } else {
    row = layout.dataTop + (n.row % dataRows);
    col = layout.columnOf[n.target]!;
  }
  if (grid.isFollower(row, col)) return null;
  const runs: RichRun[] = n.rich ? [{ text: 'Lưu ý: ', bold: true }, { text: n.text }] : [{ text: n.text }];
  return { row, col, runs };
}

function decorate(role: SheetRole, name: string, grid: Grid, layout: Layout, decor: Decor): SheetDesc {
  const rows = Math.max(1, grid.height);
  const width = grid.width;
  const styles = [...grid.styles];
  if (decor.headerStyle && layout.headerRow >= 0) {
    for (let r = layout.headerTop; r <= layout.headerRow; r++) for (let c = layout.left; c <= layout.right; c++) styles.push({ row: r, col: c, style: decor.headerStyle });
  }
  for (const s of decor.cellStyles) styles.push({ row: s.row % rows, col: s.col % width, style: s.style });

  let priority = 0;
  const formats: UserFormat[] = decor.formats.map((f) => ({
    ranges: f.ranges.map((p) => resolveRange(p, grid, layout)),
    rules: f.rules.map((kind) => ({ kind, priority: (priority += decor.priorityGap) })),
  }));

  const notes: NoteDesc[] = [];
  for (const n of decor.notes) {
    const note = resolveNote(n, grid, layout);
    if (note && !notes.some((x) => x.row === note.row && x.col === note.col)) notes.push(note);
  }

  const hiddenRows = [...new Set(decor.hiddenRows.map((r) => r % rows))].sort((a, b) => a - b);
  const rowHeights = decor.rowHeights.map((h) => ({ row: h.row % rows, height: h.height })).filter((h, i, all) => all.findIndex((x) => x.row === h.row) === i);
  const columns = decor.columns.map((c) => ({ col: c.col % width, width: c.width, hidden: c.hidden })).filter((c, i, all) => all.findIndex((x) => x.col === c.col) === i);

  let autoFilter: Rect | null = null;
  if (layout.headerRow >= 0 && decor.autoFilter !== 'none') {
    const bottom = decor.autoFilter === 'table' ? Math.max(layout.headerRow, layout.dataBottom) : layout.headerRow;
    autoFilter = { top: layout.headerRow, left: layout.left, bottom, right: layout.right };
  }
  return {
    name,
    role,
    hidden: decor.hidden,
    cells: grid.cells,
    styles,
    merges: grid.merges,
    formats,
    notes,
    hiddenRows,
    rowHeights,
    columns,
    autoFilter,
    frozenRows: decor.frozen && layout.headerRow >= 0 ? layout.headerRow + 1 : 0,
    tabColor: decor.tabColor,
    headerRow: layout.headerRow,
    headerTop: layout.headerTop,
  };
}

/** Title rows from row 0; returns the number of rows used. */
function placeTitles(grid: Grid, titles: readonly TitleRow[], left: number, right: number): number {
  titles.forEach((t, r) => {
    if (t.kind === 'blank') return;
    const bold: StyleDesc = { font: { bold: true, size: 13 }, alignment: { horizontal: 'center' } };
    if (t.kind === 'two' && right - left >= 3) {
      const mid = left + Math.floor((right - left + 1) / 2);
      grid.set(r, left, text(t.left));
      grid.set(r, mid, text(t.right));
      if (t.merge) {
        grid.merge({ top: r, left, bottom: r, right: mid - 1 });
        grid.merge({ top: r, left: mid, bottom: r, right });
      }
      if (t.bold) grid.style(r, mid, bold);
    } else {
      grid.set(r, left, text(t.left));
      if (t.merge) grid.merge({ top: r, left, bottom: r, right });
    }
    if (t.bold) grid.style(r, left, bold);
  });
  return titles.length;
}

// ---------------------------------------------------------------------------------------------
// Task sheets

const recordRowArb = fc.record({
  kind: fc.oneof({ weight: 16, arbitrary: fc.constant('record' as const) }, { weight: 1, arbitrary: fc.constant('section' as const) }, { weight: 1, arbitrary: fc.constant('empty' as const) }),
  docNumber: docArb,
  assignedDate: dateCellArb(3),
  content: contentArb,
  leadUnit: leadArb,
  coUnits: coUnitsArb,
  deadline: dateCellArb(2),
  completedDate: dateCellArb(12),
  status: statusArb,
  owner: ownerArb,
  remark: remarkArb,
  pages: pagesArb,
  sttBlank: fc.integer({ min: 0, max: 9 }).map((n) => n === 9),
  section: fc.record({ text: fc.constantFrom(...SECTIONS), merge: fc.boolean(), atContent: fc.boolean() }),
});
type RecordRow = typeof recordRowArb extends fc.Arbitrary<infer T> ? T : never;

const taskSheetArb = fc.record({
  include: fc.record({
    stt: fc.boolean(),
    docNumber: fc.boolean(),
    assignedDate: fc.boolean(),
    content: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
    coUnits: fc.boolean(),
    completedDate: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    status: fc.boolean(),
    owner: fc.integer({ min: 0, max: 2 }).map((n) => n === 2),
    remark: fc.boolean(),
    pages: fc.integer({ min: 0, max: 5 }).map((n) => n === 5),
  }),
  shuffled: fc.option(fc.shuffledSubarray([...TASK_COLUMNS], { minLength: TASK_COLUMNS.length, maxLength: TASK_COLUMNS.length }), { nil: null, freq: 4 }),
  headers: fc.array(fc.record({ pick: fc.nat(), variant: fc.nat() }), { minLength: TASK_COLUMNS.length, maxLength: TASK_COLUMNS.length }),
  left: fc.constantFrom(0, 0, 0, 1),
  titles: fc.array(titleRowArb, { maxLength: 4 }),
  twoRow: fc.option(fc.record({ upper: fc.constantFrom('Thời gian', 'Mốc thời gian', 'Thời gian thực hiện'), mergeDown: fc.boolean() }), { nil: null, freq: 3 }),
  sttMode: fc.constantFrom('number', 'number', 'formula', 'shared', 'text'),
  rows: fc.array(recordRowArb, { maxLength: 18 }),
  footer: fc.record({ lines: fc.subarray([...FOOTER_LINES], { maxLength: 3 }), gap: fc.boolean(), merge: fc.boolean() }),
  dataMerges: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), len: fc.integer({ min: 2, max: 3 }) }), { maxLength: 2 }),
  decor: decorArb,
});
type TaskSheetRaw = typeof taskSheetArb extends fc.Arbitrary<infer T> ? T : never;

function resolveFormula(v: CellDesc | null, row: number, columnOf: Layout['columnOf']): CellDesc | null {
  if (v === null || v.kind !== 'formula') return v;
  let formula = v.formula.replace(/\{r\}/g, String(row + 1));
  if (formula.includes('{assigned}')) {
    const col = columnOf.assignedDate;
    if (col === undefined) {
      const serial = v.result.kind === 'date' ? v.result.serial : serialOf(2026, 1, 1);
      const { y, m, d } = ymdOfSerial(serial);
      return { ...v, formula: `DATE(${y},${m},${d})`, share: null };
    }
    formula = formula.replace(/\{assigned\}/g, columnLetter(col));
  }
  return { ...v, formula };
}

function buildTaskSheet(raw: TaskSheetRaw, name: string): SheetDesc {
  const inc = raw.include;
  const wanted = (c: TaskColumn): boolean => {
    if (c === 'leadUnit' || c === 'deadline') return true;
    if (c === 'content') return inc.content || !inc.docNumber;
    return inc[c];
  };
  const order = (raw.shuffled ?? [...TASK_COLUMNS]).filter(wanted);
  const left = raw.left;
  const right = left + order.length - 1;
  const columnOf: Partial<Record<TaskColumn, number>> = {};
  order.forEach((c, i) => (columnOf[c] = left + i));

  const grid = new Grid();
  const titleRows = placeTitles(grid, raw.titles, left, right);

  // Header: one row, or two rows under a merged "Thời gian" over two adjacent date columns.
  const headerText = (c: TaskColumn): string => {
    const h = raw.headers[TASK_COLUMNS.indexOf(c)]!;
    const pool = TASK_HEADERS[c];
    return headerVariant(pool[h.pick % pool.length]!, h.variant);
  };
  let group = -1;
  if (raw.twoRow) {
    for (let i = 0; i + 1 < order.length; i++) {
      if (DATE_COLUMNS.has(order[i]!) && DATE_COLUMNS.has(order[i + 1]!)) {
        group = i;
        break;
      }
    }
  }
  const headerTop = titleRows;
  let headerRow = headerTop;
  if (raw.twoRow && group >= 0) {
    headerRow = headerTop + 1;
    order.forEach((c, i) => {
      const col = left + i;
      if (i === group) grid.set(headerTop, col, text(raw.twoRow!.upper));
      if (i === group || i === group + 1) grid.set(headerRow, col, text(headerText(c)));
      else grid.set(headerTop, col, text(headerText(c)));
    });
    grid.merge({ top: headerTop, left: left + group, bottom: headerTop, right: left + group + 1 });
    if (raw.twoRow.mergeDown) {
      order.forEach((_, i) => {
        if (i !== group && i !== group + 1) grid.merge({ top: headerTop, left: left + i, bottom: headerRow, right: left + i });
      });
    }
  } else {
    order.forEach((c, i) => grid.set(headerTop, left + i, text(headerText(c))));
  }

  // Records, section labels and empty rows.
  const dataTop = headerRow + 1;
  let n = 0;
  const recordRows: number[] = [];
  raw.rows.forEach((rr: RecordRow, i) => {
    const row = dataTop + i;
    if (rr.kind === 'empty') {
      grid.set(row, left, null);
      return;
    }
    if (rr.kind === 'section') {
      const col = rr.section.atContent && columnOf.content !== undefined ? columnOf.content : left;
      grid.set(row, col, text(rr.section.text));
      if (rr.section.merge && right - col >= 2) grid.merge({ top: row, left: col, bottom: row, right });
      return;
    }
    n++;
    recordRows.push(row);
    for (const c of order) {
      let v: CellDesc | null;
      if (c === 'stt') {
        if (rr.sttBlank) v = null;
        else if (raw.sttMode === 'number') v = { kind: 'number', value: n };
        else if (raw.sttMode === 'text') v = text(`${n}.`);
        else v = { kind: 'formula', formula: `ROW()-${headerRow + 1}`, result: { kind: 'number', value: row - headerRow }, share: raw.sttMode === 'shared' ? 'stt' : null };
      } else {
        v = rr[c];
      }
      grid.set(row, columnOf[c]!, resolveFormula(v, row, columnOf));
    }
  });
  const dataBottom = dataTop + raw.rows.length - 1;

  // Data cells merged down (a lead unit or a deadline shared by two or three tasks).
  for (const m of raw.dataMerges) {
    if (recordRows.length === 0) break;
    const top = recordRows[m.row % recordRows.length]!;
    const col = left + (m.col % order.length);
    grid.merge({ top, left: col, bottom: Math.min(dataBottom, top + m.len - 1), right: col });
  }

  // Footer: signature block below the table.
  let row = dataBottom + 1 + (raw.footer.gap ? 1 : 0);
  const footerCol = Math.max(left, right - 2);
  for (const line of raw.footer.lines) {
    grid.set(row, footerCol, text(line));
    if (raw.footer.merge) grid.merge({ top: row, left: footerCol, bottom: row, right });
    row++;
  }

  return decorate('task', name, grid, { headerRow, headerTop, dataTop, dataBottom, left, right, titleRows, columnOf }, raw.decor);
}

// ---------------------------------------------------------------------------------------------
// Registry, inspection and other sheets

const registryArb = fc.record({
  titles: fc.array(titleRowArb, { maxLength: 2 }),
  unitHeader: fc.constantFrom('Tên đơn vị', 'Đơn vị', 'Cơ quan', 'TÊN ĐƠN VỊ'),
  typeHeader: fc.constantFrom('Loại đơn vị', 'Khối', 'Loại hình'),
  headHeader: fc.option(fc.constantFrom('Người đứng đầu', 'Thủ trưởng', 'Lãnh đạo'), { nil: null }),
  disciplineHeader: fc.option(fc.constantFrom('Kỷ luật', 'Bị kỷ luật', 'Xử lý kỷ luật'), { nil: null }),
  units: fc.subarray([...UNITS], { minLength: 1 }),
  extra: fc.array(
    fc.record({
      type: fc.constantFrom('Phòng chuyên môn', 'Xã, thị trấn', 'Đơn vị sự nghiệp', 'Trường học'),
      head: fc.constantFrom(...PEOPLE),
      discipline: fc.constantFrom<string | null>(null, null, null, 'Khiển trách', 'Không', '0'),
    }),
    { minLength: UNITS.length, maxLength: UNITS.length },
  ),
  decor: decorArb,
});

function buildRegistry(raw: typeof registryArb extends fc.Arbitrary<infer T> ? T : never, name: string): SheetDesc {
  const withHead = raw.headHeader !== null;
  const withDiscipline = raw.disciplineHeader !== null;
  const headers: string[] = [raw.unitHeader, raw.typeHeader];
  if (raw.headHeader !== null) headers.push(raw.headHeader);
  if (raw.disciplineHeader !== null) headers.push(raw.disciplineHeader);
  const left = 0;
  const right = headers.length - 1;
  const grid = new Grid();
  const titleRows = placeTitles(grid, raw.titles, left, right);
  const headerRow = titleRows;
  headers.forEach((h, c) => grid.set(headerRow, c, text(h)));
  raw.units.forEach((u, i) => {
    const e = raw.extra[i]!;
    const row = headerRow + 1 + i;
    const values: Array<string | null> = [u, e.type];
    if (withHead) values.push(e.head);
    if (withDiscipline) values.push(e.discipline);
    values.forEach((v, c) => grid.set(row, c, v === null ? null : text(v)));
  });
  const dataBottom = headerRow + raw.units.length;
  return decorate('registry', name, grid, { headerRow, headerTop: headerRow, dataTop: headerRow + 1, dataBottom, left, right, titleRows, columnOf: {} }, raw.decor);
}

const violationsArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }).map((value): Scalar => ({ kind: 'number', value })) },
  { weight: 2, arbitrary: fc.constantFrom('2', '0', 'không', 'Không vi phạm', 'nhiều', '1.5').map(text) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: errorArb },
);

const inspectionArb = fc.record({
  titles: fc.array(titleRowArb, { maxLength: 2 }),
  dateHeader: fc.constantFrom('Ngày kiểm tra', 'Thời gian kiểm tra', 'NGAY KIEM TRA'),
  unitHeader: fc.constantFrom('Đơn vị được kiểm tra', 'Cơ quan được kiểm tra', 'Đơn vị'),
  violationsHeader: fc.constantFrom('Số vi phạm', 'Vi phạm', 'Số trường hợp vi phạm'),
  withForm: fc.boolean(),
  withHandling: fc.boolean(),
  rows: fc.array(
    fc.record({
      date: dateCellArb(1),
      unit: leadArb,
      violations: violationsArb,
      form: fc.constantFrom('Trực tiếp', 'Đột xuất', 'Theo kế hoạch'),
      handling: fc.constantFrom<string | null>(null, 'Nhắc nhở', 'Kiểm điểm'),
    }),
    { maxLength: 8 },
  ),
  decor: decorArb,
});

function buildInspection(raw: typeof inspectionArb extends fc.Arbitrary<infer T> ? T : never, name: string): SheetDesc {
  type Col = 'date' | 'unit' | 'form' | 'violations' | 'handling';
  const cols: Col[] = ['date', 'unit', ...(raw.withForm ? (['form'] as const) : []), 'violations', ...(raw.withHandling ? (['handling'] as const) : [])];
  const headerOf: Record<Col, string> = { date: raw.dateHeader, unit: raw.unitHeader, form: 'Hình thức kiểm tra', violations: raw.violationsHeader, handling: 'Hình thức xử lý' };
  const left = 0;
  const right = cols.length - 1;
  const grid = new Grid();
  const titleRows = placeTitles(grid, raw.titles, left, right);
  const headerRow = titleRows;
  cols.forEach((c, i) => grid.set(headerRow, i, text(headerOf[c])));
  raw.rows.forEach((r, k) => {
    const row = headerRow + 1 + k;
    cols.forEach((c, i) => {
      const v: CellDesc | null = c === 'date' ? r.date : c === 'unit' ? r.unit : c === 'violations' ? r.violations : c === 'form' ? text(r.form) : r.handling === null ? null : text(r.handling);
      grid.set(row, i, resolveFormula(v, row, {}));
    });
  });
  const dataBottom = headerRow + raw.rows.length;
  return decorate('inspection', name, grid, { headerRow, headerTop: headerRow, dataTop: headerRow + 1, dataBottom, left, right, titleRows, columnOf: {} }, raw.decor);
}

const otherCellArb: fc.Arbitrary<CellDesc | null> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom('Tổng số', 'Ghi chú', 'Quý I', 'Số liệu', 'Tháng', 'x', 'Kế hoạch năm').map(text) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }).map((value): Scalar => ({ kind: 'number', value })) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((value): Scalar => ({ kind: 'number', value: Object.is(value, -0) ? 0 : value })) },
  { weight: 1, arbitrary: realDateArb },
  { weight: 1, arbitrary: fc.boolean().map((value): Scalar => ({ kind: 'bool', value })) },
  { weight: 1, arbitrary: errorArb },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 500 }).map((value): CellDesc => ({ kind: 'formula', formula: 'SUM(B2:B5)', result: { kind: 'number', value }, share: null })) },
);

const otherArb = fc.record({
  rows: fc.array(fc.array(otherCellArb, { maxLength: 6 }), { maxLength: 10 }),
  merges: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
  decor: decorArb,
});

function buildOther(raw: typeof otherArb extends fc.Arbitrary<infer T> ? T : never, name: string): SheetDesc {
  const grid = new Grid();
  raw.rows.forEach((cells, r) => cells.forEach((v, c) => grid.set(r, c, v)));
  if (grid.height === 0) grid.set(0, 0, text('Ghi chú'));
  for (const m of raw.merges) {
    const top = m.row % grid.height;
    const leftCol = m.col % grid.width;
    grid.merge({ top, left: leftCol, bottom: Math.min(grid.height - 1, top + m.h - 1), right: leftCol + m.w - 1 });
  }
  const layout: Layout = { headerRow: -1, headerTop: -1, dataTop: 0, dataBottom: grid.height - 1, left: 0, right: grid.width - 1, titleRows: 0, columnOf: {} };
  return decorate('other', name, grid, layout, raw.decor);
}

// ---------------------------------------------------------------------------------------------
// Books

export const bookArb: fc.Arbitrary<BookDesc> = fc
  .record({
    tasks: fc.array(taskSheetArb, { minLength: 1, maxLength: 2 }),
    registry: fc.option(registryArb, { nil: null, freq: 2 }),
    inspection: fc.option(inspectionArb, { nil: null }),
    other: fc.option(otherArb, { nil: null }),
    taskNames: fc.shuffledSubarray([...TASK_NAMES], { minLength: 2, maxLength: 2 }),
    registryName: fc.constantFrom(...REGISTRY_NAMES),
    inspectionName: fc.constantFrom(...INSPECTION_NAMES),
    otherName: fc.constantFrom(...OTHER_NAMES),
    /** Sort keys: the sheets keep their usual order unless the keys say otherwise. */
    order: fc.array(fc.nat({ max: 4 }), { minLength: 5, maxLength: 5 }),
    apiVersion: fc.constantFrom('1.7' as const, '1.9' as const, '1.13' as const, '1.18' as const, '1.18' as const, '1.18' as const),
  })
  .map((raw): BookDesc => {
    const sheets: SheetDesc[] = raw.tasks.map((t, i) => buildTaskSheet(t, raw.taskNames[i]!));
    if (raw.registry) sheets.push(buildRegistry(raw.registry, raw.registryName));
    if (raw.inspection) sheets.push(buildInspection(raw.inspection, raw.inspectionName));
    if (raw.other) sheets.push(buildOther(raw.other, raw.otherName));
    const keyed = sheets.map((s, i) => ({ s, key: raw.order[i] ?? 0, i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    const ordered = keyed.map((k) => k.s);
    // Excel needs one visible sheet.
    if (ordered.every((s) => s.hidden)) ordered[0] = { ...ordered[0]!, hidden: false };
    return { sheets: ordered, apiVersion: raw.apiVersion };
  });
