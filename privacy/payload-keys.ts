import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** AES-256-GCM keys that encrypt Temporal payloads; the first encrypts, every one decrypts (so keys can rotate). */
export interface PayloadKeyring {
  primary: PayloadKey;
  byId: ReadonlyMap<string, Buffer>;
}

export interface PayloadKey {
  id: string;
  key: Buffer;
}

export class PayloadKeyError extends Error {
  override name = 'PayloadKeyError';
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** The development key file `npm start` writes on first start, in the data folder. */
export const PAYLOAD_KEY_FILE = 'payload-keys';

/** `id1:base64key,id2:base64key` (PAYLOAD_KEYS): every key 32 bytes, ids unique. */
export function parsePayloadKeys(text: string): PayloadKeyring {
  const entries = text.split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new PayloadKeyError('PAYLOAD_KEYS lists no key: give id:base64key[,id:base64key…]');
  const keys: PayloadKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new PayloadKeyError(`PAYLOAD_KEYS entry ${index + 1} needs an id of letters, digits, . _ - before ':' (id:base64key)`);
    const encoded = entry.slice(colon + 1);
    const key = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.length !== 32) {
      throw new PayloadKeyError(`PAYLOAD_KEYS key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);
    }
    if (keys.some((k) => k.id === id)) throw new PayloadKeyError(`PAYLOAD_KEYS names the key "${id}" twice`);
    keys.push({ id, key });
  }
  return { primary: keys[0]!, byId: new Map(keys.map((k) => [k.id, k.key])) };
}

export function formatPayloadKeys(keys: readonly PayloadKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

export function newPayloadKey(id: string): PayloadKey {
  return { id, key: crypto.randomBytes(32) };
}

/**
 * The keys as configured: PAYLOAD_KEYS when set; in production mode nothing else will do (a history
 * encrypted with a key nobody kept is lost); in development a key file in the data folder, made on
 * first start and kept, so the next start reads what the last one wrote.
 */
export function loadPayloadKeys(options: { payloadKeys: string | undefined; productionMode: boolean; dataDir: string }): PayloadKeyring {
  if (options.payloadKeys !== undefined) return parsePayloadKeys(options.payloadKeys);
  if (options.productionMode) {
    throw new PayloadKeyError(
      'PAYLOAD_KEYS is not set: in production mode (NODE_ENV=production or PRODUCTION_MODE=true) Temporal payloads need a configured key, ' +
        'e.g. PAYLOAD_KEYS=k1:$(openssl rand -base64 32)',
    );
  }
  const file = path.join(options.dataDir, PAYLOAD_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // wx: two processes starting at once must not each write a key and lose the other's.
    try {
      fs.writeFileSync(file, `${formatPayloadKeys([newPayloadKey('dev1')])}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  try {
    return parsePayloadKeys(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof PayloadKeyError) throw new PayloadKeyError(`${file}: ${err.message.replace(/^PAYLOAD_KEYS/, 'the key file')}`);
    throw err;
  }
}
