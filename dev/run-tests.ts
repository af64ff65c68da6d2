// `npm test`: finds the Temporal CLI (building it once if needed), then runs every test file with mocha (.mocharc.cjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveTemporalCli } from './temporal-cli';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2);
const files = only.length > 0 ? only : testFiles(path.join(root, 'test'));
const cli = resolveTemporalCli();
const env = { ...process.env, ...(cli ? { TEMPORAL_CLI_PATH: cli } : {}) };
const result = spawnSync(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...files], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
