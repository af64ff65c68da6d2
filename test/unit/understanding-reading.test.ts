import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { readMessage, type Expecting } from '../../domain/understanding/reading';

const REASONS = [
  { id: 'no longer needed', label: 'I no longer need it' },
  { id: 'ordered by mistake', label: 'I ordered it by mistake' },
];
const YES_NO = [
  { id: 'yes', label: 'Yes, change it' },
  { id: 'no', label: 'No, keep it as it is' },
];
const VARIANTS = [
  { id: 'v-blue', label: '1000ml, blue ($30.00)' },
  { id: 'v-red', label: '1000ml, red ($30.00)' },
];
const MENU = [
  { id: 'cancel_order', label: 'Cancel an order' },
  { id: 'track_refund', label: 'Check on a refund' },
];

describe('readMessage: one reading of a message against what the bot waits for', () => {
  const table: [string, string, Expecting | undefined, boolean, Record<string, unknown>][] = [
    ['a reason in other words picks its option', "I don't need it anymore", { options: REASONS }, true, { choice: 'no longer needed', cancelReason: 'no longer needed' }],
    ['before plain words, the same words picked nothing', "I don't need it anymore", { options: REASONS }, false, { choice: undefined, cancelReason: undefined }],
    ['yes at a confirmation', 'yes, change it', { options: YES_NO }, true, { choice: 'yes', yesNo: 'yes' }],
    ['a correction names an alternative', 'no, the blue one', { options: YES_NO, alternatives: { options: VARIANTS, hints: { currentId: 'v-red' } } }, true, { alternative: 'v-blue', yesNo: 'no' }],
    ['"the other one" at a confirmation', 'no, the other one', { options: YES_NO, alternatives: { options: VARIANTS, hints: { currentId: 'v-red' } } }, true, { alternative: 'v-blue' }],
    ['a plain no names no alternative', 'no', { options: YES_NO, alternatives: { options: VARIANTS } }, true, { alternative: undefined, yesNo: 'no' }],
    ['a menu takes only exact answers', 'what is your refund policy?', { options: MENU, exactOnly: true }, true, { choice: undefined }],
    ['a menu takes a label', 'cancel an order', { options: MENU, exactOnly: true }, true, { choice: 'cancel_order' }],
    ['nothing offered, nothing chosen', 'the blue one', undefined, true, { choice: undefined }],
  ];
  for (const [what, text, expecting, plainWords, expected] of table) {
    it(`${what}: "${text}"`, () => {
      const r = readMessage(text, { plainWords, ...(expecting ? { expecting } : {}) });
      const seen: Record<string, unknown> = {
        choice: r.choice?.kind === 'one' ? r.choice.option.id : undefined,
        cancelReason: r.cancelReason,
        alternative: r.alternative?.id,
        yesNo: r.entities.yesNo,
      };
      for (const [key, value] of Object.entries(expected)) assert.equal(seen[key], value, `${key} of "${text}"`);
    });
  }
});

describe('readMessage: an address with a lead-in', () => {
  for (const text of ["It's 101 Highway, New York, NY 10001, USA", 'sure, it is 101 Highway, New York, NY 10001', 'please use 101 Highway, New York, NY 10001']) {
    it(`"${text}" → the street line without the lead-in`, () => {
      assert.equal(readMessage(text, { plainWords: true }).entities.address?.address1, '101 Highway');
    });
  }
});

describe('readMessage: the free-form slots of the catalogue flows, read once', () => {
  const table: [string, Partial<{ subscription: string; rating: number; reviewText: string; invoiceDelivery: string }>][] = [
    ['please stop sending me the newsletter', { subscription: 'unsubscribe' }],
    ['sign me up for the newsletter', { subscription: 'subscribe' }],
    ['4 stars, runs small', { rating: 4, reviewText: 'runs small' }],
    ['five out of 5', { rating: 5 }],
    ['e-mail it to me please', { invoiceDelivery: 'email' }],
    ['a download link is fine', { invoiceDelivery: 'link' }],
  ];
  for (const [text, expected] of table) {
    it(`"${text}"`, () => {
      const r = readMessage(text, { plainWords: true });
      const seen = { subscription: r.subscription, rating: r.review.rating, reviewText: r.review.text, invoiceDelivery: r.invoiceDelivery };
      for (const [key, value] of Object.entries(expected)) assert.equal(seen[key as keyof typeof seen], value, key);
    });
  }
});
