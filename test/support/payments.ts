import { HttpPaymentProvider } from '../../payments/http-payment-provider';
import { startSandboxProvider, type RunningSandbox } from '../../payments/sandbox/start-sandbox';

export interface TestPayments {
  sandbox: RunningSandbox;
  provider: HttpPaymentProvider;
  inject(fault: { route: 'refunds' | 'reversals'; mode: 'fail_before' | 'fail_after' | 'hang_after'; times?: number }): Promise<void>;
  /** Drops every planned fault not yet used: the provider works again. */
  clearFaults(): Promise<void>;
}

/** The real sandbox provider on a free port, with fault injection on and a short client timeout. */
export async function startTestPayments(options: { clientTimeoutMs?: number; hangMs?: number } = {}): Promise<TestPayments> {
  const sandbox = await startSandboxProvider({ file: ':memory:', port: 0, faultsEnabled: true, hangMs: options.hangMs ?? 3000 });
  return {
    sandbox,
    provider: new HttpPaymentProvider(sandbox.url, options.clientTimeoutMs ?? 1000),
    async inject(fault) {
      const res = await fetch(`${sandbox.url}/v1/_faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ times: 1, ...fault }),
      });
      if (res.status !== 204) throw new Error(`fault injection refused: ${res.status} ${await res.text()}`);
    },
    async clearFaults() {
      const res = await fetch(`${sandbox.url}/v1/_faults`, { method: 'DELETE' });
      if (res.status !== 204) throw new Error(`clearing faults refused: ${res.status} ${await res.text()}`);
    },
  };
}
