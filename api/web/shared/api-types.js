// @ts-check
// The agent desk's answer bodies, as api/contracts.ts types them for the routes that build them.
// Types only; the pages never load this file.

/** @typedef {import('../../contracts').Me} Me */
/** @typedef {import('../../contracts').CreatedConversation} CreatedConversation */
/** @typedef {import('../../contracts').ConversationReadout} ConversationReadout */
/** @typedef {import('../../contracts').AcceptedMessage} AcceptedMessage */
/** @typedef {import('../../contracts').QueueItem} QueueItem */
/** @typedef {import('../../contracts').ApprovalRequest} ApprovalRequest */
/** @typedef {import('../../contracts').StaffNotification} StaffNotification */
/** @typedef {import('../../contracts').CommandResult} CommandResult */
/** @typedef {import('../../contracts').ClaimResult} ClaimResult */
/** @typedef {import('../../contracts').NoticeDeliveries} NoticeDeliveries */
/** @typedef {import('../../contracts').NoticeDelivery} NoticeDelivery */
/** @typedef {import('../../contracts').RefundRow} RefundRow */
/** @typedef {import('../../contracts').RefundPage} RefundPage */
/** @typedef {import('../../contracts').ReviewRow} ReviewRow */
/** @typedef {import('../../contracts').OperationsSummary} OperationsSummary */
/** @typedef {import('../../contracts').ScorecardRow} ScorecardRow */
/** @typedef {import('../../contracts').ScorecardPage} ScorecardPage */
/** @typedef {import('../../contracts').AuditConversationRow} AuditConversationRow */
/** @typedef {import('../../contracts').AuditConversationPage} AuditConversationPage */
/** @typedef {import('../../contracts').AuditTimeline} AuditTimeline */

export {};
