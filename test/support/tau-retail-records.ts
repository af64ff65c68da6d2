/**
 * Records of the shared tau-retail store (`../shared/data/tau-retail/db`) that the tool and action tests
 * act on. olivia_ito_3591 holds gift_card_7794233 (56.00), paypal_8049766 and credit_card_9753331.
 */
export { TAU_DB_DIR } from '../../bench/tau-walk/tasks';

export const USER = 'olivia_ito_3591';
export const GIFT_CARD = 'gift_card_7794233';
export const PAYPAL = 'paypal_8049766';
export const CREDIT_CARD = 'credit_card_9753331';
/** Pending, paid 663.85 by credit card: Gaming Mouse 3330317167 (137.32), Patio Umbrella 3111466194 (285.66), Hiking Boots 2648909398 (240.87). */
export const PENDING = '#W5442520';
/** Pending, paid 3570.34 by the gift card. */
export const PENDING_GIFT_CARD_PAID = '#W3657213';
/** Delivered, paid 3203.78 by PayPal: Espresso Machine 6242772310 (2996.03), Sneakers 9727387530 (207.75). */
export const DELIVERED = '#W5866402';
export const PROCESSED = '#W5353646';
/** Another customer's cancelled order and credit card. */
export const CANCELLED = '#W8377068';
export const OTHER_USERS_CARD = 'credit_card_2641784';

export const MOUSE = '3330317167';
export const MOUSE_AVAILABLE = '2193628750'; // 162.15
export const MOUSE_UNAVAILABLE = '7420906769';
export const UMBRELLA = '3111466194';
export const UMBRELLA_AVAILABLE = '6243981804'; // 329.85
export const BOOTS = '2648909398';
export const BOOTS_AVAILABLE = '1615379700'; // 253.89
export const ESPRESSO = '6242772310';
export const ESPRESSO_AVAILABLE = '7407838442'; // 3081.91
export const ESPRESSO_UNAVAILABLE = '6324294385';
export const SNEAKERS = '9727387530';
