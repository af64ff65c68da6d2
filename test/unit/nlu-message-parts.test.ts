import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { SHIPPED_MODEL_PATH, classifyLocal, loadModel } from '../../nlu/cascade';
import { Featurizer, SpellingIndex } from '../../nlu/features';
import { requestParts, withoutPleasantries } from '../../nlu/message-parts';

describe('a request wrapped in pleasantries, several sentences or typos', () => {
  const stripped: [string, string][] = [
    ['hi there, so I ordered a lamp and now I want to cancel it, thanks', 'so I ordered a lamp and now I want to cancel it'],
    ["Hello! I hope you're well. Where is my parcel? Many thanks in advance!", 'Where is my parcel?'],
    ['good morning team, which payment methods do you accept? cheers', 'which payment methods do you accept?'],
    ['hello', ''],
    ['thanks a lot', ''],
    ['where is my order', 'where is my order'],
  ];
  for (const [text, core] of stripped) {
    it(`when the message is "${text}", then without its pleasantries it is "${core}"`, () => {
      assert.equal(withoutPleasantries(text), core);
    });
  }

  it('when a message has several sentences, then each sentence of two words or more is a part, after the message without pleasantries', () => {
    assert.deepEqual(requestParts('hi, sorry to bother you. Please cancel my order. Ok?'), ['sorry to bother you. Please cancel my order. Ok?', 'sorry to bother you.', 'Please cancel my order.']);
    assert.deepEqual(requestParts('where is my order'), []);
  });

  it('when a word is one typo away from words the model knows, then the most common of them replaces it; known and short words stay', () => {
    const f = Featurizer.fit(['please cancel my order', 'cancel the order', 'where is my package', 'I want to return it', 'the parcel is late', 'cancel it']);
    const spelling = new SpellingIndex(f.vocabulary, f.idf);
    assert.equal(spelling.correct('plase cancle my ordr, where is my pakcage?'), 'please cancel my order, where is my package?');
    assert.equal(spelling.correct('I wnat to retrun it'), 'I want to return it');
    assert.equal(spelling.correct('Cancel the ORDER'), 'Cancel the ORDER');
  });

  const shipped = loadModel(SHIPPED_MODEL_PATH);
  const decided: [string, string][] = [
    ['plese cancle my order', 'cancel_order'],
    ['whre is my pakage', 'track_order'],
    ['I wnat to retrun the shoes I got', 'return_items'],
    ['hello! I hope you are well. I was charged twice for my last order. Thanks a lot', 'payment_issue'],
  ];
  for (const [text, label] of decided) {
    it(`when a customer writes "${text}", then the shipped cascade decides ${label}`, () => {
      const c = classifyLocal(text, { model: shipped });
      assert.deepEqual([c.label, c.tier === 'none'], [label, false], JSON.stringify(c));
    });
  }

  it('when the message is only small talk, then the parts do not turn it into a request', () => {
    for (const text of ['hi there, thanks', 'hello! thank you so much', 'good morning, cheers']) {
      const c = classifyLocal(text, { model: shipped });
      assert.ok(c.tier === 'none' || ['greeting', 'thanks', 'goodbye'].includes(c.label), `${text}: ${JSON.stringify(c)}`);
    }
  });
});
