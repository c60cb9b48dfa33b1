/** SPEC §2 "Values": dates, units, status text, violations, discipline marks. */
import fc from 'fast-check';
import { dayFromYmd, isoFromDay } from '../../src/core/cells';
import {
  isDisciplineMark,
  parseDate,
  parseDateText,
  parseViolations,
  plainText,
  splitUnits,
  statusMeaning,
  unitKey,
  type DateValue,
} from '../../src/core/values';
import { D, ERR, day } from './support';

const dateOf = (y: number, m: number, d: number): DateValue => ({ kind: 'date', day: day(y, m, d) });

describe('dates: text forms', () => {
  test.each([
    // d/m/yyyy with each separator, leading zeros or not
    ['5/7/2026', [2026, 7, 5]],
    ['05/07/2026', [2026, 7, 5]],
    ['5-7-2026', [2026, 7, 5]],
    ['05-07-2026', [2026, 7, 5]],
    ['5.7.2026', [2026, 7, 5]],
    ['05.07.2026', [2026, 7, 5]],
    ['31/12/2023', [2023, 12, 31]],
    ['29/02/2024', [2024, 2, 29]],
    // d/m/yy → 20yy
    ['5/7/26', [2026, 7, 5]],
    ['05-07-26', [2026, 7, 5]],
    ['5.7.99', [2099, 7, 5]],
    ['1/1/00', [2000, 1, 1]],
    // yyyy/m/d with each separator
    ['2026/7/5', [2026, 7, 5]],
    ['2026/07/05', [2026, 7, 5]],
    ['2026-07-05', [2026, 7, 5]],
    ['2026-7-5', [2026, 7, 5]],
    ['2026.07.05', [2026, 7, 5]],
    // trimmed; trailing time ignored
    ['  10/7/2023  ', [2023, 7, 10]],
    ['10/7/2023 08:30', [2023, 7, 10]],
    ['10/7/2023 8:30:15', [2023, 7, 10]],
    ['2023-07-10 17:05', [2023, 7, 10]],
    ['2023-07-10 17:05:59', [2023, 7, 10]],
    ['10.7.23 9:00', [2023, 7, 10]],
    // "ngày d tháng m năm yyyy" on the folded text
    ['ngày 5 tháng 7 năm 2026', [2026, 7, 5]],
    ['Ngày 05, tháng 7 năm 2026', [2026, 7, 5]],
    ['NGÀY 05 THÁNG 07 NĂM 2026', [2026, 7, 5]],
    ['ngay 5 thang 7 nam 2026', [2026, 7, 5]],
    ['Ngay 31 Thang 12 Nam 2023', [2023, 12, 31]],
    ['ngày 6 tháng 8 năm 2023.', [2023, 8, 6]],
    ['  Ngày   20,  tháng  6,  năm  2023  ', [2023, 6, 20]],
  ])('%j is a date', (text, [y, m, d]) => {
    expect(parseDate(text)).toEqual(dateOf(y!, m!, d!));
    expect(parseDateText(text)).toBe(day(y!, m!, d!));
  });

  test.each([
    '13/25/2023', // month 25
    '30/02/2023', // no 30 February
    '29/02/2023', // 2023 is not a leap year
    '31/4/2023', // April has 30 days
    '0/7/2023',
    '5/0/2023',
    '32/1/2023',
    'sắp tới',
    'Quý III/2023',
    '5/7-2026', // mixed separators
    '5-7/2026',
    '2026/07-05',
    '2026.7/5',
    '5 7 2026',
    '5/7/2026/1',
    '5/7/202', // three-digit year
    '5/7/20261',
    '2026/13/01',
    '07/2026',
    '2026',
    'ngày 5 tháng 7',
    'ngày 31 tháng 2 năm 2023',
    'tháng 7 năm 2026',
    '10/7/2023 giờ hành chính',
    '10/7/2023T08:30',
  ])('%j is an invalid date', (text) => {
    expect(parseDate(text)).toEqual({ kind: 'invalid', text: text.trim() });
    expect(parseDateText(text)).toBeNull();
  });

  test('empty and white-space text is empty, not invalid', () => {
    for (const v of ['', ' ', '\t', '  \n ', null, undefined]) expect(parseDate(v)).toEqual({ kind: 'empty' });
  });
});

