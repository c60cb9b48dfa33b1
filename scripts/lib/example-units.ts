/**
 * The example book's people and units: a commune People's Committee after the 2025 reform
 * (UBND xã Tháp Mười, tỉnh Đồng Tháp), its specialised offices, public-service units, schools,
 * hamlets (ấp) and town quarters (khóm), and the task contents each of them typically receives.
 */

export type SectionId = 'I' | 'II' | 'III' | 'IV' | 'V';

export const SECTIONS: readonly { id: SectionId; label: string; registryLabel: string }[] = [
  { id: 'I', label: 'I. KHỐI CƠ QUAN CHUYÊN MÔN', registryLabel: 'I. CƠ QUAN CHUYÊN MÔN' },
  { id: 'II', label: 'II. ĐƠN VỊ SỰ NGHIỆP', registryLabel: 'II. ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP' },
  { id: 'III', label: 'III. CÁC TRƯỜNG HỌC', registryLabel: 'III. TRƯỜNG HỌC' },
  { id: 'IV', label: 'IV. ẤP, KHÓM', registryLabel: 'IV. ẤP, KHÓM' },
  { id: 'V', label: 'V. LỰC LƯỢNG VŨ TRANG', registryLabel: 'V. LỰC LƯỢNG VŨ TRANG' },
];

export const COMMUNE = {
  agencyUpper: 'ỦY BAN NHÂN DÂN',
  agencyLower: 'XÃ THÁP MƯỜI',
  place: 'Tháp Mười',
  chairman: 'Nguyễn Thanh Hải',
  clerk: 'Trần Thị Kim Ngân',
};

/** Leaders who follow tasks up ("Lãnh đạo phụ trách"). */
export const LEADERS = {
  chair: 'CT Nguyễn Thanh Hải',
  economy: 'PCT Lê Văn Tư',
  social: 'PCT Trần Thị Mỹ Linh',
} as const;
export type LeaderId = keyof typeof LEADERS;

/**
 * How the leader column writes each leader: with one title or another, or "Đ/c" (SPEC 1.3: the title
 * is dropped, so every form names the same person). Rotated row by row.
 */
export const LEADER_FORMS: Readonly<Record<LeaderId, readonly string[]>> = {
  chair: ['CT Nguyễn Thanh Hải', 'Chủ tịch Nguyễn Thanh Hải', 'Đ/c Nguyễn Thanh Hải'],
  economy: ['PCT Lê Văn Tư', 'Phó Chủ tịch Lê Văn Tư'],
  social: ['PCT Trần Thị Mỹ Linh', 'Đ/c Trần Thị Mỹ Linh'],
};

/** A position, not a person: it keeps its title (SPEC 1.3). */
export const CHAIR_POSITION = 'Chủ tịch UBND xã';

/** Officers of the commune who handle tasks ("Cán bộ thụ lý"), each following a group of units. */
export const OFFICERS = {
  office: 'Phạm Thị Hồng',
  economy: 'Huỳnh Văn Nam',
  social: 'Lê Thị Thu',
  schools: 'Trần Minh Nhựt',
  hamlets: 'Võ Văn Bé',
} as const;
export type OfficerId = keyof typeof OFFICERS;

/** Titles the officer column writes before a name, rotated row by row ("" for none). */
export const OFFICER_TITLES: readonly string[] = ['CV ', 'Đ/c ', '', 'Cán bộ '];

/** Office codes in the number of a dispatch ("235/UBND-KT"). */
export type Desk = 'VP' | 'KT' | 'VHXH';

export type UnitId =
  | 'VP'
  | 'PKT'
  | 'PVHXH'
  | 'TTPVHCC'
  | 'TTDVTH'
  | 'TYT'
  | 'MN'
  | 'TH'
  | 'THCS'
  | 'K1'
  | 'K2'
  | 'K3'
  | 'AMH'
  | 'AMT'
  | 'BCHQS';

export interface UnitDef {
  readonly id: UnitId;
  readonly name: string;
  readonly type: string;
  readonly head: string;
  readonly title: string;
  /** The registry's "Kỷ luật" cell: null (left empty), "Không", or the decision. */
  readonly discipline: string | null;
  readonly section: SectionId;
  readonly leader: LeaderId;
  readonly desk: Desk;
  /** Units that usually cooperate on its tasks. */
  readonly partners: readonly UnitId[];
  readonly pool: readonly Content[];
}

