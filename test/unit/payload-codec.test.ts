import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, it } from 'mocha';
import { dataKeyRefOf } from '../../privacy/conversation-keys';
import { EncryptionCodec, ErasedKeyError, UnknownPayloadKeyError, type DataKeys } from '../../privacy/payload-codec';
import { PAYLOAD_KEY_FILE, PayloadKeyError, formatPayloadKeys, loadPayloadKeys, newPayloadKey, parsePayloadKeys } from '../../privacy/payload-keys';

const OLD = newPayloadKey('k1');
const NEW = newPayloadKey('k2');
const PII = { email: 'maya.okafor5444@example.com', name: 'Maya Okafor', address: '742 Evergreen Terrace' };
const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value);
const valueOf = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);
const bytes = (payload: Payload) => Buffer.from(JSON.stringify({ m: payload.metadata, d: Buffer.from(payload.data ?? []).toString('latin1') }));

/** Data keys held in memory: the codec's contract without a database. */
function memoryDataKeys(): DataKeys & { destroy(ref: string): void } {
  const keys = new Map<string, Buffer | 'destroyed'>();
  return {
    async forWorkflow(workflowId) {
      if (!workflowId.startsWith('conversation-')) return undefined;
      const key = keys.get(workflowId);
      if (key === 'destroyed') throw new ErasedKeyError(workflowId);
      if (key) return { ref: workflowId, key };
      const made = newPayloadKey(workflowId).key;
      keys.set(workflowId, made);
      return { ref: workflowId, key: made };
    },
    async byRef(ref) {
      const key = keys.get(ref);
      if (!key || key === 'destroyed') throw new ErasedKeyError(`the key of ${ref} is destroyed`);
      return key;
    },
    destroy(ref) {
      keys.set(ref, 'destroyed');
    },
  };
}

describe('the payload codec', () => {
  it('when a payload is encoded, then no plaintext is left and it decodes back to the value', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD])));
    const [encoded] = await codec.encode([payloadOf(PII)]);
    for (const secret of Object.values(PII)) assert.ok(!bytes(encoded!).includes(secret), `${secret} in the encoded payload`);
    assert.equal(Buffer.from(encoded!.metadata!['encryption-key-id']!).toString(), 'k1');
    const [decoded] = await codec.decode([encoded!]);
    assert.deepEqual(valueOf(decoded!), PII);
  });

  it('when the same value is encoded twice, then the ciphertexts differ (a fresh IV each time)', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD])));
    const [a, b] = await codec.encode([payloadOf(PII), payloadOf(PII)]);
    assert.notDeepEqual(Buffer.from(a!.data!), Buffer.from(b!.data!));
  });

  it('when a payload was never encrypted (a recorded plaintext history), then decode passes it through', async () => {
    const codec = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD])));
    const plain = payloadOf({ text: 'hello' });
    const [decoded] = await codec.decode([plain]);
    assert.equal(decoded, plain);
  });

  it('when the keys rotate (new first, old still listed), then new payloads use the new key and old ones still decode', async () => {
    const before = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD])));
    const after = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([NEW, OLD])));
    const [old] = await before.encode([payloadOf(PII)]);
    const [fresh] = await after.encode([payloadOf(PII)]);
    assert.equal(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString(), 'k2');
    assert.deepEqual((await after.decode([old!, fresh!])).map(valueOf), [PII, PII]);
  });

  it('when the key that encrypted a payload is no longer listed, then decoding names the missing key', async () => {
    const [old] = await new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD]))).encode([payloadOf(PII)]);
    const without = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([NEW])));
    await assert.rejects(without.decode([old!]), (err: Error) => err instanceof UnknownPayloadKeyError && err.message.includes('"k1"'));
  });

  it('when the ciphertext or its key id is tampered with, then decoding fails', async () => {
    const keyring = parsePayloadKeys(formatPayloadKeys([OLD, { id: 'k9', key: OLD.key }]));
    const codec = new EncryptionCodec(keyring);
    const [encoded] = await codec.encode([payloadOf(PII)]);
    const flipped = Buffer.from(encoded!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await assert.rejects(codec.decode([{ ...encoded!, data: flipped }]));
    const relabelled = { ...encoded!, metadata: { ...encoded!.metadata, 'encryption-key-id': Buffer.from('k9') } };
    await assert.rejects(codec.decode([relabelled]));
  });

  it("when a workflow has a data key of its own, then its payloads use it, and once the key is destroyed they no longer decode while others do", async () => {
    const dataKeys = memoryDataKeys();
    const codec = new EncryptionCodec(parsePayloadKeys(formatPayloadKeys([OLD])), dataKeys);
    const context = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
    const [erased] = await codec.encode([payloadOf(PII)], context('conversation-a'));
    const [kept] = await codec.encode([payloadOf(PII)], context('conversation-b'));
    const [saga] = await codec.encode([payloadOf(PII)], context('refund-x'));
    assert.equal(Buffer.from(erased!.metadata!['encryption-data-key']!).toString(), 'conversation-a');
    assert.equal(Buffer.from(saga!.metadata!['encryption-key-id']!).toString(), 'k1');
    dataKeys.destroy('conversation-a');
    await assert.rejects(codec.decode([erased!]), ErasedKeyError);
    assert.deepEqual((await codec.decode([kept!, saga!])).map(valueOf), [PII, PII]);
  });
});

