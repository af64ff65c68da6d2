/** The conversation's vocabulary, shared by the workflow, the activities, the API and the tests. */

export const CONVERSATION_STATUSES = ['open', 'awaiting_agent', 'with_agent', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CHANNELS = ['chat', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Speaker = 'customer' | 'bot' | 'agent' | 'system';

export interface Turn {
  /** 1-based across the whole conversation, continue-as-new included. */
  seq: number;
  from: Speaker;
  text: string;
  /** Workflow time, ISO 8601. */
  at: string;
}

/** Who decided what, and how sure it was: what auditors and analytics read. */
export interface Decision {
  seq: number;
  kind: 'reply' | 'dialogue' | 'handoff_requested' | 'closed' | 'continued_as_new';
  intent?: string;
  tier?: 'keyword' | 'model' | 'llm' | 'none';
  confidence?: number;
  rule?: string;
  reason?: string;
  latencyMicros?: number;
  at: string;
}

export type Awaiting =
  | 'email'
  | 'name_zip'
  | 'order_id'
  | 'items'
  | 'new_items'
  | 'address'
  | 'payment_method'
  | 'reason'
  | 'confirmation';

export interface ReplyOption {
  id: string;
  label: string;
}

export interface ActionReport {
  name: string;
  status: 'proposed' | 'executed' | 'denied' | 'compensated';
  detail?: string;
}

/** The body of `POST /v1/conversations/:id/messages` (design.md). */
export interface MessageResult {
  replies: { text: string }[];
  status: ConversationStatus;
  awaiting?: Awaiting;
  options?: ReplyOption[];
  intent?: string;
  actions?: ActionReport[];
}

export interface CustomerHint {
  email?: string;
  name?: string;
}

/** What survives continue-as-new: bounded so a long conversation never nears the 2 MB payload cap. */
export interface CarriedState {
  status: ConversationStatus;
  transcript: Turn[];
  decisions: Decision[];
  /** A short account of turns dropped from `transcript`, if any. */
  earlierSummary?: string;
  nextSeq: number;
  runs: number;
  startedAt: string;
  /** Customer turns in a row whose intent nobody could tell. */
  unsureStreak?: number;
  /** The customer verified in this conversation (by e-mail); nothing account-specific happens before. */
  identity?: { customerId: string; firstName: string };
  /** The action being collected, proposed and confirmed, if any. */
  flow?: OrderFlow;
  actions?: ActionReport[];
  /** Proposals already carried out: their confirmations are spent. */
  completedProposalIds?: string[];
  /** Returns whose refund waits for the parcel: a promise the conversation keeps when it arrives. */
  pendingReturns?: PendingReturn[];
  /** Goodwill credits a person offered, waiting to be put to the customer. */
  goodwillOffers?: GoodwillOffer[];
}

export interface GoodwillOffer {
  orderId: string;
  amountCents: number;
  paymentMethodId: string;
  reason: string;
  by: string;
  role: 'agent' | 'supervisor';
}

export interface PendingReturn {
  orderId: string;
  proposalId: string;
  itemIds: string[];
  refunds: { paymentMethodId: string; amountCents: number; source: 'credit_card' | 'paypal' | 'gift_card' }[];
  received: boolean;
  /** A return refunds the items; an exchange refunds a cheaper new item's difference. */
  purpose?: 'return' | 'price_difference';
}

export type OrderFlowKind =
  | 'cancel_order'
  | 'track_order'
  | 'track_refund'
  | 'return_items'
  | 'modify_items'
  | 'exchange_items'
  | 'change_shipping_address'
  | 'update_default_address'
  | 'goodwill_credit';

/**
 * A request about one of the customer's orders, step by step: who you are → which order → (to
 * cancel: why → yes/no). Tracking ends once the order is chosen.
 */
export interface OrderFlow {
  kind: OrderFlowKind;
  step: 'email' | 'order_id' | 'reason' | 'items' | 'new_items' | 'payment_method' | 'address' | 'confirmation';
  address?: { address1: string; address2: string; city: string; state: string; zip: string; country: string };
  itemIds?: string[];
  newItemIds?: string[];
  amountCents?: number;
  /** Approvals a person gave this flow's proposal (an offer made by a supervisor carries theirs). */
  approvals?: { proposalId: string; role: 'agent' | 'supervisor'; by: string }[];
  paymentMethodId?: string;
  options?: ReplyOption[];
  orderId?: string;
  reason?: string;
  proposalId?: string;
}

export interface ConversationInput {
  conversationId: string;
  channel: Channel;
  customer?: CustomerHint;
  idleTimeoutMs: number;
  /** Whether the LLM tier may be asked (ANTHROPIC_API_KEY set); decided at start, so replay never depends on env. */
  llmEnabled?: boolean;
  /** Test hook: continue-as-new after this many turns in one run, as if Temporal had suggested it. */
  continueAsNewAfterTurns?: number;
  carried?: CarriedState;
}

export interface ConversationView {
  conversationId: string;
  channel: Channel;
  status: ConversationStatus;
  transcript: Turn[];
  earlierSummary?: string;
  decisions: Decision[];
  intents: { seq: number; intent: string; tier: string; confidence: number }[];
  actions: ActionReport[];
  handoff: null;
  runs: number;
  startedAt: string;
}

export function workflowIdFor(conversationId: string): string {
  return `conversation-${conversationId}`;
}
