import { z } from 'zod';
import { changeCustomerAddress } from '../../store-actions/change-customer-address';
import { userAfter } from '../store/queries';
import { writeTransaction } from '../../store-actions/transaction';
import { defineTool } from '../tool';
import { ADDRESS_PARAMETERS, toAddress } from './address-parameters';

export const modifyUserAddress = defineTool({
  name: 'modify_user_address',
  kind: 'write',
  description: "Change a customer's default address. Orders keep their own shipping addresses. Needs the customer's explicit confirmation first.",
  parameters: z.strictObject({
    user_id: z.string().describe("The customer's user id, such as 'jane_doe_1234'."),
    ...ADDRESS_PARAMETERS,
  }),
  handler: (db, { user_id: userId, ...address }) =>
    writeTransaction(db, async (trx) => {
      await changeCustomerAddress(trx, { customerId: userId, address: toAddress(address) });
      return userAfter(trx, userId);
    }),
});
