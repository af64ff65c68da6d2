import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { examinePidFile, PID_FILE_NAME, portHolder, removePidFile, stopProcess, writePidFile, type DevServerRecord } from './dev-server-pid-file';

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
  /** Where to say what was found from an earlier run (a server taken over, a stale pid file). */
  log?: (line: string) => void;
}

/**
 * Runs `temporal server start-dev` with its state in a file under the data folder,
 * so conversations survive a restart, and resolves once the frontend answers.
 * A server an earlier `npm start` left running (it was killed hard) is recognised by the pid file.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const pidFile = path.join(options.dataDir, PID_FILE_NAME);
  const address = `127.0.0.1:${options.port}`;
  const uiUrl = `http://localhost:${options.uiPort}`;
  const args = [
    'server', 'start-dev',
    '--db-filename', path.join(options.dataDir, 'temporal.sqlite'),
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', options.namespace,
    '--log-level', 'warn',
  ];

  const found = examinePidFile(pidFile);
  if (found.kind === 'in_use') {
    throw new Error(
      `another npm start (pid ${found.ownerPid}) is running on the data folder ${options.dataDir}: stop it first (Ctrl-C in its terminal), or give this one another DATA_DIR`,
    );
  }
  if (found.kind === 'stale') {
    log(`Ignoring the old pid file ${pidFile}: ${found.why}.`);
    fs.rmSync(pidFile, { force: true });
  }
  if (found.kind === 'left_over') {
    // Taken over rather than restarted: it already serves this data folder's state, so stopping it only to
    // run the same command again would cost a start-up and gain nothing. One started with other settings
    // (ports, namespace, another CLI) is stopped, since the state file can have only one server.
    const wanted = [options.cliPath, ...args];
    const same = found.record.args.length === wanted.length && found.record.args.every((arg, i) => arg === wanted[i]);
    if (same && (await answers(address, 5_000))) {
      log(`Reusing the Temporal dev server an earlier npm start left running (pid ${found.record.pid}).`);
      writePidFile(pidFile, found.record);
      return { address, uiUrl, stop: () => stopLeftOver(found.record, pidFile) };
    }
    log(`Stopping the Temporal dev server an earlier npm start left running (pid ${found.record.pid}): ${same ? 'it does not answer' : 'it was started with other settings'}.`);
    await stopProcess(found.record);
    removePidFile(pidFile, found.record.pid);
  }

  for (const port of [options.port, options.uiPort]) {
    if (await portInUse(port)) throw new Error(portInUseMessage(port));
  }
  const logFile = path.join(options.dataDir, 'temporal-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(options.cliPath, args, { stdio: ['ignore', logFd, logFd] });
  // Written as soon as it runs: a start killed during the server's start-up leaves a server behind too.
  if (child.pid !== undefined) writePidFile(pidFile, { pid: child.pid, port: options.port, uiPort: options.uiPort });
  try {
    await waitUntilServing(address, child, logFile);
  } catch (err) {
    await stopChild(child);
    if (child.pid !== undefined) removePidFile(pidFile, child.pid);
    throw err;
  } finally {
    fs.closeSync(logFd);
  }
  return {
    address,
    uiUrl,
    stop: async () => {
      await stopChild(child);
      if (child.pid !== undefined) removePidFile(pidFile, child.pid);
    },
  };
}

async function stopLeftOver(record: DevServerRecord, pidFile: string): Promise<void> {
  await stopProcess(record);
  removePidFile(pidFile, record.pid);
}

function portInUseMessage(port: number): string {
  const holder = portHolder(port);
  const who = holder
    ? `process ${holder.pid} (${holder.args.join(' ').slice(0, 200)})`
    : 'a process this user cannot see';
  return (
    `port ${port} is already in use by ${who}, which this npm start did not start: stop that process, ` +
    'or choose free ports with TEMPORAL_DEV_PORT and TEMPORAL_UI_PORT, or set TEMPORAL_ADDRESS to use a Temporal server that is already running'
  );
}

async function answers(address: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return false;
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