/** A task content: text (may hold {m} month and {q} quarter of the assigned date), document type, assigned-month window. */
export type Content = readonly [text: string, doc: DocType, months?: readonly [number, number]];
export type DocType = 'KH' | 'CV' | 'TB' | 'QĐ';

const HAMLET_POOL: readonly Content[] = [
  ['Ra quân vệ sinh môi trường, diệt lăng quăng phòng, chống sốt xuất huyết', 'CV'],
  ['Vận động người dân tham gia bảo hiểm y tế hộ gia đình năm 2026', 'CV'],
  ['Rà soát hộ dân có nguy cơ sạt lở bờ kênh', 'CV', [6, 10]],
  ['Lập danh sách nam công dân trong độ tuổi gọi nhập ngũ năm 2027', 'CV', [8, 11]],
  ['Hòa giải tranh chấp ranh đất trong khu dân cư', 'CV'],
  ['Vận động đóng góp Quỹ Vì người nghèo năm 2026', 'KH', [9, 11]],
  ['Niêm yết danh sách cử tri tại khu vực bỏ phiếu', 'CV', [1, 3]],
  ['Xây dựng tuyến đường hoa, đường sáng - xanh - sạch - đẹp', 'KH'],
  ['Lắp đặt camera an ninh tại các tuyến đường chính của khu dân cư', 'KH'],
  ['Rà soát, cập nhật thông tin dân cư phục vụ cấp căn cước', 'CV'],
  ['Tổ chức họp dân lấy ý kiến về đồ án quy hoạch chung xã', 'CV', [4, 9]],
  ['Vận động hộ dân hiến đất mở rộng đường giao thông nông thôn', 'CV'],
  ['Tổng hợp hộ thiếu nước sinh hoạt mùa khô', 'CV', [2, 5]],
  ['Tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại khu dân cư', 'KH', [10, 11]],
  ['Thống kê hộ kinh doanh cá thể trong khu dân cư', 'CV'],
  ['Rà soát người có công, thân nhân liệt sĩ cần hỗ trợ nhà ở', 'CV'],
  ['Báo cáo tình hình an ninh trật tự khu dân cư tháng {m}', 'CV'],
];

