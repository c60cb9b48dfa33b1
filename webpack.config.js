// Build of the add-in's pages (task pane, ribbon function file, notice dialog) and the manifest.
//
//   npm run build                                        production build for https://localhost:3000/
//   npm run build -- --env url=https://intranet.example/addin/    production build for that URL
//   npm run build -- --env officejs=local                closed networks: Office.js served from dist/office-js/
//   npm start                                            dev server on https://localhost:3000/ (scripts/start.js)
//
// Office.js comes from Microsoft's CDN, which Microsoft supports and keeps current; the pages load it
// only inside Office (src/taskpane/boot.ts). With officejs=local the pages load a copy served next to
// them instead: the one `npm run office-js:refresh` put in vendor/office-js/, else the pinned
// @microsoft/office-js package (docs/deploy.md says what that costs). Each page's Content-Security-
// Policy follows (scripts/page-policy.js). The manifest in dist/ has every URL rewritten to the given
// one (scripts/manifest-url.js).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest } = require('./scripts/manifest-url');
const { devHttpsOptions } = require('./scripts/dev-certs');
const { OFFICE_JS_FILES, officeJsSource } = require('./scripts/office-js-files');
const { officeJsUrl, pagePolicy } = require('./scripts/page-policy');

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = normaliseBaseUrl(env.url || DEV_BASE_URL);
  const https = serving ? (env.https !== undefined ? env.https : await devHttpsOptions()) : undefined;
  const officeJs = env.officejs === undefined || env.officejs === 'cdn' ? 'cdn' : env.officejs;
  if (officeJs !== 'cdn' && officeJs !== 'local') throw new Error(`--env officejs=${officeJs}: use cdn (the default) or local`);
  const localOfficeJs = officeJs === 'local' ? officeJsSource(__dirname) : null;
  if (localOfficeJs && !fs.existsSync(path.join(localOfficeJs, 'office.js'))) throw new Error(`no office.js in ${localOfficeJs}: run npm run office-js:refresh`);
  const page = (filename, template, chunks, kind) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      chunksSortMode: 'manual',
      templateParameters: { csp: pagePolicy(officeJs, kind), officeJs: officeJsUrl(officeJs) },
    });

  return {
    mode,
    // No eval-based source maps: the pages' Content-Security-Policy (script-src 'self') forbids eval.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    // The pages' modern code runs in current engines only; the webpack runtime and compat.js stay
    // ES5 so that an old engine (Internet Explorer, the old Edge) still shows why the pane cannot run.
    target: ['web', 'es5'],
    entry: {
      compat: './src/taskpane/compat.ts',
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      status: './src/commands/status.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          oneOf: [
            {
              // compat.js and the ribbon catalogue it imports: ES5, see `target`. (The catalogue is a
              // separate module, built twice: ES5 here, ES2020 for the pages' own code.)
              test: /[\\/](compat|ribbon)\.ts$/,
              issuer: { or: [/[\\/]compat\.ts$/, { not: [/./] }] },
              exclude: /node_modules/,
              loader: 'ts-loader',
              options: { instance: 'es5', transpileOnly: true, compilerOptions: { module: 'esnext', target: 'es5', sourceMap: true } },
            },
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              loader: 'ts-loader',
              // Type checking is `npx tsc --noEmit -p .`; the bundle only needs the JavaScript.
              options: { transpileOnly: true, compilerOptions: { module: 'esnext', target: 'es2020', sourceMap: true } },
            },
          ],
        },
      ],
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['compat', 'taskpane'], 'pane'),
      page('commands.html', './src/commands/commands.html', ['commands'], 'commands'),
      page('status.html', './src/commands/status.html', ['status'], 'commands'),
      new CopyWebpackPlugin({
        patterns: [
          ...(localOfficeJs ? OFFICE_JS_FILES : []).map((from) => ({
            from,
            context: localOfficeJs,
            // keep the locale and telemetry folders: office.js asks for en-us/office_strings.js, …
            to: path.posix.join('office-js', path.posix.dirname(from), '/'),
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
          })),
          { from: 'assets/*.png' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => rewriteManifest(content.toString('utf8'), baseUrl) },
          },
        ],
      }),
    ],
    performance: {
      // office-js host files (local build) are over a megabyte each and are loaded on demand by office.js.
      hints: false,
    },
    devServer: {
      // localhost only: the development server is not for the office network
      host: 'localhost',
      port: 3000,
      server: https ? { type: 'https', options: https } : { type: 'https' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false } },
      static: false,
    },
  };
};
