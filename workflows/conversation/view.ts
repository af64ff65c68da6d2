import type { CarriedState, ConversationInput, ConversationView } from '../../domain/conversation';
import { intentsOf } from '../../domain/transcript-compaction';
import { assuranceOf } from '../../domain/identity-assurance';
import { languageOf } from './speaking';

/** The conversation as the API, agents and auditors read it (the state Query and the final result). */
export function stateViewOf(input: ConversationInput, state: CarriedState): ConversationView {
  const intents = intentsOf(state.decisions);
  const pending = state.pendingApproval;
  return {
    conversationId: input.conversationId,
    channel: input.channel,
    currentChannel: state.currentChannel ?? input.channel,
    language: languageOf(state),
    status: state.status,
    transcript: state.transcript,
    earlierSummary: state.earlierSummary,
    decisions: state.decisions,
    intents,
    actions: state.actions ?? [],
    handoff: state.handoff
      ? {
          ...state.handoff,
          status: state.status,
          customer: {
            verified: assuranceOf(state.identity) === 'verified',
            ...(state.identity ? { assurance: assuranceOf(state.identity), customerId: state.identity.customerId, firstName: state.identity.firstName } : {}),
            ...(input.customer ? { hint: input.customer } : {}),
          },
          intents,
          attemptedActions: state.actions ?? [],
          transcript: state.transcript,
          injectionFlags: state.decisions.flatMap((d) => (d.kind === 'injection_flagged' ? [{ seq: d.seq, probability: d.confidence }] : [])),
        }
      : null,
    agentActions: state.agentActions ?? [],
    ...(pending ? { pendingApproval: { proposalId: pending.proposalId, reason: pending.reason, detail: pending.detail, requestedAt: pending.requestedAt, ...(pending.dueAt ? { dueAt: pending.dueAt } : {}) } } : {}),
    // Only while the bot is the one waiting: once a person has it, the last question no longer stands.
    ...(state.waitingFor && (state.status === 'open' || state.status === 'resolved') ? state.waitingFor : {}),
    ...(state.csat ? { csat: state.csat } : {}),
    runs: state.runs,
    startedAt: state.startedAt,
  };
}
