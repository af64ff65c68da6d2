import type { Catalogue } from '../catalogue';

/**
 * Who the customer is: the verification questions (domain/identity-assurance.ts) and the answers to a
 * reply that does not verify them (flows/steps/identify-customer.ts). The example in each language is
 * said the way the name reader understands it there ("ich heiße …, PLZ …").
 */
export const IDENTITY_MESSAGES = {
  'To make changes I need to verify you first: what are your full name and zip code?': {
    de: 'Für Änderungen muss ich Sie zuerst verifizieren: Wie lauten Ihr vollständiger Name und Ihre Postleitzahl?',
    es: 'Para hacer cambios, primero necesito verificar su identidad: ¿cuáles son su nombre completo y su código postal?',
    fr: 'Pour effectuer des modifications, je dois d’abord vérifier votre identité : quels sont votre nom complet et votre code postal ?',
    pt: 'Para fazer alterações, preciso primeiro de confirmar a sua identidade: qual é o seu nome completo e o seu código postal?',
  },
  'To make changes I need to verify you first: what is the e-mail address on your account, or your full name and zip code?': {
    de: 'Für Änderungen muss ich Sie zuerst verifizieren: Wie lautet die E-Mail-Adresse Ihres Kontos, oder Ihr vollständiger Name und Ihre Postleitzahl?',
    es: 'Para hacer cambios, primero necesito verificar su identidad: ¿cuál es el correo electrónico de su cuenta, o su nombre completo y su código postal?',
    fr: 'Pour effectuer des modifications, je dois d’abord vérifier votre identité : quelle est l’adresse e-mail de votre compte, ou votre nom complet et votre code postal ?',
    pt: 'Para fazer alterações, preciso primeiro de confirmar a sua identidade: qual é o endereço de e-mail da sua conta, ou o seu nome completo e código postal?',
  },
  'First, what is the e-mail address on your account?': {
    de: 'Zunächst: Wie lautet die E-Mail-Adresse Ihres Kontos?',
    es: 'Primero, ¿cuál es el correo electrónico de su cuenta?',
    fr: 'Tout d’abord, quelle est l’adresse e-mail de votre compte ?',
    pt: 'Antes de mais, qual é o endereço de e-mail da sua conta?',
  },
  'Please give me your full name and zip code (for example: my name is Ana Lopez, zip 94110).': {
    de: 'Bitte nennen Sie mir Ihren vollständigen Namen und Ihre Postleitzahl (zum Beispiel: Ich heiße Ana Lopez, PLZ 94110).',
    es: 'Indíqueme, por favor, su nombre completo y su código postal (por ejemplo: me llamo Ana Lopez, código postal 94110).',
    fr: 'Veuillez m’indiquer votre nom complet et votre code postal (par exemple : je m’appelle Ana Lopez, code postal 94110).',
    pt: 'Indique-me, por favor, o seu nome completo e o seu código postal (por exemplo: chamo-me Ana Lopez, código postal 94110).',
  },
  'Please give me the e-mail address you used to order, or your name and zip code (for example: my name is Ana Lopez, zip 94110).': {
    de: 'Bitte nennen Sie mir die E-Mail-Adresse, mit der Sie bestellt haben, oder Ihren Namen und Ihre Postleitzahl (zum Beispiel: Ich heiße Ana Lopez, PLZ 94110).',
    es: 'Indíqueme, por favor, el correo electrónico con el que hizo el pedido, o su nombre y su código postal (por ejemplo: me llamo Ana Lopez, código postal 94110).',
    fr: 'Veuillez m’indiquer l’adresse e-mail utilisée pour commander, ou votre nom et votre code postal (par exemple : je m’appelle Ana Lopez, code postal 94110).',
    pt: 'Indique-me, por favor, o endereço de e-mail com que fez a encomenda, ou o seu nome e código postal (por exemplo: chamo-me Ana Lopez, código postal 94110).',
  },
  'I could not find an account with those details. Could you check them, or give me your full name and zip code instead (for example: my name is Ana Lopez, zip 94110)?': {
    de: 'Ich konnte kein Konto mit diesen Angaben finden. Könnten Sie sie prüfen, oder mir stattdessen Ihren vollständigen Namen und Ihre Postleitzahl nennen (zum Beispiel: Ich heiße Ana Lopez, PLZ 94110)?',
    es: 'No he encontrado ninguna cuenta con esos datos. ¿Podría comprobarlos, o indicarme en su lugar su nombre completo y su código postal (por ejemplo: me llamo Ana Lopez, código postal 94110)?',
    fr: 'Je n’ai trouvé aucun compte avec ces informations. Pourriez-vous les vérifier, ou m’indiquer plutôt votre nom complet et votre code postal (par exemple : je m’appelle Ana Lopez, code postal 94110) ?',
    pt: 'Não encontrei nenhuma conta com esses dados. Pode verificá-los, ou indicar-me antes o seu nome completo e código postal (por exemplo: chamo-me Ana Lopez, código postal 94110)?',
  },
  'Those details do not match the account this conversation is about. Could you check them?': {
    de: 'Diese Angaben passen nicht zu dem Konto, um das es in diesem Gespräch geht. Könnten Sie sie prüfen?',
    es: 'Esos datos no coinciden con la cuenta de esta conversación. ¿Podría comprobarlos?',
    fr: 'Ces informations ne correspondent pas au compte dont il est question dans cette conversation. Pourriez-vous les vérifier ?',
    pt: 'Esses dados não correspondem à conta desta conversa. Pode verificá-los?',
  },
} as const satisfies Catalogue;
