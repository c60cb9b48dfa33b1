import { MAX_QUOTED, messages, quoted } from '../../src/i18n/messages';

describe('quoting user text in messages', () => {
  test('short text is quoted whole', () => {
    expect(quoted('31/4/2026')).toBe('31/4/2026');
    expect(messages('vi').invalidDate('31/4/2026')).toBe("Không đọc được ngày: '31/4/2026'");
  });

  test('a 32,767-character cell is cut so that notes and KQ cells stay within Excel limits', () => {
    const huge = 'x'.repeat(32_767);
    for (const lang of ['vi', 'en'] as const) {
      const m = messages(lang);
      for (const text of [m.invalidDate(huge), m.invalidViolations(huge), m.unknownUnit(m.unknownUnitItem(huge, 'Phòng Nội vụ')), m.multipleLeads(2, huge)]) {
        expect(text.length).toBeLessThan(MAX_QUOTED + 200);
        expect(text).toContain('x'.repeat(MAX_QUOTED) + '…');
      }
    }
  });

  test('cutting never splits a character outside the basic plane', () => {
    const emoji = '😀'.repeat(MAX_QUOTED + 5);
    expect(Array.from(quoted(emoji))).toHaveLength(MAX_QUOTED + 1);
    expect(quoted(emoji).endsWith('😀…')).toBe(true);
  });
});
