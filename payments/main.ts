// Production entry of the sandbox payment provider (temporal-docker/): a stand-in for a real provider.
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../config/config';
import { startSandboxProvider } from './sandbox/start-sandbox';

async function main(): Promise<void> {
  const config = loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sandbox = await startSandboxProvider({
    file: path.join(config.dataDir, 'payments-sandbox.sqlite'),
    port: config.paymentsSandboxPort,
    host: '0.0.0.0',
  });
  console.log(`sandbox payment provider listening on ${sandbox.url}`);
  const stop = () => void sandbox.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
