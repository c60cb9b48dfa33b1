/**
 * The pane's pure helpers over a report (issue 12): numbers and dates as each language writes them,
 * a finding's row and task in words, the unit and person filters with their counts, pages, units
 * outside the registry, the units' and people's order, the charts' rows, why a file did not open.
 * Expected values are worked out by hand from the sheets below and SPEC §2–§5, not read back from
 * the code under test.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { findingsSheet, peopleSheet, scoresSheet } from '../../src/core/owned-sheets';
import type { CellValue, SheetData } from '../../src/core/cells';
import type { Finding, PersonReport, Report, UnitReport } from '../../src/core/report';
import { formatCount, formatDecimal, formatIsoDate } from '../../src/i18n/format';
import { messages } from '../../src/i18n/messages';
import { paneText } from '../../src/i18n/pane';
import { displayValue, shorten } from '../../src/taskpane/cell-display';
import { lateBars, scoreBars } from '../../src/taskpane/chart-data';
import { fileProblem } from '../../src/taskpane/file-problem';
import { facetCounts, filterFindings, findingFacets, NO_FILTER } from '../../src/taskpane/finding-filter';
import { pageItems, pageOf } from '../../src/taskpane/paging';
import { outsideRegistry } from '../../src/taskpane/registry-marks';
import { ReportRows } from '../../src/taskpane/report-rows';
import { taskLine } from '../../src/taskpane/task-line';
import { sortPeople, sortUnits } from '../../src/taskpane/view-model';

const vi = paneText('vi');
const en = paneText('en');

function sheet(name: string, rows: CellValue[][]): SheetData {
  return { name, rows, merges: [] };
}

/** Header in row 1; content in B, lead unit far away in Z, deadline in AA, completion in AB. */
function farColumns(): SheetData {
  const row = (content: string, lead: string | null, deadline: string, done: string | null): CellValue[] => {
    const r: CellValue[] = Array.from({ length: 28 }, () => null);
    r[0] = 'x';
    r[1] = content;
    r[2] = 'Phòng Tư pháp'; // co-unit, next to the content: the unit a clerk would wrongly blame
    r[25] = lead;
    r[26] = deadline;
    r[27] = done;
    return r;
  };
  const header: CellValue[] = Array.from({ length: 28 }, () => null);
  header[0] = 'STT';
  header[1] = 'Nội dung nhiệm vụ';
  header[2] = 'Đơn vị phối hợp';
  header[25] = 'Đơn vị chủ trì';
  header[26] = 'Thời hạn';
  header[27] = 'Ngày hoàn thành';
  return sheet('Nhiệm vụ năm 2026', [
    header,
    row('Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của xã năm 2026 và đề xuất phương án đơn giản hóa', 'Phòng Nội vụ', '30/04/2026', null),
    row('Báo cáo công tác cải cách hành chính quý II', 'Văn phòng', '15/06/2026', '20/06/2026'),
    row('Tổng kết phong trào thi đua', null, '01/07/2026', null),
  ]);
}

const AS_OF = '2026-06-29';

function farReport(lang: 'vi' | 'en' = 'vi'): { report: Report; sheets: SheetData[] } {
  const sheets = [farColumns()];
  return { report: checkWorkbook(sheets, { asOf: AS_OF, lang }), sheets };
}

const at = (report: Report, cell: string, rule?: string): Finding => {
  const f = report.findings.find((x) => x.cell === cell && (rule === undefined || x.rule === rule));
  if (!f) throw new Error(`no finding at ${cell}`);
  return f;
};

