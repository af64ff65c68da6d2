import assert from 'node:assert/strict';
import { KEYWORD_RULE_NAMES } from '../../nlu/keyword-rules';
import { LANGUAGE_RULES } from '../../nlu/keyword-rules-languages';
import { before, describe, it } from 'mocha';
import { nextConversationLanguage, withRuleEvidence, type ConversationLanguage, type LanguageGuess } from '../../domain/language/conversation-language';
import { requestedLanguage } from '../../domain/language/language-request';
import { loadLanguageDetector, type LanguageDetector } from '../../nlu/language/detect';
import { languageText, wordCount } from '../../nlu/language/message-text';
import { LANGUAGES_WITH_A_PASSING_ON_MESSAGE, passingOnMessage } from '../../domain/language/unserved-language';

describe('the language of customer messages', () => {
  describe('what a detector is shown', () => {
    const cases: [string, string, number][] = [
      ['Wo ist meine Bestellung #W2378156?', 'Wo ist meine Bestellung', 4],
      ['ana.lopez@example.com', '', 0],
      ['#W7678072 #W1234567', '', 0],
      ['pay with credit_card_7815826 please', 'pay with please', 3],
      ['my zip is 94110 👍', 'my zip is', 3],
      ['call +1 (415) 555-0134', 'call', 1],
      ['see https://example.com/help?q=1 pls', 'see pls', 2],
      ['ok', 'ok', 1],
      ['<img src=x onerror=alert(1)>', '', 0],
      ['<b>Hallo</b>, wo ist mein Paket?', 'Hallo wo ist mein Paket', 5],
      ['javascript:alert(document.cookie) {x}', '', 0],
      ['my order (the blue one) is late', 'my order the blue one is late', 7],
      ['a y o', 'a y o', 0],
    ];
    for (const [text, words, count] of cases) {
      it(`"${text}" → "${words}" (${count} words)`, () => {
        assert.equal(languageText(text), words);
        assert.equal(wordCount(languageText(text)), count);
      });
    }
  });

  describe('a customer asking for a language', () => {
    const cases: [string, string | undefined][] = [
      ['can we speak German?', 'de'],
      ['Können wir auf Deutsch weitermachen?', 'de'],
      ['en español, por favor', 'es'],
      ['¿Hablas español?', 'es'],
      ['Pode responder em português?', 'pt'],
      ['Parlez-vous français ?', 'fr'],
      ['in English please', 'en'],
      ['please answer in Italian', 'it'],
      ['English please', 'en'],
      ['I bought a German dictionary', undefined],
      ['I live in Germany', undefined],
      ['where is my order', undefined],
      ['Ich möchte meine Bestellung stornieren', undefined],
    ];
    for (const [text, code] of cases) {
      it(`"${text}" → ${code ?? 'none'}`, () => assert.equal(requestedLanguage(text), code));
    }
  });

  describe('the conversation keeps a language and changes it only on clear evidence', () => {
    const de: ConversationLanguage = { language: 'de', by: 'detection' };
    const guess = (language: string | undefined, words: number, reliable = true): LanguageGuess => ({ ...(language ? { language } : {}), words, reliable });
    const cases: { name: string; current?: ConversationLanguage; text: string; guess: LanguageGuess; then?: string; changed: boolean; pending?: string }[] = [
      { name: 'a first message sets it', text: 'Quiero cancelar mi pedido', guess: guess('es', 4), then: 'es', changed: true },
      { name: 'a first "ok" sets nothing', text: 'ok', guess: guess('pl', 1, false), then: undefined, changed: false },
      { name: 'a first unreliable guess sets nothing', text: 'hmm ok', guess: guess('tl', 2, false), then: undefined, changed: false },
      { name: 'an order id never flips it', current: de, text: '#W2378156', guess: guess(undefined, 0), then: 'de', changed: false },
      { name: '"ok" never flips it', current: de, text: 'ok', guess: guess('pl', 1), then: 'de', changed: false },
      { name: '"sí" never flips it', current: de, text: 'sí', guess: guess('es', 1), then: 'de', changed: false },
      { name: 'a short mixed reply keeps it', current: de, text: 'ja, order W1', guess: guess('en', 2), then: 'de', changed: false },
      { name: 'one short sentence in another language is not enough', current: de, text: 'where is it', guess: guess('en', 3), then: 'de', changed: false, pending: 'en' },
      { name: 'a second one in a row is', current: { ...de, pending: 'en' }, text: 'where is it now', guess: guess('en', 4), then: 'en', changed: true },
      { name: 'a message back in the language forgets the half-way switch', current: { ...de, pending: 'en' }, text: 'Wo ist mein Paket', guess: guess('de', 4), then: 'de', changed: false },
      { name: 'a long message switches at once', current: de, text: 'I would like to cancel the order I placed yesterday please', guess: guess('en', 10), then: 'en', changed: true },
      { name: 'an unreliable long guess does not', current: de, text: 'x', guess: guess('en', 10, false), then: 'de', changed: false },
      { name: 'an explicit request switches at once', current: de, text: 'en español, por favor', guess: guess('es', 3), then: 'es', changed: true },
      { name: 'a request for the same language changes nothing', current: de, text: 'auf Deutsch bitte', guess: guess('de', 3), then: 'de', changed: false },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const decision = nextConversationLanguage(c.current, c.text, c.guess);
        assert.equal(decision.language?.language, c.then);
        assert.equal(decision.changed, c.changed);
        assert.equal(decision.language?.pending, c.pending);
      });
    }
  });

  describe('detection of short support messages', () => {
    let detector: LanguageDetector;
    before(async () => {
      detector = await loadLanguageDetector();
    });
    const cases: [string, string | undefined][] = [
      ['Ich möchte meine Bestellung stornieren', 'de'],
      ['Quiero cancelar mi pedido', 'es'],
      ['Je veux annuler ma commande', 'fr'],
      ['Quero cancelar o meu pedido', 'pt'],
      ['where is my order', 'en'],
      ['Wo ist meine Bestellung #W2378156?', 'de'],
      ['Mi correo es lucia.garcia@example.com', 'es'],
      ['Voglio annullare il mio ordine', 'it'],
      ['#W2378156', undefined],
      ['ana.lopez@example.com', undefined],
      ['👍', undefined],
    ];
    for (const [text, code] of cases) {
      it(`"${text}" → ${code ?? 'no language'}`, () => {
        const guess = detector.detect(text);
        assert.equal(guess.language, code);
        if (code) assert.ok(guess.reliable, `${text}: a reliable guess`);
      });
    }
    it('"ok" and "sí" are too short to be reliable evidence', () => {
      for (const text of ['ok', 'sí', 'ja', 'oui', 'sim']) {
        const guess = detector.detect(text);
        assert.ok(guess.words < 3, `${text}: ${guess.words} words`);
      }
    });
  });
});

