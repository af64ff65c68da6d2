import express from 'express';
import helmet from 'helmet';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { Knex } from 'knex';
import type { Config } from '../config/config';
import { twilioWebhookRoutes, type TwilioWebhookSettings } from '../channels/voice/twilio-webhooks';
import { silentLogger, type Logger } from '../observability/logger';
import { ProductMetrics } from '../observability/metrics';
import { requireToken } from './authorization';
import { ConversationGateway, type GatewayOptions } from './conversation-gateway';
import { errorHandler, unknownRoute } from './error-handler';
import { checkReadiness } from './readiness';
import { DEFAULT_RATE_LIMITS, perIpLimit, perTokenLimit, widgetConversationLimit, type RateLimits } from './rate-limits';
import { requestLog } from './request-log';
import { widgetCors, type WidgetOrigins } from './widget-cors';
import { conversationEventRoutes, eventStreamTokenFromQuery } from './routes/conversation-events';
import { accountResetRoutes } from './routes/account-reset';
import { codecRoutes } from './routes/codec';
import { emailInboundRoutes } from './routes/email-inbound';
import type { EmailInbox } from '../channels';
import { agentDeskRoutes } from './routes/agent-desk';
import { auditRoutes } from './routes/audit';
import { invoiceRoutes, reviewRoutes } from './routes/commerce';
import { conversationRoutes } from './routes/conversations';
import { healthRoutes } from './routes/health';
import { helpCentreRoutes } from './routes/help-centre';
import { meRoutes } from './routes/me';
import { metricsRoutes } from './routes/metrics';
import { operationsRoutes } from './routes/operations';
import { orderRoutes } from './routes/orders';
import { qualityRoutes } from './routes/quality';
import { refundRoutes } from './routes/refunds';
import { webPageRoutes } from './routes/web-pages';

export interface AppDeps {
  db: Knex;
  client: Client;
  namespace: string;
  taskQueue: string;
  idleTimeoutMs: number;
  maxBodyBytes: number;
  continueAsNewAfterTurns?: number;
  llmEnabled?: boolean;
  timings?: GatewayOptions['timings'];
  turnTimeoutMs?: number;
  readTimeoutMs?: number;
  localWorkerState?: () => string;
  /** One line per request goes here; left out, nothing is logged. */
  logger?: Logger;
  /** Requests per minute per address, per token, and conversations per widget key (RATE_LIMIT_*). */
  rateLimits?: RateLimits;
  /** METRICS_TOKEN guards `/metrics`; WORKER_METRICS_URL is where the worker's own metrics are read to append them. */
  metrics?: { token?: string; workerMetricsUrl?: string; workerMetricsTimeoutMs?: number };
  /** The payload codec, for Temporal Web UI's codec endpoint (`/codec`); left out, there is none. */
  payloadCodec?: PayloadCodec;
  /** Origins (the Temporal UI's) the codec endpoint answers cross-origin. */
  codecOrigins?: readonly string[];
  /** The e-mail channel's inbox: with it, `POST /channels/email/inbound` takes raw MIME up to `maxBytes`. */
  email?: { inbox: EmailInbox; maxBytes: number };
  /** Twilio's voice and SMS webhooks (TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL, VOICE_AGENT_NUMBER); without a token they refuse every request. */
  twilio?: TwilioWebhookSettings;
  /** Page origins the chat widget may run on (WIDGET_ORIGINS); left out, any. */
  widgetOrigins?: WidgetOrigins;
  /** How often an idle event stream gets a comment, so proxies keep it open. */
  eventStreamHeartbeatMs?: number;
}

/**
 * Answers carry tokens and customers' data: nothing may load from a JSON answer, no other site may
 * frame a page (/help included; the pages set a fuller policy of their own), no browser may guess
 * another type (helmet), and no cache may keep JSON.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' },
});

const noStoreJson: express.RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    res.set('Cache-Control', 'no-store');
    return json(body);
  };
  next();
};

/** The conversations as this API reaches them; the e-mail channel uses one of its own, made the same way. */
export function gatewayOf(deps: Omit<AppDeps, 'email'>): ConversationGateway {
  return new ConversationGateway({
    client: deps.client,
    taskQueue: deps.taskQueue,
    idleTimeoutMs: deps.idleTimeoutMs,
    continueAsNewAfterTurns: deps.continueAsNewAfterTurns,
    llmEnabled: deps.llmEnabled,
    timings: deps.timings,
    turnTimeoutMs: deps.turnTimeoutMs,
    readTimeoutMs: deps.readTimeoutMs,
  });
}