describe('numbers and dates as each language writes them', () => {
  test('Vietnamese: dot for thousands, comma for decimals, dd/mm/yyyy; English keeps ISO dates', () => {
    expect(formatCount(20_000, 'vi')).toBe('20.000');
    expect(formatCount(1_999, 'vi')).toBe('1.999');
    expect(formatCount(20_000, 'en')).toBe('20,000');
    expect(formatDecimal(94, 'vi')).toBe('94,0');
    expect(formatDecimal(45.4, 'en')).toBe('45.4');
    expect(formatIsoDate('2026-11-20', 'vi')).toBe('20/11/2026');
    expect(formatIsoDate('2026-11-20', 'en')).toBe('2026-11-20');
  });

  test('the summary, the reasons and the page counts use them', () => {
    expect(vi.summary(20_000, 1_999, 1_999, 0, 12)).toBe('20.000 nhiệm vụ · 1.999 phát hiện (1.999 lỗi, 0 cảnh báo) · 12 đơn vị');
    expect(vi.checkedAt('2026-11-20', 'Quy định từ 2026')).toBe('Kết quả tính đến ngày 20/11/2026; Quy định từ 2026');
    expect(messages('vi').score('94.0')).toBe('điểm 94,0');
    expect(messages('vi').decidedScoreBelow('45.4', 'Hoàn thành nhiệm vụ', 50)).toBe('Điểm 45,4: mức Hoàn thành nhiệm vụ cần từ 50 điểm');
    expect(vi.pageRange(1_951, 1_999, 1_999)).toBe('1.951–1.999 trong 1.999');
  });

  test('the KQ sheets write the as-of date as dd/mm/yyyy in Vietnamese', () => {
    const { report } = farReport();
    for (const sheet of [scoresSheet(report, 'vi'), findingsSheet(report, 'vi'), peopleSheet(report, 'vi')]) {
      expect(sheet.title[1]).toContain('Tính đến ngày 29/06/2026');
    }
    expect(scoresSheet(farReport('en').report, 'en').title[1]).toContain('As of 2026-06-29');
  });

  test('a cell reads as in the sheet: dates in the language, numbers as typed, text on one line', () => {
    expect(displayValue({ date: Date.UTC(2026, 4, 20) / 86_400_000 }, 'vi')).toBe('20/05/2026');
    expect(displayValue(2026, 'vi')).toBe('2026');
    expect(displayValue('  Phòng\nNội vụ ', 'vi')).toBe('Phòng Nội vụ');
    expect(displayValue({ error: '#N/A' }, 'vi')).toBe('#N/A');
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});

describe('Vietnamese without English, one spelling per term', () => {
  const strings = (o: unknown): string[] =>
    typeof o === 'string' ? [o] : typeof o === 'function' ? [] : o && typeof o === 'object' ? Object.values(o).flatMap(strings) : [];
  const all = strings(vi).filter((x) => x !== vi.langEn);

  test('no "ribbon", "quota" or rule codes in the Vietnamese pane', () => {
    for (const word of [/ribbon/i, /quota/i, /\boverdue\b/, /max\(/]) expect(all.filter((x) => word.test(x))).toEqual([]);
    expect(messages('vi').decidedQuota(20, 1, 3, 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ')).not.toMatch(/quota/i);
  });

  test('"Xóa" and "Hủy", as the ribbon writes them', () => {
    expect(all.filter((x) => /xoá|huỷ/i.test(x))).toEqual([]);
    expect(vi.clearFlags).toBe('Xóa đánh dấu');
  });

  test('every message about a file that cannot be opened ends with what to do', () => {
    for (const text of [vi.fileLegacyXls('a.xls'), vi.fileCsv('a.csv'), vi.fileDamaged('a.xlsx'), vi.notXlsx('a.xlsx')]) {
      expect(text.endsWith('Mở tệp bằng Excel rồi lưu thành .xlsx.')).toBe(true);
    }
  });
});

describe("a finding's row and task", () => {
  test('the row view shows content, lead unit, deadline and completion however far apart, the flagged cell marked', () => {
    const { report, sheets } = farReport();
    const rows = new ReportRows(report, sheets, 'vi');
    // Row 2: deadline 30/04/2026, not done by 29/06/2026: overdue, flagged on the deadline (AA2).
    const view = rows.rowView(at(report, 'AA2', 'overdue'))!;
    expect(view.row).toBe(2);
    expect(view.fields.map((f) => [f.field, f.column, f.flagged])).toEqual([
      ['content', 'B', false],
      ['leadUnit', 'Z', false],
      ['deadline', 'AA', true],
      ['completedDate', 'AB', false],
    ]);
    expect(view.fields.map((f) => f.value)).toEqual([
      'Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của xã năm 2026 và đề xuất phương án đơn giản hóa',
      'Phòng Nội vụ',
      '30/04/2026',
      '',
    ]);
  });

  test('the task line: content shortened, lead unit, deadline and status', () => {
    const { report, sheets } = farReport();
    const rows = new ReportRows(report, sheets, 'vi');
    const overdue = taskLine(at(report, 'AA2', 'overdue'), rows, vi)!;
    expect(overdue.content).toBe('Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết của xã năm 2026 và đề xu…');
    expect(Array.from(overdue.content)).toHaveLength(80);
    // 30/04 → 29/06 is 60 days.
    expect(overdue.facts).toBe('Phòng Nội vụ · hạn 30/04/2026 · quá hạn 60 ngày');
    const late = taskLine(at(report, 'AB3', 'late-completion'), rows, vi)!;
    expect(late).toEqual({ content: 'Báo cáo công tác cải cách hành chính quý II', facts: 'Văn phòng · hạn 15/06/2026 · hoàn thành trễ 5 ngày' });
    const unassigned = taskLine(at(report, 'Z4', 'unassigned'), rows, vi)!;
    expect(unassigned.facts).toBe('chưa có đơn vị chủ trì · hạn 01/07/2026 · chưa đến hạn');
  });

  test('in English the line is English and the deadline ISO', () => {
    const { report, sheets } = farReport('en');
    const line = taskLine(at(report, 'AB3', 'late-completion'), new ReportRows(report, sheets, 'en'), en)!;
    expect(line.facts).toBe('Văn phòng · due 2026-06-15 · done 5 days late');
  });
});

describe('filters by lead unit and person, with counts', () => {
  /** Owner and leader columns, people named with titles. */
  function peopleBook(): { report: Report; sheets: SheetData[] } {
    const sheets = [
      sheet('NV', [
        ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Lãnh đạo chỉ đạo', 'Người phụ trách', 'Thời hạn'],
        ['Việc 1', 'Phòng Nội vụ', 'Chủ tịch Nguyễn Thanh Hải', 'Lê Văn An', '01/03/2026'],
        ['Việc 2', 'Phòng Nội vụ', 'Đ/c Nguyễn Thanh Hải', 'CV Trần Thị Bình; Lê Văn An', '02/03/2026'],
        ['Việc 3', 'Phòng Tư pháp', 'PCT Phạm Văn Cường', 'Trần Thị Bình', '03/03/2026'],
        ['Việc 4', 'Phòng Tư pháp, Phòng Nội vụ', 'Phạm Văn Cường', null, '04/03/2026'],
      ]),
    ];
    const checked = checkWorkbook(sheets, { asOf: '2026-06-01', lang: 'vi' });
    // SPEC 1.3 maps "Lãnh đạo chỉ đạo" to leader and "Người phụ trách" to owner, and names the
    // people below (§5); both are written here by hand so that the pane's lookup is tested whatever
    // the engine's mapping and people list hold today.
    const report: Report = { ...checked, sheets: checked.sheets.map((s) => ({ ...s, columns: { ...s.columns, leader: 'C', owner: 'D' } })) };
    const people: PersonReport[] = [
      { name: 'Nguyễn Thanh Hải', role: 'leader', due: 2, doneOnTime: 0, doneLate: 0, openOverdue: 2, openOnTime: 0 },
      { name: 'Phạm Văn Cường', role: 'leader', due: 2, doneOnTime: 0, doneLate: 0, openOverdue: 2, openOnTime: 0 },
      { name: 'Lê Văn An', role: 'owner', due: 2, doneOnTime: 0, doneLate: 0, openOverdue: 2, openOnTime: 0 },
      { name: 'Trần Thị Bình', role: 'owner', due: 2, doneOnTime: 0, doneLate: 0, openOverdue: 2, openOnTime: 0 },
    ];
    return { report: { ...report, people }, sheets };
  }

  test('a unit keeps the findings of the tasks it leads; counts follow the other filters', () => {
    const { report, sheets } = peopleBook();
    const facets = findingFacets(new ReportRows(report, sheets, 'vi'), report.people);
    // Four overdue tasks (E2:E5) and one task with two lead units (B5: multiple-leads).
    expect(report.findings.map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(['B5 multiple-leads', 'E2 overdue', 'E3 overdue', 'E4 overdue', 'E5 overdue']);
    expect(facetCounts(report.findings, NO_FILTER, facets, 'unit')).toEqual([
      { name: 'Phòng Nội vụ', count: 4 },
      { name: 'Phòng Tư pháp', count: 3 },
    ]);
    const tuPhap = filterFindings(report.findings, { ...NO_FILTER, unit: 'Phòng Tư pháp' }, facets);
    expect(tuPhap.map((f) => f.cell).sort()).toEqual(['B5', 'E4', 'E5']);
    expect(facetCounts(report.findings, { ...NO_FILTER, rule: 'overdue' }, facets, 'unit')).toEqual([
      { name: 'Phòng Nội vụ', count: 3 },
      { name: 'Phòng Tư pháp', count: 2 },
    ]);
  });

  test('a person is found behind titles, in either role, in cells naming several people', () => {
    const { report, sheets } = peopleBook();
    const facets = findingFacets(new ReportRows(report, sheets, 'vi'), report.people);
    const cells = (person: string) => filterFindings(report.findings, { ...NO_FILTER, person }, facets).map((f) => f.cell).sort();
    expect(cells('Nguyễn Thanh Hải')).toEqual(['E2', 'E3']);
    expect(cells('Trần Thị Bình')).toEqual(['E3', 'E4']);
    expect(cells('Phạm Văn Cường')).toEqual(['B5', 'E4', 'E5']);
    expect(cells('Lê Văn An')).toEqual(['E2', 'E3']);
    expect(facetCounts(report.findings, { ...NO_FILTER, unit: 'Phòng Nội vụ' }, facets, 'person')).toEqual([
      { name: 'Lê Văn An', count: 2 },
      { name: 'Nguyễn Thanh Hải', count: 2 },
      { name: 'Phạm Văn Cường', count: 2 },
      { name: 'Trần Thị Bình', count: 1 },
    ]);
  });
});

describe('pages', () => {
  test('1,999 findings in pages of 50: 40 pages, the last holds 1,951–1,999', () => {
    const items = Array.from({ length: 1_999 }, (_, i) => i + 1);
    const last = pageOf(items.length, 39);
    expect(last).toEqual({ index: 39, pages: 40, from: 1_951, to: 1_999 });
    expect(pageItems(items, last)).toHaveLength(49);
    expect(pageItems(items, last).at(-1)).toBe(1_999);
    expect(pageOf(items.length, 99).index).toBe(39);
    expect(pageOf(0, 3)).toEqual({ index: 0, pages: 1, from: 0, to: 0 });
  });
});

describe('units outside the registry', () => {
  test('marked with the nearest registry name the engine gave', () => {
    const sheets = [
      sheet('Danh mục', [
        ['Tên đơn vị', 'Loại đơn vị', 'Người đứng đầu'],
        ['Phòng Nội vụ', 'Phòng chuyên môn', null],
        ['Phòng Tư pháp', 'Phòng chuyên môn', null],
      ]),
      sheet('NV', [
        ['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'],
        ['Việc 1', 'Phòng Nộ vụ', 'Phòng Tư pháp', '01/12/2026'],
        ['Việc 2', 'Phòng Tư pháp', 'Ban Chỉ huy quân sự; Phòng Nội vụ', '01/12/2026'],
      ]),
    ];
    for (const lang of ['vi', 'en'] as const) {
      const report = checkWorkbook(sheets, { asOf: '2026-06-01', lang });
      const marks = outsideRegistry(report.findings, lang);
      expect([...marks.keys()].sort()).toEqual(['ban chi huy quan su', 'phong no vu']);
      expect(marks.get('phong no vu')).toBe('Phòng Nội vụ');
    }
  });
});

describe('order of units and people', () => {
  const unit = (name: string, level: UnitReport['level'], score: number, extra: Partial<UnitReport> = {}): UnitReport => ({
    name,
    type: null,
    head: null,
    due: 4,
    doneOnTime: 4,
    doneLate: 0,
    openOverdue: 0,
    openOnTime: 0,
    violations: 0,
    disciplined: false,
    score,
    level,
    decidedBy: 'top',
    reasons: [],
    ...extra,
  });

  test('by level, then score: a disciplined unit with 100 points is not at the top', () => {
    const units = [
      unit('A', 'not_completed', 100, { disciplined: true }),
      unit('B', 'good', 75),
      unit('C', 'excellent', 95),
      unit('D', 'good', 80),
      unit('E', 'completed', 60, { doneLate: 1 }),
    ];
    expect(sortUnits(units, 'level', 'descending').map((u) => u.name)).toEqual(['C', 'D', 'B', 'E', 'A']);
    expect(scoreBars(units).map((b) => b.name)).toEqual(['C', 'D', 'B', 'E', 'A']);
  });

  test('the late chart: units with late work, most overdue first', () => {
    const units = [unit('A', 'good', 90), unit('B', 'completed', 50, { doneLate: 3 }), unit('C', 'not_completed', 20, { openOverdue: 2, doneLate: 1 }), unit('D', 'completed', 55, { openOverdue: 2 })];
    expect(lateBars(units)).toEqual([
      { name: 'C', openOverdue: 2, doneLate: 1 },
      { name: 'D', openOverdue: 2, doneLate: 0 },
      { name: 'B', openOverdue: 0, doneLate: 3 },
    ]);
  });

  test("people: the report's order, or most overdue, or by name", () => {
    const p = (name: string, role: PersonReport['role'], openOverdue: number): PersonReport => ({ name, role, due: 5, doneOnTime: 0, doneLate: 0, openOverdue, openOnTime: 0 });
    const people = [p('Lê Văn An', 'leader', 1), p('Bùi Thị Cúc', 'owner', 4), p('Đỗ Văn Dũng', 'owner', 2)];
    expect(sortPeople(people, 'report', 'ascending').map((x) => x.name)).toEqual(['Lê Văn An', 'Bùi Thị Cúc', 'Đỗ Văn Dũng']);
    expect(sortPeople(people, 'overdue', 'descending').map((x) => x.name)).toEqual(['Bùi Thị Cúc', 'Đỗ Văn Dũng', 'Lê Văn An']);
    expect(sortPeople(people, 'name', 'ascending').map((x) => x.name)).toEqual(['Bùi Thị Cúc', 'Đỗ Văn Dũng', 'Lê Văn An']);
  });
});

describe('why a file did not open', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, '..', 'fixtures', 'bad', name)));
  test.each([
    ['02-zero-bytes.xlsx', 'empty'],
    ['03-csv-renamed.xlsx', 'csv'],
    ['08-xls-renamed.xlsx', 'legacy-xls'],
    ['07-password-protected.xlsx', 'encrypted'],
    ['05-truncated-zip.xlsx', 'damaged'],
    ['12-empty-zip.xlsx', 'damaged'],
    ['10-docx-renamed.xlsx', 'not-xlsx'],
    ['11-ods-renamed.xlsx', 'not-xlsx'],
    ['01-not-an-xlsx.xlsx', 'not-xlsx'],
    ['04-html-table-renamed.xlsx', 'not-xlsx'],
  ])('%s is %s', (name, problem) => {
    expect(fileProblem(fixture(name), name)).toBe(problem);
  });
});
