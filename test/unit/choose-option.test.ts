import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { chooseOption } from '../../domain/dialogue/choose-option';

const ORDERS = [
  { id: '#W1000001', label: '#W1000001: Desk Lamp, Tea Kettle' },
  { id: '#W1000002', label: '#W1000002: Running Shoes' },
  { id: '#W1000003', label: '#W1000003: Backpack' },
];
const REASONS = [
  { id: 'no longer needed', label: 'I no longer need it' },
  { id: 'ordered by mistake', label: 'I ordered it by mistake' },
];

describe('chooseOption', () => {
  const table: [string, typeof ORDERS, string | undefined][] = [
    ['#W1000002', ORDERS, '#W1000002'],
    ['#w1000002', ORDERS, '#W1000002'],
    ['the second one', ORDERS, '#W1000002'],
    ['2', ORDERS, '#W1000002'],
    ['the last one please', ORDERS, '#W1000003'],
    ['cancel #W1000003 please', ORDERS, '#W1000003'],
    ['the one with the running shoes', ORDERS, '#W1000002'],
    ['the lamp one', ORDERS, undefined],
    ['#W1000001 or #W1000002', ORDERS, undefined],
    ['7', ORDERS, undefined],
    ['#W9999999', ORDERS, undefined],
    ['', ORDERS, undefined],
    ['ordered by mistake', REASONS, 'ordered by mistake'],
    ['I no longer need it', REASONS, 'no longer needed'],
    ['the first one', REASONS, 'no longer needed'],
    ['it was ordered by mistake, sorry', REASONS, 'ordered by mistake'],
    ['because I felt like it', REASONS, undefined],
  ];
  for (const [answer, options, expected] of table) {
    it(`when the customer answers "${answer}", then the choice is ${expected ?? 'none (ask again)'}`, () => {
      assert.equal(chooseOption(answer, options)?.id, expected);
    });
  }
});
