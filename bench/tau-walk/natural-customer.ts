/**
 * The natural customer: it wants the same things as the id-based customer (`customer.ts`, the task's
 * gold write actions, one request after another), but it speaks the way people do. It opens a request
 * in its own words, sometimes with a greeting, its identity, the order, the items or the reason in the
 * same message; it names orders by content, status or recency, items by name and options, new
 * variants by the options that change, payment methods by description, reasons and yes/no in its own
 * words (`phrases.ts`, seeded by the task so a walk is repeatable). It reads `awaiting`, `options` and
 * the reply's words to know what is asked, but answers with descriptions. Only when the bot shows it
 * did not understand (it asks the same again, takes the request for another one, or proposes something
 * else) does the customer fall back to the id or to the id walk's plain words, and every such turn is
 * recorded: the misunderstandings are what this walk measures.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Awaiting } from '../../domain/conversation';
import { addressLine, endOf, INTENT_OF_TOOL, lastText, mustBeNamed, openingFor, quote, scriptFor, type BotReply, type CustomerRequest, type CustomerScript, type CustomerWalk, type Outcome, type PlayOptions } from './customer';
import { Describer, Seeded, aroundRequest, joinAnd, noWords, reasonWords, yesWords, type Phrase, type PhraseKind, type Records } from './phrases';
import { TAU_DB_DIR, type ExpectedTask } from './tasks';

export interface NaturalScript extends CustomerScript {
  userId: string;
}

export interface Misunderstanding {
  tool: string;
  /** What the bot was waiting for when the customer said it; `opening` for a request's first message. */
  awaiting: Awaiting | 'opening';
  kind: PhraseKind;
  said: string;
  /** The bot's answer that showed it. */
  bot: string;
  /** What the bot did with it. */
  what: string;
}

export interface Fallback {
  tool: string;
  awaiting: Awaiting | 'opening';
  /** The words the customer said instead of its description. */
  said: string;
  to: 'id' | 'plain words';
}

export interface NaturalWalk extends CustomerWalk {
  misunderstandings: Misunderstanding[];
  fallbacks: Fallback[];
  /** Every wording the customer used (not its fallbacks), to tell how often each kind was understood. */
  spoken: { tool: string; awaiting: Awaiting | 'opening'; kind: PhraseKind }[];
  /** Slots the customer had to name by id from the start, since no description fits only the record it means. */
  noDescription: { tool: string; awaiting: Awaiting; said: string }[];
}

export const isNaturalWalk = (walk: CustomerWalk): walk is NaturalWalk => 'misunderstandings' in walk;

let tauRecords: Records | undefined;

/** The tau retail database as the customer knows it before the conversation. */
export function initialTauRecords(): Records {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(TAU_DB_DIR, `${name}.json`), 'utf8')) as unknown;
  tauRecords ??= { users: read('users'), orders: read('orders'), products: read('products') } as Records;
  return tauRecords;
}

/** The id walk's script (same requests, same identity) and whose records to describe. */
export function naturalScriptFor(task: ExpectedTask): NaturalScript {
  return { ...scriptFor(task), userId: task.userId };
}

type Talk = (text: string) => Promise<BotReply>;

interface Identity {
  emails: string[];
  firstName: string;
  lastName: string;
  zip?: string;
  realEmail: string;
  emailsTried: number;
  nameZipTried: boolean;
}

/** Plays the natural customer through `say` and reports how it went, with every misunderstanding. */
export async function playNaturalCustomer(script: NaturalScript, say: Talk, options: PlayOptions = {}, records: Records = initialTauRecords()): Promise<NaturalWalk> {
  const walk: NaturalWalk = { transcript: [], problems: [], notes: [], outcomes: [], misunderstandings: [], fallbacks: [], spoken: [], noDescription: [] };
  const talk: Talk = async (text) => {
    walk.transcript.push({ from: 'customer', text });
    const reply = await say(text);
    for (const r of reply.replies) walk.transcript.push({ from: 'bot', text: r.text });
    return reply;
  };
  const user = records.users[script.userId];
  const identity: Identity = { ...script.identity, realEmail: user?.email ?? '', emailsTried: 0, nameZipTried: false };
  const seeded = new Seeded(`task ${script.taskId}`);
  const describer = new Describer(records, script.userId, seeded);
  for (const [index, request] of script.requests.entries()) {
    const problems: string[] = [];
    const play = new NaturalRequest(request, index, talk, identity, seeded, describer, records, options, walk, problems);
    const ending = await play.run();
    walk.outcomes.push({ tool: request.tool, ...ending });
    const what = `${request.tool}${typeof request.kwargs.order_id === 'string' ? ` ${request.kwargs.order_id}` : ''}`;
    if (!request.refusalExpected || ending.outcome === 'executed') walk.problems.push(...problems.map((p) => `${what}: ${p}`));
  }
  return walk;
}

