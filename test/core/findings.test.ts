/** SPEC §4: every finding rule, positive and negative, at the right cell of the user's sheet, with its severity. */
import type { CellValue } from '../../src/core/cells';
import type { Finding, Report, RuleId } from '../../src/core/report';
import { messages } from '../../src/i18n/messages';
import {
  AS_OF,
  cellsOf,
  D,
  ERR,
  FIRST_TASK_ROW as R,
  findingKeys,
  inspectionSheet,
  registrySheet,
  run,
  sheet,
  taskAt,
  taskSheet,
  unitNamed,
  type TaskSpec,
} from './support';
import { SPEC_SEVERITY } from '../helpers/spec-severity';

const SEVERITY = SPEC_SEVERITY;

const ok: TaskSpec = { lead: 'Phòng Nội vụ', assigned: D(2023, 6, 1), deadline: D(2023, 6, 30), completed: D(2023, 6, 20), status: 'Đã hoàn thành' };

/** Run one task sheet ("NV") with the given tasks from sheet row 4. */
function tasks(...specs: TaskSpec[]): Report {
  return run([taskSheet('NV', specs)]);
}

/** The one finding of a rule at a cell (fails if there are none or several). */
function only(report: Report, rule: RuleId, cell: string): Finding {
  const fs = report.findings.filter((f) => f.rule === rule && f.cell === cell);
  expect(fs).toHaveLength(1);
  return fs[0]!;
}

describe('every finding names sheet, cell, rule, severity and a message', () => {
  test('severity follows §4 and messages are non-empty Vietnamese by default, English on request', () => {
    const report = tasks({ lead: null, deadline: D(2023, 6, 30) }, { ...ok, content: 'Trùng' }, { ...ok, content: 'Trùng' });
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.sheet).toBe('NV');
      expect(f.severity).toBe(SEVERITY[f.rule]);
      expect(f.message.trim()).not.toBe('');
    }
    expect(only(report, 'unassigned', `D${R}`).message).toBe(messages('vi').unassigned());
    const en = run([taskSheet('NV', [{ lead: null, deadline: D(2023, 6, 30) }])], { lang: 'en' });
    expect(only(en, 'unassigned', `D${R}`).message).toBe(messages('en').unassigned());
    expect(only(en, 'overdue', `G${R}`).message).toBe(messages('en').overdue(77));
  });

  test('a clean task raises nothing', () => {
    expect(tasks(ok).findings).toEqual([]);
  });
});

describe('unassigned', () => {
  test('lead unit empty → error at the lead cell', () => {
    const report = tasks(ok, { ...ok, lead: null }, { ...ok, lead: '  ' }, { ...ok, lead: '-' }, { ...ok, lead: ' ; , \n' });
    expect(cellsOf(report, 'unassigned')).toEqual([`D${R + 1}`, `D${R + 2}`, `D${R + 3}`, `D${R + 4}`]);
    expect(only(report, 'unassigned', `D${R + 1}`).severity).toBe('error');
  });
  test('an unassigned task counts for nobody', () => {
    const report = tasks({ ...ok, lead: null });
    expect(report.tasks[0]!.leadUnits).toEqual([]);
    expect(report.units).toEqual([]);
  });
});

describe('multiple-leads', () => {
  test('more than one lead unit → error at the lead cell', () => {
    const report = tasks(ok, { ...ok, lead: 'Phòng Nội vụ\nPhòng Tư pháp' }, { ...ok, lead: 'Xã Mỹ An; Xã Mỹ Hòa, Xã Mỹ Quý' });
    expect(cellsOf(report, 'multiple-leads')).toEqual([`D${R + 1}`, `D${R + 2}`]);
    expect(only(report, 'multiple-leads', `D${R + 1}`).severity).toBe('error');
  });
  test('"và" inside a name and a repeated unit are one lead', () => {
    const report = tasks(
      { ...ok, lead: 'Phòng Lao động - Thương binh và Xã hội' },
      { ...ok, lead: 'UBND xã Mỹ Hòa; Xã Mỹ Hòa' },
      { ...ok, lead: 'P. Nội vụ\nPhòng Nội vụ' },
    );
    expect(cellsOf(report, 'multiple-leads')).toEqual([]);
  });
});

