/**
 * Several books (SPEC 1.3 §7, issue 13): a province's communes side by side, or one office's books
 * read together. The summary sheet of "KQ tổng hợp.xlsx", the command line's comparison table,
 * progress and messages. Vietnamese first, English second.
 */
import { formatCount, formatDecimal } from './format';
import type { Lang } from './messages';

type Text = { readonly vi: string; readonly en: string };

const vi = {
  // ---- the summary sheet (separately) and the book column of the combined findings sheet (together)
  summaryTitle: 'TỔNG HỢP KẾT QUẢ KIỂM TRA CÁC SỔ THEO DÕI NHIỆM VỤ',
  summarySubtitle: (books: number, asOf: string | null) =>
    `${books} sổ, mỗi sổ được kiểm tra riêng; ` + (asOf === null ? 'mỗi sổ tính đến ngày đã lưu trong sổ' : `tính đến ngày ${asOf}`),
  book: 'Sổ theo dõi',
  tasks: 'Nhiệm vụ',
  due: 'Đến hạn',
  doneOnTime: 'Đúng hạn',
  doneLate: 'Hoàn thành trễ',
  openOverdue: 'Quá hạn chưa xong',
  lateShare: 'Tỷ lệ trễ hạn',
  errors: 'Lỗi',
  warnings: 'Cảnh báo',
  units: 'Đơn vị',
  lateShareChart: 'Tỷ lệ trễ hạn của các sổ',
  findingsBook: 'Sổ',
  // ---- the command line
  separatelyHeading: (read: number, given: number) => `Kiểm tra riêng từng sổ: đọc được ${read}/${given} sổ`,
  togetherHeading: (read: number, given: number) => `Kiểm tra chung các sổ như một sổ: đọc được ${read}/${given} sổ`,
  total: 'Cộng',
  togetherLabel: (books: number) => `${books} sổ đọc chung`,
  /** A share as a percentage with one decimal, written the Vietnamese way (27,3%). */
  percent: (share: number) => `${formatDecimal(share * 100, 'vi')}%`,
  progress: (done: number, of: number, file: string, tasks: number) => `[${done}/${of}] ${file}: ${formatCount(tasks, 'vi')} nhiệm vụ`,
  progressUnread: (done: number, of: number, file: string) => `[${done}/${of}] ${file}: không đọc được`,
  progressRead: (done: number, of: number, file: string, sheets: number) => `[${done}/${of}] ${file}: đã đọc ${sheets} trang tính`,
  wroteCopies: (count: number, folder: string) => `Đã ghi ${count} bản có đánh dấu vào thư mục ${folder}`,
  wroteSummary: (file: string) => `Đã ghi sổ tổng hợp: ${file}`,
};

type BooksText = typeof vi;

const en: BooksText = {
  summaryTitle: 'SUMMARY OF THE TRACKING BOOKS CHECKED',
  summarySubtitle: (books, asOf) => `${books} books, each checked on its own; ` + (asOf === null ? 'each as of the date saved in it' : `as of ${asOf}`),
  book: 'Tracking book',
  tasks: 'Tasks',
  due: 'Due',
  doneOnTime: 'On time',
  doneLate: 'Done late',
  openOverdue: 'Open overdue',
  lateShare: 'Late share',
  errors: 'Errors',
  warnings: 'Warnings',
  units: 'Units',
  lateShareChart: 'Late share by book',
  findingsBook: 'Book',
  separatelyHeading: (read, given) => `Each book on its own: ${read}/${given} books read`,
  togetherHeading: (read, given) => `The books together, as one book: ${read}/${given} books read`,
  total: 'Total',
  togetherLabel: (books) => `${books} books read as one`,
  percent: (share) => `${formatDecimal(share * 100, 'en')}%`,
  progress: (done, of, file, tasks) => `[${done}/${of}] ${file}: ${formatCount(tasks, 'en')} tasks`,
  progressUnread: (done, of, file) => `[${done}/${of}] ${file}: not read`,
  progressRead: (done, of, file, sheets) => `[${done}/${of}] ${file}: ${sheets} sheets read`,
  wroteCopies: (count, folder) => `${count} annotated copies written to the folder ${folder}`,
  wroteSummary: (file) => `Summary book written: ${file}`,
};

export function booksText(lang: Lang): BooksText {
  return lang === 'en' ? en : vi;
}

