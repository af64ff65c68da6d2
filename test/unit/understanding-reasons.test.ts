import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { extractName } from '../../domain/entities';
import { readCancelReason } from '../../domain/understanding/reasons';
import { readMessage } from '../../domain/understanding/reading';

describe('readCancelReason: the reason in the customer words', () => {
  const table: [string, string | undefined][] = [
    ["I don't need it anymore", 'no longer needed'],
    ['I dont need it any more', 'no longer needed'],
    ['I no longer need it', 'no longer needed'],
    ['changed my mind', 'no longer needed'],
    ["I won't be needing it after all", 'no longer needed'],
    ['found it cheaper elsewhere', 'no longer needed'],
    ['I bought it by mistake', 'ordered by mistake'],
    ['ordered the wrong size', 'ordered by mistake'],
    ['it was an accident', 'ordered by mistake'],
    ['I ordered it twice', undefined],
    ['I ordered the wrong one and I do not need it', undefined],
    ['because', undefined],
  ];
  for (const [text, reason] of table) {
    it(`"${text}" → ${reason ?? 'no reason'}`, () => assert.equal(readCancelReason(text), reason));
  }
});

describe('a message read once', () => {
  it('carries every slot the opening names: identity, order and reason', () => {
    const r = readMessage("Hi, I'm Noah Brown, 80279 — please cancel #W1234567, I ordered it by mistake", { plainWords: true });
    assert.deepEqual(r.entities.name, { first: 'Noah', last: 'Brown' });
    assert.deepEqual(r.entities.zipCodes, ['80279']);
    assert.deepEqual(r.entities.orderIds, ['#W1234567']);
    assert.equal(readCancelReason(r.text), 'ordered by mistake');
  });
  const names: [string, ReturnType<typeof extractName>][] = [
    ["I'm Noah Brown, zip 80279", { first: 'Noah', last: 'Brown' }],
    ["I'm sorry but this is wrong", undefined],
    ['I am really upset', undefined],
    ['I am called ana lopez', { first: 'Ana', last: 'Lopez' }],
    ['Yusuf Rossi, zip code 19122', { first: 'Yusuf', last: 'Rossi' }],
    ['Hi there, Yusuf Rossi here, zip code 19122 — I want to return something', { first: 'Yusuf', last: 'Rossi' }],
    ['Mei Davis 80217', { first: 'Mei', last: 'Davis' }],
    ["I'm not sure which email I used. my name is Yara Ito and my zip code is 75284", { first: 'Yara', last: 'Ito' }],
    ['I live in New York, 10001', undefined],
    ['Please cancel order 12345', undefined],
  ];
  for (const [text, name] of names) it(`extractName("${text}")`, () => assert.deepEqual(extractName(text), name));
});
