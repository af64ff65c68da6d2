import { z } from 'zod';
import { getUser } from '../store/queries';
import { readSnapshot } from '../../store-actions/transaction';
import { ToolError, defineTool } from '../tool';

export const getUserDetails = defineTool({
  name: 'get_user_details',
  kind: 'read',
  description: "A customer's profile: name, default address, email, payment methods (with gift card balances) and order ids.",
  parameters: z.strictObject({
    user_id: z.string().describe("The customer's user id, such as 'jane_doe_1234'."),
  }),
  async handler(db, { user_id: userId }) {
    const user = await readSnapshot(db, (trx) => getUser(trx, userId));
    if (!user) throw new ToolError('User not found');
    return user;
  },
});
