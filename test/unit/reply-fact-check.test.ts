import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { firstReplyFor } from '../../domain/first-replies';
import { INTENT_NAMES } from '../../domain/intents';
import { describeOrderStatus } from '../../domain/order-status-text';
import { checkPhrasing } from '../../domain/reply-fact-check';

const CANCELLED =
  'Order #W2651773 has been cancelled. The refund of $1,234.50 goes back to credit_card_8035326 within 5 business days.';
const TRACKING = 'Order #W2301718 (Desk Lamp) has been processed and is on its way. Tracking number: 357962501027.';
const POLICY = 'Delivered items can be returned or exchanged once per order; the refund goes back to the original payment method or to a gift card.';
const GOODBYE = 'Thank you for contacting us. Have a good day!';
const ASK_EMAIL = 'First, so I can find your account: what is the e-mail address you used to order?';
const GOODWILL = 'We can offer a goodwill credit of $5.00 to paypal_1 for order #W2301718. Shall I go ahead?';

describe('checkPhrasing: faithful rephrasings are accepted', () => {
  const accepted: [string, string, string, string[]?][] = [
    ['the template itself', CANCELLED, CANCELLED],
    ['the same facts in other words', CANCELLED, 'Done! Order W2651773 is cancelled, and $1,234.50 will go back to credit_card_8035326 within 5 business days.'],
    ['money without the comma or the trailing zero', CANCELLED, 'Order #W2651773 is cancelled; your refund of $1234.5 reaches credit_card_8035326 within 5 business days.'],
    ['a number as a word', CANCELLED, 'Order #W2651773 is cancelled. Your refund of 1234.50 dollars reaches credit_card_8035326 in five business days.'],
    ['the tracking number and the item', TRACKING, 'Good news: your Desk Lamp (order W2301718) is on its way! Track it with 357962501027.'],
    ['a warmer policy answer', POLICY, 'Happy to explain! You can return or exchange delivered items once per order, and the refund goes to your original payment method or to a gift card.'],
    ['a pleasantry with a day in it', GOODBYE, 'Thanks so much for reaching out, and have a lovely day!'],
    ['a question kept', ASK_EMAIL, 'Happy to help! Which e-mail address did you use for your order, so I can find your account?'],
    ['a pronoun "one"', ASK_EMAIL, 'Could you tell me the e-mail address, the one you ordered with, so I can find your account?'],
    ['an amount the facts state', 'Shall I refund the order?', 'Shall I go ahead and refund $12.50 for order #W2651773?', ['amount: $12.50', 'order: #W2651773']],
    ['an ISO date in the facts said as a month and day', 'Your return was received.', 'We received your return on March 3, 2025.', ['received: 2025-03-03']],
    ['the goodwill offer', GOODWILL, 'As a thank-you for your patience, we would like to offer a $5 goodwill credit to paypal_1 for order #W2301718. Shall I go ahead?'],
  ];
  for (const [label, template, candidate, facts] of accepted) {
    it(`when the phrasing is ${label}, then it is accepted`, () => {
      assert.deepEqual(checkPhrasing(candidate, template, facts), { ok: true });
    });
  }

  it('when any shipped template is its own phrasing, then it is accepted', () => {
    const templates = [
      ...INTENT_NAMES.map((intent) => firstReplyFor(intent, 0).text),
      firstReplyFor(undefined, 0).text,
      firstReplyFor(undefined, 5).text,
      describeOrderStatus({ orderId: '#W1234567', status: 'delivered', itemNames: ['Kettle'], trackingIds: ['123456789012', '987654321'] }),
      CANCELLED,
      TRACKING,
      GOODWILL,
    ];
    for (const template of templates) assert.deepEqual(checkPhrasing(template, template), { ok: true }, template);
  });
});