/** Errors of a several-books run that end it with exit code 2 (one line each). */
export const BOOKS_ERRORS = {
  bothModes: { vi: 'chỉ chọn một trong hai cách: --separately hoặc --together', en: 'choose one of --separately and --together' } as Text,
  emptyFolder: (folder: string): Text => ({
    vi: `thư mục ${folder} không có sổ .xlsx hay .xlsm nào`,
    en: `the folder ${folder} holds no .xlsx or .xlsm book`,
  }),
  sameName: (name: string, first: string, second: string): Text => ({
    vi: `hai tệp cùng tên ${name} (${first} và ${second}): báo cáo gọi mỗi sổ bằng tên tệp của nó, hãy đổi tên một tệp`,
    en: `two files are named ${name} (${first} and ${second}): the report names each book by its file name; rename one of them`,
  }),
  outIsFile: (out: string): Text => ({
    vi: `--out phải là một thư mục khi kiểm tra nhiều sổ, nhưng ${out} là một tệp`,
    en: `--out must be a folder when several books are checked, but ${out} is a file`,
  }),
  outOverwrites: (file: string): Text => ({
    vi: `--out sẽ ghi đè lên ${file} (tệp đầu vào hoặc một tệp khác của lần chạy này): hãy chọn thư mục khác`,
    en: `--out would overwrite ${file} (an input, or another file of this run): choose another folder`,
  }),
  /** Not an error of the run: that book's copy is not written, the others are. */
  copyKind: (file: string, kind: string): Text => ({
    vi: `${file} là sổ .${kind} mang tên khác đuôi: Excel sẽ không mở bản có đánh dấu mang tên này, nên bản của sổ này không được ghi; hãy đổi đuôi tệp thành .${kind} rồi chạy lại`,
    en: `${file} is an .${kind} book under another extension: Excel would not open an annotated copy of that name, so this book's copy is not written; rename the file to .${kind} and run again`,
  }),
  noneRead: (given: number): Text => ({
    vi: `không đọc được sổ nào trong ${given} sổ`,
    en: `none of the ${given} books could be read`,
  }),
} as const;

// ---- Several books in browser mode (issue 13): the summary first, then one book at a time, one archive to download.

const paneVi = {
  severalHint: 'Có thể chọn hoặc thả nhiều sổ cùng lúc: so sánh các sổ, hoặc xem chung như một sổ.',
  chosen: (count: number) => `Đã chọn ${count} sổ`,
  way: 'Cách kiểm tra',
  separately: 'Riêng từng sổ (mỗi sổ một đơn vị, so sánh các sổ)',
  together: 'Chung như một sổ (các sổ của một cơ quan, như bốn quý của một năm)',
  checking: (done: number, of: number) => `Đang kiểm tra: ${done}/${of} sổ`,
  comparison: 'So sánh các sổ',
  togetherSummary: (books: number, tasks: number, findings: number, units: number) =>
    `${books} sổ đọc chung: ${tasks} nhiệm vụ, ${findings} phát hiện, ${units} đơn vị tính chung các sổ`,
  unreadTitle: 'Các sổ không đọc được (đã bỏ qua)',
  noneRead: 'Không đọc được sổ nào trong các sổ đã chọn.',
  duplicate: (file: string) => `Có hai tệp cùng tên "${file}": kết quả gọi mỗi sổ bằng tên tệp, hãy đổi tên một tệp.`,
  showBook: 'Xem kết quả của sổ',
  bookFindings: (file: string) => `Phát hiện trong sổ ${file}`,
  bookUnits: (file: string) => `Đơn vị của sổ ${file}`,
  unitsTogether: 'Đơn vị (tính chung các sổ)',
  download: 'Tải tệp nén kết quả',
  archive: 'KQ các sổ.zip',
  archiveContains: (archive: string, copies: number) =>
    `"${archive}": ${copies} bản có đánh dấu, mỗi bản mang tên tệp gốc, và "KQ tổng hợp.xlsx". Hãy giải nén vào một thư mục: các liên kết giữa các sổ trỏ tới bản bên cạnh. Tệp gốc không bị sửa.`,
};

type BooksPaneText = typeof paneVi;

const paneEn: BooksPaneText = {
  severalHint: 'You can choose or drop several books at once: compare them, or read them together as one book.',
  chosen: (count) => `${count} books chosen`,
  way: 'How to check them',
  separately: 'Each on its own (one unit per book, compared side by side)',
  together: 'Together as one book (one office\'s books, such as the four quarters of a year)',
  checking: (done, of) => `Checking: ${done}/${of} books`,
  comparison: 'The books compared',
  togetherSummary: (books, tasks, findings, units) => `${books} books read together: ${tasks} tasks, ${findings} findings, ${units} units across the books`,
  unreadTitle: 'Books that could not be read (left out)',
  noneRead: 'None of the chosen books could be read.',
  duplicate: (file) => `Two files are named "${file}": the results name each book by its file name; rename one of them.`,
  showBook: 'Show the results of',
  bookFindings: (file) => `Findings in ${file}`,
  bookUnits: (file) => `Units of ${file}`,
  unitsTogether: 'Units (across the books)',
  download: 'Download the results archive',
  archive: 'KQ các sổ.zip',
  archiveContains: (archive, copies) =>
    `"${archive}": ${copies} annotated copies, each under its file's name, and "KQ tổng hợp.xlsx". Unzip it into one folder: links between the books open the copy beside. The original files are not changed.`,
};

export function booksPaneText(lang: Lang): BooksPaneText {
  return lang === 'en' ? paneEn : paneVi;
}
