import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { RecordedRun } from '../../audit/histories';
import { policyDiff, recordedActionRequests, settingsOverride } from '../../audit/policy-diff';
import { describeReplayFailure } from '../../audit/replay';
import { timelineLine, timelineOf } from '../../audit/timeline';

const fixture = (file: string): RecordedRun => {
  const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'histories', file), 'utf8')));
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  return { workflowId: started?.workflowId ?? file, runId: started?.originalExecutionRunId ?? file, workflowType: started?.workflowType?.name ?? '', history };
};

describe('the audit timeline of a recorded history', () => {
  it('when a refund over the limit was approved, then the timeline has the yes that confirmed it, the request for approval and who approved it, in order', () => {
    const entries = timelineOf([fixture('approval.json')]);
    const kinds = entries.map((e) => e.kind);
    const decisions = entries.filter((e) => e.kind === 'policy_decision');
    assert.deepEqual(decisions.map((d) => d.decision), ['needs_confirmation', 'needs_approval', 'allow']);
    assert.equal(decisions[1]?.confirmedBy, 'yes');
    const asked = kinds.indexOf('approval_requested');
    const decided = entries.findIndex((e) => e.kind === 'approval_decided' && e.approved);
    assert.ok(asked >= 0 && decided > asked && kinds.indexOf('action_result') > decided, kinds.join(', '));
    const approval = entries[decided];
    assert.ok(approval?.kind === 'approval_decided');
    assert.equal(approval.role, 'supervisor');
    assert.ok(approval.by.length > 0);
    assert.match(timelineLine(approval), /approved by .+ \(supervisor\) for p_\w+/);
    const times = entries.map((e) => e.at);
    assert.deepEqual([...times].sort(), times, 'entries are in the order they happened');
  });

  it('when a customer was handed to a person, then the handoff and the agent commands with who gave them are on the record', () => {
    const entries = timelineOf([fixture('handed-over.json')]);
    assert.ok(entries.some((e) => e.kind === 'intent' && e.label === 'contact_human_agent' && e.tier === 'keyword'));
    const commands = entries.filter((e) => e.kind === 'agent_command');
    assert.deepEqual(commands.map((c) => c.action), ['claim', 'reply', 'resolve']);
    assert.ok(commands.every((c) => c.by.length > 0 && c.role.length > 0));
    assert.deepEqual(entries.filter((e) => e.kind === 'handoff').map((h) => h.status).at(-1), 'done');
  });

  it('when a refund saga compensated, then its compensations are on the record', () => {
    const runs = fs.readdirSync(path.join(__dirname, '..', 'fixtures', 'histories')).filter((f) => f.startsWith('refund-saga')).map(fixture);
    const entries = timelineOf(runs);
    assert.ok(entries.some((e) => e.kind === 'saga_step' && e.step === 'reserveRefund'));
    assert.ok(entries.some((e) => e.kind === 'compensation' && e.step === 'settleRefundAsOwed'), entries.map((e) => `${e.kind}`).join(', '));
  });
});

describe('the policy diff of recorded requests', () => {
  it('when requests were recorded before their policy inputs were kept, then they are counted as not comparable, never guessed', () => {
    const requests = recordedActionRequests([fixture('approval.json'), fixture('cancel-order.json')]);
    assert.ok(requests.length >= 4);
    assert.ok(requests.every((r) => r.request.kind === 'cancel_pending_order'));
    const diff = policyDiff(requests, { automaticRefundLimitCents: 0 });
    assert.deepEqual(diff, { examined: requests.length, notComparable: requests.length, unchanged: 0, changes: [] });
  });

  it('when the settings to compare against are wrong, then it says which field is', () => {
    assert.match(String(settingsOverride({ refundApproverRoles: ['customer'] }, undefined)), /refundApproverRoles/);
    assert.match(String(settingsOverride([], undefined)), /JSON object/);
    assert.deepEqual(settingsOverride({ addressChangeAfterItemModification: false }, 700), { addressChangeAfterItemModification: false, automaticRefundLimitCents: 700 });
  });
});

describe('a replay failure, described', () => {
  it("when the SDK reports a nondeterminism error, then the detail and the event it names are kept and the SDK's wrapping is not", () => {
    const error = new Error(
      'Replay failed with a nondeterminism error. Details: Workflow activation completion failed: Failure { failure: Some(Failure { message: "[TMPRL1100] Nondeterminism error: No command scheduled for event HistoryEvent(id: 9, WorkflowExecutionUpdateAccepted)", source: "" }) }',
    );
    error.name = 'DeterminismViolationError';
    assert.deepEqual(describeReplayFailure(error), {
      reason: 'DeterminismViolationError: [TMPRL1100] Nondeterminism error: No command scheduled for event HistoryEvent(id: 9, WorkflowExecutionUpdateAccepted)',
      eventId: 9,
    });
  });
});
