import crypto from 'node:crypto';
import type { DataConverter } from '@temporalio/common';
import type { Knex } from 'knex';
import { destroyPayloadDataKeys, findPayloadDataKey, insertPayloadDataKey } from '../db/repositories/payload-data-keys';
import { conversationIdOfWorkflow } from '../observability/conversation-ids';
import { EncryptionCodec, ErasedKeyError, UnknownPayloadKeyError, type DataKeys } from './payload-codec';
import { loadPayloadKeys, type PayloadKeyring } from './payload-keys';

/**
 * Whose data key encrypts a workflow's payloads: a conversation's own (domain/conversation.ts workflowIdFor),
 * shared by the refund sagas and other children it starts (their ids extend its id), so destroying the one
 * key erases them all; undefined for workflows no conversation owns (reconciliation, account erasure).
 */
export function dataKeyRefOf(workflowId: string): string | undefined {
  const conversationId = conversationIdOfWorkflow(workflowId);
  if (conversationId) return `conversation-${conversationId}`;
  return workflowId.startsWith('conversation-') ? workflowId : undefined;
}

// Long enough to spare the database a read per payload; short enough that another process's erasure takes hold soon.
const CACHE_MS = 5_000;

/**
 * Conversations' data keys in `payload_data_keys`: random, and stored wrapped by the configured key. Random
 * rather than derived from the configured key and the workflow id, because a derived key can only be
 * destroyed with the key it comes from, and that one encrypts every other history too.
 */
export class StoredDataKeys implements DataKeys {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();

  constructor(
    private readonly db: Knex,
    private readonly keyring: PayloadKeyring,
    private readonly now: () => number = Date.now,
  ) {}

  async forWorkflow(workflowId: string): Promise<{ ref: string; key: Buffer } | undefined> {
    const ref = dataKeyRefOf(workflowId);
    if (!ref) return undefined;
    const cached = this.cached(ref);
    if (cached) return { ref, key: cached };
    const found = await findPayloadDataKey(this.db, ref);
    if (found?.destroyedAt) throw new ErasedKeyError(`the payload key of ${ref} was destroyed (${found.destroyedReason ?? 'erased'}): nothing more is written to it`);
    const row =
      found ??
      (await insertPayloadDataKey(this.db, {
        workflowId: ref,
        wrappedKey: wrap(this.keyring.primary.key, ref, crypto.randomBytes(32)),
        wrappingKeyId: this.keyring.primary.id,
        createdAt: new Date(this.now()).toISOString(),
      }));
    return { ref, key: this.unwrapped(row.workflowId, row.wrappedKey, row.wrappingKeyId, row.destroyedReason) };
  }

  async byRef(ref: string): Promise<Buffer> {
    const cached = this.cached(ref);
    if (cached) return cached;
    const row = await findPayloadDataKey(this.db, ref);
    if (!row) throw new UnknownPayloadKeyError(`no payload key is stored for ${ref}`);
    return this.unwrapped(ref, row.wrappedKey, row.wrappingKeyId, row.destroyedReason);
  }

  /** Destroys the keys here and in this process's cache; other processes stop using theirs within CACHE_MS. */
  async destroy(workflowIds: readonly string[], by: { destroyedBy: string; reason: string }): Promise<{ workflowId: string; destroyedNow: boolean }[]> {
    for (const id of workflowIds) this.cache.delete(id);
    return destroyPayloadDataKeys(this.db, workflowIds, { ...by, at: new Date(this.now()).toISOString() });
  }

  private cached(workflowId: string): Buffer | undefined {
    const hit = this.cache.get(workflowId);
    if (hit && hit.until > this.now()) return hit.key;
    this.cache.delete(workflowId);
    return undefined;
  }

  private unwrapped(workflowId: string, wrapped: string | null, wrappingKeyId: string, reason: string | null): Buffer {
    if (wrapped === null) throw new ErasedKeyError(`the payload key of ${workflowId} was destroyed (${reason ?? 'erased'}): its history cannot be read`);
    const master = this.keyring.byId.get(wrappingKeyId);
    if (!master) throw new UnknownPayloadKeyError(`the payload key of ${workflowId} is wrapped by key "${wrappingKeyId}", which PAYLOAD_KEYS does not list`);
    const key = unwrap(master, workflowId, wrapped);
    this.cache.set(workflowId, { key, until: this.now() + CACHE_MS });
    return key;
  }
}

function wrap(master: Buffer, workflowId: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(`data-key:${workflowId}`));
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

function unwrap(master: Buffer, workflowId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', master, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(`data-key:${workflowId}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
}

export interface PayloadPrivacy {
  codec: EncryptionCodec;
  dataKeys: StoredDataKeys;
  dataConverter: DataConverter;
}

/** The codec every client and worker of the product uses, over this database's conversation keys. */
export function payloadPrivacy(keyring: PayloadKeyring, db: Knex): PayloadPrivacy {
  const dataKeys = new StoredDataKeys(db, keyring);
  const codec = new EncryptionCodec(keyring, dataKeys);
  return { codec, dataKeys, dataConverter: { payloadCodecs: [codec] } };
}

/** As configured (PAYLOAD_KEYS, or the development key file); a missing key in production mode throws here, at start-up. */
export function configuredPayloadPrivacy(config: { payloadKeys: string | undefined; productionMode: boolean; dataDir: string }, db: Knex): PayloadPrivacy {
  return payloadPrivacy(loadPayloadKeys(config), db);
}