/** The slots a proposal must name, each with the parts that name it. */
function proposalParts(request: CustomerRequest): Map<Awaiting, string[]> {
  const k = request.kwargs;
  const strings = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  const parts = new Map<Awaiting, string[]>([
    ['order_id', strings(k.order_id)],
    ['items', strings(k.item_ids)],
    ['new_items', strings(k.new_item_ids)],
    ['reason', strings(k.reason)],
    ['payment_method', strings(k.payment_method_id)],
  ]);
  if (request.tool === 'modify_pending_order_address' || request.tool === 'modify_user_address') parts.set('address', strings([k.address1, k.zip]));
  for (const [slot, list] of parts) if (list.length === 0) parts.delete(slot);
  return parts;
}

const ORDER_ID = /#W\d{7}/g;

interface Said {
  awaiting: Awaiting | 'opening';
  phrase: Phrase;
  /** The question it answered, to tell "asked again" from the next question of the same kind. */
  question: Question;
  /** The bot asking again is expected (a wrong e-mail the task gives first). */
  retryExpected: boolean;
  fallback: boolean;
}

class NaturalRequest {
  private readonly k: Record<string, unknown>;
  private readonly orderId: string | undefined;
  /** Slots the opening already named, with how. */
  private given = new Map<Awaiting, Phrase>();
  private openingText = '';
  /** Slots the customer names by id for the rest of this go (a proposal got them wrong). */
  private readonly byId = new Set<Awaiting>();
  /** Slots the customer names by id once, for the question the bot asked again. */
  private readonly byIdOnce = new Set<Awaiting>();
  private readonly usedNewItems = new Set<number>();
  private lastNewItem: number | undefined;
  private last: Said | undefined;
  private orderChecked = false;
  private identityInOpening = false;
  private declined = false;

  constructor(
    private readonly request: CustomerRequest,
    private readonly index: number,
    private readonly talk: Talk,
    private readonly identity: Identity,
    private readonly seeded: Seeded,
    private readonly describer: Describer,
    private readonly records: Records,
    private readonly options: PlayOptions,
    private readonly walk: NaturalWalk,
    private readonly problems: string[],
  ) {
    this.k = request.kwargs;
    this.orderId = typeof this.k.order_id === 'string' ? this.k.order_id : undefined;
  }

  private key(what: string): string {
    return `r${this.index}:${what}`;
  }

  private misunderstood(awaiting: Misunderstanding['awaiting'], phrase: Phrase, bot: BotReply | string, what: string): void {
    const text = typeof bot === 'string' ? bot : lastText(bot);
    this.walk.misunderstandings.push({ tool: this.request.tool, awaiting, kind: phrase.kind, said: phrase.text, bot: text, what });
  }

  private spoke(awaiting: Awaiting | 'opening', kind: PhraseKind): void {
    this.walk.spoken.push({ tool: this.request.tool, awaiting, kind });
  }

  private fellBack(awaiting: Fallback['awaiting'], said: string, to: Fallback['to']): void {
    this.walk.fallbacks.push({ tool: this.request.tool, awaiting, said, to });
  }

  private async giveUp(problem: string, detail: string): Promise<Outcome> {
    this.problems.push(problem);
    await this.talk('never mind');
    return { outcome: 'abandoned', detail };
  }

  async run(): Promise<Outcome> {
    const first = await this.attempt(false);
    if (first.retry.size === 0) return first.outcome;
    // The bot proposed something else: the customer asks again, plainly, and names what went wrong by id.
    for (const slot of first.retry) this.byId.add(slot);
    this.given = new Map();
    this.byIdOnce.clear();
    this.last = undefined;
    this.orderChecked = false;
    this.declined = false;
    this.usedNewItems.clear();
    this.wrongSlots = undefined;
    const second = await this.attempt(true);
    if (second.retry.size > 0) {
      this.problems.push(`the proposal was still not what the customer asked for after naming ${[...first.retry].join(', ')} by id`);
      return { outcome: 'abandoned', detail: 'wrong proposal' };
    }
    return second.outcome;
  }

