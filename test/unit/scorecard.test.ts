import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { ActionReport, CarriedState, EscalationReasonRecord, FrustrationSignalRecord, NewDecision, Turn } from '../../domain/conversation';
import type { OutcomeAssessment, ScorecardCheck } from '../../domain/outcomes/types';
import { proposalIdOf } from '../../domain/policy';
import { draftProposal } from '../../domain/policy/proposal';
import { MAX_CUSTOMER_TURNS, SCORECARD_CHECK_IDS, scoreConversation, type ScorecardCheckId } from '../../domain/quality';

const STARTED = '2026-12-01T10:00:00.000Z';
const WAITING = 'A colleague will pick up this conversation shortly and will see everything you have told me, so you will not need to repeat yourself. You can keep writing here in the meantime.';
const STILL_WAITING = 'Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.';
const RATING = 'Before you go: how would you rate this conversation, from 1 (poor) to 5 (excellent)?';

/**
 * A conversation written the way the workflow writes it: each customer turn, the decisions taken on
 * it (stamped with the same workflow time), then the bot's reply; the clock moves between turns.
 */
function conversation() {
  let clock = Date.parse(STARTED);
  const state: CarriedState = { status: 'open', transcript: [], decisions: [], nextSeq: 1, runs: 1, startedAt: STARTED };
  const now = () => new Date(clock).toISOString();
  let lastCustomer = 0;
  const record = (from: Turn['from'], text: string) => {
    const seq = state.nextSeq++;
    state.transcript.push({ seq, from, text, at: now() });
    return seq;
  };
  const c = {
    state,
    now,
    get seq() {
      return lastCustomer;
    },
    wait(minutes: number) {
      clock += minutes * 60_000;
      return c;
    },
    customer(text: string) {
      clock += 20_000;
      lastCustomer = record('customer', text);
      return c;
    },
    bot(text: string) {
      record('bot', text);
      return c;
    },
    system(text: string) {
      record('system', text);
      return c;
    },
    agent(text: string) {
      record('agent', text);
      return c;
    },
    decide(decision: NewDecision) {
      state.decisions.push({ ...decision, at: now() });
      return c;
    },
    reply(intent: string, tier: 'keyword' | 'model' | 'llm' | 'none' = 'keyword') {
      return c.decide({ seq: lastCustomer, kind: 'reply', intent, tier, confidence: tier === 'none' ? 0.21 : 0.94, latencyMicros: 180 });
    },
    step(rule: string) {
      return c.decide({ seq: lastCustomer, kind: 'dialogue', intent: rule.split(':')[0], rule });
    },
    report(report: ActionReport) {
      (state.actions ??= []).push(report);
      return c;
    },
    carriedOut(proposalId: string) {
      (state.completedProposalIds ??= []).push(proposalId);
      return c;
    },
    signal(code: FrustrationSignalRecord['code'], detail: string) {
      (state.frustrationSignals ??= []).push({ code, seq: lastCustomer, detail });
      return c;
    },
    handOver(reasons: EscalationReasonRecord[]) {
      const reason = reasons.map((r) => `${r.code}: ${r.detail}`).join('; ');
      c.decide({ seq: lastCustomer, kind: 'handoff_requested', reason });
      if (state.handoff) (state.pastHandoffs ??= []).push(state.handoff);
      state.handoff = {
        reasons,
        signals: state.frustrationSignals ?? [],
        requestedAt: now(),
        requestedAtSeq: lastCustomer,
        priority: 'normal',
        summary: `Handed over because ${reasons.map((r) => r.detail).join('; ')}.`,
        summarySource: 'template',
        slaBreaches: 0,
      };
      state.status = 'awaiting_agent';
      return c.decide({ seq: lastCustomer, kind: 'handoff', reason });
    },
    agentCommand(action: 'claim' | 'reply' | 'resolve', by: string, detail?: string) {
      (state.agentActions ??= []).push({ at: now(), by, role: 'agent', action, ...(detail ? { detail } : {}) });
      c.decide({ seq: state.nextSeq - 1, kind: 'agent', reason: `agent ${by}: ${action}${detail ? ` (${detail})` : ''}` });
      if (action === 'claim') {
        state.status = 'with_agent';
        c.system(`${by} from our team has joined the conversation.`);
      }
      if (action === 'resolve' && state.handoff) {
        state.handoff.outcome = { kind: 'resolved', by, at: now(), note: detail };
        state.status = 'resolved';
        c.decide({ seq: state.nextSeq - 1, kind: 'resolved', reason: `resolved by ${by}: ${detail ?? ''}` });
        c.bot(RATING);
      }
      return c;
    },
    goodbye() {
      c.customer('thanks, that is all, bye').reply('goodbye');
      state.status = 'resolved';
      c.decide({ seq: lastCustomer, kind: 'resolved', reason: 'the customer said goodbye' });
      return c.bot(`You are welcome. Have a good day! ${RATING}`);
    },
    close() {
      state.status = 'closed';
      c.wait(30).decide({ seq: state.nextSeq - 1, kind: 'closed', reason: 'idle timeout' });
      return c.system('The conversation was closed after a period of inactivity. Write again any time to continue it.');
    },
  };
  return c;
}
type Conversation = ReturnType<typeof conversation>;

