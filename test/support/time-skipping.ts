import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TestPayloadPrivacy } from './payload-privacy';
import { registerPrivacy } from './temporal';

/** Pinned in scripts/temporal-test-server.sh, which installs it. */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';

/** Where scripts/temporal-test-server.sh puts the server, unless TEMPORAL_TEST_SERVER_PATH says otherwise. */
export function testServerPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEMPORAL_TEST_SERVER_PATH) return env.TEMPORAL_TEST_SERVER_PATH;
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'temporal-test-server', TEMPORAL_TEST_SERVER_VERSION, 'temporal-test-server');
}

/**
 * Temporal's time-skipping test server (the Java one from Maven Central) for one test file:
 * `env.sleep(ms)` moves the server's clock, so hour-long timers fire at once.
 */
export function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const executable = testServerPath();
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Temporal's time-skipping test server is not installed at ${executable}; ` +
        'run `bash scripts/temporal-test-server.sh` (it needs Java 17 and Maven) and try again',
    );
  }
  const privacy = new TestPayloadPrivacy();
  return registerPrivacy(
    TestWorkflowEnvironment.createTimeSkipping({ client: { dataConverter: privacy.dataConverter }, server: { executable: { type: 'existing-path', path: executable } } }),
    privacy,
  );
}
