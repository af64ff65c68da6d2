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