const ORDER = '#W2651773';
const PROPOSAL = proposalIdOf(draftProposal('cancel_pending_order', { customerId: 'tomas_lindqvist_4161', orderId: ORDER, reason: 'ordered by mistake' }));
const PROPOSAL_TEXT = `Cancel order ${ORDER} (reason: ordered by mistake). Refund $249.00 to credit_card_6737108. Shall I go ahead?`;

/** The cancellation as the recorded `cancel-order` history plays it, up to the proposal. */
function upToProposal(c: Conversation, opening = `I want to cancel order ${ORDER}`): Conversation {
  return c
    .customer(opening)
    .reply('cancel_order')
    .bot('I can help you cancel an order. First, what is the e-mail address on your account?')
    .customer('tomas.lindqvist4161@example.com')
    .step('cancel_order:email')
    .bot(`Thanks, Tomas. Why would you like to cancel order ${ORDER}?`)
    .customer('I ordered it by mistake')
    .step('cancel_order:reason')
    .bot(PROPOSAL_TEXT);
}

function cancelled(c: Conversation): Conversation {
  return c
    .report({ name: 'cancel_pending_order', status: 'executed', detail: `order ${ORDER} cancelled` })
    .carriedOut(PROPOSAL)
    .bot(`Done: order ${ORDER} is cancelled. Your refund of $249.00 to credit_card_6737108 is on its way.`);
}

function cleanCancellation(): Conversation {
  const c = upToProposal(conversation()).customer('yes').step('cancel_order:confirmation');
  return cancelled(c).goodbye().customer('5').decide({ seq: c.seq, kind: 'csat', reason: 'rated 5 of 5' }).bot('Thank you for your feedback!').close();
}

const verifiedAt = (c: Conversation): OutcomeAssessment => ({
  outcome: 'verified',
  reason: `the store shows order ${ORDER} cancelled`,
  issues: ['cancel_order'],
  resolvedAt: c.state.transcript.find((t) => t.text.startsWith('Done:'))?.at ?? c.now(),
});
const escalated: OutcomeAssessment = { outcome: 'escalated', reason: 'a person took over', issues: [] };

function score(c: Conversation, outcome: OutcomeAssessment | OutcomeAssessment['outcome'] & string = verifiedAt(c)) {
  const checks = scoreConversation({ state: c.state, outcome, closedAt: c.now() });
  const byId = (id: ScorecardCheckId): ScorecardCheck => {
    const found = checks.find((x) => x.id === id);
    assert.ok(found, `no ${id} check`);
    return found;
  };
  return { checks, byId, failing: checks.filter((x) => !x.passed).map((x) => x.id) };
}

function assertCheck(c: Conversation, id: ScorecardCheckId, passed: boolean, detail: RegExp, outcome?: OutcomeAssessment) {
  const found = score(c, outcome ?? verifiedAt(c)).byId(id);
  assert.equal(found.passed, passed, `${id}: ${found.detail}`);
  assert.match(found.detail, detail);
}

