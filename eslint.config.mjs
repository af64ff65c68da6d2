// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
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

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test runs describe/it itself; their promises are not ours to await.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
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
      'activities/**/*.ts', 'api/**/*.ts', 'auth/**/*.ts', 'cli/**/*.ts', 'commerce/**/*.ts', 'config/**/*.ts',
      'db/**/*.ts', 'domain/**/*.ts', 'knowledge/**/*.ts', 'llm/**/*.ts', 'nlu/**/*.ts', 'observability/**/*.ts',
      'payments/**/*.ts', 'workers/**/*.ts', 'workflows/**/*.ts', 'dev/start.ts', 'dev/temporal-cli.ts', 'dev/temporal-dev-server.ts',
    ],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
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
    // Pure domain logic: used by workflows and activities alike, tested with tables, no I/O.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', impure('Domain logic must stay pure.')],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'fetch'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Domain logic must be deterministic.' }],
    },
  },
);
