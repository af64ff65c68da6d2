import { CancellationScope, sleep } from '@temporalio/workflow';

/**
 * The main loop's timer, kept across wakes while it rings no later than the next deadline: a turn
 * moves the idle deadline later, and so neither cancels a timer nor starts one (two commands and two
 * events a turn fewer for the server). Ringing early is harmless: the loop finds nothing due and sets
 * a timer for the rest of the wait.
 */
export interface WakeTimer {
  /** Makes sure a timer rings by `at` (workflow time, ms since the epoch). */
  ringBy(at: number): void;
  /** Nothing is due: no timer (an unrung one is cancelled). */
  forget(): void;
  /** The timer rang and nothing has been set since. */
  rang(): boolean;
}

export function wakeTimer(): WakeTimer {
  let current: { at: number; rang: boolean; scope: CancellationScope } | undefined;
  return {
    ringBy(at) {
      if (current && !current.rang && current.at <= at) return;
      if (current && !current.rang) current.scope.cancel();
      const timer = { at, rang: false, scope: new CancellationScope() };
      current = timer;
      timer.scope
        .run(() => sleep(Math.max(1, at - Date.now())))
        .then(
          () => {
            timer.rang = true;
          },
          // Cancelled: a nearer deadline took its place.
          () => undefined,
        );
    },
    forget() {
      if (current && !current.rang) current.scope.cancel();
      current = undefined;
    },
    rang: () => current?.rang === true,
  };
}
