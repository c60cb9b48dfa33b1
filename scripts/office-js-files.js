/**
 * The local copy of Office.js for closed networks (`npm run build -- --env officejs=local`): which
 * files of the @microsoft/office-js package the pages need, and where the build takes them from.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * Only what Excel needs from @microsoft/office-js (86 MB in all): the loader, the Excel host files
 * office.js picks by platform (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js, …; the
 * "-15" and "webapp" files serve old hosts and dialogs), the mapping table older hosts load, the
 * telemetry helper it may request, and the English and Vietnamese strings (other locales fall back
 * to en-us). Patterns are a file name or a prefix followed by "*.js".
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-*.js',
  'excelwebapp-*.js',
  'excelios-*.js',
  'telemetry/oteljs_agave.js',
  'en-us/office_strings.js',
  'vi-vn/office_strings.js',
];

/** Where `npm run office-js:refresh` keeps the copy (not in git). */
const VENDOR_DIR = path.join('vendor', 'office-js');

/** The copy the local build serves: the refreshed one when there is one, else the pinned package's. */
function officeJsSource(root) {
  const vendor = path.join(root, VENDOR_DIR);
  if (fs.existsSync(path.join(vendor, 'office.js'))) return vendor;
  return path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
}

/** Does a path relative to the package's dist/ match one of the patterns? Debug builds are left out. */
function wanted(relative) {
  const file = relative.split(path.sep).join('/');
  if (file.endsWith('.debug.js')) return false;
  return OFFICE_JS_FILES.some((p) => (p.endsWith('*.js') ? file.startsWith(p.slice(0, -4)) && file.endsWith('.js') && !file.slice(p.length - 4).includes('/') : file === p));
}

module.exports = { OFFICE_JS_FILES, VENDOR_DIR, officeJsSource, wanted };
