/**
 * Issue 10, the .xlsx package layer (src/adapters/xlsx): why a file cannot be read, what an
 * annotated copy could not keep, and the name the add-in's notes are signed with. Vietnamese
 * first, English second.
 */
import type { Lang } from './messages';

/** Author of the add-in's notes, shown by Excel in the list of notes. */
export const NOTE_AUTHOR = 'Trách nhiệm (KQ kiểm tra)';

type Text = { readonly vi: string; readonly en: string };

/** One line each, for the command line (exit 2) and the browser's error bar. */
export const XLSX_ERRORS = {
  notZip: (f: string): Text => ({
    vi: `${f} bị hỏng hoặc không phải .xlsx hợp lệ (không đọc được danh mục của tệp nén: tệp có thể bị cắt cụt)`,
    en: `${f} is damaged or not a valid .xlsx (its zip directory cannot be read: the file may be cut short)`,
  }),
  duplicateEntry: (f: string, name: string): Text => ({
    vi: `${f} bị hỏng: tệp nén chứa hai mục cùng tên ${name}`,
    en: `${f} is damaged: the zip holds two entries named ${name}`,
  }),
  badEntryName: (f: string, name: string): Text => ({
    vi: `${f} bị hỏng: tệp nén chứa mục tên "${name}", không phần nào của sổ Excel có tên như vậy (có thể là tệp độc hại): không đọc`,
    en: `${f} is damaged: the zip holds an entry named "${name}", which no part of a workbook can have (the file may be hostile): not read`,
  }),
  tooManyEntries: (f: string, count: number, limit: number): Text => ({
    vi: `${f} có ${count} mục trong tệp nén, quá giới hạn ${limit} của một sổ Excel: không đọc`,
    en: `${f} holds ${count} zip entries, past the ${limit} a workbook can have: not read`,
  }),
  tooLarge: (f: string, part: string): Text => ({
    vi: `${f} quá lớn để đọc an toàn (phần ${part} bung ra vượt giới hạn): không đọc`,
    en: `${f} is too large to read safely (the part ${part} inflates past the limit): not read`,
  }),
  tooManyCells: (f: string, limit: number): Text => ({
    vi: `${f} có hơn ${limit.toLocaleString('vi-VN')} ô có giá trị, quá giới hạn đọc được: không đọc`,
    en: `${f} holds more than ${limit.toLocaleString('en-US')} cells with values, past what can be read: not read`,
  }),
  damagedPart: (f: string, part: string, detail: string): Text => ({
    vi: `${f} bị hỏng: không đọc được phần ${part} (${detail}); hãy mở bằng Excel, lưu lại rồi chạy lại`,
    en: `${f} is damaged: the part ${part} cannot be read (${detail}); open it in Excel, save it and run again`,
  }),
  dtd: (f: string, part: string): Text => ({
    vi: `${f} bị từ chối: phần ${part} có khai báo DTD (Excel không bao giờ ghi như vậy; có thể là tệp độc hại)`,
    en: `${f} is refused: the part ${part} has a DTD declaration (Excel never writes one; the file may be hostile)`,
  }),
  notUtf8: (f: string, part: string): Text => ({
    vi: `${f} bị hỏng: phần ${part} không phải văn bản UTF-8 hợp lệ; hãy mở bằng Excel, lưu lại rồi chạy lại`,
    en: `${f} is damaged: the part ${part} is not valid UTF-8 text; open it in Excel, save it and run again`,
  }),
  outsideGrid: (f: string, sheet: string, ref: string): Text => ({
    vi: `${f} bị hỏng: trang "${sheet}" có ô ${ref} nằm ngoài bảng tính của Excel (tối đa XFD1048576)`,
    en: `${f} is damaged: sheet "${sheet}" has a cell ${ref} outside Excel's grid (at most XFD1048576)`,
  }),
  sharedString: (f: string, sheet: string, cell: string, index: number, count: number): Text => ({
    vi: `${f} bị hỏng: ô ${cell} của trang "${sheet}" trỏ tới chuỗi dùng chung số ${index}, nhưng sổ chỉ có ${count} chuỗi`,
    en: `${f} is damaged: cell ${cell} of sheet "${sheet}" points to shared string ${index}, but the book has ${count}`,
  }),
  unsupportedMethod: (f: string, part: string, method: number): Text => ({
    vi: `${f} dùng kiểu nén ${method} cho phần ${part}, không đọc được; hãy mở bằng Excel, lưu lại rồi chạy lại`,
    en: `${f} compresses the part ${part} with method ${method}, which cannot be read; open it in Excel, save it and run again`,
  }),
  outKind: (out: string, ext: string): Text => ({
    vi: `--out phải có đuôi .${ext} như tệp INPUT (sổ có macro giữ macro dưới tên .xlsm), không phải ${out}`,
    en: `--out must end in .${ext} like INPUT (a book with macros keeps them under an .xlsm name), not ${out}`,
  }),
} as const;

/** What a part that a copy could not keep was, by its relationship type. */
const PART_KIND: Readonly<Record<string, Text>> = {
  image: { vi: 'một hình ảnh', en: 'an image' },
  drawing: { vi: 'một bản vẽ', en: 'a drawing' },
  chart: { vi: 'một biểu đồ', en: 'a chart' },
  comments: { vi: 'các ghi chú', en: 'notes' },
  threadedComment: { vi: 'các bình luận', en: 'threaded comments' },
  vmlDrawing: { vi: 'một bản vẽ VML', en: 'a VML drawing' },
  pivotTable: { vi: 'một PivotTable', en: 'a PivotTable' },
  table: { vi: 'một bảng', en: 'a table' },
};

/** A notice's `what` for a part of an old "KQ" sheet that its replacement drops. */
export function partKindText(kind: string, lang: Lang): string {
  const t = PART_KIND[kind] ?? { vi: `một phần (${kind})`, en: `a part (${kind})` };
  return t[lang];
}
