/**
 * The pages' Content-Security-Policy, one definition for the build (webpack.config.js writes it into
 * each page) and the tests (test/security).
 *
 * Inside Office the pages load Office.js. From Microsoft's CDN (the default build) the policy allows
 * the origins Office.js is known to need and no others; Microsoft documents no canonical list, and
 * the one found in practice is in the open issue "Document required CSP values"
 * (https://github.com/OfficeDev/office-js/issues/1005): its CDN, appsforoffice.microsoft.com, which
 * also serves the host files and the trust page Office.js frames in Excel on the web; ajax.aspnetcdn.com,
 * where it loads MicrosoftAjax when a host needs it; and browser.pipe.aria.microsoft.com, its
 * telemetry. A request one of them refuses only loses telemetry; Office.js itself comes from the CDN.
 * The local build (closed networks) allows this origin only.
 *
 * Browser mode never loads Office.js, and adds boot.ts's BROWSER_MODE_POLICY, which narrows the page
 * to its own origin.
 */
'use strict';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN_URL = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_ORIGINS = {
  script: [OFFICE_CDN, 'https://ajax.aspnetcdn.com'],
  connect: ['https://browser.pipe.aria.microsoft.com'],
  frame: [OFFICE_CDN],
};

/**
 * @param {'cdn' | 'local'} officeJs where Office.js comes from
 * @param {'pane' | 'commands'} page the task pane (React, Fluent UI styles, images) or a page without UI framework
 */
function pagePolicy(officeJs, page) {
  const cdn = officeJs === 'cdn';
  const list = (own, extra) => [own, ...(cdn ? extra : [])].join(' ');
  const directives = [
    "default-src 'self'",
    `script-src ${list("'self'", OFFICE_ORIGINS.script)}`,
    "style-src 'self' 'unsafe-inline'",
    page === 'pane' ? "img-src 'self' data: blob:" : "img-src 'self'",
    page === 'pane' ? "font-src 'self' data:" : null,
    `connect-src ${list("'self'", OFFICE_ORIGINS.connect)}`,
    `frame-src ${cdn ? OFFICE_ORIGINS.frame.join(' ') : "'self'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
  return directives.filter(Boolean).join('; ');
}

/** The Office.js URL a build loads: Microsoft's CDN, or the copy served next to the pages. */
function officeJsUrl(officeJs) {
  return officeJs === 'cdn' ? OFFICE_JS_CDN_URL : 'office-js/office.js';
}

module.exports = { OFFICE_JS_CDN_URL, OFFICE_ORIGINS, pagePolicy, officeJsUrl };
