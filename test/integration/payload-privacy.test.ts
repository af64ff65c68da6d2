import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { after, before, describe, it } from 'mocha';
import { findPayloadDataKey } from '../../db/repositories/payload-data-keys';
import { workflowIdFor } from '../../domain/conversation';
import { resolveTemporalCli } from '../../dev/temporal-cli';
import { payloadPrivacy } from '../../privacy/conversation-keys';
import { newPayloadKey, type PayloadKeyring } from '../../privacy/payload-keys';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { describeUnless } from '../support/skip';
import { TEST_PAYLOAD_KEYRING } from '../support/payload-privacy';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { workflowBundle } from '../support/temporal';

const root = path.resolve(__dirname, '..', '..');
const NEW_ADDRESS = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';
const UI_ORIGIN = 'http://localhost:8233';

interface Customer {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

/** Everything a reader of the raw history sees: its text, and every base64 string in it decoded (payload data is base64 in JSON). */
function readableText(json: string): string {
  const decoded: string[] = [json];
  for (const match of json.matchAll(/"([A-Za-z0-9+/]{8,}={0,2})"/g)) decoded.push(Buffer.from(match[1]!, 'base64').toString('latin1'));
  return decoded.join('\n');
}

function piiFound(text: string, customer: Customer): string[] {
  return [customer.email, customer.first_name, customer.last_name, 'Evergreen Terrace', 'Springfield'].filter((secret) => text.includes(secret));
}

/** The payloads of a history in Temporal's JSON form (what the Web UI sends its codec endpoint). */
function payloadsOf(node: unknown, found: { metadata: Record<string, string>; data?: string }[] = []): { metadata: Record<string, string>; data?: string }[] {
  if (Array.isArray(node)) for (const item of node) payloadsOf(item, found);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.metadata && typeof record.metadata === 'object' && 'encoding' in record.metadata) found.push(record as { metadata: Record<string, string>; data?: string });
    else for (const value of Object.values(record)) payloadsOf(value, found);
  }
  return found;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let cliPath: string | undefined;
try {
  cliPath = resolveTemporalCli({ log: () => undefined });
} catch {
  cliPath = undefined;
}

