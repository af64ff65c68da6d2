import { z } from 'zod';
import { lockOrder, replaceOrderAddress, updateOrderIfStatus } from '../../db/repositories/commerce-writes';
import { orderRecord, requireOrder } from '../store-checks';
import { WriteConflict, writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';
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
      await lockOrder(trx, orderId);
      const order = await requireOrder(trx, orderId);
      if (!order.status.includes('pending')) throw new ToolError('Non-pending order cannot be modified');
      if (!(await updateOrderIfStatus(trx, orderId, order.status, {}))) throw new WriteConflict();
      await replaceOrderAddress(trx, orderId, toAddress(address));
      return orderRecord(trx, orderId);
    }),
});