describe('unknown-unit', () => {
  const reg = registrySheet('Đơn vị', [{ name: 'Phòng Nội vụ' }, { name: 'Xã Mỹ Hòa' }, { name: 'Phòng Tư pháp' }]);

  test('only when a registry exists', () => {
    const s = taskSheet('NV', [{ ...ok, lead: 'Phòng Ngoại vụ', co: 'Xã Lạ' }]);
    expect(cellsOf(run([s]), 'unknown-unit')).toEqual([]);
    expect(cellsOf(run([reg, s]), 'unknown-unit')).toEqual([`D${R}`, `E${R}`]);
  });

  test('the registry is the union of all registry sheets, whatever their order', () => {
    const reg2 = registrySheet('Đơn vị 2', [{ name: 'Phòng Ngoại vụ' }]);
    const s = taskSheet('NV', [{ ...ok, lead: 'Phòng Ngoại vụ', co: 'Phòng Nội vụ' }]);
    expect(cellsOf(run([reg, s, reg2]), 'unknown-unit')).toEqual([]);
  });

  test('one warning per cell, naming each unknown unit and the nearest registry name', () => {
    const s = taskSheet('NV', [{ ...ok, lead: 'Phòng Nội vụ', co: 'Phòng Tư phát; Xã Mỹ Hoà; Xã Mỹ Hòaa\nPhòng Nội vụ' }]);
    const report = run([reg, s]);
    const f = only(report, 'unknown-unit', `E${R}`);
    expect(f.severity).toBe('warning');
    const msg = messages('vi');
    expect(f.message).toBe(msg.unknownUnit([msg.unknownUnitItem('Phòng Tư phát', 'Phòng Tư pháp'), msg.unknownUnitItem('Xã Mỹ Hòaa', 'Xã Mỹ Hòa')].join('; ')));
    expect(cellsOf(report, 'unknown-unit')).toEqual([`E${R}`]);
  });

  test('names equal after folding and the prefix rules are known', () => {
    const s = taskSheet('NV', [
      { ...ok, lead: 'P. Nội vụ', co: 'UBND xã Mỹ Hòa' },
      { ...ok, lead: 'PHÒNG TƯ PHÁP', co: 'Ủy ban nhân dân xã Mỹ Hòa' },
    ]);
    expect(cellsOf(run([reg, s]), 'unknown-unit')).toEqual([]);
  });

  test('an inspected unit is checked too, even on an inspection dated after D', () => {
    const insp = inspectionSheet('KT', [
      { date: D(2023, 8, 1), unit: 'Xã Mỹ Hòa', violations: 0 },
      { date: D(2023, 8, 2), unit: 'Xã Mỹ Hưng', violations: 0 },
      { date: D(2023, 12, 1), unit: 'Phòng Văn hóa', violations: 2 },
    ]);
    const report = run([reg, insp]);
    expect(findingKeys(report, 'unknown-unit')).toEqual(['KT!C4 unknown-unit', 'KT!C5 unknown-unit']);
    expect(only(report, 'unknown-unit', 'C4').message).toContain('Xã Mỹ Hòa');
  });

  test('with an empty registry sheet every unit is unknown, with no nearest name', () => {
    const empty = sheet('Đơn vị', [['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu']]);
    const report = run([empty, taskSheet('NV', [ok])]);
    expect(only(report, 'unknown-unit', `D${R}`).message).toBe(messages('vi').unknownUnit(messages('vi').unknownUnitItem('Phòng Nội vụ', null)));
  });
});

describe('overdue', () => {
  test('open past its deadline → error at the deadline cell', () => {
    const report = tasks(
      { lead: 'Phòng Nội vụ', deadline: D(2023, 9, 14) },
      { lead: 'Phòng Nội vụ', deadline: D(2023, 9, 15) }, // due today: not overdue
      { lead: 'Phòng Nội vụ', deadline: '30/6/2023', completed: '10/7/2023' }, // done late: not overdue
    );
    expect(cellsOf(report, 'overdue')).toEqual([`G${R}`]);
    expect(only(report, 'overdue', `G${R}`).severity).toBe('error');
    expect(taskAt(report, R)).toMatchObject({ status: 'open_overdue', daysLate: 1 });
  });
});

describe('late-completion', () => {
  test('done late → warning at the completion cell', () => {
    const report = tasks({ ...ok, completed: D(2023, 7, 1) }, { ...ok, completed: D(2023, 6, 30) });
    expect(cellsOf(report, 'late-completion')).toEqual([`H${R}`]);
    expect(only(report, 'late-completion', `H${R}`).severity).toBe('warning');
    expect(taskAt(report, R)).toMatchObject({ status: 'done_late', daysLate: 1, deadline: '2023-06-30', completed: '2023-07-01' });
  });
});

