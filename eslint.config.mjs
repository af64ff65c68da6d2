// @ts-check
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ioLibraries = [
  'knex', 'pg', 'better-sqlite3', 'express', 'yaml', '@anthropic-ai/sdk',
  '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing',
];
const impure = (why) => ({
  paths: [...nodeBuiltins, ...ioLibraries].map((name) => ({ name, message: why })),
  patterns: [
    // Workflows may name activity types, never load activity code: `import type` only.
    { group: ['**/activities', '**/activities/**'], allowTypeImports: true, message: `${why} Use \`import type\` for activities.` },
    { group: ['**/db/**', '**/api/**', '**/workers/**', '**/dev/**', '**/cli/**', '**/config/**'], message: why },
  ],
});

// The part of the browser the web pages use (no `globals` package here): anything else is a slip.
const browserGlobals = Object.fromEntries(
  [
    'document', 'location', 'history', 'sessionStorage', 'fetch', 'setTimeout', 'clearTimeout', 'URL',
    'HTMLElement', 'HTMLInputElement', 'HTMLButtonElement', 'HTMLTextAreaElement', 'HTMLFormElement',
  ].map((name) => [name, 'readonly']),
);
// Folder boundaries, written by folder so they survive files moving inside them. A layer lists the
// only top-level folders its files may import from; every other folder (a new one too) is refused
// until it is listed here on purpose.
const folders = fs
  .readdirSync(import.meta.dirname, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'data'].includes(e.name))
  .map((e) => e.name);
// The modules of nlu/ with no I/O (no fs, no clock, no Buffer): all a workflow may know of classification.
const PURE_NLU = ['classification.ts', 'keyword-rules.ts', 'keyword-rules-languages.ts', 'features.ts', 'linear.ts', 'mlp.ts'];
const PURE_NLU_ONLY = 'nlu (pure modules only)';
const LAYERS = [
  { files: ['domain'], mayImport: ['domain'], why: 'Domain logic stays pure: it imports only domain/.' },
  {
    files: ['workflows'],
    // activities/ for their types only: the no-restricted-imports rule for workflows refuses values.
    mayImport: ['workflows', 'domain', 'activities', PURE_NLU_ONLY],
    why: 'Workflow code is replayed: besides domain/ it may use only the pure nlu modules and activity types.',
  },
  {
    files: PURE_NLU.map((f) => `nlu/${f}`),
    mayImport: ['domain', PURE_NLU_ONLY],
    why: 'Workflows import these nlu modules: they stay pure.',
  },
];
const product = folders.filter((f) => !['test', 'bench', 'dev'].includes(f));
const boundaryZones = [
  ...LAYERS.flatMap(({ files, mayImport, why }) =>
    folders
      .filter((from) => !mayImport.includes(from))
      .map((from) => ({
        target: files.map((f) => `./${f}`),
        from: `./${from}`,
        ...(from === 'nlu' && mayImport.includes(PURE_NLU_ONLY) ? { except: PURE_NLU.map((f) => `./${f}`) } : {}),
        message: why,
      })),
  ),
  // A benchmark measures the product; it must not lean on the test suite's helpers.
  { target: './bench', from: './test', message: 'bench/ must not import test/: move code both need out of test/.' },
  // The evaluation plays the product from outside: only the CLI, which routes `eval` to it, may import it.
  {
    target: product.filter((f) => !['eval', 'cli'].includes(f)).map((f) => `./${f}`),
    from: './eval',
    message: 'Product code must not import eval/ (only cli/ routes to it).',
  },
  // What ships must not reach into the suite, the benchmarks or the developer tools.
  ...['test', 'bench', 'dev'].map((from) => ({
    target: product.map((f) => `./${f}`),
    from: `./${from}`,
    message: `Product code must not import ${from}/.`,
  })),
];

export default tseslint.config(
  // Plain JavaScript is linted only where it is product code: the web pages' browser modules.
  { ignores: ['node_modules/', 'data/', '**/*.js', '!api/web/**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts', '.cts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      // A file cycle makes load order matter and hides which module is the lower layer.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaryZones }],
    },
  },
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // mocha runs describe/it and the hooks itself; their return values are not ours to await.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'mocha', name: ['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-control-regex': 'off',
    },
  },
  {
    // Product code logs through observability/logger.ts (JSON lines, PII redacted); the CLI writes its
    // results with process.stdout.write and its diagnostics with process.stderr.write.
    files: [
      'activities/**/*.ts', 'api/**/*.ts', 'auth/**/*.ts', 'cli/**/*.ts', 'eval/**/*.ts', 'channels/**/*.ts', 'seed/**/*.ts', 'store-actions/**/*.ts', 'tau/**/*.ts', 'config/**/*.ts',
      'db/**/*.ts', 'domain/**/*.ts', 'knowledge/**/*.ts', 'llm/**/*.ts', 'nlu/**/*.ts', 'observability/**/*.ts',
      'payments/**/*.ts', 'workers/**/*.ts', 'workflows/**/*.ts', 'dev/start.ts', 'dev/temporal-cli.ts', 'dev/temporal-dev-server.ts',
    ],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // @types/mocha also declares the TDD globals; the suite is BDD, and a stray `test(` only fails at load time.
      'no-restricted-globals': ['error', ...['test', 'suite', 'context', 'specify', 'setup', 'teardown'].map((name) => ({ name, message: 'The suite uses describe/it from mocha.' }))],
    },
  },
  {
    // Workflow code is replayed: it must be deterministic, so no I/O, no clocks or randomness but Temporal's.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', impure('Workflow code must stay deterministic.')],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'setImmediate', 'fetch'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use uuid4() or input from an activity.' }],
    },
  },
  {
    // Pure domain logic (and the pure nlu modules): used by workflows and activities alike, tested with tables, no I/O.
    files: ['domain/**/*.ts', ...PURE_NLU.map((f) => `nlu/${f}`)],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', impure('Domain logic must stay pure.')],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'fetch'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Domain logic must be deterministic.' }],
    },
  },
  {
    // The web pages: browser ES modules, type-checked from their JSDoc by tsconfig.web.json.
    files: ['api/web/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: browserGlobals,
      parserOptions: { projectService: false, project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Customer text reaches the page: it becomes text nodes, never markup.
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'write', 'writeln'].map((property) => ({ property, message: 'Build elements with el() and textContent.' })),
      ],
    },
  },
);
