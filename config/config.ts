import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from '../observability/log-levels';

/**
 * Every setting the product reads from the environment, validated once at start-up.
 * The names here are the contract with `temporal-docker/` (a test checks that they agree).
 */
export const ENV_VARS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_DEV_PORT',
  'TEMPORAL_UI_PORT',
  'TEMPORAL_CLI_PATH',
  'CONVERSATION_IDLE_TIMEOUT_MINUTES',
  'HANDOFF_SLA_MINUTES',
  'AGENT_LEASE_MINUTES',
  'RETURN_FOLLOW_UP_DAYS',
  'APPROVAL_TIMEOUT_MINUTES',
  'RESOLUTION_WINDOW_HOURS',
  'REFUND_RETRY_MINUTES',
  'ACCOUNT_ERASURE_GRACE_DAYS',
  'PUBLIC_BASE_URL',
  'MAX_BODY_BYTES',
  'TURN_TIMEOUT_SECONDS',
  'SEED_DB_DIR',
  'PAYMENT_PROVIDER_URL',
  'PAYMENTS_SANDBOX_PORT',
  'REFUND_AUTO_LIMIT_CENTS',
  'RECONCILE_EVERY_MINUTES',
  'INVOICE_LINK_HOURS',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_MODEL',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'RATE_LIMIT_PER_IP_PER_MINUTE',
  'RATE_LIMIT_PER_TOKEN_PER_MINUTE',
  'WIDGET_CONVERSATIONS_PER_MINUTE',
  'WORKER_METRICS_ADDRESS',
  'WORKER_METRICS_URL',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'WORKER_STICKY_TIMEOUT_SECONDS',
  'PAYLOAD_KEYS',
  'PRODUCTION_MODE',
  'CODEC_CORS_ORIGINS',
  'SMTP_PORT',
  'SUPPORT_EMAIL',
  'SMTP_RELAY',
  'MAX_EMAIL_BYTES',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM_NUMBER',
  'TWILIO_API_URL',
  'VOICE_AGENT_NUMBER',
  'VOICE_CALLBACK_MINUTES',
  'WIDGET_ORIGINS',
] as const;

