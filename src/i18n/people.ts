/**
 * People in charge (SPEC 1.3 §5, §6): the strings every host shows about them, Vietnamese first,
 * English second: the roles, the sheet "KQ Cá nhân" and the command line's people table.
 */
import type { Lang } from './messages';

const vi = {
  role: { leader: 'Lãnh đạo phụ trách', owner: 'Cán bộ thụ lý' },
  sheetTitle: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA LÃNH ĐẠO PHỤ TRÁCH VÀ CÁN BỘ THỤ LÝ',
  sheetSubtitle: (asOf: string) => `Tính đến ngày ${asOf}; chỉ thống kê nhiệm vụ, không chấm điểm, không xếp loại cá nhân`,
  roleHeader: 'Vai trò',
  person: 'Họ và tên (chức danh)',
  due: 'Đến hạn',
  doneOnTime: 'Đúng hạn',
  doneLate: 'Hoàn thành trễ',
  openOverdue: 'Quá hạn chưa xong',
  openOnTime: 'Chưa đến hạn',
  /** Heading of the command line's people table. */
  heading: 'Lãnh đạo phụ trách và cán bộ thụ lý',
};

type PeopleText = typeof vi;

const en: PeopleText = {
  role: { leader: 'Leader in charge', owner: 'Officer in charge' },
  sheetTitle: 'TASKS BY LEADER AND OFFICER IN CHARGE',
  sheetSubtitle: (asOf) => `As of ${asOf}; task counts only: individuals get no score and no level`,
  roleHeader: 'Role',
  person: 'Name (or position)',
  due: 'Due',
  doneOnTime: 'On time',
  doneLate: 'Done late',
  openOverdue: 'Open overdue',
  openOnTime: 'Not yet due',
  heading: 'Leaders and officers in charge',
};

export function peopleText(lang: Lang): PeopleText {
  return lang === 'en' ? en : vi;
}
