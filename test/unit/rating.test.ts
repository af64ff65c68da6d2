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
    // In the other served languages.
    ['vier Sterne', 4],
    ['Ich gebe fünf', 5],
    ['4 von 5', 4],
    ['cinco estrellas', 5],
    ['Le doy un 3', 3],
    ['une étoile', 1],
    ['Je donne 4 sur 5', 4],
    ['cinq !', 5],
    ['dou-lhe um 5', 5],
    ['duas estrelas', 2],
    ['três', 3],
    ['Ich habe noch 2 Fragen', undefined],
    ['tengo dos preguntas más', undefined],
    ['un problème', undefined],
    ['uma encomenda', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the answer is ${JSON.stringify(text)}, then the rating is ${expected ?? 'none'}`, () => {
      assert.equal(extractRating(text), expected);
    });
  }
});
