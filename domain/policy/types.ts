/**
 * The policy engine's vocabulary: what is asked (ActionRequest), what is known (PolicyContext), what it
 * answers (PolicyDecision) and what the customer confirms (Proposal).
 *
 * Store records are the product's own entities (domain/store/entities.ts): camelCase, plain JSON, money in
 * integer cents. Everything the engine reads, computes or returns is integer cents.
 */
import type { Address, Customer, Order, Product } from '../store/entities';
import type { Wording } from './wording';

export const ACTION_KINDS = [
  'cancel_pending_order',
  'modify_pending_order_address',
  'modify_pending_order_items',
  'modify_pending_order_payment',
  'modify_user_address',
  'modify_user_account',
  'erase_user_account',
  'return_delivered_order_items',
  'exchange_delivered_order_items',
  'goodwill_credit',
  'transfer_to_human',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const APPROVER_ROLES = ['agent', 'supervisor'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export type { Address, Customer, Order, OrderItem, Payment, PaymentMethod, Product, Variant } from '../store/entities';

// ---------------------------------------------------------------------------------------------------------
// Requests

interface RequestBase {
  /**
   * Free text that came with the request (the customer's words, a model's rationale). Kept for the record;
   * no rule reads it, so nothing written here can widen what is allowed.
   */
  note?: string;
}

export interface CancelPendingOrder extends RequestBase {
  kind: 'cancel_pending_order';
  orderId: string;
  /** Must be exactly one of CANCEL_REASONS. */
  reason: string;
}

export interface ModifyPendingOrderAddress extends RequestBase {
  kind: 'modify_pending_order_address';
  orderId: string;
  address: Address;
}

export interface ModifyPendingOrderItems extends RequestBase {
  kind: 'modify_pending_order_items';
  orderId: string;
  /** Pairs with newItemIds by position. */
  itemIds: readonly string[];
  newItemIds: readonly string[];
  /** Pays, or receives, the price difference. */
  paymentMethodId: string;
}

export interface ModifyPendingOrderPayment extends RequestBase {
  kind: 'modify_pending_order_payment';
  orderId: string;
  paymentMethodId: string;
}

export interface ModifyUserAddress extends RequestBase {
  kind: 'modify_user_address';
  userId: string;
  address: Address;
}

/** The name or the e-mail address on the customer's own account (what is left out stays as it is). */
export interface ModifyUserAccount extends RequestBase {
  kind: 'modify_user_account';
  userId: string;
  name?: { firstName: string; lastName: string };
  email?: string;
}

/** Close the customer's own account: their personal data is erased after a grace period, their orders kept. */
export interface EraseUserAccount extends RequestBase {
  kind: 'erase_user_account';
  userId: string;
}

export interface ReturnDeliveredOrderItems extends RequestBase {
  kind: 'return_delivered_order_items';
  orderId: string;
  itemIds: readonly string[];
  /** Receives the refund: the original payment method or one of the customer's gift cards. */
  paymentMethodId: string;
}

export interface ExchangeDeliveredOrderItems extends RequestBase {
  kind: 'exchange_delivered_order_items';
  orderId: string;
  itemIds: readonly string[];
  newItemIds: readonly string[];
  paymentMethodId: string;
}

export interface GoodwillCredit extends RequestBase {
  kind: 'goodwill_credit';
  orderId: string;
  amountCents: number;
  /** Receives the credit: the original payment method or one of the customer's gift cards. */
  paymentMethodId: string;
  /** Why the credit is given; recorded in the proposal, never interpreted. */
  reason: string;
}

export interface TransferToHuman extends RequestBase {
  kind: 'transfer_to_human';
  summary: string;
}

export type ActionRequest =
  | CancelPendingOrder
  | ModifyPendingOrderAddress
  | ModifyPendingOrderItems
  | ModifyPendingOrderPayment
  | ModifyUserAddress
  | ModifyUserAccount
  | EraseUserAccount
  | ReturnDeliveredOrderItems
  | ExchangeDeliveredOrderItems
  | GoodwillCredit
  | TransferToHuman;

// ---------------------------------------------------------------------------------------------------------
// Store entities (camelCase, integer cents: domain/store/entities.ts)

/** What the store holds about this request, read just before evaluating. */
export interface StoreRecords {
  /** The authenticated customer (with their payment methods), when there is one. */
  customer: Customer | null;
  /** The order the request names, when it names one. */
  order: Order | null;
  /** The products of the order's items that are being changed (for their variants). */
  products: readonly Product[];
  /** For an e-mail change: the customer who holds the requested address now, null when nobody does. */
  emailHolderId?: string | null;
  /** For an account erasure: every order of the customer, with its status now. */
  customerOrders?: readonly { id: string; status: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Facts the conversation (or, in an activity, the ledger) knows

/** The customer's explicit "yes" to one proposal. */
export interface Confirmation {
  proposalId: string;
}

/** A human's approval of one proposal (from an authenticated agent or supervisor action, never from customer text). */
export interface Approval {
  proposalId: string;
  role: ApproverRole;
  /** Who approved, for the record. */
  by?: string;
}

export interface ConversationFacts {
  /** The customer authenticated in this conversation (email, or name + zip), or null. */
  customerId: string | null;
  /** The latest confirmation the customer gave, or null. */
  confirmation: Confirmation | null;
  approvals: readonly Approval[];
  /** Proposals already carried out: a confirmation of one of these is spent. */
  completedProposalIds: readonly string[];
}

/** What happened to the order before, beyond what its status says (defence in depth for one-time limits). */
export interface OrderHistoryFacts {
  itemsModified?: boolean;
  paymentModified?: boolean;
  returnOrExchangeRequested?: boolean;
  /** Goodwill already credited on this order, in cents. */
  goodwillCreditedCents?: number;
}

export interface PolicySettings {
  /** Refunds up to and including this many cents go through without a human; above it, approval is needed. */
  automaticRefundLimitCents: number;
  /** Roles whose approval lets an over-limit refund through; the first is the one asked. */
  refundApproverRoles: readonly ApproverRole[];
  /**
   * The reference's tool lets a `pending (item modified)` order's address change, although its policy text
   * says the order cannot be modified any more; true follows the tool.
   */
  addressChangeAfterItemModification: boolean;
}

export interface PolicyContext {
  facts: ConversationFacts;
  records: StoreRecords;
  /** Facts about the named order's history; absent means nothing beyond its record. */
  history?: OrderHistoryFacts;
  settings: PolicySettings;
}

// ---------------------------------------------------------------------------------------------------------
// Proposals and decisions

export interface ProposalItem {
  itemId: string;
  productId: string;
  name: string;
  priceCents: number;
  /** For a modification or exchange: the variant it becomes. */
  newItemId: string | null;
  newPriceCents: number | null;
}

export interface MoneyMovement {
  paymentMethodId: string;
  amountCents: number;
}

/** The concrete action a customer confirms. Every field is in its fingerprint, `proposalId`. */
export interface Proposal {
  proposalId: string;
  action: ActionKind;
  customerId: string | null;
  orderId: string | null;
  /** The order state the proposal was made against: when it changes, so does the proposal. */
  basis: { orderStatus: string; paymentEntries: number } | null;
  items: ProposalItem[];
  /** The cancel reason, the goodwill reason or the transfer summary. */
  reason: string | null;
  address: { from: Address; to: Address } | null;
  /** The payment method the customer chose (new method, or where money is paid from or to). */
  paymentMethodId: string | null;
  /** Money taken from the customer. */
  charges: MoneyMovement[];
  /** Money given back to the customer. */
  refunds: MoneyMovement[];
  /** For item changes: new prices minus old prices (positive: the customer pays). */
  priceDifferenceCents: number | null;
  /** The refund measured against the automatic limit (for goodwill, with earlier goodwill on the order). */
  refundTowardLimitCents: number;
  /** Set when a human must approve after the customer confirms. */
  approval: { role: ApproverRole; reason: string } | null;
  /** What the customer must be told before confirming (one-time limits). */
  notices: string[];
  /**
   * For an account change: the name and e-mail before and after. Absent on every other action, so
   * their fingerprints are what they were before account changes existed.
   */
  account?: { from: AccountDetails; to: AccountDetails };
}

export interface AccountDetails {
  firstName: string;
  lastName: string;
  email: string;
}

export type ProposalContent = Omit<Proposal, 'proposalId'>;

/** Stable names of the rules, for tests, audit records and metrics. */
export type RuleId =
  | 'request-shape'
  | 'settings'
  | 'authentication'
  | 'record-not-found'
  | 'customer-ownership'
  | 'order-ownership'
  | 'order-status'
  | 'items-modified-once'
  | 'payment-changed-once'
  | 'return-or-exchange-once'
  | 'cancel-reason'
  | 'address'
  | 'items-in-order'
  | 'item-count'
  | 'same-item'
  | 'same-product'
  | 'variant-available'
  | 'payment-method-ownership'
  | 'payment-method-unchanged'
  | 'refund-destination'
  | 'gift-card-balance'
  | 'goodwill-amount'
  | 'email'
  | 'email-taken'
  | 'account-unchanged'
  | 'orders-open'
  | 'already-done';

export type ConfirmationRule = 'confirmation-missing' | 'confirmation-stale' | 'confirmation-spent';

export interface Allow {
  outcome: 'allow';
  proposal: Proposal;
}

export interface Deny {
  outcome: 'deny';
  rule: RuleId;
  /** In English, for audit records, agents and tests. */
  reason: string;
  /** The same reason as catalogue templates, for the customer's language. */
  wording: Wording;
}

export interface NeedsConfirmation {
  outcome: 'needs_confirmation';
  rule: ConfirmationRule;
  reason: string;
  proposal: Proposal;
}

export interface NeedsApproval {
  outcome: 'needs_approval';
  role: ApproverRole;
  reason: string;
  proposal: Proposal;
}

export type PolicyDecision = Allow | Deny | NeedsConfirmation | NeedsApproval;
