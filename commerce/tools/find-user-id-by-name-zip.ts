import { z } from 'zod';
import { listCustomersByZip } from '../../db/repositories/commerce-reads';
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
    const first = firstName.toLowerCase();
    const last = lastName.toLowerCase();
    const customer = (await listCustomersByZip(db, zip)).find(
      (candidate) => candidate.firstName.toLowerCase() === first && candidate.lastName.toLowerCase() === last,
    );
    if (!customer) throw new ToolError('User not found');
    return customer.id;
  },
});
