/**
 * Failures the sandbox can be told to inject, to prove the saga's idempotency:
 * `fail_before` answers 503 without doing anything; `fail_after` does the work, then answers 503;
 * `hang_after` does the work, then holds the response past any client timeout.
 */
export type FaultMode = 'fail_before' | 'fail_after' | 'hang_after';
export type FaultRoute = 'refunds' | 'reversals';

export interface Fault {
  route: FaultRoute;
  mode: FaultMode;
  times: number;
}

export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Takes the next fault planned for this route, if any. */
  take(route: FaultRoute): FaultMode | undefined {
    const fault = this.faults.find((f) => f.route === route && f.times > 0);
    if (!fault) return undefined;
    fault.times--;
    return fault.mode;
  }

  clear(): void {
    this.faults = [];
  }
}
