import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { addTurnParts, emptyParts } from '../../bench/turn-breakdown';

// The benchmark's breakdown read from a recorded conversation (a replay fixture): the turns it finds are
// the history's Updates, and the parts it sums fit inside the turns' own spans.
const file = path.join(__dirname, '..', 'fixtures', 'histories', 'approval.json');
const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
const events = history.events ?? [];

describe('where a turn goes, read from a history', () => {
  it('when a recorded conversation is read, then each completed Update is one turn and its activities are named and timed', () => {
    const parts = emptyParts();
    addTurnParts(parts, events);
    const completed = events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes).length;
    assert.ok(completed > 0);
    assert.equal(parts.turns, completed);
    assert.ok((parts.parts.get('workflow task')?.count ?? 0) >= completed, 'every turn has at least its accepting workflow task');
    const activities = [...parts.parts.keys()].filter((k) => k.startsWith('activity '));
    assert.ok(activities.length > 0, 'the turns ran activities');
    assert.ok(activities.every((k) => k !== 'activity unknown'));
    for (const part of parts.parts.values()) {
      assert.ok(part.waitMs >= 0 && part.runMs >= 0);
    }
    const seconds = (i: number) => Number(events.at(i)?.eventTime?.seconds ?? 0);
    const first = seconds(0) * 1000;
    const last = (seconds(-1) + 1) * 1000;
    assert.ok(parts.updateMs > 0 && parts.updateMs <= last - first, 'the turns take some of the conversation\'s time, never more than all of it');
  });

  it('when a history is read twice into the same tally, then the counts double', () => {
    const once = emptyParts();
    addTurnParts(once, events);
    const twice = emptyParts();
    addTurnParts(twice, events);
    addTurnParts(twice, events);
    assert.equal(twice.turns, 2 * once.turns);
    assert.equal(twice.updateMs, 2 * once.updateMs);
    for (const [name, part] of once.parts) assert.equal(twice.parts.get(name)?.count, 2 * part.count);
  });
});
