import type { Catalogue } from '../catalogue';

/** Changing items of a pending order and exchanging delivered ones (workflows/conversation/flows/steps/item-change.ts). */
export const ITEM_CHANGE_MESSAGES = {
  'Yes, change it': { de: 'Ja, ändern', es: 'Sí, cámbielo', fr: 'Oui, modifiez-le', pt: 'Sim, altere-o' },
  'No, keep it as it is': { de: 'Nein, so lassen', es: 'No, déjelo como está', fr: 'Non, laissez-le tel quel', pt: 'Não, deixe como está' },
  '{reason} Which other payment method should pay the difference?': {
    de: '{reason} Mit welcher anderen Zahlungsart soll die Differenz bezahlt werden?',
    es: '{reason} ¿Con qué otro medio de pago se debe abonar la diferencia?',
    fr: '{reason} Quel autre moyen de paiement doit régler la différence ?',
    pt: '{reason} Que outro meio de pagamento deve pagar a diferença?',
  },
  'Which items of order {orderId} would you like to change? You can name several.': {
    de: 'Welche Artikel der Bestellung {orderId} möchten Sie ändern? Sie können mehrere nennen.',
    es: '¿Qué artículos del pedido {orderId} quiere cambiar? Puede nombrar varios.',
    fr: 'Quels articles de la commande {orderId} souhaitez-vous modifier ? Vous pouvez en citer plusieurs.',
    pt: 'Que artigos da encomenda {orderId} pretende alterar? Pode indicar vários.',
  },
  'Which of these items? Name them or give their numbers.': {
    de: 'Welche dieser Artikel? Nennen Sie sie oder geben Sie ihre Nummern an.',
    es: '¿Cuáles de estos artículos? Nómbrelos o indique sus números.',
    fr: 'Lesquels de ces articles ? Nommez-les ou donnez leurs numéros.',
    pt: 'Quais destes artigos? Indique-os pelo nome ou pelo número.',
  },
  'Please choose one of these options:': {
    de: 'Bitte wählen Sie eine dieser Möglichkeiten:',
    es: 'Por favor, elija una de estas opciones:',
    fr: 'Veuillez choisir l’une de ces options :',
    pt: 'Por favor, escolha uma destas opções:',
  },
  'Which payment method should pay, or receive, the price difference?': {
    de: 'Über welche Zahlungsart soll die Preisdifferenz bezahlt oder erstattet werden?',
    es: '¿Qué medio de pago debe abonar, o recibir, la diferencia de precio?',
    fr: 'Quel moyen de paiement doit régler, ou recevoir, la différence de prix ?',
    pt: 'Que meio de pagamento deve pagar, ou receber, a diferença de preço?',
  },
  'Please choose one of these payment methods:': {
    de: 'Bitte wählen Sie eine dieser Zahlungsarten:',
    es: 'Por favor, elija uno de estos medios de pago:',
    fr: 'Veuillez choisir l’un de ces moyens de paiement :',
    pt: 'Por favor, escolha um destes meios de pagamento:',
  },
  'The price difference is to be refunded to {method}.': {
    de: 'Die Preisdifferenz soll auf {method} erstattet werden.',
    es: 'La diferencia de precio debe reembolsarse a {method}.',
    fr: 'La différence de prix doit être remboursée sur {method}.',
    pt: 'A diferença de preço deve ser reembolsada para {method}.',
  },
  'The price difference of {amount} is refunded to {method}.': {
    de: 'Die Preisdifferenz von {amount} wird auf {method} erstattet.',
    es: 'La diferencia de precio de {amount} se reembolsa a {method}.',
    fr: 'La différence de prix de {amount} est remboursée sur {method}.',
    pt: 'A diferença de preço de {amount} é reembolsada para {method}.',
  },
  'The price difference of {amount} is charged to {method}.': {
    de: 'Die Preisdifferenz von {amount} wird über {method} abgebucht.',
    es: 'La diferencia de precio de {amount} se carga a {method}.',
    fr: 'La différence de prix de {amount} est débitée sur {method}.',
    pt: 'A diferença de preço de {amount} é cobrada em {method}.',
  },
  'Done: the item on order {orderId} is changed.': {
    de: 'Erledigt: Der Artikel der Bestellung {orderId} ist geändert.',
    es: 'Hecho: el artículo del pedido {orderId} está cambiado.',
    fr: 'C’est fait : l’article de la commande {orderId} est modifié.',
    pt: 'Feito: o artigo da encomenda {orderId} foi alterado.',
  },
  'Done: the items on order {orderId} are changed.': {
    de: 'Erledigt: Die Artikel der Bestellung {orderId} sind geändert.',
    es: 'Hecho: los artículos del pedido {orderId} están cambiados.',
    fr: 'C’est fait : les articles de la commande {orderId} sont modifiés.',
    pt: 'Feito: os artigos da encomenda {orderId} foram alterados.',
  },
  '{item} has no other option in stock at the moment, so it cannot be changed.': {
    de: 'Für {item} ist im Moment keine andere Ausführung vorrätig, daher kann der Artikel nicht geändert werden.',
    es: '{item} no tiene ahora mismo otra opción en existencias, así que no se puede cambiar.',
    fr: '{item} n’a pas d’autre option en stock pour le moment, il ne peut donc pas être modifié.',
    pt: '{item} não tem neste momento outra opção em stock, por isso não pode ser alterado.',
  },
  'What would you like instead of {item}?': {
    de: 'Was hätten Sie gern anstelle von {item}?',
    es: '¿Qué desea en lugar de {item}?',
    fr: 'Que souhaitez-vous à la place de {item} ?',
    pt: 'O que pretende em vez de {item}?',
  },
  'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the item back; once it reaches us, the new one ships.': {
    de: 'Erledigt: Der Umtausch für die Bestellung {orderId} ist beantragt. Sie erhalten eine E-Mail, wie Sie den Artikel zurücksenden; sobald er bei uns ankommt, wird der neue verschickt.',
    es: 'Hecho: el cambio del pedido {orderId} está solicitado. Recibirá un correo electrónico con instrucciones para devolver el artículo; en cuanto nos llegue, se enviará el nuevo.',
    fr: 'C’est fait : l’échange de la commande {orderId} est demandé. Vous recevrez un e-mail expliquant comment renvoyer l’article ; dès qu’il nous parvient, le nouveau est expédié.',
    pt: 'Feito: a troca da encomenda {orderId} foi pedida. Vai receber um e-mail com as instruções para devolver o artigo; assim que nos chegar, o novo é enviado.',
  },
  'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the items back; once they reach us, the new ones ship.': {
    de: 'Erledigt: Der Umtausch für die Bestellung {orderId} ist beantragt. Sie erhalten eine E-Mail, wie Sie die Artikel zurücksenden; sobald sie bei uns ankommen, werden die neuen verschickt.',
    es: 'Hecho: el cambio del pedido {orderId} está solicitado. Recibirá un correo electrónico con instrucciones para devolver los artículos; en cuanto nos lleguen, se enviarán los nuevos.',
    fr: 'C’est fait : l’échange de la commande {orderId} est demandé. Vous recevrez un e-mail expliquant comment renvoyer les articles ; dès qu’ils nous parviennent, les nouveaux sont expédiés.',
    pt: 'Feito: a troca da encomenda {orderId} foi pedida. Vai receber um e-mail com as instruções para devolver os artigos; assim que nos chegarem, os novos são enviados.',
  },
  'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the item back; once it reaches us, the new one ships and the price difference of {amount} is refunded.': {
    de: 'Erledigt: Der Umtausch für die Bestellung {orderId} ist beantragt. Sie erhalten eine E-Mail, wie Sie den Artikel zurücksenden; sobald er bei uns ankommt, wird der neue verschickt und die Preisdifferenz von {amount} erstattet.',
    es: 'Hecho: el cambio del pedido {orderId} está solicitado. Recibirá un correo electrónico con instrucciones para devolver el artículo; en cuanto nos llegue, se enviará el nuevo y se reembolsará la diferencia de precio de {amount}.',
    fr: 'C’est fait : l’échange de la commande {orderId} est demandé. Vous recevrez un e-mail expliquant comment renvoyer l’article ; dès qu’il nous parvient, le nouveau est expédié et la différence de prix de {amount} est remboursée.',
    pt: 'Feito: a troca da encomenda {orderId} foi pedida. Vai receber um e-mail com as instruções para devolver o artigo; assim que nos chegar, o novo é enviado e a diferença de preço de {amount} é reembolsada.',
  },
  'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the items back; once they reach us, the new ones ship and the price difference of {amount} is refunded.': {
    de: 'Erledigt: Der Umtausch für die Bestellung {orderId} ist beantragt. Sie erhalten eine E-Mail, wie Sie die Artikel zurücksenden; sobald sie bei uns ankommen, werden die neuen verschickt und die Preisdifferenz von {amount} erstattet.',
    es: 'Hecho: el cambio del pedido {orderId} está solicitado. Recibirá un correo electrónico con instrucciones para devolver los artículos; en cuanto nos lleguen, se enviarán los nuevos y se reembolsará la diferencia de precio de {amount}.',
    fr: 'C’est fait : l’échange de la commande {orderId} est demandé. Vous recevrez un e-mail expliquant comment renvoyer les articles ; dès qu’ils nous parviennent, les nouveaux sont expédiés et la différence de prix de {amount} est remboursée.',
    pt: 'Feito: a troca da encomenda {orderId} foi pedida. Vai receber um e-mail com as instruções para devolver os artigos; assim que nos chegarem, os novos são enviados e a diferença de preço de {amount} é reembolsada.',
  },
} as const satisfies Catalogue;
