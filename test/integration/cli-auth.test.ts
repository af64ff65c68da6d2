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

  it('when tokens are listed and one is revoked, then the list shows ids, roles, names, expiry and revocation, never a secret', async () => {
    const widget = cli(['auth', 'token', '--role', 'widget', '--origin', 'https://shop.example', '--name', 'Shop']);
    assert.equal(widget.code, 0, widget.stderr);
    const id = Number(/token id (\d+)/.exec(widget.stderr)?.[1]);
    assert.ok(id > 0, widget.stderr);
    const forever = cli(['auth', 'token', '--role', 'channel', '--ttl', 'never']);
    assert.match(forever.stderr, /does not expire/);
    assert.equal(cli(['auth', 'revoke', String(id)]).stdout, `token ${id} revoked`);
    assert.equal(cli(['auth', 'revoke', String(id)]).stdout, `token ${id} was already revoked`);
    const listed = cli(['auth', 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(!listed.stdout.includes(widget.stdout) && !listed.stdout.includes(forever.stdout), 'no secret is listed');
    const rows = JSON.parse(listed.stdout) as { id: number; role: string; name: string; origin: string | null; expiresAt: string | null; revokedAt: string | null }[];
    const shop = rows.find((r) => r.id === id);
    assert.equal(shop?.role, 'widget');
    assert.equal(shop?.name, 'Shop');
    assert.equal(shop?.origin, 'https://shop.example');
    assert.ok(shop?.revokedAt && shop.expiresAt && Date.parse(shop.expiresAt) > Date.now());
    assert.ok(rows.some((r) => r.role === 'channel' && r.expiresAt === null));
    assert.match(cli(['auth', 'list']).stdout.split('\n')[0] ?? '', /^id\trole\tname\texpires\trevoked\torigin\tlanguages$/);
  });

  it('when an agent says which languages they speak, then the token carries them and the list shows them', async () => {
    const minted = cli(['auth', 'token', '--role', 'agent', '--name', 'Jonas', '--languages', 'DE, fr,de,pt-br']);
    assert.equal(minted.code, 0, minted.stderr);
    const db = openDatabase({ sqliteFile: path.join(dataDir, 'support.sqlite') });
    try {
      assert.deepEqual((await authenticate(db, minted.stdout))?.languages, ['de', 'fr', 'pt-br']);
    } finally {
      await closeDatabase(db);
    }
    const rows = JSON.parse(cli(['auth', 'list', '--json']).stdout) as { name: string; languages: string[] }[];
    assert.deepEqual(rows.find((r) => r.name === 'Jonas')?.languages, ['de', 'fr', 'pt-br']);
    assert.match(cli(['auth', 'list']).stdout, /\tJonas\t.*\tde,fr,pt-br$/m);
  });

  const mistakes: [string, string[], RegExp][] = [
    ['languages for a machine', ['auth', 'token', '--role', 'channel', '--languages', 'de'], /--languages is only for people who answer customers/],
    ['languages that are not language codes', ['auth', 'token', '--role', 'agent', '--languages', 'german'], /--languages "german" is not a list of language codes: use e.g. de,fr/],
    ['an empty language in the list', ['auth', 'token', '--role', 'agent', '--languages', 'de,,fr'], /is not a list of language codes/],
    ['no role', ['auth', 'token'], /--role is required: channel, widget, agent, supervisor, auditor/],
    ['an unknown role', ['auth', 'token', '--role', 'admin'], /unknown role "admin": use one of channel, widget, agent/],
    ['a role without a value', ['auth', 'token', '--role'], /--role needs a value/],
    ['an unknown flag', ['auth', 'token', '--role', 'agent', '--expires', '5'], /unknown option --expires/],
    ['a ttl that is no duration', ['auth', 'token', '--role', 'agent', '--ttl', '5'], /--ttl "5" is not a duration/],
    ['a widget key without its origin', ['auth', 'token', '--role', 'widget'], /a widget key needs --origin/],
    ['a widget origin with a path', ['auth', 'token', '--role', 'widget', '--origin', 'https://shop.example/chat'], /must be an origin only/],
    ['revoke without an id', ['auth', 'revoke'], /usage: auth revoke TOKEN_ID/],
    ['revoke of no token', ['auth', 'revoke', '999999'], /there is no token with id 999999/],
    ['an unknown subcommand', ['auth', 'rotate'], /usage: auth token --role/],
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
