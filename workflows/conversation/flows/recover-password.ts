import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, RecoverPasswordFlow, RegistrationProblemsFlow } from '../../../domain/conversation';
import { RESET_LINK_TTL_MS } from '../../../domain/accounts/password-reset';
import type { MessageKey } from '../../../domain/messages';
import { answerWithCitation } from '../../../domain/knowledge/cite';
import type { Reading } from '../../../domain/understanding/reading';
import { answerFromHelpCentre, sendPasswordReset } from '../../activity-proxies';
import { labelLanguage } from '../speaking';
import { customerFlow } from './dialogue-flow';
import { ask, finish, type FlowReply } from './replies';
import { languageOf, say } from '../speaking';
import { isServedLanguage, type ServedLanguage } from '../../../domain/language/languages';

type ResetFlow = RecoverPasswordFlow | RegistrationProblemsFlow;

const MINUTES = RESET_LINK_TTL_MS / 60_000;

/** The same words whether or not the address has an account: the reply must not tell. */
const sentTo = (state: CarriedState, email: string) =>
  say(state, 'If {email} belongs to an account, a link to choose a new password is on its way to the e-mail address on that account. It works once, within {minutes} minutes.', { email, minutes: MINUTES });

/** What the help centre says about it, when the customer gives no address. */
/** The help centre is searched in the customer's language, so the query is in it too. */
const TOPIC: Record<ResetFlow['kind'], { query: Record<ServedLanguage, string>; fallback: MessageKey }> = {
  recover_password: {
    query: {
      en: 'forgotten password reset link',
      de: 'Passwort vergessen Link zum Zurücksetzen',
      es: 'contraseña olvidada enlace para restablecer',
      fr: 'mot de passe oublié lien de réinitialisation',
      pt: 'palavra-passe esquecida ligação para redefinir',
    },
    fallback: 'If you have forgotten your password, tell us the e-mail address on your account and we send a reset link to that address.',
  },
  registration_problems: {
    query: {
      en: 'sign-up page says e-mail address already registered',
      de: 'Registrierung E-Mail-Adresse bereits registriert',
      es: 'registro dirección de correo ya registrada',
      fr: 'inscription adresse e-mail déjà enregistrée',
      pt: 'registo endereço de e-mail já registado',
    },
    fallback: 'If the sign-up page says your e-mail address is already registered, you already have an account: reset its password instead of registering again.',
  },
};

async function send(state: CarriedState, flow: ResetFlow, request: { email?: string; customerId?: string }, reply: string): Promise<FlowReply> {
  await sendPasswordReset({ ...request, conversationWorkflowId: workflowInfo().workflowId, ...labelLanguage(state) });
  return finish(state, { replies: [{ text: reply }], intent: flow.kind, actions: [{ name: 'password_reset_link', status: 'executed', detail: 'sent to the address on file, if any' }] });
}

async function helpCentreAnswer(state: CarriedState, flow: ResetFlow): Promise<FlowReply> {
  const topic = TOPIC[flow.kind];
  const language = languageOf(state);
  const answer = await answerFromHelpCentre(isServedLanguage(language) && language !== 'en' ? { text: topic.query[language], language } : { text: topic.query.en });
  const text = answer.confident ? answerWithCitation(answer) : say(state, topic.fallback);
  return finish(state, { replies: [{ text: say(state, 'All right. {answer}', { answer: text }) }], intent: flow.kind });
}

/**
 * A reset link to the e-mail on file: a verified customer's own address, or the account of the
 * address the customer gives. Nobody needs to be verified, since the link goes to the address on
 * file and never into the conversation; without an address the help centre answers.
 */
function resetFlow<F extends ResetFlow>(kind: F['kind'], opening: MessageKey) {
  return customerFlow<F>({
    kind,
    opening,
    askNext: (state, flow) => helpCentreAnswer(state, flow),
    async start(state, flow, reading) {
      const email = reading.entities.emails[0];
      if (email) return send(state, flow, { email }, sentTo(state, email));
      const identity = state.identity;
      if (identity) {
        const sent = say(state, 'I have sent a link to choose a new password to the e-mail address on your account. It works once, within {minutes} minutes.', { minutes: MINUTES });
        return send(state, flow, { customerId: identity.customerId }, `${say(state, opening)} ${sent}`);
      }
      flow.step = 'email';
      return ask(flow, `${say(state, opening)} ${say(state, 'What is the e-mail address on your account?')}`, 'email');
    },
    async continue(state, flow, reading: Reading) {
      const email = reading.entities.emails[0];
      return email ? send(state, flow, { email }, sentTo(state, email)) : helpCentreAnswer(state, flow);
    },
  });
}

export const recoverPassword = resetFlow<RecoverPasswordFlow>('recover_password', 'I can send you a link to choose a new password.');

export const registrationProblems = resetFlow<RegistrationProblemsFlow>(
  'registration_problems',
  'I am sorry signing up is not working. Often the e-mail address already has an account; then a link to choose a new password gets you in.',
);
