import fs from 'node:fs/promises';
import path from 'node:path';
import { checkStoreConsistency } from './check-consistency';
import { TauFormatError } from './errors';
import { JsonSyntaxError, parseOrderedJson, type OrderedJson } from './ordered-json';
import { orderSchema, productSchema, userSchema, type TauStore } from './records';
import { validateRecords } from './validate-records';

export const TAU_STORE_FILES = { users: 'users.json', orders: 'orders.json', products: 'products.json' } as const;

/** Reads and validates `users.json`, `orders.json` and `products.json` from `dir`, checking that they agree with each other. */
export async function readTauStoreFiles(dir: string): Promise<TauStore> {
  const folder = path.resolve(dir);
  if (!(await isFolder(folder))) {
    throw new TauFormatError(`${folder} is not a folder: give the folder that holds users.json, orders.json and products.json`);
  }
  const missing: string[] = [];
  for (const file of Object.values(TAU_STORE_FILES)) {
    if (!(await isFile(path.join(folder, file)))) missing.push(file);
  }
  if (missing.length > 0) {
    throw new TauFormatError(`${folder} has no ${missing.join(', ')}: a tau store needs users.json, orders.json and products.json`);
  }

  const { users: usersFile, orders: ordersFile, products: productsFile } = TAU_STORE_FILES;
  const store: TauStore = {
    users: validateRecords(usersFile, 'user', await readJson(folder, usersFile), userSchema),
    orders: validateRecords(ordersFile, 'order', await readJson(folder, ordersFile), orderSchema),
    products: validateRecords(productsFile, 'product', await readJson(folder, productsFile), productSchema),
  };
  checkStoreConsistency(store);
  return store;
}

async function readJson(folder: string, file: string): Promise<OrderedJson> {
  const text = await fs.readFile(path.join(folder, file), 'utf8');
  try {
    return parseOrderedJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new TauFormatError(`${file} is not valid JSON: ${error.message}; fix the file and run the import again`, { cause: error });
    }
    throw error;
  }
}

const isFolder = async (file: string): Promise<boolean> => (await fs.stat(file).catch(() => undefined))?.isDirectory() ?? false;
const isFile = async (file: string): Promise<boolean> => (await fs.stat(file).catch(() => undefined))?.isFile() ?? false;
