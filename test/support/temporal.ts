import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleConversationWorkflows } from '../../workers/conversation-worker';
import { TestPayloadPrivacy } from './payload-privacy';

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
  if (shared && !options.dbFilename) {
    const privacy = new TestPayloadPrivacy();
    return registerPrivacy(TestWorkflowEnvironment.createFromExistingServer({ address: shared, client: { dataConverter: privacy.dataConverter } }), privacy);
  }
  return startOwnTemporal(options);
}

const privacies = new WeakMap<TestWorkflowEnvironment, TestPayloadPrivacy>();

export async function registerPrivacy(started: Promise<TestWorkflowEnvironment>, privacy: TestPayloadPrivacy): Promise<TestWorkflowEnvironment> {
  const env = await started;
  privacies.set(env, privacy);
  return env;
}

/** The payload codec of an environment these helpers started: its client has it, and the test's workers need it too. */
export function privacyOf(env: TestWorkflowEnvironment): TestPayloadPrivacy {
  const privacy = privacies.get(env);
  if (!privacy) throw new Error('this Temporal environment was not started by test/support (startTemporal, startOwnTemporal, startTimeSkipping)');
  return privacy;
}

export const dataConverterOf = (env: TestWorkflowEnvironment) => privacyOf(env).dataConverter;

/** A real Temporal dev server, from the CLI binary `npm test` found or built; `teardown()` stops it. */
export function startOwnTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  const cliPath = process.env.TEMPORAL_CLI_PATH;
  const privacy = new TestPayloadPrivacy();
  return registerPrivacy(TestWorkflowEnvironment.createLocal({
    client: { dataConverter: privacy.dataConverter },
    server: {
      ...(cliPath ? { executable: { type: 'existing-path', path: cliPath } } : {}),
      ip: '127.0.0.1',
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      extraArgs: ['--log-level', 'error'],
    },
  }), privacy);
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Workflow code bundled once per test process: bundling is the slow part of starting a worker. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleConversationWorkflows();
  return bundle;
}

let queue = 0;
export const uniqueTaskQueue = (name: string) => `${name}-${process.pid}-${++queue}`;
