/**
 * The pid file `npm start` keeps in the data folder while its Temporal dev server runs, so that the next
 * `npm start` can tell its own server, left running by a start that was killed hard, from a stranger.
 * A pid alone proves nothing (the system reuses them): a process is ours only when its start time and
 * command line, read from /proc, are the ones recorded. Where there is no /proc, nothing is ever ours.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PID_FILE_NAME = 'temporal-dev-server.pid';

/** What tells one process from another that later got the same pid. */
export interface ProcessIdentity {
  pid: number;
  parentPid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot, fixed for the life of the process. */
  startTicks: string;
  /** The command line, argv[0] first. */
  args: string[];
  /** Where /proc/<pid>/exe points, when this user may read it. */
  executable?: string;
}

export interface DevServerRecord {
  pid: number;
  startTicks: string;
  args: string[];
  executable?: string;
  port: number;
  uiPort: number;
  /** The npm start that runs it; while that one lives, the server is not free to be taken over. */
  owner: { pid: number; startTicks: string };
}

export type PidFileFinding =
  | { kind: 'none' }
  /** Unreadable, or naming a process that is gone or is now something else: remove it and go on. */
  | { kind: 'stale'; why: string }
  /** Our dev server, and the npm start that started it is still running. */
  | { kind: 'in_use'; record: DevServerRecord; ownerPid: number }
  /** Our dev server, left behind by an npm start that is gone. */
  | { kind: 'left_over'; record: DevServerRecord };

export function identify(pid: number): ProcessIdentity | undefined {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the fields after its closing ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, parentPid, startTicks] = [fields[0], fields[1], fields[19]];
    if (!state || state === 'Z' || state === 'X' || !startTicks) return undefined; // a zombie has already died
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.at(-1) === '') args.pop();
    let executable: string | undefined;
    try {
      executable = fs.readlinkSync(`/proc/${pid}/exe`);
    } catch {
      executable = undefined; // another user's process: its command line and start time still identify it
    }
    return { pid, parentPid: Number(parentPid), startTicks, args, ...(executable ? { executable } : {}) };
  } catch {
    return undefined;
  }
}

function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((arg, index) => arg === b[index]);
}

/** True when the process running under the record's pid is the one the record describes. */
export function isStillRunning(record: { pid: number; startTicks: string; args: readonly string[]; executable?: string }): boolean {
  const now = identify(record.pid);
  if (!now || now.startTicks !== record.startTicks || !sameArgs(now.args, record.args)) return false;
  return !(record.executable && now.executable && record.executable !== now.executable);
}

function parseRecord(text: string): DevServerRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = value as Partial<DevServerRecord> | null;
  const isPid = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;
  if (!r || !isPid(r.pid) || typeof r.startTicks !== 'string' || !Array.isArray(r.args) || !r.args.every((a) => typeof a === 'string')) return undefined;
  if (!isPid(r.port) || !isPid(r.uiPort) || !r.owner || !isPid(r.owner.pid) || typeof r.owner.startTicks !== 'string') return undefined;
  if (r.executable !== undefined && typeof r.executable !== 'string') return undefined;
  return r as DevServerRecord;
}

export function examinePidFile(file: string): PidFileFinding {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'stale', why: `it cannot be read (${(err as Error).message})` };
  }
  const record = parseRecord(text);
  if (!record) return { kind: 'stale', why: 'it is not a pid file this version wrote' };
  if (!identify(record.pid)) return { kind: 'stale', why: `process ${record.pid} is no longer running` };
  if (!isStillRunning(record)) return { kind: 'stale', why: `process ${record.pid} is now another program` };
  const owner = identify(record.owner.pid);
  if (owner && owner.startTicks === record.owner.startTicks && owner.pid !== process.pid) {
    return { kind: 'in_use', record, ownerPid: owner.pid };
  }
  return { kind: 'left_over', record };
}

/** Records a dev server this process now runs (started or taken over); false when /proc cannot vouch for it. */
export function writePidFile(file: string, server: { pid: number; port: number; uiPort: number }): boolean {
  const self = identify(process.pid);
  const child = identify(server.pid);
  if (!self || !child) return false;
  const record: DevServerRecord = {
    pid: child.pid,
    startTicks: child.startTicks,
    args: child.args,
    ...(child.executable ? { executable: child.executable } : {}),
    port: server.port,
    uiPort: server.uiPort,
    owner: { pid: self.pid, startTicks: self.startTicks },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return true;
}

/** Removes the pid file if it still names this pid (a later npm start may have written its own). */
export function removePidFile(file: string, pid: number): void {
  const record = fs.existsSync(file) ? parseRecord(fs.readFileSync(file, 'utf8')) : undefined;
  if (record && record.pid !== pid) return;
  fs.rmSync(file, { force: true });
}

/** Stops a process that is not our child (so no 'exit' event): TERM, then KILL after `graceMs`. */
export async function stopProcess(record: DevServerRecord, graceMs = 10_000): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    if (!isStillRunning(record)) return;
    try {
      process.kill(record.pid, name);
    } catch {
      // it exited between the check and the signal
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isStillRunning(record)) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      if (Date.now() > deadline + 5_000) throw new Error(`process ${record.pid} did not stop`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The process listening on this TCP port, from /proc/net/tcp*, when this user can see it. */
export function portHolder(port: number): ProcessIdentity | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      const local = columns[1];
      if (!local || columns[3] !== '0A') continue; // 0A: listening
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && columns[9]) inodes.add(columns[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return identify(Number(pid));
    }
  }
  return undefined;
}
