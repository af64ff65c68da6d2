import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { switchesTopic, wantsToStop } from '../../domain/dialogue/leaving-a-flow';

describe('wantsToStop', () => {
  const table: [string, boolean][] = [
    ['never mind', true],
    ['Nevermind, thanks', true],
    ['forget it', true],
    ['stop', true],
    ['no thanks', true],
    ['cancel that', true],
    ['jane.doe@example.com', false],
    ['the second one', false],
    ['I ordered it by mistake', false],
    ['no', false],
    ['please stop sending me emails about order #W1234567', false],
  ];
  for (const [text, expected] of table) {
    it(`when the customer says "${text}", then ${expected ? 'the flow is dropped' : 'the flow goes on'}`, () => {
      assert.equal(wantsToStop(text), expected);
    });
  }
});

describe('switchesTopic', () => {
  const table: [{ tier: string; label: string }, boolean][] = [
    [{ tier: 'keyword', label: 'track_order' }, true],
    [{ tier: 'keyword', label: 'contact_human_agent' }, true],
    [{ tier: 'keyword', label: 'cancel_order' }, false],
    [{ tier: 'keyword', label: 'thanks' }, false],
    [{ tier: 'keyword', label: 'greeting' }, false],
    [{ tier: 'model', label: 'track_order' }, false],
    [{ tier: 'none', label: 'oos' }, false],
  ];
  for (const [classified, expected] of table) {
    it(`when a cancel flow hears ${classified.label} at tier ${classified.tier}, then ${expected ? 'the topic changes' : 'the flow goes on'}`, () => {
      assert.equal(switchesTopic('cancel_order', classified), expected);
    });
  }
});
