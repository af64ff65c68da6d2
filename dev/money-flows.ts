import type { Knex } from 'knex';
import type { MoneyProduct } from './money-product';

/**
 * The seven ways money leaves the shop, each walked as a customer (and a warehouse, an agent or a
 * supervisor) would over the HTTP API: from a fresh conversation to the accepted confirmation and,
 * where the money moves later, the event that moves it. A driver answers whatever the bot asks for
 * (`awaiting`), not a fixed script, and returns the refunds the walk should cause, so fault tests and
 * the reliability benchmark can compare them with the books.
 *
 * Messages carry an Idempotency-Key and are sent again with the same key when the API answers 5xx or
 * the connection fails (as a channel retries); a 202 is waited out in the transcript.
 */

export const MONEY_FLOWS = ['cancel', 'modify', 'payment_change', 'return', 'exchange', 'goodwill', 'approved_cancel'] as const;
export type MoneyFlow = (typeof MONEY_FLOWS)[number];

/** The approved over-limit cancel needs a worker with a low automatic limit: every refund over it waits for a supervisor. */
export const APPROVAL_LIMIT_CENTS = 100;

export interface ExpectedRefund {
  orderId: string;
  paymentMethodId: string;
  cents: number;
}

export interface Target {
  flow: MoneyFlow;
  orderId: string;
  email: string;
  /** What the bot may ask for on the way, and the answer. */
  answers: Partial<Record<string, string>>;
  opening: string;
  expected: ExpectedRefund;
}

export interface FlowTokens {
  channel: string;
  agent: string;
  supervisor: string;
}

export interface FlowContext {
  product: MoneyProduct;
  tokens: FlowTokens;
  /** Runs just before the step that moves money (the yes, the parcel, the acceptance, the approval). */
  beforeMoney?: () => Promise<void>;
  /** How long a message is retried while the API answers 5xx or cannot be reached. */
  patienceMs?: number;
}

export interface MessageReply {
  replies: { text: string }[];
  awaiting?: string;
  actions?: { name: string; status: string; detail?: string }[];
  options?: { id: string; label: string }[];
  [key: string]: unknown;
}

export interface FlowRun {
  flow: MoneyFlow;
  conversationId: string;
  orderId: string;
  /** The refunds the provider should make, once each. */
  expected: ExpectedRefund[];
  /** The reply to the customer's yes (or acceptance of the offer). */
  accepted: MessageReply;
  /** 5xx answers (and failed connections) the driver retried. */
  retries: number;
}

/* ---------- picking orders: distinct per run, so runs in parallel do not share money ---------- */

interface PaidOrder {
  orderId: string;
  email: string;
  customerId: string;
  methodId: string;
  source: string;
  paidCents: number;
}

/** Orders in `status` paid once, with no refund yet, by one of `sources`, in store order. */
async function paidOnce(db: Knex, status: string, sources: string[]): Promise<PaidOrder[]> {
  const rows = (await db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': status, 't.transaction_type': 'payment' })
    .whereIn('m.source', sources)
    .whereNotExists(db('payment_transactions as x').whereRaw('x.order_id = o.id').whereRaw('x.position <> t.position'))
    .orderBy('o.position')
    .select('o.id as orderId', 'c.email as email', 'c.id as customerId', 'm.id as methodId', 'm.source as source', 't.amount_cents as paidCents')) as PaidOrder[];
  return rows.map((r) => ({ ...r, paidCents: Number(r.paidCents) }));
}

function first<T extends { orderId: string }>(rows: T[], taken: Set<string>, what: string, extra: (row: T) => string[] = () => []): T {
  const row = rows.find((r) => !taken.has(r.orderId) && extra(r).every((k) => !taken.has(k)));
  if (!row) throw new Error(`the store has no more ${what} (already taken: ${[...taken].join(', ') || 'none'})`);
  taken.add(row.orderId);
  for (const k of extra(row)) taken.add(k);
  return row;
}