describe('customer PII in Temporal payloads', () => {
  let stack: TestStack;
  let channel: string;
  let customers: Customer[];

  /** A conversation that verifies the customer by e-mail and name and gives a new default address. */
  async function conversationWithPii(customer: Customer): Promise<string> {
    const { say, id } = await startChat(stack, channel);
    await say(`Hi, I'm ${customer.first_name} ${customer.last_name}. Please update the default address on my account`);
    assert.equal((await say(customer.email)).awaiting, 'address');
    assert.equal((await say(NEW_ADDRESS)).awaiting, 'confirmation');
    return id;
  }

  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
    customers = (await stack.database.db('customers').orderBy('position').limit(3).select('id', 'email', 'first_name', 'last_name')) as Customer[];
  });
  after(() => stack?.close());

  describeUnless(cliPath ? false : 'no Temporal CLI found', 'the raw history', () => {
    it('when `temporal workflow show --output json` reads a conversation with an e-mail, a name and a new address, then none of them is in it', async () => {
      const customer = customers[0]!;
      const id = await conversationWithPii(customer);
      const view = (await call(stack, 'GET', `/v1/conversations/${id}`, { token: await stack.token('supervisor') })).body;
      assert.ok(JSON.stringify(view).includes(customer.email), 'the conversation itself (decoded) holds the e-mail');

      const shown = await run(cliPath!, ['workflow', 'show', '--workflow-id', workflowIdFor(id), '--address', stack.env.address, '--namespace', stack.env.namespace ?? 'default', '--output', 'json']);
      assert.equal(shown.code, 0, shown.stderr);
      const text = readableText(shown.stdout);
      assert.deepEqual(piiFound(text, customer), []);
      assert.ok(text.includes('binary/encrypted'), 'the payloads are marked encrypted');
      assert.ok(text.includes('encryption-data-key'), "the conversation's own key encrypts them");
    });

    it("when an auditor points the CLI at the codec endpoint, then the history reads in plain; an agent's token reads none of it", async () => {
      const customer = customers[2]!;
      const id = await conversationWithPii(customer);
      const show = async (token: string) =>
        run(cliPath!, ['workflow', 'show', '--workflow-id', workflowIdFor(id), '--address', stack.env.address, '--namespace', stack.env.namespace ?? 'default', '--output', 'json', '--codec-endpoint', `${stack.baseUrl}/codec`, '--codec-auth', `Bearer ${token}`]);
      const auditor = await show(await stack.token('auditor'));
      assert.equal(auditor.code, 0, auditor.stderr);
      assert.ok(readableText(auditor.stdout).includes(customer.email), 'the auditor reads the e-mail');
      const agent = await show(await stack.token('agent'));
      assert.deepEqual(piiFound(readableText(agent.stdout + agent.stderr), customer), []);
    });

    it('when the same check reads a recorded plaintext history, then it does find the PII (the check can fail)', () => {
      const recorded = fs.readFileSync(path.join(root, 'test', 'fixtures', 'histories', 'update-default-address.json'), 'utf8');
      assert.ok(readableText(recorded).includes('@example.com'));
    });
  });

  describe('key rotation', () => {
    it('when a new key comes first and the old one stays listed, then an old conversation still reads (query and replay) and new ones use the new key', async () => {
      const customer = customers[1]!;
      const old = await conversationWithPii(customer);
      const next = newPayloadKey('test2');
      const rotated: PayloadKeyring = { primary: next, byId: new Map([[next.id, next.key], ...TEST_PAYLOAD_KEYRING.byId]) };
      const privacy = payloadPrivacy(rotated, stack.database.db);
      const client = new Client({ connection: stack.env.connection, namespace: stack.env.namespace ?? 'default', dataConverter: privacy.dataConverter });

      const handle = client.workflow.getHandle(workflowIdFor(old));
      const described = await handle.query<{ transcript: { text: string }[] }>('state');
      assert.ok(described.transcript.some((turn) => turn.text.includes(customer.email)), 'the old conversation answers its query through the rotated keys');
      const history = await handle.fetchHistory();
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: privacy.dataConverter }, history, workflowIdFor(old));

      const [fresh] = await privacy.codec.encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('"x"') }]);
      assert.equal(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString(), 'test2');
      const newConversation = workflowIdFor(`rotated-${Date.now()}`);
      await privacy.dataKeys.forWorkflow(newConversation);
      assert.equal((await findPayloadDataKey(stack.database.db, newConversation))?.wrappingKeyId, 'test2', "a new conversation's key is wrapped by the new key");
    });
  });

  describe('erasure by key destruction', () => {
    it("when a conversation's key is destroyed, then its history no longer decodes while another's still does, and the destruction is on record", async () => {
      const [erased, kept] = [await conversationWithPii(customers[2]!), await conversationWithPii(customers[0]!)];
      const [erasedHistory, keptHistory] = await Promise.all([erased, kept].map((id) => stack.env.client.workflow.getHandle(workflowIdFor(id)).fetchHistory()));
      await stack.stopWorker();
      const supervisor = await stack.token('supervisor');
      const results = await stack.dataKeys.destroy([workflowIdFor(erased)], { destroyedBy: 'test supervisor', reason: 'customer asked for erasure' });
      assert.deepEqual(results, [{ workflowId: workflowIdFor(erased), destroyedNow: true }]);
      const record = await findPayloadDataKey(stack.database.db, workflowIdFor(erased));
      assert.deepEqual([record?.wrappedKey, record?.destroyedBy, record?.destroyedReason], [null, 'test supervisor', 'customer asked for erasure']);
      assert.ok(record?.destroyedAt);

      // A reader that never saw the key: a fresh codec over the same database.
      const reader = payloadPrivacy(TEST_PAYLOAD_KEYRING, stack.database.db);
      await assert.rejects(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: reader.dataConverter }, erasedHistory, workflowIdFor(erased)));
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: reader.dataConverter }, keptHistory, workflowIdFor(kept));

      const erasedPayloads = payloadsOf(JSON.parse(historyToJSON(erasedHistory!))).filter((p) => p.metadata['encryption-data-key']);
      assert.ok(erasedPayloads.length > 0);
      const decoded = await call(stack, 'POST', '/codec/decode', { token: supervisor, body: { payloads: erasedPayloads } });
      assert.equal(decoded.status, 200);
      const texts = (decoded.body.payloads as { data: string }[]).map((p) => Buffer.from(p.data, 'base64').toString());
      assert.ok(texts.every((t) => t.includes('not decrypted') && t.includes('destroyed')), texts.join('\n'));
      assert.deepEqual(piiFound(texts.join('\n'), customers[2]!), []);
      await stack.startWorker();
    });
  });

  describe("a customer's own conversation", () => {
    it('when a conversation token reads its conversation, then it sees its own customer and no one else; another conversation is refused', async () => {
      const [mine, theirs] = [customers[0]!, customers[1]!];
      const [own, other] = [await conversationWithPii(mine), await conversationWithPii(theirs)];
      const token = await stack.token('conversation', own);
      const view = await call(stack, 'GET', `/v1/conversations/${own}`, { token });
      assert.equal(view.status, 200);
      const text = JSON.stringify(view.body);
      assert.ok(text.includes(mine.email));
      for (const secret of [theirs.email, `${theirs.first_name} ${theirs.last_name}`]) assert.ok(!text.includes(secret), `${secret} is another customer's`);
      const refused = await call(stack, 'GET', `/v1/conversations/${other}`, { token });
      assert.equal(refused.status, 403);
      assert.ok(!JSON.stringify(refused.body).includes(theirs.email));
    });
  });

  describe('the codec endpoint for the Temporal Web UI', () => {
    let payloads: { metadata: Record<string, string>; data?: string }[];
    let customer: Customer;

    before(async () => {
      customer = customers[1]!;
      const id = await conversationWithPii(customer);
      const history = await stack.env.client.workflow.getHandle(workflowIdFor(id)).fetchHistory();
      payloads = payloadsOf(JSON.parse(historyToJSON(history)));
    });

    for (const role of ['supervisor', 'auditor'] as const) {
      it(`when ${role === 'auditor' ? 'an auditor' : 'a supervisor'} decodes a conversation's payloads, then the customer's data reads in plain`, async () => {
        const res = await call(stack, 'POST', '/codec/decode', { token: await stack.token(role), body: { payloads }, headers: { origin: UI_ORIGIN, 'x-namespace': 'default' } });
        assert.equal(res.status, 200);
        const text = (res.body.payloads as { data: string }[]).map((p) => Buffer.from(p.data, 'base64').toString()).join('\n');
        assert.ok(text.includes(customer.email) && text.includes('Evergreen Terrace'), 'decoded payloads hold the e-mail and the address');
      });
    }

    for (const role of ['agent', 'channel'] as const) {
      it(`when ${role === 'agent' ? 'an agent' : 'a channel adapter'} asks to decode, then it is refused with 403`, async () => {
        const res = await call(stack, 'POST', '/codec/decode', { token: await stack.token(role), body: { payloads } });
        assert.equal(res.status, 403);
        assert.equal(res.body.error.code, 'forbidden');
      });
    }

    it("when a customer's conversation token asks to decode, then it is refused with 403", async () => {
      const res = await call(stack, 'POST', '/codec/decode', { token: await stack.token('conversation', 'any-conversation'), body: { payloads } });
      assert.equal(res.status, 403);
    });

    it('when no token or an unknown one is sent, then it is refused with 401', async () => {
      assert.equal((await call(stack, 'POST', '/codec/decode', { body: { payloads } })).status, 401);
      assert.equal((await call(stack, 'POST', '/codec/decode', { token: 'not-a-token', body: { payloads } })).status, 401);
    });

    it('when the body is not the Temporal payload format, then it is refused with 400 and a reason', async () => {
      const res = await call(stack, 'POST', '/codec/decode', { token: await stack.token('auditor'), body: { payloads: [{ data: 'not base64!' }] } });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /payloads\.0\.data: must be base64/);
      assert.equal((await call(stack, 'POST', '/codec/decode', { token: await stack.token('auditor'), body: '{' })).status, 400);
    });

    it('when a value is encoded and decoded again, then it comes back, and the encoded form holds no plaintext', async () => {
      const auditor = await stack.token('auditor');
      const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from(JSON.stringify(customer.email)).toString('base64') };
      const encoded = await call(stack, 'POST', '/codec/encode', { token: auditor, body: { payloads: [plain] } });
      assert.equal(encoded.status, 200);
      assert.ok(!readableText(JSON.stringify(encoded.body)).includes(customer.email));
      const decoded = await call(stack, 'POST', '/codec/decode', { token: auditor, body: encoded.body });
      assert.deepEqual(decoded.body.payloads, [plain]);
    });

    it("when the browser asks first (CORS preflight) from the UI's origin, then it may send the token; from another origin it may not", async () => {
      const preflight = (origin: string) =>
        fetch(`${stack.baseUrl}/codec/decode`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' } });
      const allowed = await preflight(UI_ORIGIN);
      assert.equal(allowed.status, 204);
      assert.equal(allowed.headers.get('access-control-allow-origin'), UI_ORIGIN);
      assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      const other = await preflight('https://evil.example');
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });
  });
});

describe('production mode without PAYLOAD_KEYS', () => {
  for (const entry of ['api/main.ts', 'workers/main.ts']) {
    it(`when ${entry} starts with NODE_ENV=production and no PAYLOAD_KEYS, then it stops at once and says what to set`, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-keys-'));
      const env = { ...process.env, NODE_ENV: 'production', PAYLOAD_KEYS: '', PRODUCTION_MODE: '', DATA_DIR: dataDir, DATABASE_URL: '', TEMPORAL_ADDRESS: '127.0.0.1:1', WORKER_METRICS_ADDRESS: 'off' };
      const started = await run(process.execPath, ['--import', 'tsx', path.join(root, entry)], env);
      assert.equal(started.code, 1);
      assert.match(started.stdout + started.stderr, /PAYLOAD_KEYS is not set: in production mode/);
      assert.equal(fs.existsSync(path.join(dataDir, 'payload-keys')), false, 'no key is made up');
    });
  }
});
