import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { extractRating } from '../../domain/dialogue/rating';

describe('a customer rates the conversation', () => {
  const cases: [string, number | undefined][] = [
    ['5', 5],
    ['1', 1],
    [' 4 ', 4],
    ['3/5', 3],
    ['4 out of 5', 4],
    ['five stars', 5],
    ['2 stars.', 2],
    ["I'd give it a 4", 4],
    ['I would rate it 3 out of five', 3],
    ['a 5!', 5],
    ['0', undefined],
    ['6', undefined],
    ['10/10', undefined],
    ['I have 2 more questions', undefined],
    ['where is order W2651773', undefined],
    ['great', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the answer is ${JSON.stringify(text)}, then the rating is ${expected ?? 'none'}`, () => {
      assert.equal(extractRating(text), expected);
    });
  }
});
