import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { INTENT_NAMES } from '../../domain/intents';
import { KEYWORD_RULE_NAMES, matchKeywordRule } from '../../nlu/keyword-rules';

const FIRES: [string, string][] = [
  ['please delete my account', 'delete_account'],
  ['I want to close my account', 'delete_account'],
  ['cancel the deletion', 'delete_account'],
  ['please cancel my account deletion', 'delete_account'],
  ['Hello', 'greeting'],
  ['hi there!', 'greeting'],
  ['Good morning', 'greeting'],
  ['thanks', 'thanks'],
  ['Thank you so much!', 'thanks'],
  ['ok thanks', 'thanks'],
  ['bye', 'goodbye'],
  ["that's all, thanks", 'goodbye'],
  ['Have a nice day', 'goodbye'],
  ['I want to talk to a human', 'contact_human_agent'],
  ['can I speak with a real person?', 'contact_human_agent'],
  ['connect me to an agent please', 'contact_human_agent'],
  ['human please', 'contact_human_agent'],
  ['Please cancel my order #W1234567', 'cancel_order'],
  ['can you cancel the one with the portable charger for me?', 'cancel_order'],
  ['please cancel my pending order', 'cancel_order'],
  ['I want to send some items back', 'return_items'],
  ['could I ship the headphones back', 'return_items'],
  ['Any update on my order?', 'track_order'],
  ['where is the one with the water bottle?', 'track_order'],
  ['has my order shipped yet', 'track_order'],
  ["I want to change an item in an order that hasn't shipped yet", 'modify_items'],
  ["I'd like a different piece count and color for an item in the one with the puzzle", 'modify_items'],
  ['can I change the t-shirt in the one with the grill?', 'modify_items'],
  ["I'd like a different size for an item I received", 'exchange_items'],
  ['can I swap the boots in my order? they arrived yesterday', 'exchange_items'],
  ["I'd like a different version for something I ordered, it hasn't shipped.", 'modify_items'],
  ["I'd like to change an item in the one with the desk lamp, it hasn't shipped yet", 'modify_items'],
  ["I'd like the one with the indoor security camera sent to another address", 'change_shipping_address'],
  ["I'm still waiting for my order, where is it?", 'track_order'],
  ['has the one with the bluetooth speaker shipped yet?', 'track_order'],
  ["can you cancel the one with the laptop for me, turns out I don't need it", 'cancel_order'],
  ['how do I cancel the order I placed yesterday', 'cancel_order'],
  ['is there a cancellation fee?', 'check_cancellation_fee'],
  ['fees for canceling an order', 'check_cancellation_fee'],
  ['I want to return the t-shirt and get my money back', 'return_items'],
  ['what does it cost to cancel? any fee?', 'check_cancellation_fee'],
  ["where's my order?", 'track_order'],
  ['I want to track my package', 'track_order'],
  ['what is your refund policy', 'check_refund_policy'],
  ['where is my refund', 'track_refund'],
  ['has my refund been processed yet', 'track_refund'],
  ['thanks, but where is my refund then?', 'track_refund'],
  ['I want a refund for the broken lamp', 'get_refund'],
  ['I want my money back', 'get_refund'],
  ['I want to return the shoes', 'return_items'],
  ['can I exchange the shirt for a bigger size', 'exchange_items'],
  ['please update the default address on my account', 'update_default_address'],
  ['I need to change the shipping address of my order', 'change_shipping_address'],
  ['can I change the payment method for my order', 'modify_payment_method'],
  ['change the payment method of my order', 'modify_payment_method'],
  ['I want to change the color of an item in my order', 'modify_items'],
  ['I want to change the brightness and power source of an item in my pending order.', 'modify_items'],
  ['can I change the size of an item', 'modify_items'],
  ['I would like to switch the processor, ram and storage of an item in my pending order', 'modify_items'],
  ['I want to pay with a different card', 'modify_payment_method'],
  ["I'd like to pay for it using another payment method", 'modify_payment_method'],
  ['which payment methods do you accept', 'check_payment_methods'],
  ['I was charged twice', 'payment_issue'],
  ['what shipping options do you have', 'delivery_options'],
  ['how long does delivery take?', 'delivery_period'],
  ['I want to file a complaint', 'complaint'],
  ['I am really disappointed with you', 'complaint'],
  ["I'm disappointed in your service", 'complaint'],
  ['how can I contact customer service', 'contact_customer_service'],
];

const SILENT: string[] = [
  "don't delete my account",
  'cancel the deletion of my order',
  'hello, I need to change my order', // a greeting with a request is not small talk
  "I don't want to talk to a human",
  'I spoke to an agent yesterday and nothing happened',
  "don't cancel my order, I changed my mind",
  'my order was cancelled, when do I get my money',
  'where is my order number on the invoice?',
  'I do not want a refund, I want an exchange',
  'in which cases can I request a refund?',
  'what is the exchange rate for euros',
  'can I change the default address instead of the shipping address on the order', // two intents: shipping-address rule must not claim it
  'bye the way, my package is late',
  'my payment method is paypal',
  'my card was declined, can I pay with a different card?', // a failed payment, not a change to an order
  'can I pay with a debit card', // which methods the store takes
  'the delivery address was wrong last time',
  'I want to change the color of an item I received', // delivered: an exchange, not a change before shipping
  "I don't want to change the size of an item",
  '',
];

describe('keyword rules (tier 1)', () => {
  for (const [text, label] of FIRES) {
    it(`when the customer writes "${text}", then the ${label} rule fires`, () => {
      assert.equal(matchKeywordRule(text)?.label, label);
    });
  }
  for (const text of SILENT) {
    it(`when the customer writes "${text}", then no rule claims a wrong intent`, () => {
      const hit = matchKeywordRule(text);
      const wrong: Record<string, string[]> = {
        'hello, I need to change my order': ['greeting'],
        'can I change the default address instead of the shipping address on the order': ['change_shipping_address'],
      };
      if (wrong[text]) assert.ok(!hit || !wrong[text].includes(hit.label), `fired ${hit?.rule}`);
      else assert.equal(hit, undefined, `fired ${hit?.rule}`);
    });
  }

  it('when a label is not allowed (the model lacks it), then its rule stays silent', () => {
    assert.equal(matchKeywordRule('please cancel my order', (l) => l !== 'cancel_order'), undefined);
    assert.equal(matchKeywordRule('hello', (l) => l === 'greeting')?.rule, 'greeting');
  });

  it('when rules are listed, then every rule gives an intent of the taxonomy', () => {
    assert.ok(KEYWORD_RULE_NAMES.length >= 15);
    for (const text of FIRES.map(([t]) => t)) {
      const hit = matchKeywordRule(text);
      assert.ok(hit && INTENT_NAMES.includes(hit.label));
    }
  });

  it('when a message is very long, then rules leave it to the model', () => {
    assert.equal(matchKeywordRule(`cancel my order ${'and more '.repeat(80)}`), undefined);
  });
});
