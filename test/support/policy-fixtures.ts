/**
 * A small hand-written store in the tau-bench retail shape (dollars, as the tau files hold them) for the
 * policy tests, and helpers that evaluate a request the way the workflow does: ask, confirm, (approve), act.
 */
import { evaluate } from '../../domain/policy/evaluate';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy/settings';
import type {
  ActionRequest,
  Address,
  Approval,
  ConversationFacts,
  CustomerRecord,
  OrderHistoryFacts,
  OrderRecord,
  PolicyContext,
  PolicyDecision,
  PolicySettings,
  ProductRecord,
} from '../../domain/policy/types';

export const MEI = 'mei_kim_1234';
export const OMAR = 'omar_lee_5678';

export const HOME: Address = { address1: '1 Elm St', address2: 'Apt 2', city: 'Springfield', country: 'USA', state: 'IL', zip: '62701' };
export const NEW_ADDRESS: Address = { address1: '9 Oak Ave', address2: '', city: 'Portland', country: 'USA', state: 'OR', zip: '97201' };

export const customers: Record<string, CustomerRecord> = {
  [MEI]: {
    user_id: MEI,
    address: HOME,
    payment_methods: {
      credit_card_1: { source: 'credit_card', id: 'credit_card_1' },
      paypal_2: { source: 'paypal', id: 'paypal_2' },
      gift_card_3: { source: 'gift_card', id: 'gift_card_3', balance: 50 },
      gift_card_4: { source: 'gift_card', id: 'gift_card_4', balance: 5.99 },
    },
  },
  [OMAR]: {
    user_id: OMAR,
    address: HOME,
    payment_methods: { credit_card_9: { source: 'credit_card', id: 'credit_card_9' } },
  },
};

export const TSHIRT = '1000000001';
export const SHOES = '1000000002';
export const LAPTOP = '1000000003';
export const SHIRT_BLUE_M = '2000000001'; // 20.00
export const SHIRT_RED_M = '2000000002'; // 25.00
export const SHIRT_GREEN_L = '2000000003'; // 18.50
export const SHIRT_BLACK_S = '2000000004'; // 22.00, sold out
export const SHOES_9 = '3000000001'; // 80.00
export const SHOES_10 = '3000000002'; // 95.00
export const SHOES_11 = '3000000003'; // 70.00
export const LAPTOP_13 = '4000000001'; // 600.00
export const LAPTOP_15 = '4000000002'; // 650.00
export const LAPTOP_11 = '4000000003'; // 480.00

const variant = (item_id: string, price: number, available = true) => ({ item_id, options: { option: item_id }, available, price });

export const products: ProductRecord[] = [
  {
    name: 'T-Shirt',
    product_id: TSHIRT,
    variants: {
      [SHIRT_BLUE_M]: variant(SHIRT_BLUE_M, 20),
      [SHIRT_RED_M]: variant(SHIRT_RED_M, 25),
      [SHIRT_GREEN_L]: variant(SHIRT_GREEN_L, 18.5),
      [SHIRT_BLACK_S]: variant(SHIRT_BLACK_S, 22, false),
    },
  },
  {
    name: 'Running Shoes',
    product_id: SHOES,
    variants: { [SHOES_9]: variant(SHOES_9, 80), [SHOES_10]: variant(SHOES_10, 95), [SHOES_11]: variant(SHOES_11, 70) },
  },
  {
    name: 'Laptop',
    product_id: LAPTOP,
    variants: { [LAPTOP_13]: variant(LAPTOP_13, 600), [LAPTOP_15]: variant(LAPTOP_15, 650), [LAPTOP_11]: variant(LAPTOP_11, 480) },
  },
];

const shirt = (item_id: string, price: number) => ({ name: 'T-Shirt', product_id: TSHIRT, item_id, price, options: { option: item_id } });
const shoes = (item_id: string, price: number) => ({ name: 'Running Shoes', product_id: SHOES, item_id, price, options: { option: item_id } });
const laptop = (item_id: string, price: number) => ({ name: 'Laptop', product_id: LAPTOP, item_id, price, options: { option: item_id } });
const paid = (amount: number, payment_method_id: string) => ({ transaction_type: 'payment' as const, amount, payment_method_id });
const refunded = (amount: number, payment_method_id: string) => ({ transaction_type: 'refund' as const, amount, payment_method_id });

function order(order_id: string, status: string, items: OrderRecord['items'], payment_history: OrderRecord['payment_history'], user_id = MEI): OrderRecord {
  return { order_id, user_id, address: HOME, items, status, payment_history };
}

/** Pending, $100.00 on a credit card: a shirt ($20) and shoes ($80). */
export const PENDING = '#W0000001';
/** Delivered, $120.00 on a credit card: the same shirt twice and shoes. */
export const DELIVERED = '#W0000002';
export const ITEMS_MODIFIED = '#W0000003';
export const PROCESSED = '#W0000004';
export const CANCELLED = '#W0000005';
export const RETURN_REQUESTED = '#W0000006';
export const EXCHANGE_REQUESTED = '#W0000007';
/** Pending, paid first by card, then moved to gift card 3. */
export const PAYMENT_CHANGED = '#W0000008';
/** Omar's pending order. */
export const OMARS_ORDER = '#W0000009';
/** Delivered laptop, $600.00 by PayPal. */
export const DELIVERED_LAPTOP = '#W0000010';
/** Pending laptop, $600.00 by PayPal. */
export const PENDING_LAPTOP = '#W0000011';
/** Pending, $10.00 shirt-priced order paid with gift card 4 (a float-noise amount on record). */
export const PENDING_GIFT_CARD = '#W0000012';

