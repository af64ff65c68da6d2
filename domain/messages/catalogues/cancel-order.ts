import type { Catalogue } from '../catalogue';

/** Cancelling a pending order (workflows/conversation/flows/cancel-order.ts). */
export const CANCEL_ORDER_MESSAGES = {
  'I no longer need it': { de: 'Ich brauche sie nicht mehr', es: 'Ya no lo necesito', fr: 'Je n’en ai plus besoin', pt: 'Já não preciso dela' },
  'I ordered it by mistake': { de: 'Ich habe sie versehentlich bestellt', es: 'Lo pedí por error', fr: 'Je l’ai commandée par erreur', pt: 'Encomendei-a por engano' },
  'Yes, cancel it': { de: 'Ja, stornieren', es: 'Sí, cancélelo', fr: 'Oui, annulez-la', pt: 'Sim, cancele-a' },
  'No, keep it': { de: 'Nein, behalten', es: 'No, lo mantengo', fr: 'Non, je la garde', pt: 'Não, quero mantê-la' },
  'Why would you like to cancel order {orderId}?': {
    de: 'Warum möchten Sie die Bestellung {orderId} stornieren?',
    es: '¿Por qué quiere cancelar el pedido {orderId}?',
    fr: 'Pourquoi souhaitez-vous annuler la commande {orderId} ?',
    pt: 'Porque pretende cancelar a encomenda {orderId}?',
  },
  'Please choose one of these reasons:': {
    de: 'Bitte wählen Sie einen dieser Gründe:',
    es: 'Por favor, elija uno de estos motivos:',
    fr: 'Veuillez choisir l’un de ces motifs :',
    pt: 'Por favor, escolha um destes motivos:',
  },
  'All right, order {orderId} stays as it is. Anything else I can do?': {
    de: 'In Ordnung, die Bestellung {orderId} bleibt, wie sie ist. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, el pedido {orderId} se queda como está. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, la commande {orderId} reste telle quelle. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, a encomenda {orderId} fica como está. Posso ajudar em mais alguma coisa?',
  },
  '{amount} to {method}': { de: '{amount} auf {method}', es: '{amount} a {method}', fr: '{amount} sur {method}', pt: '{amount} para {method}' },
  'Your refund of {refunds} is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.': {
    de: 'Ihre Erstattung von {refunds} ist unterwegs; Erstattungen auf Karte und PayPal kommen meist innerhalb von 5-7 Werktagen an, Guthaben auf Geschenkkarten sofort.',
    es: 'Su reembolso de {refunds} está en camino; los reembolsos a tarjeta y PayPal suelen llegar en 5-7 días hábiles, y el saldo de tarjeta regalo al momento.',
    fr: 'Votre remboursement de {refunds} est en route ; les remboursements sur carte et PayPal arrivent en général sous 5-7 jours ouvrés, le crédit sur carte cadeau immédiatement.',
    pt: 'O seu reembolso de {refunds} está a caminho; os reembolsos para cartão e PayPal chegam normalmente em 5-7 dias úteis, o crédito no cartão-oferta de imediato.',
  },
  'Done: order {orderId} is cancelled.': {
    de: 'Erledigt: Die Bestellung {orderId} ist storniert.',
    es: 'Hecho: el pedido {orderId} está cancelado.',
    fr: 'C’est fait : la commande {orderId} est annulée.',
    pt: 'Feito: a encomenda {orderId} foi cancelada.',
  },
} as const satisfies Catalogue;
