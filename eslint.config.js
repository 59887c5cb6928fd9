// Lint rules, including DESIGN.md's dependency table: a wrong import fails CI rather than review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** One no-restricted-imports rule per folder; each message says why. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const UI = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'recharts', '@tanstack/*'], message: 'UI libraries belong to src/app and src/charts only.' };
const STORAGE = { group: ['idb', 'comlink'], message: 'IndexedDB and worker messaging belong to src/workers only (DESIGN.md layout).' };
const up = (name, why) => ({ group: [`**/${name}`, `**/${name}/**`, `../${name}/*`], message: why });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.bench/**', 'public/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // the product's lists can be huge: a spread passes every item on the stack and throws past ~100k (appendAll.ts)
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement', message: 'Spreading a list into push() overflows the stack on big lists: use appendAll (src/core/appendAll.ts).' }] },
  },
  { files: ['src/app/**/*.{ts,tsx}', 'src/charts/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  layer(['src/core/**'], [
    up('parsers', 'core is the pure kernel: it imports nothing from src/.'), up('detect', 'core imports nothing from src/.'),
    up('charts', 'core imports nothing from src/.'), up('workers', 'core imports nothing from src/.'), up('app', 'core imports nothing from src/.'),
    up('cli', 'core imports nothing from src/.'), UI, STORAGE,
  ]),
  layer(['src/parsers/**'], [
    up('detect', 'parsers and detect never see each other.'), up('charts', 'parsers produce events; they know nothing of charts.'),
    up('workers', 'parsers are called by the engine, never the reverse.'), up('app', 'parsers know nothing of the UI.'), up('cli', 'parsers know nothing of the CLI.'), UI, STORAGE,
  ]),
  layer(['src/detect/**'], [
    up('parsers', 'parsers and detect never see each other: detectors read normalized events only.'), up('charts', 'detectors know nothing of charts.'),
    up('workers', 'detectors are called by the engine, never the reverse.'), up('app', 'detectors know nothing of the UI.'), up('cli', 'detectors know nothing of the CLI.'), UI, STORAGE,
  ]),
  layer(['src/charts/**'], [
    up('parsers', 'charts are fed pre-aggregated series only.'), up('detect', 'charts are fed pre-aggregated series only.'),
    up('workers', 'charts are presentational: the app passes them data.'), up('app', 'charts are reusable components below the app.'), up('cli', 'charts know nothing of the CLI.'), STORAGE,
  ]),
  layer(['src/workers/**'], [
    up('app', 'the engine never imports the UI.'), up('charts', 'the engine hands series to the app; it does not render.'), up('cli', 'the engine is below the CLI.'), UI,
  ]),
  layer(['src/app/**'], [
    up('parsers', 'the UI asks EngineApi; parsing happens in the worker, never on the main thread.'),
    up('detect', 'the UI asks EngineApi; detection runs in the worker.'), up('cli', 'the UI does not use the CLI.'),
    { group: ['**/workers/ingest/**', '**/workers/store/**', '**/workers/query/**', '**/workers/export/**', '**/workers/enrich/**', '**/workers/engine*'], message: 'the UI talks to the engine only through workers/client.ts and the types of workers/api.ts.' },
    STORAGE,
  ]),
  layer(['src/cli/**'], [up('app', 'the CLI runs the engine headless: no UI.'), up('charts', 'the CLI runs the engine headless: no charts.'), UI]),
);
