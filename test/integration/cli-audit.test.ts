import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { TEST_PAYLOAD_KEYS } from '../support/payload-privacy';

const root = path.resolve(__dirname, '..', '..');
const incompatible = path.join(root, 'test', 'fixtures', 'nondeterministic-workflow.ts');

let stack: TestStack;
let since: string;
/** Cancelled and refunded under the default limit: allowed. */
let allowed: string;
/** Cancelled under a limit of 0: waits for a supervisor. */
let parked: string;
/** Asked for a person: a handoff, no action. */
let handedOver: string;
let orders: Awaited<ReturnType<typeof pendingOrders>>;

/** The CLI as an auditor runs it, against this file's Temporal, task queue and database. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'cli', 'main.ts'), 'audit', ...args],
      {
        cwd: root,
        env: { ...process.env, TEMPORAL_ADDRESS: stack.env.address, TEMPORAL_TASK_QUEUE: stack.taskQueue, DATA_DIR: stack.database.dir, DATABASE_URL: '', PAYLOAD_KEYS: TEST_PAYLOAD_KEYS },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() }),
    );
  });
}

/** Two pending orders of different customers paid by card, from the demo store. */
async function pendingOrders() {
  const rows = (await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
    .orderBy('o.position')
    .select('o.id as orderId', 'c.id as customerId', 'c.email as email')) as { orderId: string; customerId: string; email: string }[];
  const [first] = rows;
  const second = rows.find((row) => row.customerId !== first?.customerId);
  assert.ok(first && second, 'the demo store needs two customers with pending orders paid by card');
  return [first, second] as const;
}

async function cancel(target: { orderId: string; email: string }): Promise<{ id: string; last: any }> {
  const chat = await startChat(stack, await stack.token('channel'));
  await chat.say(`I want to cancel order ${target.orderId}`);
  const reason = await chat.say(target.email);
  assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
  const proposal = await chat.say('no longer needed');
  assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
  return { id: chat.id, last: await chat.say('yes') };
}

