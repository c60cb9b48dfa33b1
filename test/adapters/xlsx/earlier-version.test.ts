/**
 * A book annotated by the previous version (whose writer was ExcelJS): annotating it again
 * replaces the old flags, notes and KQ sheets in place instead of adding to them, and says nothing
 * was lost, since everything it replaces was the add-in's own.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { nodePlatform } from '../../../src/adapters/xlsx/node-platform';
import { NOTE_PREFIX, planFlags } from '../../../src/core/flag-plan';
import { checkFlagAndScore } from '../../../src/usecases/check-workbook';
import { elements, partText, partXml, readParts, relsOf, sheetPartOf } from '../../helpers/package-parts';

const FILE = path.resolve(__dirname, '..', '..', 'fixtures', 'xlsx', 'annotated-by-exceljs-adapter.xlsx');
const AS_OF = '2026-09-15';
const TASKS = 'Nhiệm vụ';

async function annotate(bytes: Uint8Array) {
  const book = await XlsxWorkbook.open(bytes, nodePlatform);
  const { report } = await checkFlagAndScore(book, { asOf: AS_OF, lang: 'vi' });
  const out = await book.toBuffer();
  return { out, report, notices: book.takeNotices() };
}

describe('a book annotated by the ExcelJS version', () => {
  const original = new Uint8Array(readFileSync(FILE));
  let result: Awaited<ReturnType<typeof annotate>>;
  beforeAll(async () => {
    result = await annotate(original);
  });

  test('keeps every sheet in its place, the KQ sheets once each', () => {
    const names = (bytes: Uint8Array) => elements(partXml(readParts(bytes), 'xl/workbook.xml'), 'sheet').map((s) => s.getAttribute('name'));
    expect(names(result.out)).toEqual(names(original));
    expect(names(original)).toEqual(['Danh mục', TASKS, 'KQ Hạn', 'KQ Đánh giá', 'KQ Kiểm tra']);
    expect(result.notices).toEqual([]);
  });

  test("the task sheet's rules are exactly this run's: the old ones are gone, none doubled", () => {
    const parts = readParts(result.out);
    const formulas = elements(partXml(parts, sheetPartOf(parts, TASKS)), 'formula').map((f) => f.textContent ?? '');
    const marks = planFlags(result.report).sheets[0]!.marks;
    const severities = new Set(marks.map((m) => m.severity));
    // overdue and unassigned, plus one rule per severity of the other findings.
    expect(formulas).toHaveLength(2 + severities.size);
    expect(formulas.filter((f) => f.includes('"kq:overdue"'))).toHaveLength(1);
  });

  test('its notes are this run\'s, on the marked cells, each once', () => {
    const parts = readParts(result.out);
    const sheet = sheetPartOf(parts, TASKS);
    const comments = relsOf(parts, sheet).filter((r) => r.type === 'comments');
    expect(comments).toHaveLength(1);
    const refs = elements(partXml(parts, comments[0]!.part), 'comment')
      .filter((c) => (c.textContent ?? '').startsWith(NOTE_PREFIX))
      .map((c) => c.getAttribute('ref'));
    expect(refs.sort()).toEqual(planFlags(result.report).sheets[0]!.marks.map((m) => m.cell).sort());
    const vml = relsOf(parts, sheet).filter((r) => r.type === 'vmlDrawing');
    expect(vml).toHaveLength(1);
    expect((partText(parts, vml[0]!.part).match(/ObjectType="Note"/g) ?? []).length).toBe(refs.length);
  });

  test("the old KQ sheets' ExcelJS leftovers go: data bars in place of a chart, links as external relationships", () => {
    const parts = readParts(result.out);
    const scores = sheetPartOf(parts, 'KQ Đánh giá');
    expect(partText(parts, scores)).not.toContain('dataBar');
    expect(relsOf(parts, scores).map((r) => r.type).sort()).toEqual(['drawing', 'table']);
    const findings = sheetPartOf(parts, 'KQ Kiểm tra');
    expect(relsOf(parts, findings).map((r) => r.type)).toEqual(['table']);
    expect(elements(partXml(parts, findings), 'hyperlink').length).toBe(result.report.findings.length);
  });

  test('annotated again, the same package byte for byte', async () => {
    const again = await annotate(result.out);
    expect(Buffer.from(again.out).equals(Buffer.from(result.out))).toBe(true);
  });
});
