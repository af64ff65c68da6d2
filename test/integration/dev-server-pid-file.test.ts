import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'mocha';
import {
  examinePidFile,
  identify,
  isStillRunning,
  portHolder,
  removePidFile,
  stopProcess,
  writePidFile,
  type DevServerRecord,
} from '../../dev/dev-server-pid-file';
import { startDevServer } from '../../dev/temporal-dev-server';
import { describeUnless } from '../support/skip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-pid-file-'));
const file = path.join(dir, 'temporal-dev-server.pid');
const children: ChildProcess[] = [];

function sleeper(): ChildProcess {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function recordOf(pid: number, owner: { pid: number; startTicks: string }): DevServerRecord {
  const now = identify(pid);
  assert.ok(now, `process ${pid} should be running`);
  return { pid, startTicks: now.startTicks, args: now.args, port: 7233, uiPort: 8233, owner };
}

const write = (record: unknown) => fs.writeFileSync(file, JSON.stringify(record));

describeUnless(fs.existsSync('/proc/self/stat') ? false : 'no /proc on this system', 'the dev server pid file', () => {
  const gone = { pid: 0, startTicks: '0' };
  before(async () => {
    const exited = spawn('true');
    await new Promise((resolve) => exited.once('exit', resolve));
    gone.pid = exited.pid ?? 0;
  });
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when there is no pid file or it is not ours, then there is nothing, or it is stale', () => {
    fs.rmSync(file, { force: true });
    assert.deepEqual(examinePidFile(file), { kind: 'none' });
    fs.writeFileSync(file, '12345\n');
    assert.equal(examinePidFile(file).kind, 'stale');
  });

  it('when the pid file names a process that has exited, then it is stale', () => {
    write({ ...recordOf(process.pid, gone), pid: gone.pid });
    assert.deepEqual(examinePidFile(file), { kind: 'stale', why: `process ${gone.pid} is no longer running` });
  });

  it('when the pid now belongs to another program (a reused pid), then it is stale and that program is left alone', async () => {
    const stranger = sleeper();
    const pid = stranger.pid ?? 0;
    const recorded = { ...recordOf(pid, gone), args: ['/usr/local/bin/temporal', 'server', 'start-dev'] };
    write(recorded);
    assert.deepEqual(examinePidFile(file), { kind: 'stale', why: `process ${pid} is now another program` });
    const earlier = { ...recordOf(pid, gone), startTicks: String(Number(identify(pid)?.startTicks) - 1) };
    assert.equal(isStillRunning(earlier), false);
    await stopProcess(earlier, 200);
    assert.ok(identify(pid), 'a process that is not the recorded one is never signalled');
  });

  it('when the pid file names our server and its npm start is gone, then it is left over; while that npm start runs, it is in use', () => {
    const server = sleeper();
    write(recordOf(server.pid ?? 0, gone));
    assert.equal(examinePidFile(file).kind, 'left_over');
    const otherStart = sleeper();
    const owner = identify(otherStart.pid ?? 0);
    assert.ok(owner);
    write(recordOf(server.pid ?? 0, { pid: owner.pid, startTicks: owner.startTicks }));
    const found = examinePidFile(file);
    assert.equal(found.kind, 'in_use');
    assert.equal(found.kind === 'in_use' && found.ownerPid, owner.pid);
  });

  it('when this process writes the pid file, then it names the server and this process, and removing it leaves a newer one alone', async () => {
    const server = sleeper();
    const pid = server.pid ?? 0;
    assert.equal(writePidFile(file, { pid, port: 7233, uiPort: 8233 }), true);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as DevServerRecord;
    assert.deepEqual(written.args, ['sleep', '300']);
    assert.equal(written.owner.pid, process.pid);
    assert.equal(examinePidFile(file).kind, 'left_over');
    removePidFile(file, pid + 1);
    assert.ok(fs.existsSync(file));
    await stopProcess(written);
    assert.equal(isStillRunning(written), false);
    removePidFile(file, pid);
    assert.equal(fs.existsSync(file), false);
  });

  it('when a port is held, then the holder is named with its command line', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as net.AddressInfo;
      const found = portHolder(port);
      assert.equal(found?.pid, process.pid);
      assert.deepEqual(found?.args, identify(process.pid)?.args);
    } finally {
      holder.close();
    }
  });

  it('when the dev server port is held by a process that is not ours, then start-up says which one and what to do', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as net.AddressInfo;
      fs.rmSync(file, { force: true });
      await assert.rejects(
        startDevServer({ cliPath: 'temporal', dataDir: dir, port, uiPort: port, namespace: 'default' }),
        new RegExp(`^Error: port ${port} is already in use by process ${process.pid} \\(.+\\), which this npm start did not start: stop that process, or choose free ports with TEMPORAL_DEV_PORT and TEMPORAL_UI_PORT, or set TEMPORAL_ADDRESS`),
      );
    } finally {
      holder.close();
    }
  });
});
