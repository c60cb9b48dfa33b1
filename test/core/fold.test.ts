/** SPEC §2 folding, word-bounded prefixes and whole-word containment. */
import fc from 'fast-check';
import { containsWords, FoldCache, fold, matchesPrefix } from '../../src/core/fold';

/** The spec's folding written the plain way, one Unicode step at a time over the whole string. */
function referenceFold(input: string): string {
  let s = input.normalize('NFC').toLowerCase();
  s = s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
  s = s.replace(/đ/g, 'd');
  s = s.replace(/[^\p{L}\p{Nd}]/gu, ' ');
  return s.replace(/ +/g, ' ').trim();
}

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const COMBINING_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b'];

/** Strings drawn from Vietnamese letters (both cases), ASCII, digits, punctuation and spaces. */
const vietnameseText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VIETNAMESE),
      fc.constantFrom(...VIETNAMESE.toUpperCase()),
      fc.constantFrom(' ', '  ', '\t', '\n', '/', '-', '.', ',', '(', ')', ':', ';', '"', '–', '\u00a0'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
      fc.integer({ min: 0, max: 9 }).map(String),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('fold: examples from the spec', () => {
  test.each([
    ['Số/ký hiệu', 'so ky hieu'],
    ['Đơn vị chủ trì', 'don vi chu tri'],
    ['ĐƠN VỊ CHỦ TRÌ', 'don vi chu tri'],
    ['đ', 'd'],
    ['Đ', 'd'],
    ['Hạn xử lý', 'han xu ly'],
    ['Ngày hoàn thành thực tế', 'ngay hoan thanh thuc te'],
    ['  Thời   hạn  ', 'thoi han'],
    ['Tình trạng\n(ghi chú)', 'tinh trang ghi chu'],
    ['KQ Đánh giá', 'kq danh gia'],
    ['P. Nội vụ', 'p noi vu'],
    ['Phòng Lao động - Thương binh và Xã hội', 'phong lao dong thuong binh va xa hoi'],
    ['Số 280/CĐ-TTg', 'so 280 cd ttg'],
    ['', ''],
    ['---', ''],
    ['   ', ''],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  test('decomposed (NFD) input folds like precomposed input', () => {
    const precomposed = 'Hoàn thành xuất sắc nhiệm vụ';
    expect(fold(precomposed.normalize('NFD'))).toBe(fold(precomposed));
    expect(fold(precomposed.normalize('NFD'))).toBe('hoan thanh xuat sac nhiem vu');
  });

  test('letters of other scripts stay letters; symbols become spaces', () => {
    expect(fold('Ça va № 5 ½')).toBe('ca va 5');
    expect(fold('数据 表')).toBe('数据 表');
  });

  test('FoldCache gives the same result as fold', () => {
    const cache = new FoldCache();
    for (const s of ['Xã Mỹ Hòa', 'Xã Mỹ Hòa', 'UBND xã Mỹ Quý']) expect(cache.fold(s)).toBe(fold(s));
  });
});

describe('fold: properties', () => {
  test('idempotent: fold(fold(x)) = fold(x)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(fold(s)) === fold(s)));
    fc.assert(fc.property(vietnameseText, (s) => fold(fold(s)) === fold(s)));
  });

  test('output is lower-case letters and digits separated by single spaces, never at either end', () => {
    const shape = /^(?:[\p{L}\p{Nd}]+(?: [\p{L}\p{Nd}]+)*)?$/u;
    const check = (s: string) => {
      const f = fold(s);
      return shape.test(f) && f === f.toLowerCase() && !/\p{Mn}/u.test(f) && !f.includes('đ');
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check));
    fc.assert(fc.property(vietnameseText, check));
  });

  test('Vietnamese text folds to plain ASCII a-z, 0-9 and spaces', () => {
    fc.assert(fc.property(vietnameseText, (s) => /^[a-z0-9 ]*$/.test(fold(s))));
  });

  test('insensitive to diacritics and case added to ASCII text', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeghiklmnopqrstuvxy0123456789 -/.'), maxLength: 25 });
    const decorated = word.chain((w) =>
      fc
        .tuple(
          fc.array(fc.subarray(COMBINING_MARKS, { maxLength: 2 }), { minLength: w.length, maxLength: w.length }),
          fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }),
          fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length }),
        )
        .map(([marks, upper, dStroke]) => {
          let out = '';
          [...w].forEach((ch, i) => {
            let c = ch;
            if (c === 'd' && dStroke[i]) c = 'đ';
            if (upper[i]) c = c.toUpperCase();
            out += /[a-zA-Zđ]/.test(ch) ? c + marks[i]!.join('') : c;
          });
          return { plain: w, decorated: out.normalize(upper[0] ? 'NFC' : 'NFD') };
        }),
    );
    fc.assert(fc.property(decorated, ({ plain, decorated: d }) => fold(d) === fold(plain)));
  });

  test('agrees with a straightforward reference implementation on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(s) === referenceFold(s)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fold(s) === referenceFold(s)), { numRuns: 2000 });
    fc.assert(fc.property(vietnameseText, (s) => fold(s) === referenceFold(s)), { numRuns: 2000 });
    // Characters where per-character shortcuts go wrong: context-dependent or expanding lower case,
    // combining marks, Hangul, compatibility letters, other digits.
    const tricky = fc.string({
      unit: fc.constantFrom(...'ΣΟΔΑσς İIıiẞßǅǄΩKÅ한국ﬁⅫ①٣\u0301\u0323\u0345 ·-/Đđ'.split('')),
      maxLength: 12,
    });
    fc.assert(fc.property(tricky, (s) => fold(s) === referenceFold(s)), { numRuns: 3000 });
  });

  test('agrees with the reference on characters whose lower case depends on context or expands', () => {
    for (const s of ['ΟΔΟΣ', 'ΟΔΟΣ ΚΑΙ', 'İstanbul', 'ẞtraße', 'ǅ', 'Ω', 'K', 'Å', '한국어', 'ﬁ', 'Ⅻ', '①', '٣']) {
      expect(fold(s)).toBe(referenceFold(s));
    }
  });
});

describe('matchesPrefix: word-bounded prefix on folded text', () => {
  test.each([
    ['han xu ly', 'han', true],
    ['han', 'han', true],
    ['hang muc', 'han', false],
    ['han xu ly', 'han xu ly', true],
    ['thoi han hoan thanh', 'thoi han', true],
    ['thoi hanh', 'thoi han', false],
    ['don vi chu tri', 'don vi', true],
    ['don vidu', 'don vi', false],
    ['ha', 'han', false],
  ])('matchesPrefix(%j, %j) = %s', (folded, synonym, expected) => {
    expect(matchesPrefix(folded, synonym)).toBe(expected);
  });
});

describe('containsWords: whole words or phrases', () => {
  test.each([
    ['chua hoan thanh', 'chua', true],
    ['chuan bi', 'chua', false],
    ['da chuan hoa', 'chua', false],
    ['van chua xong', 'chua', true],
    ['dang thuc hien', 'dang thuc hien', true],
    ['dang thuc hienx', 'dang thuc hien', false],
    ['hoan thanh tre han', 'hoan thanh', true],
    ['xong', 'xong', true],
    ['xongxong', 'xong', false],
    ['chuachua chua', 'chua', true],
  ])('containsWords(%j, %j) = %s', (folded, phrase, expected) => {
    expect(containsWords(folded, phrase)).toBe(expected);
  });
});
