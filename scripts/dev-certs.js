// HTTPS options for the development server (https://localhost:3000), shared by webpack.config.js
// and scripts/start.js. Office only loads add-ins over HTTPS from a certificate it trusts:
// office-addin-dev-certs creates a local CA and a localhost certificate in ~/.office-addin-dev-certs
// and asks the operating system to trust the CA (once; Windows and macOS show a prompt, Linux asks
// for sudo). When that fails, or KQ_SELF_SIGNED=1 is set, webpack-dev-server makes a self-signed
// certificate instead: fine for a browser you tell to trust it, refused by Excel desktop.
'use strict';

async function devHttpsOptions() {
  if (process.env.KQ_SELF_SIGNED === '1') return undefined;
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    const options = await getHttpsServerOptions();
    return { key: options.key, cert: options.cert, ca: options.ca };
  } catch (e) {
    console.warn(`office-addin-dev-certs could not provide a trusted certificate (${e && e.message ? e.message : e}).`);
    console.warn('Falling back to a self-signed certificate: Excel desktop will refuse it; see docs/deploy.md.');
    return undefined;
  }
}

module.exports = { devHttpsOptions };
