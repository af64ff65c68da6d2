import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleConversationWorkflows } from '../../workers/conversation-worker';

// Worker state changes are routine in tests; only warnings and errors are worth reading.
Runtime.install({ logger: new DefaultLogger('WARN') });

/** A real Temporal dev server for one test file, from the CLI binary `npm test` found or built. */
export function startTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
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
