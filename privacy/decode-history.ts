import type { Payload, PayloadCodec } from '@temporalio/common';

/**
 * A fetched history with every payload decoded by the product's codecs (the server keeps ciphertext), so
 * auditors' tools read and replay it as the workflow saw it. Changes the history in place and returns it.
 * A payload whose conversation key was destroyed makes it throw `ErasedKeyError`: that history is erased.
 */
export async function decodeHistoryPayloads<T extends object>(history: T, codecs: readonly PayloadCodec[]): Promise<T> {
  if (codecs.length === 0) return history;
  const decode = async (payloads: Payload[]): Promise<Payload[]> => {
    let decoded = payloads;
    for (const codec of [...codecs].reverse()) decoded = await codec.decode(decoded);
    return decoded;
  };
  const walk = async (node: unknown): Promise<void> => {
    if (Array.isArray(node)) {
      for (const item of node) await walk(item);
      return;
    }
    if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'payloads' && Array.isArray(value)) record[key] = await decode(value as Payload[]);
      else await walk(value);
    }
  };
  await walk(history);
  return history;
}
