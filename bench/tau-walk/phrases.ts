/**
 * How the natural customer says things: orders by content, status or recency, items by product name
 * and options, new variants by the options that change, payment methods by description, reasons and
 * yes/no in its own words. Pure and deterministic: every choice between wordings comes from a seed,
 * so a walk says the same words every time. A description is only used when it fits exactly one of
 * the customer's own records; when none fits, the id is the answer and the caller counts it.
 */

export interface Variant {
  item_id: string;
  options: Record<string, string>;
}
export interface Product {
  name: string;
  product_id: string;
  variants: Record<string, Variant>;
}
export interface OrderItem {
  name: string;
  product_id: string;
  item_id: string;
  options: Record<string, string>;
}
export interface Order {
  order_id: string;
  user_id: string;
  status: string;
  items: OrderItem[];
  payment_history: { transaction_type: string; payment_method_id: string }[];
}
export interface PaymentMethod {
  source: string;
  id: string;
  brand?: string;
  last_four?: string;
}
export interface User {
  user_id: string;
  name: { first_name: string; last_name: string };
  email: string;
  payment_methods: Record<string, PaymentMethod>;
  /** In the order the user placed them (the tau data has no dates: the last one is the most recent). */
  orders: string[];
}
export interface Records {
  users: Record<string, User>;
  orders: Record<string, Order>;
  products: Record<string, Product>;
}

/** What kind of wording a phrase is: the misunderstandings are grouped by it. */
export type PhraseKind =
  | 'opening'
  | 'identity'
  | 'order by content'
  | 'order by status'
  | 'order by recency'
  | 'order id'
  | 'item by name'
  | 'item by name and options'
  | 'all items'
  | 'variant by changed options'
  | 'payment by description'
  | 'payment as the original method'
  | 'reason in own words'
  | 'address'
  | 'yes in own words'
  | 'no in own words'
  | 'plain';

export interface Phrase {
  text: string;
  kind: PhraseKind;
}

/** A seeded choice: the same key always picks the same element. */
export class Seeded {
  constructor(private readonly seed: string) {}

  /** A number in [0, 1) fixed by the seed and the key (FNV-1a, then one round of mulberry32). */
  unit(key: string): number {
    let h = 0x811c9dc5;
    for (const ch of `${this.seed}|${key}`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193);
    }
    let t = (h + 0x6d2b79f5) | 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(key: string, choices: readonly T[]): T {
    if (choices.length === 0) throw new Error(`nothing to pick for ${key}`);
    return choices[Math.floor(this.unit(key) * choices.length)] as T;
  }

  chance(key: string, probability: number): boolean {
    return this.unit(key) < probability;
  }
}

