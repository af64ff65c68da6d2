import { fromCents } from '../db/money';
import { paymentMethodToTau } from '../tau/entities';
import type { TauOrder, TauOrderItem, TauProduct, TauStore, TauUser } from '../tau/format/records';
import { CATALOG } from './catalog';
import { CUSTOMERS } from './customers';
import { ORDERS, type SeedOrder } from './orders';

/** The product's own demo store as tau records, built from the seed data (which it checks for consistency). */
export function buildDemoStore(): TauStore {
  const products = new Map(CATALOG.map((product): [string, TauProduct] => [product.productId, toProduct(product)]));
  const itemsById = new Map(
    [...products.values()].flatMap((product) =>
      [...product.variants.values()].map((variant): [string, TauOrderItem] => [
        variant.item_id,
        { name: product.name, product_id: product.product_id, item_id: variant.item_id, price: variant.price, options: variant.options },
      ]),
    ),
  );
  const customers = new Map(CUSTOMERS.map((customer) => [customer.userId, customer]));
  const orders = new Map(
    ORDERS.map((seed): [string, TauOrder] => {
      const customer = customers.get(seed.userId);
      if (!customer) throw new Error(`seed order ${seed.orderId}: unknown customer ${seed.userId}`);
      const ownsMethod = (id: string): boolean => customer.paymentMethods.some((method) => method.id === id);
      const item = (itemId: string): TauOrderItem => {
        const found = itemsById.get(itemId);
        if (!found) throw new Error(`seed order ${seed.orderId}: unknown item ${itemId}`);
        return { ...found, options: new Map(found.options) };
      };
      for (const id of [seed.paymentMethodId, seed.returnRequest?.paymentMethodId, seed.exchangeRequest?.paymentMethodId]) {
        if (id !== undefined && !ownsMethod(id)) throw new Error(`seed order ${seed.orderId}: ${seed.userId} has no payment method ${id}`);
      }
      return [seed.orderId, toOrder(seed, customer.address, item)];
    }),
  );
  const users = new Map(
    CUSTOMERS.map((customer): [string, TauUser] => [
      customer.userId,
      {
        user_id: customer.userId,
        name: { first_name: customer.firstName, last_name: customer.lastName },
        address: { ...customer.address },
        email: customer.email,
        payment_methods: new Map(customer.paymentMethods.map((method) => [method.id, paymentMethodToTau(method)])),
        orders: ORDERS.filter((order) => order.userId === customer.userId).map((order) => order.orderId),
      },
    ]),
  );
  return { users, orders, products };
}

function toProduct(product: (typeof CATALOG)[number]): TauProduct {
  return {
    name: product.name,
    product_id: product.productId,
    variants: new Map(
      product.variants.map((variant) => {
        if (variant.options.length !== product.optionNames.length) {
          throw new Error(`seed item ${variant.itemId}: ${product.optionNames.length} option values expected`);
        }
        return [
          variant.itemId,
          {
            item_id: variant.itemId,
            options: new Map(product.optionNames.map((name, index) => [name, variant.options[index] ?? ''])),
            available: variant.available ?? true,
            price: fromCents(variant.priceCents),
          },
        ];
      }),
    ),
  };
}

const sumCents = (prices: number[]): number => prices.reduce((total, price) => total + Math.round(price * 100), 0);
const sorted = (ids: string[]): string[] => [...ids].sort();

function toOrder(seed: SeedOrder, customerAddress: TauOrder['address'], item: (itemId: string) => TauOrderItem): TauOrder {
  const items = seed.itemIds.map(item);
  const shipped = seed.status !== 'pending' && seed.status !== 'cancelled';
  if (shipped !== (seed.shipments !== undefined)) {
    throw new Error(`seed order ${seed.orderId}: shipments belong to orders that have left the warehouse, and only to them`);
  }
  const paid = fromCents(sumCents(items.map((orderItem) => orderItem.price)));
  const order: TauOrder = {
    order_id: seed.orderId,
    user_id: seed.userId,
    address: { ...(seed.shipTo ?? customerAddress) },
    items,
    status: seed.status,
    fulfillments: (seed.shipments ?? []).map((shipment) => ({
      tracking_id: [shipment.trackingId],
      item_ids: shipment.itemIds ?? [...seed.itemIds],
    })),
    payment_history: [{ transaction_type: 'payment', amount: paid, payment_method_id: seed.paymentMethodId }],
  };
  if (seed.status === 'cancelled') {
    order.payment_history.push({ transaction_type: 'refund', amount: paid, payment_method_id: seed.paymentMethodId });
    order.cancel_reason = seed.cancelReason ?? 'no longer needed';
  }
  if (seed.exchangeRequest) {
    const { itemIds, newItemIds, paymentMethodId } = seed.exchangeRequest;
    order.exchange_items = sorted(itemIds);
    order.exchange_new_items = sorted(newItemIds);
    order.exchange_payment_method_id = paymentMethodId;
    const newPrices = newItemIds.map((itemId) => item(itemId).price);
    const oldPrices = itemIds.map((itemId) => item(itemId).price);
    order.exchange_price_difference = fromCents(sumCents(newPrices) - sumCents(oldPrices));
  }
  if (seed.returnRequest) {
    order.return_items = sorted(seed.returnRequest.itemIds);
    order.return_payment_method_id = seed.returnRequest.paymentMethodId;
  }
  return order;
}
