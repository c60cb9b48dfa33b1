/**
 * Ribbon and Excel-host strings, Vietnamese first, English second: the manifest's labels and
 * tooltips (test/manifest checks that manifest.xml says exactly these), what a ribbon command tells
 * the user when it is done, and the host problems the Office.js adapter reports.
 */
import type { Lang } from './messages';

type RibbonCatalogue = {
  // manifest.xml (vi-VN overrides, English default)
  addinName: string;
  addinDescription: string;
  tabLabel: string;
  groupLabel: string;
  checkLabel: string;
  checkTip: string;
  scoreLabel: string;
  scoreTip: string;
  clearLabel: string;
  clearTip: string;
  paneLabel: string;
  paneTip: string;
  getStartedTitle: string;
  getStartedDescription: string;
  // outcomes of the ribbon commands
  titleDone: () => string;
  titleFailed: () => string;
  close: () => string;
  checkDone: (findings: number, errors: number, warnings: number) => string;
  checkCounts: (overdue: number, unassigned: number) => string;
  checkSheets: (task: number, inspection: number, registry: number) => string;
  nothingRecognised: () => string;
  scoreDone: (units: number) => string;
  scoreWhere: (scoresSheet: string, findingsSheet: string) => string;
  clearDone: () => string;
  settingsIgnored: (reason: string) => string;
  // host problems (HostError messages): nothing was written
  protectedSheet: (sheet: string) => string;
  protectedWorkbook: () => string;
  readOnly: () => string;
  cellEditMode: () => string;
  settingsTooLong: (chars: number) => string;
  hostFailed: (detail: string) => string;
  // faults in Excel during a run (docs/office-faults.md): what state the workbook was left in
  faultBefore: (code: string) => string;
  faultAfter: (code: string) => string;
  faultUnknown: (code: string) => string;
  payloadTooLarge: () => string;
  sheetVanished: (sheet: string) => string;
  notesUnavailable: (cells: number) => string;
  notKept: (what: string, part: string) => string;
  // issue 8, real Excel: the host's rules (focus, ribbon time limit) and Office.js loading
  focusLost: () => string;
  tooBigForRibbon: (seconds: number) => string;
  officeJsUnavailable: () => string;
  connecting: () => string;
  unsupportedHost: (minimum: string) => string;
  unsupportedEngine: () => string;
};