const lower = (name: string) => name.toLowerCase();

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] as string}`;
}

const COLOUR_NAMES = /color$/;
const VAGUE_VALUES = new Set(['low', 'medium', 'high', 'large', 'small', 'full', 'half', 'standard', 'basic', 'professional', 'beginner', 'intermediate', 'expert', 'custom', 'plain', 'dark', 'light']);

/**
 * One option value as a person names it: "black", "size 9", "waterproof", "no backlight", "1000 pieces".
 * `values` are all the values of the product's options, to tell when a value alone would be unclear.
 */
export function optionWords(name: string, value: string, values: readonly { name: string; value: string }[]): string {
  if (value === 'yes') return name === 'waterproof' ? 'waterproof' : `with ${name}`;
  if (value === 'no') return name === 'waterproof' ? 'not waterproof' : `without ${name}`;
  if (value === 'none') return `no ${name}`;
  if (name === 'size' && /^(\d+|X*[SML]|XX?L)$/.test(value)) return `size ${value}`;
  if (name === 'pieces') return `${value} pieces`;
  if (/^\d+$/.test(value)) return `${value} ${name}`;
  // "low" alone says nothing: "low brightness", "large room size", "half zipper".
  if (VAGUE_VALUES.has(value)) return `${value} ${name}`;
  const shared = values.some((v) => v.value === value && v.name !== name);
  if (!shared) return value;
  // "black frame" and "black lens" for sunglasses, "RGB backlight": the option's name tells them apart.
  return name !== 'color' && COLOUR_NAMES.test(name) ? `${value} ${name.replace(/ color$/, '')}` : `${value} ${name}`;
}

function productValues(product: Product | undefined): { name: string; value: string }[] {
  const seen = new Map<string, { name: string; value: string }>();
  for (const variant of Object.values(product?.variants ?? {})) {
    for (const [name, value] of Object.entries(variant.options)) seen.set(`${name}=${value}`, { name, value });
  }
  return [...seen.values()];
}

export class Describer {
  constructor(
    private readonly records: Records,
    private readonly userId: string,
    private readonly seeded: Seeded,
  ) {}

  private get user(): User {
    const user = this.records.users[this.userId];
    if (!user) throw new Error(`no user ${this.userId}`);
    return user;
  }

  private orderOf(orderId: string): Order {
    const order = this.records.orders[orderId];
    if (!order) throw new Error(`no order ${orderId}`);
    return order;
  }

  private productNames(orderId: string): Set<string> {
    return new Set(this.orderOf(orderId).items.map((item) => item.name));
  }

  /** The descriptions of the order that fit it and none of the customer's other orders, each with its kind. */
  orderDescriptions(orderId: string): Phrase[] {
    const own = this.user.orders.filter((id) => this.records.orders[id]);
    const others = own.filter((id) => id !== orderId);
    const order = this.orderOf(orderId);
    const found: Phrase[] = [];
    const names = [...this.productNames(orderId)];
    const fits = (wanted: string[], among: string[]) => among.every((id) => !wanted.every((name) => this.productNames(id).has(name)));
    const single = names.filter((name) => fits([name], others));
    const content = single.length > 0 ? [single[0] as string] : pairFitting(names, (pair) => fits(pair, others));
    if (content) {
      const what = joinAnd(content.map((name) => `the ${lower(name)}`));
      found.push({ kind: 'order by content', text: this.seeded.pick(`order:${orderId}:content`, [`the one with ${what}`, `my order with ${what}`, `the order with ${what} in it`]) });
    }
    const sameStatus = others.filter((id) => this.records.orders[id]?.status === order.status);
    if (sameStatus.length === 0 && order.status === 'pending') {
      found.push({ kind: 'order by status', text: this.seeded.pick(`order:${orderId}:status`, ['my pending order', "the order that hasn't shipped yet"]) });
    }
    if (sameStatus.length === 0 && order.status === 'delivered') {
      found.push({ kind: 'order by status', text: this.seeded.pick(`order:${orderId}:status`, ['the order that was delivered', 'my delivered order']) });
    }
    if (own.length > 1 && own[own.length - 1] === orderId) {
      found.push({ kind: 'order by recency', text: this.seeded.pick(`order:${orderId}:recency`, ['my most recent order', 'my last order', 'the order I placed most recently']) });
    }
    if (own.length === 1) found.push({ kind: 'order by recency', text: this.seeded.pick(`order:${orderId}:only`, ['my order', 'the order I placed']) });
    return found;
  }

  /** How the customer names the order: content most of the time, else status or recency, else its id. */
  order(orderId: string, key: string): Phrase {
    const descriptions = this.orderDescriptions(orderId);
    if (descriptions.length === 0) return { kind: 'order id', text: `order ${orderId}` };
    const content = descriptions.find((d) => d.kind === 'order by content');
    if (content && this.seeded.chance(`${key}:content`, 0.6)) return content;
    return this.seeded.pick(`${key}:order`, descriptions);
  }

  /**
   * The items of an order to name: each by its product name, with the options that tell it from the
   * order's other items of the same product ("the blue 1000ml water bottle"); "all of them" sometimes
   * when every item is meant.
   */
  items(orderId: string, itemIds: readonly string[], key: string, allowAll: boolean): Phrase {
    const order = this.orderOf(orderId);
    const everyItem = order.items.map((item) => item.item_id).sort();
    if (allowAll && itemIds.length > 1 && [...itemIds].sort().join() === everyItem.join() && this.seeded.chance(`${key}:all`, 0.5)) {
      return { kind: 'all items', text: this.seeded.pick(`${key}:allwords`, ['all of them', 'everything in that order', 'all the items']) };
    }
    let withOptions = false;
    const counts = new Map<string, number>();
    for (const id of itemIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const parts = [...counts].map(([itemId, count]) => {
      const item = order.items.find((i) => i.item_id === itemId);
      if (!item) throw new Error(`order ${orderId} has no item ${itemId}`);
      const distinct = this.distinguishing(order, item);
      if (distinct.length > 0) withOptions = true;
      // "the blue water bottle", but "the bluetooth speaker without water resistance".
      const after = distinct.filter((w) => /^(with|without|not) /.test(w));
      const words = [...distinct.filter((w) => !after.includes(w)), lower(item.name), ...after].join(' ');
      return count > 1 ? `both ${words.endsWith('s') ? words : `${words}s`}` : `the ${words}`;
    });
    return { kind: withOptions ? 'item by name and options' : 'item by name', text: joinAnd(parts) };
  }

  /** The option values that tell `item` from the order's other items of the same product (different item ids). */
  private distinguishing(order: Order, item: OrderItem): string[] {
    const siblings = order.items.filter((other) => other.product_id === item.product_id && other.item_id !== item.item_id);
    if (siblings.length === 0) return [];
    const values = productValues(this.records.products[item.product_id]);
    const differing = Object.entries(item.options).filter(([name, value]) => siblings.some((s) => s.options[name] !== value));
    // The fewest differing options that rule out every sibling, in the options' own order.
    for (let size = 1; size <= differing.length; size++) {
      for (const combo of combinations(differing, size)) {
        if (siblings.every((s) => combo.some(([name, value]) => s.options[name] !== value))) return combo.map(([name, value]) => optionWords(name, value, values));
      }
    }
    return differing.map(([name, value]) => optionWords(name, value, values));
  }

  /** The item the bot is asking about, by name (and options when the order has siblings). */
  itemName(orderId: string, itemId: string): string {
    return this.items(orderId, [itemId], `name:${itemId}`, false).text.replace(/^the /, '');
  }

  /** The new variant by the options that change from the item it replaces: "the same boots in size 9", "in black". */
  newVariant(orderId: string, fromItemId: string, toItemId: string, key: string): Phrase {
    const item = this.orderOf(orderId).items.find((i) => i.item_id === fromItemId);
    const product = item ? this.records.products[item.product_id] : undefined;
    const to = product?.variants[toItemId];
    if (!item || !product || !to) throw new Error(`no variant ${toItemId} for item ${fromItemId} of ${orderId}`);
    const values = productValues(product);
    const changes = Object.entries(to.options)
      .filter(([name, value]) => item.options[name] !== value)
      .map(([name, value]) => optionWords(name, value, values));
    if (changes.length === 0) return { kind: 'variant by changed options', text: 'the same one' };
    const what = joinAnd(changes);
    const simple = Object.keys(to.options).filter((name) => item.options[name] !== to.options[name]).every((name) => COLOUR_NAMES.test(name) || name === 'size');
    const adjectives = changes.every((c) => !/^(with|without|not|no) /.test(c));
    const templates = [`the same ${lower(product.name)} but ${what}`, `I'd like ${what} instead`, ...(adjectives ? [`the ${what} one`] : []), `can I get it ${simple ? 'in ' : ''}${what}?`];
    return { kind: 'variant by changed options', text: this.seeded.pick(`${key}:variant`, templates) };
  }

  /** A payment method by what it is: "PayPal", "my Mastercard ending in 9212", "the gift card". */
  paymentMethod(methodId: string, key: string, originalOf?: string): Phrase {
    const methods = Object.values(this.user.payment_methods);
    const method = this.user.payment_methods[methodId];
    if (!method) throw new Error(`${this.userId} has no payment method ${methodId}`);
    const original = originalOf ? this.records.orders[originalOf]?.payment_history.find((p) => p.transaction_type === 'payment')?.payment_method_id : undefined;
    if (original === methodId && this.seeded.chance(`${key}:original`, 0.3)) {
      return { kind: 'payment as the original method', text: this.seeded.pick(`${key}:originalwords`, ['back to the way I paid', 'the original payment method, please', 'to the card I paid with'.replace('card', method.source === 'paypal' ? 'account' : method.source === 'gift_card' ? 'gift card' : 'card')]) };
    }
    const sameSource = methods.filter((m) => m.source === method.source);
    let words: string[];
    if (method.source === 'paypal') words = ['PayPal', 'my PayPal account', 'with PayPal'];
    else if (method.source === 'gift_card') words = sameSource.length === 1 ? ['the gift card', 'my gift card', 'put it on my gift card'] : [];
    else {
      const brand = method.brand ? `${method.brand.charAt(0).toUpperCase()}${method.brand.slice(1)}` : 'card';
      const sameBrand = sameSource.filter((m) => m.brand === method.brand);
      words = [`my ${brand} ending in ${method.last_four ?? ''}`, `the card ending in ${method.last_four ?? ''}`];
      if (sameBrand.length === 1) words.push(`my ${brand}`, `the ${brand} card`);
      if (sameSource.length === 1) words.push('my credit card');
    }
    if (words.length === 0) return { kind: 'plain', text: methodId };
    return { kind: 'payment by description', text: this.seeded.pick(`${key}:payment`, words) };
  }
}

