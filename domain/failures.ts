/**
 * The failure types (Temporal `ApplicationFailure.type`) that cross a boundary: workflows and
 * activities raise them, workflows and the API gateway read them. One spelling for both sides.
 */
export const FAILURE = {
  /** A customer's or agent's message the conversation will not take (empty, too long, ...). */
  invalidMessage: 'InvalidMessage',
  /** The conversation's run is closed; the API answers 409 conversation_closed. */
  conversationClosed: 'ConversationClosed',
  /** A customer message whose turn an earlier run of the conversation already took (it came by Signal too); the API answers 202. */
  messageAlreadyHandled: 'MessageAlreadyHandled',
  /** A person's command that does not fit the handoff's state; its first detail is the refusal code. */
  agentCommandRefused: 'AgentCommandRefused',
  /** A refund saga gave up and undid its completed steps. */
  refundFailed: 'RefundFailed',
  /** The LLM answered with something unusable: retrying the same prompt does not help. */
  llmMalformedOutput: 'LlmMalformedOutput',
  /** No LLM is configured on this worker. */
  llmNotConfigured: 'LlmNotConfigured',
} as const;

export type FailureType = (typeof FAILURE)[keyof typeof FAILURE];
