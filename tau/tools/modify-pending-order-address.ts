import { z } from 'zod';
import { changeOrderAddress } from '../../store-actions/change-order-address';
import { orderDetailsAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';
import { ADDRESS_PARAMETERS, toAddress } from './address-parameters';

export const modifyPendingOrderAddress = defineTool({
  name: 'modify_pending_order_address',
  kind: 'write',
  description:
    "Change the shipping address of a pending order (also one whose items were modified). Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    order_id: z.string().describe("The order id, such as '#W0000000'."),
    ...ADDRESS_PARAMETERS,
  }),
  handler: (db, { order_id: orderId, ...address }) =>
    writeTransaction(db, async (trx) => {
      await changeOrderAddress(trx, { orderId, address: toAddress(address) });
      return orderDetailsAfter(trx, orderId);
    }),
});
