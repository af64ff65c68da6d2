import crypto from 'node:crypto';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import type { PayloadKeyring } from './payload-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Which configured key encrypted the payload (PAYLOAD_KEYS id). */
export const KEY_ID_METADATA = 'encryption-key-id';
/** Which conversation's own data key encrypted the payload: destroying that key erases it. */
export const DATA_KEY_METADATA = 'encryption-data-key';

/** Keys of their own for some workflows (conversations), so that one history can be erased by destroying its key. */
export interface DataKeys {
  /** The key this workflow's payloads are encrypted with; undefined leaves them to the configured key. */
  forWorkflow(workflowId: string): Promise<{ ref: string; key: Buffer } | undefined>;
  /** The key a payload names; throws ErasedKeyError once it is destroyed. */
  byRef(ref: string): Promise<Buffer>;
}

export class ErasedKeyError extends Error {
  override name = 'ErasedKeyError';
}

export class UnknownPayloadKeyError extends Error {
  override name = 'UnknownPayloadKeyError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * AES-256-GCM over the whole payload (its metadata too: the encoding says what the value is). Payloads
 * without our encoding pass through decode untouched: histories recorded before encryption (and the
 * replay fixtures) still read.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly keyring: PayloadKeyring,
    private readonly dataKeys?: DataKeys,
  ) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const own = context?.workflowId && this.dataKeys ? await this.dataKeys.forWorkflow(context.workflowId) : undefined;
    return payloads.map((payload) =>
      own
        ? seal(payload, own.key, DATA_KEY_METADATA, own.ref)
        : seal(payload, this.keyring.primary.key, KEY_ID_METADATA, this.keyring.primary.id),
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.decodeOne(payload)));
  }

  private async decodeOne(payload: Payload): Promise<Payload> {
    const metadata = payload.metadata ?? {};
    if (!metadata.encoding || text.decode(metadata.encoding) !== ENCRYPTED_ENCODING) return payload;
    const dataRef = metadata[DATA_KEY_METADATA];
    if (dataRef) {
      const ref = text.decode(dataRef);
      if (!this.dataKeys) throw new UnknownPayloadKeyError(`payload encrypted with the data key of ${ref}, and no data keys are at hand`);
      return open(payload, await this.dataKeys.byRef(ref), DATA_KEY_METADATA, ref);
    }
    const id = metadata[KEY_ID_METADATA] ? text.decode(metadata[KEY_ID_METADATA]) : '';
    const key = this.keyring.byId.get(id);
    if (!key) throw new UnknownPayloadKeyError(`payload encrypted with key "${id}", which PAYLOAD_KEYS does not list`);
    return open(payload, key, KEY_ID_METADATA, id);
  }
}

function seal(payload: Payload, key: Buffer, kind: string, id: string): Payload {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${kind}:${id}`));
  const body = Buffer.concat([cipher.update(serialize(payload)), cipher.final()]);
  return {
    metadata: { encoding: utf8.encode(ENCRYPTED_ENCODING), [kind]: utf8.encode(id) },
    data: Buffer.concat([iv, body, cipher.getAuthTag()]),
  };
}

function open(payload: Payload, key: Buffer, kind: string, id: string): Payload {
  const data = Buffer.from(payload.data ?? new Uint8Array());
  if (data.length < IV_BYTES + TAG_BYTES) throw new Error(`encrypted payload (${kind} ${id}) is too short`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${kind}:${id}`));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
  return deserialize(plain);
}

function serialize(payload: Payload): Buffer {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  return Buffer.from(JSON.stringify({ metadata, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }));
}

function deserialize(bytes: Buffer): Payload {
  const parsed = JSON.parse(bytes.toString('utf8')) as { metadata: Record<string, string>; data: string };
  return {
    metadata: Object.fromEntries(Object.entries(parsed.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
  };
}