  /** One go at the request, from its opening to the bot's last word; `retry` names the slots a wrong proposal got wrong. */
  private async attempt(plain: boolean): Promise<{ outcome: Outcome; retry: Set<Awaiting> }> {
    const done = (outcome: Outcome) => ({ outcome, retry: new Set<Awaiting>() });
    const intent = INTENT_OF_TOOL[this.request.tool];
    const opening = plain ? { kind: 'plain' as const, text: openingFor(this.request) } : this.opening();
    this.openingText = opening.text;
    if (!plain) {
      this.spoke('opening', 'opening');
      for (const phrase of new Set(this.given.values())) this.spoke('opening', phrase.kind);
    }
    let reply = await this.talk(opening.text);
    if (reply.intent !== intent && !plain) {
      this.misunderstood('opening', opening, reply, `taken as ${reply.intent ?? 'nothing'}`);
      if (reply.awaiting) await this.talk('never mind');
      const again = openingFor(this.request);
      this.fellBack('opening', again, 'plain words');
      this.given = new Map();
      // The identity in a message that was not understood counts as not given.
      if (this.identityInOpening) {
        this.identity.emailsTried = 0;
        this.identity.nameZipTried = false;
      }
      reply = await this.talk(again);
    }
    if (reply.intent !== intent) {
      const problem = `"${opening.text}" was taken as ${reply.intent ?? 'nothing'}, not ${intent ?? ''}`;
      if (reply.awaiting) return done(await this.giveUp(problem, 'misunderstood'));
      this.problems.push(problem);
      return done({ outcome: 'abandoned', detail: 'misunderstood' });
    }
    const asked = new Map<string, number>();
    for (let turn = 0; turn < (this.options.maxTurns ?? 20); turn++) {
      const wrong = this.wrongSlots;
      if (wrong) {
        if (reply.awaiting) await this.talk('never mind');
        return { outcome: { outcome: 'declined', detail: lastText(reply) }, retry: wrong };
      }
      if (!reply.awaiting) return done(endOf(this.request, reply, this.declined, this.problems));
      this.noticeMisreading(reply);
      const correction = this.wrongOrder(reply);
      const answer = correction ?? this.answer(reply, turn);
      if ('problem' in answer) return done(await this.giveUp(answer.problem, answer.problem));
      const count = (asked.get(`${reply.awaiting}|${answer.phrase.text}`) ?? 0) + 1;
      asked.set(`${reply.awaiting}|${answer.phrase.text}`, count);
      if (count > 2) return done(await this.giveUp(`asked for ${reply.awaiting} again after "${answer.phrase.text}": ${quote(lastText(reply))}`, `stuck at ${reply.awaiting}`));
      this.answers.set(reply.awaiting as Awaiting, answer.phrase);
      if (!answer.fallback && answer.phrase.kind !== 'plain') this.spoke(reply.awaiting as Awaiting, answer.phrase.kind);
      this.last = { awaiting: reply.awaiting as Awaiting, phrase: answer.phrase, question: questionOf(reply), retryExpected: answer.retryExpected ?? false, fallback: answer.fallback ?? false };
      reply = await this.talk(answer.phrase.text);
    }
    return done(await this.giveUp(`no end after ${this.options.maxTurns ?? 20} turns (last asked for ${reply.awaiting ?? 'nothing'})`, 'too many turns'));
  }

  private wrongSlots: Set<Awaiting> | undefined;

  /** The bot asks again what the customer just said, or asks what the opening already said: recorded, and the next answer uses the id. */
  private noticeMisreading(reply: BotReply): void {
    const awaiting = reply.awaiting as Awaiting;
    const last = this.last;
    if (last && sameQuestion(last.question, questionOf(reply)) && !last.retryExpected && !last.fallback) {
      this.misunderstood(awaiting, last.phrase, reply, 'asked again');
      this.byIdOnce.add(awaiting);
      if (awaiting === 'new_items' && this.lastNewItem !== undefined) this.usedNewItems.delete(this.lastNewItem);
      return;
    }
    const given = this.given.get(awaiting) ?? (awaiting === 'name_zip' ? this.given.get('email') : undefined);
    if (given) {
      this.misunderstood('opening', { kind: given.kind, text: this.openingText }, reply, `asked for ${awaiting}, which the opening gave (${given.text})`);
      this.given.delete(awaiting);
      if (awaiting === 'name_zip') this.given.delete('email');
      // The e-mail in the opening was not read: the customer gives it again.
      if (awaiting === 'email' && given.text.includes(this.identity.emails[0] ?? '\u0000')) this.identity.emailsTried = 0;
    }
  }

