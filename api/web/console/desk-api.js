// @ts-check
// The calls the console makes, one function each, typed by what the API answers.
import { callApi } from '../shared/api-client.js';

/** @typedef {import('../shared/api-types.js').Me} Me */
/** @typedef {import('../shared/api-types.js').QueueItem} QueueItem */
/** @typedef {import('../shared/api-types.js').ApprovalRequest} ApprovalRequest */
/** @typedef {import('../shared/api-types.js').StaffNotification} StaffNotification */
/** @typedef {import('../shared/api-types.js').CommandResult} CommandResult */
/** @typedef {import('../shared/api-types.js').ClaimResult} ClaimResult */
/** @typedef {import('../shared/api-types.js').NoticeDeliveries} NoticeDeliveries */
/** @typedef {import('../shared/api-types.js').RefundPage} RefundPage */
/** @typedef {import('../shared/api-types.js').ReviewRow} ReviewRow */
/** @typedef {import('../shared/api-types.js').OperationsSummary} OperationsSummary */
/** @typedef {import('../shared/api-types.js').ScorecardPage} ScorecardPage */
/** @typedef {import('../shared/api-types.js').ConversationReadout} ConversationReadout */
/** @typedef {import('../shared/api-types.js').AuditConversationPage} AuditConversationPage */
/** @typedef {import('../shared/api-types.js').AuditTimeline} AuditTimeline */

/**
 * The commands on a conversation, by the path under /v1/conversations/:id/ that runs them.
 * @typedef {'claim' | 'agent-messages' | 'resolve' | 'return-to-bot'} CommandPath
 */

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string} token
 * @param {unknown} [body]
 */
const call = (method, path, token, body) => callApi(method, path, token, body, 'the API did not answer; is it running?');

/** @param {string} token */
export const whoAmI = async (token) => /** @type {Me} */ (await call('GET', '/v1/me', token));

/**
 * @param {string} token
 * @param {boolean} [mine] only the handoffs in the languages this person's token lists
 */
export const readQueue = async (token, mine = false) =>
  /** @type {{ queue: QueueItem[] }} */ (await call('GET', `/v1/agent/queue${mine ? '?languages=mine' : ''}`, token)).queue;

/**
 * @param {string} token
 * @param {string} conversationId
 */
export const readConversation = async (token, conversationId) =>
  /** @type {ConversationReadout} */ (await call('GET', `/v1/conversations/${encodeURIComponent(conversationId)}`, token));

/**
 * @param {string} token
 * @param {string} conversationId
 * @param {CommandPath} path
 * @param {object} body
 */
export const runCommand = async (token, conversationId, path, body) =>
  // A claim's result may carry a language warning; the other commands' never do.
  /** @type {ClaimResult} */ (await call('POST', `/v1/conversations/${encodeURIComponent(conversationId)}/${path}`, token, body));

/**
 * The conversation's later messages (agent replies, receipts): where each went and how its delivery went.
 * @param {string} token
 * @param {string} conversationId
 */
export const readDeliveries = async (token, conversationId) =>
  /** @type {NoticeDeliveries} */ (await call('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/deliveries`, token)).deliveries;

/** @param {string} token */
export const readApprovals = async (token) => /** @type {{ approvals: ApprovalRequest[] }} */ (await call('GET', '/v1/approvals', token)).approvals;

/**
 * @param {string} token
 * @param {string} approvalId
 * @param {{ decision: 'approve' | 'deny', reason?: string }} body
 */
export const decideApproval = async (token, approvalId, body) => {
  await call('POST', `/v1/approvals/${encodeURIComponent(approvalId)}`, token, body);
};

/** @param {string} token */
export const readNotifications = async (token) =>
  /** @type {{ notifications: StaffNotification[] }} */ (await call('GET', '/v1/agent/notifications', token)).notifications;

/**
 * The newest refunds, of one status or ('') of all.
 * @param {string} token
 * @param {string} status
 */
export const readRefunds = async (token, status) =>
  /** @type {RefundPage} */ (await call('GET', `/v1/refunds${status ? `?status=${encodeURIComponent(status)}` : ''}`, token)).refunds;

/**
 * The reviews a customer left, newest first.
 * @param {string} token
 * @param {string} customerId
 */
export const readReviews = async (token, customerId) =>
  /** @type {{ reviews: ReviewRow[] }} */ (await call('GET', `/v1/reviews?customerId=${encodeURIComponent(customerId)}`, token)).reviews;

/**
 * The operators' figures over the last `days` days (supervisors and auditors).
 * @param {string} token
 * @param {number} days
 */
export const readSummary = async (token, days) => /** @type {OperationsSummary} */ (await call('GET', `/v1/operations/summary?days=${encodeURIComponent(String(days))}`, token));

/**
 * The scorecards of closed conversations with a failing check, newest first (supervisors).
 * @param {string} token
 */
export const readFailingScorecards = async (token) =>
  /** @type {ScorecardPage} */ (await call('GET', '/v1/quality/scorecards?failing=true', token)).scorecards;

/**
 * The auditors' search; empty fields are left out.
 * @param {string} token
 * @param {{ customer?: string, order?: string, since?: string, until?: string }} search
 */
export const searchAudit = async (token, search) => {
  const query = new URLSearchParams(Object.entries(search).filter(([, value]) => value));
  return /** @type {AuditConversationPage} */ (await call('GET', `/v1/audit/conversations?${query}`, token)).conversations;
};

/**
 * @param {string} token
 * @param {string} conversationId
 */
export const readAuditTimeline = async (token, conversationId) =>
  /** @type {AuditTimeline} */ (await call('GET', `/v1/audit/conversations/${encodeURIComponent(conversationId)}/timeline`, token));
