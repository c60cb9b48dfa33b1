// The manifest's one origin. manifest.xml in the repository points every URL at DEV_BASE_URL (npm
// start); the production build rewrites it to the URL given with `--env url=...`. Plain CommonJS so
// that webpack.config.js can use it without a TypeScript loader.
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';

/** An https:// URL without query or fragment, ending with "/". Throws with a clear message otherwise. */
function normaliseBaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new Error(`The add-in URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`Office add-ins must be served over HTTPS: ${url}`);
  if (parsed.search || parsed.hash) throw new Error(`The add-in URL must not have a query or fragment: ${url}`);
  const href = parsed.href;
  return href.endsWith('/') ? href : `${href}/`;
}

function xmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The manifest with every occurrence of the development origin replaced by baseUrl. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(xmlAttribute(normaliseBaseUrl(baseUrl)));
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest };
