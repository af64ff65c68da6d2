import { type NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleOption, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { Knex } from 'knex';
import { createActivities } from '../activities';
import { adaptersWith, deliverNoticesFromActivities, mailOutOf, type AdaptersOver, type MailOutSettings } from '../channels';
import { TwilioSmsSender, type TwilioAccountSettings } from '../channels/voice/sms-sender';
import type { Config, WorkerTuning } from '../config/config';
import { DEFAULT_POLICY_SETTINGS } from '../domain/policy';
import { intentClassifierFor } from '../llm/anthropic-intent-classifier';
import { replyPhraserFor, type ReplyPhraser } from '../llm/anthropic-reply-phraser';
import { createLogger, quieterOf, silentLogger, temporalLogger, type Logger } from '../observability/logger';
import { HttpPaymentProvider } from '../payments/http-payment-provider';
import type { PolicySettings } from '../domain/policy';
import type { LlmClassifier } from '../nlu/classification';
import type { PaymentProvider } from '../payments/payment-provider';
import { activityLog } from './activity-log';
import { ensureReconciliationSchedule } from './reconciliation-schedule';
import { workflowIsRunningOn } from './workflow-status';
import { bundleInChildProcess } from './workflow-bundle-file';

export const WORKFLOWS_PATH = require.resolve('../workflows');

export interface ConversationWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Knex;
  /** The payload codec (privacy/): histories hold customers' PII only encrypted. Clients of these workflows need the same. */
  dataConverter: DataConverter;
  payments: PaymentProvider;
  llm?: LlmClassifier;
  /** Claude phrasing replies (ANTHROPIC_API_KEY set); templates are used without it. */
  phraser?: ReplyPhraser;
  policy?: PolicySettings;
  /** How long refund sagas wait out a provider that is down (REFUND_RETRY_MINUTES). */
  refundRetryMs?: number;
  /** How long invoice links open their PDF (INVOICE_LINK_HOURS); 24 hours when absent. */
  invoiceLinkMs?: number;
  /** ACCOUNT_ERASURE_GRACE_DAYS, in ms; the activities' default when absent. */
  accountErasureGraceMs?: number;
  /** PUBLIC_BASE_URL: where password reset links point. */
  publicBaseUrl?: string;
  /** Pre-bundled workflow code: tests bundle once and start many workers from it; the configured worker loads a file bundled by a child process. */
  workflowBundle?: WorkflowBundleOption;
  /** One line per activity execution goes here; left out, nothing is logged. */
  logger?: Logger;
  /** The channels notices are delivered through; every adapter of channels/ whose settings are given when absent. */
  channelAdapters?: AdaptersOver;
  /** How the outbox's e-mail leaves (config's mailOutOf); without it, notices for e-mail conversations fail with a reason. */
  mail?: MailOutSettings;
  /** The Twilio account SMS and voice notices are texted from; left out, they fail with that reason. */
  twilio?: TwilioAccountSettings;
  /** WORKER_MAX_CACHED_WORKFLOWS and WORKER_STICKY_TIMEOUT_SECONDS; the SDK's defaults when absent. */
  tuning?: WorkerTuning;
}

/** Bundling reports its progress at info; only its warnings and errors are worth a line (on stderr unless told). */
export function bundleConversationWorkflows(logger: Logger = createLogger({ level: 'warn', destination: 2 })): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: temporalLogger(quieterOf(logger, 'warn')) });
}

export function createConversationWorker(options: ConversationWorkerOptions): Promise<Worker> {
  const workflowSource = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: WORKFLOWS_PATH };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    dataConverter: options.dataConverter,
    activities: createActivities({
      db: options.db,
      payments: options.payments,
      llm: options.llm,
      phraser: options.phraser,
      policy: options.policy,
      refundRetryMs: options.refundRetryMs,
      invoiceLinkMs: options.invoiceLinkMs,
      accountErasureGraceMs: options.accountErasureGraceMs,
      publicBaseUrl: options.publicBaseUrl,
      deliverNotice: deliverNoticesFromActivities(
        options.db,
        options.channelAdapters ?? adaptersWith(options.db, { ...(options.mail ? { mail: options.mail } : {}), sms: new TwilioSmsSender(options.twilio) }),
      ),
      workflowIsRunning: workflowIsRunningOn(options.connection, options.namespace, options.dataConverter),
    }),
    interceptors: { activity: [activityLog(options.logger ?? silentLogger)] },
    ...(options.tuning ? { maxCachedWorkflows: options.tuning.maxCachedWorkflows, stickyQueueScheduleToStartTimeout: options.tuning.stickyTimeoutMs } : {}),
    ...workflowSource,
  });
}

/**
 * The worker as configured: the payment provider, the LLM tier (when a key is set) and the refund
 * limit; and the reconciliation schedule its task queue runs, made sure of on every start.
 */
export async function createConfiguredWorker(
  config: Config,
  runtime: { connection: NativeConnection; db: Knex; logger: Logger; dataConverter: DataConverter; workflowBundle?: WorkflowBundleWithSourceMap },
): Promise<Worker> {
  const schedule = await ensureReconciliationSchedule({
    connection: runtime.connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    everyMinutes: config.reconcileEveryMinutes,
    dataConverter: runtime.dataConverter,
  });
  runtime.logger.info({ schedule, everyMinutes: config.reconcileEveryMinutes }, 'refund reconciliation schedule');
  // Without a bundle given, a child process makes one (see bundleInChildProcess).
  const source = runtime.workflowBundle ? { bundle: runtime.workflowBundle, remove: () => undefined } : await bundleInChildProcess();
  try {
    return await createConversationWorker({
      connection: runtime.connection,
      dataConverter: runtime.dataConverter,
      logger: runtime.logger,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      db: runtime.db,
      payments: new HttpPaymentProvider(config.paymentProviderUrl),
      llm: intentClassifierFor(config),
      phraser: replyPhraserFor(config),
      policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: config.refundAutoLimitCents },
      refundRetryMs: config.refundRetryMs,
      invoiceLinkMs: config.invoiceLinkMs,
      accountErasureGraceMs: config.accountErasureGraceMs,
      publicBaseUrl: config.publicBaseUrl,
      mail: mailOutOf(config),
      twilio: config.twilio,
      tuning: config.workerTuning,
      workflowBundle: source.bundle,
    });
  } finally {
    source.remove();
  }
}
