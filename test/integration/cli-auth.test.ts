import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { authenticate, hashToken } from '../../auth/token-service';
import { closeDatabase, openDatabase } from '../../db/connection';

const root = path.resolve(__dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-cli-'));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('cli auth token', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when a supervisor token is minted, then it is printed and only its hash is stored', async () => {
    const minted = cli(['auth', 'token', '--role', 'supervisor', '--name', 'Dana']);
    assert.equal(minted.code, 0, minted.stderr);
    assert.match(minted.stdout, /^sst_supervisor_[A-Za-z0-9_-]{32}$/);

    const db = openDatabase({ sqliteFile: path.join(dataDir, 'support.sqlite') });
    try {
      const rows = await db('api_tokens').select('*');
      assert.equal(rows.length, 1);
      assert.equal(rows[0].token_hash, hashToken(minted.stdout));
      assert.ok(!JSON.stringify(rows).includes(minted.stdout), 'the token itself must not be stored');
      const principal = await authenticate(db, minted.stdout);
      assert.equal(principal?.role, 'supervisor');
      assert.equal(principal?.name, 'Dana');
    } finally {
      await closeDatabase(db);
    }
  });

  const mistakes: [string, string[], RegExp][] = [
    ['no role', ['auth', 'token'], /--role is required: channel, agent, supervisor, auditor/],
    ['an unknown role', ['auth', 'token', '--role', 'admin'], /unknown role "admin": use one of channel, agent/],
    ['a role without a value', ['auth', 'token', '--role'], /--role needs a value/],
    ['an unknown flag', ['auth', 'token', '--role', 'agent', '--ttl', '5'], /unknown option --ttl/],
    ['an unknown subcommand', ['auth', 'revoke'], /usage: auth token --role/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ];
  for (const [label, args, message] of mistakes) {
    it(`when given ${label}, then it exits 2 and says what to fix`, () => {
      const result = cli(args);
      assert.equal(result.code, 2, result.stdout);
      assert.match(result.stderr, message);
    });
  }

  it('when the configuration is invalid, then it exits 2 naming the variable', () => {
    const result = cli(['auth', 'token', '--role', 'agent'], { DATABASE_URL: 'mysql://nope' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /DATABASE_URL must be a postgres/);
  });
});