describe('missing-deadline', () => {
  test('open task with an empty deadline → warning at the deadline cell', () => {
    const report = tasks({ lead: 'Phòng Nội vụ', doc: '1/KH' }, { lead: 'Phòng Nội vụ', deadline: '  ', assigned: D(2023, 9, 1) });
    expect(cellsOf(report, 'missing-deadline')).toEqual([`G${R}`, `G${R + 1}`]);
    expect(only(report, 'missing-deadline', `G${R}`).severity).toBe('warning');
    expect(taskAt(report, R)).toMatchObject({ status: 'open_on_time', daysLate: 0, deadline: null });
  });

  test('an invalid deadline gives both invalid-date and missing-deadline', () => {
    const report = tasks({ lead: 'Phòng Nội vụ', deadline: '31/4/2023' });
    expect(findingKeys(report)).toEqual([`NV!G${R} invalid-date`, `NV!G${R} missing-deadline`]);
  });

  test('an error deadline gives invalid-value and missing-deadline, not invalid-date', () => {
    const report = tasks({ lead: 'Phòng Nội vụ', deadline: ERR('#REF!') });
    expect(findingKeys(report)).toEqual([`NV!G${R} invalid-value`, `NV!G${R} missing-deadline`]);
  });

  test('a done task without a deadline is not flagged', () => {
    const report = tasks({ lead: 'Phòng Nội vụ', completed: D(2023, 9, 1) });
    expect(findingKeys(report)).toEqual([]);
    expect(taskAt(report, R).status).toBe('done_on_time');
  });

  test('a task completed after D without a deadline is open, so it is flagged', () => {
    const report = tasks({ lead: 'Phòng Nội vụ', completed: D(2023, 9, 20) });
    expect(findingKeys(report)).toEqual([`NV!G${R} missing-deadline`, `NV!H${R} completed-after-as-of`]);
  });
});

describe('invalid-date', () => {
  test('a non-empty date cell that is not a date → error at that cell, in each date column', () => {
    const report = tasks(
      { ...ok, assigned: 'sắp tới' },
      { ...ok, deadline: '13/25/2023' },
      { ...ok, completed: '30/02/2023' },
      { ...ok, assigned: '1/6/2023', deadline: '30-6-2023', completed: '2023.06.20' },
    );
    expect(cellsOf(report, 'invalid-date')).toEqual([`F${R}`, `G${R + 1}`, `H${R + 2}`]);
    for (const f of report.findings.filter((x) => x.rule === 'invalid-date')) expect(f.severity).toBe('error');
  });

  test('an invalid field counts as absent', () => {
    const report = tasks({ ...ok, completed: 'đã xong' }, { ...ok, assigned: 'tháng 7', deadline: D(2023, 6, 1) });
    // the completion is absent: the task is open and overdue; the status says done without a valid date
    expect(taskAt(report, R)).toMatchObject({ status: 'open_overdue', completed: null });
    expect(findingKeys(report).filter((k) => k.includes(`${R} `))).toEqual([
      `NV!G${R} overdue`,
      `NV!H${R} invalid-date`,
      `NV!I${R} status-conflict`,
    ]);
    // an absent assigned date cannot be after the deadline
    expect(cellsOf(report, 'deadline-before-assigned')).toEqual([]);
  });

  test('a number outside the serial range is an invalid date', () => {
    const report = tasks({ ...ok, deadline: 0 }, { ...ok, deadline: 3_000_000 });
    expect(cellsOf(report, 'invalid-date')).toEqual([`G${R}`, `G${R + 1}`]);
  });
});

