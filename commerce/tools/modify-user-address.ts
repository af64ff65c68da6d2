import { z } from 'zod';
import { customerExists } from '../../db/repositories/commerce-reads';
import { replaceCustomerAddress } from '../../db/repositories/commerce-writes';
import { userRecord } from '../store-checks';
import { writeTransaction } from '../store-transaction';
import { ToolError, defineTool } from '../tool';
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
      if (!(await customerExists(trx, userId))) throw new ToolError('User not found');
      if (!(await replaceCustomerAddress(trx, userId, toAddress(address)))) throw new ToolError('User not found');
      return userRecord(trx, userId);
    }),
});
