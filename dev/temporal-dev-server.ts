import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
}

/**
 * Runs `temporal server start-dev` with its state in a file under the data folder,
 * so conversations survive a restart, and resolves once the frontend answers.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  for (const port of [options.port, options.uiPort]) {
    if (await portInUse(port)) {
      throw new Error(
        `port ${port} is already in use: stop the other Temporal server, or set TEMPORAL_ADDRESS to use it instead`,
      );
    }
  }
  const logFile = path.join(options.dataDir, 'temporal-server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    options.cliPath,
    [
      'server', 'start-dev',
      '--db-filename', path.join(options.dataDir, 'temporal.sqlite'),
      '--ip', '127.0.0.1',
      '--port', String(options.port),
      '--ui-port', String(options.uiPort),
      '--namespace', options.namespace,
      '--log-level', 'warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, logFile);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  } finally {
    fs.closeSync(log);
  }
  return {
    address,
    uiUrl: `http://localhost:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the Temporal dev server exited during start-up; see ${logFile}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error(`the Temporal dev server did not answer on ${address} within 60 s; see ${logFile}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(true));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, '127.0.0.1');
  });
}
