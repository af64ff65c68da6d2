import { z } from 'zod';
import { findCustomerIdByNameZip } from '../../db/repositories/store-queries';
import { ToolError, defineTool } from '../tool';

export const findUserIdByNameZip = defineTool({
  name: 'find_user_id_by_name_zip',
  kind: 'read',
  description:
    "Find a customer's user id by first name, last name (both case-insensitive) and the zip code of their default address. " +
    'Use it to authenticate a customer who cannot give their email.',
  parameters: z.strictObject({
    first_name: z.string().describe("The customer's first name, such as 'Jane'."),
    last_name: z.string().describe("The customer's last name, such as 'Doe'."),
    zip: z.string().describe("The zip code of the customer's default address, such as '12345'."),
  }),
  async handler(db, { first_name: firstName, last_name: lastName, zip }) {
    const customerId = await findCustomerIdByNameZip(db, firstName, lastName, zip);
    if (customerId === undefined) throw new ToolError('User not found');
    return customerId;
  },
});