export function createApp(deps: AppDeps): express.Express {
  const gateway = gatewayOf(deps);
  const metrics = new ProductMetrics({ db: deps.db, workerMetricsUrl: deps.metrics?.workerMetricsUrl, workerMetricsTimeoutMs: deps.metrics?.workerMetricsTimeoutMs });
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const cors = widgetCors(deps.widgetOrigins ?? 'any');
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // First, so that requests the body parser rejects get their line too.
  app.use(requestLog(deps.logger ?? silentLogger));
  app.use(securityHeaders);
  app.use(noStoreJson);
  // Before the rate limit, so that a 429 is readable by the widget too.
  app.use(cors.beforeAuth);
  app.use(perIpLimit(limits));
  // Before the global body parser: a history's payloads are larger than a message.
  if (deps.payloadCodec) {
    app.use('/codec', codecRoutes({ db: deps.db, codec: deps.payloadCodec, allowedOrigins: deps.codecOrigins ?? [], maxBodyBytes: Math.max(deps.maxBodyBytes, 4 * 1024 * 1024) }));
  }
  // Before the JSON body parser too: it reads the raw mail.
  if (deps.email) app.use('/channels/email', emailInboundRoutes({ db: deps.db, inbox: deps.email.inbox, maxBytes: deps.email.maxBytes }));
  app.use(express.json({ limit: deps.maxBodyBytes, strict: true }));
  app.use(healthRoutes(() => checkReadiness(deps)));
  app.use(metricsRoutes({ metrics, token: deps.metrics?.token }));
  app.use(webPageRoutes());
  // Before requireToken: an invoice link carries its own credential, the token in its path.
  app.use('/v1/invoices', invoiceRoutes({ db: deps.db }));
  // Public: a reset link's token is its own credential.
  app.use(accountResetRoutes({ db: deps.db, maxBodyBytes: deps.maxBodyBytes }));
  // Public: Twilio signs each request with the auth token instead of a bearer token.
  app.use(twilioWebhookRoutes({ db: deps.db, conversations: gateway, settings: deps.twilio, maxBodyBytes: deps.maxBodyBytes }));
  app.use(eventStreamTokenFromQuery);
  app.use('/v1', requireToken(deps.db));
  app.use('/v1', cors.afterAuth);
  app.use('/v1', perTokenLimit(limits));
  // After requireToken: /help pages are public, /v1/help needs any valid token.
  app.use(helpCentreRoutes());
  app.use('/v1/conversations', conversationEventRoutes({ gateway, heartbeatMs: deps.eventStreamHeartbeatMs }));
  app.use('/v1/conversations', conversationRoutes({ db: deps.db, gateway, turns: metrics, widgetLimit: widgetConversationLimit(limits) }));
  app.use('/v1/orders', orderRoutes({ db: deps.db, client: deps.client }));
  app.use('/v1', agentDeskRoutes({ db: deps.db, gateway }));
  app.use('/v1', refundRoutes({ db: deps.db }));
  app.use('/v1', reviewRoutes({ db: deps.db }));
  app.use('/v1', meRoutes());
  app.use('/v1', qualityRoutes({ db: deps.db }));
  app.use('/v1', operationsRoutes({ db: deps.db }));
  app.use('/v1', auditRoutes({ db: deps.db, client: deps.client }));
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}

/** The API as configured; `localWorkerState` when the worker runs in the same process. */
export function createConfiguredApp(config: Config, runtime: ConfiguredRuntime): express.Express {
  return createApp(configuredAppDeps(config, runtime));
}

type ConfiguredRuntime = { db: Knex; client: Client; logger: Logger; payloadCodec?: PayloadCodec; localWorkerState?: () => string; email?: AppDeps['email'] };

/** What createConfiguredApp makes the API of (the e-mail channel's gateway is made from it too). */
export function configuredAppDeps(config: Config, runtime: ConfiguredRuntime): AppDeps {
  return {
    ...runtime,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    idleTimeoutMs: config.idleTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    rateLimits: config.rateLimits,
    turnTimeoutMs: config.turnTimeoutMs,
    metrics: { token: config.metricsToken, workerMetricsUrl: config.workerMetricsUrl },
    codecOrigins: config.codecCorsOrigins,
    twilio: { authToken: config.twilio.authToken, publicBaseUrl: config.publicBaseUrl, voiceAgentNumber: config.twilio.voiceAgentNumber, callbackMinutes: config.twilio.callbackMinutes },
    widgetOrigins: config.widgetOrigins,
    llmEnabled: config.anthropicApiKey !== undefined,
    timings: {
      handoffSlaMs: config.handoffSlaMs,
      agentLeaseMs: config.agentLeaseMs,
      returnFollowUpMs: config.returnFollowUpMs,
      approvalTimeoutMs: config.approvalTimeoutMs,
      resolutionWindowMs: config.resolutionWindowMs,
    },
  };
}
