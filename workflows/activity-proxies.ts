/**
 * Every activity the workflows call, each under one named profile of timeouts and retries. A new
 * activity joins the profile that fits what it does; a profile changes here for all its activities.
 */
import { proxyActivities, proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { FAILURE } from '../domain/failures';

type Activities = ReturnType<typeof createActivities>;

export const ACTIVITY_PROFILES = {
  /** In-memory work (the local classifier, help-centre retrieval): quick, so quick retries. */
  fastRead: { startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' } },
  /** One read of the store, or one policy-checked action in one transaction. */
  storeRead: { startToCloseTimeout: '20 seconds', retry: { maximumAttempts: 5, initialInterval: '500 milliseconds' } },
  /** Records people rely on (queue, approvals, notifications): worth more patience. */
  storeWrite: { startToCloseTimeout: '20 seconds', retry: { maximumAttempts: 10, initialInterval: '500 milliseconds' } },
  /** A refund saga's forward steps: money moves, so the provider gets time and capped backoff. */
  money: { startToCloseTimeout: '30 seconds', retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds', maximumAttempts: 8 } },
  /**
   * One ask of the payment provider: a few quick retries for a blip. A provider that stays down is
   * waited out by the saga itself, on durable timers, so one activity never holds a worker for hours.
   */
  providerCall: { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3 } },
  /** A saga's compensations must finish whatever happens: many more attempts, and they never give up early. */
  compensation: { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 50 } },
  /**
   * A later message through its channel: a relay that is down gets time (about 20 minutes of
   * backoff), and the outbox row records each failure; the conversation does not wait on it.
   */
  delivery: { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 12 } },
  /** The operators' projection: a few tries, then the conversation reports again at its next change. */
  projection: { startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 3, initialInterval: '500 milliseconds' } },
  /** A reconciliation run asks the provider about hundreds of refunds: time to do so, and a retry when the walk breaks off. */
  reconcile: { startToCloseTimeout: '10 minutes', retry: { maximumAttempts: 3, initialInterval: '10 seconds' } },
  /** The LLM tier is slow and can fail; a few tries, then the turn goes on without it. */
  llm: {
    startToCloseTimeout: '15 seconds',
    retry: { maximumAttempts: 3, initialInterval: '1 second', nonRetryableErrorTypes: [FAILURE.llmMalformedOutput, FAILURE.llmNotConfigured] },
  },
  /** Phrasing never throws for an LLM failure; the retry covers a lost worker, and after it the template stands. */
  llmPhrasing: { startToCloseTimeout: '20 seconds', retry: { maximumAttempts: 2, initialInterval: '500 milliseconds' } },
} as const satisfies Record<string, ActivityOptions>;

export const { classifyIntent, answerFromHelpCentre, detectInjection } = proxyActivities<Activities>(ACTIVITY_PROFILES.fastRead);

/**
 * In-process reads that take well under a millisecond run as local activities: their result is a
 * marker in the workflow task that uses it, with no round trip through the server's task queue.
 */
export const LOCAL_ACTIVITY_PROFILES = {
  turnReading: { startToCloseTimeout: '5 seconds', retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' } },
} as const satisfies Record<string, LocalActivityOptions>;

export const { readTurn } = proxyLocalActivities<Activities>(LOCAL_ACTIVITY_PROFILES.turnReading);

export const {
  identifyCustomerByEmail,
  identifyCustomerByNameZip,
  customerProfile,
  orderOptions,
  orderItemOptions,
  variantOptions,
  refundMethodOptions,
  paymentChangeFacts,
  orderStatus,
  refundStatus,
  performAction,
  reviewableItems,
  invoiceSummary,
  invoiceLink,
  accountErasureStatus,
  confirmChangesHeld,
} = proxyActivities<Activities>(ACTIVITY_PROFILES.storeRead);

export const { recordApprovalRequest, settleApprovalRequest, notifyStaff, syncHandoffQueue, rememberReturnConversation, queueLateReply, sendPasswordReset, scheduleAccountErasure, cancelAccountErasure, eraseAccount } =
  proxyActivities<Activities>(ACTIVITY_PROFILES.storeWrite);

/** The operators' projection: each conversation's outcome, figures and scorecard. */
export const { reportConversationOutcome, recordConversationScorecard } = proxyActivities<Activities>(ACTIVITY_PROFILES.projection);

/** What the customer asked to keep: their newsletter consent, a review, an invoice e-mail. */
export const { setNewsletterSubscription, saveItemReview, emailInvoice } = proxyActivities<Activities>(ACTIVITY_PROFILES.storeWrite);

export const { deliverLaterMessage } = proxyActivities<Activities>(ACTIVITY_PROFILES.delivery);

export const { reconcileRefunds } = proxyActivities<Activities>(ACTIVITY_PROFILES.reconcile);

export const { classifyWithLlm } = proxyActivities<Activities>(ACTIVITY_PROFILES.llm);
export const { phraseReply } = proxyActivities<Activities>(ACTIVITY_PROFILES.llmPhrasing);

/** The refund saga's steps and their compensations, called as `sagaSteps.reserveRefund(...)`. */
export const sagaSteps = proxyActivities<Activities>(ACTIVITY_PROFILES.money);
export const sagaCompensations = proxyActivities<Activities>(ACTIVITY_PROFILES.compensation);
export const { refundThroughProvider: askProviderToRefund } = proxyActivities<Activities>(ACTIVITY_PROFILES.providerCall);
