import type { Catalogue } from '../catalogue';

/**
 * The bot's answer to a customer asking for a language (workflows/conversation/customer-turn.ts): one
 * sentence per language, said in the language asked for, so each key only ever shows in its own language.
 */
export const LANGUAGE_MESSAGES = {
  'Of course, we can continue in English. How can I help you?': {
    de: 'Gern, wir können auf Englisch weitermachen. Wie kann ich Ihnen helfen?',
    es: 'Por supuesto, podemos continuar en inglés. ¿En qué puedo ayudarle?',
    fr: 'Bien sûr, nous pouvons continuer en anglais. Comment puis-je vous aider ?',
    pt: 'Com certeza, podemos continuar em inglês. Como posso ajudar?',
  },
  'Of course, we can continue in German. How can I help you?': {
    de: 'Gern, wir können auf Deutsch weitermachen. Wie kann ich Ihnen helfen?',
    es: 'Por supuesto, podemos continuar en alemán. ¿En qué puedo ayudarle?',
    fr: 'Bien sûr, nous pouvons continuer en allemand. Comment puis-je vous aider ?',
    pt: 'Com certeza, podemos continuar em alemão. Como posso ajudar?',
  },
  'Of course, we can continue in Spanish. How can I help you?': {
    de: 'Gern, wir können auf Spanisch weitermachen. Wie kann ich Ihnen helfen?',
    es: 'Por supuesto, podemos continuar en español. ¿En qué puedo ayudarle?',
    fr: 'Bien sûr, nous pouvons continuer en espagnol. Comment puis-je vous aider ?',
    pt: 'Com certeza, podemos continuar em espanhol. Como posso ajudar?',
  },
  'Of course, we can continue in French. How can I help you?': {
    de: 'Gern, wir können auf Französisch weitermachen. Wie kann ich Ihnen helfen?',
    es: 'Por supuesto, podemos continuar en francés. ¿En qué puedo ayudarle?',
    fr: 'Bien sûr, nous pouvons continuer en français. Comment puis-je vous aider ?',
    pt: 'Com certeza, podemos continuar em francês. Como posso ajudar?',
  },
  'Of course, we can continue in Portuguese. How can I help you?': {
    de: 'Gern, wir können auf Portugiesisch weitermachen. Wie kann ich Ihnen helfen?',
    es: 'Por supuesto, podemos continuar en portugués. ¿En qué puedo ayudarle?',
    fr: 'Bien sûr, nous pouvons continuer en portugais. Comment puis-je vous aider ?',
    pt: 'Com certeza, podemos continuar em português. Como posso ajudar?',
  },
} as const satisfies Catalogue;
