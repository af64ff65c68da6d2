import express, { type Request, type Response } from 'express';
import type { Knex } from 'knex';
import twilio from 'twilio';
import type { Channel, CustomerHint, MessageResult } from '../../domain/conversation';
import { customerByPhone, findThread, openThread, recordCallbackRequest, rememberChoices, type PhoneChannel, type PhoneThread } from '../../db/repositories/phone-conversations';
import { conversationFor, type ConversationStarter } from '../conversation-for';
import { answerFromKeys, answerFromSms, answerFromSpeech, smsText, spokenChoices, spokenSentences } from './speech';
import { DEFAULT_LANGUAGE, isServedLanguage } from '../../domain/language/languages';
import { localeOf, render, type MessageKey } from '../../domain/messages';

/** The part of the conversation gateway (api/) the webhooks use: start or find a conversation, deliver a message. */
export interface PhoneConversations extends ConversationStarter {
  send(conversationId: string, text: string, messageKey?: string, channel?: Channel): Promise<{ kind: 'replied'; result: MessageResult } | { kind: 'accepted'; messageId: string }>;
  /** The caller was promised a call back by `dueAt`: the conversation times it. */
  promiseCallback(conversationId: string, promise: { phone: string; dueAt: string }): Promise<void>;
}

export interface TwilioWebhookSettings {
  /** TWILIO_AUTH_TOKEN: what Twilio signs its requests with. Without it the webhooks refuse everything. */
  authToken?: string;
  /** PUBLIC_BASE_URL: Twilio signs the URL it called, which is this plus the request's path. */
  publicBaseUrl: string;
  /** VOICE_AGENT_NUMBER: where a call is transferred when a person takes over; unset, the caller is promised a call back. */
  voiceAgentNumber?: string;
  /** VOICE_CALLBACK_MINUTES: how soon a caller with nobody to take the call is promised a call back (30 when unset). */
  callbackMinutes?: number;
}

export interface TwilioWebhookDeps {
  db: Knex;
  conversations: PhoneConversations;
  settings?: TwilioWebhookSettings;
  maxBodyBytes: number;
}

export const VOICE_WEBHOOK_PATH = '/channels/voice/twilio';
export const SMS_WEBHOOK_PATH = '/channels/sms/twilio';

/** A call is over: Twilio's status callbacks carry one of these and want no further instructions. */
const CALL_ENDED = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

const MAX_TEXT = 2000;
const DEFAULT_CALLBACK_MINUTES = 30;

class FormError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/** A field of Twilio's form, checked: present when required, a string, not absurdly long, of the expected shape. */
function field(form: Record<string, unknown>, name: string, rule: { required: boolean; pattern?: RegExp; max?: number }): string | undefined {
  const value = form[name];
  if (value === undefined || value === '') {
    if (rule.required) throw new FormError(400, 'invalid_form', `the form needs ${name}`);
    return undefined;
  }
  if (typeof value !== 'string') throw new FormError(400, 'invalid_form', `${name} must be given once, as text`);
  if (value.length > (rule.max ?? 64) || (rule.pattern && !rule.pattern.test(value))) throw new FormError(400, 'invalid_form', `${name} is not a valid value`);
  return value;
}

const SID = /^[A-Za-z]{2}[0-9A-Za-z]{8,62}$/;
const NUMBER = /^\+?[0-9A-Za-z:@._-]{2,64}$/;

/**
 * Twilio's voice and SMS webhooks (form-encoded, Twilio's field names), answered in TwiML. Every
 * request must carry Twilio's signature over PUBLIC_BASE_URL + its path and its form; nothing
 * unsigned is read. A retried request is handled once: a call's turn is keyed by its CallSid and
 * the turn number in the URL Twilio was told to call, a text by its MessageSid.
 */
