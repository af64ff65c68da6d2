import type { Knex } from 'knex';
import type { Customer, Order, PaymentMethod, Product } from '../../domain/store/entities';
import type { PaymentMethodRow } from './rows';
import { addressOf, loadCustomerRows, loadOrderRows, loadProductRows, present } from './load-rows';

/** The store's rows as the product's entities (integer cents, stored order), by id. Without ids, everything. */

export async function readCustomers(db: Knex, customerIds?: readonly string[]): Promise<Map<string, Customer>> {
  const rows = await loadCustomerRows(db, customerIds);
  return new Map(
    rows.map(({ customer, paymentMethods, orderIds }): [string, Customer] => [
      customer.id,
      {
        id: customer.id,
        firstName: customer.first_name,
        lastName: customer.last_name,
        email: customer.email,
        address: addressOf(customer),
        paymentMethods: paymentMethods.map(toPaymentMethod),
        orderIds,
      },
    ]),
  );
}

export async function readProducts(db: Knex, productIds?: readonly string[]): Promise<Map<string, Product>> {
  const rows = await loadProductRows(db, productIds);
  return new Map(
    rows.map(({ product, variants }): [string, Product] => [
      product.id,
      {
        id: product.id,
        name: product.name,
        variants: variants.map(({ variant, options }) => ({
          itemId: variant.id,
          options: options.map((option) => [option.name, option.value] as const),
          available: Boolean(variant.available),
          priceCents: variant.price_cents,
        })),
      },
    ]),
  );
}

export async function readOrders(db: Knex, orderIds?: readonly string[]): Promise<Map<string, Order>> {
  const rows = await loadOrderRows(db, orderIds);
  return new Map(
    rows.map(({ order, items, fulfillments, payments, requested }): [string, Order] => [
      order.id,
      {
        id: order.id,
        customerId: order.customer_id,
        address: addressOf(order),
        items: items.map(({ item, options }) => ({
          itemId: item.item_id,
          productId: item.product_id,
          name: item.name,
          priceCents: item.price_cents,
          options: options.map((option) => [option.name, option.value] as const),
        })),
        status: order.status,
        fulfillments,
        payments: payments.map((payment) => ({
          kind: payment.transaction_type,
          amountCents: payment.amount_cents,
          paymentMethodId: payment.payment_method_id,
        })),
        cancelReason: order.cancel_reason,
        exchange:
          order.exchange_payment_method_id === null
            ? null
            : {
                itemIds: requested.exchange_items,
                newItemIds: requested.exchange_new_items,
                paymentMethodId: order.exchange_payment_method_id,
                priceDifferenceCents: order.exchange_price_difference_cents,
              },
        return:
          order.return_payment_method_id === null ? null : { itemIds: requested.return_items, paymentMethodId: order.return_payment_method_id },
      },
    ]),
  );
}

function toPaymentMethod(row: PaymentMethodRow): PaymentMethod {
  switch (row.source) {
    case 'credit_card':
      return { source: 'credit_card', id: row.id, brand: present(row.brand, row, 'brand'), lastFour: present(row.last_four, row, 'last_four') };
    case 'gift_card':
      return { source: 'gift_card', id: row.id, balanceCents: present(row.balance_cents, row, 'balance_cents') };
    case 'paypal':
      return { source: 'paypal', id: row.id };
  }
}
