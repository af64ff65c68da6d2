import type { Catalogue } from '../catalogue';

/**
 * The conversation's own words (workflows/conversation): still waiting for a person, leaving a request,
 * the rating, a person joining or stepping away, approvals, return follow-ups, the SLA apology, closing.
 */
export const CONVERSATION_MESSAGES = {
  'Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.': {
    de: 'Danke, ich habe das zu Ihrem Gespräch hinzugefügt. Jemand aus unserem Team sieht es, sobald das Gespräch übernommen wird.',
    es: 'Gracias, lo he añadido a su conversación. Un compañero lo verá en cuanto se haga cargo de ella.',
    fr: 'Merci, je l’ai ajouté à votre conversation. Un collègue le verra dès qu’il la prendra en charge.',
    pt: 'Obrigado, acrescentei isto à sua conversa. Um colega verá a mensagem assim que assumir a conversa.',
  },
  'Thank you for your feedback!': {
    de: 'Vielen Dank für Ihre Rückmeldung!',
    es: '¡Gracias por su valoración!',
    fr: 'Merci pour votre avis !',
    pt: 'Obrigado pela sua opinião!',
  },
  'All right, I have left that. What else can I do for you?': {
    de: 'In Ordnung, das lasse ich. Was kann ich sonst für Sie tun?',
    es: 'De acuerdo, lo dejo. ¿Qué más puedo hacer por usted?',
    fr: 'Très bien, je laisse cela de côté. Que puis-je faire d’autre pour vous ?',
    pt: 'Muito bem, deixei isso de lado. Em que mais posso ajudar?',
  },
  'Of course, a colleague can help you place it.': {
    de: 'Gern, jemand aus unserem Team kann Ihnen beim Bestellen helfen.',
    es: 'Por supuesto, un compañero puede ayudarle a hacer el pedido.',
    fr: 'Bien sûr, un collègue peut vous aider à passer la commande.',
    pt: 'Com certeza, um colega pode ajudá-lo a fazer a encomenda.',
  },
  'A colleague will pick up this conversation shortly and will see everything you have told me, so you will not need to repeat yourself. You can keep writing here in the meantime.': {
    de: 'Jemand aus unserem Team übernimmt dieses Gespräch in Kürze und sieht alles, was Sie mir gesagt haben, sodass Sie nichts wiederholen müssen. Sie können hier in der Zwischenzeit weiterschreiben.',
    es: 'Un compañero se hará cargo de esta conversación en breve y verá todo lo que me ha contado, así que no tendrá que repetirlo. Mientras tanto, puede seguir escribiendo aquí.',
    fr: 'Un collègue va reprendre cette conversation sous peu et verra tout ce que vous m’avez dit : vous n’aurez pas à vous répéter. En attendant, vous pouvez continuer à écrire ici.',
    pt: 'Um colega vai assumir esta conversa em breve e verá tudo o que me disse, para que não tenha de se repetir. Entretanto, pode continuar a escrever aqui.',
  },
  'Your colleague had to step away; another colleague will continue with you shortly.': {
    de: 'Ihr Ansprechpartner musste kurz weg; jemand anderes aus unserem Team macht in Kürze mit Ihnen weiter.',
    es: 'Su compañero ha tenido que ausentarse; otro compañero continuará con usted en breve.',
    fr: 'Votre conseiller a dû s’absenter ; un autre collègue va reprendre avec vous sous peu.',
    pt: 'O seu colega teve de se ausentar; outro colega continuará consigo em breve.',
  },
  '{name} from our team has joined the conversation.': {
    de: '{name} aus unserem Team ist dem Gespräch beigetreten.',
    es: '{name}, de nuestro equipo, se ha unido a la conversación.',
    fr: '{name}, de notre équipe, a rejoint la conversation.',
    pt: '{name}, da nossa equipa, juntou-se à conversa.',
  },
  'You are back with the assistant. What else can I do for you?': {
    de: 'Sie sind wieder beim Assistenten. Was kann ich sonst für Sie tun?',
    es: 'Vuelve a estar con el asistente. ¿Qué más puedo hacer por usted?',
    fr: 'Vous êtes de nouveau avec l’assistant. Que puis-je faire d’autre pour vous ?',
    pt: 'Está de novo com o assistente. Em que mais posso ajudar?',
  },
  'Before you go: how would you rate this conversation, from 1 (poor) to 5 (excellent)?': {
    de: 'Bevor Sie gehen: Wie bewerten Sie dieses Gespräch, von 1 (schlecht) bis 5 (ausgezeichnet)?',
    es: 'Antes de irse: ¿cómo valoraría esta conversación, del 1 (mala) al 5 (excelente)?',
    fr: 'Avant de partir : comment évalueriez-vous cette conversation, de 1 (mauvaise) à 5 (excellente) ?',
    pt: 'Antes de ir: como avalia esta conversa, de 1 (má) a 5 (excelente)?',
  },
  'Sorry for the wait: our colleagues are all busy right now. Yours will be with you as soon as possible, and you do not need to write again.': {
    de: 'Entschuldigen Sie die Wartezeit: Unser Team ist gerade voll ausgelastet. Jemand ist so bald wie möglich für Sie da, und Sie müssen nicht noch einmal schreiben.',
    es: 'Disculpe la espera: ahora mismo todos nuestros compañeros están ocupados. El suyo le atenderá lo antes posible, y no hace falta que vuelva a escribir.',
    fr: 'Désolé pour l’attente : tous nos collègues sont occupés pour le moment. Le vôtre sera avec vous dès que possible, et vous n’avez pas besoin de réécrire.',
    pt: 'Lamentamos a espera: neste momento os nossos colegas estão todos ocupados. O seu estará consigo o mais depressa possível, e não precisa de voltar a escrever.',
  },
  'The conversation was closed after a period of inactivity. Write again any time to continue it.': {
    de: 'Das Gespräch wurde nach einer Zeit ohne Aktivität geschlossen. Schreiben Sie jederzeit wieder, um es fortzusetzen.',
    es: 'La conversación se cerró tras un periodo de inactividad. Escriba de nuevo cuando quiera para continuarla.',
    fr: 'La conversation a été fermée après une période d’inactivité. Écrivez à nouveau quand vous voulez pour la poursuivre.',
    pt: 'A conversa foi encerrada após um período de inatividade. Volte a escrever quando quiser para a continuar.',
  },
  "This needs a supervisor's approval ({reason}). I have asked for it, and I will tell you here as soon as they decide. Nothing has changed yet.": {
    de: 'Dafür braucht es die Freigabe durch eine Führungskraft ({reason}). Ich habe sie angefragt und sage Ihnen hier Bescheid, sobald entschieden ist. Noch wurde nichts geändert.',
    es: 'Esto necesita la aprobación de un supervisor ({reason}). La he solicitado y le avisaré aquí en cuanto decida. Todavía no ha cambiado nada.',
    fr: 'Cela nécessite l’accord d’un superviseur ({reason}). Je l’ai demandé et je vous préviendrai ici dès qu’il aura décidé. Rien n’a encore changé.',
    pt: 'Isto precisa da aprovação de um supervisor ({reason}). Já a pedi e aviso-o aqui assim que houver uma decisão. Ainda não foi alterado nada.',
  },
  'A supervisor approved your request.': {
    de: 'Eine Führungskraft hat Ihre Anfrage freigegeben.',
    es: 'Un supervisor ha aprobado su solicitud.',
    fr: 'Un superviseur a approuvé votre demande.',
    pt: 'Um supervisor aprovou o seu pedido.',
  },
  'About your request ({detail}): A supervisor did not approve it: {reason}. Nothing has changed.': {
    de: 'Zu Ihrer Anfrage ({detail}): Eine Führungskraft hat sie nicht freigegeben: {reason}. Es wurde nichts geändert.',
    es: 'Sobre su solicitud ({detail}): un supervisor no la ha aprobado: {reason}. No ha cambiado nada.',
    fr: 'Au sujet de votre demande ({detail}) : un superviseur ne l’a pas approuvée : {reason}. Rien n’a changé.',
    pt: 'Sobre o seu pedido ({detail}): um supervisor não o aprovou: {reason}. Não foi alterado nada.',
  },
  'About your request ({detail}): A supervisor could not decide in time. Nothing has changed.': {
    de: 'Zu Ihrer Anfrage ({detail}): Eine Führungskraft konnte nicht rechtzeitig entscheiden. Es wurde nichts geändert.',
    es: 'Sobre su solicitud ({detail}): un supervisor no ha podido decidir a tiempo. No ha cambiado nada.',
    fr: 'Au sujet de votre demande ({detail}) : aucun superviseur n’a pu décider à temps. Rien n’a changé.',
    pt: 'Sobre o seu pedido ({detail}): um supervisor não conseguiu decidir a tempo. Não foi alterado nada.',
  },
  'We have not received the parcel for your return of order {orderId} yet. Your refund is sent as soon as it arrives. If you have already sent it, reply here with its tracking number.': {
    de: 'Das Paket zu Ihrer Rücksendung aus der Bestellung {orderId} ist bei uns noch nicht eingegangen. Ihre Erstattung geht raus, sobald es ankommt. Falls Sie es schon verschickt haben, antworten Sie hier bitte mit der Sendungsnummer.',
    es: 'Todavía no hemos recibido el paquete de su devolución del pedido {orderId}. Su reembolso se enviará en cuanto llegue. Si ya lo ha enviado, responda aquí con su número de seguimiento.',
    fr: 'Nous n’avons pas encore reçu le colis de votre retour de la commande {orderId}. Votre remboursement sera envoyé dès son arrivée. Si vous l’avez déjà expédié, répondez ici avec son numéro de suivi.',
    pt: 'Ainda não recebemos o pacote da sua devolução da encomenda {orderId}. O seu reembolso é enviado assim que chegar. Se já o enviou, responda aqui com o respetivo número de seguimento.',
  },
  'We still have not received the parcel for your return of order {orderId}, so a colleague will look into it.': {
    de: 'Das Paket zu Ihrer Rücksendung aus der Bestellung {orderId} ist noch immer nicht bei uns eingegangen, deshalb kümmert sich jemand aus unserem Team darum.',
    es: 'Seguimos sin recibir el paquete de su devolución del pedido {orderId}, así que un compañero lo revisará.',
    fr: 'Nous n’avons toujours pas reçu le colis de votre retour de la commande {orderId} : un collègue va donc s’en occuper.',
    pt: 'Continuamos sem receber o pacote da sua devolução da encomenda {orderId}, por isso um colega vai analisar a situação.',
  },
} as const satisfies Catalogue;
