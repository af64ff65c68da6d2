import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { identify, type DevServerRecord } from '../../dev/dev-server-pid-file';
import { eventually } from '../support/eventually';

const root = path.resolve(__dirname, '..', '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-start-'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, output: () => output, exited };
}

/** Runs the copy-paste lines `npm start` printed, exactly as a user would in a shell. */
function runPrintedExample(output: string, extra = ''): string {
  const lines = output.split('\n').filter((l) => /^\s+(TOKEN=|CONV=|curl )/.test(l)).map((l) => l.trim());
  assert.equal(lines.length, 3, `expected TOKEN=, CONV= and curl lines in:\n${output}`);
  const result = spawnSync('bash', ['-c', [...lines, extra, 'echo; echo "CONV=$CONV"'].join('\n')], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const childOf = (parent: number | undefined) =>
  fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).find((pid) => identify(pid)?.parentPid === parent);

/** Processes (of this user) whose command line contains `needle`. */
function processesWith(needle: string): number[] {
  return fs.readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => identify(pid)?.args.some((arg) => arg.includes(needle)));
}

async function portsFor(dir: string): Promise<Record<string, string>> {
  return {
    DATA_DIR: dir,
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    PAYMENTS_SANDBOX_PORT: String(await freePort()),
    SMTP_PORT: String(await freePort()),
    PAYMENT_PROVIDER_URL: '',
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
  };
}

describe('npm start', () => {
  const killedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-start-killed-'));
  const strangers: ChildProcess[] = [];
  after(() => {
    for (const stranger of strangers) stranger.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(killedDir, { recursive: true, force: true });
  });

  it('when started on a fresh data folder, then the printed curl example gets a reply; Ctrl-C stops it; a restart goes on', async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      PAYMENTS_SANDBOX_PORT: String(await freePort()),
      PAYMENT_PROVIDER_URL: '',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    };
    const first = await npmStart(env);
    let conversationId: string;
    try {
      assert.match(first.output(), /Store\s+\d+ customers, \d+ orders, \d+ products/);
      const out = runPrintedExample(first.output());
      const reply = JSON.parse(out.split('\n')[0] ?? '');
      assert.equal(reply.status, 'open');
      assert.equal(reply.intent, 'greeting');
      conversationId = /CONV=(\S+)/.exec(out)?.[1] ?? '';
      assert.match(conversationId, /^[0-9a-f-]{36}$/);
      // The worker and the API run in one process here: /metrics has both the API's turn and the worker's SDK metrics.
      const metrics = await (await fetch(`http://127.0.0.1:${env.PORT}/metrics`)).text();
      assert.match(metrics, /^support_turns_total\{tier="[a-z]+"\} 1$/m);
      assert.match(metrics, /^support_worker_metrics_up 1$/m);
      assert.match(metrics, /^temporal_worker_task_slots_available\{/m);
      // `npm run eval` against it, as the README says: PORT and DATA_DIR find the running product.
      const suite = fs.mkdtempSync(path.join(os.tmpdir(), 'support-start-eval-'));
      fs.copyFileSync(path.join(root, 'eval', 'scenarios', 'cancel-pending-order.yaml'), path.join(suite, 'cancel-pending-order.yaml'));
      const evaluated = spawnSync('npm', ['run', '-s', 'eval', '--', '--runs', '1', '--dir', suite], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
      fs.rmSync(suite, { recursive: true, force: true });
      assert.equal(evaluated.status, 0, `${evaluated.stdout}\n${evaluated.stderr}`);
      assert.match(evaluated.stdout, /^cancel a pending order\s+1\s+.*pass$/m);
      assert.match(evaluated.stdout, /^wrong actions: 0$/m);
    } finally {
      first.child.kill('SIGINT');
    }
    assert.equal(await first.exited, 0, first.output());
    assert.match(first.output(), /Stopping/);
    assert.ok(fs.existsSync(path.join(dataDir, 'temporal.sqlite')));

    const second = await npmStart(env);
    try {
      const token = /TOKEN=(\S+)/.exec(second.output())?.[1];
      const response = await fetch(`http://127.0.0.1:${env.PORT}/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'thanks' }),
      });
      assert.equal(response.status, 200);
      const view = await (await fetch(`http://127.0.0.1:${env.PORT}/v1/conversations/${conversationId}`, {
        headers: { authorization: `Bearer ${token}` },
      })).json() as { transcript: { from: string; text: string }[] };
      assert.deepEqual(view.transcript.filter((t) => t.from === 'customer').map((t) => t.text), ['Hello', 'thanks']);
    } finally {
      second.child.kill('SIGINT');
    }
    assert.equal(await second.exited, 0, second.output());
  });

  it('when npm start was killed hard, then the next one takes over the dev server it left, and a stale pid file is ignored', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    const env = await portsFor(killedDir);
    const pidFile = path.join(killedDir, 'temporal-dev-server.pid');
    const stateFile = path.join(killedDir, 'temporal.sqlite');
    // A pid file from long ago whose pid now belongs to an unrelated program: ignored, and the program left alone.
    const stranger = spawn('sleep', ['300'], { stdio: 'ignore' });
    strangers.push(stranger);
    const strangerPid = stranger.pid ?? 0;
    fs.writeFileSync(pidFile, JSON.stringify({
      pid: strangerPid, startTicks: identify(strangerPid)?.startTicks, args: ['temporal', 'server', 'start-dev'],
      port: Number(env.TEMPORAL_DEV_PORT), uiPort: Number(env.TEMPORAL_UI_PORT), owner: { pid: strangerPid, startTicks: '1' },
    }));

    const first = await npmStart(env);
    assert.match(first.output(), /Ignoring the old pid file .*is now another program/);
    assert.ok(identify(strangerPid), 'the unrelated program still runs');
    const server = JSON.parse(fs.readFileSync(pidFile, 'utf8')) as DevServerRecord;
    assert.deepEqual(processesWith(stateFile), [server.pid]);
    // Killed hard, both the npm start script and the product it runs: nothing gets to stop the dev server.
    const product = childOf(first.child.pid);
    assert.ok(product, 'npm start runs the product as its child');
    process.kill(product, 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(identify(server.pid), 'the dev server outlived the npm start that was killed');

    const second = await npmStart(env);
    const secondProduct = childOf(second.child.pid);
    try {
      assert.match(second.output(), new RegExp(`Reusing the Temporal dev server an earlier npm start left running \\(pid ${server.pid}\\)`));
      const health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
      assert.equal(health.status, 200, await health.clone().text());
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
      assert.deepEqual(processesWith(stateFile), [server.pid], 'one dev server for the data folder');
      assert.ok(secondProduct);
    } catch (err) {
      second.child.kill('SIGINT');
      throw err;
    }
    // Now only the npm start script is killed hard: the product sees its IPC channel close and stops in
    // order, and with it the dev server it took over.
    second.child.kill('SIGKILL');
    await eventually(async () => !identify(secondProduct) && processesWith(stateFile).length === 0, 'the product and its dev server to stop');
    assert.match(second.output(), /Stopping/);
    assert.equal(fs.existsSync(pidFile), false);
  });
});
