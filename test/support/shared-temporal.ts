import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SHARED_TEMPORAL_ADDRESS, startOwnTemporal } from './temporal';

/**
 * mocha's global fixture for the integration run: one Temporal dev server for every test file and
 * worker process, instead of one per file. Its address goes to the workers in an environment
 * variable, where startTemporal() connects to it; the files keep apart by their own task queues.
 */

let server: TestWorkflowEnvironment | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env[SHARED_TEMPORAL_ADDRESS]) return; // a server given from outside
  server = await startOwnTemporal();
  process.env[SHARED_TEMPORAL_ADDRESS] = server.address;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await server?.teardown();
}
