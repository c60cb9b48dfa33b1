#!/usr/bin/env node
/**
 * Runs the command line from a bundle that esbuild rebuilds only when a source file is newer.
 * Running the TypeScript through tsx costs about 1.5 s of start-up on every call; the bundle
 * (with its dependencies in it) starts in a few tens of milliseconds.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'build', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return newestSource(path.join(root, 'src')) > built || fs.statSync(path.join(root, 'package-lock.json')).mtimeMs > built;
}

if (stale()) {
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
}
require(bundle);
