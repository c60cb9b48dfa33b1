/**
 * Preloaded into bench children (NODE_OPTIONS=--require …): on exit, append the process's peak
 * resident set size (getrusage maxrss, in kB on every platform Node supports) to $BENCH_RSS_FILE.
 * Works without /usr/bin/time and measures the Node process itself, not a wrapper.
 */
'use strict';
const fs = require('node:fs');

const out = process.env.BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    fs.appendFileSync(out, `${process.resourceUsage().maxRSS}\n`);
  });
}
