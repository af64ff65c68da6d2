import { Connection } from '@temporalio/client';
import type { Config } from '../config/config';

/**
 * The Temporal server the configured product runs on; undefined, after telling the operator how to get
 * one, when it cannot be reached.
 */
export async function connectToTemporal(config: Pick<Config, 'temporalAddress' | 'temporalDevPort'>, err: (line: string) => void): Promise<Connection | undefined> {
  const address = config.temporalAddress ?? `localhost:${config.temporalDevPort}`;
  try {
    return await Connection.connect({ address, connectTimeout: '5 seconds' });
  } catch (error) {
    err(`cannot reach Temporal at ${address} (${(error as Error).message}): start the product (npm start) or set TEMPORAL_ADDRESS`);
    return undefined;
  }
}
