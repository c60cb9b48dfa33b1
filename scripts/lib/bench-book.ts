/**
 * Large task books for `npm run bench`: a registry of 40 units and one task sheet of N rows laid out
 * like the example (letterhead, merged title, two-row header, section rows, footer), with realistic
 * cells: text, real dates and some dates typed as text, a few planted problems. Written with
 * ExcelJS's streaming writer and shared strings, as Excel writes them. Deterministic (seeded).
 */
import ExcelJS from 'exceljs';
import { Prng } from './prng';
import { day, jsDate, TEXT_DATE_FORMS, textDate } from './vn-dates';

export const BENCH_AS_OF = '2026-11-26';
const AS_OF = day(2026, 11, 26);

/** ~40 units of a large commune or a provincial department. */
export const BENCH_UNITS: readonly [name: string, type: string][] = [
  ['Văn phòng HĐND và UBND', 'Cơ quan chuyên môn'],
  ['Phòng Kinh tế', 'Cơ quan chuyên môn'],
  ['Phòng Văn hóa - Xã hội', 'Cơ quan chuyên môn'],
  ['Phòng Nội vụ', 'Cơ quan chuyên môn'],
  ['Phòng Tài chính - Kế hoạch', 'Cơ quan chuyên môn'],
  ['Phòng Tài nguyên và Môi trường', 'Cơ quan chuyên môn'],
  ['Phòng Tư pháp', 'Cơ quan chuyên môn'],
  ['Thanh tra xã', 'Cơ quan chuyên môn'],
  ['Trung tâm Phục vụ hành chính công', 'Đơn vị sự nghiệp'],
  ['Trung tâm Dịch vụ tổng hợp', 'Đơn vị sự nghiệp'],
  ['Trạm Y tế xã Tháp Mười', 'Đơn vị sự nghiệp'],
  ['Trạm Y tế xã Mỹ Hòa', 'Đơn vị sự nghiệp'],
  ['Trung tâm Văn hóa - Thể thao', 'Đơn vị sự nghiệp'],
  ['Ban Quản lý chợ Mỹ An', 'Đơn vị sự nghiệp'],
  ['Trường Mầm non Tháp Mười', 'Trường học'],
  ['Trường Mầm non Mỹ Hòa', 'Trường học'],
  ['Trường Tiểu học Mỹ An', 'Trường học'],
  ['Trường Tiểu học Mỹ Hòa', 'Trường học'],
  ['Trường Tiểu học Thạnh Lợi', 'Trường học'],
  ['Trường THCS Tháp Mười', 'Trường học'],
  ['Trường THCS Mỹ Hòa', 'Trường học'],
  ['Khóm 1', 'Ấp, khóm'],
  ['Khóm 2', 'Ấp, khóm'],
  ['Khóm 3', 'Ấp, khóm'],
  ['Khóm 4', 'Ấp, khóm'],
  ['Khóm 5', 'Ấp, khóm'],
  ['Ấp Mỹ Hòa', 'Ấp, khóm'],
  ['Ấp Mỹ Thạnh', 'Ấp, khóm'],
  ['Ấp Mỹ Phú', 'Ấp, khóm'],
  ['Ấp Bắc Đông', 'Ấp, khóm'],
  ['Ấp Thạnh Lợi', 'Ấp, khóm'],
  ['Ấp Hưng Thạnh', 'Ấp, khóm'],
  ['Ấp Tân Phát', 'Ấp, khóm'],
  ['Ấp Đốc Binh Kiều', 'Ấp, khóm'],
  ['Ấp Trường Xuân', 'Ấp, khóm'],
  ['Ấp Phú Điền', 'Ấp, khóm'],
  ['Ấp Láng Biển', 'Ấp, khóm'],
  ['Ấp Gò Tháp', 'Ấp, khóm'],
  ['Ban Chỉ huy Quân sự xã', 'Lực lượng vũ trang'],
  ['Hợp tác xã Nông nghiệp Mỹ An', 'Tổ chức kinh tế'],
];

