import { describe, type Suite } from 'mocha';

/**
 * A suite that may have to be skipped here (no PostgreSQL, no browser, no shared data): mocha's
 * `describe.skip` with the reason in its title, so the spec output says why it did not run.
 */
export function describeUnless(skip: string | false, title: string, body: (this: Suite) => void): void {
  if (skip) describe.skip(`${title} (skipped: ${skip})`, body);
  else describe(title, body);
}
