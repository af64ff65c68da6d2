import { z } from 'zod';
import { listCustomerEmails } from '../../db/repositories/commerce-reads';
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
    // Lower-cased in code, not in SQL: SQLite's lower() only knows ASCII, and the reference uses Python's str.lower().
    const wanted = email.toLowerCase();
    const customer = (await listCustomerEmails(db)).find((candidate) => candidate.email.toLowerCase() === wanted);
    if (!customer) throw new ToolError('User not found');
    return customer.id;
  },
});
