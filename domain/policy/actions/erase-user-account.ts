import { openOrders } from '../../accounts/erasure';
import { deny, isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { requireOwnAccount } from '../rules/identity';
import { statusWords } from '../rules/order-status';
import type { Deny, EraseUserAccount, PolicyContext, ProposalContent } from '../types';
import { words } from '../wording';

/** Only the verified customer's own account, and only once none of their orders is still under way. */
export function planEraseUserAccount(request: EraseUserAccount, context: PolicyContext): ProposalContent | Deny {
  const own = requireOwnAccount(request.userId, context);
  if (isDeny(own)) return own;
  const { customerId } = own;
  const orders = context.records.customerOrders;
  if (!orders) return deny('record-not-found', words('The customer’s orders were not looked up.'));
  const open = openOrders(orders);
  if (open.length > 0) {
    const which = { listed: open.map((o) => words('{orderId} ({status})', { orderId: o.id, status: statusWords(o.status) })) };
    return deny(
      'orders-open',
      open.length === 1
        ? words('order {orders} is still open; an account can be closed once every order is delivered or cancelled.', { orders: which })
        : words('orders {orders} are still open; an account can be closed once every order is delivered or cancelled.', { orders: which }),
    );
  }
  return draftProposal('erase_user_account', {
    customerId,
    notices: [
      'Your name, e-mail address, addresses and saved payment details will be erased after the grace period, during which you can cancel; your orders are kept, without them, for our accounts.',
    ],
  });
}
