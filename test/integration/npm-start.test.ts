import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';

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

describe('npm start', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

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
});
