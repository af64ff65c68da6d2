import type { Knex } from 'knex';
import { findCustomer, findOrder } from '../db/repositories/store-queries';
import { money, render } from '../domain/messages';
import { checkPaymentModifiable } from '../domain/policy/rules/order-status';
import type { PaymentMethod, PaymentSource } from '../domain/store/entities';

/** One of the customer's payment methods, labelled the way a customer recognises it. */
export interface PaymentChoice {
  id: string;
  label: string;
  source: PaymentSource;
  /** Gift cards only. */
  balanceCents?: number;
}

/** What a conversation needs to offer a pending order another payment method. */
export interface PaymentChangeFacts {
  orderId: string;
  /** What the order's one payment paid, which the new method must pay in full. */
  totalCents: number;
  /** The method the order is paid with now. */
  current: PaymentChoice | null;
  /** The customer's other methods, in account order. */
  others: PaymentChoice[];
  /** The policy's reason when the payment cannot be changed (not pending, already changed once). */
  refusal?: string;
}

export function createPaymentChangeActivities(deps: { db: Knex }) {
  return {
    /** The order's payment and the customer's other methods; null when the order is not this customer's. */
    async paymentChangeFacts(request: { customerId: string; orderId: string; language?: string }): Promise<PaymentChangeFacts | null> {
      const order = await findOrder(deps.db, request.orderId);
      if (!order || order.customerId !== request.customerId) return null;
      const customer = await findCustomer(deps.db, request.customerId);
      const methods = (customer?.paymentMethods ?? []).map((m) => paymentChoice(m, request.language));
      const paid = order.payments[0];
      const refusal = checkPaymentModifiable(order, {});
      return {
        orderId: order.id,
        totalCents: paid?.amountCents ?? 0,
        current: methods.find((m) => m.id === paid?.paymentMethodId) ?? null,
        others: methods.filter((m) => m.id !== paid?.paymentMethodId),
        ...(refusal ? { refusal: refusal.reason } : {}),
      };
    },
  };
}

/** Labelled in the reader's language; card brands and ids stay as the store holds them. */
function paymentChoice(method: PaymentMethod, language?: string): PaymentChoice {
  if (method.source === 'credit_card') {
    const brand = method.brand ? method.brand.charAt(0).toUpperCase() + method.brand.slice(1) : capitalised(render(language, 'card'));
    return { id: method.id, label: render(language, '{brand} ending {lastFour}', { brand, lastFour: method.lastFour }), source: method.source };
  }
  if (method.source === 'gift_card') {
    const balanceCents = method.balanceCents;
    return { id: method.id, label: render(language, 'Gift card (balance {balance})', { balance: money(balanceCents) }), source: method.source, balanceCents };
  }
  return { id: method.id, label: 'PayPal', source: method.source };
}

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
