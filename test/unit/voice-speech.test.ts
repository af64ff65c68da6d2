import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { answerFromKeys, answerFromSms, answerFromSpeech, smsText, spokenChoices, spokenLine, spokenSentences } from '../../channels/voice/speech';

const orders = [
  { id: '#W2378156', label: '#W2378156 (pending, Smart Watch)' },
  { id: '#W9642161', label: '#W9642161 (delivered, Kettle)' },
];

describe('replies shaped for a phone voice', () => {
  const lines: [string, string, string][] = [
    ['an order id', 'Order #W2378156 is on its way.', 'Order W 2 3 7 8 1 5 6 is on its way.'],
    ['an amount with cents', 'We refunded $1,234.50 to your card.', 'We refunded 1 2 3 4 dollars and 5 0 cents to your card.'],
    ['a whole amount', 'That is $1 in credit, or $20.00 back.', 'That is 1 dollar in credit, or 2 0 dollars back.'],
    ['a tracking number and a card', 'Tracking number: 123456789012. Paid with the card ending 9212.', 'Tracking number: 1 2 3 4 5 6 7 8 9 0 1 2. Paid with the card ending 9 2 1 2.'],
    ['a range', 'Rate us 1–5.', 'Rate us 1 to 5.'],
    ['a link and markup', 'See **https://help.example.com/refunds** for more.', 'See a web link for more.'],
    ['a parenthesis', 'Order #W1234567 (Desk Lamp) was cancelled.', 'Order W 1 2 3 4 5 6 7, Desk Lamp, was cancelled.'],
    ['a payment method id', 'credit_card_8035326', 'credit card 8 0 3 5 3 2 6'],
    ['plain words', 'How can I help?', 'How can I help?'],
  ];
  for (const [what, text, spoken] of lines) {
    it(`when a line has ${what}, then it is said as "${spoken}"`, () => {
      assert.equal(spokenLine(text), spoken);
    });
  }

  it('when a reply has several sentences and a list, then each is its own short sentence and empty bits are dropped', () => {
    assert.deepEqual(spokenSentences('Your order #W2378156 is pending. It can still be cancelled; tell me if you want that.\n- Smart Watch\n\n'), [
      'Your order W 2 3 7 8 1 5 6 is pending.',
      'It can still be cancelled.',
      'tell me if you want that.',
      'Smart Watch',
    ]);
  });

  it('when the reply offers choices, then each is a key to press, read for speech', () => {
    assert.deepEqual(spokenChoices('order_id', orders), ['Press 1 for W 2 3 7 8 1 5 6, pending, Smart Watch.', 'Press 2 for W 9 6 4 2 1 6 1, delivered, Kettle.']);
  });

  it('when a confirmation is awaited, then yes or a key confirms, whatever the options', () => {
    assert.deepEqual(spokenChoices('confirmation', undefined), ['Say yes or press 1 to confirm.', 'Say no or press 2 if not.']);
  });

  it('when there are more choices than keys, then the first nine get keys and the rest are said by name', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, label: `choice ${i}` }));
    const said = spokenChoices('items', many);
    assert.equal(said.length, 10);
    assert.equal(said[8], 'Press 9 for choice 8.');
    assert.equal(said[9], 'Or say the one you want.');
  });

  it('when nothing is offered, then nothing is added', () => {
    assert.deepEqual(spokenChoices(undefined, []), []);
  });
});

describe('a caller\'s keys and words as the conversation reads them', () => {
  const keys: [string, string, Parameters<typeof answerFromKeys>[1], typeof orders | undefined, string][] = [
    ['the key of an option', '2', 'order_id', orders, '#W9642161'],
    ['1 at a confirmation', '1', 'confirmation', undefined, 'yes'],
    ['2 at a confirmation', '2', 'confirmation', undefined, 'no'],
    ['a key past the options', '7', 'order_id', orders, '7'],
    ['a zip code', '97214', 'name_zip', undefined, '97214'],
    ['a key with nothing offered', '1', undefined, undefined, '1'],
  ];
  for (const [what, digits, awaiting, options, read] of keys) {
    it(`when the caller presses ${what}, then the conversation reads "${read}"`, () => {
      assert.equal(answerFromKeys(digits, awaiting, options), read);
    });
  }

  const speech: [string, string, Parameters<typeof answerFromSpeech>[1], typeof orders | undefined, string][] = [
    ['"option two."', 'option two.', 'order_id', orders, '#W9642161'],
    ['"1"', '1', 'order_id', orders, '#W2378156'],
    ['"one" at a confirmation', 'One.', 'confirmation', undefined, 'yes'],
    ['"yes"', 'Yes.', 'confirmation', undefined, 'Yes'],
    ['an e-mail address in words', 'Maya dot okafor5444 at example dot com', 'email', undefined, 'maya.okafor5444@example.com'],
    ['an e-mail address as one', 'maya.okafor5444@example.com.', 'email', undefined, 'maya.okafor5444@example.com'],
    ['"at" outside an e-mail question', 'I am at home', 'reason', undefined, 'I am at home'],
    ['"two" with nothing offered', 'two', undefined, undefined, 'two'],
    ['a request', 'Where is my order?', undefined, undefined, 'Where is my order'],
  ];
  for (const [what, said, awaiting, options, read] of speech) {
    it(`when the caller says ${what}, then the conversation reads "${read}"`, () => {
      assert.equal(answerFromSpeech(said, awaiting, options), read);
    });
  }
});

describe('SMS answers', () => {
  it('when the reply offers choices, then they follow as a numbered list answered by number', () => {
    assert.equal(smsText(['Which order?'], 'order_id', orders), 'Which order?\n\n1. #W2378156 (pending, Smart Watch)\n2. #W9642161 (delivered, Kettle)\nReply with a number.');
  });

  it('when a confirmation is awaited, then the text says how to answer it', () => {
    assert.equal(smsText(['Cancel order #W2378156?'], 'confirmation', undefined), 'Cancel order #W2378156?\n\nReply YES to confirm or NO if not.');
  });

  const answers: [string, string, typeof orders | undefined, Parameters<typeof answerFromSms>[1], string][] = [
    ['a number from the list', ' 2 ', orders, 'order_id', '#W9642161'],
    ['a number with a dot', '1.', orders, 'order_id', '#W2378156'],
    ['a number past the list', '3', orders, 'order_id', '3'],
    ['a number with no list', '5', undefined, 'rating', '5'],
    ['words', 'the kettle one', orders, 'order_id', 'the kettle one'],
  ];
  for (const [what, body, options, awaiting, read] of answers) {
    it(`when the customer texts ${what}, then the conversation reads "${read}"`, () => {
      assert.equal(answerFromSms(body, awaiting, options), read);
    });
  }
});
