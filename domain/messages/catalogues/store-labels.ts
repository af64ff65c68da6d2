import type { Catalogue } from '../catalogue';

/**
 * The labels of options the store's data fills in (activities/customer-lookup.ts, payment-change.ts):
 * product names, variant values, ids and card brands stay as the store holds them.
 */
export const STORE_LABEL_MESSAGES = {
  '{orderId} ({status}): {items}': { de: '{orderId} ({status}): {items}', es: '{orderId} ({status}): {items}', fr: '{orderId} ({status}) : {items}', pt: '{orderId} ({status}): {items}' },
  '{method} (original payment method)': {
    de: '{method} (ursprüngliche Zahlungsart)',
    es: '{method} (forma de pago original)',
    fr: '{method} (moyen de paiement d’origine)',
    pt: '{method} (forma de pagamento original)',
  },
  '{brand} ending {lastFour}': { de: '{brand} mit Endziffern {lastFour}', es: '{brand} terminada en {lastFour}', fr: '{brand} se terminant par {lastFour}', pt: '{brand} terminado em {lastFour}' },
  'Gift card (balance {balance})': { de: 'Geschenkkarte (Guthaben {balance})', es: 'Tarjeta regalo (saldo {balance})', fr: 'Carte cadeau (solde {balance})', pt: 'Cartão-oferta (saldo {balance})' },
  '{details} ({price})': { de: '{details} ({price})', es: '{details} ({price})', fr: '{details} ({price})', pt: '{details} ({price})' },
  card: { de: 'Karte', es: 'tarjeta', fr: 'carte', pt: 'cartão' },
  'gift card': { de: 'Geschenkkarte', es: 'tarjeta regalo', fr: 'carte cadeau', pt: 'cartão-oferta' },
} as const satisfies Catalogue;