export const orders: Record<string, OrderRecord> = {
  [PENDING]: order(PENDING, 'pending', [shirt(SHIRT_BLUE_M, 20), shoes(SHOES_9, 80)], [paid(100, 'credit_card_1')]),
  [DELIVERED]: order(
    DELIVERED,
    'delivered',
    [shirt(SHIRT_BLUE_M, 20), shirt(SHIRT_BLUE_M, 20), shoes(SHOES_9, 80)],
    [paid(120, 'credit_card_1')],
  ),
  [ITEMS_MODIFIED]: order(ITEMS_MODIFIED, 'pending (item modified)', [shirt(SHIRT_RED_M, 25)], [paid(20, 'credit_card_1'), paid(5, 'credit_card_1')]),
  [PROCESSED]: order(PROCESSED, 'processed', [shirt(SHIRT_BLUE_M, 20)], [paid(20, 'credit_card_1')]),
  [CANCELLED]: order(CANCELLED, 'cancelled', [shirt(SHIRT_BLUE_M, 20)], [paid(20, 'credit_card_1'), refunded(20, 'credit_card_1')]),
  [RETURN_REQUESTED]: {
    ...order(RETURN_REQUESTED, 'return requested', [shirt(SHIRT_BLUE_M, 20)], [paid(20, 'credit_card_1')]),
    return_payment_method_id: 'credit_card_1',
  },
  [EXCHANGE_REQUESTED]: {
    ...order(EXCHANGE_REQUESTED, 'exchange requested', [shirt(SHIRT_BLUE_M, 20)], [paid(20, 'credit_card_1')]),
    exchange_payment_method_id: 'credit_card_1',
  },
  [PAYMENT_CHANGED]: order(
    PAYMENT_CHANGED,
    'pending',
    [shirt(SHIRT_BLUE_M, 20), shoes(SHOES_9, 80)],
    [paid(100, 'credit_card_1'), paid(100, 'gift_card_3'), refunded(100, 'credit_card_1')],
  ),
  [OMARS_ORDER]: order(OMARS_ORDER, 'pending', [shirt(SHIRT_BLUE_M, 20)], [paid(20, 'credit_card_9')], OMAR),
  [DELIVERED_LAPTOP]: order(DELIVERED_LAPTOP, 'delivered', [laptop(LAPTOP_13, 600)], [paid(600, 'paypal_2')]),
  [PENDING_LAPTOP]: order(PENDING_LAPTOP, 'pending', [laptop(LAPTOP_13, 600)], [paid(600, 'paypal_2')]),
  [PENDING_GIFT_CARD]: order(PENDING_GIFT_CARD, 'pending', [shirt(SHIRT_GREEN_L, 18.5)], [paid(18.499999999999996, 'gift_card_4')]),
};

export interface Situation {
  customerId?: string | null;
  settings?: Partial<PolicySettings>;
  history?: OrderHistoryFacts;
  /** Replace the order record the store returns (undefined: the fixture order the request names). */
  order?: OrderRecord | null;
  customer?: CustomerRecord | null;
  products?: ProductRecord[];
  approvals?: Approval[];
  completedProposalIds?: string[];
  confirmedProposalId?: string | null;
}

export function facts(situation: Situation = {}): ConversationFacts {
  const confirmed = situation.confirmedProposalId ?? null;
  return {
    customerId: situation.customerId === undefined ? MEI : situation.customerId,
    confirmation: confirmed === null ? null : { proposalId: confirmed },
    approvals: situation.approvals ?? [],
    completedProposalIds: situation.completedProposalIds ?? [],
  };
}

/** What the workflow (or the activity) would read from the store for this request. */
export function contextFor(request: ActionRequest, situation: Situation = {}): PolicyContext {
  const conversation = facts(situation);
  const orderId = 'orderId' in request ? request.orderId : undefined;
  const storedCustomer = conversation.customerId === null ? undefined : customers[conversation.customerId];
  return {
    facts: conversation,
    records: {
      customer: situation.customer !== undefined ? situation.customer : (storedCustomer ?? null),
      order: situation.order !== undefined ? situation.order : ((orderId && orders[orderId]) || null),
      products: situation.products ?? products,
    },
    ...(situation.history ? { history: situation.history } : {}),
    settings: { ...DEFAULT_POLICY_SETTINGS, ...situation.settings },
  };
}

export function decide(request: ActionRequest, situation: Situation = {}): PolicyDecision {
  return evaluate(request, contextFor(request, situation));
}

/**
 * The customer says yes to whatever the engine proposes, then the engine decides again: what the
 * workflow sees once a confirmation is on record. Denials come back as they are.
 */
export function decideConfirmed(request: ActionRequest, situation: Situation = {}): PolicyDecision {
  const first = decide(request, situation);
  if (first.outcome !== 'needs_confirmation') return first;
  return decide(request, { ...situation, confirmedProposalId: first.proposal.proposalId });
}

/** The proposal the engine builds for this request (fails the test when it denies). */
export function proposalFor(request: ActionRequest, situation: Situation = {}) {
  const decision = decide(request, situation);
  if (decision.outcome === 'deny') throw new Error(`expected a proposal, got deny(${decision.rule}): ${decision.reason}`);
  return decision.proposal;
}
