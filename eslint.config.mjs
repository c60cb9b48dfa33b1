import tseslint from 'typescript-eslint';

// --- Layers (docs/architecture.md): which folder may import which. Checked by test/architecture.
const HOSTS = '(cli|commands|taskpane)';
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const only = (what) => `${what}: see the table in docs/architecture.md`;
export const LAYERS = [
  layer(['src/core/**/*.ts'], [
    { regex: '^(?!zod$|\\.)', message: only('core imports only itself, src/i18n and zod') },
    { regex: `(^|/)(adapters|port|usecases|${HOSTS})(/|$)`, message: only('core imports only itself, src/i18n and zod') },
  ]),
  layer(['src/i18n/**/*.ts'], [{ regex: '^(?!\\./)', message: only('i18n imports nothing outside src/i18n') }]),
  layer(['src/port/**/*.ts'], [
    { regex: '^(?!\\.)', message: only('the port imports only core') },
    { regex: `(^|/)(adapters|usecases|${HOSTS})(/|$)`, message: only('the port imports only core') },
  ]),
  layer(['src/usecases/**/*.ts'], [
    { regex: '^(?!\\.)', message: only('use cases import core, the port and i18n') },
    { regex: `(^|/)(adapters|${HOSTS})(/|$)`, message: only('use cases import core, the port and i18n') },
  ]),
  layer(['src/adapters/office/**/*.ts'], [
    { regex: `(^|/)(xlsx|usecases|${HOSTS})(/|$)`, message: only('an adapter never imports another adapter, a use case or a host') },
  ]),
  layer(['src/adapters/xlsx/**/*.ts'], [
    { regex: `(^|/)(office|usecases|${HOSTS})(/|$)`, message: only('an adapter never imports another adapter, a use case or a host') },
  ]),
  layer([`src/${'{cli,commands,taskpane}'}/**/*.{ts,tsx}`], [
    {
      regex: '(^|/)adapters/[^/]+/(?!node$)',
      message: only('hosts reach an adapter through its factory: adapters/<name> (its index.ts), or adapters/xlsx/node in Node'),
    },
  ]),
];


export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  ...LAYERS,
  {
    // CommonJS files run by node or webpack without a TypeScript loader.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
