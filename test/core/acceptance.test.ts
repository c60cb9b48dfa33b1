/**
 * The acceptance sample (test/fixtures/acceptance, a copy of the independent sample): our report for two-row-header.xlsx
 * compared with the independent expected report, the way compare.py compares them: header fields,
 * sheets by name, ignored sheet names, tasks by (sheet, row), findings as a set of (sheet, cell, rule)
 * with severity, message and no repeats, units by unit key.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/core/report';
import { checkXlsx } from '../helpers/xlsx';
import { SPEC_SEVERITY } from '../helpers/spec-severity';

const DIR = path.resolve(__dirname, '../fixtures/acceptance');
const XLSX = path.join(DIR, 'two-row-header.xlsx');
const EXPECTED = path.join(DIR, 'two-row-header.json');

/** compare.py's fold and unit key, written out independently of src/core. */
function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{Nd}]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
function unitKey(name: string): string {
  const f = fold(name);
  for (const p of ['ubnd ', 'uy ban nhan dan ']) {
    if (f.startsWith(p) && ['xa ', 'phuong ', 'thi tran ', 'dac khu '].some((q) => f.slice(p.length).startsWith(q))) return f.slice(p.length);
  }
  return f.startsWith('p ') ? 'phong ' + f.slice(2) : f;
}

const SEVERITY = SPEC_SEVERITY;

function readInputs(): { data: Buffer; expected: Report } {
  for (const f of [XLSX, EXPECTED]) {
    if (!existsSync(f)) {
      throw new Error(`acceptance sample missing: ${f} (test/fixtures/acceptance is part of the repository)`);
    }
  }
  return { data: readFileSync(XLSX), expected: JSON.parse(readFileSync(EXPECTED, 'utf8')) as Report };
}

describe('acceptance sample: two-row-header.xlsx', () => {
  let ours: Report;
  let expected: Report;
  beforeAll(async () => {
    const inputs = readInputs();
    expected = inputs.expected;
    ours = await checkXlsx(inputs.data, { asOf: expected.asOf });
  });

  test('header: version, asOf, rules', () => {
    expect({ version: ours.version, asOf: ours.asOf, rules: ours.rules }).toEqual({ version: 1, asOf: '2023-09-15', rules: expected.rules });
  });

  test('sheets: the same recognised sheets with kind, headerRow, dataRows; the same ignored names', () => {
    const pick = (r: Report) => r.sheets.map((s) => ({ name: s.name.normalize('NFC'), kind: s.kind, headerRow: s.headerRow, dataRows: s.dataRows }));
    expect(pick(ours)).toEqual(pick(expected));
    const names = (r: Report) => r.ignoredSheets.map((s) => s.name.normalize('NFC')).sort();
    expect(names(ours)).toEqual(names(expected));
  });

  test('tasks by sheet and row: status, daysLate, deadline, completed, lead unit keys', () => {
    const pick = (r: Report) =>
      new Map(
        r.tasks.map((t) => [
          `${t.sheet.normalize('NFC')}!${t.row}`,
          { status: t.status, daysLate: t.daysLate, deadline: t.deadline, completed: t.completed, leads: t.leadUnits.map(unitKey).sort() },
        ]),
      );
    const mine = pick(ours);
    const theirs = pick(expected);
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [key, want] of theirs) expect({ key, ...mine.get(key) }).toEqual({ key, ...want });
    expect(ours.tasks).toHaveLength(expected.tasks.length);
  });

  test('findings: the same set of (sheet, cell, rule), right severity, a message, none repeated', () => {
    const key = (f: Report['findings'][number]) => `${f.sheet.normalize('NFC')}!${f.cell.replace(/\$/g, '').toUpperCase()} ${f.rule}`;
    const mine = ours.findings.map(key);
    expect(new Set(mine).size).toBe(mine.length);
    expect([...new Set(mine)].sort()).toEqual([...new Set(expected.findings.map(key))].sort());
    for (const f of ours.findings) {
      expect({ rule: f.rule, severity: f.severity }).toEqual({ rule: f.rule, severity: SEVERITY[f.rule] });
      expect(f.message.trim()).not.toBe('');
    }
  });

  test('units by unit key: type, head, tallies, disciplined, score (±0.05), level', () => {
    const pick = (r: Report) =>
      new Map(
        r.units.map((u) => [
          unitKey(u.name),
          {
            type: u.type,
            head: u.head === null ? null : fold(u.head),
            due: u.due,
            doneOnTime: u.doneOnTime,
            doneLate: u.doneLate,
            openOverdue: u.openOverdue,
            openOnTime: u.openOnTime,
            violations: u.violations,
            disciplined: u.disciplined,
            level: u.level,
          },
        ]),
      );
    const mine = pick(ours);
    const theirs = pick(expected);
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [k, want] of theirs) expect({ k, ...mine.get(k) }).toEqual({ k, ...want });
    const scores = new Map(ours.units.map((u) => [unitKey(u.name), u.score]));
    for (const u of expected.units) expect(Math.abs(scores.get(unitKey(u.name))! - u.score)).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  test('the planted figures: 82.5, 88.3 and 44.0, and the quota demoting all three candidates', () => {
    const score = (name: string) => ours.units.find((u) => unitKey(u.name) === unitKey(name))!;
    expect(score('Phòng Lao động - Thương binh và Xã hội')).toMatchObject({ score: 82.5, level: 'completed' });
    expect(score('Phòng Nội vụ')).toMatchObject({ score: 88.3, level: 'completed' });
    expect(score('Phòng Tư pháp')).toMatchObject({ score: 44, level: 'not_completed' });
    expect(ours.units.filter((u) => u.level === 'excellent')).toEqual([]);
    expect(ours.units.filter((u) => u.score === 100 && u.due > 0).map((u) => u.level)).toEqual(['good', 'good', 'good']);
  });
});
