import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface SentText {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  sid: string;
}

export interface TwilioStandIn {
  /** The origin to give as TWILIO_API_URL. */
  url: string;
  accountSid: string;
  authToken: string;
  texts: SentText[];
  /** The next request is refused with this status and Twilio error code. */
  refuseNext(status: number, code: number, message: string): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Twilio's Messages REST API (`POST /2010-04-01/Accounts/:sid/Messages.json`,
 * form-encoded, basic auth with the account SID and auth token), answering in Twilio's JSON, so
 * tests run the real `twilio` library against it.
 */
export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const accountSid = `AC${crypto.randomBytes(16).toString('hex')}`;
  const authToken = crypto.randomBytes(16).toString('hex');
  const texts: SentText[] = [];
  const refusals: { status: number; code: number; message: string }[] = [];
  const app = express();
  app.post('/2010-04-01/Accounts/:sid/Messages.json', express.urlencoded({ extended: false }), (req, res) => {
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.get('authorization') !== expected || req.params.sid !== accountSid) {
      res.status(401).json({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      return;
    }
    const refusal = refusals.shift();
    if (refusal) {
      res.status(refusal.status).json({ code: refusal.code, message: refusal.message, more_info: `https://www.twilio.com/docs/errors/${refusal.code}`, status: refusal.status });
      return;
    }
    const { To: to, From: from, Body: body } = req.body as Record<string, string>;
    if (!to || !from || !body) {
      res.status(400).json({ code: 21604, message: "A 'To' phone number is required.", status: 400 });
      return;
    }
    const sid = `SM${crypto.randomBytes(16).toString('hex')}`;
    texts.push({ accountSid, to, from, body, sid });
    const now = new Date().toUTCString();
    res.status(201).json({
      sid, account_sid: accountSid, to, from, body, status: 'queued', direction: 'outbound-api', num_segments: '1', num_media: '0',
      date_created: now, date_updated: now, date_sent: null, price: null, price_unit: 'USD', api_version: '2010-04-01', error_code: null, error_message: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`, subresource_uris: {},
    });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accountSid,
    authToken,
    texts,
    refuseNext: (status, code, message) => refusals.push({ status, code, message }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