async function cheaperSwaps(db: Knex, status: string) {
  const rows = (await db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .join('order_items as i', 'i.order_id', 'o.id')
    .join('variants as v', 'v.product_id', 'i.product_id')
    .where({ 'o.status': status, 't.transaction_type': 'payment' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .where('v.available', true)
    .whereRaw('v.price_cents < i.price_cents')
    .orderBy(['o.position', 'i.position', 'v.id'])
    .select('o.id as orderId', 'c.email as email', 'm.id as methodId', 'i.item_id as itemId', 'i.price_cents as oldCents', 'v.id as newItemId', 'v.price_cents as newCents')) as {
    orderId: string;
    email: string;
    methodId: string;
    itemId: string;
    oldCents: number;
    newItemId: string;
    newCents: number;
  }[];
  return rows.map((r) => ({ ...r, oldCents: Number(r.oldCents), newCents: Number(r.newCents) }));
}

/**
 * An order of the current store for `flow`, not in `taken` (order ids, and the variants and gift
 * cards runs spend); what it picks is added to `taken`.
 */
export async function pickTarget(db: Knex, flow: MoneyFlow, taken: Set<string>): Promise<Target> {
  const base = (o: { orderId: string; email: string }) => ({ flow, orderId: o.orderId, email: o.email });
  switch (flow) {
    case 'cancel':
    case 'approved_cancel': {
      const o = first(await paidOnce(db, 'pending', ['credit_card', 'paypal']), taken, 'pending orders paid once by card or PayPal');
      return {
        ...base(o),
        opening: `I want to cancel order ${o.orderId}`,
        answers: { email: o.email, order_id: o.orderId, reason: 'no longer needed' },
        expected: { orderId: o.orderId, paymentMethodId: o.methodId, cents: o.paidCents },
      };
    }
    case 'modify':
    case 'exchange': {
      const s = first(await cheaperSwaps(db, flow === 'modify' ? 'pending' : 'delivered'), taken, `${flow === 'modify' ? 'pending' : 'delivered'} card or PayPal orders with a cheaper variant in stock`, (r) => [r.newItemId]);
      return {
        ...base(s),
        opening: flow === 'modify' ? `I want to change the size of an item in order ${s.orderId}` : `I want to exchange an item from order ${s.orderId}`,
        answers: { email: s.email, order_id: s.orderId, items: s.itemId, new_items: s.newItemId, payment_method: s.methodId },
        expected: { orderId: s.orderId, paymentMethodId: s.methodId, cents: s.oldCents - s.newCents },
      };
    }
    case 'payment_change': {
      const cards = (await db('payment_methods').where({ source: 'gift_card' }).select('id', 'customer_id', 'balance_cents')) as { id: string; customer_id: string; balance_cents: number }[];
      const candidates = (await paidOnce(db, 'pending', ['credit_card'])).flatMap((o) =>
        cards.filter((g) => g.customer_id === o.customerId && Number(g.balance_cents) >= o.paidCents).map((g) => ({ ...o, giftCardId: g.id })),
      );
      const o = first(candidates, taken, 'card-paid pending orders whose customer has a gift card that covers them', (c) => [c.giftCardId]);
      return {
        ...base(o),
        opening: `change the payment method of my order ${o.orderId}`,
        answers: { email: o.email, order_id: o.orderId, payment_method: o.giftCardId },
        expected: { orderId: o.orderId, paymentMethodId: o.methodId, cents: o.paidCents },
      };
    }
    case 'return': {
      const o = first(await paidOnce(db, 'delivered', ['credit_card']), taken, 'delivered orders paid by card');
      const item = (await db('order_items').where({ order_id: o.orderId }).orderBy('position').first('item_id', 'price_cents')) as { item_id: string; price_cents: number };
      return {
        ...base(o),
        opening: `I want to return an item from order ${o.orderId}`,
        answers: { email: o.email, order_id: o.orderId, items: item.item_id, payment_method: o.methodId },
        expected: { orderId: o.orderId, paymentMethodId: o.methodId, cents: Number(item.price_cents) },
      };
    }
    case 'goodwill': {
      const o = first(await paidOnce(db, 'delivered', ['credit_card']), taken, 'delivered orders paid by card');
      return {
        ...base(o),
        opening: `where is my order ${o.orderId}?`,
        answers: { email: o.email, order_id: o.orderId },
        expected: { orderId: o.orderId, paymentMethodId: o.methodId, cents: GOODWILL_CENTS },
      };
    }
  }
}

export const GOODWILL_CENTS = 500;

/* ---------- talking over the API ---------- */

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API, read field by field like the tests do
  body: any;
}

interface ViewTurn {
  seq: number;
  from: string;
  text: string;
}

/** The parts of GET /v1/conversations/:id the drivers read. */
interface ConversationRead {
  transcript: ViewTurn[];
  actions?: MessageReply['actions'];
  awaiting?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Patient {
  retries = 0;
  constructor(
    private readonly product: MoneyProduct,
    private readonly patienceMs: number,
  ) {}

  /** One call, sent again (same body, same headers) while the answer is 5xx or the connection fails. */
  async call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const deadline = Date.now() + this.patienceMs;
    for (;;) {
      let answer: Answer | undefined;
      let failure: unknown;
      try {
        const response = await fetch(`${this.product.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        answer = { status: response.status, body: text ? JSON.parse(text) : undefined };
      } catch (err) {
        failure = err;
      }
      if (answer && answer.status < 500) return answer;
      if (Date.now() > deadline) {
        throw new Error(`${method} ${path} kept failing for ${this.patienceMs} ms: ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : String(failure)}`);
      }
      this.retries++;
      await pause(500);
    }
  }

  async view(conversationId: string, token: string): Promise<ConversationRead> {
    const answer = await this.call('GET', `/v1/conversations/${conversationId}`, token);
    if (answer.status === 200) return answer.body as ConversationRead;
    throw new Error(`reading conversation ${conversationId} was answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

class Customer {
  private sent = 0;
  constructor(
    private readonly api: Patient,
    readonly id: string,
    private readonly token: string,
  ) {}

  async say(text: string): Promise<MessageReply> {
    const key = `drill-${this.id}-${++this.sent}`;
    const answer = await this.api.call('POST', `/v1/conversations/${this.id}/messages`, this.token, { text }, { 'idempotency-key': key });
    if (answer.status === 200) return answer.body as MessageReply;
    if (answer.status === 202) return this.replyLater(text);
    throw new Error(`"${text}" was answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** A message accepted for later: its reply is the bot's turns after it in the transcript. */
  private async replyLater(text: string): Promise<MessageReply> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const view = await this.api.view(this.id, this.token);
      const turns = view.transcript;
      const mine = turns.map((t) => t.from === 'customer' && t.text === text).lastIndexOf(true);
      const after = mine >= 0 ? turns.slice(mine + 1).filter((t) => t.from !== 'customer') : [];
      if (after.length > 0) return { replies: after.map((t) => ({ text: t.text })), actions: view.actions, ...(view.awaiting ? { awaiting: view.awaiting } : {}) };
      if (Date.now() > deadline) throw new Error(`no reply to "${text}" in conversation ${this.id} within 120 s`);
      await pause(300);
    }
  }

  view(): Promise<ConversationRead> {
    return this.api.view(this.id, this.token);
  }
}

async function newCustomer(api: Patient, token: string): Promise<Customer> {
  const created = await api.call('POST', '/v1/conversations', token, { channel: 'chat' });
  if (created.status !== 201) throw new Error(`could not start a conversation: ${created.status} ${JSON.stringify(created.body)}`);
  return new Customer(api, created.body.conversationId as string, token);
}

/** Answers the bot until it asks for the confirmation; returns that proposal. */
async function walkToProposal(customer: Customer, target: Target): Promise<MessageReply> {
  let reply = await customer.say(target.opening);
  for (let step = 0; step < 12; step++) {
    if (reply.awaiting === 'confirmation') return reply;
    const answer = reply.awaiting ? target.answers[reply.awaiting] : undefined;
    if (!answer) throw new Error(`the ${target.flow} walk for ${target.orderId} got a reply it has no answer for: ${JSON.stringify(reply)}`);
    reply = await customer.say(answer);
  }
  throw new Error(`the ${target.flow} walk for ${target.orderId} never reached a confirmation`);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(300);
  }
}

/** A walk that broke, with the conversation it broke in (for a look at its transcript and history). */
export class FlowError extends Error {
  override name = 'FlowError';
  constructor(
    message: string,
    readonly conversationId: string,
  ) {
    super(message);
  }
}

/** Walks `target`'s flow in a fresh conversation, up to the event that moves its money. */
export async function driveFlow(ctx: FlowContext, target: Target): Promise<FlowRun> {
  const api = new Patient(ctx.product, ctx.patienceMs ?? 120_000);
  const customer = await newCustomer(api, ctx.tokens.channel);
  try {
    return await walkFlow(ctx, target, api, customer);
  } catch (err) {
    throw new FlowError((err as Error).message, customer.id);
  }
}

async function walkFlow(ctx: FlowContext, target: Target, api: Patient, customer: Customer): Promise<FlowRun> {
  const run = (accepted: MessageReply): FlowRun => ({
    flow: target.flow,
    conversationId: customer.id,
    orderId: target.orderId,
    expected: [target.expected],
    accepted,
    retries: api.retries,
  });
  const orderPath = `/v1/orders/${encodeURIComponent(target.orderId)}/return-received`;

  switch (target.flow) {
    case 'cancel':
    case 'modify':
    case 'payment_change': {
      await walkToProposal(customer, target);
      await ctx.beforeMoney?.();
      return run(await customer.say('yes'));
    }
    case 'return':
    case 'exchange': {
      await walkToProposal(customer, target);
      const accepted = await customer.say('yes');
      await ctx.beforeMoney?.();
      const received = await api.call('POST', orderPath, ctx.tokens.agent);
      if (received.status !== 202) {
        throw new Error(`the warehouse's report for ${target.orderId} was answered ${received.status}: ${JSON.stringify(received.body)} (the yes was answered ${JSON.stringify(accepted.replies.map((r) => r.text))})`);
      }
      return run(accepted);
    }
    case 'goodwill': {
      let reply = await customer.say(target.opening);
      for (let step = 0; reply.awaiting && step < 4; step++) {
        const answer = target.answers[reply.awaiting];
        if (!answer) throw new Error(`the goodwill walk for ${target.orderId} got a reply it has no answer for: ${JSON.stringify(reply)}`);
        reply = await customer.say(answer);
      }
      const before = await customer.view();
      const lastSeq = Math.max(0, ...before.transcript.map((t) => t.seq));
      const offered = await api.call('POST', `/v1/conversations/${customer.id}/goodwill`, ctx.tokens.agent, {
        orderId: target.orderId,
        amountCents: target.expected.cents,
        paymentMethodId: target.expected.paymentMethodId,
        reason: 'late delivery',
      });
      if (offered.status !== 202) throw new Error(`the goodwill offer for ${target.orderId} was answered ${offered.status}: ${JSON.stringify(offered.body)}`);
      await until(async () => {
        const view = await customer.view();
        return view.transcript.some((t) => t.seq > lastSeq && t.from !== 'customer') ? view : undefined;
      }, `the goodwill offer to reach conversation ${customer.id}`);
      await ctx.beforeMoney?.();
      return run(await customer.say('yes please'));
    }
    case 'approved_cancel': {
      await walkToProposal(customer, target);
      const parked = await customer.say('yes');
      const approvalId = await until(async () => {
        const listed = await api.call('GET', '/v1/approvals', ctx.tokens.agent);
        const request = (listed.body?.approvals as { approvalId: string; conversationId: string }[] | undefined)?.find((a) => a.conversationId === customer.id);
        return request?.approvalId;
      }, `the approval request of conversation ${customer.id}`);
      await ctx.beforeMoney?.();
      const approved = await api.call('POST', `/v1/approvals/${encodeURIComponent(approvalId)}`, ctx.tokens.supervisor, { decision: 'approve' });
      if (approved.status !== 202) throw new Error(`approving ${approvalId} was answered ${approved.status}: ${JSON.stringify(approved.body)}`);
      return run(parked);
    }
  }
}

/**
 * Waits until the money of `run` has settled: a ledger entry for each expected refund, and every
 * refund saga of the order closed (completed, failed or compensated: whatever the product decided).
 */
export async function moneySettled(product: MoneyProduct, run: FlowRun, timeoutMs = 180_000): Promise<void> {
  await until(async () => {
    const entries = (await product.db('refund_ledger').where({ order_id: run.orderId }).select('saga_id')) as { saga_id: string }[];
    if (entries.length < run.expected.length) return undefined;
    for (const { saga_id } of entries) {
      const status = (await product.temporal.client.workflow.getHandle(saga_id).describe()).status.name;
      if (status === 'RUNNING') return undefined;
    }
    return true;
  }, `the refund sagas of order ${run.orderId} (${run.flow}) to settle`, timeoutMs);
}

/** The conversation's transcript as it stands, read over the API (retried while the worker is away). */
export async function transcriptOf(ctx: FlowContext, run: FlowRun): Promise<ViewTurn[]> {
  return (await new Patient(ctx.product, ctx.patienceMs ?? 120_000).view(run.conversationId, ctx.tokens.channel)).transcript;
}