describe('invalid-value', () => {
  test('an Excel error in any mapped column → error at that cell', () => {
    const report = tasks(
      { ...ok, doc: ERR('#N/A') },
      { ...ok, content: ERR('#REF!') },
      { ...ok, co: ERR('#NAME?') },
      { ...ok, assigned: ERR('#VALUE!') },
      { ...ok, completed: ERR('#DIV/0!'), status: null },
      { ...ok, status: ERR('#N/A') },
    );
    expect(cellsOf(report, 'invalid-value')).toEqual([`B${R}`, `C${R + 1}`, `E${R + 2}`, `F${R + 3}`, `H${R + 4}`, `I${R + 5}`]);
    expect(only(report, 'invalid-value', `B${R}`).severity).toBe('error');
    expect(only(report, 'invalid-value', `B${R}`).message).toContain('#N/A');
  });

  test('an error in an unmapped column is not a finding', () => {
    const s = sheet('NV', [['Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Ghi chú'], ['Việc', 'Phòng Nội vụ', '1/10/2023', ERR()]]);
    expect(run([s]).findings).toEqual([]);
  });

  test('an error in the lead column is also unassigned', () => {
    const report = tasks({ ...ok, lead: ERR('#N/A') });
    expect(findingKeys(report)).toEqual([`NV!D${R} invalid-value`, `NV!D${R} unassigned`]);
  });

  test('an error completion counts as empty: the task is open and a "done" status conflicts', () => {
    const report = tasks({ ...ok, completed: ERR('#N/A') });
    expect(taskAt(report, R)).toMatchObject({ status: 'open_overdue', completed: null });
    expect(findingKeys(report)).toEqual([`NV!G${R} overdue`, `NV!H${R} invalid-value`, `NV!I${R} status-conflict`]);
  });

  test('in inspection and registry sheets too', () => {
    const reg = registrySheet('Đơn vị', [{ name: 'Xã Mỹ An', type: ERR('#N/A') }]);
    const insp = inspectionSheet('KT', [{ date: ERR('#VALUE!'), unit: 'Xã Mỹ An', violations: ERR('#REF!') }]);
    const report = run([reg, insp]);
    expect(findingKeys(report)).toEqual(['KT!B3 invalid-value', 'KT!E3 invalid-value', 'Đơn vị!C3 invalid-value']);
    // the error violations count as 0 and are not also invalid-violations
    expect(unitNamed(report, 'Xã Mỹ An')).toMatchObject({ violations: 0, type: null });
  });
});

describe('deadline-before-assigned', () => {
  test('dl < assigned → error at the deadline cell', () => {
    const report = tasks(
      { ...ok, assigned: D(2023, 7, 1), deadline: D(2023, 6, 30), completed: D(2023, 6, 30) },
      { ...ok, assigned: D(2023, 6, 30), deadline: D(2023, 6, 30), completed: D(2023, 6, 30) },
    );
    expect(cellsOf(report, 'deadline-before-assigned')).toEqual([`G${R}`]);
    expect(only(report, 'deadline-before-assigned', `G${R}`).severity).toBe('error');
  });
});

describe('completed-before-assigned', () => {
  test('c < assigned → error at the completion cell', () => {
    const report = tasks({ ...ok, assigned: D(2023, 6, 21) }, { ...ok, assigned: D(2023, 6, 20) });
    expect(cellsOf(report, 'completed-before-assigned')).toEqual([`H${R}`]);
    expect(only(report, 'completed-before-assigned', `H${R}`).severity).toBe('error');
  });
});

describe('completed-after-as-of', () => {
  test('c > D → error at the completion cell; the task counts as open; the date is still reported', () => {
    const report = tasks(
      { ...ok, deadline: D(2023, 9, 30), completed: D(2023, 9, 16), status: null },
      { ...ok, deadline: D(2023, 9, 10), completed: D(2023, 9, 16), status: null },
      { ...ok, deadline: D(2023, 9, 30), completed: D(2023, 9, 15), status: null }, // c = D: done
    );
    expect(cellsOf(report, 'completed-after-as-of')).toEqual([`H${R}`, `H${R + 1}`]);
    expect(only(report, 'completed-after-as-of', `H${R}`).severity).toBe('error');
    expect(taskAt(report, R)).toMatchObject({ status: 'open_on_time', daysLate: 0, completed: '2023-09-16' });
    expect(taskAt(report, R + 1)).toMatchObject({ status: 'open_overdue', daysLate: 5, completed: '2023-09-16' });
    expect(taskAt(report, R + 2)).toMatchObject({ status: 'done_on_time' });
    expect(cellsOf(report, 'overdue')).toEqual([`G${R + 1}`]);
    expect(cellsOf(report, 'late-completion')).toEqual([]);
  });
});