export const UNITS: readonly UnitDef[] = [
  {
    id: 'VP',
    name: 'Văn phòng HĐND và UBND',
    type: 'Cơ quan chuyên môn',
    head: 'Nguyễn Thị Thu Trang',
    title: 'Chánh Văn phòng',
    discipline: 'Không',
    section: 'I',
    leader: 'chair',
    desk: 'VP',
    partners: ['PKT', 'PVHXH', 'TTPVHCC'],
    pool: [
      ['Xây dựng Chương trình công tác năm 2026 của UBND xã', 'KH', [1, 1]],
      ['Tham mưu ban hành Quy chế làm việc của UBND xã', 'QĐ', [1, 3]],
      ['Chuẩn bị điều kiện phục vụ bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031', 'KH', [1, 2]],
      ['Tổng hợp kết quả bầu cử, hoàn thiện hồ sơ gửi Ủy ban bầu cử', 'CV', [3, 3]],
      ['Chuẩn bị nội dung Kỳ họp thứ nhất HĐND xã nhiệm kỳ 2026 - 2031', 'KH', [3, 4]],
      ['Báo cáo tình hình kinh tế - xã hội tháng {m}/2026', 'CV'],
      ['Báo cáo kết quả thực hiện Công điện số 280/CĐ-TTg quý {q}/2026', 'CV'],
      ['Rà soát, cập nhật danh mục văn bản quy phạm pháp luật của xã', 'CV'],
      ['Triển khai sử dụng chữ ký số và văn bản điện tử liên thông', 'KH', [1, 6]],
      ['Tổ chức tiếp công dân định kỳ tháng {m}/2026', 'TB'],
      ['Báo cáo công tác cải cách hành chính quý {q}/2026', 'CV'],
      ['Tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp HĐND xã', 'CV', [5, 11]],
      ['Sơ kết 6 tháng vận hành chính quyền địa phương hai cấp', 'KH', [6, 7]],
      ['Xây dựng báo cáo tổng kết năm 2026, phương hướng nhiệm vụ năm 2027', 'KH', [10, 11]],
      ['Chuẩn bị nội dung Kỳ họp cuối năm 2026 của HĐND xã', 'KH', [10, 11]],
      ['Chỉnh lý, sắp xếp kho lưu trữ hồ sơ sau sắp xếp đơn vị hành chính', 'CV', [1, 9]],
      ['Cập nhật tiến độ thực hiện Đề án 06 tháng {m}/2026', 'CV'],
      ['Xây dựng Chương trình công tác năm 2027 của UBND xã', 'KH', [11, 11]],
      ['Thống kê cán bộ, công chức theo vị trí việc làm', 'CV', [2, 8]],
    ],
  },
  {
    id: 'PKT',
    name: 'Phòng Kinh tế',
    type: 'Cơ quan chuyên môn',
    head: 'Lê Minh Tâm',
    title: 'Trưởng phòng',
    discipline: 'Không',
    section: 'I',
    leader: 'economy',
    desk: 'KT',
    partners: ['TTDVTH', 'K1', 'AMH', 'VP'],
    pool: [
      ['Xây dựng kế hoạch sản xuất vụ Đông Xuân 2026 - 2027', 'KH', [9, 11]],
      ['Triển khai lịch thời vụ xuống giống vụ Hè Thu 2026', 'KH', [3, 4]],
      ['Kiểm tra, xử lý vi phạm trật tự xây dựng khu vực chợ Mỹ An', 'CV'],
      ['Rà soát, cập nhật biến động đất đai quý {q}/2026', 'CV'],
      ['Triển khai tiêm phòng cúm gia cầm, lở mồm long móng cho đàn gia súc', 'KH', [3, 5]],
      ['Thống kê diện tích lúa thiệt hại do mưa lũ', 'CV', [9, 11]],
      ['Báo cáo tiến độ giải ngân vốn đầu tư công tháng {m}/2026', 'CV'],
      ['Lập hồ sơ đề nghị công nhận xã đạt chuẩn nông thôn mới nâng cao', 'KH', [4, 9]],
      ['Rà soát đê bao, cống, trạm bơm phục vụ phòng, chống lũ năm 2026', 'KH', [6, 8]],
      ['Kiểm tra, ngăn chặn khai thác cát trái phép trên kênh Nguyễn Văn Tiếp', 'CV'],
      ['Xây dựng phương án phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026', 'KH', [2, 5]],
      ['Hướng dẫn hộ dân chuyển đổi cơ cấu cây trồng trên đất lúa', 'CV'],
      ['Thẩm định hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ', 'CV'],
      ['Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán Bính Ngọ 2026', 'KH', [1, 2]],
      ['Báo cáo tình hình thu ngân sách nhà nước tháng {m}/2026', 'CV'],
      ['Cập nhật cơ sở dữ liệu giá đất trên địa bàn xã', 'CV', [6, 11]],
      ['Xây dựng dự toán ngân sách xã năm 2027', 'KH', [10, 11]],
    ],
  },
  {
    id: 'PVHXH',
    name: 'Phòng Văn hóa - Xã hội',
    type: 'Cơ quan chuyên môn',
    head: 'Phạm Thị Ngọc Hân',
    title: 'Trưởng phòng',
    discipline: 'Không',
    section: 'I',
    leader: 'social',
    desk: 'VHXH',
    partners: ['TYT', 'K2', 'AMT', 'TH'],
    pool: [
      ['Rà soát hộ nghèo, hộ cận nghèo năm 2026', 'KH', [9, 11]],
      ['Thăm, tặng quà Tết Nguyên đán Bính Ngọ 2026 cho gia đình chính sách', 'KH', [1, 2]],
      ['Chi trả trợ cấp xã hội hằng tháng qua tài khoản tháng {m}/2026', 'CV'],
      ['Tổ chức kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2026)', 'KH', [6, 7]],
      ['Triển khai Tháng hành động vì trẻ em năm 2026', 'KH', [5, 6]],
      ['Kiểm tra hoạt động kinh doanh dịch vụ karaoke, internet', 'CV'],
      ['Xét duyệt hồ sơ hỗ trợ xóa nhà tạm, nhà dột nát', 'CV'],
      ['Vận động người dân tham gia bảo hiểm y tế hộ gia đình', 'CV'],
      ['Báo cáo công tác gia đình, phòng, chống bạo lực gia đình năm 2026', 'CV', [10, 11]],
      ['Lập danh sách đối tượng bảo trợ xã hội đề nghị hưởng trợ cấp', 'CV'],
      ['Tổ chức giải việt dã và các hoạt động thể thao mừng Xuân', 'KH', [1, 2]],
      ['Rà soát, giải quyết việc làm cho lao động nông thôn quý {q}/2026', 'CV'],
      ['Cập nhật dữ liệu người có công trên phần mềm quản lý', 'CV'],
      ['Kiểm tra hoạt động các nhóm trẻ độc lập tư thục', 'CV'],
      ['Tổng kết phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" năm 2026', 'KH', [10, 11]],
    ],
  },
  {
    id: 'TTPVHCC',
    name: 'Trung tâm Phục vụ hành chính công',
    type: 'Đơn vị sự nghiệp',
    head: 'Võ Thanh Phong',
    title: 'Giám đốc',
    discipline: null,
    section: 'II',
    leader: 'chair',
    desk: 'VP',
    partners: ['VP', 'PKT'],
    pool: [
      ['Niêm yết, công khai thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã', 'CV', [1, 3]],
      ['Báo cáo kết quả giải quyết hồ sơ thủ tục hành chính tháng {m}/2026', 'CV'],
      ['Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính quý {q}/2026', 'KH'],
      ['Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia', 'CV'],
      ['Khảo sát mức độ hài lòng của người dân, doanh nghiệp quý {q}/2026', 'KH'],
      ['Rà soát quy trình nội bộ giải quyết thủ tục hành chính', 'CV', [2, 6]],
      ['Tiếp nhận, luân chuyển hồ sơ cấp giấy chứng nhận quyền sử dụng đất', 'CV'],
      ['Đánh giá chất lượng cung cấp dịch vụ công trực tuyến năm 2026', 'KH', [10, 11]],
      ['Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính', 'KH', [3, 8]],
    ],
  },
  {
    id: 'TTDVTH',
    name: 'Trung tâm Dịch vụ tổng hợp',
    type: 'Đơn vị sự nghiệp',
    head: 'Huỳnh Văn Lợi',
    title: 'Giám đốc',
    discipline: 'Không',
    section: 'II',
    leader: 'economy',
    desk: 'KT',
    partners: ['PKT', 'K1', 'K3'],
    pool: [
      ['Tập huấn kỹ thuật canh tác lúa chất lượng cao, giảm phát thải', 'KH', [2, 10]],
      ['Cung ứng giống lúa xác nhận vụ Thu Đông 2026', 'CV', [6, 8]],
      ['Duy tu, sửa chữa hệ thống chiếu sáng công cộng', 'CV'],
      ['Thu gom, vận chuyển rác thải khu vực chợ và khu dân cư', 'CV'],
      ['Vận hành trạm bơm điện phục vụ tưới tiêu vụ Hè Thu', 'CV', [3, 6]],
      ['Chăm sóc cây xanh, công viên trung tâm xã', 'CV'],
      ['Báo cáo tình hình sâu bệnh trên lúa tháng {m}/2026', 'CV'],
      ['Hướng dẫn mô hình sinh kế mùa nước nổi', 'CV', [8, 10]],
    ],
  },
  {
    id: 'TYT',
    name: 'Trạm Y tế xã Tháp Mười',
    type: 'Đơn vị sự nghiệp',
    head: 'Đặng Thị Kim Loan',
    title: 'Trạm trưởng',
    discipline: 'Không',
    section: 'II',
    leader: 'social',
    desk: 'VHXH',
    partners: ['PVHXH', 'MN', 'K2'],
    pool: [
      ['Tổ chức tiêm chủng mở rộng tháng {m}/2026', 'KH'],
      ['Triển khai phòng, chống sốt xuất huyết mùa mưa năm 2026', 'KH', [4, 7]],
      ['Khám sức khỏe định kỳ cho người cao tuổi', 'KH'],
      ['Kiểm tra an toàn thực phẩm bếp ăn tập thể trường học', 'CV'],
      ['Cập nhật hồ sơ sức khỏe điện tử cho người dân', 'CV'],
      ['Tổ chức chiến dịch bổ sung vitamin A cho trẻ em', 'KH', [5, 6]],
      ['Báo cáo tình hình bệnh tay chân miệng tháng {m}/2026', 'CV'],
      ['Triển khai khám, chữa bệnh bảo hiểm y tế bằng thẻ căn cước', 'CV', [1, 6]],
      ['Phun hóa chất diệt muỗi tại các điểm có nguy cơ', 'CV'],
    ],
  },
  {
    id: 'MN',
    name: 'Trường Mầm non Tháp Mười',
    type: 'Trường học',
    head: 'Ngô Thị Bích Thủy',
    title: 'Hiệu trưởng',
    discipline: 'Không',
    section: 'III',
    leader: 'social',
    desk: 'VHXH',
    partners: ['TYT', 'PVHXH'],
    pool: [
      ['Tổ chức tuyển sinh năm học 2026 - 2027', 'KH', [5, 7]],
      ['Kiểm tra bếp ăn bán trú, nguồn gốc thực phẩm', 'CV'],
      ['Báo cáo tổng kết năm học 2025 - 2026', 'CV', [5, 6]],
      ['Sửa chữa phòng học, sân chơi trước năm học mới', 'KH', [6, 8]],
      ['Xây dựng kế hoạch phòng, chống tai nạn thương tích cho trẻ', 'KH'],
      ['Tổ chức khám sức khỏe định kỳ cho trẻ', 'CV'],
      ['Rà soát trẻ 5 tuổi ra lớp, phổ cập giáo dục mầm non', 'CV', [8, 10]],
    ],
  },
  {
    id: 'TH',
    name: 'Trường Tiểu học Mỹ An',
    type: 'Trường học',
    head: 'Trương Văn Hiếu',
    title: 'Hiệu trưởng',
    discipline: 'Không',
    section: 'III',
    leader: 'social',
    desk: 'VHXH',
    partners: ['PVHXH', 'TYT'],
    pool: [
      ['Tổ chức dạy bơi, phòng, chống đuối nước cho học sinh', 'KH', [4, 7]],
      ['Báo cáo kết quả học kỳ I năm học 2025 - 2026', 'CV', [1, 2]],
      ['Chuẩn bị sách giáo khoa, thiết bị dạy học năm học 2026 - 2027', 'KH', [6, 8]],
      ['Tổ chức Lễ khai giảng năm học 2026 - 2027', 'KH', [8, 9]],
      ['Rà soát học sinh có hoàn cảnh khó khăn, có nguy cơ bỏ học', 'CV'],
      ['Tự đánh giá kiểm định chất lượng giáo dục', 'KH', [2, 9]],
      ['Tổ chức Hội thi giáo viên dạy giỏi cấp trường', 'KH', [10, 11]],
      ['Báo cáo đội ngũ, trường lớp đầu năm học 2026 - 2027', 'CV', [9, 10]],
      ['Tổ chức Ngày hội đọc sách', 'KH', [3, 4]],
      ['Bàn giao học sinh về sinh hoạt hè tại ấp, khóm', 'CV', [5, 6]],
      ['Tổ chức hoạt động chào mừng Ngày Nhà giáo Việt Nam 20/11', 'KH', [10, 11]],
      ['Báo cáo công tác y tế trường học quý {q}/2026', 'CV'],
    ],
  },
  {
    id: 'THCS',
    name: 'Trường THCS Tháp Mười',
    type: 'Trường học',
    head: 'Lâm Quốc Bảo',
    title: 'Hiệu trưởng',
    discipline: 'Không',
    section: 'III',
    leader: 'social',
    desk: 'VHXH',
    partners: ['PVHXH'],
    pool: [
      ['Ôn tập cho học sinh lớp 9 chuẩn bị thi tuyển sinh vào lớp 10', 'KH', [2, 5]],
      ['Tư vấn phân luồng học sinh sau tốt nghiệp THCS', 'KH', [3, 6]],
      ['Tuyên truyền phòng, chống ma túy trong trường học', 'KH'],
      ['Báo cáo kết quả phổ cập giáo dục, xóa mù chữ năm 2026', 'CV', [9, 11]],
      ['Tổ chức Hội khỏe Phù Đổng cấp trường', 'KH', [10, 11]],
      ['Xét công nhận tốt nghiệp THCS năm học 2025 - 2026', 'QĐ', [5, 6]],
      ['Rà soát, sửa chữa nhà vệ sinh học sinh', 'CV'],
      ['Triển khai giáo dục kỹ năng số cho học sinh', 'KH'],
    ],
  },
  {
    id: 'K1',
    name: 'Khóm 1',
    type: 'Ấp, khóm',
    head: 'Nguyễn Văn Út',
    title: 'Trưởng khóm',
    discipline: 'Không',
    section: 'IV',
    leader: 'economy',
    desk: 'KT',
    partners: ['PKT', 'PVHXH'],
    pool: HAMLET_POOL,
  },
  {
    id: 'K2',
    name: 'Khóm 2',
    type: 'Ấp, khóm',
    head: 'Trần Văn Sáu',
    title: 'Trưởng khóm',
    discipline: 'Không',
    section: 'IV',
    leader: 'economy',
    desk: 'KT',
    partners: ['PKT', 'TYT'],
    pool: HAMLET_POOL,
  },
  {
    id: 'K3',
    name: 'Khóm 3',
    type: 'Ấp, khóm',
    head: 'Lê Thị Hồng',
    title: 'Trưởng khóm',
    discipline: 'Khiển trách (QĐ số 215/QĐ-UBND ngày 14/9/2026)',
    section: 'IV',
    leader: 'economy',
    desk: 'KT',
    partners: ['PKT', 'TTDVTH'],
    pool: HAMLET_POOL,
  },
  {
    id: 'AMH',
    name: 'Ấp Mỹ Hòa',
    type: 'Ấp, khóm',
    head: 'Đỗ Văn Tám',
    title: 'Trưởng ấp',
    discipline: null,
    section: 'IV',
    leader: 'economy',
    desk: 'KT',
    partners: ['PKT', 'TTDVTH'],
    pool: HAMLET_POOL,
  },
  {
    id: 'AMT',
    name: 'Ấp Mỹ Thạnh',
    type: 'Ấp, khóm',
    head: 'Phan Văn Chín',
    title: 'Trưởng ấp',
    discipline: 'Không',
    section: 'IV',
    leader: 'economy',
    desk: 'KT',
    partners: ['PVHXH', 'TYT'],
    pool: HAMLET_POOL,
  },
  {
    id: 'BCHQS',
    name: 'Ban Chỉ huy Quân sự xã',
    type: 'Lực lượng vũ trang',
    head: 'Nguyễn Hoàng Nam',
    title: 'Chỉ huy trưởng',
    discipline: 'Không',
    section: 'V',
    leader: 'chair',
    desk: 'VP',
    partners: ['K1', 'K2', 'AMH'],
    pool: [
      ['Tổ chức giao, nhận quân năm 2026', 'KH', [1, 2]],
      ['Huấn luyện dân quân năm 2026', 'KH', [2, 5]],
      ['Đăng ký nghĩa vụ quân sự cho nam công dân đủ 17 tuổi', 'TB', [3, 4]],
      ['Xây dựng kế hoạch diễn tập khu vực phòng thủ', 'KH', [6, 9]],
      ['Sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm 2026', 'CV', [6, 7]],
      ['Tổ chức khám sức khỏe nghĩa vụ quân sự năm 2027', 'KH', [10, 11]],
      ['Chuẩn bị lực lượng ứng trực phòng, chống lụt bão', 'CV', [8, 10]],
    ],
  },
];

export function unitById(id: UnitId): UnitDef {
  const u = UNITS.find((x) => x.id === id);
  if (!u) throw new RangeError(`no unit ${id}`);
  return u;
}

/** The officer who handles a unit's tasks. */
export const OFFICER_OF: Readonly<Record<UnitId, OfficerId>> = {
  VP: 'office',
  TTPVHCC: 'office',
  BCHQS: 'office',
  PKT: 'economy',
  TTDVTH: 'economy',
  PVHXH: 'social',
  TYT: 'social',
  MN: 'schools',
  TH: 'schools',
  THCS: 'schools',
  K1: 'hamlets',
  K2: 'hamlets',
  K3: 'hamlets',
  AMH: 'hamlets',
  AMT: 'hamlets',
};
