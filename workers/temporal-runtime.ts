import type { LogMetadata } from '@temporalio/common';
import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import { temporalLogger, type Logger } from '../observability/logger';

/**
 * Installs the process's Temporal Runtime with its logs going through `logger`, the native core's
 * warnings included (forwarded rather than printed to the console on their own). Once per process.
 */
export function installTemporalRuntime(logger: Logger, options: Pick<RuntimeOptions, 'shutdownSignals'> = {}): Runtime {
  return Runtime.install({
    ...options,
    logger: temporalLogger(logger.child({ component: 'temporal' }), isActivityLifecycle),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}

/**
 * The worker's own "Activity started / completed / failed" messages: the activity interceptor
 * (activity-log.ts) already writes one line per execution, with the conversation id. Activities' own
 * `log` calls have the component `activity` and still get through.
 */
export function isActivityLifecycle(meta: LogMetadata): boolean {
  return meta.sdkComponent === 'worker' && typeof meta.activityType === 'string';
}
