import type { Knex } from 'knex';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { phoneOfConversation } from '../../db/repositories/phone-conversations';
import type { ChannelAdapter, DeliveryOutcome } from '../channel-adapter';

/** The Twilio account outbound texts go from (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER, TWILIO_API_URL). */
export interface TwilioAccountSettings {
  accountSid?: string;
  authToken?: string;
  fromNumber?: string;
  /** Where Twilio's REST API is reached; unset, Twilio's own (`https://api.twilio.com`). Tests point it at a local stand-in. */
  apiUrl?: string;
}

/** Twilio's HTTP client, sending every request to another origin with the same path (a regional proxy, a test stand-in). */
class RebasedRequestClient extends RequestClient {
  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const target = new URL(opts.uri);
    const base = new URL(this.origin);
    target.protocol = base.protocol;
    target.host = base.host;
    target.pathname = base.pathname.replace(/\/+$/, '') + target.pathname;
    return super.request<TData>({ ...opts, uri: target.href });
  }
}

export type SmsSendOutcome = { sent: true; sid: string } | { sent: false; reason: string };

/** Sends texts through Twilio's Messages API; without an account configured it says so instead of pretending. */
export class TwilioSmsSender {
  private readonly client?: twilio.Twilio;

  constructor(private readonly settings: TwilioAccountSettings = {}) {
    if (settings.accountSid && settings.authToken && settings.fromNumber) {
      this.client = twilio(settings.accountSid, settings.authToken, settings.apiUrl ? { httpClient: new RebasedRequestClient(settings.apiUrl) } : {});
    }
  }

  /**
   * A refusal Twilio gives (a bad number, an unverified account: a 4xx) is an outcome; a server
   * error or a network failure is thrown, to be retried.
   */
  async send(to: string, body: string): Promise<SmsSendOutcome> {
    if (!this.client) return { sent: false, reason: 'no Twilio account is configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER): the text was not sent' };
    try {
      const message = await this.client.messages.create({ to, from: this.settings.fromNumber!, body });
      return { sent: true, sid: message.sid };
    } catch (err) {
      if (err instanceof twilio.RestException && err.status >= 400 && err.status < 500 && err.status !== 429) {
        return { sent: false, reason: `Twilio refused the text to ${to}: ${err.status}${err.code ? ` (${err.code})` : ''} ${err.message}` };
      }
      throw err;
    }
  }
}

/** SMS has 160 characters a segment; Twilio joins up to 1600, and a longer notice is cut rather than refused. */
const MAX_SMS = 1600;

/**
 * SMS and voice: a later message (an agent's reply, a refund notice) goes as a text to the number
 * the customer called or texted from: a call is over by the time such a message comes.
 */
export function phoneChannels(db: Knex, sender: TwilioSmsSender): ChannelAdapter[] {
  const adapter = (channel: 'sms' | 'voice'): ChannelAdapter => ({
    channel,
    async deliver(notice): Promise<DeliveryOutcome> {
      const conversationId = notice.conversationWorkflowId.replace(/^conversation-/, '');
      const phone = await phoneOfConversation(db, conversationId);
      if (!phone) return { delivered: false, reason: `conversation ${conversationId} has no caller's number to text` };
      const body = notice.text.length > MAX_SMS ? `${notice.text.slice(0, MAX_SMS - 1)}…` : notice.text;
      const outcome = await sender.send(phone.caller, body);
      return outcome.sent ? { delivered: true } : { delivered: false, reason: outcome.reason };
    },
  });
  return [adapter('sms'), adapter('voice')];
}
