/**
 * A small hand-written store of the product's own entities (camelCase, integer cents) for the policy tests, and helpers that evaluate a request the way the workflow does: ask, confirm, (approve), act.
 */
import { evaluate } from '../../domain/policy/evaluate';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy/settings';
import type {
  ActionRequest,
  Address,
  Approval,
  ConversationFacts,
  Customer,
  Order,
  OrderHistoryFacts,
  PolicyContext,
  PolicyDecision,
  PolicySettings,
  Product,
} from '../../domain/policy/types';

export const MEI = 'mei_kim_1234';
export const OMAR = 'omar_lee_5678';

export const HOME: Address = { address1: '1 Elm St', address2: 'Apt 2', city: 'Springfield', country: 'USA', state: 'IL', zip: '62701' };
export const NEW_ADDRESS: Address = { address1: '9 Oak Ave', address2: '', city: 'Portland', country: 'USA', state: 'OR', zip: '97201' };

const customer = (id: string, firstName: string, paymentMethods: Customer['paymentMethods'], orderIds: string[]): Customer => ({
  id,
  firstName,
  lastName: 'Kim',
  email: `${id}@example.com`,
  address: HOME,
  paymentMethods,
  orderIds,
});

export const customers: Record<string, Customer> = {
  [MEI]: customer(
    MEI,
    'Mei',
    [
      { source: 'credit_card', id: 'credit_card_1', brand: 'visa', lastFour: '4242' },
      { source: 'paypal', id: 'paypal_2' },
      { source: 'gift_card', id: 'gift_card_3', balanceCents: 5000 },
      { source: 'gift_card', id: 'gift_card_4', balanceCents: 599 },
    ],
    [],
  ),
  [OMAR]: customer(OMAR, 'Omar', [{ source: 'credit_card', id: 'credit_card_9', brand: 'mastercard', lastFour: '1111' }], []),
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

const variant = (itemId: string, priceCents: number, available = true) => ({ itemId, options: [['option', itemId] as const], available, priceCents });

export const products: Product[] = [
  {
    name: 'T-Shirt',
    id: TSHIRT,
    variants: [variant(SHIRT_BLUE_M, 2000), variant(SHIRT_RED_M, 2500), variant(SHIRT_GREEN_L, 1850), variant(SHIRT_BLACK_S, 2200, false)],
  },
  {
    name: 'Running Shoes',
    id: SHOES,
    variants: [variant(SHOES_9, 8000), variant(SHOES_10, 9500), variant(SHOES_11, 7000)],
  },
  {
    name: 'Laptop',
    id: LAPTOP,
    variants: [variant(LAPTOP_13, 60000), variant(LAPTOP_15, 65000), variant(LAPTOP_11, 48000)],
  },
];

const item = (name: string, productId: string) => (itemId: string, priceCents: number) => ({
  name,
  productId,
  itemId,
  priceCents,
  options: [['option', itemId] as const],
});
const shirt = item('T-Shirt', TSHIRT);
const shoes = item('Running Shoes', SHOES);
const laptop = item('Laptop', LAPTOP);
const paid = (amountCents: number, paymentMethodId: string) => ({ kind: 'payment' as const, amountCents, paymentMethodId });
const refunded = (amountCents: number, paymentMethodId: string) => ({ kind: 'refund' as const, amountCents, paymentMethodId });

function order(id: string, status: string, items: Order['items'], payments: Order['payments'], customerId = MEI): Order {
  return { id, customerId, address: HOME, items, status, fulfillments: [], payments, cancelReason: null, exchange: null, return: null };
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
/** Pending, $18.50 shirt order paid with gift card 4. */
export const PENDING_GIFT_CARD = '#W0000012';

export const orders: Record<string, Order> = {
  [PENDING]: order(PENDING, 'pending', [shirt(SHIRT_BLUE_M, 2000), shoes(SHOES_9, 8000)], [paid(10000, 'credit_card_1')]),
  [DELIVERED]: order(
    DELIVERED,
    'delivered',
    [shirt(SHIRT_BLUE_M, 2000), shirt(SHIRT_BLUE_M, 2000), shoes(SHOES_9, 8000)],
    [paid(12000, 'credit_card_1')],
  ),
  [ITEMS_MODIFIED]: order(ITEMS_MODIFIED, 'pending (item modified)', [shirt(SHIRT_RED_M, 2500)], [paid(2000, 'credit_card_1'), paid(500, 'credit_card_1')]),
  [PROCESSED]: order(PROCESSED, 'processed', [shirt(SHIRT_BLUE_M, 2000)], [paid(2000, 'credit_card_1')]),
  [CANCELLED]: order(CANCELLED, 'cancelled', [shirt(SHIRT_BLUE_M, 2000)], [paid(2000, 'credit_card_1'), refunded(2000, 'credit_card_1')]),
  [RETURN_REQUESTED]: {
    ...order(RETURN_REQUESTED, 'return requested', [shirt(SHIRT_BLUE_M, 2000)], [paid(2000, 'credit_card_1')]),
    return: { itemIds: [SHIRT_BLUE_M], paymentMethodId: 'credit_card_1' },
  },
  [EXCHANGE_REQUESTED]: {
    ...order(EXCHANGE_REQUESTED, 'exchange requested', [shirt(SHIRT_BLUE_M, 2000)], [paid(2000, 'credit_card_1')]),
    exchange: { itemIds: [SHIRT_BLUE_M], newItemIds: [SHIRT_RED_M], paymentMethodId: 'credit_card_1', priceDifferenceCents: 500 },
  },
  [PAYMENT_CHANGED]: order(
    PAYMENT_CHANGED,
    'pending',
    [shirt(SHIRT_BLUE_M, 2000), shoes(SHOES_9, 8000)],
    [paid(10000, 'credit_card_1'), paid(10000, 'gift_card_3'), refunded(10000, 'credit_card_1')],
  ),
  [OMARS_ORDER]: order(OMARS_ORDER, 'pending', [shirt(SHIRT_BLUE_M, 2000)], [paid(2000, 'credit_card_9')], OMAR),
  [DELIVERED_LAPTOP]: order(DELIVERED_LAPTOP, 'delivered', [laptop(LAPTOP_13, 60000)], [paid(60000, 'paypal_2')]),
  [PENDING_LAPTOP]: order(PENDING_LAPTOP, 'pending', [laptop(LAPTOP_13, 60000)], [paid(60000, 'paypal_2')]),
  [PENDING_GIFT_CARD]: order(PENDING_GIFT_CARD, 'pending', [shirt(SHIRT_GREEN_L, 1850)], [paid(1850, 'gift_card_4')]),
};

export interface Situation {
  customerId?: string | null;
  settings?: Partial<PolicySettings>;
  history?: OrderHistoryFacts;
  /** Replace the order record the store returns (undefined: the fixture order the request names). */
  order?: Order | null;
  customer?: Customer | null;
  products?: Product[];
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
