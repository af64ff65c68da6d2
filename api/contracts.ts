/**
 * The bodies of the agent desk's HTTP answers that no other module types: the routes build them and
 * the web pages read them (through JSDoc), so both are checked against the same shapes.
 */
import type { Principal } from '../auth/roles';
import type { AuditConversationRow } from '../db/repositories/audit-search';
import type { AgentCommandResult, Channel, ConversationStatus, ConversationView, MessageResult, NoticeKind, Priority } from '../domain/conversation';
import type { LanguageWarning } from '../domain/handoff/language-routing';
import type { OperationsSummary as Summary } from '../domain/outcomes/summary';
import type { Outcome, ScorecardCheck } from '../domain/outcomes/types';
import type { LedgerStatus, RefundGroup } from '../domain/reconciliation';
import type { RefundPurpose } from '../domain/refunds';

/** `GET /v1/me`: who the token belongs to. */
/** `id` is what conversations record for this person (owner, replies, approvals); `name` is for display. */
export type Me = Pick<Principal, 'name' | 'role' | 'languages'> & { id: string };

/** `POST /v1/conversations`: the new conversation and a token that reaches it alone. */
export interface CreatedConversation {
  conversationId: string;
  token: string;
  /** The answer to a first message sent with the start: the turn's reply, or its receipt when it could not finish in time. */
  reply?: MessageResult | AcceptedMessage;
}

/**
 * `GET /v1/conversations/:id`: the conversation's own view, with its outcome from the operators'
 * projection (which alone knows of a come-back in another conversation, or a window that has passed).
 */
export type ConversationReadout = ConversationView & {
  /** Present once known: escalated at once, verified when the resolution window has passed, contained or abandoned at close. */
  outcome?: Outcome;
  resolution?: { reason: string; resolvedAt: string | null; verifiedAfter: string | null; pending: boolean };
};

/** `POST /v1/conversations/:id/messages` answered 202: the turn could not finish within TURN_TIMEOUT_SECONDS; its reply comes into the conversation later. */
export interface AcceptedMessage {
  accepted: true;
  messageId: string;
}

/** One entry of `GET /v1/agent/queue`. */
export interface QueueItem {
  conversationId: string;
  status: Extract<ConversationStatus, 'awaiting_agent' | 'with_agent'>;
  priority: Priority;
  /** The escalation reasons, in words. */
  reasons: string;
  summary: string;
  customerName: string | null;
  claimedBy: string | null;
  requestedAt: string;
  slaDueAt: string | null;
  /** The customer's language (BCP 47), and its English name. */
  language: string;
  languageName: string;
}

/** One entry of `GET /v1/approvals`: a proposal over the automatic limit. */
export interface ApprovalRequest {
  approvalId: string;
  proposalId: string;
  conversationId: string;
  /** Who may decide it. */
  role: 'agent' | 'supervisor';
  action: string;
  detail: string;
  reason: string;
  requestedAt: string;
}

/** One entry of `GET /v1/agent/notifications` (supervisors only). */
export interface StaffNotification {
  id: number;
  kind: string;
  conversationId: string | null;
  text: string;
  at: string;
}

/** What an agent command (claim, reply, resolve, return to bot) answers. */
export type CommandResult = AgentCommandResult;

/** `POST /v1/conversations/:id/claim`: the command's result, and a warning when the claimer does not list the customer's language. */
export type ClaimResult = CommandResult & { warning?: LanguageWarning };

/** One entry of `GET /v1/refunds` (supervisors and auditors): a refund saga's ledger entry. */
export interface RefundRow {
  sagaId: string;
  orderId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  purpose: RefundPurpose;
  /** pending (reserved), owed, failed (released or reversed), paid (refunded or recorded). */
  status: RefundGroup;
  /** The ledger's own status, for auditors. */
  ledgerStatus: LedgerStatus;
  providerRefundId: string | null;
  /** Why the provider did not pay (owed refunds). */
  failureReason: string | null;
  /** How often the provider was asked. */
  attempts: number;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/refunds`: one page, newest first; `next` is the `before` of the following page. */
export interface RefundPage {
  refunds: RefundRow[];
  next: string | null;
}

/** One review a customer left in a conversation (`GET /v1/reviews`, agents, supervisors, auditors). */
export interface ReviewRow {
  id: number;
  customerId: string;
  orderId: string;
  itemId: string;
  productId: string;
  productName: string;
  rating: number;
  text: string;
  conversationId: string | null;
  createdAt: string;
}

/** `GET /v1/reviews?customerId=&productId=&limit=`: newest first. */
export interface ReviewPage {
  reviews: ReviewRow[];
}

/** One closed conversation's quality scorecard (`GET /v1/quality/scorecards`, supervisors and auditors). */
export interface ScorecardRow {
  conversationId: string;
  closedAt: string;
  /** True when every check passed. */
  passed: boolean;
  /** The ids of the checks that failed, in the scorecard's order. */
  failing: string[];
  checks: ScorecardCheck[];
}

/** `GET /v1/quality/scorecards?failing=true&limit=`: the most recently closed first. */
export interface ScorecardPage {
  scorecards: ScorecardRow[];
}

/** `GET /v1/operations/summary?days=N` (supervisors and auditors): figures from recorded conversations, per UTC day and in total. */
export type OperationsSummary = Summary;

/** One conversation an auditor found (`GET /v1/audit/conversations`, auditors and supervisors). */
export type { AuditConversationRow };

export interface AuditConversationPage {
  conversations: AuditConversationRow[];
}

/** `GET /v1/audit/conversations/:id/timeline`: the record's entries in order (the same as `audit timeline --json`). */
export interface AuditTimeline {
  conversationId: string;
  workflowId: string;
  runs: { workflowId: string; runId: string; workflowType: string }[];
  outcome: { outcome: Outcome | null; reason: string; closedAt: string | null } | null;
  entries: { kind: string; at: string; eventId: number; runId: string; workflowId: string; summary: string }[];
}

/** `GET /v1/conversations/:id/deliveries`: the conversation's later messages; `currentChannel` only while there are none yet (the view has it otherwise). */
export interface NoticeDeliveries {
  conversationId: string;
  currentChannel?: Channel;
  deliveries: NoticeDelivery[];
}

/** One later message of the conversation in the outbox, where it went and how its delivery went. */
export interface NoticeDelivery {
  idempotencyKey: string;
  kind: NoticeKind | null;
  /** The transcript turn it is, when the conversation wrote it (a refund receipt from a saga has none until the chat shows it). */
  seq: number | null;
  channel: Channel | null;
  status: 'queued' | 'sent' | 'failed';
  failureReason: string | null;
  attempts: number;
  text: string;
  queuedAt: string;
  sentAt: string | null;
}
