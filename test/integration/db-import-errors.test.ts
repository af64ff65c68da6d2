import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'mocha';
import { exportTauStore } from '../../tau/store/export';
import { importTauStore } from '../../tau/store/import';
import { migrateToLatest } from '../../db/migrate';
import { seedDemoStore } from '../../seed/seed';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { TauFormatError } from '../../tau/format/errors';
import { formatTauStoreFiles, writeTauStoreFiles } from '../../tau/format/write-tau-files';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

/** The demo store written as tau files into a fresh folder, then changed by `edit` (file name → text). */
async function tauDirWith(edit: (files: Map<string, string>) => void): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-bad-import-'));
  await writeTauStoreFiles(buildDemoStore(), dir);
  const files = new Map(['users.json', 'orders.json', 'products.json'].map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
  edit(files);
  for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file));
  for (const [file, text] of files) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const replaceOnce = (text: string, search: string, replacement: string): string => {
  assert.ok(text.includes(search), `the test data no longer contains ${search}`);
  return text.replace(search, replacement);
};

const badInputs: { when: string; edit: (files: Map<string, string>) => void; error: RegExp }[] = [
  {
    when: 'a file is missing',
    edit: (files) => files.delete('products.json'),
    error: /has no products\.json: a tau store needs users\.json, orders\.json and products\.json/,
  },
  {
    when: 'a file is not valid JSON',
    edit: (files) => files.set('orders.json', replaceOnce(files.get('orders.json') ?? '', '"status": "delivered",', '"status": "delivered"')),
    error: /^orders\.json is not valid JSON: expected ',' but found character "\\"" at line \d+, column \d+; fix the file/,
  },
  {
    when: 'a user record lacks a field',
    edit: (files) => files.set('users.json', replaceOnce(files.get('users.json') ?? '', '        "email": "maya.okafor5444@example.com",\n', '')),
    error: /^users\.json: user "maya_okafor_5444": email is missing$/,
  },
  {
    when: 'a phone number is not E.164',
    edit: (files) => files.set('users.json', replaceOnce(files.get('users.json') ?? '', '"email": "maya.okafor5444@example.com",', '"email": "maya.okafor5444@example.com",\n        "phone": "555 0123",')),
    error: /^users\.json: user "maya_okafor_5444": phone must be an E\.164 number like \+15551234567$/,
  },
  {
    when: 'a price is text',
    edit: (files) => files.set('products.json', replaceOnce(files.get('products.json') ?? '', '"price": 129.0', '"price": "129.00"')),
    error: /^products\.json: product "3326243794": variants\["1274477279"\]\.price must be a number \(found "129\.00"\)$/,
  },
  {
    when: 'a payment method has an unknown source',
    edit: (files) => files.set('users.json', replaceOnce(files.get('users.json') ?? '', '"source": "paypal"', '"source": "cash"')),
    error: /^users\.json: user "lucas_moreau_7599": payment_methods\.paypal_2034152\.source Invalid discriminator value/,
  },
  {
    when: 'an order belongs to an unknown user',
    edit: (files) => files.set('orders.json', replaceOnce(files.get('orders.json') ?? '', '"user_id": "maya_okafor_5444"', '"user_id": "nobody_1"')),
    error: /^users\.json: user "maya_okafor_5444" lists order "#W6676116", which belongs to "nobody_1" in orders\.json$/,
  },
  {
    when: 'a user lists its orders in another order than orders.json',
    edit: (files) =>
      files.set(
        'users.json',
        replaceOnce(files.get('users.json') ?? '', '"#W6676116",\n            "#W9642161"', '"#W9642161",\n            "#W6676116"'),
      ),
    error: /^users\.json: user "maya_okafor_5444" lists its orders in a different order than orders\.json; list them in the same order$/,
  },
];

for (const engine of testEngines()) {
  describeUnless(engine.skip, `bad store imports on ${engine.name}`, () => {
    // Every test leaves the store as it found it (that is what they check), so they share one database.
    let database: TestDatabase;
    let storeBefore: ReturnType<typeof formatTauStoreFiles>;
    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await seedDemoStore(database.db);
      storeBefore = formatTauStoreFiles(await exportTauStore(database.db));
    });
    after(async () => {
      await database.close();
    });

    for (const { when, edit, error } of badInputs) {
      it(`when ${when}, then the import fails saying what to fix and the store is unchanged`, async () => {
        const dir = await tauDirWith(edit);
        try {
          await assert.rejects(importTauStore(database.db, dir), (thrown: unknown) => {
            assert.ok(thrown instanceof TauFormatError, `expected a TauFormatError, got ${String(thrown)}`);
            assert.match(thrown.message, error);
            return true;
          });
          assert.deepEqual(formatTauStoreFiles(await exportTauStore(database.db)), storeBefore);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    it('when the folder does not exist, then the import fails naming it', async () => {
      await assert.rejects(importTauStore(database.db, '/nonexistent/tau'), /\/nonexistent\/tau is not a folder/);
    });

    it('when the database rejects a row half-way through, then nothing of the new store is kept', async () => {
      const store = buildDemoStore();
      const lastOrder = [...store.orders.values()].at(-1);
      assert.ok(lastOrder);
      lastOrder.user_id = 'nobody_1';
      await assert.rejects(replaceStore(database.db, store), /foreign key/i);
      assert.deepEqual(formatTauStoreFiles(await exportTauStore(database.db)), storeBefore);
    });
  });
}
