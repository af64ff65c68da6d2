import type { Catalogue } from '../catalogue';

/** Where an order is (workflows/conversation/flows/track-order.ts, domain/order-status-text.ts). `{items}` is " (names)" or nothing. */
export const TRACKING_MESSAGES = {
  'Order {orderId}{items} has been placed and is waiting to be processed; it can still be changed or cancelled.': {
    de: 'Die Bestellung {orderId}{items} wurde aufgegeben und wartet auf die Bearbeitung; sie kann noch geändert oder storniert werden.',
    es: 'El pedido {orderId}{items} se ha realizado y está pendiente de procesar; todavía se puede modificar o cancelar.',
    fr: 'La commande {orderId}{items} a été passée et attend d’être traitée ; elle peut encore être modifiée ou annulée.',
    pt: 'A encomenda {orderId}{items} foi feita e aguarda processamento; ainda pode ser alterada ou cancelada.',
  },
  'Order {orderId}{items} has been placed, with changed items, and is waiting to be processed.': {
    de: 'Die Bestellung {orderId}{items} wurde mit geänderten Artikeln aufgegeben und wartet auf die Bearbeitung.',
    es: 'El pedido {orderId}{items} se ha realizado, con artículos cambiados, y está pendiente de procesar.',
    fr: 'La commande {orderId}{items} a été passée, avec des articles modifiés, et attend d’être traitée.',
    pt: 'A encomenda {orderId}{items} foi feita, com artigos alterados, e aguarda processamento.',
  },
  'Order {orderId}{items} has been processed and is on its way.': {
    de: 'Die Bestellung {orderId}{items} wurde bearbeitet und ist unterwegs.',
    es: 'El pedido {orderId}{items} se ha procesado y está en camino.',
    fr: 'La commande {orderId}{items} a été traitée et est en route.',
    pt: 'A encomenda {orderId}{items} foi processada e está a caminho.',
  },
  'Order {orderId}{items} has been delivered.': {
    de: 'Die Bestellung {orderId}{items} wurde zugestellt.',
    es: 'El pedido {orderId}{items} se ha entregado.',
    fr: 'La commande {orderId}{items} a été livrée.',
    pt: 'A encomenda {orderId}{items} foi entregue.',
  },
  'Order {orderId}{items} was cancelled.': {
    de: 'Die Bestellung {orderId}{items} wurde storniert.',
    es: 'El pedido {orderId}{items} se canceló.',
    fr: 'La commande {orderId}{items} a été annulée.',
    pt: 'A encomenda {orderId}{items} foi cancelada.',
  },
  'Order {orderId}{items} has a return requested: the refund follows once the items are back with us.': {
    de: 'Für die Bestellung {orderId}{items} ist eine Rücksendung beantragt: Die Erstattung folgt, sobald die Artikel wieder bei uns sind.',
    es: 'El pedido {orderId}{items} tiene una devolución solicitada: el reembolso llegará cuando los artículos estén de vuelta con nosotros.',
    fr: 'La commande {orderId}{items} fait l’objet d’une demande de retour : le remboursement suivra dès que les articles nous seront revenus.',
    pt: 'A encomenda {orderId}{items} tem uma devolução pedida: o reembolso segue assim que os artigos estiverem de volta connosco.',
  },
  'Order {orderId}{items} has an exchange requested: the new items are sent once the old ones are back with us.': {
    de: 'Für die Bestellung {orderId}{items} ist ein Umtausch beantragt: Die neuen Artikel werden verschickt, sobald die alten wieder bei uns sind.',
    es: 'El pedido {orderId}{items} tiene un cambio solicitado: los artículos nuevos se enviarán cuando los antiguos estén de vuelta con nosotros.',
    fr: 'La commande {orderId}{items} fait l’objet d’une demande d’échange : les nouveaux articles seront envoyés dès que les anciens nous seront revenus.',
    pt: 'A encomenda {orderId}{items} tem uma troca pedida: os artigos novos são enviados assim que os antigos estiverem de volta connosco.',
  },
  'Order {orderId}{items} has the status "{status}".': {
    de: 'Die Bestellung {orderId}{items} hat den Status „{status}“.',
    es: 'El pedido {orderId}{items} tiene el estado «{status}».',
    fr: 'La commande {orderId}{items} a le statut « {status} ».',
    pt: 'A encomenda {orderId}{items} tem o estado «{status}».',
  },
  'Tracking number: {ids}.': { de: 'Sendungsnummer: {ids}.', es: 'Número de seguimiento: {ids}.', fr: 'Numéro de suivi : {ids}.', pt: 'Número de seguimento: {ids}.' },
  'Tracking numbers: {ids}.': { de: 'Sendungsnummern: {ids}.', es: 'Números de seguimiento: {ids}.', fr: 'Numéros de suivi : {ids}.', pt: 'Números de seguimento: {ids}.' },
  'I could not find order {orderId} on your account.': {
    de: 'Ich konnte die Bestellung {orderId} in Ihrem Konto nicht finden.',
    es: 'No he encontrado el pedido {orderId} en su cuenta.',
    fr: 'Je n’ai pas trouvé la commande {orderId} sur votre compte.',
    pt: 'Não encontrei a encomenda {orderId} na sua conta.',
  },
} as const satisfies Catalogue;
