import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import type { OrderFlowKind } from '../../domain/conversation';
import { localActivityResultsTakenLater } from '../../dev/history-shape';
import { TestPayloadPrivacy } from '../support/payload-privacy';
import { workflowBundle } from '../support/temporal';

const dir = path.join(__dirname, '..', 'fixtures', 'histories');
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (file: string) => historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));

/** What a recorded history shows: its workflow type, the intents its turns answered, the signals and updates it got. */
interface Recorded {
  workflowType: string;
  intents: Set<string>;
  signals: Set<string>;
  updates: Set<string>;
  childWorkflows: number;
  completed: boolean;
  patches: Set<string>;
  activities: Set<string>;
  /** Local activities, recorded as markers rather than scheduled tasks. */
  localActivities: Set<string>;
  /** Of those, results the workflow took a workflow task after the marker's (see localActivityResultsTakenLater). */
  localActivitiesTakenLater: number;
  timersStarted: number;
  timersCancelled: number;
}

function summarise(history: temporal.api.history.v1.IHistory): Recorded {
  const events = history.events ?? [];
  const decode = (payload: temporal.api.common.v1.IPayload): unknown => JSON.parse(Buffer.from(payload.data ?? new Uint8Array()).toString('utf8'));
  const intents = new Set<string>();
  for (const e of events) {
    for (const payload of e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads ?? []) {
      const result = decode(payload) as { intent?: unknown };
      if (typeof result?.intent === 'string') intents.add(result.intent);
    }
  }
  const names = (pick: (e: temporal.api.history.v1.IHistoryEvent) => string | null | undefined) =>
    new Set(events.map(pick).filter((n): n is string => typeof n === 'string'));
  return {
    workflowType: events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '',
    intents,
    signals: names((e) => e.workflowExecutionSignaledEventAttributes?.signalName),
    updates: names((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name),
    childWorkflows: events.filter((e) => e.childWorkflowExecutionCompletedEventAttributes).length,
    activities: names((e) => e.activityTaskScheduledEventAttributes?.activityType?.name),
    completed: events.some((e) => e.workflowExecutionCompletedEventAttributes),
    localActivities: new Set(
      events
        .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
        .flatMap((e) => e.markerRecordedEventAttributes?.details?.data?.payloads ?? [])
        .map((payload) => (decode(payload) as { activity_type?: string }).activity_type ?? ''),
    ),
    localActivitiesTakenLater: localActivityResultsTakenLater(events),
    timersStarted: events.filter((e) => e.timerStartedEventAttributes).length,
    timersCancelled: events.filter((e) => e.timerCanceledEventAttributes).length,
    patches: new Set(
      events.flatMap((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? []).map((payload) => (decode(payload) as { id?: string }).id ?? ''),
    ),
  };
}

// Every dialogue flow names the fixture that walks it; typed by `OrderFlowKind`, so a new flow
// without a recorded history does not compile. Record it with `npm run record-histories`.
const FLOW_FIXTURES: Record<OrderFlowKind, string> = {
  cancel_order: 'cancel-order.json',
  track_order: 'greeting-and-thanks.json',
  track_refund: 'return-items.json',
  return_items: 'return-items.json',
  modify_items: 'modify-items.json',
  modify_payment_method: 'modify-payment-method.json',
  exchange_items: 'exchange-items.json',
  change_shipping_address: 'change-shipping-address.json',
  update_default_address: 'update-default-address.json',
  edit_account: 'edit-account.json',
  delete_account: 'delete-account.json',
  recover_password: 'account-reset-links.json',
  registration_problems: 'account-reset-links.json',
  goodwill_credit: 'goodwill-credit.json',
  newsletter_subscription: 'commerce-requests.json',
  review: 'commerce-requests.json',
  get_invoice: 'commerce-requests.json',
};

/** What happens around the flows and issues commands of its own: promises, approvals, handoffs, the sagas, closing. */
const OTHER_FIXTURES: { what: string; file: string; shows: (r: Recorded) => boolean }[] = [
  { what: 'a return promise kept (returnReceived, then a child refund saga)', file: 'return-items.json', shows: (r) => r.signals.has('returnReceived') && r.childWorkflows > 0 },
  { what: 'an exchange whose price difference waits for the parcel', file: 'exchange-items.json', shows: (r) => r.signals.has('returnReceived') && r.childWorkflows > 0 },
  { what: "a supervisor's approval over the limit", file: 'approval.json', shows: (r) => r.signals.has('approvalDecided') && r.childWorkflows > 0 },
  { what: 'a goodwill offer accepted', file: 'goodwill-credit.json', shows: (r) => r.signals.has('goodwillOffered') && r.childWorkflows > 0 },
  {
    what: 'a customer the e-mail channel vouched for, then the chat, an agent reply through the outbox',
    file: 'channels-across.json',
    shows: (r) => r.patches.has('channels-outbox') && r.patches.has('channels-vouched-identity') && r.activities.has('deliverLaterMessage') && r.updates.has('agentCommand'),
  },
  {
    what: 'a call-back promised on a handed-over call, overdue before anyone took it',
    file: 'voice-callback-overdue.json',
    shows: (r) => r.signals.has('callbackPromised') && r.patches.has('voice-callback') && r.updates.has('agentCommand'),
  },
  { what: 'a handoff to a person and back', file: 'handed-over.json', shows: (r) => r.intents.has('contact_human_agent') && r.updates.has('agentCommand') },
  { what: 'a refund saga through the provider', file: 'refund-saga-provider.json', shows: (r) => r.workflowType === 'RefundSagaWorkflow' && r.completed },
  { what: 'a refund saga that records and restocks a return', file: 'refund-saga-return.json', shows: (r) => r.workflowType === 'RefundSagaWorkflow' && r.completed },
  { what: 'a message that came by Signal, its Update after it', file: 'message-by-signal.json', shows: (r) => r.signals.has('customerMessage') && r.updates.has('message') },
  { what: 'a conversation closed for inactivity', file: 'idle-close.json', shows: (r) => r.workflowType === 'ConversationWorkflow' && r.completed },
  { what: 'refund sagas that report back by signal', file: 'cancel-order-reported-back.json', shows: (r) => r.signals.has('refundProgress') },
  { what: 'a refund owed while the provider is down, handed to a person', file: 'cancel-order-provider-down.json', shows: (r) => r.signals.has('refundProgress') },
  { what: 'a refund saga whose result is a value', file: 'refund-saga-result-as-value.json', shows: (r) => r.workflowType === 'RefundSagaWorkflow' && r.completed },
  {
    what: 'a prompt-injection attempt flagged, then a cancellation',
    file: 'injection-flagged.json',
    shows: (r) => r.patches.has('injection-flags') && r.activities.has('detectInjection') && r.intents.has('cancel_order'),
  },
  { what: 'a cancellation asked for in plain words, read once', file: 'cancel-order-in-plain-words.json', shows: (r) => r.patches.has('plain-words-reading') && r.intents.has('cancel_order') },
  { what: 'an account erasure cancelled in its grace period', file: 'account-erasure-cancelled.json', shows: (r) => r.workflowType === 'AccountErasureWorkflow' && r.signals.has('cancelErasure') && r.completed },
  { what: 'a refund saga that waits out the provider and settles as owed', file: 'refund-saga-owed.json', shows: (r) => r.workflowType === 'RefundSagaWorkflow' && r.completed },
  {
    what: 'a wish started from its article, a question answered by its own article, a goodbye after the rating',
    file: 'request-from-article-and-goodbye.json',
    shows: (r) => r.intents.has('modify_items') && r.intents.has('goodbye'),
  },
  {
    what: 'an outcome reported as it changed, the store read back after the yes, and the scorecard at the idle close',
    file: 'conversation-outcomes.json',
    shows: (r) =>
      r.patches.has('conversation-outcomes') &&
      ['confirmChangesHeld', 'reportConversationOutcome', 'recordConversationScorecard'].every((a) => r.activities.has(a)) &&
      r.completed,
  },
  {
    what: 'a cancellation in German, each turn read by one local activity',
    file: 'cancel-order-in-german.json',
    shows: (r) => r.patches.has('language-turn-reading') && r.localActivities.has('readTurn') && !r.activities.has('detectInjection') && r.intents.has('cancel_order') && r.childWorkflows > 0,
  },
  {
    what: 'a short Portuguese message the detector is unsure of, read as Portuguese by its keyword rule',
    file: 'short-portuguese-by-rule.json',
    shows: (r) => r.patches.has('language-rule-evidence') && r.localActivities.has('readTurn') && r.intents.has('cancel_order'),
  },
  {
    what: 'an Italian message without an LLM handed to a person, who takes it',
    file: 'unserved-language-handed-over.json',
    shows: (r) => r.patches.has('language-turn-reading') && r.localActivities.has('readTurn') && r.updates.has('agentCommand'),
  },
  {
    what: 'a conversation read while its turn was read, the turn going on a workflow task later, its patches decided as it started',
    file: 'read-during-turn.json',
    shows: (r) => r.localActivitiesTakenLater > 0 && r.patches.has('patches-up-front') && r.localActivities.has('readTurn'),
  },
  {
    what: 'turns that keep the loop\'s timer, which rings early, waits out the rest and closes the conversation',
    file: 'turns-keep-their-timer.json',
    shows: (r) => r.patches.has('wake-timer-kept') && r.timersStarted >= 2 && r.timersCancelled === 0 && r.completed,
  },
  {
    what: 'the same address given for three requests, then a chargeback threat handed to a person',
    file: 'same-address-then-chargeback.json',
    shows: (r) => r.intents.has('change_shipping_address') && r.intents.has('update_default_address'),
  },
];

describe('recorded conversation histories', () => {
  for (const [kind, file] of Object.entries(FLOW_FIXTURES)) {
    it(`when the ${kind} flow is looked for, then ${file} is recorded and walks it`, () => {
      assert.ok(fixtures.includes(file), `no recorded history ${file} in ${dir}`);
      const recorded = summarise(load(file));
      assert.ok(recorded.intents.has(kind), `${file} answers ${[...recorded.intents].join(', ')}, not ${kind}`);
    });
  }

  for (const { what, file, shows } of OTHER_FIXTURES) {
    it(`when ${what} is looked for, then ${file} is recorded and shows it`, () => {
      assert.ok(fixtures.includes(file), `no recorded history ${file} in ${dir}`);
      assert.ok(shows(summarise(load(file))), `${file} does not show ${what}`);
    });
  }

  for (const file of fixtures) {
    it(`when ${file} is replayed on today's workflow code, then it is deterministic`, async () => {
      const history = load(file);
      // Child workflow ids are built from the parent's id, so the replay runs under the recorded one.
      const workflowId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowId ?? undefined;
      // Through the product's payload codec: these plaintext histories must pass it untouched.
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: new TestPayloadPrivacy().dataConverter }, history, workflowId);
    });
  }

  it('when a history is replayed on incompatible code, then replay fails with a determinism error', async () => {
    const first = fixtures.find((file) => summarise(load(file)).workflowType === 'ConversationWorkflow');
    assert.ok(first);
    await assert.rejects(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/nondeterministic-workflow') }, load(first)),
      (err: unknown) => err instanceof DeterminismViolationError,
    );
  });
});
