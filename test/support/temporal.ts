import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleConversationWorkflows } from '../../workers/conversation-worker';

// Worker state changes are routine in tests; only warnings and errors are worth reading.
Runtime.install({ logger: new DefaultLogger('WARN') });

/** Where the integration run's shared dev server listens (set by support/shared-temporal.ts). */
export const SHARED_TEMPORAL_ADDRESS = 'TEMPORAL_TEST_SERVER_ADDRESS';

/**
 * Temporal for a test file: the run's shared dev server when there is one, else a server of its own.
 * A file that needs its own server's lifetime or storage (`dbFilename`) always gets its own.
 */
export function startTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  const shared = process.env[SHARED_TEMPORAL_ADDRESS];
  if (shared && !options.dbFilename) return TestWorkflowEnvironment.createFromExistingServer({ address: shared });
  return startOwnTemporal(options);
}

/** A real Temporal dev server, from the CLI binary `npm test` found or built; `teardown()` stops it. */
export function startOwnTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  const cliPath = process.env.TEMPORAL_CLI_PATH;
  return TestWorkflowEnvironment.createLocal({
    server: {
      ...(cliPath ? { executable: { type: 'existing-path', path: cliPath } } : {}),
      ip: '127.0.0.1',
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      extraArgs: ['--log-level', 'error'],
    },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Workflow code bundled once per test process: bundling is the slow part of starting a worker. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleConversationWorkflows();
  return bundle;
}

let queue = 0;
export const uniqueTaskQueue = (name: string) => `${name}-${process.pid}-${++queue}`;
