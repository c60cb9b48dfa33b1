// Lints snippets and files with the project's eslint config, outside jest (which cannot load the
// ESM config): reads { snippets: [{ file, specifier }], files: [dir] } on stdin, writes for each
// snippet the messages of no-restricted-imports, and the layering errors of the files, as JSON.
'use strict';
const path = require('node:path');
const { ESLint } = require('eslint');

const ROOT = path.resolve(__dirname, '../..');
const RULE = 'no-restricted-imports';

(async () => {
  const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: ROOT });
  const snippets = [];
  for (const { file, specifier } of input.snippets) {
    const code = `import * as m from '${specifier}';\nexport const used = m;\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    snippets.push(result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message));
  }
  const files = [];
  for (const r of await eslint.lintFiles(input.files.map((f) => path.join(ROOT, f)))) {
    for (const m of r.messages) if (m.ruleId === RULE) files.push(`${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`);
  }
  process.stdout.write(JSON.stringify({ snippets, files }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exitCode = 1;
});
