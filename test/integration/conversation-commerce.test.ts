import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { getUser } from '../../tau/store/queries';
import { replaceStore } from '../../tau/store/replace-store';
import { readPdf } from '../support/pdf';
import { call, startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const NEW_ADDRESS = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';

/** A customer of the demo store with exactly one delivered order, and that order. */
async function deliveredCustomer(skip: string[] = []) {
  const db = stack.database.db;
  const rows = await db('orders as o').join('customers as c', 'c.id', 'o.customer_id').where({ 'o.status': 'delivered' }).whereNotIn('c.id', skip).orderBy('o.position').select('o.id as orderId', 'c.id as customerId', 'c.email as email');
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.customerId, (counts.get(r.customerId) ?? 0) + 1);
  const row = rows.find((r) => counts.get(r.customerId) === 1);
  assert.ok(row, 'the demo store has a customer with one delivered order');
  return row as { orderId: string; customerId: string; email: string };
}

async function getPdf(path: string): Promise<{ status: number; type: string | null; bytes: Uint8Array; json?: any }> {
  const res = await fetch(`${stack.baseUrl}${path}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  return { status: res.status, type, bytes, ...(type?.includes('json') ? { json: JSON.parse(Buffer.from(bytes).toString('utf8')) } : {}) };
}

describe('invoices, the newsletter, reviews and shipping addresses through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer wants to set up a shipping address, then the default-address flow changes the account after their yes', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').first('id', 'email');
    const { say } = await startChat(stack, channel);
    const opened = await say('I want to set up a shipping address');
    assert.equal(opened.intent, 'update_default_address', JSON.stringify(opened));
    assert.equal(opened.awaiting, 'email');
    assert.equal((await say(customer.email)).awaiting, 'address');
    assert.equal((await say(NEW_ADDRESS)).awaiting, 'confirmation');
    await say('yes');
    assert.equal((await getUser(db, customer.id))?.address.address1, '742 Evergreen Terrace');
  });

  it('when a customer joins the newsletter, agrees, asks again and then leaves, then each change is one consent row with its wording and time', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position', 'desc').first('id', 'email');
    const { say } = await startChat(stack, channel);
    assert.equal((await say('I want to subscribe to your newsletter')).awaiting, 'email');
    const consent = await say(customer.email);
    assert.equal(consent.awaiting, 'confirmation', JSON.stringify(consent));
    assert.match(consent.replies[0].text, /I agree to receive the store newsletter by e-mail/);
    const unclear = await say('hmm');
    assert.equal(unclear.awaiting, 'confirmation');
    const done = await say('yes');
    assert.match(done.replies[0].text, /is subscribed to our newsletter/);
    assert.deepEqual(done.actions, [{ name: 'newsletter_subscribe', status: 'executed', detail: 'recorded' }]);

    const again = await say('I want to subscribe to your newsletter');
    assert.equal(again.awaiting, 'confirmation', 'already verified: straight to the wording');
    assert.match((await say('yes')).replies[0].text, /already subscribed/);

    const left = await say('unsubscribe me from the newsletter');
    assert.match(left.replies[0].text, /is unsubscribed/, JSON.stringify(left));
    assert.match((await say('unsubscribe me from the newsletter')).replies[0].text, /not subscribed/);

    const rows = await db('newsletter_consents').where({ customer_id: customer.id }).orderBy('id').select();
    assert.deepEqual(rows.map((r) => Boolean(r.subscribed)), [true, false]);
    assert.match(rows[0].wording, /I agree to receive the store newsletter/);
    assert.match(rows[1].wording, /no longer want/);
    assert.equal(rows[0].email, customer.email);
    assert.ok(rows.every((r) => /^conversation-/.test(r.conversation_workflow_id) && !Number.isNaN(Date.parse(r.at))));
  });

  it('when the newsletter request does not say which, then the bot asks, and the answer decides', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').offset(1).first('id', 'email');
    const { say } = await startChat(stack, channel);
    await say('newsletter');
    const which = await say(customer.email);
    assert.equal(which.awaiting, 'subscription', JSON.stringify(which));
    assert.deepEqual(which.options.map((o: { id: string }) => o.id), ['subscribe', 'unsubscribe']);
    assert.equal((await say('subscribe')).awaiting, 'confirmation');
    await say('no');
    assert.equal((await db('newsletter_consents').where({ customer_id: customer.id })).length, 0, 'no consent without a yes');
  });

  it('when a customer reviews a delivered item, then the review is stored and agents read it, by customer and by product', async () => {
    const target = await deliveredCustomer();
    const { say } = await startChat(stack, channel);
    assert.equal((await say('I want to leave a review')).awaiting, 'email');
    let step = await say(target.email);
    if (step.awaiting === 'items') step = await say(step.options[0].id);
    assert.equal(step.awaiting, 'rating', JSON.stringify(step));
    assert.equal((await say('ten')).awaiting, 'rating');
    assert.equal((await say('4')).awaiting, 'review_text');
    const saved = await say('Comfortable, but it runs a little small.');
    assert.match(saved.replies[0].text, /Your 4-star review of the .+ is saved/, JSON.stringify(saved));

    const agent = await stack.token('agent');
    const byCustomer = await call(stack, 'GET', `/v1/reviews?customerId=${encodeURIComponent(target.customerId)}`, { token: agent });
    assert.equal(byCustomer.status, 200);
    assert.equal(byCustomer.body.reviews.length, 1);
    const [review] = byCustomer.body.reviews;
    assert.equal(review.rating, 4);
    assert.equal(review.text, 'Comfortable, but it runs a little small.');
    assert.equal(review.orderId, target.orderId);
    const byProduct = await call(stack, 'GET', `/v1/reviews?productId=${encodeURIComponent(review.productId)}`, { token: await stack.token('auditor') });
    assert.ok(byProduct.body.reviews.some((r: { id: number }) => r.id === review.id));

    assert.equal((await call(stack, 'GET', '/v1/reviews', { token: channel })).status, 403);
    const bad = await call(stack, 'GET', '/v1/reviews?rating=5', { token: agent });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /unknown query parameter rating/);
  });

  it('when the rating and the words come in one message, then the review is saved at once, and a second review of the item replaces the first', async () => {
    const db = stack.database.db;
    const target = await deliveredCustomer();
    const { say } = await startChat(stack, channel);
    await say('I want to leave a review');
    let step = await say(target.email);
    if (step.awaiting === 'items') step = await say(step.options[0].id);
    assert.equal(step.awaiting, 'rating');
    assert.match((await say('2 stars - the zip broke after a week')).replies[0].text, /2-star review/);
    const rows = await db('reviews').where({ customer_id: target.customerId, order_id: target.orderId }).select();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].text, 'the zip broke after a week');
  });

  it('when a verified customer asks for an invoice as a link, then the bot tells its total and the link returns the PDF of that order until it expires', async () => {
    const db = stack.database.db;
    const target = await deliveredCustomer();
    const paid = await db('payment_transactions').where({ order_id: target.orderId, transaction_type: 'payment' }).sum({ cents: 'amount_cents' }).first();
    const total = `$${(Number(paid?.cents) / 100).toFixed(2)}`;
    const { say } = await startChat(stack, channel);
    assert.equal((await say('please send me the invoice for my order')).awaiting, 'email');
    let step = await say(target.email);
    if (step.awaiting === 'order_id') step = await say(target.orderId);
    assert.equal(step.awaiting, 'invoice_delivery', JSON.stringify(step));
    assert.match(step.replies[0].text, new RegExp(`Invoice INV-${target.orderId.slice(1)} for order ${target.orderId}: .*Paid \\${total}`));
    const linked = await say('a download link please');
    const path = /(\/v1\/invoices\/[A-Za-z0-9_-]+)/.exec(linked.replies[0].text)?.[1];
    assert.ok(path, JSON.stringify(linked));

    const pdf = await getPdf(path);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    const read = readPdf(pdf.bytes);
    const text = read.text.join('\n');
    assert.match(text, new RegExp(`Order ${target.orderId}`));
    assert.match(text, new RegExp(`Paid in total +\\${total}`));

    const token = path.split('/').at(-1) ?? '';
    const stored = await db('invoice_links').select('token_hash');
    assert.ok(stored.length > 0 && stored.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)), 'only the hash is kept');

    await db('invoice_links').update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const expired = await getPdf(path);
    assert.equal(expired.status, 410);
    assert.equal(expired.json?.error.code, 'invoice_link_expired');
    const unknown = await getPdf('/v1/invoices/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json?.error.code, 'unknown_invoice_link');
    const malformed = await getPdf('/v1/invoices/not*a*token');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json?.error.code, 'invalid_token');
  });

  it('when the customer asks for the invoice by e-mail, then the outbox holds one e-mail to the address on file with a link to the PDF', async () => {
    const db = stack.database.db;
    const target = await deliveredCustomer();
    const { say } = await startChat(stack, channel);
    await say('please send me the invoice for my order');
    let step = await say(target.email);
    if (step.awaiting === 'order_id') step = await say(target.orderId);
    assert.equal(step.awaiting, 'invoice_delivery');
    const sent = await say('by e-mail');
    assert.match(sent.replies[0].text, /on its way to .•••@example\.com/, JSON.stringify(sent));
    const notices = await db('customer_notifications').where({ customer_id: target.customerId, channel: 'email' }).select();
    assert.equal(notices.length, 1);
    assert.equal(notices[0].recipient, target.email);
    assert.equal(notices[0].kind, 'invoice');
    const path = /(\/v1\/invoices\/[A-Za-z0-9_-]+)/.exec(notices[0].body)?.[1];
    assert.ok(path);
    const pdf = await getPdf(path);
    assert.equal(pdf.status, 200);
    assert.match(readPdf(pdf.bytes).text.join('\n'), new RegExp(`Invoice INV-${target.orderId.slice(1)}`));
  });
});