  /** Right after the order was named, a question about another order means the bot took the wrong one. */
  private wrongOrder(reply: BotReply): Answer | undefined {
    if (this.orderChecked || !this.orderId || reply.awaiting === 'order_id' || reply.awaiting === 'email' || reply.awaiting === 'name_zip') return undefined;
    const named = [...lastText(reply).matchAll(ORDER_ID)].map((m) => m[0]);
    if (named.length === 0) return undefined;
    this.orderChecked = true;
    if (named.includes(this.orderId)) return undefined;
    if (this.last?.awaiting === 'order_id') this.misunderstood('order_id', this.last.phrase, reply, `took it as order ${named.join(', ')}`);
    else {
      const given = this.given.get('order_id');
      this.misunderstood('opening', { kind: given?.kind ?? 'opening', text: this.openingText }, reply, given ? `took ${given.text} as order ${named.join(', ')}` : `chose order ${named.join(', ')} without asking`);
    }
    const text = `No, not that one. I meant order ${this.orderId}.`;
    this.fellBack('order_id', text, 'id');
    return { phrase: { kind: 'order id', text }, fallback: true };
  }

  /** How the request opens: the ask in own words, sometimes with greetings, identity, the order, items or reason. */
  private opening(): Phrase {
    const key = (what: string) => this.key(`open:${what}`);
    const { seeded, describer, request } = this;
    const orderPhrase = this.orderId ? describer.order(this.orderId, key('order')) : undefined;
    const withOrder = orderPhrase !== undefined && orderPhrase.kind !== 'order id' && seeded.chance(key('withorder'), 0.55);
    const o = withOrder ? orderPhrase.text : undefined;
    if (withOrder) this.given.set('order_id', orderPhrase);
    const itemIds = (this.k.item_ids as string[] | undefined) ?? [];
    const itemsCandidate = o && this.orderId && itemIds.length > 0 && seeded.chance(key('withitems'), 0.4) ? describer.items(this.orderId, itemIds, key('items'), false) : undefined;
    // "the luggage set in the order with the luggage set" says the same thing twice: no one writes that.
    const names = (this.records.orders[this.orderId ?? '']?.items ?? []).map((item) => item.name.toLowerCase());
    const overlap = itemsCandidate && o && names.some((n) => itemsCandidate.text.includes(n) && o.includes(n));
    const itemsPhrase = overlap ? undefined : itemsCandidate;
    if (itemsPhrase) this.given.set('items', itemsPhrase);
    const items = itemsPhrase?.text;
    let body: string;
    switch (request.tool) {
      case 'cancel_pending_order': {
        body = o ? seeded.pick(key('cancel'), [`I'd like to cancel ${o}`, `please cancel ${o}`, `can you cancel ${o} for me?`]) : seeded.pick(key('cancel'), ["I'd like to cancel an order", 'I need to cancel my order', 'can I cancel an order please?']);
        if (seeded.chance(key('withreason'), 0.45)) {
          const reason = reasonWords(String(this.k.reason ?? ''), seeded, key('reason'));
          this.given.set('reason', reason);
          body = `${body.replace(/\?$/, '')}, ${reason.text}`;
        }
        break;
      }
      case 'return_delivered_order_items':
        body = items
          ? seeded.pick(key('return'), [`I'd like to return ${items} from ${o}`, `I want to send back ${items} from ${o}`])
          : o
            ? seeded.pick(key('return'), [`I want to return some things from ${o}`, `I'd like to send back items from ${o}`])
            : seeded.pick(key('return'), ["I'd like to return something I received", 'I want to send some items back', 'how do I return an item? I want to send something back']);
        break;
      case 'exchange_delivered_order_items': {
        const changed = joinAnd(this.changedOptionNames());
        body = items
          ? seeded.pick(key('exchange'), [`I'd like to exchange ${items} from ${o}`, `can I swap ${items} from ${o} for a different ${changed}?`])
          : o
            ? seeded.pick(key('exchange'), [`I want to exchange something from ${o}`, `I'd like a different ${changed} for an item in ${o}`])
            : seeded.pick(key('exchange'), ["I'd like to exchange something I received", `I got my order but I need a different ${changed} for an item`, 'can I exchange an item for a different one?']);
        break;
      }
      case 'modify_pending_order_items': {
        const changed = joinAnd(this.changedOptionNames());
        body = items
          ? seeded.pick(key('modify'), [`can I change ${items} in ${o}? It hasn't shipped yet`, `I'd like a different ${changed} for ${items} in ${o}`])
          : o
            ? seeded.pick(key('modify'), [`I'd like to change an item in ${o}, it hasn't shipped yet`, `could I get a different ${changed} for something in ${o}?`])
            : seeded.pick(key('modify'), ["I want to change an item in an order that hasn't shipped yet", `I'd like a different ${changed} for something I ordered, it hasn't shipped`, `could I change the ${changed} of an item in my pending order?`]);
        break;
      }
      case 'modify_pending_order_address':
        body = o
          ? seeded.pick(key('address'), [`I need to change the delivery address of ${o}`, `can you ship ${o} to a different address?`, `I'd like ${o} sent to another address`])
          : seeded.pick(key('address'), ['I need to change the shipping address on an order', 'can I change where my order is being delivered?', "I'd like my order delivered to a different address"]);
        break;
      case 'modify_user_address':
        body = seeded.pick(key('default'), ["I've moved, can you update the address on my account?", 'I need to change my default address', 'please update the address you have on file for me']);
        break;
      case 'modify_pending_order_payment': {
        const pm = typeof this.k.payment_method_id === 'string' ? this.describer.paymentMethod(this.k.payment_method_id, key('pm')) : undefined;
        const withPm = o && pm && pm.kind !== 'plain' && seeded.chance(key('withpm'), 0.5);
        if (withPm) this.given.set('payment_method', pm);
        body = withPm
          ? `I'd like to pay for ${o} with ${pm.text.replace(/^with /, '')} instead`
          : o
            ? `can I change the payment method on ${o}?`
            : seeded.pick(key('payment'), ['I want to change the payment method of an order', 'can I pay for my order with another payment method?']);
        break;
      }
      case 'transfer_to_human_agents':
        body = seeded.pick(key('human'), ['can I speak to a real person please?', "I'd like to talk to someone from your team", 'please put me through to a person']);
        break;
      case 'track_order':
        body = o
          ? seeded.pick(key('track'), [`where is ${o}?`, `has ${o} shipped yet?`, `can you tell me the status of ${o}?`])
          : seeded.pick(key('track'), ['where is my order?', 'any update on my order?', "I'm still waiting for my order, where is it?"]);
        break;
      default:
        body = openingFor(request);
    }
    let who = '';
    this.identityInOpening = false;
    if (this.index === 0 && seeded.chance(key('withidentity'), 0.5)) {
      const { firstName, lastName, zip } = this.identity;
      const email = this.identity.emails[0];
      if (zip) {
        who = seeded.pick(key('who'), [`I'm ${firstName} ${lastName}, zip ${zip}`, `this is ${firstName} ${lastName}, my zip code is ${zip}`, `${firstName} ${lastName} here, zip code ${zip}`]);
        this.given.set('name_zip', { kind: 'identity', text: who });
        this.given.set('email', { kind: 'identity', text: who });
        this.identity.nameZipTried = true;
      } else if (email) {
        who = `my email is ${email}`;
        this.identity.emailsTried = 1;
        if (email === this.identity.realEmail) this.given.set('email', { kind: 'identity', text: who });
      }
    }
    this.identityInOpening = who !== '';
    const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
    const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    const text = who ? `${capital(who)} — ${sentence(body)}` : sentence(capital(body));
    return { kind: 'opening', text: aroundRequest(text, seeded, key('around')) };
  }

