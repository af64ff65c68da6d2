import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'mocha';
import { storeCommand } from '../../cli/commands/store';
import { migrateToLatest } from '../../db/migrate';
import { countStore } from '../../db/repositories/store-queries';
import { seedDemoStore } from '../../seed/seed';
import { testEngines, type TestDatabase } from '../support/test-databases';

const sqlite = testEngines().find((engine) => engine.name === 'sqlite');

describe('the store command', () => {
  let database: TestDatabase;
  let workDir: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]): Promise<number> =>
    storeCommand(args, { db: database.db, out: (line) => out.push(line), err: (line) => err.push(line) });

  beforeEach(async () => {
    assert.ok(sqlite);
    database = await sqlite.open();
    await migrateToLatest(database.db);
    await seedDemoStore(database.db);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-store-cli-'));
    out = [];
    err = [];
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  const usageMistakes: [string, string[], RegExp][] = [
    ['no subcommand', [], /store needs a subcommand/],
    ['an unknown subcommand', ['load'], /unknown store subcommand "load"/],
    ['import without --db', ['import'], /store import needs --db DIR/],
    ['export without --out', ['export'], /store export needs --out DIR/],
    ['--db without a value', ['import', '--db'], /--db needs a value/],
    ['an unknown option', ['import', '--dir', 'x'], /unknown option --dir \(expected --db\)/],
  ];
  for (const [what, args, message] of usageMistakes) {
    it(`when given ${what}, then it exits with 2 and prints the error and the usage`, async () => {
      assert.equal(await run(...args), 2);
      assert.match(err.join('\n'), message);
      assert.match(err.join('\n'), /usage:\n {2}npm run -s cli -- store import --db DIR .*\n {2}npm run -s cli -- store export --out DIR /);
      assert.deepEqual(out, []);
    });
  }

  it('when the import folder does not exist, then it exits with 1 naming the folder', async () => {
    assert.equal(await run('import', '--db', path.join(workDir, 'nope')), 1);
    assert.match(err.join('\n'), /nope is not a folder: give the folder that holds users\.json/);
  });

  it('when an import file is invalid JSON, then it exits with 1, says where, and keeps the store', async () => {
    assert.equal(await run('export', '--out', workDir), 0);
    fs.writeFileSync(path.join(workDir, 'users.json'), '{"a": }');
    assert.equal(await run('import', '--db', workDir), 1);
    assert.match(err.join('\n'), /users\.json is not valid JSON: unexpected character "}" at line 1, column 7; fix the file/);
    assert.deepEqual(await countStore(database.db), { customers: 11, orders: 26, products: 12 });
  });

  it('when the export folder is a file, then it exits with 1 and says why', async () => {
    const file = path.join(workDir, 'a-file');
    fs.writeFileSync(file, '');
    assert.equal(await run('export', '--out', file), 1);
    assert.match(err.join('\n'), /^error: cannot write into .*a-file: (EEXIST|ENOTDIR)/);
  });

  it('when the store is exported and imported again, then it exits with 0 and reports the counts', async () => {
    const outDir = path.join(workDir, 'export');
    assert.equal(await run('export', '--out', outDir), 0);
    assert.deepEqual(fs.readdirSync(outDir).sort(), ['orders.json', 'products.json', 'users.json']);
    assert.equal(await run('import', `--db=${outDir}`), 0);
    assert.deepEqual(out, [
      `wrote 11 customers, 26 orders and 12 products to ${outDir}`,
      `imported 11 customers, 26 orders and 12 products from ${outDir}`,
    ]);
    assert.deepEqual(err, []);
  });
});