function pairFitting(names: string[], fits: (pair: string[]) => boolean): string[] | undefined {
  for (const pair of combinations(names, 2)) if (fits(pair)) return pair;
  return undefined;
}

function* combinations<T>(list: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= list.length - size; i++) {
    for (const rest of combinations(list, size - 1, i + 1)) yield [list[i] as T, ...rest];
  }
}

const REASONS: Record<string, string[]> = {
  'no longer needed': ["I don't need it anymore", 'I no longer need it', "turns out I don't need it", "I won't be needing it after all"],
  'ordered by mistake': ['I bought it by mistake', 'I ordered it by accident', 'it was a mistake, I never meant to order it', 'I ordered the wrong thing'],
};

export function reasonWords(reason: string, seeded: Seeded, key: string): Phrase {
  const words = REASONS[reason];
  return words ? { kind: 'reason in own words', text: seeded.pick(`${key}:reason`, words) } : { kind: 'plain', text: reason };
}

export function yesWords(seeded: Seeded, key: string): Phrase {
  return { kind: 'yes in own words', text: seeded.pick(`${key}:yes`, ['yes please', 'sure, go ahead', "yep, that's right", 'ok, do it', 'sounds good, please do', 'correct, go ahead']) };
}

export function noWords(seeded: Seeded, key: string): Phrase {
  return { kind: 'no in own words', text: seeded.pick(`${key}:no`, ["no, that's not right", "no, don't do that", 'nope, that is not what I asked for']) };
}

const LOWER_AFTER_GREETING = new Set(['Please', 'Can', 'Could', 'Where', 'Has', 'Any', 'How', 'My', 'This', 'The']);

/** Words around a request: a greeting before it sometimes, thanks after it sometimes. */
export function aroundRequest(text: string, seeded: Seeded, key: string): string {
  const before = seeded.pick(`${key}:hello`, ['', '', 'Hi! ', 'Hello, ', 'Hi there, ', 'Good morning. ']);
  const after = seeded.pick(`${key}:thanks`, ['', '', ' Thanks!', ' Thank you.', ' Thanks in advance.']);
  // After "Hello, " a sentence goes on in lower case, but a name or "I" keeps its capital.
  const first = /^\S+/.exec(text)?.[0] ?? '';
  const body = before.endsWith(', ') && LOWER_AFTER_GREETING.has(first) ? `${first.toLowerCase()}${text.slice(first.length)}` : text;
  return `${before}${body}${after}`;
}