  /** Names of the options that change between the items and what the customer wants instead. */
  private changedOptionNames(): string[] {
    const items = this.orderId ? (this.records.orders[this.orderId]?.items ?? []) : [];
    const variants = new Map(Object.values(this.records.products).flatMap((p) => Object.entries(p.variants)));
    const names = new Set<string>();
    ((this.k.item_ids as string[] | undefined) ?? []).forEach((itemId, i) => {
      const from = items.find((item) => item.item_id === itemId)?.options ?? {};
      const to = variants.get(((this.k.new_item_ids as string[] | undefined) ?? [])[i] ?? '')?.options ?? {};
      for (const [name, value] of Object.entries(to)) if (from[name] !== value) names.add(name);
    });
    // Nobody lists five options in an opening: more than two changes is "a different version".
    return names.size > 0 && names.size <= 2 ? [...names] : ['version'];
  }

  private answer(reply: BotReply, turn: number): Answer {
    const awaiting = reply.awaiting as Awaiting;
    const offeredIds = (reply.options ?? []).map((o) => o.id);
    const key = (what: string) => this.key(`${awaiting}:${turn}:${what}`);
    const byId = this.byId.has(awaiting) || this.byIdOnce.delete(awaiting);
    const id = (text: string, slot: Awaiting): Answer => {
      this.fellBack(slot, text, 'id');
      return { phrase: { kind: 'plain', text }, fallback: true };
    };
    const none = (text: string, slot: Awaiting): Answer => {
      this.walk.noDescription.push({ tool: this.request.tool, awaiting: slot, said: text });
      return { phrase: { kind: 'plain', text }, fallback: true };
    };
    const { seeded, describer } = this;
    switch (awaiting) {
      case 'email':
      case 'name_zip':
        return this.identify(awaiting, reply, key, byId);
      case 'order_id': {
        const orderId = this.orderId ?? offeredIds[0];
        if (orderId === undefined) return { problem: 'no order to choose from' };
        if (byId) return id(orderId, awaiting);
        const phrase = describer.order(orderId, key('order'));
        if (phrase.kind === 'order id') return none(orderId, awaiting);
        return { phrase: { kind: phrase.kind, text: seeded.pick(key('lead'), ['', "It's ", 'I mean '].map((lead) => `${lead}${phrase.text}`)) } };
      }
      case 'items': {
        const itemIds = (this.k.item_ids as string[] | undefined) ?? [];
        if (!this.orderId || itemIds.length === 0) return { problem: 'no items to name' };
        if (byId) return id(itemIds.join(', '), awaiting);
        return { phrase: describer.items(this.orderId, itemIds, key('items'), true) };
      }
      case 'new_items': {
        const itemIds = (this.k.item_ids as string[] | undefined) ?? [];
        const newIds = (this.k.new_item_ids as string[] | undefined) ?? [];
        const index = newIds.findIndex((newId, i) => !this.usedNewItems.has(i) && offeredIds.includes(newId));
        if (index < 0) {
          const wanted = newIds.filter((_, i) => !this.usedNewItems.has(i));
          if (this.last?.awaiting === 'items') this.misunderstood('items', this.last.phrase, reply, 'asked what another item should become');
          return { problem: `new item ${wanted.join(' or ')} not offered (offered: ${offeredIds.join(', ') || 'none'})` };
        }
        this.usedNewItems.add(index);
        this.lastNewItem = index;
        if (byId) return id(newIds[index] as string, awaiting);
        return { phrase: describer.newVariant(this.orderId as string, itemIds[index] as string, newIds[index] as string, key('variant')) };
      }
      case 'payment_method': {
        const method = String(this.k.payment_method_id ?? '');
        if (byId) return id(method, awaiting);
        const phrase = describer.paymentMethod(method, key('pm'), this.orderId);
        return phrase.kind === 'plain' ? none(method, awaiting) : { phrase };
      }
      case 'reason': {
        const reason = String(this.k.reason ?? '');
        if (byId) return id(reason, awaiting);
        return { phrase: reasonWords(reason, seeded, key('reason')) };
      }
      case 'address': {
        const line = addressLine(this.k);
        if (byId) {
          this.fellBack(awaiting, line, 'plain words');
          return { phrase: { kind: 'plain', text: line }, fallback: true };
        }
        const lead = seeded.pick(key('lead'), ['', "It's ", 'Please send it to ', 'The new address is ']);
        return { phrase: { kind: 'address', text: `${lead}${line}` } };
      }
      case 'confirmation': {
        if (this.options.confirm === 'no') return { phrase: noWords(seeded, key('no')) };
        const proposal = [lastText(reply), ...(reply.actions ?? []).filter((a) => a.status === 'proposed').map((a) => a.detail ?? '')].join(' ');
        const wrong = new Set<Awaiting>();
        for (const [slot, parts] of proposalParts(this.request)) if (parts.some((part) => !proposal.includes(part))) wrong.add(slot);
        // An address taken with the customer's lead-in words ("It's 12 Main St") is not the address it gave.
        const lead = this.answers.get('address')?.text.replace(addressLine(this.k), '').trim();
        const leadKept = lead !== undefined && lead !== '' && proposal.includes(`${lead} ${String(this.k.address1 ?? '')}`);
        if (leadKept) wrong.add('address');
        const missing = mustBeNamed(this.request).filter((part) => !proposal.includes(part));
        if (wrong.size > 0 || missing.length > 0) {
          for (const slot of wrong) this.misunderstood(slot, this.saidFor(slot), reply, slot === 'address' && leadKept ? `the proposal takes "${lead}" as part of the address` : `the proposal does not name ${proposalParts(this.request).get(slot)?.join(', ') ?? slot}`);
          this.wrongSlots = wrong;
          this.declined = true;
          return { phrase: noWords(seeded, key('no')) };
        }
        if (byId) {
          this.fellBack(awaiting, 'yes', 'plain words');
          return { phrase: { kind: 'plain', text: 'yes' }, fallback: true };
        }
        return { phrase: yesWords(seeded, key('yes')) };
      }
      default:
        return { problem: `unexpected question (awaiting ${reply.awaiting ?? 'nothing'}): ${quote(lastText(reply))}` };
    }
  }

