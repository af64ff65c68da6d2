/** The conversation's vocabulary, shared by the workflow, the activities, the API and the tests. */
import type { ConversationLanguage } from './language/conversation-language';
import type { RefundProgressKind } from './refunds';
import type { FrustrationSignalCode, HandoffReasonCode } from './escalation/codes';
import type { ActionRequest, Proposal } from './policy';
import type { IdentityAssurance, KnownCustomer } from './identity-assurance';


export const CONVERSATION_STATUSES = ['open', 'awaiting_agent', 'with_agent', 'resolved', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CHANNELS = ['chat', 'email', 'voice', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a later message for the customer is (one the outbox delivers): how a channel may render it. */
export const NOTICE_KINDS = ['refund', 'late_reply', 'agent_reply', 'follow_up', 'sla_apology', 'goodwill_offer', 'bot_message', 'password_reset', 'account_change', 'invoice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Speaker = 'customer' | 'bot' | 'agent' | 'system';

export interface Turn {
  /** 1-based across the whole conversation, continue-as-new included. */
  seq: number;
  from: Speaker;
  text: string;
  /** Workflow time, ISO 8601. */
  at: string;
  /** The channel it came in on (a customer's) or went out on (everyone else's); absent on turns from before channels were recorded. */
  channel?: Channel;
  /** A bot turn in another language than English: the same reply from the English templates, for the agent beside it. */
  english?: string;
}

/** Who decided what, and how sure it was: what auditors and analytics read. One shape per kind. */
export type Decision = ReplyDecision | DialogueDecision | HandoffRequestedDecision | InjectionFlagDecision | EventDecision;

/** A decision as a step makes it; the conversation stamps the time. */
export type NewDecision = Decision extends infer D ? (D extends Decision ? Omit<D, 'at'> : never) : never;

export type ClassifierTier = 'keyword' | 'model' | 'llm' | 'none';

interface DecisionBase {
  /** The turn it was about (the last one, for a decision nobody's turn caused). */
  seq: number;
  reason?: string;
  /** Workflow time, ISO 8601. */
  at: string;
}

/** The classifier's verdict on a customer turn: which intent, by which tier, how sure, how fast. */
export interface ReplyDecision extends DecisionBase {
  kind: 'reply';
  intent?: string;
  tier?: ClassifierTier;
  confidence?: number;
  rule?: string;
  latencyMicros?: number;
}

/** A step of a dialogue (rule `kind:step`, `kind:dropped`, `menu:chosen`, `help_centre:answered`, ...). */
export interface DialogueDecision extends DecisionBase {
  kind: 'dialogue';
  intent?: string;
  rule?: string;
  /** The intent the classifier heard in an answer inside a flow, when it is a complaint (so a second one is seen). */
  heard?: string;
  tier?: never;
  confidence?: never;
  latencyMicros?: never;
}

/** The bot decided to bring in a person, and why. */
export interface HandoffRequestedDecision extends DecisionBase {
  kind: 'handoff_requested';
  intent?: string;
  reason: string;
  rule?: never;
  tier?: never;
  confidence?: never;
  latencyMicros?: never;
}

/**
 * The prompt-injection detector flagged the customer's turn: it is read as data only (no LLM tier, no
 * rephrasing of the answer to it), and agents see the flag.
 */
export interface InjectionFlagDecision extends DecisionBase {
  kind: 'injection_flagged';
  /** The detector's calibrated probability that the turn is an injection attempt. */
  confidence: number;
  reason: string;
  intent?: never;
  rule?: never;
  tier?: never;
  latencyMicros?: never;
}

/** Something that happened to the conversation itself, told by its reason. */
export interface EventDecision extends DecisionBase {
  kind: 'handoff' | 'agent' | 'sla' | 'approval' | 'follow_up' | 'csat' | 'resolved' | 'reopened' | 'closed' | 'continued_as_new' | 'refund';
  reason: string;
  intent?: never;
  rule?: never;
  tier?: never;
  confidence?: never;
  latencyMicros?: never;
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
  | 'confirmation'
  | 'rating'
  | 'subscription'
  | 'review_text'
  | 'invoice_delivery'
  | 'account_details';

export interface ReplyOption {
  id: string;
  label: string;
}

export interface ActionReport {
  name: string;
  /** delayed: done, but its refund is still being retried; failed: its refund could not be paid and is owed. */
  status: 'proposed' | 'executed' | 'delayed' | 'denied' | 'compensated' | 'failed';
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
  /** Which classifier tier read a new request (the API's turn metrics are labelled with it); absent for an answer inside a flow, or while a person has the conversation. */
  tier?: ClassifierTier;
  /** The language the replies are in (BCP 47 primary subtag); absent only in histories from before languages. */
  language?: string;
}

export interface CustomerHint {
  email?: string;
  name?: string;
  /** The caller's or texter's number, as the telephony provider gave it (E.164). */
  phone?: string;
  /**
   * The channel vouches for who this is: the mail came from, or the call from, an address on file.
   * Enough for reads (status, tracking), never for moving money without the usual verification.
   */
  vouched?: { customerId: string; firstName: string; by: 'email_address' | 'phone_number' };
}

/** A refund saga as its conversation knows it: started, then what the saga last reported. */
export interface TrackedRefund {
  sagaId: string;
  orderId: string;
  /** The action whose money this is, as named in the conversation's action reports. */
  action: string;
  amountCents: number;
  paymentMethodId: string;
  status: 'started' | RefundProgressKind;
  reason?: string;
  attempts?: number;
}

/** What survives continue-as-new: bounded so a long conversation never nears the 2 MB payload cap. */
/** One template as the customer read it and as it reads in English. */
export interface SpokenTemplate {
  text: string;
  english: string;
}

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
  /**
   * Who the customer is, and how sure: verified in this conversation (by e-mail, or name and zip), or
   * vouched for by the channel (the sender's address or number is on file), which is enough for reads
   * only (see domain/identity-assurance.ts). Absent `assurance` is verified (conversations from before it).
   */
  identity?: KnownCustomer;
  /** The channel the customer last wrote on: later messages go there. Absent: the conversation's own. */
  currentChannel?: Channel;
  /** The language the bot answers in, and how it was set (domain/language/conversation-language.ts); absent: English. */
  language?: ConversationLanguage;
  /**
   * The templates rendered in another language since the bot's last recorded turn, each with its English:
   * the console shows an agent the English beside the customer's language. Emptied as a bot turn is recorded.
   */
  spoken?: SpokenTemplate[];
  /** The action being collected, proposed and confirmed, if any. */
  flow?: OrderFlow;
  actions?: ActionReport[];
  /** The requests carried out, each with the store's word that its change holds once it was read back. */
  executed?: { request: ActionRequest; check?: { held: boolean; detail: string; at: string } }[];
  /** The classifier tier of the latest customer turn when it was a new request (an answer inside a flow has none). */
  lastTurnTier?: ClassifierTier;
  /** A fingerprint of the outcome last reported to the operators' projection: report again only on change. */
  outcomeReported?: string;
  /** Proposals already carried out: their confirmations are spent. */
  completedProposalIds?: string[];
  /** Returns whose refund waits for the parcel: a promise the conversation keeps when it arrives. */
  pendingReturns?: PendingReturn[];
  /** What the bot's last answer asked for, and its choices: a reply read later (after a 202) carries them too. */
  waitingFor?: { awaiting: Awaiting; options?: ReplyOption[] };
  /** Refund sagas this conversation started, with the latest each told it, until the customer has heard how it ended. */
  refunds?: TrackedRefund[];
  /** Goodwill credits a person offered, waiting to be put to the customer. */
  goodwillOffers?: GoodwillOffer[];
  /** Keys of the notices already shown in the transcript, so a notice delivered twice shows once. */
  noticeKeys?: string[];
  /** Ids of the newest customer messages whose turn is taken, so one that comes by Update and by Signal is handled once. */
  handledMessageIds?: string[];
  /** Messages that came by Signal (their Update was not answered in time), waiting for their turn. */
  queuedMessages?: { messageId: string; text: string; channel?: Channel }[];
  /** The current (or last) handoff to a person; earlier ones move to `pastHandoffs`. */
  handoff?: HandoffState;
  pastHandoffs?: HandoffState[];
  /** Everything a person did in this conversation: who, what, when. */
  agentActions?: AgentAction[];
  /** A proposal over the automatic limit, waiting for a supervisor's decision. */
  pendingApproval?: PendingApproval;
  /** The choices a broad request was answered with ("change my order": items, address, payment, cancel). */
  menu?: ReplyOption[];
  /** Set once the bot has asked for a 1–5 rating and not had it yet. */
  awaitingRating?: boolean;
  csat?: { score: number; at: string };
  /** Signs of frustration seen so far (not all escalate), for the person who may take over. */
  frustrationSignals?: FrustrationSignalRecord[];
}

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface EscalationReasonRecord {
  code: HandoffReasonCode;
  detail: string;
}

/** A sign of frustration, with the turn it came from. */
export interface FrustrationSignalRecord {
  code: FrustrationSignalCode;
  seq?: number;
  detail: string;
}

/** What a person needs to take over without making the customer repeat anything. */
export interface HandoffState {
  reasons: EscalationReasonRecord[];
  /** Weaker signs of frustration seen so far, with the turn they came from. */
  signals: FrustrationSignalRecord[];
  requestedAt: string;
  /** The customer turn that triggered it. */
  requestedAtSeq: number;
  priority: Priority;
  summary: string;
  summarySource: 'template' | 'llm';
  /** The verified customer's profile, read when the handoff began. */
  profile?: CustomerProfile;
  /** The request being collected or proposed when the handoff began. */
  pendingRequest?: { kind: OrderFlowKind; step: OrderFlowStep; orderId?: string; proposalId?: string; detail?: string };
  /** Refunds that could not be paid: what was attempted, the provider's last answer, what is owed. */
  refundsOwed?: TrackedRefund[];
  /** Times the SLA passed with nobody claiming it. */
  slaBreaches: number;
  slaDueAt?: string;
  /** `agent` is the person's id (their token's, see actorIdOf); `name` is only how they are shown. */
  owner?: { agent: string; name?: string; role: 'agent' | 'supervisor'; claimedAt: string; leaseUntil: string };
  outcome?: { kind: 'resolved' | 'returned_to_bot'; by: string; at: string; note?: string };
  /** A caller with nobody to transfer them to was promised a call back by `dueAt`; `overdue` once that passed unclaimed. */
  callback?: { phone: string; promisedAt: string; dueAt: string; overdue?: boolean };
  /** The customer's language (BCP 47) when the handoff began: it goes to a person who speaks it. Absent: English. */
  language?: string;
}

export interface CustomerProfile {
  customerId: string;
  name: string;
  email: string;
  city?: string;
  paymentMethods: string[];
  orders: { orderId: string; status: string; totalCents: number }[];
}

export interface AgentAction {
  at: string;
  /** The person's id (see AgentCommand); `name` shows them, where it was known. */
  by: string;
  name?: string;
  role: 'agent' | 'supervisor';
  action: 'claim' | 'take_over' | 'reply' | 'resolve' | 'return_to_bot' | 'lease_expired' | 'approve' | 'deny' | 'goodwill';
  detail?: string;
}

/** A command from a person, delivered to the conversation as an Update (accepted or refused at once). */
/** What a person's command answers: the conversation's status after it, and who owns it. */
export interface AgentCommandResult {
  status: ConversationStatus;
  owner?: string;
}

/**
 * `by` identifies the person (their token's id, unique); ownership is decided on it alone. `name` is
 * their display name, shown to the customer; commands recorded before it existed carry only `by`.
 */
export type AgentCommand = { by: string; name?: string; role: 'agent' | 'supervisor' } & (
  | { action: 'claim'; takeOver?: boolean }
  | { action: 'reply'; text: string }
  | { action: 'resolve'; outcome: string }
  | { action: 'return_to_bot'; note?: string }
);

export interface PendingApproval {
  proposalId: string;
  role: 'agent' | 'supervisor';
  reason: string;
  detail: string;
  requestedAt: string;
  /** Set once the request is registered with the supervisors. */
  dueAt?: string;
  /** The flow to resume, at its confirmation step, once approved. */
  flow: ProposingFlow;
  decision?: { approved: boolean; by: string; name?: string; role: 'agent' | 'supervisor'; reason?: string };
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
  /** When the bot promised the refund, and how often it has followed up since. */
  promisedAt?: string;
  followUps?: number;
  /** A return refunds the items; an exchange refunds a cheaper new item's difference. */
  purpose?: 'return' | 'price_difference';
}

/**
 * A request the bot carries through with the customer, step by step: who you are → which order →
 * what the flow itself asks (a reason, items, an address, a payment method) → the proposal → yes/no.
 * One type per kind, each with only its own steps and fields; `kind` tells them apart.
 */
export type OrderFlow =
  | CancelOrderFlow
  | TrackOrderFlow
  | TrackRefundFlow
  | ReturnItemsFlow
  | ModifyItemsFlow
  | ExchangeItemsFlow
  | PaymentChangeFlow
  | ShippingAddressFlow
  | DefaultAddressFlow
  | GoodwillCreditFlow
  | NewsletterFlow
  | ReviewFlow
  | InvoiceFlow
  | EditAccountFlow
  | DeleteAccountFlow
  | RecoverPasswordFlow
  | RegistrationProblemsFlow;

export type OrderFlowKind = OrderFlow['kind'];
/** The flows that end in a proposal the customer confirms (the lookups end before). */
export type ProposingFlow = Exclude<OrderFlow, TrackOrderFlow | TrackRefundFlow | NewsletterFlow | ReviewFlow | InvoiceFlow | RecoverPasswordFlow | RegistrationProblemsFlow>;
export type OrderFlowStep = OrderFlow['step'];
/** The flow of one kind: `FlowOf<'cancel_order'>` is `CancelOrderFlow`. */
export type FlowOf<K extends OrderFlowKind> = Extract<OrderFlow, { kind: K }>;

/** A person's approval of a flow's proposal (an offer made by a supervisor carries theirs). */
export interface FlowApproval {
  proposalId: string;
  role: 'agent' | 'supervisor';
  by: string;
}

/** What every flow keeps: the order it is about (once known), the options just offered, its proposal. */
interface FlowBase<K extends string, S extends string> {
  kind: K;
  step: S;
  orderId?: string;
  /** The opening message, kept until the order and its items are chosen: it may describe them ("the chair from my last order"). */
  openingWords?: string;
  /** The options the last question offered, so an answer can pick one. */
  options?: ReplyOption[];
  proposalId?: string;
  /** The proposal as the customer was shown it, to say what changed when the policy now proposes otherwise. */
  proposal?: Proposal;
  approvals?: FlowApproval[];
}

type ProposalSteps = 'confirmation';

export interface CancelOrderFlow extends FlowBase<'cancel_order', 'email' | 'order_id' | 'reason' | ProposalSteps> {
  reason?: string;
}

/** Ends as soon as the order is chosen. */
export type TrackOrderFlow = FlowBase<'track_order', 'email' | 'order_id'>;

/** Ends as soon as the customer is known. */
export type TrackRefundFlow = FlowBase<'track_refund', 'email'>;

export interface ReturnItemsFlow extends FlowBase<'return_items', 'email' | 'order_id' | 'items' | 'payment_method' | ProposalSteps> {
  itemIds?: string[];
  /** Where the refund goes. */
  paymentMethodId?: string;
}

/** Items → a new variant for each → who pays or receives the difference. */
interface ItemChangeFields {
  itemIds?: string[];
  newItemIds?: string[];
  paymentMethodId?: string;
  /** The options offered for the last item's new variant, so "no, the blue one" can still pick among them. */
  variantOptions?: ReplyOption[];
  /** The label of the item whose new variant is being chosen: "the same in size 9" keeps its other options. */
  replacing?: string;
}
type ItemChangeSteps = 'email' | 'order_id' | 'items' | 'new_items' | 'payment_method' | ProposalSteps;
/** A pending order's items, changed at once. */
export interface ModifyItemsFlow extends FlowBase<'modify_items', ItemChangeSteps>, ItemChangeFields {}
/** A delivered order's items, exchanged once they come back. */
export interface ExchangeItemsFlow extends FlowBase<'exchange_items', ItemChangeSteps>, ItemChangeFields {}

export interface PaymentChangeFlow extends FlowBase<'modify_payment_method', 'email' | 'order_id' | 'payment_method' | ProposalSteps> {
  /** The order's total, read when the methods were offered. */
  amountCents?: number;
  paymentMethodId?: string;
  /** The method paying the order now, as offered: a customer who names it is told it already pays. */
  currentMethod?: ReplyOption;
}

export interface PostalAddress {
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export interface ShippingAddressFlow extends FlowBase<'change_shipping_address', 'email' | 'order_id' | 'address' | ProposalSteps> {
  address?: PostalAddress;
}

/** The account's own address: about no order. */
export interface DefaultAddressFlow extends FlowBase<'update_default_address', 'email' | 'address' | ProposalSteps> {
  address?: PostalAddress;
}

/** The name or e-mail on the customer's own account: about no order. */
export interface EditAccountFlow extends FlowBase<'edit_account', 'email' | 'account_details' | ProposalSteps> {
  newName?: { firstName: string; lastName: string };
  newEmail?: string;
}

/** Closing the customer's own account: a proposal, or, when an erasure is already scheduled, the offer to cancel it. */
export interface DeleteAccountFlow extends FlowBase<'delete_account', 'email' | ProposalSteps> {
  /** Set when an erasure is already scheduled: the question is then whether to cancel it (due then, ISO 8601). */
  cancelOffered?: { eraseAfter: string };
}

/** A reset link to the address on file: nobody needs to be verified, and no reply says whether an address has an account. */
export type RecoverPasswordFlow = FlowBase<'recover_password', 'email'>;
/** Trouble signing up: most often the address already has an account, so the same reset link helps. */
export type RegistrationProblemsFlow = FlowBase<'registration_problems', 'email'>;

/** Offered by a person, so it starts at its proposal with everything known. */
export interface GoodwillCreditFlow extends FlowBase<'goodwill_credit', ProposalSteps> {
  orderId: string;
  amountCents: number;
  paymentMethodId: string;
  reason: string;
}

/** Joining or leaving the newsletter: the choice (asked when the first message left it open), then a yes to the wording when joining. */
export interface NewsletterFlow extends FlowBase<'newsletter_subscription', 'email' | 'subscription' | 'confirmation'> {
  choice?: 'subscribe' | 'unsubscribe';
}

/** A review of a delivered item: the order, the item, a rating of 1 to 5, then the customer's words. */
export interface ReviewFlow extends FlowBase<'review', 'email' | 'order_id' | 'items' | 'rating' | 'review_text'> {
  itemId?: string;
  itemLabel?: string;
  rating?: number;
}

/** The invoice of a paid order, told briefly, then sent as a PDF by e-mail or as a link; `check_invoice` requests walk it too. */
export type InvoiceFlow = FlowBase<'get_invoice', 'email' | 'order_id' | 'invoice_delivery'>;

export interface ConversationInput {
  conversationId: string;
  channel: Channel;
  customer?: CustomerHint;
  idleTimeoutMs: number;
  /** Whether the LLM tier may be asked (ANTHROPIC_API_KEY set); decided at start, so replay never depends on env. */
  llmEnabled?: boolean;
  /** Unclaimed this long, a handoff's priority goes up and supervisors are told (default 10 minutes). */
  handoffSlaMs?: number;
  /** An agent who does nothing this long loses the conversation back to the queue (default 30 minutes). */
  agentLeaseMs?: number;
  /** A return whose parcel has not arrived this long gets a follow-up (default 14 days). */
  returnFollowUpMs?: number;
  /** A supervisor approval not given this long counts as not given (default 4 hours). */
  approvalTimeoutMs?: number;
  /** A resolved issue the customer does not come back on this long is verified (RESOLUTION_WINDOW_HOURS; default 72 hours). */
  resolutionWindowMs?: number;
  /** Test hook: continue-as-new after this many turns in one run, as if Temporal had suggested it. */
  continueAsNewAfterTurns?: number;
  carried?: CarriedState;
  /** The customer wrote again after the conversation closed: this run continues it. */
  reopened?: boolean;
}

/** What a closed conversation leaves: its last view, and what a later run needs to continue it. */
export interface ConversationEnd extends ConversationView {
  customer?: CustomerHint;
  carried: CarriedState;
}

export interface ConversationView {
  conversationId: string;
  /** The channel the conversation began on. */
  channel: Channel;
  /** The channel the customer last wrote on, where later messages (an agent's reply) go. */
  currentChannel?: Channel;
  /** The language the bot answers in (BCP 47 primary subtag). */
  language?: string;
  status: ConversationStatus;
  transcript: Turn[];
  earlierSummary?: string;
  decisions: Decision[];
  intents: { seq: number; intent: string; tier: string; confidence: number }[];
  actions: ActionReport[];
  handoff: HandoffPacket | null;
  agentActions: AgentAction[];
  pendingApproval?: { proposalId: string; reason: string; detail: string; requestedAt: string; dueAt?: string };
  /** What the bot is waiting for from the customer now, as the last answer said, with its choices. */
  awaiting?: Awaiting;
  options?: ReplyOption[];
  csat?: { score: number; at: string };
  runs: number;
  startedAt: string;
}

/** The handoff as people read it: the state plus the conversation so far. */
export interface HandoffPacket extends HandoffState {
  status: ConversationStatus;
  /** `verified` only when verified in the conversation; a channel-vouched customer is known (`assurance: 'vouched'`) but not verified. */
  customer: { verified: boolean; assurance?: IdentityAssurance; customerId?: string; firstName?: string; hint?: CustomerHint };
  intents: { seq: number; intent: string; tier: string; confidence: number }[];
  attemptedActions: ActionReport[];
  transcript: Turn[];
  /** Customer turns the prompt-injection detector flagged (turn number and probability). */
  injectionFlags?: { seq: number; probability: number }[];
}

export function workflowIdFor(conversationId: string): string {
  return `conversation-${conversationId}`;
}
