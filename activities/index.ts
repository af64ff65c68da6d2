import type { Knex } from 'knex';
import type { PaymentProvider } from '../payments/payment-provider';
import { createRefundSteps } from './refund-steps';
import { replyToCustomer } from './reply-to-customer';

export interface ActivityDeps {
  db: Knex;
  payments: PaymentProvider;
}

/** Every activity the worker registers, built from its dependencies so tests can pass their own. */
export function createActivities(deps: ActivityDeps) {
  return {
    replyToCustomer,
    ...createRefundSteps(deps),
  };
}