describe('duplicate-task', () => {
  test('same folded docNumber and content as an earlier record → warning at the later content cell', () => {
    const report = tasks(
      { ...ok, doc: '12/KH-UBND', content: 'Rà soát hồ sơ đất đai' },
      { ...ok, doc: '12/KH-UBND', content: 'Rà soát hồ sơ đất đai' },
      { ...ok, doc: '12/KH-UBND ', content: 'RÀ SOÁT HỒ SƠ  ĐẤT ĐAI.' },
      { ...ok, doc: '13/KH-UBND', content: 'Rà soát hồ sơ đất đai' },
    );
    expect(cellsOf(report, 'duplicate-task')).toEqual([`C${R + 1}`, `C${R + 2}`]);
    expect(only(report, 'duplicate-task', `C${R + 1}`).severity).toBe('warning');
    expect(only(report, 'duplicate-task', `C${R + 2}`).message).toBe(messages('vi').duplicateTask(R));
  });

  test('an empty docNumber equals an empty docNumber, not a filled one', () => {
    const report = tasks({ ...ok, content: 'Báo cáo tháng' }, { ...ok, doc: '  ', content: 'Báo cáo tháng' }, { ...ok, doc: '5/BC', content: 'Báo cáo tháng' });
    expect(cellsOf(report, 'duplicate-task')).toEqual([`C${R + 1}`]);
  });

  test('no docNumber column counts as empty', () => {
    const s = sheet('NV', [
      ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'],
      ['Báo cáo tháng', 'Phòng Nội vụ', '30/9/2023'],
      ['Báo cáo tháng', 'Phòng Tư pháp', '30/9/2023'],
    ]);
    expect(findingKeys(run([s]))).toEqual(['NV!A3 duplicate-task']);
  });

  test('empty content is never a duplicate', () => {
    const report = tasks({ ...ok, doc: '7/KH', content: null }, { ...ok, doc: '7/KH', content: null }, { ...ok, doc: '7/KH', content: ' - ' }, { ...ok, doc: '7/KH', content: ' - ' });
    expect(cellsOf(report, 'duplicate-task')).toEqual([]);
  });

  test('only within one sheet', () => {
    const a = taskSheet('NV1', [{ ...ok, content: 'Báo cáo tháng' }]);
    const b = taskSheet('NV2', [{ ...ok, content: 'Báo cáo tháng' }]);
    expect(run([a, b]).findings).toEqual([]);
  });

  test('a duplicate still counts as a task everywhere', () => {
    const report = tasks({ ...ok, content: 'Báo cáo tháng' }, { ...ok, content: 'Báo cáo tháng' });
    expect(report.tasks).toHaveLength(2);
    expect(unitNamed(report, 'Phòng Nội vụ')).toMatchObject({ due: 2, doneOnTime: 2 });
  });
});

describe('status-conflict', () => {
  test('says done but no valid completion date (empty, invalid or error) → warning at the status cell', () => {
    const report = tasks(
      { ...ok, completed: null, deadline: D(2023, 10, 1), status: 'Đã hoàn thành' },
      { ...ok, completed: 'xong rồi', deadline: D(2023, 10, 1), status: 'Xong' },
      { ...ok, completed: ERR(), deadline: D(2023, 10, 1), status: 'Hoàn thành' },
      { ...ok, status: 'Hoàn thành' },
    );
    expect(cellsOf(report, 'status-conflict')).toEqual([`I${R}`, `I${R + 1}`, `I${R + 2}`]);
    expect(only(report, 'status-conflict', `I${R}`).severity).toBe('warning');
  });

  test('says not done but a valid completion date ≤ D exists → warning', () => {
    const report = tasks(
      { ...ok, status: 'Đang thực hiện' },
      { ...ok, status: 'Chưa hoàn thành', completed: D(2023, 9, 15) },
      { ...ok, status: 'Đang xử lý', completed: D(2023, 9, 16), deadline: D(2023, 10, 1) }, // after D: not a conflict
      { ...ok, status: 'Chuẩn bị hoàn thành' }, // "chuan" is not "chua": says done, has a date
      { ...ok, status: 'Chưa hoàn thành', completed: null, deadline: D(2023, 10, 1) },
    );
    expect(cellsOf(report, 'status-conflict')).toEqual([`I${R}`, `I${R + 1}`]);
  });

  test('unknown status text never conflicts, and status never changes the computed status', () => {
    const report = tasks({ ...ok, status: 'Quá hạn' }, { ...ok, completed: null, deadline: D(2023, 10, 1), status: 'Ghi chú' }, { ...ok, status: 'Chưa xong' });
    expect(cellsOf(report, 'status-conflict')).toEqual([`I${R + 2}`]);
    expect(report.tasks.map((t) => t.status)).toEqual(['done_on_time', 'open_on_time', 'done_on_time']);
  });

  test('no status column, no conflict', () => {
    const s = sheet('NV', [['Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Ghi chú'], ['Việc', 'Phòng Nội vụ', '1/10/2023', 'Đã hoàn thành']]);
    expect(run([s]).findings).toEqual([]);
  });
});

