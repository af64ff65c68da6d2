import type { Catalogue } from '../catalogue';

/**
 * Money after an action: the saga's receipt, a delayed or failed refund, a return's parcel arriving
 * (workflows/conversation/refund-credit.ts, refund-outcome.ts, return-promise.ts), and the refund-status
 * reply (domain/refund-status-text.ts). The later ones are said in the language the conversation has then.
 */
export const REFUND_MESSAGES = {
  'Your refund for order {orderId} has been issued.': {
    de: 'Ihre Erstattung für die Bestellung {orderId} wurde veranlasst.',
    es: 'Se ha emitido su reembolso del pedido {orderId}.',
    fr: 'Votre remboursement pour la commande {orderId} a été émis.',
    pt: 'O seu reembolso da encomenda {orderId} foi emitido.',
  },
  'The refund of {amount} is delayed: our payment provider has not taken it yet. I will keep trying and tell you here as soon as it is sent.': {
    de: 'Die Erstattung von {amount} verzögert sich: Unser Zahlungsdienstleister hat sie noch nicht angenommen. Ich versuche es weiter und sage Ihnen hier Bescheid, sobald sie versendet ist.',
    es: 'El reembolso de {amount} se ha retrasado: nuestro proveedor de pagos aún no lo ha aceptado. Seguiré intentándolo y le avisaré aquí en cuanto se envíe.',
    fr: 'Le remboursement de {amount} est retardé : notre prestataire de paiement ne l’a pas encore pris en charge. Je continue d’essayer et vous préviens ici dès qu’il est envoyé.',
    pt: 'O reembolso de {amount} está atrasado: o nosso prestador de pagamentos ainda não o aceitou. Vou continuar a tentar e aviso-o aqui assim que for enviado.',
  },
  'I am sorry: I could not complete the refund of {amount} for order {orderId}. The money is still owed to you and nothing is lost. A colleague is taking this over to make sure it reaches you.': {
    de: 'Es tut mir leid: Ich konnte die Erstattung von {amount} für die Bestellung {orderId} nicht abschließen. Das Geld steht Ihnen weiterhin zu, und nichts geht verloren. Eine Kollegin oder ein Kollege übernimmt das, damit es sicher bei Ihnen ankommt.',
    es: 'Lo siento: no he podido completar el reembolso de {amount} del pedido {orderId}. Se le sigue debiendo el dinero y no se pierde nada. Un compañero se encarga ahora de asegurarse de que le llegue.',
    fr: 'Je suis désolé : je n’ai pas pu finaliser le remboursement de {amount} pour la commande {orderId}. Cet argent vous est toujours dû et rien n’est perdu. Un collègue prend le relais pour s’assurer qu’il vous parvienne.',
    pt: 'Lamento: não consegui concluir o reembolso de {amount} da encomenda {orderId}. O dinheiro continua a ser-lhe devido e nada se perde. Um colega vai tratar disto para garantir que lhe chega.',
  },
  'I am sorry: the refund of {amount} for order {orderId} could not be completed, so it was undone. A colleague is taking this over to sort it out with you.': {
    de: 'Es tut mir leid: Die Erstattung von {amount} für die Bestellung {orderId} konnte nicht abgeschlossen werden und wurde daher rückgängig gemacht. Eine Kollegin oder ein Kollege übernimmt das und klärt es mit Ihnen.',
    es: 'Lo siento: el reembolso de {amount} del pedido {orderId} no se pudo completar, así que se ha anulado. Un compañero se encarga ahora de resolverlo con usted.',
    fr: 'Je suis désolé : le remboursement de {amount} pour la commande {orderId} n’a pas pu être finalisé, il a donc été annulé. Un collègue prend le relais pour régler cela avec vous.',
    pt: 'Lamento: o reembolso de {amount} da encomenda {orderId} não pôde ser concluído, por isso foi anulado. Um colega vai tratar disto para o resolver consigo.',
  },
  'We received your return for order {orderId}, but the refund could not be completed. A colleague will look into it and get back to you.': {
    de: 'Wir haben Ihre Rücksendung für die Bestellung {orderId} erhalten, aber die Erstattung konnte nicht abgeschlossen werden. Eine Kollegin oder ein Kollege sieht sich das an und meldet sich bei Ihnen.',
    es: 'Hemos recibido su devolución del pedido {orderId}, pero el reembolso no se pudo completar. Un compañero lo revisará y se pondrá en contacto con usted.',
    fr: 'Nous avons reçu votre retour pour la commande {orderId}, mais le remboursement n’a pas pu être finalisé. Un collègue va s’en occuper et reviendra vers vous.',
    pt: 'Recebemos a sua devolução da encomenda {orderId}, mas o reembolso não pôde ser concluído. Um colega vai analisar a situação e entrará em contacto consigo.',
  },
  'Good news: we received the items you sent back for order {orderId}.': {
    de: 'Gute Nachricht: Wir haben die Artikel erhalten, die Sie aus der Bestellung {orderId} zurückgesendet haben.',
    es: 'Buenas noticias: hemos recibido los artículos que devolvió del pedido {orderId}.',
    fr: 'Bonne nouvelle : nous avons reçu les articles que vous avez renvoyés de la commande {orderId}.',
    pt: 'Boas notícias: recebemos os artigos que devolveu da encomenda {orderId}.',
  },
  'We received your return for order {orderId}.': {
    de: 'Wir haben Ihre Rücksendung für die Bestellung {orderId} erhalten.',
    es: 'Hemos recibido su devolución del pedido {orderId}.',
    fr: 'Nous avons reçu votre retour pour la commande {orderId}.',
    pt: 'Recebemos a sua devolução da encomenda {orderId}.',
  },
  'Good news: we received your return for order {orderId}. Your refund of {amount} is on its way.': {
    de: 'Gute Nachricht: Wir haben Ihre Rücksendung für die Bestellung {orderId} erhalten. Ihre Erstattung von {amount} ist unterwegs.',
    es: 'Buenas noticias: hemos recibido su devolución del pedido {orderId}. Su reembolso de {amount} está en camino.',
    fr: 'Bonne nouvelle : nous avons reçu votre retour pour la commande {orderId}. Votre remboursement de {amount} est en route.',
    pt: 'Boas notícias: recebemos a sua devolução da encomenda {orderId}. O seu reembolso de {amount} está a caminho.',
  },
  // What a refund was for, named inside the refund-status sentences below.
  cancellation: { de: 'Stornierung', es: 'cancelación', fr: 'annulation', pt: 'cancelamento' },
  return: { de: 'Rücksendung', es: 'devolución', fr: 'retour', pt: 'devolução' },
  'price difference': { de: 'Preisdifferenz', es: 'diferencia de precio', fr: 'différence de prix', pt: 'diferença de preço' },
  goodwill: { de: 'Kulanz', es: 'cortesía', fr: 'geste commercial', pt: 'compensação' },
  'payment change': { de: 'Zahlungsänderung', es: 'cambio de pago', fr: 'changement de paiement', pt: 'alteração de pagamento' },
  'The {purpose} refund of {amount} for order {orderId} is being processed.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} wird bearbeitet.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} se está procesando.',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} est en cours de traitement.',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} está a ser processado.',
  },
  'The {purpose} refund of {amount} for order {orderId} has been sent; card and PayPal refunds take 5-7 business days to show.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} wurde versendet; Erstattungen auf Karte und PayPal sind nach 5-7 Werktagen sichtbar.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} se ha enviado; los reembolsos a tarjeta y PayPal tardan 5-7 días hábiles en verse.',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} a été envoyé ; les remboursements sur carte et PayPal mettent 5-7 jours ouvrés à apparaître.',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} foi enviado; os reembolsos para cartão e PayPal demoram 5-7 dias úteis a aparecer.',
  },
  'The {purpose} refund of {amount} for order {orderId} has been paid.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} wurde bezahlt.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} se ha pagado.',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} a été payé.',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} foi pago.',
  },
  'The {purpose} refund of {amount} for order {orderId} was stopped before any money moved.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} wurde gestoppt, bevor Geld geflossen ist.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} se detuvo antes de que se moviera dinero.',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} a été arrêté avant tout mouvement d’argent.',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} foi parado antes de haver qualquer movimento de dinheiro.',
  },
  'The {purpose} refund of {amount} for order {orderId} was stopped and undone.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} wurde gestoppt und rückgängig gemacht.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} se detuvo y se anuló.',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} a été arrêté et annulé.',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} foi parado e anulado.',
  },
  'The {purpose} refund of {amount} for order {orderId} is {status}.': {
    de: 'Die Erstattung ({purpose}) von {amount} für die Bestellung {orderId} hat den Status „{status}“.',
    es: 'El reembolso ({purpose}) de {amount} del pedido {orderId} tiene el estado «{status}».',
    fr: 'Le remboursement ({purpose}) de {amount} pour la commande {orderId} a le statut « {status} ».',
    pt: 'O reembolso ({purpose}) de {amount} da encomenda {orderId} tem o estado «{status}».',
  },
  'Order {orderId} has an exchange requested: its refund, if any, follows once the items are back with us.': {
    de: 'Für die Bestellung {orderId} ist ein Umtausch beantragt: Eine etwaige Erstattung folgt, sobald die Artikel wieder bei uns sind.',
    es: 'El pedido {orderId} tiene un cambio solicitado: su reembolso, si lo hay, llegará cuando los artículos estén de vuelta con nosotros.',
    fr: 'La commande {orderId} fait l’objet d’une demande d’échange : son remboursement éventuel suivra dès que les articles nous seront revenus.',
    pt: 'A encomenda {orderId} tem uma troca pedida: o reembolso, se houver, segue assim que os artigos estiverem de volta connosco.',
  },
  'Order {orderId} has a return requested: its refund, if any, follows once the items are back with us.': {
    de: 'Für die Bestellung {orderId} ist eine Rücksendung beantragt: Eine etwaige Erstattung folgt, sobald die Artikel wieder bei uns sind.',
    es: 'El pedido {orderId} tiene una devolución solicitada: su reembolso, si lo hay, llegará cuando los artículos estén de vuelta con nosotros.',
    fr: 'La commande {orderId} fait l’objet d’une demande de retour : son remboursement éventuel suivra dès que les articles nous seront revenus.',
    pt: 'A encomenda {orderId} tem uma devolução pedida: o reembolso, se houver, segue assim que os artigos estiverem de volta connosco.',
  },
  'I cannot see any refunds on your account.': {
    de: 'Ich sehe in Ihrem Konto keine Erstattungen.',
    es: 'No veo ningún reembolso en su cuenta.',
    fr: 'Je ne vois aucun remboursement sur votre compte.',
    pt: 'Não vejo nenhum reembolso na sua conta.',
  },
} as const satisfies Catalogue;
