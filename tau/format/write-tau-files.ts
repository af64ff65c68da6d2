import fs from 'node:fs/promises';
import path from 'node:path';
import { toPythonJson } from './python-json';
import { TAU_STORE_FILES } from './read-tau-files';
import type { TauStore } from './records';

/** The three files' text exactly as the reference writes them: `json.dumps(indent=4)`, no trailing newline. */
export function formatTauStoreFiles(store: TauStore): Record<keyof TauStore, string> {
  return {
    users: toPythonJson(store.users, { indent: 4 }),
    orders: toPythonJson(store.orders, { indent: 4 }),
    products: toPythonJson(store.products, { indent: 4 }),
  };
}

/** Writes users.json, orders.json and products.json into `outDir`, creating it if needed. */
export async function writeTauStoreFiles(store: TauStore, outDir: string): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  const texts = formatTauStoreFiles(store);
  for (const key of ['users', 'orders', 'products'] as const) {
    await fs.writeFile(path.join(outDir, TAU_STORE_FILES[key]), texts[key], 'ascii');
  }
}
