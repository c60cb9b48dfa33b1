/**
 * Child process of `npm run bench`: the engine alone (`checkWorkbook`) on sheets already read and
 * saved with v8.serialize, in a fresh process whose heap holds nothing else (no ExcelJS workbook to
 * collect). Prints one JSON line: best wall and CPU milliseconds over the runs, and the task count.
 * The bench runs it bundled by esbuild, as the command line runs: ENGINE_BUNDLE SHEETS AS_OF RUNS.
 */
import { readFileSync } from 'node:fs';
import * as v8 from 'node:v8';
import type { SheetData } from '../../src/core/cells';
import { checkWorkbook } from '../../src/core/check';

const [file, asOf, runsText] = process.argv.slice(2);
const sheets = v8.deserialize(readFileSync(file!)) as SheetData[];
let bestMs = Infinity;
let bestCpuMs = Infinity;
let tasks = 0;
for (let i = 0; i < Number(runsText); i++) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const report = checkWorkbook(sheets, { asOf: asOf! });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  bestMs = Math.min(bestMs, ms);
  bestCpuMs = Math.min(bestCpuMs, (used.user + used.system) / 1000);
  tasks = report.tasks.length;
}
process.stdout.write(JSON.stringify({ bestMs, bestCpuMs, tasks }) + '\n');