const MISSPELT = ['Trung tâm Phục vụ hành chánh công', 'Phòng Tài chánh - Kế hoạch', 'Trạm Y tế xã Tháp Mừoi', 'Hội Nông dân xã'];

const TOPICS = [
  'Báo cáo tình hình kinh tế - xã hội',
  'Rà soát hộ nghèo, hộ cận nghèo',
  'Kiểm tra an toàn thực phẩm',
  'Triển khai phòng, chống sốt xuất huyết',
  'Cập nhật dữ liệu dân cư phục vụ Đề án 06',
  'Giải quyết hồ sơ thủ tục hành chính',
  'Kiểm tra trật tự xây dựng',
  'Vận động tham gia bảo hiểm y tế',
  'Tổ chức tiêm chủng mở rộng',
  'Báo cáo tiến độ giải ngân vốn đầu tư công',
  'Rà soát đê bao, cống phục vụ phòng, chống lũ',
  'Hòa giải tranh chấp đất đai',
  'Thống kê diện tích lúa xuống giống',
  'Kiểm tra hoạt động kinh doanh karaoke, internet',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Tuyên truyền phòng, chống ma túy',
  'Lập danh sách công dân gọi nhập ngũ',
  'Thu gom, xử lý rác thải khu dân cư',
  'Khảo sát mức độ hài lòng của người dân',
  'Chi trả trợ cấp xã hội',
];

const DOC_KINDS = ['KH-UBND', 'UBND-VP', 'UBND-KT', 'UBND-VHXH', 'TB-UBND', 'QĐ-UBND'];
const STATUS_DONE = ['Đã hoàn thành', 'Hoàn thành', 'Hoàn thành (trễ hạn)'];
const STATUS_OPEN = ['Đang thực hiện', 'Chưa hoàn thành', 'Chưa đến hạn'];
const LEADERS = ['CT Nguyễn Thanh Hải', 'PCT Lê Văn Tư', 'PCT Trần Thị Mỹ Linh'];
const SECTION_LABELS = ['I. KHỐI CƠ QUAN CHUYÊN MÔN', 'II. ĐƠN VỊ SỰ NGHIỆP', 'III. CÁC TRƯỜNG HỌC', 'IV. ẤP, KHÓM', 'V. CÁC TỔ CHỨC KHÁC'];
const DATE_FORMAT = 'dd/mm/yyyy';

export interface BenchBookInfo {
  readonly file: string;
  readonly taskRows: number;
}

