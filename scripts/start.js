#!/usr/bin/env node
// `npm start`: the development server on https://localhost:3000/ with a trusted localhost
// certificate (office-addin-dev-certs), then how to load the add-in into Excel.
//
// Microsoft's templates use office-addin-debugging for this, which also sideloads into Excel
// desktop automatically; it cannot be installed here (it needs keytar, a native module). So this
// script serves and explains; on a Mac, where sideloading is copying the manifest into Excel's
// "wef" folder, it does that copy itself. docs/deploy.md has the steps for every platform.
//
//   npm start                  trusted dev certificate (asks the OS to trust a local CA once)
//   KQ_SELF_SIGNED=1 npm start self-signed certificate (browsers only; Excel desktop refuses it)
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const configure = require('../webpack.config.js');
const { devHttpsOptions } = require('./dev-certs');
const { DEV_BASE_URL } = require('./manifest-url');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

/** Excel for Mac loads every manifest found in this folder (its "developer" add-ins). */
function sideloadOnMac() {
  const container = path.join(os.homedir(), 'Library', 'Containers', 'com.microsoft.Excel');
  if (!fs.existsSync(container)) return null;
  const wef = path.join(container, 'Data', 'Documents', 'wef');
  fs.mkdirSync(wef, { recursive: true });
  const target = path.join(wef, 'trach-nhiem.manifest.xml');
  fs.copyFileSync(MANIFEST, target);
  return target;
}

function instructions(trusted, macCopy) {
  const lines = [
    '',
    `The add-in is served at ${DEV_BASE_URL} (task pane ${DEV_BASE_URL}taskpane.html).`,
    `Development manifest: ${MANIFEST}`,
    trusted
      ? 'The certificate is the office-addin-dev-certs localhost certificate.'
      : 'The certificate is self-signed: open the URL above in your browser once and accept it; Excel desktop will not load the add-in with it.',
    '',
    'Load the add-in:',
    '  Excel on the web  Home › Add-ins › More add-ins › My add-ins › Upload My Add-in › choose manifest.xml.',
    '  Excel on Windows  put manifest.xml in a shared folder, add that folder to File › Options › Trust Center ›',
    '                    Trust Center Settings › Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel,',
    '                    then Home › Add-ins › More add-ins › Shared Folder.',
    macCopy
      ? `  Excel on Mac      manifest copied to ${macCopy}; restart Excel, then Insert › Add-ins › My Add-ins.`
      : '  Excel on Mac      copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
    '',
    'The "Responsibility" / "Trách nhiệm" tab then appears on the ribbon. Details: docs/deploy.md. Stop with Ctrl+C.',
    '',
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const https = await devHttpsOptions();
  const config = await configure({ WEBPACK_SERVE: true, https: https || null }, { mode: 'development' });
  const { devServer, ...webpackConfig } = config;
  const server = new WebpackDevServer(devServer, webpack(webpackConfig));
  await server.start();
  let macCopy = null;
  if (process.platform === 'darwin') {
    try {
      macCopy = sideloadOnMac();
    } catch (e) {
      console.warn(`Could not copy the manifest into Excel's wef folder: ${e.message}`);
    }
  }
  instructions(Boolean(https), macCopy);
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
