import type { LogMetadata } from '@temporalio/common';
import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import { temporalLogger, type Logger } from '../observability/logger';

export interface TemporalRuntimeOptions extends Pick<RuntimeOptions, 'shutdownSignals'> {
  /** `host:port` where the SDK serves its own worker metrics for Prometheus (WORKER_METRICS_ADDRESS); left out, none. */
  metricsAddress?: string;
}

/**
 * Installs the process's Temporal Runtime with its logs going through `logger`, the native core's
 * warnings included (forwarded rather than printed to the console on their own). Once per process.
 * A metrics address that cannot be bound (another worker holds the port) costs the metrics, not the worker.
 */
export function installTemporalRuntime(logger: Logger, options: TemporalRuntimeOptions = {}): { runtime: Runtime; metricsServed: boolean } {
  const { metricsAddress, ...rest } = options;
  const base = (): RuntimeOptions => ({
    ...rest,
    logger: temporalLogger(logger.child({ component: 'temporal' }), isActivityLifecycle),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
  if (!metricsAddress) return { runtime: Runtime.install(base()), metricsServed: false };
  const withMetrics = base();
  try {
    const runtime = Runtime.install({ ...withMetrics, telemetryOptions: { ...withMetrics.telemetryOptions, metrics: { prometheus: { bindAddress: metricsAddress } } } });
    return { runtime, metricsServed: true };
  } catch (err) {
    logger.warn({ err, metricsAddress }, 'the worker serves no Temporal metrics: WORKER_METRICS_ADDRESS cannot be bound (set another, or off)');
    return { runtime: Runtime.install(base()), metricsServed: false };
  }
}

/**
 * The worker's own "Activity started / completed / failed" messages: the activity interceptor
 * (activity-log.ts) already writes one line per execution, with the conversation id. Activities' own
 * `log` calls have the component `activity` and still get through.
 */
export function isActivityLifecycle(meta: LogMetadata): boolean {
  return meta.sdkComponent === 'worker' && typeof meta.activityType === 'string';
}
