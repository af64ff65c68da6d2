/**
 * The tau-bench retail records ⇄ the product's entities. Tau records carry dollars (whole cents for
 * prices and balances, possibly float noise in payment amounts), snake_case names and Maps keyed by id;
 * entities carry integer cents, camelCase names and lists in the same order.
 *
 * From tau, amounts are read to the nearest cent. Back to tau, cents become dollars, so an amount that
 * was not whole cents (35.52999999999997) comes back rounded: the store keeps the exact number for the
 * tau files themselves (tau/store), and nothing but those files needs it.
 */
import { fromCents, toCents } from '../db/money';
import type { Customer, Order, PaymentMethod, Product } from '../domain/store/entities';
import type { TauOrder, TauPaymentMethod, TauProduct, TauUser } from './format/records';

export function customerFromTau(user: TauUser): Customer {
  return {
    id: user.user_id,
    firstName: user.name.first_name,
    lastName: user.name.last_name,
    email: user.email,
    address: { ...user.address },
    paymentMethods: [...user.payment_methods.values()].map(paymentMethodFromTau),
    orderIds: [...user.orders],
  };
}

export function paymentMethodFromTau(method: TauPaymentMethod): PaymentMethod {
  switch (method.source) {
    case 'credit_card':
      return { source: 'credit_card', id: method.id, brand: method.brand, lastFour: method.last_four };
    case 'gift_card':
      return { source: 'gift_card', id: method.id, balanceCents: toCents(method.balance) };
    case 'paypal':
      return { source: 'paypal', id: method.id };
  }
}

export function productFromTau(product: TauProduct): Product {
  return {
    id: product.product_id,
    name: product.name,
    variants: [...product.variants.values()].map((variant) => ({
      itemId: variant.item_id,
      options: [...variant.options],
      available: variant.available,
      priceCents: toCents(variant.price),
    })),
  };
}

export function orderFromTau(order: TauOrder): Order {
  return {
    id: order.order_id,
    customerId: order.user_id,
    address: { ...order.address },
    items: order.items.map((item) => ({
      itemId: item.item_id,
      productId: item.product_id,
      name: item.name,
      priceCents: toCents(item.price),
      options: [...item.options],
    })),
    status: order.status,
    fulfillments: order.fulfillments.map((fulfillment) => ({ trackingIds: [...fulfillment.tracking_id], itemIds: [...fulfillment.item_ids] })),
    payments: order.payment_history.map((payment) => ({
      kind: payment.transaction_type,
      amountCents: toCents(payment.amount),
      paymentMethodId: payment.payment_method_id,
    })),
    cancelReason: order.cancel_reason ?? null,
    exchange:
      order.exchange_payment_method_id === undefined
        ? null
        : {
            itemIds: [...(order.exchange_items ?? [])],
            newItemIds: [...(order.exchange_new_items ?? [])],
            paymentMethodId: order.exchange_payment_method_id,
            priceDifferenceCents: order.exchange_price_difference === undefined ? null : toCents(order.exchange_price_difference),
          },
    return:
      order.return_payment_method_id === undefined
        ? null
        : { itemIds: [...(order.return_items ?? [])], paymentMethodId: order.return_payment_method_id },
  };
}

export function customerToTau(customer: Customer): TauUser {
  return {
    user_id: customer.id,
    name: { first_name: customer.firstName, last_name: customer.lastName },
    address: { ...customer.address },
    email: customer.email,
    payment_methods: new Map(customer.paymentMethods.map((method) => [method.id, paymentMethodToTau(method)])),
    orders: [...customer.orderIds],
  };
}

export function paymentMethodToTau(method: PaymentMethod): TauPaymentMethod {
  switch (method.source) {
    case 'credit_card':
      return { source: 'credit_card', id: method.id, brand: method.brand, last_four: method.lastFour };
    case 'gift_card':
      return { source: 'gift_card', id: method.id, balance: fromCents(method.balanceCents) };
    case 'paypal':
      return { source: 'paypal', id: method.id };
  }
}

export function productToTau(product: Product): TauProduct {
  return {
    name: product.name,
    product_id: product.id,
    variants: new Map(
      product.variants.map((variant) => [
        variant.itemId,
        { item_id: variant.itemId, options: new Map(variant.options), available: variant.available, price: fromCents(variant.priceCents) },
      ]),
    ),
  };
}

/** The optional fields are set only when the entity has them, in the reference's field order. */
export function orderToTau(order: Order): TauOrder {
  const tau: TauOrder = {
    order_id: order.id,
    user_id: order.customerId,
    address: { ...order.address },
    items: order.items.map((item) => ({
      name: item.name,
      product_id: item.productId,
      item_id: item.itemId,
      price: fromCents(item.priceCents),
      options: new Map(item.options),
    })),
    status: order.status,
    fulfillments: order.fulfillments.map((fulfillment) => ({ tracking_id: [...fulfillment.trackingIds], item_ids: [...fulfillment.itemIds] })),
    payment_history: order.payments.map((payment) => ({
      transaction_type: payment.kind,
      amount: fromCents(payment.amountCents),
      payment_method_id: payment.paymentMethodId,
    })),
  };
  if (order.cancelReason !== null) tau.cancel_reason = order.cancelReason;
  if (order.exchange) {
    tau.exchange_items = [...order.exchange.itemIds];
    tau.exchange_new_items = [...order.exchange.newItemIds];
    tau.exchange_payment_method_id = order.exchange.paymentMethodId;
    if (order.exchange.priceDifferenceCents !== null) tau.exchange_price_difference = fromCents(order.exchange.priceDifferenceCents);
  }
  if (order.return) {
    tau.return_items = [...order.return.itemIds];
    tau.return_payment_method_id = order.return.paymentMethodId;
  }
  return tau;
}
