import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { chooseOptions } from '../../domain/dialogue/choose-options';

const ITEMS = [
  { id: '1111111111', label: 'Desk Lamp (black)' },
  { id: '2222222222', label: 'Tea Kettle (steel, 1.5l)' },
  { id: '3333333333', label: 'Mug (blue)' },
];

describe('chooseOptions', () => {
  const table: [string, string[] | undefined][] = [
    ['all', ['1111111111', '2222222222', '3333333333']],
    ['all of them please', ['1111111111', '2222222222', '3333333333']],
    ['1111111111', ['1111111111']],
    ['the desk lamp and the mug (blue)', ['1111111111', '3333333333']],
    ['1, 3', ['1111111111', '3333333333']],
    ['2222222222 & 3333333333', ['2222222222', '3333333333']],
    ['Tea Kettle (steel, 1.5l)', ['2222222222']],
    ['the lamp and a sofa', undefined],
    ['', undefined],
  ];
  for (const [answer, expected] of table) {
    it(`when the customer answers "${answer}", then ${expected ? expected.join(', ') : 'nothing is chosen (ask again)'}`, () => {
      assert.deepEqual(chooseOptions(answer, ITEMS)?.map((o) => o.id), expected);
    });
  }
});
