/**
 * A channel's side of the HTTP API: a JSON call with a bearer token, and a chat conversation that says
 * lines and reads its view. The eval and the tau walk (bench/) both talk to the product this way only.
 */
import type { MessageResult } from '../domain/conversation';

export interface ApiTarget {
  baseUrl: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A JSON call to the product's API with a bearer token; a body that is not JSON comes back as its text. */
export async function apiCall(target: ApiTarget, method: string, path: string, token: string, body?: unknown): Promise<ApiAnswer> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // An HTML error page from something else on the port: keep the text for the message.
  }
  return { status: response.status, body: parsed };
}

export interface Chat<View = unknown> {
  id: string;
  /** One customer message; anything but 200 throws with the API's answer. */
  say(text: string): Promise<MessageResult>;
  view(): Promise<View>;
}

/** A new chat conversation, as a channel starts one. */
export async function startChat<View = unknown>(target: ApiTarget, channelToken: string): Promise<Chat<View>> {
  const created = await apiCall(target, 'POST', '/v1/conversations', channelToken, { channel: 'chat' });
  if (created.status !== 201) throw new Error(`could not start a conversation at ${target.baseUrl}: ${created.status} ${JSON.stringify(created.body)}`);
  const id = (created.body as { conversationId: string }).conversationId;
  return {
    id,
    async say(text) {
      const res = await apiCall(target, 'POST', `/v1/conversations/${id}/messages`, channelToken, { text });
      if (res.status !== 200) throw new Error(`"${text}" was answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as MessageResult;
    },
    async view() {
      const res = await apiCall(target, 'GET', `/v1/conversations/${id}`, channelToken);
      if (res.status !== 200) throw new Error(`reading conversation ${id} was answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as View;
    },
  };
}
