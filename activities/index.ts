import type { Knex } from 'knex';
import { replyToCustomer } from './reply-to-customer';

export interface ActivityDeps {
  db: Knex;
}

/** Every activity the worker registers, built from its dependencies so tests can pass their own. */
export function createActivities(_deps: ActivityDeps) {
  return {
    replyToCustomer,
  };
}
