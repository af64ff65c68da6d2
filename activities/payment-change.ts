import type { Knex } from 'knex';
import { getOrder, getUser } from '../db/repositories/store-queries';
import type { TauPaymentMethod } from '../db/tau-format/records';
import { formatCents, toCents } from '../domain/policy';
import { checkPaymentModifiable } from '../domain/policy/rules/order-status';

/** One of the customer's payment methods, labelled the way a customer recognises it. */
export interface PaymentChoice {
  id: string;
  label: string;
  source: TauPaymentMethod['source'];
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
    async paymentChangeFacts(request: { customerId: string; orderId: string }): Promise<PaymentChangeFacts | null> {
      const order = await getOrder(deps.db, request.orderId);
      if (!order || order.user_id !== request.customerId) return null;
      const customer = await getUser(deps.db, request.customerId);
      const methods = [...(customer?.payment_methods.values() ?? [])].map(paymentChoice);
      const paid = order.payment_history[0];
      const refusal = checkPaymentModifiable(order, {});
      return {
        orderId: order.order_id,
        totalCents: paid ? toCents(paid.amount) : 0,
        current: methods.find((m) => m.id === paid?.payment_method_id) ?? null,
        others: methods.filter((m) => m.id !== paid?.payment_method_id),
        ...(refusal ? { refusal: refusal.reason } : {}),
      };
    },
  };
}

function paymentChoice(method: TauPaymentMethod): PaymentChoice {
  if (method.source === 'credit_card') {
    const brand = method.brand ? method.brand.charAt(0).toUpperCase() + method.brand.slice(1) : 'Card';
    return { id: method.id, label: `${brand} ending ${method.last_four}`, source: method.source };
  }
  if (method.source === 'gift_card') {
    const balanceCents = toCents(method.balance);
    return { id: method.id, label: `Gift card (balance ${formatCents(balanceCents)})`, source: method.source, balanceCents };
  }
  return { id: method.id, label: 'PayPal', source: method.source };
}
