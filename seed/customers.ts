import type { Address, PaymentMethod } from '../domain/store/entities';

/** The demo store's customers. Gift card balances are in cents. */

export interface SeedCustomer {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  address: Address;
  paymentMethods: PaymentMethod[];
}

const address = (address1: string, address2: string, city: string, state: string, zip: string): Address => ({
  address1,
  address2,
  city,
  country: 'USA',
  state,
  zip,
});

export const CUSTOMERS: SeedCustomer[] = [
  {
    userId: 'maya_okafor_5444',
    firstName: 'Maya',
    lastName: 'Okafor',
    email: 'maya.okafor5444@example.com',
    address: address('412 Juniper Lane', 'Apt 3B', 'Portland', 'OR', '97214'),
    paymentMethods: [
      { source: 'credit_card', id: 'credit_card_1693992', brand: 'visa', lastFour: '4821' },
      { source: 'gift_card', id: 'gift_card_4411096', balanceCents: 6500 },
    ],
  },
  {
    userId: 'lucas_moreau_7599',
    firstName: 'Lucas',
    lastName: 'Moreau',
    email: 'lucas.moreau7599@example.com',
    address: address('88 Harbor View Road', 'Suite 210', 'Seattle', 'WA', '98121'),
    paymentMethods: [{ source: 'paypal', id: 'paypal_2034152' }],
  },
  {
    userId: 'priya_raman_8956',
    firstName: 'Priya',
    lastName: 'Raman',
    email: 'priya.raman8956@example.com',
    address: address('1550 Maple Avenue', 'Unit 12', 'Austin', 'TX', '78704'),
    paymentMethods: [
      { source: 'credit_card', id: 'credit_card_3708445', brand: 'mastercard', lastFour: '0937' },
      { source: 'paypal', id: 'paypal_4408972' },
    ],
  },
  {
    userId: 'tomas_lindqvist_4161',
    firstName: 'Tomas',
    lastName: 'Lindqvist',
    email: 'tomas.lindqvist4161@example.com',
    address: address('27 Orchard Street', '', 'Minneapolis', 'MN', '55408'),
    paymentMethods: [
      { source: 'gift_card', id: 'gift_card_7441813', balanceCents: 1240 },
      { source: 'credit_card', id: 'credit_card_6737108', brand: 'amex', lastFour: '1005' },
    ],
  },
  {
    userId: 'aisha_bello_3206',
    firstName: 'Aisha',
    lastName: 'Bello',
    email: 'aisha.bello3206@example.com',
    address: address('903 Canal Street', 'Apt 7', 'New Orleans', 'LA', '70112'),
    paymentMethods: [{ source: 'credit_card', id: 'credit_card_8035326', brand: 'visa', lastFour: '7710' }],
  },
  {
    userId: 'kenji_watanabe_7905',
    firstName: 'Kenji',
    lastName: 'Watanabe',
    email: 'kenji.watanabe7905@example.com',
    address: address('61 Cypress Court', 'Suite 4', 'San Jose', 'CA', '95112'),
    paymentMethods: [
      { source: 'paypal', id: 'paypal_5696027' },
      { source: 'gift_card', id: 'gift_card_5670931', balanceCents: 0 },
      { source: 'credit_card', id: 'credit_card_7482370', brand: 'discover', lastFour: '6294' },
    ],
  },
  {
    userId: 'sofia_castillo_6709',
    firstName: 'Sofia',
    lastName: 'Castillo',
    email: 'sofia.castillo6709@example.com',
    address: address('740 Bluebonnet Drive', 'Apt 22', 'Phoenix', 'AZ', '85016'),
    paymentMethods: [
      { source: 'credit_card', id: 'credit_card_4012230', brand: 'mastercard', lastFour: '5583' },
      { source: 'gift_card', id: 'gift_card_6672049', balanceCents: 15000 },
    ],
  },
  {
    userId: 'oliver_grant_2431',
    firstName: 'Oliver',
    lastName: 'Grant',
    email: 'oliver.grant2431@example.com',
    address: address('15 Beacon Hill Terrace', 'Floor 2', 'Boston', 'MA', '02108'),
    paymentMethods: [{ source: 'paypal', id: 'paypal_6379372' }],
  },
  {
    userId: 'nadia_haddad_1604',
    firstName: 'Nadia',
    lastName: 'Haddad',
    email: 'nadia.haddad1604@example.com',
    address: address('2210 Prairie Road', 'Suite 9', 'Denver', 'CO', '80205'),
    paymentMethods: [
      { source: 'credit_card', id: 'credit_card_8451931', brand: 'visa', lastFour: '3146' },
      { source: 'paypal', id: 'paypal_1348691' },
    ],
  },
  {
    userId: 'ethan_brooks_9922',
    firstName: 'Ethan',
    lastName: 'Brooks',
    email: 'ethan.brooks9922@example.com',
    address: address('318 Magnolia Way', 'Apt 5C', 'Charlotte', 'NC', '28203'),
    paymentMethods: [
      { source: 'gift_card', id: 'gift_card_3499182', balanceCents: 4275 },
      { source: 'credit_card', id: 'credit_card_8813813', brand: 'amex', lastFour: '2008' },
    ],
  },
  {
    userId: 'grace_kim_8926',
    firstName: 'Grace',
    lastName: 'Kim',
    email: 'grace.kim8926@example.com',
    address: address('5 Willow Bend', 'Apt 1', 'Madison', 'WI', '53703'),
    paymentMethods: [{ source: 'credit_card', id: 'credit_card_1366315', brand: 'visa', lastFour: '6650' }],
  },
];
