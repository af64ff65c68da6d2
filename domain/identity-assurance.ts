/**
 * How sure the conversation is of who the customer is. A channel can vouch for a customer (the mail
 * came from, or the call from, an address or number on file): enough to read their own records, never
 * to move money or change their account, which still needs the usual verification in the conversation.
 */
import type { CustomerHint, OrderFlowKind } from './conversation';
import type { MessageKey } from './messages';

/** `verified`: shown in this conversation (an e-mail address, or name and zip); `vouched`: by the channel only. */
export const IDENTITY_ASSURANCES = ['verified', 'vouched'] as const;
export type IdentityAssurance = (typeof IDENTITY_ASSURANCES)[number];

export interface KnownCustomer {
  customerId: string;
  firstName: string;
  /** Absent on identities from before assurance levels: those were all verified. */
  assurance?: IdentityAssurance;
  /** What vouched for a vouched customer. */
  by?: NonNullable<CustomerHint['vouched']>['by'];
}

/** Reads of the customer's own records: order status and tracking, refund status, invoices (their totals, a copy to the address on file). */
const VOUCHED_IS_ENOUGH: ReadonlySet<OrderFlowKind> = new Set<OrderFlowKind>(['track_order', 'track_refund', 'get_invoice', 'recover_password', 'registration_problems']);

export const assuranceOf = (identity: KnownCustomer | undefined): IdentityAssurance | undefined => (identity ? identity.assurance ?? 'verified' : undefined);

/** Whether what the conversation knows of the customer is enough for this request, or it must verify them first. */
export function knownEnoughFor(identity: KnownCustomer | undefined, kind: OrderFlowKind): boolean {
  const assurance = assuranceOf(identity);
  if (assurance === 'verified') return true;
  return assurance === 'vouched' && VOUCHED_IS_ENOUGH.has(kind);
}

/** The identity a channel vouches for, or none. */
export function vouchedIdentity(hint: CustomerHint | undefined): KnownCustomer | undefined {
  const vouched = hint?.vouched;
  if (!vouched?.customerId) return undefined;
  return { customerId: vouched.customerId, firstName: vouched.firstName, assurance: 'vouched', by: vouched.by };
}

/**
 * What verifies a vouched customer: not what vouched (an e-mail sender's From address proves
 * nothing more when typed again), so an e-mail sender gives name and zip, a caller e-mail or name and zip.
 * The question is a template: the conversation says it in the customer's language.
 */
export function verificationFor(identity: KnownCustomer | undefined): { accepts: 'email_or_name_zip' | 'name_zip'; question: MessageKey } {
  if (assuranceOf(identity) === 'vouched' && identity?.by === 'email_address') {
    return { accepts: 'name_zip', question: 'To make changes I need to verify you first: what are your full name and zip code?' };
  }
  if (assuranceOf(identity) === 'vouched') {
    return { accepts: 'email_or_name_zip', question: 'To make changes I need to verify you first: what is the e-mail address on your account, or your full name and zip code?' };
  }
  return { accepts: 'email_or_name_zip', question: 'First, what is the e-mail address on your account?' };
}

/** A verification that names someone else than the channel vouched for does not count. */
export function verificationMatches(identity: KnownCustomer | undefined, verifiedCustomerId: string): boolean {
  return assuranceOf(identity) !== 'vouched' || identity?.customerId === verifiedCustomerId;
}
