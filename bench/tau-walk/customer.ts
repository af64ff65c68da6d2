/**
 * A scripted customer for one tau-bench retail task. It wants what the task's gold write actions do,
 * one request after another in one conversation, and it only talks: it opens each request in plain
 * words, says who it is (an e-mail it knows, else its name and zip code), and answers whatever the bot
 * asks by reading `awaiting` and `options` from the reply — the option whose id is the action's
 * argument (order, items, new items, payment method, reason), an address on one line, and "yes" to a
 * proposal that names what it wants. It never sees the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExpectedTask } from './tasks';
import { TAU_DB_DIR } from './tasks';

/** The reference's tools that write (and `track_order`), and the intent a customer asking for each would have. */
export const INTENT_OF_TOOL: Record<string, string> = {
  cancel_pending_order: 'cancel_order',
  modify_pending_order_items: 'modify_items',
  exchange_delivered_order_items: 'exchange_items',
  return_delivered_order_items: 'return_items',
  modify_pending_order_address: 'change_shipping_address',
  modify_user_address: 'update_default_address',
  modify_pending_order_payment: 'modify_payment_method',
  transfer_to_human_agents: 'contact_human_agent',
  /** Not a reference tool: what a customer with nothing to change asks. */
  track_order: 'track_order',
};

const OPENINGS: Record<string, string> = {
  cancel_pending_order: 'I want to cancel an order.',
  exchange_delivered_order_items: 'I want to exchange some items I received.',
  return_delivered_order_items: 'I want to return some items I received.',
  modify_pending_order_address: 'I want to change the shipping address of an order.',
  modify_user_address: 'I want to update my default address.',
  modify_pending_order_payment: 'I want to change the payment method of my order.',
  transfer_to_human_agents: 'I want to talk to a human agent.',
  track_order: 'Where is my order?',
};

/** A second try at the opening, plainer, when the bot did not get the first one (a real customer rephrases too). */
const REPHRASED: Record<string, string> = {
  modify_pending_order_items: 'I want to change the options of an item in my pending order.',
};

export interface CustomerIdentity {
  /** E-mails the customer knows, in the order they would try them (some tasks give a wrong one first). */
  emails: string[];
  firstName: string;
  lastName: string;
  zip?: string;
}

export interface CustomerRequest {
  /** The reference tool whose effect the customer wants (or `track_order` to only ask). */
  tool: string;
  kwargs: Record<string, unknown>;
  /** The reference's own call failed: the bot refusing is the right outcome. */
  refusalExpected: boolean;
}

export interface CustomerScript {
  taskId: string;
  identity: CustomerIdentity;
  requests: CustomerRequest[];
}

export interface BotReply {
  replies: { text: string }[];
  status: string;
  awaiting?: string;
  options?: { id: string; label: string }[];
  intent?: string;
  actions?: { name: string; status: string; detail?: string }[];
}

export interface CustomerWalk {
  transcript: { from: 'customer' | 'bot'; text: string }[];
  /** What did not go as the task needs, in order; empty when every request went through. */
  problems: string[];
  /** What went wrong but was recovered from (an opening the bot only understood rephrased). */
  notes: string[];
  /** Each request and how it ended: executed, refused, nothing to do, or abandoned. */
  outcomes: { tool: string; outcome: 'executed' | 'refused' | 'declined' | 'answered' | 'abandoned'; detail?: string }[];
}

export interface PlayOptions {
  /** The answer to every proposal: `no` declines them all (the negative check). */
  confirm?: 'yes' | 'no';
  /** Bot turns one request may take before the customer gives up. */
  maxTurns?: number;
}

interface InitialRecords {
  users: Record<string, { name: { first_name: string; last_name: string } }>;
  orders: Record<string, { user_id: string; items: { item_id: string; options: Record<string, string> }[] }>;
  products: Record<string, { variants: Record<string, { options: Record<string, string> }> }>;
}

let records: InitialRecords | undefined;

/** The tau files as the customer knows them before the conversation: their name, what they bought, what they want instead. */
function initialRecords(): InitialRecords {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(TAU_DB_DIR, `${name}.json`), 'utf8')) as unknown;
  records ??= { users: read('users'), orders: read('orders'), products: read('products') } as InitialRecords;
  return records;
}

