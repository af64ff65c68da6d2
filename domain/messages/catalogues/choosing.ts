import type { Catalogue } from '../catalogue';

/**
 * Asking which order, item or option again, and the order step's own words
 * (workflows/conversation/flows/steps/choosing.ts and choose-order.ts).
 */
export const CHOOSING_MESSAGES = {
  'More than one fits that. Which one do you mean: {options}?': {
    de: 'Darauf passt mehr als eine Möglichkeit. Welche meinen Sie: {options}?',
    es: 'Eso encaja con más de una opción. ¿Cuál quiere decir: {options}?',
    fr: 'Plusieurs options correspondent. Laquelle voulez-vous dire : {options} ?',
    pt: 'Isso corresponde a mais do que uma opção. Qual quer dizer: {options}?',
  },
  'None of the orders I can offer here fits that description. These are the ones there are:': {
    de: 'Keine der Bestellungen, die ich hier anbieten kann, passt zu dieser Beschreibung. Das sind die vorhandenen:',
    es: 'Ninguno de los pedidos que puedo ofrecerle aquí encaja con esa descripción. Estos son los que hay:',
    fr: 'Aucune des commandes que je peux vous proposer ici ne correspond à cette description. Voici celles qui existent :',
    pt: 'Nenhuma das encomendas que posso propor aqui corresponde a essa descrição. Estas são as que existem:',
  },
  'None of the items I can offer here fits that description. These are the ones there are:': {
    de: 'Keiner der Artikel, die ich hier anbieten kann, passt zu dieser Beschreibung. Das sind die vorhandenen:',
    es: 'Ninguno de los artículos que puedo ofrecerle aquí encaja con esa descripción. Estos son los que hay:',
    fr: 'Aucun des articles que je peux vous proposer ici ne correspond à cette description. Voici ceux qui existent :',
    pt: 'Nenhum dos artigos que posso propor aqui corresponde a essa descrição. Estes são os que existem:',
  },
  'None of the payment methods I can offer here fits that description. These are the ones there are:': {
    de: 'Keine der Zahlungsarten, die ich hier anbieten kann, passt zu dieser Beschreibung. Das sind die vorhandenen:',
    es: 'Ninguno de los medios de pago que puedo ofrecerle aquí encaja con esa descripción. Estos son los que hay:',
    fr: 'Aucun des moyens de paiement que je peux vous proposer ici ne correspond à cette description. Voici ceux qui existent :',
    pt: 'Nenhum dos meios de pagamento que posso propor aqui corresponde a essa descrição. Estes são os que existem:',
  },
  'None of the options I can offer here fits that description. These are the ones there are:': {
    de: 'Keine der Möglichkeiten, die ich hier anbieten kann, passt zu dieser Beschreibung. Das sind die vorhandenen:',
    es: 'Ninguna de las opciones que puedo ofrecerle aquí encaja con esa descripción. Estas son las que hay:',
    fr: 'Aucune des options que je peux vous proposer ici ne correspond à cette description. Voici celles qui existent :',
    pt: 'Nenhuma das opções que posso propor aqui corresponde a essa descrição. Estas são as que existem:',
  },
  'What is the e-mail address on your account?': {
    de: 'Wie lautet die E-Mail-Adresse Ihres Kontos?',
    es: '¿Cuál es la dirección de correo electrónico de su cuenta?',
    fr: 'Quelle est l’adresse e-mail de votre compte ?',
    pt: 'Qual é o endereço de e-mail da sua conta?',
  },
  'Thanks, {firstName}.': { de: 'Danke, {firstName}.', es: 'Gracias, {firstName}.', fr: 'Merci, {firstName}.', pt: 'Obrigado, {firstName}.' },
  'That is not one of the orders I can help with here.': {
    de: 'Bei dieser Bestellung kann ich Ihnen hier nicht helfen.',
    es: 'Ese no es uno de los pedidos con los que puedo ayudarle aquí.',
    fr: 'Ce n’est pas l’une des commandes pour lesquelles je peux vous aider ici.',
    pt: 'Essa não é uma das encomendas com que posso ajudar aqui.',
  },
  'Order {named} is not one I can help with for this request, so we are still on order {orderId}.': {
    de: 'Bei der Bestellung {named} kann ich für dieses Anliegen nicht helfen, daher bleiben wir bei der Bestellung {orderId}.',
    es: 'No puedo ayudarle con el pedido {named} para esta solicitud, así que seguimos con el pedido {orderId}.',
    fr: 'Je ne peux pas vous aider pour la commande {named} dans cette demande, nous restons donc sur la commande {orderId}.',
    pt: 'Não posso ajudar com a encomenda {named} neste pedido, por isso continuamos com a encomenda {orderId}.',
  },
  'Please choose one of the options.': {
    de: 'Bitte wählen Sie eine der Möglichkeiten.',
    es: 'Por favor, elija una de las opciones.',
    fr: 'Veuillez choisir l’une des options.',
    pt: 'Por favor, escolha uma das opções.',
  },
  'All right, order {orderId} instead.': {
    de: 'In Ordnung, dann die Bestellung {orderId}.',
    es: 'De acuerdo, entonces el pedido {orderId}.',
    fr: 'Très bien, la commande {orderId} alors.',
    pt: 'Muito bem, então a encomenda {orderId}.',
  },
  'Order {orderId} is pending, so:': {
    de: 'Die Bestellung {orderId} ist noch nicht bearbeitet, daher:',
    es: 'El pedido {orderId} está pendiente, así que:',
    fr: 'La commande {orderId} est en attente, donc :',
    pt: 'A encomenda {orderId} está pendente, por isso:',
  },
  'Order {orderId} is processed, so:': {
    de: 'Die Bestellung {orderId} ist bearbeitet, daher:',
    es: 'El pedido {orderId} está procesado, así que:',
    fr: 'La commande {orderId} est traitée, donc :',
    pt: 'A encomenda {orderId} está processada, por isso:',
  },
  'Order {orderId} is delivered, so:': {
    de: 'Die Bestellung {orderId} ist zugestellt, daher:',
    es: 'El pedido {orderId} está entregado, así que:',
    fr: 'La commande {orderId} est livrée, donc :',
    pt: 'A encomenda {orderId} foi entregue, por isso:',
  },
  'Order {orderId} is cancelled, so:': {
    de: 'Die Bestellung {orderId} ist storniert, daher:',
    es: 'El pedido {orderId} está cancelado, así que:',
    fr: 'La commande {orderId} est annulée, donc :',
    pt: 'A encomenda {orderId} foi cancelada, por isso:',
  },
  'Order {orderId} is {status}, so:': {
    de: 'Die Bestellung {orderId} hat den Status „{status}“, daher:',
    es: 'El pedido {orderId} tiene el estado «{status}», así que:',
    fr: 'La commande {orderId} a le statut « {status} », donc :',
    pt: 'A encomenda {orderId} tem o estado «{status}», por isso:',
  },
} as const satisfies Catalogue;