const vi: RibbonCatalogue = {
  addinName: 'Kiểm tra trách nhiệm',
  addinDescription: 'Kiểm tra sổ theo dõi nhiệm vụ và kiểm tra công vụ, đánh dấu việc quá hạn, chưa có đơn vị chủ trì, và chấm điểm đơn vị.',
  tabLabel: 'Trách nhiệm',
  groupLabel: 'Kiểm tra và đánh giá',
  checkLabel: 'Kiểm tra và đánh dấu',
  checkTip: 'Đọc các trang theo dõi nhiệm vụ, kiểm tra công vụ và danh mục đơn vị; tô màu nhiệm vụ quá hạn, nhiệm vụ chưa có đơn vị chủ trì và các ô có vấn đề.',
  scoreLabel: 'Chấm điểm đơn vị',
  scoreTip: 'Tính điểm và mức xếp loại đề xuất của từng đơn vị; ghi vào hai trang KQ Đánh giá và KQ Kiểm tra.',
  clearLabel: 'Xóa đánh dấu',
  clearTip: 'Gỡ mọi định dạng và ghi chú do công cụ thêm vào; dữ liệu và định dạng của bạn giữ nguyên.',
  paneLabel: 'Mở ngăn tác vụ',
  paneTip: 'Xem kết quả chi tiết, xác nhận cột, chọn ngày đánh giá và quy định áp dụng.',
  getStartedTitle: 'Kiểm tra trách nhiệm đã sẵn sàng',
  getStartedDescription: 'Mở thẻ Trách nhiệm trên dải băng, bấm Kiểm tra và đánh dấu.',
  titleDone: () => 'Kiểm tra trách nhiệm',
  titleFailed: () => 'Chưa thực hiện được',
  close: () => 'Đóng',
  checkDone: (n, e, w) => (n === 0 ? 'Không có phát hiện nào.' : `${n} phát hiện (${e} lỗi, ${w} cảnh báo); các ô có vấn đề đã được đánh dấu.`),
  checkCounts: (o, u) => `${o} nhiệm vụ quá hạn, ${u} nhiệm vụ chưa có đơn vị chủ trì.`,
  checkSheets: (t, i, r) => `Đã đọc ${t} trang nhiệm vụ, ${i} trang kiểm tra công vụ, ${r} trang danh mục đơn vị.`,
  nothingRecognised: () => 'Không thấy trang theo dõi nhiệm vụ, kiểm tra công vụ hay danh mục đơn vị nào. Mở ngăn tác vụ để chọn dòng tiêu đề và các cột.',
  scoreDone: (u) => `Đã chấm điểm ${u} đơn vị.`,
  scoreWhere: (s, f) => `Kết quả ở trang "${s}", các phát hiện ở trang "${f}".`,
  clearDone: () => 'Đã gỡ mọi đánh dấu của công cụ.',
  settingsIgnored: (r) => `Cấu hình đã lưu không dùng được, đã dùng mặc định (${r}).`,
  protectedSheet: (s) => `Trang "${s}" đang được bảo vệ. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang) rồi chạy lại. Chưa có gì được ghi.`,
  protectedWorkbook: () => 'Cấu trúc sổ làm việc đang được bảo vệ nên không thêm hay xóa được trang. Hãy bỏ bảo vệ sổ làm việc (Xem lại › Bảo vệ sổ làm việc) rồi chạy lại. Chưa có gì được ghi.',
  readOnly: () => 'Sổ làm việc đang mở ở chế độ chỉ đọc. Hãy mở để chỉnh sửa rồi chạy lại. Chưa có gì được ghi.',
  cellEditMode: () => 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi chạy lại. Chưa có gì được ghi.',
  settingsTooLong: (n) => `Cấu hình quá dài để lưu trong một ô (${n} ký tự, tối đa 32767).`,
  hostFailed: (d) => `Excel báo lỗi: ${d}`,
  faultBefore: (c) => `Excel báo lỗi giữa chừng (${c}) nên lệnh đã dừng. Sổ làm việc vẫn như trước khi chạy (phần ghi dở, nếu có, đã được gỡ bỏ). Hãy chạy lại.`,
  faultAfter: (c) => `Excel báo lỗi giữa chừng (${c}); công cụ đã ghi tiếp cho xong, sổ làm việc đã có đủ kết quả. Nếu muốn chắc chắn, hãy chạy lại.`,
  faultUnknown: (c) => `Excel báo lỗi giữa chừng (${c}) và công cụ không dọn lại được: sổ làm việc có thể còn đánh dấu ghi dở. Hãy chạy lại lệnh (lần chạy sau sẽ ghi lại đầy đủ), hoặc bấm Xóa đánh dấu.`,
  payloadTooLarge: () => 'Một phần của sổ làm việc quá lớn để Excel trao đổi trong một lần, kể cả khi đã chia nhỏ. Chưa có gì được ghi.',
  sheetVanished: (s) => `Trang "${s}" đã bị xóa hoặc đổi tên trong lúc công cụ đang chạy nên được bỏ qua; các trang khác đã được xử lý.`,
  notesUnavailable: (n) => `Phiên bản Excel này không ghi được ghi chú vào ô, nên ${n} ô có vấn đề chỉ được tô màu, không kèm lời giải thích; xem nội dung từng vấn đề ở trang KQ Kiểm tra.`,
  notKept: (what, part) => `Bản đã đánh dấu không giữ được ${what} (${part}); bản gốc vẫn nguyên vẹn.`,
  // issue 8, real Excel
  focusLost: () => 'Một sổ làm việc khác đã được chọn trong lúc công cụ đang chạy.',
  tooBigForRibbon: (s) =>
    `Sổ làm việc này quá lớn để chạy từ dải băng: riêng việc đọc đã mất ${s} giây, mà một lệnh trên dải băng chỉ được chạy tối đa 5 phút. Chưa có gì được ghi. Hãy mở ngăn tác vụ (Mở ngăn tác vụ) và bấm Kiểm tra: ở đó không có giới hạn thời gian.`,
  officeJsUnavailable: () =>
    'Không tải được thư viện Office.js của Microsoft nên chưa làm việc được với Excel. Hãy kiểm tra kết nối mạng (hoặc hỏi quản trị viên về bản Office.js nội bộ) rồi mở lại ngăn tác vụ.',
  connecting: () => 'Đang kết nối với Excel…',
  unsupportedHost: (m) => `Phiên bản Excel này quá cũ cho công cụ (cần ExcelApi ${m}: Excel 2021 trở lên, Microsoft 365, Excel trên web hoặc Excel cho Mac mới). Hãy cập nhật Office.`,
  unsupportedEngine: () =>
    'Excel đang hiển thị công cụ bằng một trình duyệt nhúng quá cũ (Internet Explorer hoặc Edge cũ) nên công cụ không chạy được. Cần Excel 2021 trở lên hoặc Microsoft 365 có Microsoft Edge WebView2.',
};

