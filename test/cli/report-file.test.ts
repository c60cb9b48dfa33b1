/** The report file: large reports are written in pieces, and the bytes are JSON.stringify's exactly. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compactReportPieces, SeparatelyReportFile, writeReport } from '../../src/cli/report-file';
import type { Report, TaskReport } from '../../src/core/report';

function report(tasks: number, extra: Partial<Report> = {}): Report {
  const task = (i: number): TaskReport => ({
    sheet: 'Nhiệm vụ "Q3"',
    row: i + 2,
    leadUnits: i % 3 === 0 ? [] : ['Phòng Nội vụ', 'UBND xã Mỹ Hòa'],
    deadline: i % 5 === 0 ? null : '2026-06-30',
    completed: null,
    status: 'open_overdue',
    daysLate: i,
    recurring: false,
  });
  return {
    version: 1,
    asOf: '2026-11-26',
    sheets: [{ name: 'Nhiệm vụ "Q3"', kind: 'task', headerRow: 1, dataRows: tasks, columns: { leadUnit: 'B', deadline: 'C' } }],
    tasks: Array.from({ length: tasks }, (_, i) => task(i)),
    findings: Array.from({ length: Math.floor(tasks / 2) }, (_, i) => ({ sheet: 'S', cell: `C${i + 2}`, rule: 'overdue' as const, severity: 'error' as const, message: `Quá hạn ${i} ngày\n` })),
    units: [],
    people: [],
    ignoredSheets: [{ name: 'KQ Đánh giá', reason: 'của công cụ' }],
    rules: '2026',
    ...extra,
  };
}

test.each([0, 1, 1999, 2000, 2001, 4000, 4001, 9999])('%i tasks: the pieces join to JSON.stringify(report) and a line end', (n) => {
  const r = report(n);
  expect([...compactReportPieces(r)].join('')).toBe(JSON.stringify(r) + '\n');
});

test('an optional field left undefined is left out, as JSON.stringify does; a present one is written', () => {
  const without = { ...report(3), notKept: undefined };
  expect([...compactReportPieces(without)].join('')).toBe(JSON.stringify(without) + '\n');
  const withIt = report(3, { notKept: [{ part: 'xl/media/image1.png', what: 'image' }] });
  expect([...compactReportPieces(withIt)].join('')).toBe(JSON.stringify(withIt) + '\n');
});

test('writeReport: a large report streamed, a small one indented; both the bytes promised', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-report-'));
  try {
    const large = report(6_001);
    await writeReport(path.join(dir, 'large.json'), large);
    expect(await fs.readFile(path.join(dir, 'large.json'), 'utf8')).toBe(JSON.stringify(large) + '\n');
    const small = report(10);
    await writeReport(path.join(dir, 'small.json'), small);
    expect(await fs.readFile(path.join(dir, 'small.json'), 'utf8')).toBe(JSON.stringify(small, null, 2) + '\n');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

describe('the report of books checked separately, written book by book (SPEC §7)', () => {
  const summary = [
    { file: 'a.xlsx', tasks: 10, due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 10, lateShare: 0, errors: 5, warnings: 0, units: 1 },
    { file: 'b.xlsx', tasks: 3, due: 0, doneOnTime: 0, doneLate: 0, openOverdue: 3, lateShare: 0, errors: 1, warnings: 0, units: 1 },
  ];

  async function written(books: Report[]): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kq-report-'));
    try {
      const file = new SeparatelyReportFile(path.join(dir, 'r.json'));
      for (const [i, r] of books.entries()) await file.book(summary[i]!.file, r);
      await file.finish(summary.slice(0, books.length));
      return await fs.readFile(path.join(dir, 'r.json'), 'utf8');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  test('small books: the bytes of JSON.stringify(whole report, null, 2)', async () => {
    const books = [report(10), report(3, { notKept: [{ part: 'xl/media/image1.png', what: 'image' }] })];
    const whole = { version: 1, mode: 'separately', books: books.map((r, i) => ({ file: summary[i]!.file, report: r })), summary };
    expect(await written(books)).toBe(JSON.stringify(whole, null, 2) + '\n');
  });

  test('a large book is written compact among indented ones; the whole reads back the same', async () => {
    const books = [report(2_001), report(3)];
    const text = await written(books);
    expect(JSON.parse(text)).toEqual({ version: 1, mode: 'separately', books: books.map((r, i) => ({ file: summary[i]!.file, report: r })), summary });
    expect(text).toContain(JSON.stringify(books[0]));
  });
});
