import type { Knex } from 'knex';
import { fromCents, fromStoredAmount } from '../../db/money';
import { addressOf, loadCustomerRows, loadOrderRows, loadProductRows, present } from '../../db/store/load-rows';
import type { PaymentMethodRow } from '../../db/store/rows';
import type { TauOrder, TauPaymentMethod, TauProduct, TauUser } from '../format/records';

/**
 * Reads store rows back into tau records, every list and map in its stored order, exact amounts
 * included (an unrounded price difference comes back as the number it was imported as).
 * Each reader takes an optional list of ids; without it, it reads everything (for export).
 */

export async function readUsers(db: Knex, userIds?: readonly string[]): Promise<Map<string, TauUser>> {
  const rows = await loadCustomerRows(db, userIds);
  return new Map(
    rows.map(({ customer, phone, paymentMethods, orderIds }): [string, TauUser] => [
      customer.id,
      {
        user_id: customer.id,
        name: { first_name: customer.first_name, last_name: customer.last_name },
        address: addressOf(customer),
        email: customer.email,
        ...(phone ? { phone } : {}),
        payment_methods: new Map(paymentMethods.map((method) => [method.id, toPaymentMethod(method)])),
        orders: orderIds,
      },
    ]),
  );
}

export async function readProducts(db: Knex, productIds?: readonly string[]): Promise<Map<string, TauProduct>> {
  const rows = await loadProductRows(db, productIds);
  return new Map(
    rows.map(({ product, variants }): [string, TauProduct] => [
      product.id,
      {
        name: product.name,
        product_id: product.id,
        variants: new Map(
          variants.map(({ variant, options }) => [
            variant.id,
            {
              item_id: variant.id,
              options: new Map(options.map((option) => [option.name, option.value])),
              available: Boolean(variant.available),
              price: fromCents(variant.price_cents),
            },
          ]),
        ),
      },
    ]),
  );
}

export async function readOrders(db: Knex, orderIds?: readonly string[]): Promise<Map<string, TauOrder>> {
  const rows = await loadOrderRows(db, orderIds);
  return new Map(
    rows.map(({ order: row, items, fulfillments, payments, requested }): [string, TauOrder] => {
      const order: TauOrder = {
        order_id: row.id,
        user_id: row.customer_id,
        address: addressOf(row),
        items: items.map(({ item, options }) => ({
          name: item.name,
          product_id: item.product_id,
          item_id: item.item_id,
          price: fromCents(item.price_cents),
          options: new Map(options.map((option) => [option.name, option.value])),
        })),
        status: row.status,
        fulfillments: fulfillments.map((fulfillment) => ({ tracking_id: fulfillment.trackingIds, item_ids: fulfillment.itemIds })),
        payment_history: payments.map((payment) => ({
          transaction_type: payment.transaction_type,
          amount: fromStoredAmount({ cents: payment.amount_cents, json: payment.amount_json }),
          payment_method_id: payment.payment_method_id,
        })),
      };
      // Optional fields are added only when set, in the reference's field order.
      if (row.cancel_reason !== null) order.cancel_reason = row.cancel_reason;
      if (row.exchange_payment_method_id !== null) {
        order.exchange_items = requested.exchange_items;
        order.exchange_new_items = requested.exchange_new_items;
        order.exchange_payment_method_id = row.exchange_payment_method_id;
        if (row.exchange_price_difference_cents !== null) {
          order.exchange_price_difference = fromStoredAmount({
            cents: row.exchange_price_difference_cents,
            json: row.exchange_price_difference_json,
          });
        }
      }
      if (row.return_payment_method_id !== null) {
        order.return_items = requested.return_items;
        order.return_payment_method_id = row.return_payment_method_id;
      }
      return [row.id, order];
    }),
  );
}

function toPaymentMethod(row: PaymentMethodRow): TauPaymentMethod {
  switch (row.source) {
    case 'credit_card':
      return { source: 'credit_card', id: row.id, brand: present(row.brand, row, 'brand'), last_four: present(row.last_four, row, 'last_four') };
    case 'gift_card':
      return { source: 'gift_card', id: row.id, balance: fromCents(present(row.balance_cents, row, 'balance_cents')) };
    case 'paypal':
      return { source: 'paypal', id: row.id };
  }
}
