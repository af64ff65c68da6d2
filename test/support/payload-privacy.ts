import type { DataConverter } from '@temporalio/common';
import type { Knex } from 'knex';
import { StoredDataKeys } from '../../privacy/conversation-keys';
import { EncryptionCodec, type DataKeys } from '../../privacy/payload-codec';
import { formatPayloadKeys, newPayloadKey, type PayloadKeyring } from '../../privacy/payload-keys';

/** One key per test process, as PAYLOAD_KEYS would give one to a deployment. */
const key = newPayloadKey('test1');
export const TEST_PAYLOAD_KEYRING: PayloadKeyring = { primary: key, byId: new Map([[key.id, key.key]]) };
/** The same key as PAYLOAD_KEYS, for the worker processes a test starts. */
export const TEST_PAYLOAD_KEYS = formatPayloadKeys([key]);

/**
 * The product's codec for a test's Temporal environment, made before the test's database exists: the
 * database's conversation keys are bound once it does; until then, and in tests without one, the
 * configured key encrypts everything (client and worker share this codec, so they always agree).
 */
export class TestPayloadPrivacy implements DataKeys {
  readonly codec = new EncryptionCodec(TEST_PAYLOAD_KEYRING, this);
  readonly dataConverter: DataConverter = { payloadCodecs: [this.codec] };
  private stored: StoredDataKeys | undefined;

  bind(db: Knex): StoredDataKeys {
    this.stored = new StoredDataKeys(db, TEST_PAYLOAD_KEYRING);
    return this.stored;
  }

  get dataKeys(): StoredDataKeys | undefined {
    return this.stored;
  }

  forWorkflow(workflowId: string) {
    return this.stored ? this.stored.forWorkflow(workflowId) : Promise.resolve(undefined);
  }

  byRef(ref: string) {
    if (!this.stored) throw new Error(`a payload names the data key of ${ref}, and no database is bound to this test's codec`);
    return this.stored.byRef(ref);
  }
}
