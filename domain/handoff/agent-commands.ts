import type { AgentCommand, ConversationStatus, HandoffState } from '../conversation';

export interface Refusal {
  code: 'not_waiting' | 'already_claimed' | 'not_claimed' | 'not_owner';
  message: string;
}

/**
 * Whether a person's command fits the conversation now. One owner at a time: only the agent who
 * claimed it may reply, resolve or return it; a supervisor may take it over explicitly.
 */
export function whyAgentCommandIsRefused(status: ConversationStatus, handoff: HandoffState | undefined, command: AgentCommand): Refusal | undefined {
  const owner = handoff?.owner;
  if (command.action === 'claim') {
    if (status === 'awaiting_agent') return undefined;
    if (status !== 'with_agent' || !owner) return { code: 'not_waiting', message: `the conversation is ${status}, not waiting for an agent` };
    if (owner.agent === command.by) return undefined;
    if (command.takeOver && command.role === 'supervisor') return undefined;
    return { code: 'already_claimed', message: `${owner.agent} already owns this conversation${command.role === 'supervisor' ? '; take it over explicitly' : ''}` };
  }
  if (status !== 'with_agent' || !owner) {
    return { code: 'not_claimed', message: `the conversation is ${status}: claim it before you ${command.action.replace(/_/g, ' ')}` };
  }
  if (owner.agent !== command.by) return { code: 'not_owner', message: `${owner.agent} owns this conversation` };
  return undefined;
}
