import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { PERTURBATIONS, perturb, robustnessSet } from '../../nlu/robustness';

const text = "Hi! I'd like to change the size of the Shoes in order #W1234567, please.";

describe('the robustness set', () => {
  it('when the same text is perturbed twice, then the result is the same', () => {
    for (const kind of PERTURBATIONS) assert.equal(perturb(text, kind), perturb(text, kind));
  });

  it('when typos are made, then the words are the same count and at most two of them change by one letter', () => {
    const a = text.split(' ');
    const b = perturb(text, 'typos').split(' ');
    assert.equal(b.length, a.length);
    const changed = a.filter((w, i) => w !== b[i]);
    assert.ok(changed.length >= 1 && changed.length <= 2, perturb(text, 'typos'));
    const sorted = (w: string) => [...w].sort().join('');
    const dropsOne = (long: string, short: string) => [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
    for (const w of changed) {
      const typed = b[a.indexOf(w)] as string;
      const swapped = typed.length === w.length && sorted(typed) === sorted(w);
      assert.ok(swapped || dropsOne(w, typed), `${w} → ${typed}`);
    }
  });

  it('when punctuation and case are dropped, then none is left but the order number stays', () => {
    assert.doesNotMatch(perturb(text, 'no punctuation'), /[!,.]/);
    assert.match(perturb(text, 'no punctuation'), /#W1234567/);
    assert.equal(perturb(text, 'lower case'), text.toLowerCase());
  });

  it('when the request is wrapped, then it sits whole inside a greeting and thanks, or between two sentences', () => {
    const wrapped = perturb('I want to cancel my order', 'greeting and thanks');
    assert.match(wrapped, /^(hi|hello|hey|good afternoon).*i want to cancel my order.*(thanks|thank you|cheers)/i);
    assert.match(perturb('I want to cancel my order', 'several sentences'), /\. I want to cancel my order\. \S/);
  });

  it('when the set is built, then small talk is not wrapped and off-topic text gets no shopping sentence', () => {
    const set = robustnessSet([
      { text: 'thanks a lot', label: 'thanks' },
      { text: 'what is the weather', label: 'oos' },
    ]);
    assert.ok(!set.some((s) => s.clean.label === 'thanks' && s.kind === 'greeting and thanks'));
    assert.ok(!set.some((s) => s.clean.label === 'oos' && s.kind === 'several sentences'));
    assert.ok(set.some((s) => s.clean.label === 'oos' && s.kind === 'greeting and thanks'));
  });
});
