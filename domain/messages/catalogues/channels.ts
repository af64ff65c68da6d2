import type { Catalogue } from '../catalogue';

/**
 * What the channels themselves say around the conversation's replies (channels/email, channels/voice):
 * how to answer a numbered list, subjects of our mails, a phone line's and a text's own lines.
 */
export const CHANNEL_MESSAGES = {
  // E-mail (channels/email/mail-text.ts, adapter.ts)
  'Reply with the number of your choice.': {
    de: 'Antworten Sie mit der Nummer Ihrer Wahl.',
    es: 'Responda con el número de su elección.',
    fr: 'Répondez avec le numéro de votre choix.',
    pt: 'Responda com o número da sua escolha.',
  },
  'Re: your message to support': {
    de: 'Re: Ihre Nachricht an den Kundenservice',
    es: 'Re: su mensaje al servicio de atención al cliente',
    fr: 'Re : votre message au service client',
    pt: 'Re: a sua mensagem para o apoio ao cliente',
  },
  'Reset your password': {
    de: 'Setzen Sie Ihr Passwort zurück',
    es: 'Restablezca su contraseña',
    fr: 'Réinitialisez votre mot de passe',
    pt: 'Redefina a sua palavra-passe',
  },
  'The e-mail address on your account was changed': {
    de: 'Die E-Mail-Adresse Ihres Kontos wurde geändert',
    es: 'Se ha cambiado la dirección de correo electrónico de su cuenta',
    fr: 'L’adresse e-mail de votre compte a été modifiée',
    pt: 'O endereço de e-mail da sua conta foi alterado',
  },
  'Your invoice': {
    de: 'Ihre Rechnung',
    es: 'Su factura',
    fr: 'Votre facture',
    pt: 'A sua fatura',
  },
  'A message from customer support': {
    de: 'Eine Nachricht vom Kundenservice',
    es: 'Un mensaje del servicio de atención al cliente',
    fr: 'Un message du service client',
    pt: 'Uma mensagem do apoio ao cliente',
  },
  // Voice (channels/voice/speech.ts, twilio-webhooks.ts)
  'Say yes or press 1 to confirm.': {
    de: 'Sagen Sie Ja oder drücken Sie die 1, um zu bestätigen.',
    es: 'Diga sí o pulse 1 para confirmar.',
    fr: 'Dites oui ou appuyez sur 1 pour confirmer.',
    pt: 'Diga sim ou prima 1 para confirmar.',
  },
  'Say no or press 2 if not.': {
    de: 'Sagen Sie Nein oder drücken Sie die 2, wenn nicht.',
    es: 'Diga no o pulse 2 si no.',
    fr: 'Dites non ou appuyez sur 2 si ce n’est pas le cas.',
    pt: 'Diga não ou prima 2 se não.',
  },
  'Press {key} for {option}.': {
    de: 'Drücken Sie die {key} für {option}.',
    es: 'Pulse {key} para {option}.',
    fr: 'Appuyez sur {key} pour {option}.',
    pt: 'Prima {key} para {option}.',
  },
  'Or say the one you want.': {
    de: 'Oder sagen Sie, was Sie möchten.',
    es: 'O diga la opción que desea.',
    fr: 'Ou dites celle que vous souhaitez.',
    pt: 'Ou diga a opção que pretende.',
  },
  'a web link': {
    de: 'ein Weblink',
    es: 'un enlace web',
    fr: 'un lien web',
    pt: 'uma ligação web',
  },
  'I did not hear anything, so I will hang up now. Call again any time. Goodbye.': {
    de: 'Ich habe nichts gehört und lege deshalb jetzt auf. Rufen Sie jederzeit wieder an. Auf Wiederhören.',
    es: 'No he oído nada, así que voy a colgar. Vuelva a llamar cuando quiera. Adiós.',
    fr: 'Je n’ai rien entendu, je vais donc raccrocher. Rappelez quand vous voulez. Au revoir.',
    pt: 'Não ouvi nada, por isso vou desligar agora. Ligue novamente quando quiser. Adeus.',
  },
  'Sorry, I did not catch that. Please say it again, or use the keypad.': {
    de: 'Entschuldigung, das habe ich nicht verstanden. Bitte sagen Sie es noch einmal oder benutzen Sie die Tastatur.',
    es: 'Disculpe, no lo he entendido. Por favor, repítalo o use el teclado.',
    fr: 'Désolé, je n’ai pas compris. Veuillez répéter ou utiliser le clavier.',
    pt: 'Desculpe, não percebi. Por favor, repita ou utilize o teclado.',
  },
  'That is taking longer than it should. Please say it again in a moment.': {
    de: 'Das dauert länger als es sollte. Bitte sagen Sie es gleich noch einmal.',
    es: 'Esto está tardando más de lo debido. Por favor, repítalo en un momento.',
    fr: 'Cela prend plus de temps que prévu. Veuillez répéter dans un instant.',
    pt: 'Isto está a demorar mais do que devia. Por favor, repita daqui a pouco.',
  },
  'Please hold while I connect you to a person.': {
    de: 'Bitte bleiben Sie dran, ich verbinde Sie mit einer Person.',
    es: 'Por favor, espere mientras le comunico con una persona.',
    fr: 'Veuillez patienter, je vous mets en relation avec une personne.',
    pt: 'Por favor, aguarde enquanto o ligo a uma pessoa.',
  },
  'Nobody can take the call right now, so a person will call you back at this number as soon as one is free. Goodbye.': {
    de: 'Gerade kann niemand den Anruf annehmen, daher ruft Sie eine Person unter dieser Nummer zurück, sobald jemand frei ist. Auf Wiederhören.',
    es: 'Ahora mismo nadie puede atender la llamada, así que una persona le devolverá la llamada a este número en cuanto quede libre. Adiós.',
    fr: 'Personne ne peut prendre l’appel pour le moment, une personne vous rappellera donc à ce numéro dès qu’elle sera disponible. Au revoir.',
    pt: 'Neste momento ninguém pode atender a chamada, por isso uma pessoa ligará de volta para este número assim que estiver livre. Adeus.',
  },
  // SMS (channels/voice/speech.ts, twilio-webhooks.ts)
  'Reply YES to confirm or NO if not.': {
    de: 'Antworten Sie JA zum Bestätigen oder NEIN, wenn nicht.',
    es: 'Responda SÍ para confirmar o NO si no.',
    fr: 'Répondez OUI pour confirmer ou NON si ce n’est pas le cas.',
    pt: 'Responda SIM para confirmar ou NÃO se não.',
  },
  'Reply with a number.': {
    de: 'Antworten Sie mit einer Nummer.',
    es: 'Responda con un número.',
    fr: 'Répondez avec un numéro.',
    pt: 'Responda com um número.',
  },
  'Thanks, we got your message. The answer is taking a little longer than usual; please text again in a minute.': {
    de: 'Danke, wir haben Ihre Nachricht erhalten. Die Antwort dauert etwas länger als üblich; bitte schreiben Sie in einer Minute noch einmal.',
    es: 'Gracias, hemos recibido su mensaje. La respuesta está tardando algo más de lo habitual; por favor, vuelva a escribir dentro de un minuto.',
    fr: 'Merci, nous avons bien reçu votre message. La réponse prend un peu plus de temps que d’habitude ; veuillez réécrire dans une minute.',
    pt: 'Obrigado, recebemos a sua mensagem. A resposta está a demorar um pouco mais do que o habitual; por favor, volte a escrever dentro de um minuto.',
  },
  'A person will answer you here by text.': {
    de: 'Eine Person wird Ihnen hier per SMS antworten.',
    es: 'Una persona le responderá aquí por mensaje.',
    fr: 'Une personne vous répondra ici par SMS.',
    pt: 'Uma pessoa irá responder-lhe aqui por mensagem.',
  },
  // Mails to the address on file (domain/accounts/password-reset.ts, activities/commerce.ts)
  'Someone asked to reset the password of your account. To choose a new password, open {link} within {minutes} minutes; the link works once. If it was not you, ignore this message: your password stays as it is.': {
    de: 'Jemand hat darum gebeten, das Passwort Ihres Kontos zurückzusetzen. Um ein neues Passwort zu wählen, öffnen Sie {link} innerhalb von {minutes} Minuten; der Link funktioniert nur einmal. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.',
    es: 'Alguien ha pedido restablecer la contraseña de su cuenta. Para elegir una contraseña nueva, abra {link} en los próximos {minutes} minutos; el enlace funciona una sola vez. Si no ha sido usted, ignore este mensaje: su contraseña seguirá igual.',
    fr: 'Quelqu’un a demandé la réinitialisation du mot de passe de votre compte. Pour choisir un nouveau mot de passe, ouvrez {link} dans les {minutes} minutes ; le lien ne fonctionne qu’une fois. Si ce n’était pas vous, ignorez ce message : votre mot de passe reste inchangé.',
    pt: 'Alguém pediu para redefinir a palavra-passe da sua conta. Para escolher uma nova palavra-passe, abra {link} dentro de {minutes} minutos; a ligação só funciona uma vez. Se não fez este pedido, ignore esta mensagem: a sua palavra-passe fica como está.',
  },
  'The e-mail address on your account was changed from {from} to {to}. If you did not ask for this, reply to this message and we will look into it at once.': {
    de: 'Die E-Mail-Adresse Ihres Kontos wurde von {from} in {to} geändert. Wenn Sie das nicht veranlasst haben, antworten Sie auf diese Nachricht, und wir gehen der Sache sofort nach.',
    es: 'La dirección de correo electrónico de su cuenta se ha cambiado de {from} a {to}. Si no lo ha solicitado usted, responda a este mensaje y lo revisaremos de inmediato.',
    fr: 'L’adresse e-mail de votre compte a été changée de {from} en {to}. Si vous n’avez pas demandé ce changement, répondez à ce message et nous examinerons la situation immédiatement.',
    pt: 'O endereço de e-mail da sua conta foi alterado de {from} para {to}. Se não pediu esta alteração, responda a esta mensagem e iremos analisar a situação de imediato.',
  },
  'Hello {name}, your invoice {invoice} for order {orderId} is a PDF at {url} (valid until {expiresAt}).': {
    de: 'Hallo {name}, Ihre Rechnung {invoice} zur Bestellung {orderId} liegt als PDF unter {url} bereit (gültig bis {expiresAt}).',
    es: 'Hola, {name}: su factura {invoice} del pedido {orderId} está en PDF en {url} (válida hasta {expiresAt}).',
    fr: 'Bonjour {name}, votre facture {invoice} pour la commande {orderId} est un PDF disponible sur {url} (valable jusqu’au {expiresAt}).',
    pt: 'Olá {name}, a sua fatura {invoice} da encomenda {orderId} está em PDF em {url} (válida até {expiresAt}).',
  },
} as const satisfies Catalogue;