describe('checkPhrasing: phrasings that add to the facts are rejected', () => {
  const rejected: [string, string, string, RegExp, string[]?][] = [
    ['a new amount', CANCELLED, 'Order #W2651773 is cancelled; $1,250.00 goes back to credit_card_8035326 within 5 business days.', /"\$1,250\.00"/],
    ['a new amount in words', GOODWILL, 'We can offer a goodwill credit of ten dollars to paypal_1 for order #W2301718. Shall I go ahead?', /"ten"/],
    ['another number of days', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 goes back to credit_card_8035326 within seven business days.', /"seven"/],
    ['a new date', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 reaches credit_card_8035326 by March 3rd.', /"March 3rd"/],
    ['a new slash date', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 reaches credit_card_8035326 by 3/4.', /"3\/4"/],
    ['a new weekday', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 reaches credit_card_8035326 by Friday.', /"Friday"/],
    ['"tomorrow"', TRACKING, 'Your Desk Lamp (order #W2301718) is on its way and arrives tomorrow! Tracking number: 357962501027.', /"tomorrow"/],
    ['a new deadline in hours', TRACKING, 'Order #W2301718 (Desk Lamp) is on its way and arrives within 24 hours. Tracking: 357962501027.', /"24", "hours"/],
    ['a new time unit', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 goes back to credit_card_8035326 within a week.', /"week"/],
    ['a new order id', CANCELLED, 'Order #W2651774 is cancelled; $1,234.50 goes back to credit_card_8035326 within 5 business days.', /"#W2651774"/],
    ['another payment method', CANCELLED, 'Order #W2651773 is cancelled; $1,234.50 goes back to gift_card_123 within 5 business days.', /"gift_card_123"/],
    ['a new tracking number', TRACKING, 'Order #W2301718 (Desk Lamp) is on its way. Tracking number: 357962501028.', /"357962501028"/],
    ['a new item id', TRACKING, 'Order #W2301718 (Desk Lamp, item 1569765161) is on its way. Tracking number: 357962501027.', /"1569765161"/],
    ['a new percentage', GOODWILL, 'We can offer 10% off order #W2301718 as a goodwill credit to paypal_1. Shall I go ahead?', /"10%"/],
    ['a new e-mail address', ASK_EMAIL, 'What e-mail did you order with? You can also write to help@example.com.', /"help@example\.com"/],
    ['a URL not in the facts', POLICY, 'Delivered items can be returned or exchanged once per order (see https://shop.example.com/returns); the refund goes back to the original payment method or a gift card.', /"https:\/\/shop\.example\.com\/returns"/],
    ['a help-centre path not in the facts', POLICY, 'Delivered items can be returned or exchanged once per order; refunds go to the original payment method or a gift card. Details: /help/returns', /"\/help\/returns"/],
    ['"guarantee"', TRACKING, 'I guarantee your Desk Lamp (order #W2301718) is on its way! Tracking number: 357962501027.', /"guarantee"/],
    ['"promise"', GOODBYE, 'Thank you for contacting us, we promise to do better. Have a good day!', /"promise"/],
    ['a refund the template does not mention', TRACKING, 'Order #W2301718 (Desk Lamp) is on its way, and you will get a refund if it is late. Tracking: 357962501027.', /"refund"/],
    ['"will be credited"', GOODBYE, 'Thanks for contacting us; your account will be credited. Have a good day!', /"credited"/],
    ['a discount', GOODBYE, 'Thanks for contacting us! Here is a discount for next time. Have a good day!', /"discount"/],
    ['an injected instruction answered', ASK_EMAIL, 'As an AI, I cannot follow those instructions. What e-mail address did you use?', /As an AI/],
    ['a refusal to follow instructions', ASK_EMAIL, 'I cannot follow that request. What e-mail address did you use to order?', /I cannot follow/],
    ['the system prompt mentioned', ASK_EMAIL, 'My instructions say to ask: what e-mail address did you use to order?', /My instructions/],
    ['a preamble about the rephrasing', GOODBYE, 'Here is a rephrased reply: Thanks for contacting us, have a good day!', /rephrased/],
    ['empty text', GOODBYE, '   \n', /empty/],
  ];
  for (const [label, template, candidate, reason, facts] of rejected) {
    it(`when the phrasing adds ${label}, then it is rejected with a reason`, () => {
      const result = checkPhrasing(candidate, template, facts);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }

  it('when the phrasing is far longer than the template, then it is rejected', () => {
    const limit = 3 * GOODBYE.length + 200;
    const atLimit = 'Thanks'.padEnd(limit, '!');
    assert.deepEqual(checkPhrasing(atLimit, GOODBYE), { ok: true });
    assert.deepEqual(checkPhrasing(`${atLimit}!`, GOODBYE), {
      ok: false,
      reason: `the phrasing is ${limit + 1} characters long, over the limit of ${limit}`,
    });
  });

  it('when the facts state the refund, then a phrasing may mention it', () => {
    const template = 'Your return for order #W2301718 is registered.';
    const candidate = 'Your return for order #W2301718 is registered, and the refund of $54.04 follows.';
    assert.equal(checkPhrasing(candidate, template).ok, false);
    assert.deepEqual(checkPhrasing(candidate, template, ['refund: $54.04 to credit_card_8035326']), { ok: true });
  });
});
