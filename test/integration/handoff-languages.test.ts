import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { actorIdOf } from '../../auth/roles';
import { authenticate, mintToken } from '../../auth/token-service';
import { handedOffIn } from '../support/handed-off';
import { call, startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;
/** Reads German and French. */
let greta: string;
/** Minted without languages: English only. */
let eddie: string;
let sam: string;

const queue = async (token: string, query = '') => {
  const res = await call(stack, 'GET', `/v1/agent/queue${query}`, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.queue as { conversationId: string; language: string; languageName: string; status: string }[];
};
const ids = (items: { conversationId: string }[], among: string[]) => items.map((i) => i.conversationId).filter((id) => among.includes(id)).sort();

describe('handoffs routed by the customer\'s language', () => {
  let german: string;
  let english: string;

  before(async () => {
    stack = await startStack({ timings: { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000 } });
    channel = await stack.token('channel');
    greta = await mintToken(stack.database.db, { role: 'agent', name: 'Greta', languages: ['de', 'fr'] });
    eddie = await mintToken(stack.database.db, { role: 'agent', name: 'Eddie' });
    sam = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
    german = (await handedOffIn(stack, 'de')).conversationId;
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('I want to talk to a human')).status, 'awaiting_agent');
    english = chat.id;
  });
  after(() => stack?.close());

  it('when the queue is read, then each handoff says its language, code and name; a conversation that never set one is English', async () => {
    const items = await queue(sam);
    const byId = new Map(items.map((i) => [i.conversationId, i]));
    assert.equal(byId.get(german)?.language, 'de');
    assert.equal(byId.get(german)?.languageName, 'German');
    assert.equal(byId.get(english)?.language, 'en');
    assert.equal(byId.get(english)?.languageName, 'English');
  });

  it('when an agent asks for ?languages=mine, then only handoffs in their languages come back; a token without languages gets the English ones', async () => {
    const both = [german, english];
    assert.deepEqual(ids(await queue(greta, '?languages=mine'), both), [german]);
    assert.deepEqual(ids(await queue(eddie, '?languages=mine'), both), [english]);
    assert.deepEqual(ids(await queue(eddie, '?languages=de,pt'), both), [german]);
    assert.deepEqual(ids(await queue(eddie, '?languages=fr'), both), []);
    // Unfiltered, everyone sees the whole queue: supervisors above all.
    assert.deepEqual(ids(await queue(sam), both), [...both].sort());
    assert.deepEqual(ids(await queue(eddie), both), [...both].sort());
  });

  it('when the filter is not a list of language codes, then 400 with the reason', async () => {
    for (const query of ['?languages=German', '?languages=', '?languages=de&languages=fr', '?lang=de']) {
      const res = await call(stack, 'GET', `/v1/agent/queue${query}`, { token: greta });
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, 'invalid_query', query);
      assert.match(res.body.error.message, /languages/, query);
    }
  });

  it('when an agent without the customer\'s language claims, then the claim goes through with a warning that names the language', async () => {
    const { conversationId } = await handedOffIn(stack, 'pt');
    const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/claim`, { token: greta, body: {} });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'with_agent');
    assert.equal(res.body.owner, actorIdOf((await authenticate(stack.database.db, greta))!));
    assert.equal(res.body.warning.code, 'language_not_spoken');
    assert.equal(res.body.warning.language, 'pt');
    assert.match(res.body.warning.message, /Portuguese \(pt\).*de, fr/);
    // The workflow's own projection keeps the language once it has rewritten the row.
    const row = (await queue(sam)).find((i) => i.conversationId === conversationId);
    assert.equal(row?.status, 'with_agent');
    assert.equal(row?.language, 'pt');
  });

  it('when an English-only agent claims a German handoff, then the warning says their token lists no languages', async () => {
    const { conversationId } = await handedOffIn(stack, 'de');
    const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/claim`, { token: eddie, body: {} });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.warning.message, /German \(de\).*no languages, so it counts as English only/);
  });

  it('when the claimer speaks the language, then the claim answers as it always did, with no warning', async () => {
    const claimed = await call(stack, 'POST', `/v1/conversations/${german}/claim`, { token: greta, body: {} });
    assert.deepEqual(claimed.body, { status: 'with_agent', owner: actorIdOf((await authenticate(stack.database.db, greta))!) });
    const plain = await call(stack, 'POST', `/v1/conversations/${english}/claim`, { token: eddie, body: {} });
    assert.deepEqual(plain.body, { status: 'with_agent', owner: actorIdOf((await authenticate(stack.database.db, eddie))!) });
  });
});