  /** What the customer said for a slot, as best it remembers: the transcript line or the opening. */
  private saidFor(slot: Awaiting): Phrase {
    return this.answers.get(slot) ?? this.given.get(slot) ?? { kind: 'opening', text: this.openingText };
  }

  private readonly answers = new Map<Awaiting, Phrase>();

  private identify(awaiting: 'email' | 'name_zip', reply: BotReply, key: (what: string) => string, byId: boolean): Answer {
    const identity = this.identity;
    const { firstName, lastName, zip } = identity;
    const email = identity.emails[identity.emailsTried];
    if (byId) {
      // Said in own words and not understood: the id walk's words.
      if (zip && !this.plainIdentityTried) {
        this.plainIdentityTried = true;
        const text = `My name is ${firstName} ${lastName}, zip code ${zip}.`;
        this.fellBack(awaiting, text, 'plain words');
        return { phrase: { kind: 'plain', text }, fallback: true };
      }
    }
    if (email !== undefined && awaiting === 'email') {
      identity.emailsTried++;
      const text = this.seeded.pick(key('email'), [email, `it's ${email}`, `my email is ${email}`, `sure, ${email}`]);
      return { phrase: { kind: 'identity', text }, retryExpected: email !== identity.realEmail };
    }
    if (zip && (!identity.nameZipTried || this.last?.awaiting !== awaiting)) {
      identity.nameZipTried = true;
      const lead = awaiting === 'email' ? (identity.emails.length > 0 ? "That didn't work. " : this.seeded.pick(key('noemail'), ["I don't remember my email. ", "I'm not sure which email I used. ", ''])) : '';
      const text = this.seeded.pick(key('namezip'), [`I'm ${firstName} ${lastName}, zip ${zip}`, `${firstName} ${lastName}, ${zip}`, `my name is ${firstName} ${lastName} and my zip code is ${zip}`, `${firstName} ${lastName}, zip code ${zip}`]);
      return { phrase: { kind: 'identity', text: `${lead}${text}` } };
    }
    if (email !== undefined) {
      identity.emailsTried++;
      return { phrase: { kind: 'identity', text: email }, retryExpected: email !== identity.realEmail };
    }
    return { problem: `could not be verified (asked for ${reply.awaiting}: ${quote(lastText(reply))})` };
  }

  private plainIdentityTried = false;
}

type Answer = { phrase: Phrase; retryExpected?: boolean; fallback?: boolean } | { problem: string };

/**
 * What a question asks, to tell "asked again" from the next question of the same kind: the slot, the
 * choices offered, and for a new variant the item it is for ("What would you like instead of X?").
 */
interface Question {
  awaiting: string;
  options: string;
  item?: string;
}

function questionOf(reply: BotReply): Question {
  const item = reply.awaiting === 'new_items' ? /instead of (.+?)\?/.exec(lastText(reply))?.[1] : undefined;
  return { awaiting: reply.awaiting ?? '', options: (reply.options ?? []).map((o) => o.id).sort().join(','), ...(item ? { item } : {}) };
}

const sameQuestion = (a: Question, b: Question) => a.awaiting === b.awaiting && a.options === b.options && (a.item === undefined || b.item === undefined || a.item === b.item);