describe('dates: Excel dates, serials, errors', () => {
  test('a real Excel date gives its date part, with or without a time', () => {
    expect(parseDate(D(2023, 7, 10))).toEqual(dateOf(2023, 7, 10));
    expect(parseDate(D(2023, 7, 10, 0.75))).toEqual(dateOf(2023, 7, 10));
    expect(parseDate(D(2023, 7, 10, 0.999))).toEqual(dateOf(2023, 7, 10));
    expect(parseDate(D(1965, 3, 1, 0.5))).toEqual(dateOf(1965, 3, 1)); // before 1970: floor, not truncation
  });

  test('numbers 1..2958465 are Excel serials (whole part)', () => {
    expect(parseDate(45117)).toEqual(dateOf(2023, 7, 10));
    expect(parseDate(45117.9)).toEqual(dateOf(2023, 7, 10));
    expect(parseDate(1)).toEqual(dateOf(1900, 1, 1));
    expect(parseDate(59)).toEqual(dateOf(1900, 2, 28));
    expect(parseDate(61)).toEqual(dateOf(1900, 3, 1));
    expect(parseDate(2958465)).toEqual(dateOf(9999, 12, 31));
    expect(parseDate(25569)).toEqual(dateOf(1970, 1, 1));
  });

  test.each([0, 0.5, -1, -45117, 2958466, 2958465.5, 1e9, Number.NaN])('number %p is an invalid date', (n) => {
    expect(parseDate(n).kind).toBe('invalid');
  });

  test('an error cell is an error, not an invalid date', () => {
    expect(parseDate(ERR('#N/A'))).toEqual({ kind: 'error', code: '#N/A' });
    expect(parseDate(ERR('#REF!'))).toEqual({ kind: 'error', code: '#REF!' });
  });

  test('a boolean is not a date', () => {
    expect(parseDate(true).kind).toBe('invalid');
  });
});

