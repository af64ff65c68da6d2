import { z } from 'zod';
import type { TauAddress } from '../format/records';

/** The six address arguments, in the reference's signature order (state before country; the record stores country first). */
export const ADDRESS_PARAMETERS = {
  address1: z.string().describe("The first line of the address, such as '123 Main St'."),
  address2: z.string().describe("The second line, such as 'Apt 1', or ''."),
  city: z.string().describe("The city, such as 'San Francisco'."),
  state: z.string().describe("The state, such as 'CA'."),
  country: z.string().describe("The country, such as 'USA'."),
  zip: z.string().describe("The zip code, such as '12345'."),
};

export function toAddress(args: TauAddress): TauAddress {
  return { address1: args.address1, address2: args.address2, city: args.city, country: args.country, state: args.state, zip: args.zip };
}
