import type { Catalogue } from '../catalogue';

/** The proposal step (workflows/conversation/flows/steps/proposal.ts): asking for the yes, and asking again. */
export const PROPOSAL_MESSAGES = {
  'Shall I go ahead?': { de: 'Soll ich das so ausführen?', es: '¿Lo hago así?', fr: 'Dois-je procéder ?', pt: 'Posso avançar?' },
  'Shall I go ahead? Please answer yes or no.': {
    de: 'Soll ich das so ausführen? Bitte antworten Sie mit Ja oder Nein.',
    es: '¿Lo hago así? Por favor, responda sí o no.',
    fr: 'Dois-je procéder ? Veuillez répondre par oui ou par non.',
    pt: 'Posso avançar? Por favor, responda sim ou não.',
  },
  'I have not done that yet, because something changed since I proposed it. {changes} Here is what I can do now:': {
    de: 'Das habe ich noch nicht ausgeführt, weil sich seit meinem Vorschlag etwas geändert hat. {changes} Das kann ich jetzt für Sie tun:',
    es: 'Todavía no lo he hecho, porque algo ha cambiado desde que se lo propuse. {changes} Esto es lo que puedo hacer ahora:',
    fr: 'Je ne l’ai pas encore fait, car quelque chose a changé depuis ma proposition. {changes} Voici ce que je peux faire maintenant :',
    pt: 'Ainda não o fiz, porque algo mudou desde que o propus. {changes} Eis o que posso fazer agora:',
  },
  'The details have changed since I described it.': {
    de: 'Die Einzelheiten haben sich geändert, seit ich sie beschrieben habe.',
    es: 'Los detalles han cambiado desde que se lo describí.',
    fr: 'Les détails ont changé depuis que je vous les ai décrits.',
    pt: 'Os detalhes mudaram desde que os descrevi.',
  },
  'it was already done': { de: 'das wurde bereits erledigt', es: 'ya se había hecho', fr: 'c’était déjà fait', pt: 'isso já tinha sido feito' },
} as const satisfies Catalogue;
