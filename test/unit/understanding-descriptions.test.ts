import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { resolveChoice, resolveChoices, type ChoiceHints, type Resolution } from '../../domain/understanding/descriptions';

const ORDERS = [
  { id: '#W2000003', label: '#W2000003: Office Chair, Tablet' },
  { id: '#W2000002', label: '#W2000002: Water Bottle, Desk Lamp' },
  { id: '#W2000001', label: '#W2000001: Office Chair' },
];
const ITEMS = [
  { id: '1111111111', label: 'Water Bottle (capacity: 1000ml, color: blue, material: stainless steel)' },
  { id: '2222222222', label: 'Water Bottle (capacity: 500ml, color: red, material: plastic)' },
  { id: '3333333333', label: 'Office Chair (black, mesh)' },
  { id: '4444444444', label: 'Tablet (10-inch, 64GB, silver)' },
];
const VARIANTS = [
  { id: '5555555555', label: '9, black, leather ($120.00)' },
  { id: '6666666666', label: '9, brown, suede ($130.00)' },
  { id: '7777777777', label: '11, black, leather ($120.00)' },
];
const REFUND_TO = [
  { id: 'credit_card_1', label: 'Mastercard ending 9212 (original payment method)' },
  { id: 'gift_card_4', label: 'gift card' },
];
const WITH_STATUS = [
  { id: '#W2000003', label: '#W2000003 (pending): Office Chair, Tablet' },
  { id: '#W2000002', label: '#W2000002 (delivered): Water Bottle, Desk Lamp' },
];
const KEYBOARDS = [
  { id: 'k-clicky-none', label: 'switch type: clicky, backlight: none, size: full size ($150.00)' },
  { id: 'k-clicky-rgb', label: 'switch type: clicky, backlight: RGB, size: full size ($160.00)' },
  { id: 'k-linear-none', label: 'switch type: linear, backlight: none, size: full size ($150.00)' },
];
const SPEAKERS = [
  { id: 's-no', label: 'color: blue, battery life: 10 hours, water resistance: no ($50.00)' },
  { id: 's-yes', label: 'color: blue, battery life: 10 hours, water resistance: yes ($60.00)' },
];
const KITS = [
  { id: 'kit-medium-c', label: 'skin tone: medium, kit size: basic, brand: Brand C ($237.37)' },
  { id: 'kit-medium-a', label: 'skin tone: medium, kit size: professional, brand: Brand A ($261.11)' },
];
const EARBUDS = [
  { id: 'e-ipx7', label: 'color: black, battery life: 4 hours, water resistance: IPX7 ($257.38)' },
  { id: 'e-none', label: 'color: black, battery life: 4 hours, water resistance: not resistant ($243.34)' },
];
const METHODS = [
  { id: 'credit_card_1', label: 'Mastercard ending 9212' },
  { id: 'credit_card_2', label: 'Visa ending 4410' },
  { id: 'paypal_3', label: 'PayPal' },
  { id: 'gift_card_4', label: 'gift card' },
];

const picked = (r: Resolution) => (r.kind === 'one' ? r.option.id : r.kind === 'several' ? r.options.map((o) => o.id) : r.described ? 'none-described' : 'none');

