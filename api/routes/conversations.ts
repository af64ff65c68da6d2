import { Router, type RequestHandler } from 'express';
import type { AcceptedMessage, ConversationReadout, CreatedConversation } from '../contracts';
import { readConversationOutcome } from '../../db/repositories/conversation-outcomes';
import { claimIdempotencyKey } from '../../db/repositories/idempotency-keys';
import type { Knex } from 'knex';
import { mintToken } from '../../auth/token-service';
import { whyMessageIsInvalid } from '../../domain/message-validation';
import type { ConversationGateway, Delivery } from '../conversation-gateway';
import type { ProductMetrics } from '../../observability/metrics';
import { HttpError, notFound } from '../http-error';
import { allowRoles } from '../authorization';
import { actorIdOf } from '../../auth/roles';
import { announceConversationChange } from '../../channels/live-updates';
import { conversationIdParam, createConversationBody, goodwillBody, idempotencyKeyHeader, messageBody, parseBody } from '../schemas';

export function conversationRoutes(deps: { db: Knex; gateway: ConversationGateway; turns?: Pick<ProductMetrics, 'observeTurn'>; widgetLimit?: RequestHandler }): Router {
  const router = Router();

  // A widget key is public: besides its origin, a per-key and per-address limit keeps it from opening conversations in bulk.
  router.post('/', allowRoles('channel', 'widget'), deps.widgetLimit ?? ((_req, _res, next) => next()), async (req, res) => {
    const { message, ...body } = parseBody(createConversationBody, req.body);
    if (!message) {
      const conversationId = await deps.gateway.start(body);
      const token = await mintToken(deps.db, { role: 'conversation', name: `widget for ${conversationId}`, conversationId });
      res.status(201).location(`/v1/conversations/${conversationId}`).json({ conversationId, token } satisfies CreatedConversation);
      return;
    }
    const problem = whyMessageIsInvalid(message.text);
    if (problem) throw new HttpError(400, 'invalid_message', problem);
    const started = performance.now();
    const { conversationId, delivery } = await deps.gateway.startWithMessage(body, message.text);
    observeDelivery(deps.turns, delivery, started);
    const token = await mintToken(deps.db, { role: 'conversation', name: `widget for ${conversationId}`, conversationId });
    const reply = delivery.kind === 'replied' ? delivery.result : ({ accepted: true, messageId: delivery.messageId } satisfies AcceptedMessage);
    res.status(201).location(`/v1/conversations/${conversationId}`).json({ conversationId, token, reply } satisfies CreatedConversation);
  });

  router.post('/:id/messages', allowRoles('channel', 'conversation'), async (req, res) => {
    const { text, channel: named } = parseBody(messageBody, req.body);
    // A conversation token is the web chat's: its customer writes on chat, whatever the body says.
    if (req.principal?.role === 'conversation' && named !== undefined && named !== 'chat') {
      throw new HttpError(400, 'invalid_channel', 'messages sent with a conversation token come from the web chat; channel must be chat or left out');
    }
    const channel = req.principal?.role === 'conversation' ? 'chat' : named;
    const problem = whyMessageIsInvalid(text);
    if (problem) throw new HttpError(400, 'invalid_message', problem);
    const key = req.get('idempotency-key');
    if (key !== undefined && !idempotencyKeyHeader.safeParse(key).success) {
      throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1-100 characters of A-Z a-z 0-9 _ . : -');
    }
    const conversationId = conversationIdOf(req.params.id);
    if (key !== undefined && !(await claimIdempotencyKey(deps.db, { conversationId, key, body: text }))) {
      throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was already used with another message in this conversation; use a new key');
    }
    const started = performance.now();
    // The widget's stream shows a typing indicator while the turn runs, and the new entries after it.
    void announceConversationChange({ conversationId, kind: 'typing', active: true });
    const delivery = await deps.gateway.send(conversationId, text, key, channel).finally(() => {
      void announceConversationChange({ conversationId, kind: 'typing', active: false });
      void announceConversationChange({ conversationId, kind: 'message' });
    });
    observeDelivery(deps.turns, delivery, started);
    if (delivery.kind === 'replied') res.json(delivery.result);
    else res.status(202).json({ accepted: true, messageId: delivery.messageId } satisfies AcceptedMessage);
  });

  router.post('/:id/goodwill', allowRoles('agent', 'supervisor'), async (req, res) => {
    const body = parseBody(goodwillBody, req.body);
    const principal = req.principal;
    if (!principal || (principal.role !== 'agent' && principal.role !== 'supervisor')) throw new HttpError(403, 'forbidden', 'agents and supervisors offer goodwill');
    const conversationId = conversationIdOf(req.params.id);
    await deps.gateway.offerGoodwill(conversationId, { ...body, by: actorIdOf(principal), role: principal.role });
    res.status(202).json({ conversationId, status: 'offered' });
  });

  router.get('/:id', allowRoles('channel', 'agent', 'supervisor', 'auditor', 'conversation'), async (req, res) => {
    const conversationId = conversationIdOf(req.params.id);
    const view = await deps.gateway.read(conversationId);
    const stored = await readConversationOutcome(deps.db, conversationId, new Date());
    const readout: ConversationReadout = {
      ...view,
      ...(stored?.outcome ? { outcome: stored.outcome } : {}),
      ...(stored ? { resolution: { reason: stored.reason, resolvedAt: stored.resolvedAt, verifiedAfter: stored.candidate ? stored.windowEndsAt : null, pending: stored.candidate === 'verified' } } : {}),
    };
    res.json(readout);
  });

  return router;
}

/** Conversation ids are UUIDs; anything else cannot name a conversation, so it is a 404 like any unknown id. */
export function conversationIdOf(param: unknown): string {
  const parsed = conversationIdParam.safeParse(param);
  if (!parsed.success) throw notFound(`conversation ${String(param)}`);
  return parsed.data;
}

function observeDelivery(turns: Pick<ProductMetrics, 'observeTurn'> | undefined, delivery: Delivery, started: number): void {
  turns?.observeTurn({
    tier: delivery.kind === 'replied' ? (delivery.result.tier ?? 'flow') : 'unknown',
    seconds: (performance.now() - started) / 1000,
    deferred: delivery.kind === 'accepted',
  });
}
