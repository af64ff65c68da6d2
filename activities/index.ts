import type { Knex } from 'knex';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../domain/policy';
import type { ReplyPhraser } from '../llm/anthropic-reply-phraser';
import type { LlmClassifier } from '../nlu/classification';
import { SHIPPED_MODEL_PATH } from '../nlu/cascade';
import type { PaymentProvider } from '../payments/payment-provider';
import { createAccountActivities } from './accounts';
import { createHelpCentreActivities } from './answer-from-help-centre';
import { createIntentActivities } from './classify-intent';
import { createCommerceActivities } from './commerce';
import { createCustomerLookupActivities } from './customer-lookup';
import { createHandoffActivities } from './handoff';
import { createLateReplyActivities } from './late-replies';
import { createLaterMessageActivities } from './later-messages';
import { createOutcomeActivities } from './outcomes';
import { createPaymentChangeActivities } from './payment-change';
import { createActionActivities } from './perform-action';
import { createPhraseReplyActivities } from './phrase-reply';
import { createReconcileActivities, type WorkflowIsRunning } from './reconcile-refunds';
import { createRefundSteps, type DeliverNotice } from './refund-steps';

export interface ActivityDeps {
  db: Knex;
  payments: PaymentProvider;
  /** Defaults to the model the product ships. */
  intentModelPath?: string;
  llm?: LlmClassifier;
  /** Claude's wording of replies; absent when ANTHROPIC_API_KEY is unset (templates are used as they are). */
  phraser?: ReplyPhraser;
  /** Defaults to DEFAULT_POLICY_SETTINGS. */
  policy?: PolicySettings;
  /** How long refund sagas wait out a provider that is down; the saga's default when absent. */
  refundRetryMs?: number;
  /** How the outbox's notices reach customers (`deliverNoticesFromActivities` in channels/): refund receipts and every later message. */
  deliverNotice?: DeliverNotice;
  /** Lets reconciliation leave a refund to a saga that still runs; without it, it goes by how old the entry is. */
  workflowIsRunning?: WorkflowIsRunning;
  /** How long an invoice link opens its PDF (INVOICE_LINK_HOURS); 24 hours when absent. */
  invoiceLinkMs?: number;
  /** Where password reset links point (PUBLIC_BASE_URL); a local address when absent. */
  publicBaseUrl?: string;
  /** ACCOUNT_ERASURE_GRACE_DAYS, in ms; 14 days when absent. */
  accountErasureGraceMs?: number;
}

export const LOCAL_BASE_URL = 'http://localhost:3000';

/** Every activity the worker registers, built from its dependencies so tests can pass their own. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createIntentActivities({ intentModelPath: deps.intentModelPath ?? SHIPPED_MODEL_PATH, llm: deps.llm }),
    ...createRefundSteps(deps),
    ...createCustomerLookupActivities(deps),
    ...createHelpCentreActivities(),
    ...createHandoffActivities(deps),
    ...createLateReplyActivities(deps),
    ...createLaterMessageActivities(deps),
    ...createPaymentChangeActivities(deps),
    ...createActionActivities({ db: deps.db, policy: deps.policy ?? DEFAULT_POLICY_SETTINGS, deliverNotice: deps.deliverNotice }),
    ...createPhraseReplyActivities({ phraser: deps.phraser }),
    ...createReconcileActivities(deps),
    ...createCommerceActivities({ ...deps, publicBaseUrl: deps.publicBaseUrl ?? LOCAL_BASE_URL }),
    ...createOutcomeActivities(deps),
    ...createAccountActivities({ db: deps.db, publicBaseUrl: deps.publicBaseUrl ?? LOCAL_BASE_URL, erasureGraceMs: deps.accountErasureGraceMs, deliverNotice: deps.deliverNotice }),
  };
}
