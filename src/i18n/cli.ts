/** Command-line strings, Vietnamese first, English second. */
import type { Lang } from './messages';

const vi = {
  usage: (ruleSets: readonly string[]) =>
    `Cách dùng: cli check INPUT.xlsx [--as-of YYYY-MM-DD] [--rules ${ruleSets.join('|')}] [--json REPORT.json] [--out ANNOTATED.xlsx] [--lang vi|en]\n` +
    `           cli check INPUT… | THƯ_MỤC [--separately | --together] [--json REPORT.json] [--out THƯ_MỤC_RA] …  (nhiều sổ: riêng từng sổ, hoặc chung như một sổ)`,
  book: (file: string, asOf: string, rules: string) => `Sổ theo dõi: ${file} — tính đến ${asOf}, quy định ${rules}`,
  sheet: (name: string, kind: string, headerRow: string, rows: string) => `  Trang "${name}": ${kind}, dòng tiêu đề ${headerRow}, ${rows} dòng dữ liệu`,
  ignored: (name: string, reason: string) => `  Bỏ qua "${name}": ${reason}`,
  units: 'Đơn vị',
  unitCols: ['Đơn vị', 'Đến hạn', 'Trễ', 'Vi phạm', 'Điểm', 'Mức đề xuất'],
  findings: 'Phát hiện theo quy tắc',
  findingCols: ['Quy tắc', 'Mức độ', 'Số lượng', 'Mã quy tắc'],
  total: (n: string, e: string, w: string) => `Tổng: ${n} phát hiện (${e} lỗi, ${w} cảnh báo)`,
  noFindings: 'Không có phát hiện nào.',
  noSheets: (file: string, seen: string) => `Không thấy trang nhiệm vụ, kiểm tra hay danh mục đơn vị trong ${file}. Đã xem: ${seen}`,
  noSheetAtAll: 'sổ không có trang tính nào',
  wroteJson: (f: string) => `Đã ghi báo cáo: ${f}`,
  wroteOut: (f: string) => `Đã ghi bản có đánh dấu: ${f}`,
};

type CliText = typeof vi;

const en: CliText = {
  usage: (ruleSets) =>
    `Usage: cli check INPUT.xlsx [--as-of YYYY-MM-DD] [--rules ${ruleSets.join('|')}] [--json REPORT.json] [--out ANNOTATED.xlsx] [--lang vi|en]\n` +
    `       cli check INPUT… | FOLDER [--separately | --together] [--json REPORT.json] [--out OUT_FOLDER] …  (several books: each on its own, or together as one)`,
  book: (file, asOf, rules) => `Tracking book: ${file} — as of ${asOf}, rules ${rules}`,
  sheet: (name, kind, headerRow, rows) => `  Sheet "${name}": ${kind}, header row ${headerRow}, ${rows} records`,
  ignored: (name, reason) => `  Ignored "${name}": ${reason}`,
  units: 'Units',
  unitCols: ['Unit', 'Due', 'Late', 'Violations', 'Score', 'Suggested level'],
  findings: 'Findings by rule',
  findingCols: ['Rule', 'Severity', 'Count', 'Rule code'],
  total: (n, e, w) => `Total: ${n} findings (${e} errors, ${w} warnings)`,
  noFindings: 'No findings.',
  noSheets: (file, seen) => `No task, inspection or unit registry sheet in ${file}. Seen: ${seen}`,
  noSheetAtAll: 'the workbook has no worksheet',
  wroteJson: (f) => `Report written: ${f}`,
  wroteOut: (f) => `Annotated copy written: ${f}`,
};

export function cliText(lang: Lang): CliText {
  return lang === 'en' ? en : vi;
}

/** Errors that end the run with exit code 2, in both languages (the CLI prints one line). */
export const CLI_ERRORS = {
  missingInput: { vi: 'thiếu tệp INPUT.xlsx', en: 'missing INPUT.xlsx' },
  unknownCommand: (c: string) => ({ vi: `lệnh không rõ "${c}" (chỉ có "check")`, en: `unknown command "${c}" (only "check")` }),
  unknownOption: (o: string) => ({ vi: `tùy chọn không rõ ${o}`, en: `unknown option ${o}` }),
  missingValue: (o: string) => ({ vi: `tùy chọn ${o} cần một giá trị`, en: `option ${o} needs a value` }),
  badAsOf: (v: string) => ({ vi: `--as-of phải là ngày YYYY-MM-DD có thật, không phải "${v}"`, en: `--as-of must be a real YYYY-MM-DD date, not "${v}"` }),
  badRules: (v: string, ruleSets: readonly string[]) => ({
    vi: `--rules phải là một trong ${ruleSets.join(', ')}, không phải "${v}"`,
    en: `--rules must be one of ${ruleSets.join(', ')}, not "${v}"`,
  }),
  badLang: (v: string) => ({ vi: `--lang phải là vi hoặc en, không phải "${v}"`, en: `--lang must be vi or en, not "${v}"` }),
  notFound: (f: string) => ({ vi: `không tìm thấy tệp ${f}`, en: `file not found: ${f}` }),
  notAFile: (f: string) => ({ vi: `${f} không phải là tệp`, en: `${f} is not a file` }),
  unreadable: (f: string, why: string) => ({ vi: `không đọc được ${f}: ${why}`, en: `cannot read ${f}: ${why}` }),
  encrypted: (f: string) => ({
    vi: `${f} được đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu rồi chạy lại`,
    en: `${f} is password-protected: open it in Excel, remove the password and run again`,
  }),
  notXlsx: (f: string) => ({ vi: `${f} không phải tệp Excel .xlsx`, en: `${f} is not an Excel .xlsx file` }),
  emptyFile: (f: string) => ({ vi: `${f} là tệp rỗng (0 byte)`, en: `${f} is empty (0 bytes)` }),
  legacyXls: (f: string) => ({
    vi: `${f} là sổ Excel 97-2003 (.xls): hãy mở bằng Excel, lưu thành .xlsx rồi chạy lại`,
    en: `${f} is an Excel 97-2003 workbook (.xls): open it in Excel, save it as .xlsx and run again`,
  }),
  zipNotXlsx: (f: string) => ({
    vi: `${f} là tệp nén zip nhưng không phải sổ Excel .xlsx (không có xl/workbook.xml)`,
    en: `${f} is a zip archive but not an Excel .xlsx workbook (no xl/workbook.xml)`,
  }),
  missingPart: (f: string, part: string) => ({
    vi: `${f} bị hỏng: thiếu phần ${part}; hãy mở bằng Excel, lưu lại rồi chạy lại`,
    en: `${f} is damaged: the part ${part} is missing; open it in Excel, save it and run again`,
  }),
  unreadableSheet: (f: string, sheet: string, part: string) => ({
    vi: `${f} bị hỏng: không đọc được trang "${sheet}" (phần ${part} bị thiếu hoặc hỏng); hãy mở bằng Excel, lưu lại rồi chạy lại`,
    en: `${f} is damaged: sheet "${sheet}" cannot be read (its part ${part} is missing or damaged); open it in Excel, save it and run again`,
  }),
  corrupt: (f: string, why: string) => ({ vi: `${f} bị hỏng hoặc không phải .xlsx hợp lệ (${why})`, en: `${f} is damaged or not a valid .xlsx (${why})` }),
  sameAsInput: { vi: '--out không được trùng với tệp INPUT (tệp gốc không bao giờ bị ghi)', en: '--out must differ from INPUT (the input is never written)' },
  cannotWrite: (f: string, why: string) => ({ vi: `không ghi được ${f}: ${why}`, en: `cannot write ${f}: ${why}` }),
} as const;
