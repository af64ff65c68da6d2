/**
 * Each run of a scenario gets its own copy of the fixture in the running system's store: the same
 * customer and orders under new ids (user id, e-mail, zip, order ids, payment method ids), written
 * through the tau import mapping. After the conversation the copy is read back, renamed to the
 * fixture's ids, and compared with the expected records field by field. A run never depends on what
 * an earlier run left behind.
 */
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { STORE_TABLES, type StoreRows } from '../db/store/rows';
import { orderSchema, userSchema, type TauOrder, type TauUser } from '../tau/format/records';
import { validateRecords } from '../tau/format/validate-records';
import { readOrders, readUsers } from '../tau/store/read-tau-records';
import { tauStoreToRows } from '../tau/store/tau-to-rows';
import { plainOrder, plainUser, recordDifferences, renameIds, toOrderedJson, withChanges, type PlainRecord, type PlainRecords } from './records';
import type { StoreExpectation } from './scenario';
import type { TemplateValues } from './templates';

export interface FixtureCopy {
  /** Fixture id → this copy's id (and back, in `back`). */
  ids: ReadonlyMap<string, string>;
  back: ReadonlyMap<string, string>;
  userId: string;
  orderIds: string[];
  values: TemplateValues;
}

const digits = (count: number) => Array.from(crypto.randomBytes(count), (byte) => String(byte % 10)).join('');

/** New ids for the fixture's records that nothing in the store uses yet. */
async function freshIds(db: Knex, fixture: PlainRecords): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const tag = crypto.randomBytes(4).toString('hex');
  const user = fixture.user;
  ids.set(user.user_id as string, `${user.user_id as string}_ev${tag}`);
  const email = user.email as string;
  const at = email.lastIndexOf('@');
  ids.set(email, `${email.slice(0, at).toLowerCase()}+ev${tag}${email.slice(at).toLowerCase()}`);
  // Name and zip identify a customer too: the copy gets a zip of its own so that they find it, not the original.
  const zip = (user.address as PlainRecord).zip as string;
  for (;;) {
    const candidate = digits(5);
    if (candidate !== zip && !(await db('addresses').where({ zip: candidate }).first('id'))) {
      ids.set(zip, candidate);
      break;
    }
  }
  const unused = async (table: string, make: () => string): Promise<string> => {
    for (;;) {
      const candidate = make();
      if ([...ids.values()].includes(candidate)) continue;
      if (!(await db(table).where({ id: candidate }).first('id'))) return candidate;
    }
  };
  for (const orderId of Object.keys(fixture.orders)) ids.set(orderId, await unused('orders', () => `#W${digits(7)}`));
  for (const methodId of Object.keys(user.payment_methods as object)) {
    const prefix = methodId.replace(/_?\d+$/, '');
    ids.set(methodId, await unused('payment_methods', () => `${prefix}_${digits(7)}`));
  }
  return ids;
}

/** Writes a fresh copy of the fixture into the store; fails, naming them, when its items' products are not in the catalogue. */
export async function insertFixtureCopy(db: Knex, fixture: PlainRecords): Promise<FixtureCopy> {
  const ids = await freshIds(db, fixture);
  const userPlain = renameIds(fixture.user, ids) as PlainRecord;
  const ordersPlain = Object.fromEntries(Object.values(fixture.orders).map((order) => {
    const renamed = renameIds(order, ids) as PlainRecord;
    return [renamed.order_id as string, renamed];
  }));
  const user = validateRecords('fixture copy', 'user', toOrderedJson({ [userPlain.user_id as string]: userPlain }), userSchema).get(userPlain.user_id as string) as TauUser;
  const orders = validateRecords('fixture copy', 'order', toOrderedJson(ordersPlain), orderSchema);

  const productIds = [...new Set([...orders.values()].flatMap((order) => order.items.map((item) => item.product_id)))];
  const known = new Set(((await db('products').whereIn('id', productIds).select('id')) as { id: string }[]).map((row) => row.id));
  const missing = productIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw new Error(`the fixture's orders hold products the running store's catalogue does not have: ${missing.join(', ')}`);

  const rows = tauStoreToRows({ users: new Map([[user.user_id, user]]), orders, products: new Map() });
  await db.transaction(async (trx) => {
    // After every record already there: "newest first" and "first in store order" keep their meaning.
    const next = async (table: string) => Number(((await trx(table).max({ top: 'position' }).first()) as { top: number | string | null } | undefined)?.top ?? -1) + 1;
    const customerBase = await next('customers');
    const orderBase = await next('orders');
    rows.customers.forEach((row) => (row.position += customerBase));
    rows.orders.forEach((row) => (row.position += orderBase));
    for (const table of STORE_TABLES) {
      const list = rows[table] as StoreRows[typeof table];
      if (list.length > 0) await trx(table).insert(list);
    }
  });

  const back = new Map([...ids].map(([from, to]) => [to, from]));
  const address = user.address;
  return {
    ids,
    back,
    userId: user.user_id,
    orderIds: [...orders.keys()],
    values: {
      email: user.email,
      firstName: user.name.first_name,
      lastName: user.name.last_name,
      zip: address.zip,
      orders: new Map(Object.keys(fixture.orders).map((id) => [id, ids.get(id) as string])),
      payments: new Map(Object.keys(fixture.user.payment_methods as object).map((id) => [id, ids.get(id) as string])),
      itemNames: new Map([...orders.values()].flatMap((order: TauOrder) => order.items.map((item): [string, string] => [item.item_id, item.name]))),
    },
  };
}

/** The copy's records as the store holds them now, under the fixture's ids. */
export async function readFixtureCopy(db: Knex, copy: FixtureCopy): Promise<{ user?: PlainRecord; orders: Record<string, PlainRecord> }> {
  const users = await readUsers(db, [copy.userId]);
  const orders = await readOrders(db, copy.orderIds);
  const user = users.get(copy.userId);
  return {
    ...(user ? { user: renameIds(plainUser(user), copy.back) as PlainRecord } : {}),
    orders: Object.fromEntries(
      copy.orderIds.flatMap((id) => {
        const order = orders.get(id);
        return order ? [[copy.back.get(id) ?? id, renameIds(plainOrder(order), copy.back) as PlainRecord]] : [];
      }),
    ),
  };
}

/** Every field of the fixture's records that is not what the expectation says it must be now (unlisted fields must not have changed). */
export function storeDifferences(fixture: PlainRecords, expected: StoreExpectation, found: { user?: PlainRecord; orders: Record<string, PlainRecord> }): string[] {
  const userId = fixture.user.user_id as string;
  return [
    ...recordDifferences(`user ${userId}`, withChanges(fixture.user, expected.user), found.user),
    ...Object.entries(fixture.orders).flatMap(([id, before]) => recordDifferences(`order ${id}`, withChanges(before, expected.orders?.[id]), found.orders[id])),
  ];
}
