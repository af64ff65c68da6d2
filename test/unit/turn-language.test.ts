import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { nextConversationLanguage } from '../../domain/language/conversation-language';
import { requestedLanguage } from '../../domain/language/language-request';
import { loadLanguageDetector, type LanguageDetector } from '../../nlu/language/detect';
import { wordCount } from '../../nlu/language/message-text';

describe('reading a turn\'s language', () => {
  let detector: LanguageDetector;
  before(async () => {
    detector = await loadLanguageDetector();
  });

  it('when English messages read as a near tie with another language, then the guess is not reliable and the language stays', () => {
    for (const text of ['I forgot my password', 'my name is Tomas Lindqvist, zip 10001', 'tomas dot lindqvist4161 at example dot com']) {
      const guess = detector.detect(text);
      assert.equal(guess.reliable, false, `${text}: ${JSON.stringify(guess)}`);
      assert.equal(nextConversationLanguage({ language: 'en', by: 'detection' }, text, guess).language?.language, 'en');
      assert.equal(nextConversationLanguage(undefined, text, guess).language, undefined);
    }
  });

  it('when a message is clearly in one language, then the guess stays reliable', () => {
    for (const [text, code] of [['Ich möchte meine Bestellung stornieren', 'de'], ['Vorrei annullare il mio ordine', 'it'], ['I want to cancel my order', 'en']] as const) {
      const guess = detector.detect(text);
      assert.equal(guess.language, code);
      assert.ok(guess.reliable, text);
    }
  });

  it('when Japanese, Chinese or Thai is written without spaces, then every two characters count as a word', () => {
    assert.equal(wordCount('注文をキャンセルしたいです'), 6);
    assert.equal(wordCount('我想取消我的订单'), 4);
    assert.equal(wordCount('注'), 0);
    assert.equal(wordCount('hello 注文'), 2);
    const guess = detector.detect('注文をキャンセルしたいです');
    assert.deepEqual([guess.language, guess.reliable], ['ja', true]);
    assert.equal(nextConversationLanguage(undefined, '注文をキャンセルしたいです', guess).language?.language, 'ja');
  });

  it('when a German customer names the language before the verb, then it is a request for German', () => {
    assert.equal(requestedLanguage('können wir Deutsch sprechen?'), 'de');
    assert.equal(requestedLanguage('Können Sie Englisch schreiben?'), 'en');
    assert.equal(requestedLanguage('Ich habe ein Deutsch Wörterbuch gekauft'), undefined);
  });
});
