/**
 * The layers of docs/architecture.md, enforced by eslint (eslint.config.mjs, LAYERS): for each
 * layer, an import it must not make is refused and one it may make passes, linted with the project's
 * own config at a path inside that layer; and the project's src/ has no layering error at all.
 * ESLint runs in a child process (lint-imports.cjs): jest cannot load its ESM config.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const CASES: ReadonlyArray<[layer: string, file: string, refused: readonly string[], allowed: readonly string[]]> = [
  ['core', 'src/core/example.ts', ['../adapters/xlsx', '../port/workbook-port', '../usecases/check-workbook', 'react', 'node:fs', 'fflate'], ['./cells', '../i18n/messages', 'zod']],
  ['core, nested', 'src/core/rule-sets/example.ts', ['../../taskpane/Pane', '../../cli/main'], ['../../i18n/messages', '../report']],
  ['i18n', 'src/i18n/example.ts', ['../core/report', 'zod'], ['./messages']],
  ['port', 'src/port/example.ts', ['../adapters/office', '../usecases/notices', 'exceljs'], ['../core/cells']],
  ['use cases', 'src/usecases/example.ts', ['../adapters/xlsx', '../taskpane/host', 'node:path'], ['../core/check', '../port/workbook-port', '../i18n/messages']],
  ['office adapter', 'src/adapters/office/example.ts', ['../xlsx', '../../usecases/check-workbook', '../../taskpane/host'], ['../../core/flag-plan', '../../port/workbook-port', './faults']],
  ['xlsx adapter', 'src/adapters/xlsx/example.ts', ['../office/faults', '../../commands/handlers'], ['../../core/flag-plan', 'fflate', './zip']],
  ['command line', 'src/cli/example.ts', ['../adapters/xlsx/zip', '../adapters/xlsx/node-platform'], ['../adapters/xlsx', '../adapters/xlsx/node', '../usecases/check-workbook', 'node:fs']],
  ['ribbon', 'src/commands/example.ts', ['../adapters/office/office-workbook'], ['../adapters/office', '../usecases/check-workbook']],
  ['task pane', 'src/taskpane/components/Example.tsx', ['../../adapters/office/host', '../../adapters/xlsx/sheet-reader'], ['../../adapters/xlsx', '../../usecases/check-workbook', 'react']],
];

const snippets = CASES.flatMap(([, file, refused, allowed]) => [...refused, ...allowed].map((specifier) => ({ file, specifier })));
let linted: { snippets: string[][]; files: string[] };

beforeAll(() => {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'lint-imports.cjs')], {
    input: JSON.stringify({ snippets, files: ['src'] }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  linted = JSON.parse(run.stdout) as typeof linted;
}, 180_000);

const errorsOf = (file: string, specifier: string): string[] => linted.snippets[snippets.findIndex((s) => s.file === file && s.specifier === specifier)]!;

describe.each(CASES)('%s', (_layer, file, refused, allowed) => {
  test.each(refused)(`refuses %s`, (specifier) => {
    expect(errorsOf(file, specifier)).toHaveLength(1);
  });
  test.each(allowed)(`allows %s`, (specifier) => {
    expect(errorsOf(file, specifier)).toEqual([]);
  });
});

test('src/ keeps to its layers', () => {
  expect(linted.files).toEqual([]);
});