describe('cli audit on recorded conversations', () => {
  before(async () => {
    // Two turns a run: every conversation here continues as new, so replay must follow its runs.
    stack = await startStack({ continueAsNewAfterTurns: 2 });
    await replaceStore(stack.database.db, buildDemoStore());
    since = new Date(Date.now() - 1000).toISOString();
    orders = await pendingOrders();
    const [a, b] = orders;

    const done = await cancel(a);
    assert.deepEqual(done.last.actions.map((x: { status: string }) => x.status), ['executed'], JSON.stringify(done.last));
    allowed = done.id;
    const human = await startChat(stack, await stack.token('channel'));
    await human.say('I want to talk to a human');
    handedOver = human.id;

    await stack.stopWorker();
    await stack.startWorker({ policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 0 } });
    const waiting = await cancel(b);
    assert.match(JSON.stringify(waiting.last), /approv/, 'over the limit of 0 the yes waits for a supervisor');
    parked = waiting.id;
    // The refund saga reports back and the visibility store catches up in its own time.
    await eventually(async () => {
      let count = 0;
      for await (const run of stack.env.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND WorkflowType = 'ConversationWorkflow'` })) {
        if (run.workflowId) count++;
      }
      return count >= 3 * 2;
    }, 'the conversations and their runs in visibility', 30_000);
  });
  after(() => stack?.close());

  it('when a conversation is replayed, then every run of it and of its refund saga is deterministic and it exits 0', async () => {
    const result = await cli(['replay', allowed]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    const conversationRuns = lines.filter((l) => l.startsWith(`conversation-${allowed} run `) && l.includes('(ConversationWorkflow): deterministic'));
    assert.ok(conversationRuns.length >= 2, `continue-as-new runs replayed:\n${result.stdout}`);
    assert.ok(lines.some((l) => l.includes('(RefundSagaWorkflow): deterministic')), result.stdout);
    assert.match(lines.at(-1) ?? '', /^deterministic: (\d+) of \1 runs replayed$/);
  });

  it('when a conversation is replayed on incompatible workflow code, then it names the first event that differs and exits 1', async () => {
    const result = await cli(['replay', allowed, '--workflows', incompatible]);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, new RegExp(`conversation-${allowed} run \\S+ \\(ConversationWorkflow\\): NOT deterministic at event \\d+: DeterminismViolationError: \\[TMPRL1100\\] Nondeterminism error`));
    assert.match(result.stdout, /NOT deterministic: \d+ of \d+ runs failed to replay/);
  });

  it('when the conversation id is unknown or malformed, then it says so and exits 2', async () => {
    const unknown = await cli(['replay', 'no-such-conversation']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no conversation "no-such-conversation"/);
    const malformed = await cli(['timeline', '../../etc']);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /is not a conversation id/);
    const badDate = await cli(['verify', '--since', 'last tuesday']);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--since must be an ISO date/);
  });

  it('when the timeline is asked for, then it lists the intent, the policy decisions, the words that confirmed the proposal, the action and the refund saga in order', async () => {
    const json = await cli(['timeline', allowed, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const view = JSON.parse(json.stdout);
    assert.equal(view.conversationId, allowed);
    assert.ok(view.runs.filter((r: { workflowType: string }) => r.workflowType === 'ConversationWorkflow').length >= 2);
    const kinds: string[] = view.entries.map((e: { kind: string }) => e.kind);
    const intent = view.entries.find((e: any) => e.kind === 'intent' && e.label === 'cancel_order');
    assert.ok(intent && typeof intent.tier === 'string' && typeof intent.confidence === 'number', JSON.stringify(intent));
    const decisions = view.entries.filter((e: any) => e.kind === 'policy_decision');
    assert.deepEqual(decisions.map((d: any) => d.decision), ['needs_confirmation', 'allow']);
    assert.equal(decisions[1].confirmedBy, 'yes');
    assert.equal(decisions[1].proposalId, decisions[0].proposalId);
    const order = ['intent', 'policy_decision', 'action_result', 'child_started', 'saga_step'].map((k) => kinds.indexOf(k));
    assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)), `in order: ${kinds.join(', ')}`);
    assert.ok(view.entries.some((e: any) => e.kind === 'saga_step' && e.step === 'refundThroughProvider'));
    assert.ok(kinds.includes('run_ended'), 'the continue-as-new boundary is on the record');

    const text = await cli(['timeline', allowed]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /policy cancel_pending_order: allow \(proposal p_\w+\); confirmed by the customer's "yes"/);
    assert.match(text.stdout, /intent cancel_order \(tier \w+, confidence [\d.]+/);

    const handoff = JSON.parse((await cli(['timeline', handedOver, '--json'])).stdout);
    assert.ok(handoff.entries.some((e: any) => e.kind === 'handoff' && e.status === 'awaiting_agent'), JSON.stringify(handoff.entries.map((e: any) => e.kind)));
    const approval = JSON.parse((await cli(['timeline', parked, '--json'])).stdout);
    const asked = approval.entries.find((e: any) => e.kind === 'approval_requested');
    assert.ok(asked && asked.role === 'supervisor', JSON.stringify(approval.entries.map((e: any) => e.kind)));
  });

  it('when every conversation since a date is verified, then the summary table shows each replayed and it exits 0', async () => {
    const result = await cli(['verify', '--since', since]);
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    for (const id of [allowed, parked, handedOver]) assert.match(result.stdout, new RegExp(`^${id}\\s+\\d+\\s+ok`, 'm'));
    assert.match(result.stdout, /^replayed 3, failed 0 \(of 3 conversations/m);
    // Not a terminal here: progress comes as plain lines on stderr.
    assert.match(result.stderr, /^\[1\/3\] /m);
  });

  it('when they are verified against code that cannot replay them, then the table shows each failed with the reason and it exits 1', async () => {
    const result = await cli(['verify', '--since', since, '--workflows', incompatible]);
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stdout, new RegExp(`^${allowed}\\s+\\d+\\s+FAILED\\s+conversation-${allowed} run \\S+ at event \\d+: DeterminismViolationError`, 'm'));
    assert.match(result.stdout, /^replayed 0, failed 3/m);
  });

  it('when nothing started in the range, then verify says so and exits 0', async () => {
    const result = await cli(['verify', '--since', '2001-01-01', '--until', '2001-01-02']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /no conversations started from 2001-01-01/);
  });

  it('when the policy is diffed against the settings it ran with, then nothing changes; with another refund limit, the decisions it decides flip both ways', async () => {
    const same = await cli(['policy-diff', '--since', since, '--json']);
    assert.equal(same.code, 0, same.stderr);
    const unchanged = JSON.parse(same.stdout);
    assert.equal(unchanged.examined, 4, 'two proposals and two yeses');
    assert.equal(unchanged.notComparable, 0);
    assert.deepEqual(unchanged.changes, []);

    const stricter = await cli(['policy-diff', '--since', since, '--refund-limit-cents', '0']);
    assert.equal(stricter.code, 0, stricter.stderr);
    assert.match(stricter.stdout, /4 recorded action requests in 3 conversations .*: 3 unchanged, 1 would change/);
    assert.match(stricter.stdout, new RegExp(`^allowed to refused: allow → needs_approval cancel_pending_order in conversation-${allowed} run \\S+ event \\d+ \\(proposal p_\\w+\\): A refund of`, 'm'));

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-settings-')), 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ automaticRefundLimitCents: 100_000_000 }));
    const looser = JSON.parse((await cli(['policy-diff', '--since', since, '--settings', file, '--json'])).stdout);
    assert.deepEqual(
      looser.changes.map((c: any) => [c.workflowId, c.was, c.now, c.direction]),
      [[`conversation-${parked}`, 'needs_approval', 'allow', 'refused_to_allowed']],
    );

    fs.writeFileSync(file, JSON.stringify({ automaticRefundLimit: 5 }));
    const wrong = await cli(['policy-diff', '--since', since, '--settings', file]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /names "automaticRefundLimit", which is not one of/);
  });

  it("when an auditor searches by customer, order or date and opens a timeline, then the API answers from the record; other roles are refused", async () => {
    const auditor = await stack.token('auditor');
    const search = async (query: string, token = auditor) => call(stack, 'GET', `/v1/audit/conversations${query}`, { token });
    const ids = (reply: { body: { conversations: { conversationId: string }[] } }) => reply.body.conversations.map((c) => c.conversationId).sort();

    const all = await search(`?since=${encodeURIComponent(since)}`);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(ids(all), [allowed, parked, handedOver].sort());
    const byEmail = await search(`?customer=${encodeURIComponent(orders[0].email.toUpperCase())}`);
    assert.deepEqual(ids(byEmail), [allowed]);
    assert.deepEqual(ids(await search(`?customer=${orders[1].customerId}`)), [parked]);
    assert.deepEqual(ids(await search(`?order=${encodeURIComponent(orders[0].orderId)}`)), [allowed]);
    assert.deepEqual(ids(await search(`?order=%23W0000000`)), []);
    assert.deepEqual(ids(await search('?until=2001-01-01')), []);

    const bad = await search('?since=yesterday&colour=red');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /since must be an ISO date/);
    assert.match(bad.body.error.message, /unknown query parameter colour/);

    const timeline = await call(stack, 'GET', `/v1/audit/conversations/${allowed}/timeline`, { token: await stack.token('supervisor') });
    assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
    assert.equal(timeline.body.conversationId, allowed);
    assert.deepEqual(timeline.body.entries.filter((e: any) => e.kind === 'policy_decision').map((d: any) => d.decision), ['needs_confirmation', 'allow']);
    assert.equal((await call(stack, 'GET', '/v1/audit/conversations/no-such-one/timeline', { token: auditor })).status, 404);
    assert.equal((await call(stack, 'GET', '/v1/audit/conversations/a%20b/timeline', { token: auditor })).status, 400);

    for (const role of ['agent', 'channel'] as const) {
      const token = await stack.token(role);
      assert.equal((await search('', token)).status, 403, role);
      assert.equal((await call(stack, 'GET', `/v1/audit/conversations/${allowed}/timeline`, { token })).status, 403, role);
    }
    const own = await stack.token('conversation', allowed);
    assert.equal((await call(stack, 'GET', `/v1/audit/conversations/${allowed}/timeline`, { token: own })).status, 403, 'a customer reads no audit');
  });
});
