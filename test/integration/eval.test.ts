import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { DEFAULT_SCENARIO_DIR } from '../../eval/command';
import { loadScenarioFile } from '../../eval/scenario';
import { seedDemoStore } from '../../seed/seed';
import { call, startStack, type TestStack } from '../support/stack';
import { eventually } from '../support/eventually';
import { TEST_PAYLOAD_KEYS } from '../support/payload-privacy';
import { parseExposition, samplesOf } from '../support/prometheus-text';

const root = path.resolve(__dirname, '..', '..');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The command as an operator runs it, in a process of its own. Not spawnSync: the API and the worker
 * it talks to run in this process and must keep answering while it runs.
 */
function run(script: 'eval/main.ts' | 'cli/main.ts', args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run eval, eval capture and eval run --against on the running product', function () {
  this.timeout(300_000);
  let stack: TestStack;
  let work: string;
  let env: Record<string, string>;
  const suite = ['cancel-pending-order.yaml', 'refuse-cancel-delivered.yaml', 'handoff-request.yaml'];

  before(async () => {
    // RESOLUTION_WINDOW_HOURS=0: a confirmed resolution is verified at once, so the table can show it; a
    // short idle close lets the eval's conversations close and score themselves within the test.
    stack = await startStack({ timings: { resolutionWindowMs: 0 }, idleTimeoutMs: 8_000 });
    await seedDemoStore(stack.database.db);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'support-eval-'));
    fs.mkdirSync(path.join(work, 'suite'));
    for (const file of suite) fs.copyFileSync(path.join(DEFAULT_SCENARIO_DIR, file), path.join(work, 'suite', file));
    // The CLI finds the stack's database the way it finds npm start's: DATA_DIR/support.sqlite.
    // And the stack's payload key, as PAYLOAD_KEYS gives a deployment's commands theirs.
    env = { DATA_DIR: stack.database.dir, TEMPORAL_ADDRESS: stack.env.address, TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default', PAYLOAD_KEYS: TEST_PAYLOAD_KEYS };
  });
  after(async () => {
    await stack?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  let capturedFrom: string | undefined;

  it('when the suite is played twice with varied phrasing, then the table shows every scenario passing with no wrong action, and each run had its own records', async () => {
    const customersBefore = Number(((await stack.database.db('customers').count({ n: '*' }).first()) as { n: number | string }).n);
    const ran = await run('eval/main.ts', ['--dir', path.join(work, 'suite'), '--url', stack.baseUrl, '--runs', '2'], env);
    assert.equal(ran.code, 0, `${ran.stdout}\n${ran.stderr}`);
    const lines = ran.stdout.split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^eval against ${stack.baseUrl.replace(/[.]/g, '\\.')}: 3 scenarios x 2 runs`));
    const row = (name: string) => (lines.find((l) => l.startsWith(name)) ?? '').split(/\s{2,}/);
    // With the window at 0 each confirmed cancellation is verified at once; the refusal and the handoff are not.
    assert.deepEqual(row('cancel a pending order').slice(1, 9), ['2', '100%', 'pass', '0', '0', '5.0', '1.00', 'pass']);
    assert.deepEqual(row('cancelling a delivered order is refused').slice(1, 9), ['2', '0%', 'pass', '0', '0', '4.0', '1.00', 'pass']);
    assert.deepEqual(row('the customer asks for a person').slice(1, 9), ['2', '0%', 'pass', '0', '2', '1.0', '1.00', 'pass']);
    assert.deepEqual(row('overall').slice(1, 9), ['6', '33.3%', 'pass', '0', '2', '3.3', '1.00', 'pass']);
    assert.match(lines[0] ?? '', /resolution window: 0 h/);
    assert.ok(lines.includes('wrong actions: 0'));
    assert.ok(lines.includes('every expectation held'));

    // Two runs of the two scenarios with a customer: four copies, the original demo customers untouched.
    const customersAfter = Number(((await stack.database.db('customers').count({ n: '*' }).first()) as { n: number | string }).n);
    assert.equal(customersAfter - customersBefore, 4);
    const original = (await stack.database.db('orders').where({ id: '#W2651773' }).first('status')) as { status: string };
    assert.equal(original.status, 'pending', "the demo customer's own order is not the one the eval cancelled");
    const cancelledCopies = (await stack.database.db('orders').join('customers', 'customers.id', 'orders.customer_id').where('customers.id', 'like', 'tomas_lindqvist_4161_ev%').where('orders.status', 'cancelled').count({ n: '*' }).first()) as { n: number | string };
    assert.equal(Number(cancelledCopies.n), 2, 'each run cancelled the order of its own copy');
    capturedFrom = /run 2\/2 \(([0-9a-f-]{36})\)/.exec(ran.stderr.split('\n').find((l) => l.includes('cancel a pending order run 2/2')) ?? '')?.[1];
    assert.ok(capturedFrom, ran.stderr);
  });

  it("when the eval has run, then /metrics, the dashboard's summary and the scorecards show its conversations", async () => {
    const metrics = parseExposition(await (await fetch(`${stack.baseUrl}/metrics`)).text());
    const outcomes = Object.fromEntries(samplesOf(metrics, 'support_conversation_outcomes_total').map((s) => [s.labels.outcome, s.value]));
    assert.equal(outcomes.verified, 2, JSON.stringify(outcomes));
    assert.equal(outcomes.escalated, 2, JSON.stringify(outcomes));
    const supervisor = await stack.token('supervisor');
    const summary = (await call(stack, 'GET', '/v1/operations/summary?days=1', { token: supervisor })).body;
    assert.equal(summary.totals.verified, 2, JSON.stringify(summary.totals));
    assert.equal(summary.totals.escalated, 2, JSON.stringify(summary.totals));
    assert.deepEqual(summary.topEscalationReasons, [{ code: 'explicit_request', count: 2 }]);
    // At their idle close the four conversations without a person score themselves (the two handed over
    // stay open for the person); the cancellations pass, the refusals end contained, not verified.
    const cards = await eventually(async () => {
      const page = (await call(stack, 'GET', '/v1/quality/scorecards', { token: supervisor })).body;
      return page.scorecards.length >= 4 ? page.scorecards : undefined;
    }, 'four scorecards', 60_000);
    const failing = cards.filter((c: { passed: boolean }) => !c.passed);
    assert.equal(cards.length - failing.length, 2, JSON.stringify(cards));
    assert.deepEqual(failing.map((c: { failing: string[] }) => c.failing), [['resolved_verified'], ['resolved_verified']], JSON.stringify(failing));
    assert.equal((await call(stack, 'GET', '/v1/operations/summary?days=1', { token: supervisor })).body.totals.contained, 2);
  });

  it('when a recorded conversation is captured and replayed with run --against, then it is unchanged; with an edited expectation it is reported changed', async () => {
    assert.ok(capturedFrom, 'the first test recorded a conversation');
    const dir = path.join(work, 'captured');
    const file = path.join(dir, 'cancel.yaml');
    const captured = await run('cli/main.ts', ['eval', 'capture', capturedFrom, '--out', file], env);
    assert.equal(captured.code, 0, captured.stderr);

    // The fixture is the records before the conversation, though the store holds them cancelled now.
    const scenario = loadScenarioFile(file);
    const order = Object.values(scenario.fixture?.orders ?? {}).find((o) => (o.items as { item_id: string }[])[0]?.item_id === '8490484782');
    assert.equal(order?.status, 'pending');
    assert.equal(order?.cancel_reason, undefined);
    assert.equal((order?.payment_history as unknown[]).length, 1);
    assert.deepEqual(scenario.lines, [['Please cancel an order I placed'], ['my email is {email}'], [`order {order:${order?.order_id as string}}`], ['ordered by mistake'], ['yes please']]);
    assert.equal(scenario.expected.outcome, 'verified');
    assert.deepEqual(scenario.expected.actions, [{ name: 'cancel_pending_order', status: 'executed' }]);
    assert.equal(scenario.expected.handoff, false);
    const changes = scenario.expected.store.orders?.[order?.order_id as string];
    assert.equal(changes?.status, 'cancelled');
    assert.equal(changes?.cancel_reason, 'ordered by mistake');

    const unchanged = await run('cli/main.ts', ['eval', 'run', '--against', dir, '--url', stack.baseUrl], env);
    assert.equal(unchanged.code, 0, `${unchanged.stdout}\n${unchanged.stderr}`);
    assert.match(unchanged.stdout, /^unchanged {2}.*cancel\.yaml/m);
    assert.match(unchanged.stdout, /^1 unchanged, 0 changed$/m);

    const doc = parseYaml(fs.readFileSync(file, 'utf8')) as { expected: { store: { orders: Record<string, { cancel_reason: string }> } } };
    (doc.expected.store.orders[order?.order_id as string] as { cancel_reason: string }).cancel_reason = 'no longer needed';
    fs.writeFileSync(file, stringifyYaml(doc));
    const changed = await run('cli/main.ts', ['eval', 'run', '--against', dir, '--url', stack.baseUrl], env);
    assert.equal(changed.code, 1, `${changed.stdout}\n${changed.stderr}`);
    assert.match(changed.stdout, /^changed {4}.*cancel\.yaml/m);
    assert.match(changed.stdout, /store: order #W\d{7} cancel_reason: expected "no longer needed", found "ordered by mistake"/);
    assert.match(changed.stdout, /^0 unchanged, 1 changed$/m);
  });

  it('when the input is bad, then each command says what is wrong and exits non-zero', async () => {
    const unknown = await run('cli/main.ts', ['eval', 'capture', 'no-such-conversation'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /error: no recorded conversation no-such-conversation/);

    const broken = path.join(work, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'bad.yaml'), 'name: bad\nlines: []\nexpected: {}\n');
    const malformed = await run('eval/main.ts', ['--dir', broken, '--url', stack.baseUrl], env);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /error: .*bad\.yaml: lines must be a list of customer lines/);

    const nobody = await run('eval/main.ts', ['--dir', path.join(work, 'suite'), '--url', 'http://127.0.0.1:9'], env);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /error: nothing answers at http:\/\/127\.0\.0\.1:9/);

    const usage = await run('eval/main.ts', ['--runs', 'many'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--runs must be a whole number from 1 to 50, not "many"/);
  });
});