describe('invalid-violations', () => {
  test('not a whole number ≥ 0 → error at the violations cell; counts as 0', () => {
    const insp = inspectionSheet('KT', [
      { date: D(2023, 8, 1), unit: 'Xã Mỹ An', violations: 'hai' },
      { date: D(2023, 8, 2), unit: 'Xã Mỹ An', violations: 1.5 },
      { date: D(2023, 8, 3), unit: 'Xã Mỹ An', violations: '2' },
      { date: D(2023, 8, 4), unit: 'Xã Mỹ An', violations: 'không vi phạm' },
      { date: D(2023, 8, 5), unit: 'Xã Mỹ An', violations: -1 },
    ]);
    const report = run([insp]);
    expect(findingKeys(report)).toEqual(['KT!E3 invalid-violations', 'KT!E4 invalid-violations', 'KT!E7 invalid-violations']);
    expect(only(report, 'invalid-violations', 'E3').severity).toBe('error');
    expect(unitNamed(report, 'Xã Mỹ An').violations).toBe(2);
  });

  test('an invalid inspection date is an invalid-date at its cell', () => {
    const report = run([inspectionSheet('KT', [{ date: 'đầu tháng 8', unit: 'Xã Mỹ An', violations: 0 }])]);
    expect(findingKeys(report)).toEqual(['KT!B3 invalid-date']);
  });
});

describe('cell addresses in the user sheet', () => {
  test('three title rows, a merged banner and a two-row header: data starts on row 6', () => {
    const rows: CellValue[][] = [
      ['UBND HUYỆN THÁP MƯỜI', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['VĂN PHÒNG HĐND VÀ UBND', null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
      ['DANH MỤC NHIỆM VỤ QUÝ III NĂM 2023'],
      ['STT', 'Số ký hiệu', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian', null, null, 'Tình trạng'],
      [null, null, null, null, null, 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'],
      [1, '1/KH', 'Việc 1', null, null, D(2023, 6, 1), D(2023, 6, 30), null, 'Đang thực hiện'],
      ['I. CÁC PHÒNG'],
      [2, '2/KH', 'Việc 2', 'Phòng Nội vụ\nPhòng Tư pháp', null, D(2023, 7, 1), '31/7/2023', '5/8/2023', 'Xong'],
    ];
    const merges = ['A1:C1', 'E1:I1', 'A2:C2', 'E2:I2', 'A3:I3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:H4', 'I4:I5', 'A7:I7'];
    const report = run([sheet('Nhiệm vụ', rows, merges)]);
    expect(report.sheets).toEqual([
      {
        name: 'Nhiệm vụ',
        kind: 'task',
        headerRow: 5,
        dataRows: 2,
        columns: { docNumber: 'B', content: 'C', leadUnit: 'D', coUnits: 'E', assignedDate: 'F', deadline: 'G', completedDate: 'H', status: 'I' },
      },
    ]);
    expect(findingKeys(report)).toEqual([
      'Nhiệm vụ!D6 unassigned',
      'Nhiệm vụ!D8 multiple-leads',
      'Nhiệm vụ!G6 overdue',
      'Nhiệm vụ!H8 late-completion',
    ]);
  });

  test('a table that starts in column C reports column C onwards', () => {
    const rows: CellValue[][] = [[], [null, null, 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn'], [null, null, 'Việc 1', null, '30/6/2023']];
    const report = run([sheet('NV', rows)]);
    expect(report.sheets[0]).toMatchObject({ headerRow: 2, columns: { content: 'C', leadUnit: 'D', deadline: 'E' } });
    expect(findingKeys(report)).toEqual(['NV!D3 unassigned', 'NV!E3 overdue']);
  });

  test('columns beyond Z are lettered AA, AB…', () => {
    const header: CellValue[] = new Array(26).fill(null);
    header.push('Nội dung', 'Đơn vị chủ trì', 'Thời hạn');
    const data: CellValue[] = new Array(26).fill(null);
    data.push('Việc 1', null, 'ngày 30 tháng 6 năm 2023');
    const report = run([sheet('NV', [header, data])]);
    expect(findingKeys(report)).toEqual(['NV!AB2 unassigned', 'NV!AC2 overdue']);
  });

  test('the as-of date is the report asOf', () => {
    expect(tasks(ok).asOf).toBe(AS_OF);
  });
});
