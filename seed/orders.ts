import type { Address } from '../domain/store/entities';

/**
 * The demo store's orders, in the order they were placed. Item names, prices and options come
 * from the catalogue, and the payment history from the items, when the store is built.
 */

export type SeedOrderStatus = 'pending' | 'processed' | 'delivered' | 'cancelled' | 'return requested' | 'exchange requested';

export interface SeedShipment {
  trackingId: string;
  /** Defaults to every item of the order. */
  itemIds?: string[];
}

export interface SeedOrder {
  orderId: string;
  userId: string;
  itemIds: string[];
  paymentMethodId: string;
  status: SeedOrderStatus;
  /** For orders that have left the warehouse: processed, delivered, and delivered ones with a return or exchange requested. */
  shipments?: SeedShipment[];
  /** Defaults to the customer's address. */
  shipTo?: Address;
  cancelReason?: 'no longer needed' | 'ordered by mistake';
  returnRequest?: { itemIds: string[]; paymentMethodId: string };
  exchangeRequest?: { itemIds: string[]; newItemIds: string[]; paymentMethodId: string };
}

export const ORDERS: SeedOrder[] = [
  {
    orderId: '#W6676116',
    userId: 'maya_okafor_5444',
    itemIds: ['1274477279', '9535648299'],
    paymentMethodId: 'credit_card_1693992',
    status: 'delivered',
    shipments: [{ trackingId: '665232762725' }],
  },
  {
    orderId: '#W2835711',
    userId: 'lucas_moreau_7599',
    itemIds: ['6422569667'],
    paymentMethodId: 'paypal_2034152',
    status: 'processed',
    shipments: [{ trackingId: '205778423914' }],
  },
  {
    orderId: '#W4818110',
    userId: 'priya_raman_8956',
    itemIds: ['1174981809'],
    paymentMethodId: 'credit_card_3708445',
    status: 'delivered',
    shipments: [{ trackingId: '602562080256' }],
  },
  {
    orderId: '#W7823499',
    userId: 'lucas_moreau_7599',
    itemIds: ['8139500642', '2334550628'],
    paymentMethodId: 'paypal_2034152',
    status: 'cancelled',
    cancelReason: 'no longer needed',
  },
  {
    orderId: '#W5505845',
    userId: 'tomas_lindqvist_4161',
    itemIds: ['2024015648', '2368581841'],
    paymentMethodId: 'gift_card_7441813',
    status: 'delivered',
    shipments: [{ trackingId: '542368474738' }],
  },
  {
    orderId: '#W2301718',
    userId: 'aisha_bello_3206',
    itemIds: ['5489764099'],
    paymentMethodId: 'credit_card_8035326',
    status: 'delivered',
    shipments: [{ trackingId: '442743312190' }],
  },
  {
    orderId: '#W9685958',
    userId: 'kenji_watanabe_7905',
    itemIds: ['6335078614'],
    paymentMethodId: 'paypal_5696027',
    status: 'delivered',
    shipments: [{ trackingId: '793925123365' }],
  },
  {
    orderId: '#W2941968',
    userId: 'sofia_castillo_6709',
    itemIds: ['2176424086', '1048188262'],
    paymentMethodId: 'credit_card_4012230',
    status: 'delivered',
    shipments: [
      { trackingId: '154104783044', itemIds: ['2176424086'] },
      { trackingId: '736000608920', itemIds: ['1048188262'] },
    ],
    shipTo: { address1: '1 Camelback Plaza', address2: 'Floor 9', city: 'Phoenix', country: 'USA', state: 'AZ', zip: '85012' },
  },
  {
    orderId: '#W1859412',
    userId: 'aisha_bello_3206',
    itemIds: ['8644308660'],
    paymentMethodId: 'credit_card_8035326',
    status: 'cancelled',
    cancelReason: 'ordered by mistake',
  },
  {
    orderId: '#W9824060',
    userId: 'oliver_grant_2431',
    itemIds: ['4539412891'],
    paymentMethodId: 'paypal_6379372',
    status: 'return requested',
    shipments: [{ trackingId: '973920603382' }],
    returnRequest: { itemIds: ['4539412891'], paymentMethodId: 'paypal_6379372' },
  },
  {
    orderId: '#W6854882',
    userId: 'priya_raman_8956',
    itemIds: ['7007729616'],
    paymentMethodId: 'credit_card_3708445',
    status: 'processed',
    shipments: [{ trackingId: '744244209744' }],
  },
  {
    orderId: '#W3500796',
    userId: 'nadia_haddad_1604',
    itemIds: ['6134265624'],
    paymentMethodId: 'credit_card_8451931',
    status: 'delivered',
    shipments: [{ trackingId: '191958791421' }],
  },
  {
    orderId: '#W7194278',
    userId: 'sofia_castillo_6709',
    itemIds: ['7818631259'],
    paymentMethodId: 'credit_card_4012230',
    status: 'exchange requested',
    shipments: [{ trackingId: '353551290815' }],
    exchangeRequest: { itemIds: ['7818631259'], newItemIds: ['7550786933'], paymentMethodId: 'gift_card_6672049' },
  },
  {
    orderId: '#W5185797',
    userId: 'kenji_watanabe_7905',
    itemIds: ['1829905705', '5437526367'],
    paymentMethodId: 'credit_card_7482370',
    status: 'processed',
    shipments: [{ trackingId: '120649514173' }],
  },
  {
    orderId: '#W4759120',
    userId: 'nadia_haddad_1604',
    itemIds: ['8163693430'],
    paymentMethodId: 'credit_card_8451931',
    status: 'cancelled',
    cancelReason: 'no longer needed',
  },
  {
    orderId: '#W7993899',
    userId: 'ethan_brooks_9922',
    itemIds: ['6518046551'],
    paymentMethodId: 'gift_card_3499182',
    status: 'delivered',
    shipments: [{ trackingId: '434370234703' }],
  },
  {
    orderId: '#W4074536',
    userId: 'oliver_grant_2431',
    itemIds: ['3829580116', '1053182780'],
    paymentMethodId: 'paypal_6379372',
    status: 'processed',
    shipments: [{ trackingId: '910342687644' }],
  },
  {
    orderId: '#W2103783',
    userId: 'ethan_brooks_9922',
    itemIds: ['7552794956', '9504356357'],
    paymentMethodId: 'credit_card_8813813',
    status: 'processed',
    shipments: [{ trackingId: '305972144930' }],
  },
  {
    orderId: '#W1054094',
    userId: 'ethan_brooks_9922',
    itemIds: ['7799673120'],
    paymentMethodId: 'gift_card_3499182',
    status: 'cancelled',
    cancelReason: 'ordered by mistake',
  },
  {
    orderId: '#W9642161',
    userId: 'maya_okafor_5444',
    itemIds: ['7550786933'],
    paymentMethodId: 'gift_card_4411096',
    status: 'pending',
  },
  {
    orderId: '#W4175844',
    userId: 'priya_raman_8956',
    itemIds: ['1967663146', '6020735102'],
    paymentMethodId: 'paypal_4408972',
    status: 'pending',
  },
  {
    orderId: '#W2651773',
    userId: 'tomas_lindqvist_4161',
    itemIds: ['8490484782'],
    paymentMethodId: 'credit_card_6737108',
    status: 'pending',
  },
  {
    orderId: '#W9424260',
    userId: 'aisha_bello_3206',
    itemIds: ['9535648299', '9535648299'],
    paymentMethodId: 'credit_card_8035326',
    status: 'pending',
  },
  {
    orderId: '#W7341318',
    userId: 'kenji_watanabe_7905',
    itemIds: ['3609688678'],
    paymentMethodId: 'gift_card_5670931',
    status: 'pending',
  },
  {
    orderId: '#W8257529',
    userId: 'sofia_castillo_6709',
    itemIds: ['6466324576'],
    paymentMethodId: 'credit_card_4012230',
    status: 'pending',
    shipTo: { address1: '19 Saguaro Lane', address2: 'Unit 3', city: 'Tucson', country: 'USA', state: 'AZ', zip: '85719' },
  },
  {
    orderId: '#W7118983',
    userId: 'nadia_haddad_1604',
    itemIds: ['7690673848', '2964067646'],
    paymentMethodId: 'paypal_1348691',
    status: 'pending',
  },
];