const en: RibbonCatalogue = {
  addinName: 'Responsibility check',
  addinDescription: 'Checks task-tracking and inspection workbooks, flags overdue and unassigned tasks, and scores units.',
  tabLabel: 'Responsibility',
  groupLabel: 'Check and score',
  checkLabel: 'Check and flag',
  checkTip: 'Reads the task, inspection and unit registry sheets; highlights overdue tasks, tasks without a lead unit and other problem cells.',
  scoreLabel: 'Score units',
  scoreTip: 'Scores each unit and suggests its evaluation level; writes the KQ Đánh giá and KQ Kiểm tra sheets.',
  clearLabel: 'Clear flags',
  clearTip: 'Removes every highlight and note the add-in added; your data and your own formatting stay as they are.',
  paneLabel: 'Open pane',
  paneTip: 'See detailed results, confirm the columns, choose the as-of date and the rules.',
  getStartedTitle: 'Responsibility check is ready',
  getStartedDescription: 'Open the Responsibility tab on the ribbon and click Check and flag.',
  titleDone: () => 'Responsibility check',
  titleFailed: () => 'Nothing was done',
  close: () => 'Close',
  checkDone: (n, e, w) => (n === 0 ? 'No findings.' : `${n} findings (${e} errors, ${w} warnings); the problem cells are flagged.`),
  checkCounts: (o, u) => `${o} tasks overdue, ${u} tasks without a lead unit.`,
  checkSheets: (t, i, r) => `Read ${t} task sheets, ${i} inspection sheets, ${r} unit registry sheets.`,
  nothingRecognised: () => 'No task, inspection or unit registry sheet was recognised. Open the pane to choose the header row and the columns.',
  scoreDone: (u) => `Scored ${u} units.`,
  scoreWhere: (s, f) => `Scores are on the sheet "${s}", findings on "${f}".`,
  clearDone: () => "Every flag the add-in added was removed.",
  settingsIgnored: (r) => `The saved settings could not be used; defaults were used instead (${r}).`,
  protectedSheet: (s) => `The sheet "${s}" is protected. Unprotect it (Review › Unprotect Sheet) and run again. Nothing was written.`,
  protectedWorkbook: () => 'The workbook structure is protected, so sheets cannot be added or removed. Unprotect it (Review › Protect Workbook) and run again. Nothing was written.',
  readOnly: () => 'The workbook is open read-only. Open it for editing and run again. Nothing was written.',
  cellEditMode: () => 'Excel is editing a cell. Press Enter or Esc to finish editing and run again. Nothing was written.',
  settingsTooLong: (n) => `The settings are too long to keep in one cell (${n} characters, at most 32767).`,
  hostFailed: (d) => `Excel reported an error: ${d}`,
  faultBefore: (c) => `Excel reported an error midway (${c}), so the command stopped. The workbook is as it was before (anything half-written was removed). Run the command again.`,
  faultAfter: (c) => `Excel reported an error midway (${c}); the add-in finished the writing and the workbook holds the complete results. Run the command again to be sure.`,
  faultUnknown: (c) => `Excel reported an error midway (${c}) and the add-in could not tidy up: the workbook may hold half-written flags. Run the command again (the next run writes everything afresh), or use Clear flags.`,
  payloadTooLarge: () => 'Part of the workbook is too large for Excel to exchange in one request, even split up. Nothing was written.',
  sheetVanished: (s) => `The sheet "${s}" was deleted or renamed while the add-in was running, so it was skipped; the other sheets were processed.`,
  notesUnavailable: (n) => `This version of Excel cannot write cell notes, so ${n} flagged cells are coloured without an explanation; the KQ Kiểm tra sheet lists every finding.`,
  notKept: (what, part) => `The annotated copy could not keep ${what} (${part}); the original file is untouched.`,
  // issue 8, real Excel
  focusLost: () => 'Another workbook took the focus while the add-in was running.',
  tooBigForRibbon: (s) =>
    `This workbook is too big for a ribbon command: reading it alone took ${s} seconds, and a ribbon command may run for 5 minutes at most. Nothing was written. Open the pane (Open pane) and press Check: it has no time limit.`,
  officeJsUnavailable: () =>
    "Microsoft's Office.js library could not be loaded, so the add-in cannot talk to Excel. Check the network connection (or ask the administrator for the local Office.js build) and open the pane again.",
  connecting: () => 'Connecting to Excel…',
  unsupportedHost: (m) => `This version of Excel is too old for the add-in (it needs ExcelApi ${m}: Excel 2021 or later, Microsoft 365, Excel on the web or a recent Excel for Mac). Please update Office.`,
  unsupportedEngine: () =>
    'Excel shows the add-in in an embedded browser that is too old (Internet Explorer or the old Edge), so the add-in cannot run. It needs Excel 2021 or later, or Microsoft 365, with Microsoft Edge WebView2.',
};

const CATALOGUES: Record<Lang, RibbonCatalogue> = { vi, en };

export function ribbonMessages(lang: Lang): RibbonCatalogue {
  return CATALOGUES[lang];
}

export type RibbonMessages = RibbonCatalogue;
