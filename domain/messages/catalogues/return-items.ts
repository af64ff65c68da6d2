import type { Catalogue } from '../catalogue';

/** Returning delivered items (workflows/conversation/flows/return-items.ts). */
export const RETURN_ITEMS_MESSAGES = {
  'Yes, return them': { de: 'Ja, zurücksenden', es: 'Sí, devolverlos', fr: 'Oui, je les retourne', pt: 'Sim, devolvê-los' },
  'No, keep them': { de: 'Nein, ich behalte sie', es: 'No, me los quedo', fr: 'Non, je les garde', pt: 'Não, quero ficar com eles' },
  'Which items of order {orderId} would you like to return? You can name several, or say "all".': {
    de: 'Welche Artikel der Bestellung {orderId} möchten Sie zurücksenden? Sie können mehrere nennen oder „alle“ sagen.',
    es: '¿Qué artículos del pedido {orderId} quiere devolver? Puede nombrar varios o decir «todos».',
    fr: 'Quels articles de la commande {orderId} souhaitez-vous retourner ? Vous pouvez en citer plusieurs, ou dire « tous ».',
    pt: 'Que artigos da encomenda {orderId} pretende devolver? Pode indicar vários ou dizer «todos».',
  },
  'Where should the refund go? To the way you paid, or to a gift card:': {
    de: 'Wohin soll die Erstattung gehen? Auf die Zahlungsart, mit der Sie bezahlt haben, oder auf eine Geschenkkarte:',
    es: '¿Adónde debe ir el reembolso? Al medio con el que pagó o a una tarjeta regalo:',
    fr: 'Où le remboursement doit-il aller ? Sur le moyen de paiement utilisé, ou sur une carte cadeau :',
    pt: 'Para onde deve ir o reembolso? Para o meio com que pagou, ou para um cartão-oferta:',
  },
  'Which of these items? Name them, give their numbers, or say "all".': {
    de: 'Welche dieser Artikel? Nennen Sie sie, geben Sie ihre Nummern an oder sagen Sie „alle“.',
    es: '¿Cuáles de estos artículos? Nómbrelos, indique sus números o diga «todos».',
    fr: 'Lesquels de ces articles ? Nommez-les, donnez leurs numéros ou dites « tous ».',
    pt: 'Quais destes artigos? Indique-os pelo nome ou pelo número, ou diga «todos».',
  },
  'Please choose one of these for the refund:': {
    de: 'Bitte wählen Sie eine dieser Möglichkeiten für die Erstattung:',
    es: 'Por favor, elija una de estas opciones para el reembolso:',
    fr: 'Veuillez choisir l’une de ces options pour le remboursement :',
    pt: 'Por favor, escolha uma destas opções para o reembolso:',
  },
  'All right, nothing will be returned. Anything else I can do?': {
    de: 'In Ordnung, es wird nichts zurückgesendet. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, no se devolverá nada. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, rien ne sera retourné. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, nada será devolvido. Posso ajudar em mais alguma coisa?',
  },
  'Done: the return for order {orderId} is requested. You will get an e-mail on how to send the items back; as soon as they reach us, your refund of {amount} is on its way, and I will let you know here.': {
    de: 'Erledigt: Die Rücksendung für die Bestellung {orderId} ist beantragt. Sie erhalten eine E-Mail, wie Sie die Artikel zurücksenden; sobald sie bei uns ankommen, ist Ihre Erstattung von {amount} unterwegs, und ich sage Ihnen hier Bescheid.',
    es: 'Hecho: la devolución del pedido {orderId} está solicitada. Recibirá un correo electrónico con instrucciones para enviar los artículos; en cuanto nos lleguen, su reembolso de {amount} estará en camino, y se lo haré saber aquí.',
    fr: 'C’est fait : le retour de la commande {orderId} est demandé. Vous recevrez un e-mail expliquant comment renvoyer les articles ; dès qu’ils nous parviennent, votre remboursement de {amount} est en route, et je vous préviendrai ici.',
    pt: 'Feito: a devolução da encomenda {orderId} foi pedida. Vai receber um e-mail com as instruções para enviar os artigos; assim que nos chegarem, o seu reembolso de {amount} segue a caminho, e aviso-o aqui.',
  },
} as const satisfies Catalogue;