describe('dates: properties', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const validDate = fc
    .record({ y: fc.integer({ min: 1900, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .filter(({ y, m, d }) => dayFromYmd(y, m, d) !== null);
  const sep = fc.constantFrom('/', '-', '.');
  const zeros = fc.boolean();
  const time = fc.constantFrom('', ' 08:30', ' 8:05', ' 23:59:59', '  0:00:00');

  test('every accepted text form of a real date parses back to that day', () => {
    fc.assert(
      fc.property(validDate, sep, zeros, time, ({ y, m, d }, s, z, t) => {
        const want = dayFromYmd(y, m, d);
        const dd = z ? pad(d, 2) : String(d);
        const mm = z ? pad(m, 2) : String(m);
        const forms = [`${dd}${s}${mm}${s}${y}${t}`, `${y}${s}${mm}${s}${dd}${t}`, `ngày ${dd} tháng ${mm} năm ${y}`, `Ngay ${dd}, thang ${mm} nam ${y}`];
        if (y >= 2000 && y <= 2099) forms.push(`${dd}${s}${mm}${s}${pad(y % 100, 2)}${t}`);
        return forms.every((f) => parseDateText(f) === want && parseDate(` ${f} `).kind === 'date');
      }),
      { numRuns: 1500 },
    );
  });

  test('a real Excel date with any time of day gives its date; its serial too', () => {
    fc.assert(
      fc.property(validDate.filter(({ y, m }) => y > 1900 || m >= 3), fc.double({ min: 0, max: 0.99999, noNaN: true }), ({ y, m, d }, frac) => {
        const want = dayFromYmd(y, m, d)!;
        const serial = want + 25569 + frac; // serials from 1900-03-01 on
        const a = parseDate({ date: want + frac });
        const b = parseDate(serial);
        return a.kind === 'date' && a.day === want && b.kind === 'date' && b.day === want;
      }),
    );
  });

  test('a day/month combination that is not a real date is invalid in every form', () => {
    const impossible = fc
      .record({ y: fc.integer({ min: 1900, max: 9999 }), m: fc.integer({ min: 1, max: 99 }), d: fc.integer({ min: 0, max: 99 }) })
      .filter(({ y, m, d }) => dayFromYmd(y, m, d) === null);
    fc.assert(
      fc.property(impossible, sep, ({ y, m, d }, s) => {
        const forms = [`${d}${s}${m}${s}${y}`, `${y}${s}${m}${s}${d}`, `ngày ${d} tháng ${m} năm ${y}`];
        if (y >= 2000 && y <= 2099) forms.push(`${d}${s}${m}${s}${pad(y % 100, 2)}`);
        return forms.every((f) => parseDateText(f) === null && parseDate(f).kind === 'invalid');
      }),
      { numRuns: 1500 },
    );
  });

  test('the ISO form round-trips through isoFromDay', () => {
    fc.assert(fc.property(validDate, ({ y, m, d }) => parseDateText(isoFromDay(dayFromYmd(y, m, d)!)) === dayFromYmd(y, m, d)));
  });
});

describe('units in a cell', () => {
  const names = (v: Parameters<typeof splitUnits>[0]) => splitUnits(v).map((u) => u.name);

  test('split on newline, ";" and ","', () => {
    expect(names('Phòng Nội vụ\nPhòng Tư pháp')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(names('Phòng Nội vụ\r\nPhòng Tư pháp')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(names('Phòng Nội vụ; Phòng Tư pháp')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp']);
    expect(names('Phòng Nội vụ, Phòng Tư pháp, Xã Mỹ An')).toEqual(['Phòng Nội vụ', 'Phòng Tư pháp', 'Xã Mỹ An']);
  });

  test('"và" is never a separator', () => {
    expect(names('Phòng Lao động - Thương binh và Xã hội')).toEqual(['Phòng Lao động - Thương binh và Xã hội']);
    expect(names('Phòng Văn hóa và Thông tin; Phòng Tài nguyên và Môi trường')).toEqual([
      'Phòng Văn hóa và Thông tin',
      'Phòng Tài nguyên và Môi trường',
    ]);
  });

  test('empty pieces and pieces that fold to nothing are dropped; names trimmed, spaces collapsed', () => {
    expect(names(';; Phòng  Nội   vụ ;\n\n, - ; –')).toEqual(['Phòng Nội vụ']);
    expect(names('-')).toEqual([]);
    expect(names('  ')).toEqual([]);
    expect(names(null)).toEqual([]);
  });

  test('a unit repeated in one cell counts once (the first spelling kept)', () => {
    expect(names('Xã Mỹ Hòa; xã mỹ hòa\nUBND xã Mỹ Hòa, XA MY HOA')).toEqual(['Xã Mỹ Hòa']);
    expect(names('P. Nội vụ; Phòng Nội vụ')).toEqual(['P. Nội vụ']);
  });

  test('an error cell holds no unit', () => {
    expect(splitUnits(ERR())).toEqual([]);
  });

  test('same unit: "UBND xã …" = "Xã …", "P. …" = "Phòng …", diacritics and punctuation ignored', () => {
    expect(unitKey('UBND xã Mỹ Hòa')).toBe(unitKey('Xã Mỹ Hòa'));
    expect(unitKey('Ủy ban nhân dân xã Mỹ Hòa')).toBe(unitKey('Xã Mỹ Hòa'));
    expect(unitKey('UBND phường 1')).toBe(unitKey('Phường 1'));
    expect(unitKey('UBND thị trấn Mỹ An')).toBe(unitKey('Thị trấn Mỹ An'));
    expect(unitKey('UBND đặc khu Phú Quốc')).toBe(unitKey('Đặc khu Phú Quốc'));
    expect(unitKey('P. Nội vụ')).toBe(unitKey('Phòng Nội vụ'));
    expect(unitKey('P.Nội vụ')).toBe(unitKey('Phòng Nội vụ'));
    expect(unitKey('Xa My Hoa')).toBe(unitKey('Xã Mỹ Hòa'));
    expect(unitKey('Phong Lao dong – Thuong binh va Xa hoi')).toBe(unitKey('Phòng Lao động - Thương binh và Xã hội'));
    expect(unitKey('Xã Mỹ Hòa')).toBe('xa my hoa');
    expect(unitKey('P. Nội vụ')).toBe('phong noi vu');
  });

  test('the prefix rules apply only where the spec says', () => {
    expect(unitKey('UBND huyện Tháp Mười')).toBe('ubnd huyen thap muoi'); // not before xã/phường/thị trấn/đặc khu
    expect(unitKey('UBND xã Mỹ Hòa')).not.toBe(unitKey('Xã Mỹ Hòa A'));
    expect(unitKey('Phòng Nội vụ')).not.toBe(unitKey('Nội vụ'));
    expect(unitKey('Phú Quốc')).toBe('phu quoc'); // "phu" is not "p "
    expect(unitKey('Ban P. Nội vụ')).toBe('ban p noi vu'); // only a leading "p "
  });

  test('plainText trims and collapses, null for empty or error', () => {
    expect(plainText('  Nguyễn   Văn  A ')).toBe('Nguyễn Văn A');
    expect(plainText('  ')).toBeNull();
    expect(plainText(ERR())).toBeNull();
  });
});

describe('status text', () => {
  test.each([
    ['Chưa hoàn thành', 'not_done'],
    ['chưa đến hạn', 'not_done'],
    ['Đang thực hiện', 'not_done'],
    ['ĐANG XỬ LÝ', 'not_done'],
    ['Đang thực hiện, sắp hoàn thành', 'not_done'], // not done wins
    ['Hoàn thành', 'done'],
    ['Đã hoàn thành', 'done'],
    ['Hoàn thành trễ hạn', 'done'],
    ['Đã xong', 'done'],
    ['XONG', 'done'],
    ['Chuẩn bị hoàn thành', 'done'], // "chuan" is not "chua"
    ['Chuẩn bị', 'unknown'],
    ['Đang chuẩn bị', 'unknown'], // "dang" alone is not "dang thuc hien"
    ['Quá hạn', 'unknown'],
    ['hoàn thànhh', 'unknown'],
    ['xongg', 'unknown'],
    ['', 'unknown'],
    ['  ', 'unknown'],
  ])('%j means %s', (text, meaning) => {
    expect(statusMeaning(text)).toBe(meaning);
  });

  test('non-text and error cells say nothing', () => {
    expect(statusMeaning(null)).toBe('unknown');
    expect(statusMeaning(ERR())).toBe('unknown');
    expect(statusMeaning(1)).toBe('unknown');
  });
});

describe('violations', () => {
  test.each([
    [2, 2],
    [0, 0],
    ['2', 2],
    ['2.0', 2],
    [' 3 ', 3],
    ['12', 12],
    ['không', 0],
    ['Không', 0],
    ['KHÔNG VI PHẠM', 0],
    ['không vi phạm.', 0],
    ['Khong vi pham', 0],
    ['', 0],
    ['   ', 0],
    [null, 0],
  ])('%j counts %d', (v, n) => {
    expect(parseViolations(v)).toEqual({ kind: 'count', count: n });
  });

  test.each([-1, 1.5, '1.5', '-2', 'hai', 'có', '2 lần', 'không có', true])('%j is invalid', (v) => {
    expect(parseViolations(v).kind).toBe('invalid');
  });

  test('an error cell is an error value', () => {
    expect(parseViolations(ERR('#VALUE!'))).toEqual({ kind: 'error', code: '#VALUE!' });
  });
});

describe('discipline marks', () => {
  test.each(['x', 'X', 'Có', 'Khiển trách', 1, 'yes'])('%j marks the unit disciplined', (v) => {
    expect(isDisciplineMark(v)).toBe(true);
  });
  test.each(['không', 'Không', 'KHONG', '0', 0, 'no', 'No', '', '  ', null, undefined])('%j does not', (v) => {
    expect(isDisciplineMark(v)).toBe(false);
  });
  test('an error cell does not', () => {
    expect(isDisciplineMark(ERR())).toBe(false);
  });
});
