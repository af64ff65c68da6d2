import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { freePort } from '../../dev/api-process';
import { productWithWorkers } from '../../dev/load-product';
import { startDevServer, type DevServer, type DevServerOptions } from '../../dev/temporal-dev-server';
import { productTarget, runLoad, tallyTranscripts } from '../../dev/turn-load';

// The short soak of bench/turns.ts: many conversations at once, the Temporal dev server restarted on its
// persistence file mid-run, and every message recorded exactly once when it is over.
const CONVERSATIONS = 40;
const TURNS = 3;

describe('a soak across a Temporal restart', () => {
  let dir: string;
  let options: DevServerOptions;
  let server: DevServer | undefined;

  before(async () => {
    const cliPath = process.env.TEMPORAL_CLI_PATH;
    if (!cliPath) throw new Error('TEMPORAL_CLI_PATH is not set (npm test finds or builds the CLI)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-soak-'));
    options = { cliPath, dataDir: dir, port: await freePort(), uiPort: await freePort(), namespace: 'default' };
    server = await startDevServer(options);
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when the dev server restarts while conversations talk, then every conversation resumes with no message lost or doubled', async function () {
    this.timeout(600_000);
    const running = await productWithWorkers((server as DevServer).address, 1);
    try {
      const target = productTarget([running.product.baseUrl], await running.product.token('channel'));
      let restart: Promise<void> | undefined;
      const load = await runLoad(target, {
        conversations: CONVERSATIONS,
        turns: TURNS,
        retryForMs: 120_000,
        progress: (done) => {
          if (done !== CONVERSATIONS || restart) return;
          restart = (async () => {
            await server?.stop();
            server = undefined;
            server = await startDevServer(options);
          })();
        },
      });
      assert.ok(restart, 'the dev server was restarted mid-run');
      await restart;
      const tally = await tallyTranscripts(target, load, TURNS);
      assert.deepEqual(tally, { conversations: CONVERSATIONS, expected: CONVERSATIONS * (1 + TURNS), recorded: CONVERSATIONS * (1 + TURNS), lost: 0, duplicated: 0 });
    } finally {
      await running.close();
    }
  });
});