describe('resolveChoice: descriptions in plain words', () => {
  const table: [string, string, readonly { id: string; label: string }[], ChoiceHints, string | string[]][] = [
    ['an order by its content', 'the one with the tablet', ORDERS, { newestFirst: true }, '#W2000003'],
    ['an order by content shared by two orders', 'the order with the office chair', ORDERS, { newestFirst: true }, ['#W2000003', '#W2000001']],
    ['the most recent order', 'my last order', ORDERS, { newestFirst: true }, '#W2000003'],
    ['the most recent order, other words', 'the most recent one please', ORDERS, { newestFirst: true }, '#W2000003'],
    ['the oldest order', 'my oldest order', ORDERS, { newestFirst: true }, '#W2000001'],
    ['"the last one" of a list is its last', 'the last one', ORDERS, { newestFirst: true }, '#W2000001'],
    ['an order by id still works', 'it is #W2000002', ORDERS, { newestFirst: true }, '#W2000002'],
    ['an item by name', 'the water bottle', ITEMS, {}, ['1111111111', '2222222222']],
    ['an item by name and options', 'the blue 1000ml one', ITEMS, {}, '1111111111'],
    ['an item by one option', 'the red bottle', ITEMS, {}, '2222222222'],
    ['a description nothing fits', 'the green bottle', ITEMS, {}, 'none-described'],
    ['options that exist apart but not together', 'the blue 500ml bottle', ITEMS, {}, 'none-described'],
    ['a plural name', 'the office chairs', ITEMS, {}, '3333333333'],
    ['a new variant by what changes, like the old one', 'the same boots in size 9', VARIANTS, { like: 'Hiking Boots (11, black, leather)' }, '5555555555'],
    ['a new variant by colour', 'in brown', VARIANTS, { like: 'Hiking Boots (11, black, leather)' }, '6666666666'],
    ['a variant fitting several, nothing to tell them apart', 'size 9', VARIANTS, {}, ['5555555555', '6666666666']],
    ['a card by brand and digits', 'my Mastercard ending in 9212', METHODS, {}, 'credit_card_1'],
    ['a card by its last digits', 'the one ending 4410', METHODS, {}, 'credit_card_2'],
    ['PayPal', 'PayPal please', METHODS, {}, 'paypal_3'],
    ['PayPal in two words', 'pay pal', METHODS, {}, 'paypal_3'],
    ['the gift card', 'put it on the gift card', METHODS, {}, 'gift_card_4'],
    ['"my credit card" with two cards', 'my credit card', METHODS, {}, ['credit_card_1', 'credit_card_2']],
    ['a card that is not there', 'my amex', METHODS, {}, 'none'],
    ['the other one, of two', 'no, the other one', METHODS.slice(0, 2), { currentId: 'credit_card_1' }, 'credit_card_2'],
    ['the other one, of several', 'the other one', METHODS, { currentId: 'credit_card_1' }, ['credit_card_2', 'paypal_3', 'gift_card_4']],
    ['a position', 'the second one', METHODS, {}, 'credit_card_2'],
    ['a variant by a value and an option that is off', 'can I get it clicky and no backlight?', KEYBOARDS, {}, 'k-clicky-none'],
    ['a variant by an option that is on', "I'd like RGB backlight instead", KEYBOARDS, {}, 'k-clicky-rgb'],
    ['a variant without a feature', 'the same speaker but without water resistance', SPEAKERS, {}, 's-no'],
    ['a value that says "not"', 'can I get it black, 4 hours and not resistant?', EARBUDS, {}, 'e-none'],
    ['a variant with a feature', 'the one with water resistance', SPEAKERS, {}, 's-yes'],
    ['a brand named by its letter', 'the medium skin tone and Brand A one', KITS, { like: 'Makeup Kit (skin tone: dark, kit size: professional, brand: Brand C)' }, 'kit-medium-a'],
    ['option names alone describe nothing', 'I want to change the color and size', KEYBOARDS, {}, 'none'],
    ['back to the way it was paid', 'to the card I paid with', REFUND_TO, {}, 'credit_card_1'],
    ['the original method', 'the original payment method please', REFUND_TO, {}, 'credit_card_1'],
    ['an order by its status', "It's my delivered order", WITH_STATUS, { newestFirst: true }, '#W2000002'],
    ['the most recent order, as an adverb', 'I mean the order I placed most recently', ORDERS, { newestFirst: true }, '#W2000003'],
    ['nothing that describes', 'hmm let me think', METHODS, {}, 'none'],
  ];
  for (const [what, text, options, hints, expected] of table) {
    it(`${what}: "${text}" → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(picked(resolveChoice(text, options, hints)), expected);
    });
  }
});

describe('resolveChoices: several at once', () => {
  const table: [string, string[] | string][] = [
    ['the office chair and the tablet', ['3333333333', '4444444444']],
    ['the red bottle, the tablet', ['2222222222', '4444444444']],
    ['all of them', ['1111111111', '2222222222', '3333333333', '4444444444']],
    ['1 and 3', ['1111111111', '3333333333']],
    ['the tablet', ['4444444444']],
    ['the water bottle and the tablet', 'unclear'],
    ['I want to change the material, color and capacity of an item in my pending order', 'unclear'],
  ];
  for (const [text, expected] of table) {
    it(`"${text}" → ${JSON.stringify(expected)}`, () => {
      const r = resolveChoices(text, ITEMS);
      assert.deepEqual(r.kind === 'all' ? r.options.map((o) => o.id) : 'unclear', expected);
    });
  }
});
