// @ts-check
// The bodies of the API calls the pages make that have no TypeScript type of their own: the
// agent desk's rows, as api/routes/agent-desk.ts, me.ts and conversations.ts answer them. Types only;
// the pages never load this file.

/** @typedef {import('../../../domain/conversation').ConversationStatus} ConversationStatus */
/** @typedef {import('../../../domain/conversation').Priority} Priority */

/**
 * `GET /v1/me`: who the token belongs to.
 * @typedef {Pick<import('../../../auth/roles').Principal, 'name' | 'role'>} Me
 */

/**
 * `POST /v1/conversations`: the new conversation and a token that reaches it alone.
 * @typedef {object} CreatedConversation
 * @property {string} conversationId
 * @property {string} token
 */

/**
 * One entry of `GET /v1/agent/queue`.
 * @typedef {object} QueueItem
 * @property {string} conversationId
 * @property {'awaiting_agent' | 'with_agent'} status
 * @property {Priority} priority
 * @property {string} reasons the escalation reasons, in words
 * @property {string} summary
 * @property {string | null} customerName
 * @property {string | null} claimedBy
 * @property {string} requestedAt
 * @property {string | null} slaDueAt
 */

/**
 * One entry of `GET /v1/approvals`: a proposal over the automatic limit.
 * @typedef {object} ApprovalRequest
 * @property {string} approvalId
 * @property {string} proposalId
 * @property {string} conversationId
 * @property {'agent' | 'supervisor'} role who may decide it
 * @property {string} action
 * @property {string} detail
 * @property {string} reason
 * @property {string} requestedAt
 */

/**
 * One entry of `GET /v1/agent/notifications` (supervisors only).
 * @typedef {object} StaffNotification
 * @property {number} id
 * @property {string} kind
 * @property {string | null} conversationId
 * @property {string} text
 * @property {string} at
 */

/**
 * What an agent command (claim, reply, resolve, return to bot) answers.
 * @typedef {object} CommandResult
 * @property {ConversationStatus} status
 * @property {string} [owner]
 */

export {};
