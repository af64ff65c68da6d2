import { z } from 'zod';
import { findCustomerIdByEmail } from '../../db/repositories/store-queries';
import { ToolError, defineTool } from '../tool';

export const findUserIdByEmail = defineTool({
  name: 'find_user_id_by_email',
  kind: 'read',
  description:
    "Find a customer's user id by their email address (case-insensitive). Use it to authenticate the customer before anything else.",
  parameters: z.strictObject({
    email: z.string().describe("The customer's email address, such as 'jane.doe1234@example.com'."),
  }),
  async handler(db, { email }) {
    const customerId = await findCustomerIdByEmail(db, email);
    if (customerId === undefined) throw new ToolError('User not found');
    return customerId;
  },
});