/** The customer's own name (a customer knows it even when the task names only their user id). */
function nameOf(userId: string): { first_name: string; last_name: string } {
  const user = initialRecords().users[userId];
  if (!user) throw new Error(`no user ${userId} in users.json`);
  return user.name;
}

const ownerOf = (orderId: string) => initialRecords().orders[orderId]?.user_id;

/** What differs between the items and the variants wanted instead ("color", "size and material"). */
function changedOptions(kwargs: Record<string, unknown>): string[] {
  const { orders, products } = initialRecords();
  const items = orders[String(kwargs.order_id)]?.items ?? [];
  const variants = new Map(Object.values(products).flatMap((p) => Object.entries(p.variants)));
  const names = new Set<string>();
  ((kwargs.item_ids as string[] | undefined) ?? []).forEach((itemId, index) => {
    const from = items.find((item) => item.item_id === itemId)?.options ?? {};
    const to = variants.get(((kwargs.new_item_ids as string[] | undefined) ?? [])[index] ?? '')?.options ?? {};
    for (const [name, value] of Object.entries(to)) if (from[name] !== value) names.add(name);
  });
  return [...names];
}

/** How the customer opens a request: in plain words, naming what changes but no ids (the bot is to offer the choices). */
export function openingFor(request: CustomerRequest): string {
  if (request.tool === 'modify_pending_order_items') {
    const options = changedOptions(request.kwargs);
    const what = options.length === 0 ? 'options' : options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} and ${options[options.length - 1]}`;
    return `I want to change the ${what} of an item in my pending order.`;
  }
  return OPENINGS[request.tool] ?? '';
}

/** What the customer of `task` wants and knows. */
export function scriptFor(task: ExpectedTask): CustomerScript {
  const known = task.instructions.known_info;
  const name = nameOf(task.userId);
  const zips = known.match(/\b\d{5}\b/g) ?? [];
  const identity: CustomerIdentity = {
    emails: known.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [],
    firstName: name.first_name,
    lastName: name.last_name,
    ...(zips.length > 0 ? { zip: zips[zips.length - 1] } : {}),
  };
  const writes = task.actions
    .filter((action) => Object.hasOwn(INTENT_OF_TOOL, action.name))
    .map((action): CustomerRequest => ({ tool: action.name, kwargs: action.kwargs, refusalExpected: action.error }));
  const changes = writes.filter((request) => request.tool !== 'transfer_to_human_agents');
  if (changes.length > 0) return { taskId: task.id, identity, requests: writes };
  // Nothing to change: ask about an order the task looks at (the customer's own), then whatever else it did.
  const looked = task.actions
    .filter((action) => action.name === 'get_order_details')
    .map((action) => String(action.kwargs.order_id))
    .find((orderId) => ownerOf(orderId) === task.userId);
  return {
    taskId: task.id,
    identity,
    requests: [{ tool: 'track_order', kwargs: looked ? { order_id: looked } : {}, refusalExpected: false }, ...writes],
  };
}

/** Plays the script through `say` (one customer message → the bot's reply) and reports how it went. */
export async function playCustomer(script: CustomerScript, say: (text: string) => Promise<BotReply>, options: PlayOptions = {}): Promise<CustomerWalk> {
  const walk: CustomerWalk = { transcript: [], problems: [], notes: [], outcomes: [] };
  const talk = async (text: string): Promise<BotReply> => {
    walk.transcript.push({ from: 'customer', text });
    const reply = await say(text);
    for (const r of reply.replies) walk.transcript.push({ from: 'bot', text: r.text });
    return reply;
  };
  const identity = { ...script.identity, emailsTried: 0, nameZipTried: false };
  for (const request of script.requests) {
    const problems: string[] = [];
    const ending = await playRequest(request, talk, identity, options, problems, walk.notes);
    walk.outcomes.push({ tool: request.tool, ...ending });
    const what = `${request.tool}${typeof request.kwargs.order_id === 'string' ? ` ${request.kwargs.order_id}` : ''}`;
    // When the reference's own call failed, the bot not doing it is the right end, however it got there.
    if (!request.refusalExpected || ending.outcome === 'executed') walk.problems.push(...problems.map((p) => `${what}: ${p}`));
  }
  return walk;
}

type Talk = (text: string) => Promise<BotReply>;
export type Outcome = Omit<CustomerWalk['outcomes'][number], 'tool'>;

/** One request from its opening to the bot's last word on it; what went wrong goes into `problems`. */
async function playRequest(
  request: CustomerRequest,
  talk: Talk,
  identity: CustomerIdentity & { emailsTried: number; nameZipTried: boolean },
  options: PlayOptions,
  problems: string[],
  notes: string[],
): Promise<Outcome> {
  const giveUp = async (problem: string, detail: string): Promise<Outcome> => {
    problems.push(problem);
    await talk('never mind');
    return { outcome: 'abandoned', detail };
  };
  const opening = openingFor(request);
  const intent = INTENT_OF_TOOL[request.tool];
  let reply = await talk(opening);
  const again = REPHRASED[request.tool];
  if (reply.intent !== intent && again && !reply.awaiting) {
    const first = reply.intent ?? 'nothing';
    reply = await talk(again);
    if (reply.intent === intent) notes.push(`"${opening}" was taken as ${first}; "${again}" was understood`);
  }
  if (reply.intent !== intent) {
    const problem = `"${opening}" was taken as ${reply.intent ?? 'nothing'}, not ${intent ?? ''}`;
    if (reply.awaiting) return giveUp(problem, 'misunderstood');
    problems.push(problem);
    return { outcome: 'abandoned', detail: 'misunderstood' };
  }

  const usedNewItems = new Set<number>();
  const asked = new Map<string, number>();
  let declined = false;
  for (let turn = 0; turn < (options.maxTurns ?? 20); turn++) {
    if (!reply.awaiting) return endOf(request, reply, declined, problems);
    const answer = answerFor(reply, request, identity, usedNewItems, options);
    if ('problem' in answer) return giveUp(answer.problem, answer.problem);
    const key = `${reply.awaiting}|${answer.text}`;
    asked.set(key, (asked.get(key) ?? 0) + 1);
    if ((asked.get(key) ?? 0) > 2) return giveUp(`asked for ${reply.awaiting} again after "${answer.text}": ${quote(lastText(reply))}`, `stuck at ${reply.awaiting}`);
    if (reply.awaiting === 'confirmation' && answer.text === 'no') declined = true;
    reply = await talk(answer.text);
  }
  return giveUp(`no end after ${options.maxTurns ?? 20} turns (last asked for ${reply.awaiting ?? 'nothing'})`, 'too many turns');
}

/** The bot's last word on a request: done, declined by the customer, refused, or (for questions) answered. */
export function endOf(request: CustomerRequest, reply: BotReply, declined: boolean, problems: string[]): Outcome {
  const mine = reply.actions?.find((a) => a.name === request.tool);
  if (mine?.status === 'executed') {
    if (request.refusalExpected) problems.push("the bot did it, though the reference's own call failed");
    return { outcome: 'executed', ...(mine.detail ? { detail: mine.detail } : {}) };
  }
  if (declined && !mine) return { outcome: 'declined', detail: lastText(reply) };
  const onlyAsks = request.tool === 'track_order' || request.tool === 'transfer_to_human_agents';
  if (mine || !onlyAsks) {
    const why = mine?.detail ?? lastText(reply);
    problems.push(`the bot ended the request without doing it: ${quote(why)}`);
    return { outcome: 'refused', detail: why };
  }
  return { outcome: 'answered', detail: lastText(reply) };
}

export const lastText = (reply: BotReply) => reply.replies.map((r) => r.text).join(' ');

/** The bot's words in a problem line: enough to tell what happened, not the whole reply. */
export const quote = (text: string) => `"${text.length > 140 ? `${text.slice(0, 137)}...` : text}"`;

type Answer = { text: string } | { problem: string };

function answerFor(
  reply: BotReply,
  request: CustomerRequest,
  identity: CustomerIdentity & { emailsTried: number; nameZipTried: boolean },
  usedNewItems: Set<number>,
  options: PlayOptions,
): Answer {
  const offered = reply.options ?? [];
  const offeredIds = offered.map((o) => o.id);
  const notOffered = (what: string, ids: string[]): Answer | undefined => {
    const missing = reply.options ? ids.filter((id) => !offeredIds.includes(id)) : [];
    return missing.length > 0 ? { problem: `${what} ${missing.join(', ')} not offered (offered: ${offeredIds.join(', ') || 'none'})` } : undefined;
  };
  const { kwargs } = request;
  switch (reply.awaiting) {
    case 'email':
    case 'name_zip': {
      const email = identity.emails[identity.emailsTried];
      if (email !== undefined) {
        identity.emailsTried++;
        return { text: email };
      }
      if (identity.zip && !identity.nameZipTried) {
        identity.nameZipTried = true;
        const lead = identity.emails.length > 0 ? 'That did not work.' : "I don't remember my e-mail address.";
        return { text: `${lead} My name is ${identity.firstName} ${identity.lastName}, zip code ${identity.zip}.` };
      }
      return { problem: `could not be verified (asked for ${reply.awaiting}: ${quote(lastText(reply))})` };
    }
    case 'order_id': {
      const orderId = typeof kwargs.order_id === 'string' ? kwargs.order_id : offeredIds[0];
      if (orderId === undefined) return { problem: 'no order to choose from' };
      return notOffered('order', [orderId]) ?? { text: orderId };
    }
    case 'items': {
      const itemIds = (kwargs.item_ids as string[] | undefined) ?? [];
      return notOffered('item', [...new Set(itemIds)]) ?? { text: itemIds.join(', ') };
    }
    case 'new_items': {
      // The bot asks item by item: the next new item the customer has not named yet that is on offer.
      const newIds = (kwargs.new_item_ids as string[] | undefined) ?? [];
      const index = newIds.findIndex((id, i) => !usedNewItems.has(i) && offeredIds.includes(id));
      if (index < 0) {
        const wanted = newIds.filter((_, i) => !usedNewItems.has(i));
        return { problem: `new item ${wanted.join(' or ')} not offered (offered: ${offeredIds.join(', ') || 'none'})` };
      }
      usedNewItems.add(index);
      return { text: newIds[index] as string };
    }
    case 'payment_method': {
      const method = String(kwargs.payment_method_id ?? '');
      return notOffered('payment method', [method]) ?? { text: method };
    }
    case 'reason': {
      const reason = String(kwargs.reason ?? '');
      return notOffered('reason', [reason]) ?? { text: reason };
    }
    case 'address':
      return { text: addressLine(kwargs) };
    case 'confirmation': {
      if (options.confirm === 'no') return { text: 'no' };
      // The words may use labels; the proposed action's detail names the ids.
      const proposal = [lastText(reply), ...(reply.actions ?? []).filter((a) => a.status === 'proposed').map((a) => a.detail ?? '')].join(' ');
      const missing = mustBeNamed(request).filter((part) => !proposal.includes(part));
      if (missing.length > 0) return { problem: `the proposal does not name ${missing.join(', ')}: ${quote(lastText(reply))}` };
      return { text: 'yes' };
    }
    default:
      return { problem: `unexpected question (awaiting ${reply.awaiting ?? 'nothing'}): ${quote(lastText(reply))}` };
  }
}

/** What a proposal must mention before the customer says yes to it. */
export function mustBeNamed(request: CustomerRequest): string[] {
  const k = request.kwargs;
  const parts: unknown[] = [k.order_id, ...((k.item_ids as unknown[] | undefined) ?? []), ...((k.new_item_ids as unknown[] | undefined) ?? []), k.reason];
  if (request.tool === 'modify_pending_order_address' || request.tool === 'modify_user_address') parts.push(k.address1, k.zip);
  if (request.tool === 'modify_pending_order_payment') parts.push(k.payment_method_id);
  return parts.filter((part): part is string => typeof part === 'string' && part !== '');
}

/** An address on one line, the way a customer types it: `street, apt, city, state zip, country`. */
export function addressLine(kwargs: Record<string, unknown>): string {
  const text = (key: string) => String(kwargs[key] ?? '').trim();
  return [text('address1'), text('address2'), text('city'), `${text('state')} ${text('zip')}`.trim(), text('country')].filter((part) => part !== '').join(', ');
}