describe('a language the product cannot serve', () => {
  it('gets its one message in that language when we have it, else in English', () => {
    assert.deepEqual(passingOnMessage('it').language, 'it');
    assert.match(passingOnMessage('it').text, /collega/);
    assert.match(passingOnMessage('ja').text, /担当者/);
    assert.deepEqual(passingOnMessage('sw'), passingOnMessage(undefined));
    assert.equal(passingOnMessage(undefined).language, 'en');
  });

  it('every message is short and says a person takes over', () => {
    for (const code of LANGUAGES_WITH_A_PASSING_ON_MESSAGE) {
      const { text } = passingOnMessage(code);
      assert.ok(text.length <= 200, `${code}: ${text.length} characters`);
    }
  });

  it('the detector reads each message as its own language, so the customer gets their own words back', async () => {
    const detector = await loadLanguageDetector();
    // Scripts the detector tells apart by alphabet or n-grams; each message must read as what it claims.
    for (const code of ['it', 'nl', 'pl', 'sv', 'tr', 'cs', 'ro', 'hu', 'el', 'ru', 'uk', 'fi', 'ar', 'he', 'hi', 'ja', 'ko', 'zh', 'vi', 'th']) {
      const guess = detector.detect(passingOnMessage(code).text);
      assert.equal(guess.language, code, `${code}: read as ${guess.language}`);
    }
  });
});

describe('a keyword rule of one language as evidence of it', () => {
  const cases: [string, LanguageGuess, string | undefined, LanguageGuess][] = [
    ['an unsure detector takes the rule\'s language', { language: 'pt', reliable: false, words: 3 }, 'cancel-order-pt', { language: 'pt', reliable: true, words: 3 }],
    ['a detector that guessed nothing takes it too', { reliable: false, words: 2 }, 'track-order-de', { language: 'de', reliable: true, words: 2 }],
    ['a detector sure of another language keeps its word', { language: 'en', reliable: true, words: 5 }, 'cancel-order-es', { language: 'en', reliable: true, words: 5 }],
    ['an English rule says nothing about the language', { language: 'it', reliable: false, words: 3 }, 'cancel', { language: 'it', reliable: false, words: 3 }],
    ['no rule, no change', { language: 'fr', reliable: false, words: 3 }, undefined, { language: 'fr', reliable: false, words: 3 }],
  ];
  for (const [what, guess, rule, expected] of cases) it(what, () => assert.deepEqual(withRuleEvidence(guess, rule), expected));

  it('names every language rule with its language, and no English rule like one', () => {
    const ofLanguages = new Set(LANGUAGE_RULES.map((r) => r.name));
    assert.deepEqual(LANGUAGE_RULES.filter((r) => !r.name.endsWith(`-${r.language}`)).map((r) => r.name), []);
    assert.deepEqual(KEYWORD_RULE_NAMES.filter((n) => !ofLanguages.has(n) && /-(de|es|fr|pt)$/.test(n)), []);
  });
});
