import type { Catalogue } from '../catalogue';

/**
 * The customer's own account: closing it (flows/delete-account.ts), its name and e-mail
 * (edit-account.ts), a new password or a sign-up that fails (recover-password.ts), the newsletter
 * (newsletter.ts, with the consent wording of domain/commerce/newsletter.ts).
 */
export const ACCOUNT_MESSAGES = {
  'Yes, keep my account': { de: 'Ja, mein Konto behalten', es: 'Sí, conservar mi cuenta', fr: 'Oui, garder mon compte', pt: 'Sim, manter a minha conta' },
  'No, erase it': { de: 'Nein, löschen', es: 'No, eliminarla', fr: 'Non, le supprimer', pt: 'Não, eliminá-la' },
  'Yes, close my account': { de: 'Ja, mein Konto schließen', es: 'Sí, cerrar mi cuenta', fr: 'Oui, fermer mon compte', pt: 'Sim, encerrar a minha conta' },
  'Your account is due to be erased on {day}. Shall I cancel the deletion, so your account stays?': {
    de: 'Ihr Konto soll am {day} gelöscht werden. Soll ich die Löschung aufheben, damit Ihr Konto bestehen bleibt?',
    es: 'Su cuenta se eliminará el {day}. ¿Quiere que anule la eliminación para que su cuenta se mantenga?',
    fr: 'Votre compte doit être supprimé le {day}. Dois-je annuler la suppression, pour que votre compte soit conservé ?',
    pt: 'A sua conta está prevista para ser eliminada a {day}. Quer que cancele a eliminação, para que a sua conta se mantenha?',
  },
  'All right, your account will be erased on {day}.': {
    de: 'In Ordnung, Ihr Konto wird am {day} gelöscht.',
    es: 'De acuerdo, su cuenta se eliminará el {day}.',
    fr: 'Très bien, votre compte sera supprimé le {day}.',
    pt: 'Muito bem, a sua conta será eliminada a {day}.',
  },
  'Shall I cancel the deletion? Please answer yes or no.': {
    de: 'Soll ich die Löschung aufheben? Bitte antworten Sie mit Ja oder Nein.',
    es: '¿Anulo la eliminación? Por favor, responda sí o no.',
    fr: 'Dois-je annuler la suppression ? Veuillez répondre par oui ou par non.',
    pt: 'Quer que cancele a eliminação? Por favor, responda sim ou não.',
  },
  'There is no deletion of your account waiting any more, so there is nothing to cancel.': {
    de: 'Es steht keine Löschung Ihres Kontos mehr aus, daher gibt es nichts aufzuheben.',
    es: 'Ya no hay ninguna eliminación de su cuenta pendiente, así que no hay nada que anular.',
    fr: 'Aucune suppression de votre compte n’est plus prévue, il n’y a donc rien à annuler.',
    pt: 'Já não há nenhuma eliminação da sua conta pendente, por isso não há nada a cancelar.',
  },
  'Done: the deletion is cancelled, and your account stays as it is.': {
    de: 'Erledigt: Die Löschung ist aufgehoben, und Ihr Konto bleibt, wie es ist.',
    es: 'Hecho: la eliminación está anulada y su cuenta se queda como está.',
    fr: 'C’est fait : la suppression est annulée, et votre compte reste tel quel.',
    pt: 'Feito: a eliminação foi cancelada e a sua conta fica como está.',
  },
  'All right, your account stays open. Anything else I can do?': {
    de: 'In Ordnung, Ihr Konto bleibt bestehen. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, su cuenta sigue abierta. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, votre compte reste ouvert. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, a sua conta continua aberta. Posso ajudar em mais alguma coisa?',
  },
  'Done: your account will be closed and your personal data erased on {day}. Until then you can cancel it: just tell us "cancel the deletion", here or in a new conversation.': {
    de: 'Erledigt: Ihr Konto wird am {day} geschlossen und Ihre persönlichen Daten werden gelöscht. Bis dahin können Sie das aufheben: Schreiben Sie uns einfach „Löschung aufheben“, hier oder in einem neuen Gespräch.',
    es: 'Hecho: su cuenta se cerrará y sus datos personales se eliminarán el {day}. Hasta entonces puede anularlo: solo tiene que escribirnos «anular la eliminación», aquí o en una nueva conversación.',
    fr: 'C’est fait : votre compte sera fermé et vos données personnelles supprimées le {day}. D’ici là, vous pouvez l’annuler : écrivez-nous simplement « annuler la suppression », ici ou dans une nouvelle conversation.',
    pt: 'Feito: a sua conta será encerrada e os seus dados pessoais eliminados a {day}. Até lá pode cancelar: basta escrever-nos «cancelar a eliminação», aqui ou numa nova conversa.',
  },

  'What should the new name or e-mail address on your account be? Please write it out, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.': {
    de: 'Wie sollen der neue Name oder die neue E-Mail-Adresse Ihres Kontos lauten? Bitte schreiben Sie sie aus, zum Beispiel: Ich heiße Ana Lopez, oder: Meine neue E-Mail ist ana.lopez@example.com.',
    es: '¿Cuál debe ser el nuevo nombre o el nuevo correo electrónico de su cuenta? Escríbalo completo, por ejemplo: me llamo Ana Lopez, o: mi nuevo correo es ana.lopez@example.com.',
    fr: 'Quels doivent être le nouveau nom ou la nouvelle adresse e-mail de votre compte ? Veuillez l’écrire en entier, par exemple : je m’appelle Ana Lopez, ou : ma nouvelle adresse e-mail est ana.lopez@example.com.',
    pt: 'Qual deve ser o novo nome ou o novo endereço de e-mail da sua conta? Escreva-o por extenso, por exemplo: chamo-me Ana Lopez, ou: o meu novo e-mail é ana.lopez@example.com.',
  },
  'Please give me the full new name, first and last, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.': {
    de: 'Bitte nennen Sie mir den vollständigen neuen Namen, Vor- und Nachname, zum Beispiel: Ich heiße Ana Lopez, oder: Meine neue E-Mail ist ana.lopez@example.com.',
    es: 'Indíqueme, por favor, el nuevo nombre completo, nombre y apellido, por ejemplo: me llamo Ana Lopez, o: mi nuevo correo es ana.lopez@example.com.',
    fr: 'Veuillez m’indiquer le nouveau nom complet, prénom et nom, par exemple : je m’appelle Ana Lopez, ou : ma nouvelle adresse e-mail est ana.lopez@example.com.',
    pt: 'Indique-me, por favor, o novo nome completo, nome próprio e apelido, por exemplo: chamo-me Ana Lopez, ou: o meu novo e-mail é ana.lopez@example.com.',
  },
  'I could not read a new name or e-mail address in that. Please write it out, for example: my name is Ana Lopez, or my new e-mail is ana.lopez@example.com.': {
    de: 'Darin konnte ich keinen neuen Namen und keine neue E-Mail-Adresse lesen. Bitte schreiben Sie sie aus, zum Beispiel: Ich heiße Ana Lopez, oder: Meine neue E-Mail ist ana.lopez@example.com.',
    es: 'No he podido leer ahí un nombre ni un correo electrónico nuevos. Escríbalo completo, por ejemplo: me llamo Ana Lopez, o: mi nuevo correo es ana.lopez@example.com.',
    fr: 'Je n’ai pu y lire ni un nouveau nom ni une nouvelle adresse e-mail. Veuillez l’écrire en entier, par exemple : je m’appelle Ana Lopez, ou : ma nouvelle adresse e-mail est ana.lopez@example.com.',
    pt: 'Não consegui ler aí um novo nome nem um novo endereço de e-mail. Escreva-o por extenso, por exemplo: chamo-me Ana Lopez, ou: o meu novo e-mail é ana.lopez@example.com.',
  },
  'All right, your account stays as it is. Anything else I can do?': {
    de: 'In Ordnung, Ihr Konto bleibt, wie es ist. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, su cuenta se queda como está. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, votre compte reste tel quel. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, a sua conta fica como está. Posso ajudar em mais alguma coisa?',
  },
  'I have sent a notice of the change to {email}.': {
    de: 'Ich habe eine Benachrichtigung über die Änderung an {email} geschickt.',
    es: 'He enviado un aviso del cambio a {email}.',
    fr: 'J’ai envoyé un avis de la modification à {email}.',
    pt: 'Enviei um aviso da alteração para {email}.',
  },
  'Done: your account now reads {account}.': {
    de: 'Erledigt: Ihr Konto lautet jetzt auf {account}.',
    es: 'Hecho: su cuenta figura ahora a nombre de {account}.',
    fr: 'C’est fait : votre compte indique désormais {account}.',
    pt: 'Feito: a sua conta indica agora {account}.',
  },

  'If {email} belongs to an account, a link to choose a new password is on its way to the e-mail address on that account. It works once, within {minutes} minutes.': {
    de: 'Wenn {email} zu einem Konto gehört, ist ein Link zum Festlegen eines neuen Passworts an die E-Mail-Adresse dieses Kontos unterwegs. Er funktioniert einmal, innerhalb von {minutes} Minuten.',
    es: 'Si {email} pertenece a una cuenta, le hemos enviado al correo electrónico de esa cuenta un enlace para elegir una nueva contraseña. Funciona una sola vez, durante {minutes} minutos.',
    fr: 'Si {email} correspond à un compte, un lien pour choisir un nouveau mot de passe est en route vers l’adresse e-mail de ce compte. Il fonctionne une seule fois, pendant {minutes} minutes.',
    pt: 'Se {email} pertencer a uma conta, foi enviada para o endereço de e-mail dessa conta uma ligação para escolher uma nova palavra-passe. Funciona uma única vez, durante {minutes} minutos.',
  },
  'If you have forgotten your password, tell us the e-mail address on your account and we send a reset link to that address.': {
    de: 'Wenn Sie Ihr Passwort vergessen haben, nennen Sie uns die E-Mail-Adresse Ihres Kontos, und wir schicken einen Link zum Zurücksetzen an diese Adresse.',
    es: 'Si ha olvidado su contraseña, indíquenos el correo electrónico de su cuenta y le enviaremos a esa dirección un enlace para restablecerla.',
    fr: 'Si vous avez oublié votre mot de passe, indiquez-nous l’adresse e-mail de votre compte et nous enverrons un lien de réinitialisation à cette adresse.',
    pt: 'Se se esqueceu da sua palavra-passe, indique-nos o endereço de e-mail da sua conta e enviamos uma ligação de reposição para esse endereço.',
  },
  'If the sign-up page says your e-mail address is already registered, you already have an account: reset its password instead of registering again.': {
    de: 'Wenn die Registrierungsseite meldet, dass Ihre E-Mail-Adresse bereits registriert ist, haben Sie schon ein Konto: Setzen Sie dessen Passwort zurück, statt sich erneut zu registrieren.',
    es: 'Si la página de registro indica que su correo electrónico ya está registrado, ya tiene una cuenta: restablezca su contraseña en lugar de registrarse de nuevo.',
    fr: 'Si la page d’inscription indique que votre adresse e-mail est déjà enregistrée, vous avez déjà un compte : réinitialisez son mot de passe au lieu de vous inscrire à nouveau.',
    pt: 'Se a página de registo indicar que o seu endereço de e-mail já está registado, já tem uma conta: reponha a palavra-passe dessa conta em vez de se registar de novo.',
  },
  'All right. {answer}': { de: 'In Ordnung. {answer}', es: 'De acuerdo. {answer}', fr: 'Très bien. {answer}', pt: 'Muito bem. {answer}' },
  'I have sent a link to choose a new password to the e-mail address on your account. It works once, within {minutes} minutes.': {
    de: 'Ich habe einen Link zum Festlegen eines neuen Passworts an die E-Mail-Adresse Ihres Kontos geschickt. Er funktioniert einmal, innerhalb von {minutes} Minuten.',
    es: 'He enviado al correo electrónico de su cuenta un enlace para elegir una nueva contraseña. Funciona una sola vez, durante {minutes} minutos.',
    fr: 'J’ai envoyé un lien pour choisir un nouveau mot de passe à l’adresse e-mail de votre compte. Il fonctionne une seule fois, pendant {minutes} minutes.',
    pt: 'Enviei para o endereço de e-mail da sua conta uma ligação para escolher uma nova palavra-passe. Funciona uma única vez, durante {minutes} minutos.',
  },

  Subscribe: { de: 'Abonnieren', es: 'Suscribirme', fr: 'M’abonner', pt: 'Subscrever' },
  Unsubscribe: { de: 'Abbestellen', es: 'Darme de baja', fr: 'Me désabonner', pt: 'Cancelar a subscrição' },
  'Yes, subscribe me': { de: 'Ja, bitte anmelden', es: 'Sí, suscríbame', fr: 'Oui, abonnez-moi', pt: 'Sim, quero subscrever' },
  'No, thanks': { de: 'Nein, danke', es: 'No, gracias', fr: 'Non, merci', pt: 'Não, obrigado' },
  'Would you like to subscribe to our newsletter, or unsubscribe from it?': {
    de: 'Möchten Sie unseren Newsletter abonnieren oder ihn abbestellen?',
    es: '¿Quiere suscribirse a nuestro boletín o darse de baja?',
    fr: 'Souhaitez-vous vous abonner à notre newsletter, ou vous en désabonner ?',
    pt: 'Pretende subscrever a nossa newsletter, ou cancelar a subscrição?',
  },
  'To subscribe you, I need your agreement to this: "{wording}" Do you agree?': {
    de: 'Um Sie anzumelden, brauche ich Ihre Zustimmung hierzu: „{wording}“ Sind Sie einverstanden?',
    es: 'Para suscribirle, necesito su consentimiento a lo siguiente: «{wording}» ¿Está de acuerdo?',
    fr: 'Pour vous abonner, j’ai besoin de votre accord sur ceci : « {wording} » Êtes-vous d’accord ?',
    pt: 'Para o subscrever, preciso do seu consentimento para o seguinte: «{wording}» Concorda?',
  },
  'I agree to receive the store newsletter by e-mail, with news and offers, about once a week. I can unsubscribe at any time.': {
    de: 'Ich bin damit einverstanden, den Newsletter des Shops mit Neuigkeiten und Angeboten etwa einmal pro Woche per E-Mail zu erhalten. Ich kann ihn jederzeit abbestellen.',
    es: 'Acepto recibir por correo electrónico el boletín de la tienda, con novedades y ofertas, aproximadamente una vez por semana. Puedo darme de baja en cualquier momento.',
    fr: 'J’accepte de recevoir par e-mail la newsletter de la boutique, avec des nouveautés et des offres, environ une fois par semaine. Je peux me désabonner à tout moment.',
    pt: 'Aceito receber por e-mail a newsletter da loja, com novidades e ofertas, cerca de uma vez por semana. Posso cancelar a subscrição a qualquer momento.',
  },
  'I no longer want to receive the store newsletter.': {
    de: 'Ich möchte den Newsletter des Shops nicht mehr erhalten.',
    es: 'Ya no quiero recibir el boletín de la tienda.',
    fr: 'Je ne souhaite plus recevoir la newsletter de la boutique.',
    pt: 'Já não quero receber a newsletter da loja.',
  },
  'I could not find your account to change that. Please try again later.': {
    de: 'Ich konnte Ihr Konto nicht finden, um das zu ändern. Bitte versuchen Sie es später noch einmal.',
    es: 'No he encontrado su cuenta para cambiar eso. Por favor, inténtelo de nuevo más tarde.',
    fr: 'Je n’ai pas trouvé votre compte pour effectuer ce changement. Veuillez réessayer plus tard.',
    pt: 'Não encontrei a sua conta para alterar isso. Por favor, tente novamente mais tarde.',
  },
  'Done: {email} is subscribed to our newsletter. You can unsubscribe at any time, here or from any newsletter.': {
    de: 'Erledigt: {email} ist für unseren Newsletter angemeldet. Sie können ihn jederzeit abbestellen, hier oder über jeden Newsletter.',
    es: 'Hecho: {email} está suscrito a nuestro boletín. Puede darse de baja en cualquier momento, aquí o desde cualquier boletín.',
    fr: 'C’est fait : {email} est abonné à notre newsletter. Vous pouvez vous désabonner à tout moment, ici ou depuis n’importe quelle newsletter.',
    pt: 'Feito: {email} subscreveu a nossa newsletter. Pode cancelar a subscrição a qualquer momento, aqui ou a partir de qualquer newsletter.',
  },
  '{email} is already subscribed to our newsletter, so nothing changed.': {
    de: '{email} ist bereits für unseren Newsletter angemeldet, es hat sich also nichts geändert.',
    es: '{email} ya está suscrito a nuestro boletín, así que no ha cambiado nada.',
    fr: '{email} est déjà abonné à notre newsletter, rien n’a donc changé.',
    pt: '{email} já subscreve a nossa newsletter, por isso nada mudou.',
  },
  'Done: {email} is unsubscribed, and you will get no more newsletters from us.': {
    de: 'Erledigt: {email} ist abgemeldet, und Sie erhalten keine Newsletter mehr von uns.',
    es: 'Hecho: {email} se ha dado de baja y no recibirá más boletines nuestros.',
    fr: 'C’est fait : {email} est désabonné, et vous ne recevrez plus de newsletters de notre part.',
    pt: 'Feito: {email} cancelou a subscrição e não voltará a receber newsletters nossas.',
  },
  '{email} is not subscribed to our newsletter, so there is nothing to stop.': {
    de: '{email} ist nicht für unseren Newsletter angemeldet, es gibt also nichts abzubestellen.',
    es: '{email} no está suscrito a nuestro boletín, así que no hay nada que cancelar.',
    fr: '{email} n’est pas abonné à notre newsletter, il n’y a donc rien à arrêter.',
    pt: '{email} não subscreve a nossa newsletter, por isso não há nada a cancelar.',
  },
  'Please tell me which: subscribe, or unsubscribe?': {
    de: 'Bitte sagen Sie mir, was Sie möchten: abonnieren oder abbestellen?',
    es: 'Dígame, por favor, qué prefiere: ¿suscribirse o darse de baja?',
    fr: 'Dites-moi, s’il vous plaît, lequel : vous abonner, ou vous désabonner ?',
    pt: 'Diga-me, por favor, qual prefere: subscrever, ou cancelar a subscrição?',
  },
  'All right, I have not subscribed you. Anything else I can do?': {
    de: 'In Ordnung, ich habe Sie nicht angemeldet. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, no le he suscrito. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, je ne vous ai pas abonné. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, não fiz a sua subscrição. Posso ajudar em mais alguma coisa?',
  },
  'Do you agree to receive the newsletter? Please answer yes or no.': {
    de: 'Sind Sie einverstanden, den Newsletter zu erhalten? Bitte antworten Sie mit Ja oder Nein.',
    es: '¿Acepta recibir el boletín? Por favor, responda sí o no.',
    fr: 'Acceptez-vous de recevoir la newsletter ? Veuillez répondre par oui ou par non.',
    pt: 'Aceita receber a newsletter? Por favor, responda sim ou não.',
  },
} as const satisfies Catalogue;
