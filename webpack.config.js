// Build of the add-in's pages (task pane, ribbon function file, notice dialog), Office.js from
// node_modules (no CDN: offices on closed networks must work) and the manifest.
//
//   npm run build                                        production build for https://localhost:3000/
//   npm run build -- --env url=https://intranet.example/addin/    production build for that URL
//   npm start                                            dev server on https://localhost:3000/ (scripts/start.js)
//
// The manifest in dist/ has every URL rewritten to the given one (scripts/manifest-url.js).
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, normaliseBaseUrl, rewriteManifest } = require('./scripts/manifest-url');
const { devHttpsOptions } = require('./scripts/dev-certs');

const OFFICE_JS = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');

/**
 * Only what Excel needs from @microsoft/office-js (86 MB in all): the loader, the Excel host files
 * office.js picks by platform (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js, …; the
 * "-15" and "webapp" files serve old hosts and dialogs), the mapping table older hosts load, the
 * telemetry helper it may request, and the English and Vietnamese strings (other locales fall back
 * to en-us). Marked minimized: Terser would spend minutes on them for nothing.
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

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = normaliseBaseUrl(env.url || DEV_BASE_URL);
  const https = serving ? (env.https !== undefined ? env.https : await devHttpsOptions()) : undefined;

  return {
    mode,
    // No eval-based source maps: the pages' Content-Security-Policy (script-src 'self') forbids eval.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    entry: {
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Type checking is `npx tsc --noEmit -p .`; the bundle only needs the JavaScript.
          options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'status.html', template: './src/commands/status.html', chunks: ['status'] }),
      new CopyWebpackPlugin({
        patterns: [
          ...OFFICE_JS_FILES.map((from) => ({
            from,
            context: OFFICE_JS,
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
      // office-js host files are over a megabyte each and are loaded on demand by office.js.
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
