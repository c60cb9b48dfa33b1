/** The report file: large reports are written in pieces, and the bytes are JSON.stringify's exactly. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compactReportPieces, writeReport } from '../../src/cli/report-file';
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
