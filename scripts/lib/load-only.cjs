/**
 * The bench's baseline: what ExcelJS alone needs to load a file, read the way the command line
 * reads it (the whole file into a buffer, then `xlsx.load`). Prints the in-process load seconds.
 */
'use strict';
const fs = require('node:fs');
const ExcelJS = require('exceljs');

const start = process.hrtime.bigint();
const wb = new ExcelJS.Workbook();
wb.xlsx.load(fs.readFileSync(process.argv[2])).then(
  () => {
    process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e9}\n`);
  },
  (e) => {
    process.stderr.write(`load-only: ${e && e.message}\n`);
    process.exitCode = 1;
  },
);