describe("whose data key encrypts a workflow's payloads", () => {
  const uuid = '5b0c3f0e-8d1a-4c4e-9a57-2f6d1e9b7c31';
  const cases: [string, string | undefined][] = [
    [`conversation-${uuid}`, `conversation-${uuid}`],
    [`conversation-${uuid}-return-p1-0`, `conversation-${uuid}`],
    ['conversation-recorded-cancel-order', 'conversation-recorded-cancel-order'],
    ['refund-reconciliation-support-conversations', undefined],
    ['account-erasure-customer_1', undefined],
  ];
  for (const [workflowId, expected] of cases) {
    it(`when the workflow is ${workflowId}, then the key is ${expected ?? "the configured key's"}`, () => {
      assert.equal(dataKeyRefOf(workflowId), expected);
    });
  }
});

describe('payload keys', () => {
  it('when PAYLOAD_KEYS lists two keys, then the first encrypts and both decrypt', () => {
    const ring = parsePayloadKeys(` ${formatPayloadKeys([NEW, OLD])} `);
    assert.equal(ring.primary.id, 'k2');
    assert.deepEqual([...ring.byId.keys()], ['k2', 'k1']);
  });

  const bad: [string, string, RegExp][] = [
    ['nothing', ' , ', /lists no key/],
    ['no id', OLD.key.toString('base64'), /needs an id/],
    ['a short key', `k1:${Buffer.alloc(16).toString('base64')}`, /"k1" must be 32 bytes/],
    ['a key that is not base64', `k1:${'!'.repeat(44)}`, /"k1" must be 32 bytes/],
    ['the same id twice', formatPayloadKeys([OLD, OLD]), /names the key "k1" twice/],
  ];
  for (const [what, text, reason] of bad) {
    it(`when PAYLOAD_KEYS holds ${what}, then the error says so`, () => {
      assert.throws(() => parsePayloadKeys(text), (err: Error) => err instanceof PayloadKeyError && reason.test(err.message));
    });
  }

  it('when production mode has no PAYLOAD_KEYS, then start-up fails with a clear error and writes no key file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    assert.throws(
      () => loadPayloadKeys({ payloadKeys: undefined, productionMode: true, dataDir }),
      (err: Error) => err instanceof PayloadKeyError && /PAYLOAD_KEYS is not set: in production mode/.test(err.message),
    );
    assert.equal(fs.existsSync(path.join(dataDir, PAYLOAD_KEY_FILE)), false);
  });

  it('when development has no PAYLOAD_KEYS, then a key file is made on first start and read again on the next', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    const first = loadPayloadKeys({ payloadKeys: undefined, productionMode: false, dataDir });
    const second = loadPayloadKeys({ payloadKeys: undefined, productionMode: false, dataDir });
    assert.deepEqual(second.primary, first.primary);
    assert.equal(fs.statSync(path.join(dataDir, PAYLOAD_KEY_FILE)).mode & 0o077, 0, 'the key file is readable by others');
  });

  it('when PAYLOAD_KEYS is set, then it wins over a key file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
    loadPayloadKeys({ payloadKeys: undefined, productionMode: false, dataDir });
    assert.equal(loadPayloadKeys({ payloadKeys: formatPayloadKeys([NEW]), productionMode: false, dataDir }).primary.id, 'k2');
  });
});