export type EnvVarName = (typeof ENV_VARS)[number];

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  PORT: port.default(3000),
  // The loopback unless asked: an API on every interface is one firewall mistake away from the internet.
  HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, 'HOST must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)')
    .optional(),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'TEMPORAL_ADDRESS must look like host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('support-conversations'),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  CONVERSATION_IDLE_TIMEOUT_MINUTES: z.coerce.number().positive().default(24 * 60),
  HANDOFF_SLA_MINUTES: z.coerce.number().positive().default(10),
  AGENT_LEASE_MINUTES: z.coerce.number().positive().default(30),
  RETURN_FOLLOW_UP_DAYS: z.coerce.number().positive().default(14),
  APPROVAL_TIMEOUT_MINUTES: z.coerce.number().positive().default(4 * 60),
  RESOLUTION_WINDOW_HOURS: z.coerce.number().min(0).max(90 * 24).default(72),
  REFUND_RETRY_MINUTES: z.coerce.number().positive().default(6 * 60),
  ACCOUNT_ERASURE_GRACE_DAYS: z.coerce.number().positive().max(365).default(14),
  PUBLIC_BASE_URL: z.url('PUBLIC_BASE_URL must be an http(s) URL').optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024),
  TURN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  SEED_DB_DIR: z.string().min(1).optional(),
  PAYMENT_PROVIDER_URL: z.url('PAYMENT_PROVIDER_URL must be an http(s) URL').optional(),
  PAYMENTS_SANDBOX_PORT: port.default(4010),
  REFUND_AUTO_LIMIT_CENTS: z.coerce.number().int().min(0).default(50_000),
  RECONCILE_EVERY_MINUTES: z.coerce
    .number({ error: 'RECONCILE_EVERY_MINUTES must be a whole number of minutes' })
    .int('RECONCILE_EVERY_MINUTES must be a whole number of minutes')
    .min(1, 'RECONCILE_EVERY_MINUTES must be at least 1')
    .max(24 * 60, 'RECONCILE_EVERY_MINUTES must be at most 1440 (a day)')
    .default(15),
  INVOICE_LINK_HOURS: z.coerce
    .number({ error: 'INVOICE_LINK_HOURS must be a number of hours' })
    .positive('INVOICE_LINK_HOURS must be more than 0')
    .max(24 * 90, 'INVOICE_LINK_HOURS must be at most 2160 (90 days)')
    .default(24),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url('ANTHROPIC_BASE_URL must be an http(s) URL').optional(),
  ANTHROPIC_MODEL: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters (leave it unset for an open /metrics)').optional(),
  // Generous: they stop floods, not busy operators (requests per minute; a 429 with Retry-After past them).
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  RATE_LIMIT_PER_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  WIDGET_CONVERSATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^(off|[^\s:/]+:([1-9]\d{0,4}))$/, 'WORKER_METRICS_ADDRESS must look like host:port (port 1-65535), or be off')
    .refine((v) => v === 'off' || Number(v.split(':')[1]) <= 65535, 'WORKER_METRICS_ADDRESS must look like host:port (port 1-65535), or be off')
    .default('127.0.0.1:9464'),
  WORKER_METRICS_URL: z
    .string()
    .refine((v) => v === 'off' || (/^https?:\/\/[^\s/]/.test(v) && URL.canParse(v)), 'WORKER_METRICS_URL must be an http(s) URL, or off')
    .optional(),
  // An idle conversation leaves the cache once newer ones need the slot, and its next message replays its
  // history. The SDK's default grows with the heap; docs/PRODUCTION.md has what the benchmark measured.
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number({ error: 'WORKER_MAX_CACHED_WORKFLOWS must be a whole number' })
    .int('WORKER_MAX_CACHED_WORKFLOWS must be a whole number')
    .min(0, 'WORKER_MAX_CACHED_WORKFLOWS must be 0 (no cache) or more')
    .max(100_000, 'WORKER_MAX_CACHED_WORKFLOWS must be at most 100000')
    .default(100),
  WORKER_STICKY_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'WORKER_STICKY_TIMEOUT_SECONDS must be a number of seconds' })
    .positive('WORKER_STICKY_TIMEOUT_SECONDS must be more than 0')
    .max(600, 'WORKER_STICKY_TIMEOUT_SECONDS must be at most 600')
    .default(10),
  PAYLOAD_KEYS: z.string().min(1).optional(),
  CODEC_CORS_ORIGINS: z
    .string()
    .refine((v) => v.split(',').every((o) => /^https?:\/\/[^\s/]+$/.test(o.trim())), 'CODEC_CORS_ORIGINS must be a comma-separated list of origins like http://localhost:8233')
    .optional(),
  PRODUCTION_MODE: z.enum(['true', 'false'], { error: 'PRODUCTION_MODE must be true or false' }).optional(),
  SMTP_PORT: port.default(2525),
  SUPPORT_EMAIL: z.email('SUPPORT_EMAIL must be an e-mail address, e.g. support@example.com').default('support@example.com'),
  SMTP_RELAY: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'SMTP_RELAY must look like host:port (leave it unset to keep outgoing mail as .eml files in the data folder)')
    .refine((v) => Number(v.split(':')[1]) >= 1 && Number(v.split(':')[1]) <= 65535, 'SMTP_RELAY must look like host:port (port 1-65535)')
    .optional(),
  MAX_EMAIL_BYTES: z.coerce.number().int().min(16 * 1024).max(50 * 1024 * 1024).default(10 * 1024 * 1024),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, 'TWILIO_AUTH_TOKEN must be at least 16 characters').optional(),
  TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'TWILIO_FROM_NUMBER must be an E.164 number like +15551234567').optional(),
  TWILIO_API_URL: z.url('TWILIO_API_URL must be an http(s) URL').optional(),
  VOICE_CALLBACK_MINUTES: z.coerce.number().positive().max(7 * 24 * 60).default(30),
  VOICE_AGENT_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/, 'VOICE_AGENT_NUMBER must be an E.164 number like +15551234567').optional(),
  WIDGET_ORIGINS: z
    .string()
    .refine((v) => v.trim() === '*' || v.split(',').every((o) => /^https?:\/\/[^\s/]+$/.test(o.trim())), 'WIDGET_ORIGINS must be * or a comma-separated list of origins like https://shop.example')
    .optional(),
});

export interface WorkerTuning {
  maxCachedWorkflows: number;
  stickyTimeoutMs: number;
}

