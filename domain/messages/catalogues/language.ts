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
  // Asked in the middle of a request: the switch, then the question the request waits on, in the new language.
  'Of course, we can continue in English.': { de: 'Gern, wir können auf Englisch weitermachen.', es: 'Por supuesto, podemos continuar en inglés.', fr: 'Bien sûr, nous pouvons continuer en anglais.', pt: 'Com certeza, podemos continuar em inglês.' },
  'Of course, we can continue in German.': { de: 'Gern, wir können auf Deutsch weitermachen.', es: 'Por supuesto, podemos continuar en alemán.', fr: 'Bien sûr, nous pouvons continuer en allemand.', pt: 'Com certeza, podemos continuar em alemão.' },
  'Of course, we can continue in Spanish.': { de: 'Gern, wir können auf Spanisch weitermachen.', es: 'Por supuesto, podemos continuar en español.', fr: 'Bien sûr, nous pouvons continuer en espagnol.', pt: 'Com certeza, podemos continuar em espanhol.' },
  'Of course, we can continue in French.': { de: 'Gern, wir können auf Französisch weitermachen.', es: 'Por supuesto, podemos continuar en francés.', fr: 'Bien sûr, nous pouvons continuer en français.', pt: 'Com certeza, podemos continuar em francês.' },
  'Of course, we can continue in Portuguese.': { de: 'Gern, wir können auf Portugiesisch weitermachen.', es: 'Por supuesto, podemos continuar en portugués.', fr: 'Bien sûr, nous pouvons continuer en portugais.', pt: 'Com certeza, podemos continuar em português.' },
  'Where were we: please answer my last question, and I will go on from there.': {
    de: 'Wo waren wir: Bitte beantworten Sie meine letzte Frage, dann mache ich dort weiter.',
    es: 'Donde estábamos: responda a mi última pregunta y sigo desde ahí.',
    fr: 'Où en étions-nous : répondez à ma dernière question et je reprends à partir de là.',
    pt: 'Onde estávamos: responda à minha última pergunta e eu continuo a partir daí.',
  },
} as const satisfies Catalogue;