describe('the quality scorecard of a closed conversation', () => {
  it('when a cancellation goes cleanly, then every check passes, in the fixed order, with readable details', () => {
    const c = cleanCancellation();
    const { checks, failing } = score(c);
    assert.deepEqual(checks.map((x) => x.id), [...SCORECARD_CHECK_IDS]);
    assert.deepEqual(failing, []);
    assert.deepEqual(Object.fromEntries(checks.map((x) => [x.id, x.detail])), {
      resolved_verified: `verified: the store shows order ${ORDER} cancelled`,
      policy_followed: 'cancel_pending_order proposed, confirmed at turn 7, checked by the policy',
      no_repeated_question: 'the customer did not have to ask anything twice',
      no_bot_repetition: 'the bot did not repeat a reply',
      frustration_handled: 'no frustration seen',
      turns_and_time: '6 customer turns; resolved 1 min after the first message',
      person_needed: 'no person was needed',
    });
  });

  it('when the same input is scored twice, then the scorecards are equal and the input is left as it was', () => {
    const c = cleanCancellation();
    const before = structuredClone(c.state);
    assert.deepEqual(score(c).checks, score(c).checks);
    assert.deepEqual(c.state, before);
  });

  describe('resolved_verified', () => {
    const cases: [string, OutcomeAssessment, boolean, RegExp][] = [
      ['verified', { outcome: 'verified', reason: 'the store shows the order cancelled', issues: ['cancel_order'] }, true, /^verified: the store shows/],
      ['a resolution waiting for its window', { candidate: 'verified', reason: 'the customer accepted the answer', issues: ['delivery_period'] }, true, /verified once the resolution window passes .* on delivery_period/],
      ['contained', { outcome: 'contained', reason: 'nothing the store can confirm', issues: [] }, false, /^contained: nothing the store/],
      ['escalated', escalated, false, /^escalated: a person took over/],
      ['abandoned', { outcome: 'abandoned', reason: 'the customer stopped answering', issues: [] }, false, /^abandoned/],
      ['not known yet', { reason: 'still open', issues: [] }, false, /^no outcome yet: still open/],
    ];
    for (const [label, outcome, passed, detail] of cases) {
      it(`when the outcome is ${label}, then it ${passed ? 'passes' : 'fails'}`, () => assertCheck(cleanCancellation(), 'resolved_verified', passed, detail, outcome));
    }
    it('when only the outcome is given, then it is scored from that', () => {
      const c = cleanCancellation();
      assert.equal(score(c, 'verified').byId('resolved_verified').passed, true);
      assert.equal(score(c, 'contained').byId('resolved_verified').detail, 'contained');
    });
  });

  describe('policy_followed', () => {
    it('when an action was executed without a confirmation decision, then it fails and names the action', () => {
      const c = cancelled(upToProposal(conversation())).goodbye().close();
      assertCheck(c, 'policy_followed', false, /^cancel_pending_order was executed without the customer confirming a proposal/);
    });

    it('when the customer said no to the proposal and the action ran anyway, then it fails', () => {
      const c = cancelled(upToProposal(conversation()).customer('No, keep it').step('cancel_order:confirmation')).close();
      assertCheck(c, 'policy_followed', false, /cancel_pending_order was executed without the customer confirming/);
    });

    it('when the customer was unsure first and then said yes, then the one proposal is confirmed by the yes', () => {
      const c = upToProposal(conversation())
        .customer('hmm, what happens to my refund?')
        .step('cancel_order:confirmation')
        .bot('Shall I go ahead? Please answer yes or no.')
        .customer('Yes, cancel it')
        .step('cancel_order:confirmation');
      assertCheck(cancelled(c).close(), 'policy_followed', true, /^cancel_pending_order proposed, confirmed at turn 9, checked by the policy$/);
    });

    it('when two actions ran on one confirmation, then the second one fails', () => {
      const c = cancelled(upToProposal(conversation()).customer('yes').step('cancel_order:confirmation'))
        .report({ name: 'cancel_pending_order', status: 'executed', detail: 'order #W4817420 cancelled' })
        .carriedOut(proposalIdOf(draftProposal('cancel_pending_order', { orderId: '#W4817420' })))
        .close();
      assertCheck(c, 'policy_followed', false, /^cancel_pending_order was executed without the customer confirming a proposal; cancel_pending_order proposed, confirmed at turn 7/);
    });

    it('when an executed action left no policy proposal id, then it fails', () => {
      const c = upToProposal(conversation())
        .customer('yes')
        .step('cancel_order:confirmation')
        .report({ name: 'cancel_pending_order', status: 'executed', detail: `order ${ORDER} cancelled` })
        .close();
      assertCheck(c, 'policy_followed', false, /1 executed action left no policy proposal id \(0 for 1 executed\)/);
    });

    it('when the proposal waited for a supervisor who approved it, then it passes and says who approved', () => {
      const c = upToProposal(conversation()).customer('yes').step('cancel_order:confirmation');
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: `asked a supervisor to approve ${PROPOSAL}: the refund is over the automatic limit` })
        .bot('This needs a supervisor\'s approval (the refund is over the automatic limit). I have asked for it, and I will tell you here as soon as they decide. Nothing has changed yet.')
        .wait(12);
      (c.state.agentActions ??= []).push({ at: c.now(), by: 'sam', role: 'supervisor', action: 'approve', detail: `Cancel order ${ORDER}` });
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: 'approved by supervisor sam' }).bot('A supervisor approved your request.');
      assertCheck(cancelled(c).close(), 'policy_followed', true, /^cancel_pending_order proposed, confirmed at turn 7, approved by supervisor sam, checked by the policy$/);
    });

    it('when the supervisor denied it and the action ran anyway, then it fails', () => {
      const c = upToProposal(conversation()).customer('yes').step('cancel_order:confirmation');
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: `asked a supervisor to approve ${PROPOSAL}: over the limit` }).wait(5);
      (c.state.agentActions ??= []).push({ at: c.now(), by: 'sam', role: 'supervisor', action: 'deny', detail: 'too much' });
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: 'denied by supervisor sam: too much' });
      assertCheck(cancelled(c).close(), 'policy_followed', false, /^cancel_pending_order was executed without the approval its proposal waited for/);
    });

    it('when a delayed refund is paid later, then that is the same action, and a denial and actions that need no proposal are only noted', () => {
      const c = upToProposal(conversation()).customer('yes').step('cancel_order:confirmation').carriedOut(PROPOSAL);
      c.report({ name: 'cancel_pending_order', status: 'delayed', detail: `order ${ORDER} cancelled` })
        .report({ name: 'cancel_pending_order', status: 'executed', detail: `refund of $249.00 to credit_card_6737108 for order ${ORDER} paid after a delay` })
        .customer('and please send me the invoice of #W7773123 by e-mail')
        .reply('get_invoice')
        .report({ name: 'invoice_email', status: 'executed', detail: 'invoice of #W7773123 to tomas.lindqvist4161@example.com' })
        .customer('can I also return my boots from #W5000001')
        .reply('return_items')
        .report({ name: 'return_delivered_order_items', status: 'denied', detail: 'the return window of 30 days has passed' })
        .close();
      assertCheck(c, 'policy_followed', true, /^cancel_pending_order proposed, confirmed at turn 7, checked by the policy; the policy denied return_delivered_order_items; invoice_email need no proposal$/);
    });

    it('when nothing consequential was done, then it passes and says so', () => {
      const c = conversation().customer('how long does delivery take?').reply('delivery_period').step('help_centre:answered').bot('Standard delivery takes 3 to 5 business days.').close();
      assertCheck(c, 'policy_followed', true, /^no action that needs a proposal was executed$/, { outcome: 'contained', reason: 'answered', issues: [] });
    });

    it('when a supervisor offered goodwill credit and the customer accepted it, then the offer is the proposal and the yes its confirmation', () => {
      const c = conversation().customer('my parcel arrived broken').reply('complaint').handOver([{ code: 'complaint', detail: 'complaint' }]).bot(`I am sorry about this. ${WAITING}`);
      c.wait(3).agentCommand('claim', 'ana').agent('I am sorry, I will offer you a credit.');
      c.decide({ seq: c.state.nextSeq - 1, kind: 'dialogue', intent: 'goodwill_credit', rule: 'goodwill_credit:offered', reason: 'offered by agent ana' })
        .bot('Our team offers you a goodwill credit of $20.00 to credit_card_6737108 for order #W2651773. Would you like it?')
        .customer('Yes, please')
        .step('goodwill_credit:confirmation')
        .report({ name: 'goodwill_credit', status: 'executed', detail: 'goodwill credit of $20.00 on order #W2651773' })
        .carriedOut(proposalIdOf(draftProposal('goodwill_credit', { orderId: ORDER })))
        .close();
      assertCheck(c, 'policy_followed', true, /^goodwill_credit proposed, confirmed at turn \d+, checked by the policy$/, escalated);
    });
  });

  describe('no_repeated_question', () => {
    it('when the customer had to ask for the cancellation again, then it fails and names the turns', () => {
      const c = conversation()
        .customer(`can you cancel order ${ORDER}`)
        .reply('cancel_order')
        .bot('I can help you cancel an order. First, what is the e-mail address on your account?')
        .customer(`can you cancel order ${ORDER} please`)
        .step('cancel_order:email')
        .bot('To find your order I need the e-mail address on your account.')
        .customer('tomas.lindqvist4161@example.com')
        .step('cancel_order:email')
        .bot(`Thanks, Tomas. Why would you like to cancel order ${ORDER}?`)
        .customer('I ordered it by mistake')
        .step('cancel_order:reason')
        .bot(PROPOSAL_TEXT)
        .customer('yes')
        .step('cancel_order:confirmation');
      const { byId, failing } = score(cancelled(c).close());
      assert.deepEqual(failing, ['no_repeated_question']);
      assert.equal(byId('no_repeated_question').detail, 'the customer wrote nearly the same message at turns 1 and 3');
    });

    it('when the same request comes back after the first got nowhere, then it fails and names the intent', () => {
      const c = conversation()
        .customer('where is my order')
        .reply('track_order')
        .bot('I can help you track an order. First, what is the e-mail address on your account?')
        .customer('forget it')
        .step('track_order:dropped')
        .bot('All right, I have left that. What else can I do for you?')
        .customer('ok so when does my parcel come')
        .reply('track_order', 'model')
        .bot('I can help you track an order. First, what is the e-mail address on your account?')
        .close();
      assertCheck(c, 'no_repeated_question', false, /^track_order asked again at turn 5 \(first at turn 1\) with no step forward/, { outcome: 'abandoned', reason: 'no answer', issues: [] });
    });

    it('when one address answers two requests, or the customer says yes twice, then nothing was asked twice', () => {
      const address = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';
      const c = conversation()
        .customer('change the address of my order')
        .reply('change_shipping_address')
        .bot('What is the new address? Please write it on one line.')
        .customer(address)
        .step('change_shipping_address:address')
        .bot('Ship order #W2651773 to 742 Evergreen Terrace. Shall I go ahead?')
        .customer('yes')
        .step('change_shipping_address:confirmation')
        .bot('Done: order #W2651773 now ships to 742 Evergreen Terrace.')
        .customer('and make it my default address too')
        .reply('update_default_address')
        .bot('What is the new address? Please write it on one line.')
        .customer(address)
        .step('update_default_address:address')
        .bot('Make 742 Evergreen Terrace your default address. Shall I go ahead?')
        .customer('yes')
        .step('update_default_address:confirmation')
        .close();
      assertCheck(c, 'no_repeated_question', true, /did not have to ask anything twice/);
    });

    it('when another order is cancelled after the first, then the second cancellation is not a repeat', () => {
      const c = cancelled(upToProposal(conversation()).customer('yes').step('cancel_order:confirmation'))
        .customer('now cancel #W4817420 too')
        .reply('cancel_order')
        .bot('Why would you like to cancel order #W4817420?')
        .close();
      assertCheck(c, 'no_repeated_question', true, /did not have to ask anything twice/);
    });
  });

  describe('no_bot_repetition', () => {
    const itemsQuestion = 'Please choose one of the items from that order:';
    const returnStart = () =>
      conversation()
        .customer('I want to return my boots')
        .reply('return_items')
        .bot('I can help you return items. First, what is the e-mail address on your account?')
        .customer('tomas.lindqvist4161@example.com')
        .step('return_items:email')
        .bot('Which items of order #W5000001 would you like to return?');

    it('when the bot says the same thing three times, then it fails and names the turns', () => {
      const c = returnStart()
        .customer('the brown ones').step('return_items:items').bot(itemsQuestion)
        .customer('the leather ones!').step('return_items:items').bot(itemsQuestion)
        .customer('BOOTS').step('return_items:items').bot(itemsQuestion)
        .close();
      assertCheck(c, 'no_bot_repetition', false, /^the bot sent the same reply 3 times \(in a row\), at turns 6, 8 and 10$/, escalated);
    });

    it('when the bot says the same thing twice in a row, then it fails', () => {
      const c = returnStart().customer('the brown ones').step('return_items:items').bot(itemsQuestion).customer('the leather ones').step('return_items:items').bot(itemsQuestion).close();
      assertCheck(c, 'no_bot_repetition', false, /^the bot sent the same reply 2 times \(in a row\), at turns 6 and 8$/, escalated);
    });

    it('when the same words come twice with other replies between, then it passes', () => {
      const c = conversation()
        .customer('stop the newsletter').reply('newsletter_subscription').bot('Anything else I can do?')
        .customer('what are your delivery options').reply('delivery_options').step('help_centre:answered').bot('We ship standard and express.')
        .customer('and payment methods').reply('check_payment_methods').step('help_centre:answered').bot('Anything else I can do?')
        .close();
      assertCheck(c, 'no_bot_repetition', true, /did not repeat a reply/, { outcome: 'contained', reason: 'answered', issues: [] });
    });

    it('when the customer keeps writing while waiting for a colleague, then the waiting replies do not count', () => {
      const c = conversation().customer('I want to talk to a human').reply('contact_human_agent').handOver([{ code: 'explicit_request', detail: 'the customer asked for a person' }]).bot(`Of course. ${WAITING}`);
      c.wait(2).customer('hello?').bot(STILL_WAITING).wait(2).customer('anyone there?').bot(STILL_WAITING).wait(2).customer('hellooo').bot(STILL_WAITING);
      c.wait(1).agentCommand('claim', 'ana').agent('Hi, I am Ana. How can I help?').agentCommand('resolve', 'ana', 'answered').close();
      assertCheck(c, 'no_bot_repetition', true, /did not repeat a reply/, escalated);
    });
  });

  describe('frustration_handled', () => {
    const tracking = () =>
      conversation()
        .customer('where is my order #W2651773')
        .reply('track_order')
        .bot('I can help you track an order. First, what is the e-mail address on your account?');

    it('when profanity is aimed at the bot and the bot hands over at once, then it passes', () => {
      const c = tracking()
        .customer('this fucking bot is useless')
        .reply('oos', 'none')
        .handOver([
          { code: 'profanity', detail: 'profanity aimed at the bot or the company: fucking' },
          { code: 'insult', detail: 'insult aimed at the bot or the company: useless' },
        ])
        .bot(`I am sorry this has been frustrating. I am bringing in a colleague who can help. ${WAITING}`)
        .close();
      assertCheck(c, 'frustration_handled', true, /^profanity, insult at turn 3, handed over at once$/, escalated);
    });

    it('when loose profanity is followed by a handoff one customer turn later, then it passes and says how late', () => {
      const c = tracking()
        .customer('damn, this is shit')
        .signal('profanity', 'profanity, not aimed at anyone: damn, shit')
        .step('track_order:email')
        .bot('To find your order I need the e-mail address on your account.')
        .customer('you are useless')
        .reply('complaint', 'model')
        .handOver([{ code: 'insult', detail: 'insult aimed at the bot or the company: useless' }])
        .bot(`I am sorry this has been frustrating. I am bringing in a colleague who can help. ${WAITING}`)
        .close();
      assertCheck(c, 'frustration_handled', true, /^insult at turn 5, handed over at once; profanity at turn 3, handed over at turn 5 \(1 customer turn later\)$/, escalated);
    });

    it('when the handoff comes two customer turns after the profanity, then it fails', () => {
      const c = tracking()
        .customer('damn, this is shit')
        .signal('profanity', 'profanity, not aimed at anyone: damn, shit')
        .step('track_order:email')
        .bot('To find your order I need the e-mail address on your account.')
        .customer('tomas@example')
        .step('track_order:email')
        .bot('That does not look like an e-mail address. Could you write it again?')
        .customer('I WANT A HUMAN NOW')
        .signal('capitals', 'I WANT A HUMAN NOW')
        .reply('contact_human_agent')
        .handOver([{ code: 'explicit_request', detail: 'the customer asked for a person' }])
        .bot(`Of course, I will bring in a colleague. ${WAITING}`)
        .close();
      assertCheck(c, 'frustration_handled', false, /^profanity at turn 3, handed over at turn 7 \(2 customer turns later\); also seen: capitals \(turn 7\)$/, escalated);
    });

    it('when a complaint is never handed over, then it fails', () => {
      const c = upToProposal(conversation(), `cancel ${ORDER}, your delivery times are a disgrace`).customer('yes').step('cancel_order:confirmation');
      c.state.frustrationSignals = [{ code: 'complaint', seq: 1, detail: 'the customer complains' }];
      assertCheck(cancelled(c).close(), 'frustration_handled', false, /^complaint at turn 1, never handed over$/);
    });

    it('when only weak signs were seen, then it passes and lists them', () => {
      const c = upToProposal(conversation(), `Cancel ${ORDER} NOW!!!`)
        .customer('yes')
        .step('cancel_order:confirmation');
      c.state.frustrationSignals = [
        { code: 'capitals', seq: 1, detail: 'NOW' },
        { code: 'exclamations', seq: 1, detail: '3 exclamation marks' },
      ];
      assertCheck(cancelled(c).close(), 'frustration_handled', true, /^also seen: capitals \(turn 1\), exclamations \(turn 1\)$/);
    });
  });

  describe('turns_and_time', () => {
    it('when more than twelve customer turns were needed, then it fails with the count', () => {
      const c = conversation().customer('hi').reply('greeting').bot('Hello! How can I help?');
      for (let i = 0; i < MAX_CUSTOMER_TURNS; i++) c.customer(`question number ${i + 1} about delivery`).reply('delivery_period').step('help_centre:answered').bot(`Answer ${i + 1}.`);
      assertCheck(c.close(), 'turns_and_time', false, /^13 customer turns \(more than 12\); resolved/, { candidate: 'verified', reason: 'answered', issues: ['delivery_period'], resolvedAt: c.now() });
    });

    it('when the resolution came after more than thirty minutes, then it fails with the time', () => {
      const c = upToProposal(conversation()).wait(45).customer('yes').step('cancel_order:confirmation');
      assertCheck(cancelled(c).close(), 'turns_and_time', false, /^4 customer turns; resolved 46 min after the first message \(more than 30 min\)$/);
    });

    it('when it was never resolved, then it says how long it stayed open and passes on time', () => {
      const c = upToProposal(conversation()).close();
      assertCheck(c, 'turns_and_time', true, /^3 customer turns; not resolved, closed 31 min after the first message$/, { outcome: 'abandoned', reason: 'no answer', issues: [] });
    });

    it('when a person resolved it, then the time runs to their resolution', () => {
      const c = conversation().customer('I want to talk to a human').reply('contact_human_agent').handOver([{ code: 'explicit_request', detail: 'the customer asked for a person' }]).bot(`Of course. ${WAITING}`);
      c.wait(70).agentCommand('claim', 'ana').agent('Hi, I am Ana.').wait(10).agentCommand('resolve', 'ana', 'explained the warranty').close();
      assertCheck(c, 'turns_and_time', false, /^1 customer turn; resolved 1 h 20 min after the first message \(more than 30 min\)$/, escalated);
    });
  });

  describe('person_needed', () => {
    it('when the bot handed over after two unclear turns, then it fails and says why', () => {
      const c = conversation()
        .customer('the thing with the stuff from before')
        .reply('oos', 'none')
        .bot('Sorry, I did not quite get that. Is it about tracking an order, cancelling or changing an order, a return or exchange, or a refund?')
        .customer('you know, the blue one')
        .reply('oos', 'none')
        .handOver([{ code: 'unsure_twice', detail: '2 unclear messages in a row' }])
        .bot(`I do not seem to be getting this right, so I am bringing in a colleague. ${WAITING}`);
      c.wait(4).agentCommand('claim', 'ana').agent('Hi, I am Ana.').agentCommand('resolve', 'ana', 'found the order').close();
      const { byId, failing } = score(c, escalated);
      assert.deepEqual(failing, ['resolved_verified', 'person_needed']);
      assert.equal(byId('person_needed').detail, 'a person was needed because the bot did not understand: at turn 3 for unsure_twice (the bot could not tell what the customer wanted, twice)');
    });

    it('when the customer asked for a person, then it passes with the reason', () => {
      const c = conversation().customer('I want to talk to a human').reply('contact_human_agent').handOver([{ code: 'explicit_request', detail: 'the customer asked for a person' }]).bot(`Of course. ${WAITING}`).close();
      assertCheck(c, 'person_needed', true, /^a person was needed: at turn 1 for explicit_request \(the customer asked for a person\)$/, escalated);
    });

    it('when a legal threat came after a return to the bot and a loop, then each handoff is listed and the loop fails it', () => {
      const c = conversation().customer('I will sue you').reply('complaint', 'model').handOver([{ code: 'legal_threat', detail: 'a threat of legal action: sue' }]).bot(`I understand. ${WAITING}`);
      c.state.handoff!.outcome = { kind: 'returned_to_bot', by: 'ana', at: c.wait(5).now() };
      c.state.status = 'open';
      c.system('You are back with the assistant. What else can I do for you?')
        .customer('refund').reply('get_refund').bot('Which order is it about?')
        .customer('refund').reply('get_refund').bot('Which order is it about?')
        .customer('refund!').reply('get_refund')
        .handOver([{ code: 'intent_loop', detail: 'get_refund 3 times with no step forward' }])
        .bot(`I do not seem to be getting this right, so I am bringing in a colleague. ${WAITING}`)
        .close();
      assertCheck(c, 'person_needed', false, /^a person was needed because the bot did not understand: at turn 1 for legal_threat \(a threat of legal action\); at turn 8 for intent_loop \(the same request going nowhere\)$/, escalated);
    });

    it('when a recognised payment problem is handed over, then the bot did understand and it passes', () => {
      const c = conversation()
        .customer('I was charged twice for my order')
        .reply('payment_issue')
        .handOver([{ code: 'unsure_twice', detail: 'a payment problem needs the payment records checked' }])
        .bot(`I am sorry about the trouble with your payment. A colleague who can check the payment records will look into it. ${WAITING}`)
        .close();
      assertCheck(c, 'person_needed', true, /^a person was needed: at turn 1 for payment_issue \(a payment problem needs the payment records checked\)$/, escalated);
    });

    it('when nobody was handed the conversation but a supervisor approved a refund, then it passes and says so', () => {
      const c = upToProposal(conversation()).customer('yes').step('cancel_order:confirmation');
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: `asked a supervisor to approve ${PROPOSAL}: over the limit` }).wait(3);
      (c.state.agentActions ??= []).push({ at: c.now(), by: 'sam', role: 'supervisor', action: 'approve' });
      c.decide({ seq: c.state.nextSeq - 1, kind: 'approval', reason: 'approved by supervisor sam' });
      assertCheck(cancelled(c).close(), 'person_needed', true, /^no person was needed; a supervisor decided 1 approval$/);
    });
  });
});
