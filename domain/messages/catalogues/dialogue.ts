import type { Catalogue } from '../catalogue';

/** What the customer hears first when the escalation check hands the conversation to a person, by its strongest reason. */
export const DIALOGUE_MESSAGES = {
  'Of course, I will bring in a colleague.': {
    de: 'Selbstverständlich, ich hole jemanden aus unserem Team dazu.',
    es: 'Por supuesto, le paso con un compañero.',
    fr: 'Bien sûr, je fais appel à un collègue.',
    pt: 'Com certeza, vou chamar um colega.',
  },
  'I understand. A colleague will look into this with you personally.': {
    de: 'Ich verstehe. Jemand aus unserem Team kümmert sich persönlich mit Ihnen darum.',
    es: 'Lo entiendo. Un compañero lo revisará personalmente con usted.',
    fr: 'Je comprends. Un collègue va examiner cela personnellement avec vous.',
    pt: 'Compreendo. Um colega vai analisar isto pessoalmente consigo.',
  },
  'I am sorry this has been frustrating. I am bringing in a colleague who can help.': {
    de: 'Es tut mir leid, dass das so frustrierend war. Ich hole jemanden aus unserem Team dazu, der Ihnen helfen kann.',
    es: 'Siento que esto le haya resultado frustrante. Le paso con un compañero que puede ayudarle.',
    fr: 'Je suis désolé que cela ait été frustrant. Je fais appel à un collègue qui pourra vous aider.',
    pt: 'Lamento que isto tenha sido frustrante. Vou chamar um colega que o pode ajudar.',
  },
  'I do not seem to be getting this right, so I am bringing in a colleague.': {
    de: 'Ich scheine das nicht richtig zu verstehen, deshalb hole ich jemanden aus unserem Team dazu.',
    es: 'Parece que no lo estoy entendiendo bien, así que le paso con un compañero.',
    fr: 'Je ne semble pas bien vous comprendre, je fais donc appel à un collègue.',
    pt: 'Parece que não estou a perceber bem, por isso vou chamar um colega.',
  },
} as const satisfies Catalogue;