export interface Config {
  port: number;
  /** The interface the API listens on (HOST). */
  host: string;
  dataDir: string;
  /** Unset means the embedded SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  /** Unset means `npm start` runs its own Temporal dev server. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  taskQueue: string;
  /** Where `npm start` runs its own dev server when TEMPORAL_ADDRESS is unset. */
  temporalDevPort: number;
  temporalUiPort: number;
  temporalCliPath: string | undefined;
  idleTimeoutMs: number;
  /** Unclaimed this long, a handoff's priority goes up and supervisors are told. */
  handoffSlaMs: number;
  /** An agent idle this long loses the conversation back to the queue. */
  agentLeaseMs: number;
  /** A returned parcel not received this long gets a follow-up. */
  returnFollowUpMs: number;
  approvalTimeoutMs: number;
  /** A resolution the customer does not come back on this long is verified; 0 verifies at once. */
  resolutionWindowMs: number;
  /** How long a refund saga keeps asking a provider that is down before the refund is owed and a person takes over. */
  refundRetryMs: number;
  /** How long an account waits between the customer's request to erase it and the erasure (they can cancel meanwhile). */
  accountErasureGraceMs: number;
  /** Where the API is reached from outside: password reset links point there. */
  publicBaseUrl: string;
  maxBodyBytes: number;
  /** A customer's turn not finished this long is answered 202; its reply comes later through the conversation. */
  turnTimeoutMs: number;
  seedDbDir: string | undefined;
  /** The payment provider the refund saga calls; unset means the sandbox `npm start` runs. */
  paymentProviderUrl: string;
  /** True when PAYMENT_PROVIDER_URL is unset: `npm start` runs the sandbox provider itself. */
  paymentsSandboxLocal: boolean;
  paymentsSandboxPort: number;
  /** Refunds up to this amount run without a supervisor's approval. */
  refundAutoLimitCents: number;
  /** How often the worker's Temporal Schedule runs reconciliation of the refund ledger against the provider. */
  reconcileEveryMinutes: number;
  /** How long an invoice link the bot hands out opens the PDF. */
  invoiceLinkMs: number;
  anthropicApiKey: string | undefined;
  anthropicBaseUrl: string | undefined;
  anthropicModel: string | undefined;
  /** The least severe log line written; `silent` writes none. */
  logLevel: LogLevel;
  /** When set, `GET /metrics` wants `Authorization: Bearer <it>`; unset, it is open like /healthz. */
  metricsToken: string | undefined;
  /** Requests per minute per client address and per token, and conversations per widget key and address. */
  rateLimits: { perIpPerMinute: number; perTokenPerMinute: number; widgetConversationsPerMinute: number };
  /** Where the worker's Temporal runtime serves its own Prometheus metrics; undefined (`off`) serves none. */
  workerMetricsAddress: string | undefined;
  /** Where the API fetches the worker's metrics to append them to its `/metrics`; undefined (`off`) appends none. */
  workerMetricsUrl: string | undefined;
  /** The worker's sticky cache: how many conversations stay in memory, and how long the server waits for the worker that has one cached before another worker takes its task. */
  workerTuning: WorkerTuning;
  /** `id:base64key,…`: the keys of Temporal payload encryption, the first encrypts; unset, a key file in `dataDir` (not in production). */
  payloadKeys: string | undefined;
  /** NODE_ENV=production or PRODUCTION_MODE=true: nothing is made up on the spot (a missing payload key is an error). */
  productionMode: boolean;
  /** The Temporal UI origins the codec endpoint answers cross-origin; the local dev server's UI unless set. */
  codecCorsOrigins: string[];
  /** The port of the inbound SMTP listener (SMTP_PORT); 0 runs none. It listens on `host`. */
  smtpPort: number;
  /** The one address the SMTP listener takes mail for, and the From of what we send (SUPPORT_EMAIL). */
  supportEmail: string;
  /** Where outgoing mail is relayed (host:port); unset, it is kept as .eml files under `dataDir`/outbox-mail. */
  smtpRelay: string | undefined;
  /** The largest inbound mail taken (SMTP SIZE, and the raw-MIME webhook's body limit). */
  maxEmailBytes: number;
  /**
   * Twilio: the auth token checks the voice and SMS webhooks' signatures (unset, they take no request);
   * the account sends texts (unset, SMS notices fail with the reason); calls go to the agent number on a handoff.
   */
  twilio: { accountSid: string | undefined; authToken: string | undefined; fromNumber: string | undefined; apiUrl: string | undefined; voiceAgentNumber: string | undefined; callbackMinutes: number };
  /** The page origins the chat widget may run on (CORS for its calls), or any. */
  widgetOrigins: string[] | 'any';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws a ConfigError that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(
    ENV_VARS.map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    databaseUrl: c.DATABASE_URL,
    sqliteFile: path.join(dataDir, 'support.sqlite'),
    temporalAddress: c.TEMPORAL_ADDRESS,
    temporalNamespace: c.TEMPORAL_NAMESPACE,
    taskQueue: c.TEMPORAL_TASK_QUEUE,
    temporalDevPort: c.TEMPORAL_DEV_PORT,
    temporalUiPort: c.TEMPORAL_UI_PORT,
    temporalCliPath: c.TEMPORAL_CLI_PATH,
    idleTimeoutMs: c.CONVERSATION_IDLE_TIMEOUT_MINUTES * 60_000,
    handoffSlaMs: c.HANDOFF_SLA_MINUTES * 60_000,
    agentLeaseMs: c.AGENT_LEASE_MINUTES * 60_000,
    returnFollowUpMs: c.RETURN_FOLLOW_UP_DAYS * 24 * 3_600_000,
    approvalTimeoutMs: c.APPROVAL_TIMEOUT_MINUTES * 60_000,
    resolutionWindowMs: c.RESOLUTION_WINDOW_HOURS * 3_600_000,
    refundRetryMs: c.REFUND_RETRY_MINUTES * 60_000,
    accountErasureGraceMs: c.ACCOUNT_ERASURE_GRACE_DAYS * 24 * 3_600_000,
    publicBaseUrl: c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`,
    maxBodyBytes: c.MAX_BODY_BYTES,
    turnTimeoutMs: c.TURN_TIMEOUT_SECONDS * 1000,
    seedDbDir: c.SEED_DB_DIR,
    paymentProviderUrl: c.PAYMENT_PROVIDER_URL ?? `http://127.0.0.1:${c.PAYMENTS_SANDBOX_PORT}`,
    paymentsSandboxLocal: c.PAYMENT_PROVIDER_URL === undefined,
    paymentsSandboxPort: c.PAYMENTS_SANDBOX_PORT,
    refundAutoLimitCents: c.REFUND_AUTO_LIMIT_CENTS,
    reconcileEveryMinutes: c.RECONCILE_EVERY_MINUTES,
    invoiceLinkMs: c.INVOICE_LINK_HOURS * 3_600_000,
    anthropicApiKey: c.ANTHROPIC_API_KEY,
    anthropicBaseUrl: c.ANTHROPIC_BASE_URL,
    anthropicModel: c.ANTHROPIC_MODEL,
    logLevel: c.LOG_LEVEL,
    metricsToken: c.METRICS_TOKEN,
    rateLimits: {
      perIpPerMinute: c.RATE_LIMIT_PER_IP_PER_MINUTE,
      perTokenPerMinute: c.RATE_LIMIT_PER_TOKEN_PER_MINUTE,
      widgetConversationsPerMinute: c.WIDGET_CONVERSATIONS_PER_MINUTE,
    },
    workerMetricsAddress: c.WORKER_METRICS_ADDRESS === 'off' ? undefined : c.WORKER_METRICS_ADDRESS,
    workerMetricsUrl: workerMetricsUrlOf(c.WORKER_METRICS_URL, c.WORKER_METRICS_ADDRESS),
    workerTuning: { maxCachedWorkflows: c.WORKER_MAX_CACHED_WORKFLOWS, stickyTimeoutMs: c.WORKER_STICKY_TIMEOUT_SECONDS * 1000 },
    payloadKeys: c.PAYLOAD_KEYS,
    widgetOrigins: c.WIDGET_ORIGINS === undefined || c.WIDGET_ORIGINS.trim() === '*' ? 'any' : c.WIDGET_ORIGINS.split(',').map((o) => o.trim()),
    codecCorsOrigins: c.CODEC_CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [`http://localhost:${c.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${c.TEMPORAL_UI_PORT}`],
    twilio: {
      accountSid: c.TWILIO_ACCOUNT_SID,
      authToken: c.TWILIO_AUTH_TOKEN,
      fromNumber: c.TWILIO_FROM_NUMBER,
      apiUrl: c.TWILIO_API_URL,
      voiceAgentNumber: c.VOICE_AGENT_NUMBER,
      callbackMinutes: c.VOICE_CALLBACK_MINUTES,
    },
    // NODE_ENV is the ecosystem's switch, not a setting of ours: read, not listed in ENV_VARS.
    productionMode: c.PRODUCTION_MODE === undefined ? env.NODE_ENV === 'production' : c.PRODUCTION_MODE === 'true',
    smtpPort: c.SMTP_PORT,
    supportEmail: c.SUPPORT_EMAIL.toLowerCase(),
    smtpRelay: c.SMTP_RELAY,
    maxEmailBytes: c.MAX_EMAIL_BYTES,
  };
}

/** Unset, the URL is the worker's own bind address (a wildcard host is reached on the loopback): what `npm start` runs. */
function workerMetricsUrlOf(url: string | undefined, address: string): string | undefined {
  if (url !== undefined) return url === 'off' ? undefined : url;
  if (address === 'off') return undefined;
  const [host, port] = address.split(':') as [string, string];
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/metrics`;
}