/** Write a bench book with `rows` task records to `file`. */
export async function writeBenchBook(file: string, rows: number, seed = 0x5eed): Promise<BenchBookInfo> {
  const rng = new Prng(seed ^ rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = 'bench';
  wb.created = new Date(Date.UTC(2026, 10, 26));
  wb.modified = wb.created;

  const reg = wb.addWorksheet('Danh mục đơn vị');
  reg.addRow(['DANH MỤC CƠ QUAN, ĐƠN VỊ']).commit();
  reg.addRow([]).commit();
  reg.addRow(['STT', 'Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu', 'Kỷ luật']).commit();
  BENCH_UNITS.forEach(([name, type], i) => reg.addRow([i + 1, name, type, `Trưởng đơn vị ${i + 1}`, i === 23 ? 'Khiển trách' : 'Không']).commit());
  reg.commit();

  const ws = wb.addWorksheet('Theo dõi nhiệm vụ');
  [6, 15, 50, 26, 26, 20, 12, 12, 13, 17, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  /** Rows are written by number (merges need their cells to exist before the row is committed). */
  const put = (n: number, values: ExcelJS.CellValue[]): ExcelJS.Row => {
    const row = ws.getRow(n);
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) row.getCell(i + 1).value = v;
    });
    return row;
  };
  put(1, ['ỦY BAN NHÂN DÂN', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.mergeCells('A1:D1');
  ws.mergeCells('F1:K1');
  put(2, ['XÃ THÁP MƯỜI', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc']);
  ws.mergeCells('A2:D2');
  ws.mergeCells('F2:K2');
  put(4, ['SỔ THEO DÕI NHIỆM VỤ NĂM 2026']);
  ws.mergeCells('A4:K4');
  put(6, ['STT', 'Số, ký hiệu văn bản', 'Trích yếu nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Lãnh đạo phụ trách', 'Thời gian', null, 'Ngày hoàn thành', 'Tình trạng', 'Ghi chú']);
  put(7, [null, null, null, null, null, null, 'Ngày giao', 'Thời hạn']);
  for (const c of ['A', 'B', 'C', 'D', 'E', 'F', 'I', 'J', 'K']) ws.mergeCells(`${c}6:${c}7`);
  ws.mergeCells('G6:H6');
  for (let n = 1; n <= 7; n++) ws.getRow(n).commit();

  let r = 8;
  let textDates = 0;
  const sectionEvery = Math.ceil(rows / SECTION_LABELS.length);
  const counters = new Map<string, number>();
  const dateCell = (row: ExcelJS.Row, col: number, d: number | null) => {
    if (d === null) return;
    const cell = row.getCell(col);
    if (rng.chance(0.1)) cell.value = textDate(d, TEXT_DATE_FORMS[textDates++ % TEXT_DATE_FORMS.length]!);
    else {
      cell.value = jsDate(d);
      cell.numFmt = DATE_FORMAT;
    }
  };
  for (let i = 0; i < rows; i++) {
    if (i % sectionEvery === 0) {
      put(r, [SECTION_LABELS[Math.floor(i / sectionEvery)]!]);
      ws.mergeCells(r, 1, r, 11);
      ws.getRow(r).commit();
      r++;
    }
    const unit = BENCH_UNITS[rng.int(0, BENCH_UNITS.length - 1)]![0];
    const p = rng.next();
    const lead = p < 0.01 ? null : p < 0.02 ? `${unit}; ${BENCH_UNITS[rng.int(0, 7)]![0]}` : p < 0.03 ? rng.pick(MISSPELT) : unit;
    const co = rng.chance(0.3) ? BENCH_UNITS[rng.int(0, BENCH_UNITS.length - 1)]![0] : null;
    // As an office's book looks at the end of November: most tasks done, mostly on time; the open ones
    // mostly recent; a few late, overdue, without a deadline or with "Thường xuyên".
    const done = rng.chance(0.75);
    const recentOpen = !done && rng.chance(0.6);
    const assigned = recentOpen ? AS_OF - rng.int(1, 40) : day(2026, 1, 5) + rng.int(0, 300);
    const duration = rng.pick([7, 10, 15, 20, 30, 45]);
    const deadline = rng.chance(0.02) ? null : recentOpen ? Math.max(assigned + duration, AS_OF + rng.int(0, 30)) : assigned + duration;
    const completed = !done ? null : deadline !== null && rng.chance(0.12) ? Math.min(AS_OF, deadline + rng.int(1, 20)) : assigned + rng.int(0, duration);
    const kind = rng.pick(DOC_KINDS);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const row = put(r, [
      i + 1,
      `${n}/${kind}`,
      `${rng.pick(TOPICS)} - ${unit} (lượt ${1 + (i % 97)})`,
      lead,
      co,
      rng.pick(LEADERS),
      null,
      null,
      null,
      rng.chance(0.01) ? rng.pick([...STATUS_DONE, ...STATUS_OPEN]) : done ? rng.pick(STATUS_DONE) : rng.pick(STATUS_OPEN),
      rng.chance(0.05) ? 'Đã nhắc nhở' : null,
    ]);
    dateCell(row, 7, assigned);
    if (deadline !== null && rng.chance(0.002)) row.getCell(8).value = 'Thường xuyên';
    else dateCell(row, 8, deadline);
    dateCell(row, 9, completed);
    row.commit();
    r++;
  }
  put(r + 1, [null, null, 'Người lập biểu', null, null, null, null, null, null, 'TM. ỦY BAN NHÂN DÂN']).commit();
  put(r + 2, [null, null, null, null, null, null, null, null, null, 'CHỦ TỊCH']).commit();
  ws.commit();
  await wb.commit();
  return { file, taskRows: rows };
}