export function twilioWebhookRoutes(deps: TwilioWebhookDeps): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: deps.maxBodyBytes, parameterLimit: 100 });
  const signed = (handler: (req: Request, res: Response, settings: TwilioWebhookSettings & { authToken: string }) => Promise<void>) =>
    async (req: Request, res: Response, next: express.NextFunction) => {
      const settings = deps.settings;
      if (!settings?.authToken) {
        refuse(res, 503, 'twilio_not_configured', 'this deployment has no TWILIO_AUTH_TOKEN: it cannot check that a request comes from Twilio, so it takes none');
        return;
      }
      if (!req.is('application/x-www-form-urlencoded')) {
        refuse(res, 400, 'invalid_form', 'Twilio webhooks are form-encoded (application/x-www-form-urlencoded)');
        return;
      }
      const signature = req.get('x-twilio-signature');
      if (!signature) {
        refuse(res, 403, 'missing_signature', 'the request has no X-Twilio-Signature');
        return;
      }
      const url = settings.publicBaseUrl.replace(/\/+$/, '') + req.originalUrl;
      if (!twilio.validateRequest(settings.authToken, signature, url, req.body as Record<string, unknown>)) {
        refuse(res, 403, 'invalid_signature', `the X-Twilio-Signature does not match this request to ${url}`);
        return;
      }
      try {
        await handler(req, res, { ...settings, authToken: settings.authToken });
      } catch (err) {
        if (err instanceof FormError) refuse(res, err.status, err.code, err.message);
        else next(err);
      }
    };

  router.post(VOICE_WEBHOOK_PATH, form, signed(async (req, res, settings) => {
    const body = req.body as Record<string, unknown>;
    const callSid = field(body, 'CallSid', { required: true, pattern: SID })!;
    const from = field(body, 'From', { required: true, pattern: NUMBER })!;
    const to = field(body, 'To', { required: true, pattern: NUMBER })!;
    const status = field(body, 'CallStatus', { required: false, pattern: /^[a-z-]{1,20}$/ });
    const speech = field(body, 'SpeechResult', { required: false, max: MAX_TEXT });
    const digits = field(body, 'Digits', { required: false, pattern: /^[0-9*#]{1,32}$/ });
    const turn = turnOf(req.query.turn);
    const silent = req.query.silent === '1';

    const voice = new twilio.twiml.VoiceResponse();
    if (status && CALL_ENDED.has(status)) return sendTwiml(res, voice);
    const thread = await threadFor(deps, 'voice', callSid, from, to);
    // The language of the call's last reply: none before the first, so the greeting is English.
    const known = thread.language;
    const heard = speech?.trim() ? answerFromSpeech(speech, thread.awaiting, thread.options) : digits ? answerFromKeys(digits.replace(/[#*]+$/, ''), thread.awaiting, thread.options) : undefined;
    if (heard === undefined || heard === '') {
      if (silent) {
        say(voice, [line(known, 'I did not hear anything, so I will hang up now. Call again any time. Goodbye.')], known);
        voice.hangup();
        return sendTwiml(res, voice);
      }
      say(voice, [turn === 0 ? 'Thank you for calling. How can I help you today?' : line(known, 'Sorry, I did not catch that. Please say it again, or use the keypad.')], turn === 0 ? undefined : known);
      gather(voice, settings, { turn, awaiting: thread.awaiting, options: thread.options, language: turn === 0 ? undefined : known });
      return sendTwiml(res, voice);
    }

    const delivery = await deps.conversations.send(thread.conversationId, heard, `${callSid}:${turn}`, 'voice');
    if (delivery.kind === 'accepted') {
      say(voice, [line(known, 'That is taking longer than it should. Please say it again in a moment.')], known);
      gather(voice, settings, { turn: turn + 1, awaiting: thread.awaiting, options: thread.options, language: known });
      return sendTwiml(res, voice);
    }
    const result = delivery.result;
    await rememberChoices(deps.db, thread.id, result.awaiting, result.options, result.language);
    const language = result.language;
    say(voice, result.replies.flatMap((reply) => spokenSentences(reply.text, language)), language);
    if (result.status === 'awaiting_agent' || result.status === 'with_agent') {
      if (settings.voiceAgentNumber) {
        say(voice, [line(language, 'Please hold while I connect you to a person.')], language);
        voice.dial(settings.voiceAgentNumber);
      } else {
        await recordCallbackRequest(deps.db, thread.id);
        const dueAt = new Date(Date.now() + (settings.callbackMinutes ?? DEFAULT_CALLBACK_MINUTES) * 60_000).toISOString();
        await deps.conversations.promiseCallback(thread.conversationId, { phone: thread.caller, dueAt });
        say(voice, [line(language, 'Nobody can take the call right now, so a person will call you back at this number as soon as one is free. Goodbye.')], language);
        voice.hangup();
      }
      return sendTwiml(res, voice);
    }
    if (result.status === 'closed') {
      voice.hangup();
      return sendTwiml(res, voice);
    }
    gather(voice, settings, { turn: turn + 1, awaiting: result.awaiting, options: result.options, language });
    return sendTwiml(res, voice);
  }));

  router.post(SMS_WEBHOOK_PATH, form, signed(async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const messageSid = field(body, 'MessageSid', { required: true, pattern: SID })!;
    const from = field(body, 'From', { required: true, pattern: NUMBER })!;
    const to = field(body, 'To', { required: true, pattern: NUMBER })!;
    const text = field(body, 'Body', { required: false, max: MAX_TEXT })?.trim();

    const messaging = new twilio.twiml.MessagingResponse();
    if (!text) {
      messaging.message('Please send your question as text; pictures and empty messages cannot be read here.');
      return sendTwiml(res, messaging);
    }
    // One number, one thread: a texter's later messages continue the same conversation (a closed one reopens).
    const thread = await threadFor(deps, 'sms', from, from, to);
    const delivery = await deps.conversations.send(thread.conversationId, answerFromSms(text, thread.awaiting, thread.options), messageSid, 'sms');
    if (delivery.kind === 'accepted') {
      messaging.message(line(thread.language, 'Thanks, we got your message. The answer is taking a little longer than usual; please text again in a minute.'));
      return sendTwiml(res, messaging);
    }
    const result = delivery.result;
    await rememberChoices(deps.db, thread.id, result.awaiting, result.options, result.language);
    const replies = result.replies.map((reply) => reply.text);
    if (result.status === 'awaiting_agent') replies.push(line(result.language, 'A person will answer you here by text.'));
    messaging.message(smsText(replies, result.awaiting, result.options, result.language));
    return sendTwiml(res, messaging);
  }));

  return router;
}

/** The turn number the URL Twilio calls carries (0 for the call's first request). */
function turnOf(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) throw new FormError(400, 'invalid_query', 'turn must be a whole number');
  return Number(value);
}

/**
 * The call's or the thread's conversation, started on the first request: the caller's number comes
 * along as the hint, vouched for when it is a customer's number on file (reads, never money).
 */
async function threadFor(deps: TwilioWebhookDeps, channel: PhoneChannel, threadKey: string, from: string, to: string): Promise<PhoneThread> {
  const known = await findThread(deps.db, channel, threadKey);
  if (known) return known;
  // One customer, one conversation: a caller on file continues the conversation they have open anywhere.
  const conversationId = await conversationFor({ gateway: deps.conversations, db: deps.db, channel, customer: await phoneHint(deps.db, from) });
  return openThread(deps.db, { channel, threadKey, conversationId, caller: from, callee: to });
}

/** The conversation's hint for a caller or texter: their number, and who it belongs to when it is on file. */
export async function phoneHint(db: Knex, phone: string): Promise<CustomerHint> {
  const owner = await customerByPhone(db, phone);
  return { phone, ...(owner ? { vouched: { ...owner, by: 'phone_number' as const } } : {}) };
}

type SayAttributes = Exclude<Parameters<twilio.twiml.VoiceResponse['say']>[0], string>;
type GatherAttributes = NonNullable<Parameters<twilio.twiml.VoiceResponse['gather']>[0]>;

const line = (language: string | undefined, key: MessageKey): string => render(language, key);

/** The voice's locale for a served language other than English; English (and an unserved one) keeps Twilio's default. */
function voiceLocale(language: string | undefined): string | undefined {
  return isServedLanguage(language) && language !== DEFAULT_LANGUAGE ? localeOf(language) : undefined;
}

function say(voice: twilio.twiml.VoiceResponse | ReturnType<twilio.twiml.VoiceResponse['gather']>, sentences: readonly string[], language?: string): void {
  const locale = voiceLocale(language);
  for (const sentence of sentences) {
    if (locale) voice.say({ language: locale as SayAttributes['language'] }, sentence);
    else voice.say(sentence);
  }
}

/** Listens for the caller's next words or keys, offering the choices; a silent caller is asked once more, then let go. */
function gather(voice: twilio.twiml.VoiceResponse, settings: TwilioWebhookSettings, next: { turn: number; awaiting: PhoneThread['awaiting']; options: PhoneThread['options']; language?: string | undefined }): void {
  const action = `${settings.publicBaseUrl.replace(/\/+$/, '')}${VOICE_WEBHOOK_PATH}?turn=${next.turn}`;
  const keyed = next.awaiting === 'confirmation' || (next.options?.length ?? 0) > 0;
  const locale = voiceLocale(next.language);
  const listen = voice.gather({
    input: ['speech', 'dtmf'],
    action,
    method: 'POST',
    speechTimeout: 'auto',
    timeout: 6,
    // One key picks a choice at once; anything else (a zip code, an order number) ends with #.
    ...(keyed && (next.options?.length ?? 0) <= 9 ? { numDigits: 1 } : { finishOnKey: '#' }),
    // Speech is recognised in the conversation's language once a reply has shown it.
    ...(locale ? { language: locale as GatherAttributes['language'] } : {}),
  });
  say(listen, spokenChoices(next.awaiting, next.options, next.language), next.language);
  voice.redirect({ method: 'POST' }, `${action}&silent=1`);
}

function sendTwiml(res: Response, twiml: { toString(): string }): void {
  res.status(200).type('text/xml').send(twiml.toString());
}
