import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { CATALOGUES, date, formatList, formatMoney, money, placeholdersOf, render, type Catalogue, type TranslatedLanguage } from '../../domain/messages';
import { englishOf, say } from '../../workflows/conversation/speaking';
import type { CarriedState } from '../../domain/conversation';

const TRANSLATED: TranslatedLanguage[] = ['de', 'es', 'fr', 'pt'];
const entries = Object.entries(CATALOGUES as Record<string, Catalogue>).flatMap(([part, catalogue]) =>
  Object.entries(catalogue).map(([english, translations]) => ({ part, english, translations })),
);

describe('the message catalogue', () => {
  it('has templates', () => assert.ok(entries.length > 0));

  it('translates every template into every served language, with the same placeholders', () => {
    const faults: string[] = [];
    for (const { part, english, translations } of entries) {
      const expected = placeholdersOf(english).sort().join(',');
      for (const language of TRANSLATED) {
        const text = translations[language];
        if (!text?.trim()) faults.push(`${part}: "${english}" has no ${language}`);
        else if (placeholdersOf(text).sort().join(',') !== expected) faults.push(`${part}: "${english}" in ${language} has {${placeholdersOf(text).join(',')}}`);
      }
    }
    assert.deepEqual(faults, []);
  });

  it('translates a template the same way in every part that uses it', () => {
    const seen = new Map<string, { part: string; json: string }>();
    const faults: string[] = [];
    for (const { part, english, translations } of entries) {
      const json = JSON.stringify(translations);
      const before = seen.get(english);
      if (before && before.json !== json) faults.push(`"${english}" differs between ${before.part} and ${part}`);
      seen.set(english, { part, json });
    }
    assert.deepEqual(faults, []);
  });

  it('keeps sentence punctuation to the language (a question stays a question)', () => {
    const faults = entries.flatMap(({ part, english, translations }) =>
      english.trim().endsWith('?') ? TRANSLATED.filter((l) => !/\?\s*$/.test(translations[l])).map((l) => `${part}: "${english}" in ${l}`) : [],
    );
    assert.deepEqual(faults, []);
  });
});

describe('rendering a template', () => {
  const cases: [string, string, string][] = [
    ['en', 'Done: order {orderId} is cancelled.', 'Done: order #W1 is cancelled.'],
    ['de', 'Done: order {orderId} is cancelled.', 'Erledigt: Die Bestellung #W1 ist storniert.'],
    ['es', 'Done: order {orderId} is cancelled.', 'Hecho: el pedido #W1 está cancelado.'],
    ['fr', 'Done: order {orderId} is cancelled.', 'C’est fait : la commande #W1 est annulée.'],
    ['pt', 'Done: order {orderId} is cancelled.', 'Feito: a encomenda #W1 foi cancelada.'],
    // A language the catalogue does not hold gets English; the phrasing step rewrites it when an LLM is configured.
    ['it', 'Done: order {orderId} is cancelled.', 'Done: order #W1 is cancelled.'],
  ];
  for (const [language, key, expected] of cases) {
    it(`${language}: ${expected}`, () => assert.equal(render(language, key as 'Done: order {orderId} is cancelled.', { orderId: '#W1' }), expected));
  }

  const amounts: [string, number, string][] = [
    ['en', 123450, '$1234.50'],
    ['en', -500, '-$5.00'],
    ['de', 123450, '1234,50 $'],
    ['es', 1250, '12,50 US$'],
    ['fr', 1250, '12,50 $US'],
    ['pt', 1250, '12,50 US$'],
  ];
  for (const [language, cents, expected] of amounts) {
    it(`formats ${cents} cents for ${language} as ${expected}`, () => assert.equal(formatMoney(cents, language).replace(/\s/g, ' '), expected));
  }

  it('formats amounts and lists inside a template for the locale', () => {
    const one = render('de', '{amount} to {method}', { amount: money(1250), method: 'paypal_1' });
    const two = render('de', '{amount} to {method}', { amount: money(300), method: 'gift_card_2' });
    assert.equal(formatList([one, two], 'de').replace(/\s/g, ' '), '12,50 $ auf paypal_1 und 3,00 $ auf gift_card_2');
  });

  it('formats dates for the locale, in UTC', () => {
    assert.equal(render('en', '{amount} to {method}', { amount: date('2026-03-04T23:30:00Z'), method: 'x' }), 'March 4, 2026 to x');
    assert.equal(render('de', '{amount} to {method}', { amount: date('2026-03-04T23:30:00Z'), method: 'x' }), '4. März 2026 auf x');
  });
});

describe('the English beside a reply in another language', () => {
  it('keeps the English of each template said, and puts a whole reply back together in English', () => {
    const state: Pick<CarriedState, 'language' | 'spoken'> = { language: { language: 'es', by: 'detection' } };
    const refund = say(state, '{amount} to {method}', { amount: money(1250), method: 'paypal_1' });
    const reply = `${say(state, 'Done: order {orderId} is cancelled.', { orderId: '#W1' })} ${say(state, 'Your refund of {refunds} is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.', { refunds: refund })}`;
    assert.match(reply, /^Hecho: el pedido #W1 está cancelado\. Su reembolso de 12,50\sUS\$ a paypal_1/);
    assert.equal(
      englishOf(reply, state.spoken ?? []),
      'Done: order #W1 is cancelled. Your refund of $12.50 to paypal_1 is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.',
    );
  });

  it('keeps nothing in English conversations', () => {
    const state: Pick<CarriedState, 'language' | 'spoken'> = {};
    assert.equal(say(state, 'Done: order {orderId} is cancelled.', { orderId: '#W1' }), 'Done: order #W1 is cancelled.');
    assert.equal(state.spoken, undefined);
  });
});
