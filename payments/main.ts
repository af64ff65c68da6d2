// Production entry of the sandbox payment provider (temporal-docker/): a stand-in for a real provider.
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../config/config';
import { createLogger, type Logger } from '../observability/logger';
import { startSandboxProvider } from './sandbox/start-sandbox';

// Replaced by the configured one once LOG_LEVEL is read; until then (a bad configuration) errors still get out.
let logger: Logger = createLogger({ level: 'info', base: { service: 'payments' } });

async function main(): Promise<void> {
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel, base: { service: 'payments' } });
  fs.mkdirSync(config.dataDir, { recursive: true });
  const sandbox = await startSandboxProvider({
    file: path.join(config.dataDir, 'payments-sandbox.sqlite'),
    port: config.paymentsSandboxPort,
    host: '0.0.0.0',
  });
  logger.info({ url: sandbox.url }, 'sandbox payment provider listening');
  const stop = () => void sandbox.close();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'sandbox payment provider failed to start');
  process.exit(1);
});
