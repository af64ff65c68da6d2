// `npm run bench:turns [-- --parts latency,memory,soak,scale --idle 10000 --soak 1000 --soak-turns 5 --write false]`:
// a plain (non-LLM) turn measured from outside over HTTP against the product as `npm start` runs it,
// beside the floor (a bare Temporal Update, also over HTTP, on the same dev server); where a turn's time
// goes; the worker's memory with many idle conversations; a soak across a Temporal restart; and two
// workers and two APIs on PostgreSQL. Writes the "Turns" section of docs/BENCHMARKS.md (only that one).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { parseFlags } from '../config/args';
import { loadConfig } from '../config/config';
import { workflowIdFor } from '../domain/conversation';
import { freePort, startApiProcess, type ApiProcess } from '../dev/api-process';
import { duplicateActivities, productWithWorkers, UNLIMITED_ENV } from '../dev/load-product';
import { resolveTemporalCli } from '../dev/temporal-cli';
import { startDevServer, type DevServer } from '../dev/temporal-dev-server';
import { percentile, productTarget, runLoad, tallyTranscripts, type ChatTarget, type LoadResult, type Tally } from '../dev/turn-load';
import type { WorkerProcesses } from '../dev/worker-process';
import { writeSection } from './benchmarks-file';
import { startFloorService, type FloorService } from './floor-service';
import { addTurnParts, emptyParts, type TurnParts } from './turn-breakdown';

const ROOT = path.resolve(__dirname, '..');
export const TURNS_HEADING = '## Turns: latency, throughput, memory, soak and scale-out';
/** Their own sections, so a run of `--parts memory,soak` keeps the latency tables of an earlier run. */
export const MEMORY_HEADING = '## Turns: worker memory with idle conversations';
export const SOAK_HEADING = '## Turns: soak across a Temporal restart';
const PARTS = ['latency', 'memory', 'soak', 'scale'] as const;
type Part = (typeof PARTS)[number];
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

interface Level {
  concurrent: number;
  turns: number;
  floor?: { load: LoadResult; tally: Tally };
  product?: { load: LoadResult; tally: Tally; gatewayMs: number };
}

interface Figures {
  levels: Level[];
  /** New conversations one at a time (nobody else talking): start and first message. */
  firstTurns?: { floor: number[]; product: number[] };
  breakdown: { level: number; parts: TurnParts; httpMs: number; gatewayMs: number }[];
  memory?: { tuning: string; points: { open: number; rssMb: number }[]; firstTurnsPerSecond: number; lost: number };
  soak?: { conversations: number; turns: number; tally: Tally; retries: number; deferred: number; restartAfter: number; restartMs: number; minutes: number; p50: number; p99: number };
  scale?: { rows: { setup: string; turnsPerSecond: number; p50: number; p99: number; tally: Tally; duplicateActivities: number }[] };
  notes: string[];
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['parts', 'idle', 'soak', 'soak-turns', 'write', 'postgres', 'one-turns', 'ten-turns', 'fifty-turns']);
  const parts = new Set((flags.get('parts') ?? PARTS.join(',')).split(',') as Part[]);
  for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--parts takes ${PARTS.join(', ')}`);
  const idle = Number(flags.get('idle') ?? 10_000);
  const soak = Number(flags.get('soak') ?? 1000);
  const soakTurns = Number(flags.get('soak-turns') ?? 5);
  const postgres = flags.get('postgres') ?? process.env.TEST_DATABASE_URL;
  const write = flags.get('write') !== 'false';
  const turnsAt = { 1: Number(flags.get('one-turns') ?? 40), 10: Number(flags.get('ten-turns') ?? 10), 50: Number(flags.get('fifty-turns') ?? 5) };
  for (const n of [idle, soak, soakTurns, ...Object.values(turnsAt)]) if (!Number.isInteger(n) || n < 1) throw new Error('counts must be positive whole numbers');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const cli = resolveTemporalCli({ log });
  if (!cli) throw new Error('no Temporal CLI: put temporal on PATH or set TEMPORAL_CLI_PATH');
  process.env.TEMPORAL_CLI_PATH = cli;
  Runtime.install({ logger: new DefaultLogger('WARN') });

  const started = Date.now();
  const figures: Figures = { levels: [], breakdown: [], notes: [] };
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  const save = () => {
    if (!write) return;
    const text = sections(figures, { started, soakTurns });
    if (figures.levels.length > 0 || figures.scale || figures.notes.length > 0) writeSection(file, TURNS_HEADING, text.main);
    if (figures.memory) writeSection(file, MEMORY_HEADING, text.memory);
    if (figures.soak) writeSection(file, SOAK_HEADING, text.soak);
  };
  const stops: (() => Promise<void>)[] = [];
  try {
    if (parts.has('latency') || parts.has('memory') || parts.has('scale')) {
      const product = await npmStart();
      stops.push(product.stop);
      log(`npm start is up (API ${product.baseUrl}, Temporal ${product.temporalAddress})`);
      if (parts.has('latency')) {
        const floor = await startFloorService(product.temporalAddress);
        stops.push(floor.close);
        await latency(product, floor, turnsAt, figures);
        save();
      }
      if (parts.has('scale')) {
        if (postgres) {
          figures.scale = await scaleOut(product.temporalAddress, postgres);
          save();
        } else figures.notes.push('Scale-out was not measured: it needs PostgreSQL (TEST_DATABASE_URL or --postgres).');
      }
      if (parts.has('memory')) {
        figures.memory = await memory(product.temporalAddress, idle);
        save();
      }
      for (const stop of stops.splice(0).reverse()) await stop();
    }
    if (parts.has('soak')) {
      figures.soak = await soakRun(soak, soakTurns);
      save();
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => log(`stopping: ${String(err)}`));
  }
  save();
  const text = sections(figures, { started, soakTurns });
  process.stdout.write([text.main, text.memory, text.soak].filter(Boolean).join('\n'));
  if (write) process.stdout.write('\nwrote docs/BENCHMARKS.md\n');
}

// ---------------------------------------------------------------------------------------------
// The product as `npm start` runs it: the real scripts/start.js in a process of its own.

interface Started {
  baseUrl: string;
  temporalAddress: string;
  token: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

async function npmStart(): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-turns-'));
  const [port, temporalPort, uiPort, paymentsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    // The benchmark's own product must not collide with an SMTP listener another run holds.
    SMTP_PORT: '0',
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    PAYMENTS_SANDBOX_PORT: String(paymentsPort),
    PAYMENT_PROVIDER_URL: '',
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    ANTHROPIC_API_KEY: '',
    LOG_LEVEL: 'warn',
    WORKER_METRICS_ADDRESS: 'off',
    ...UNLIMITED_ENV,
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 180_000;
  while (!output.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const token = /TOKEN=(\S+)/.exec(output)?.[1];
  if (!token) throw new Error(`npm start printed no demo token:\n${output}`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    token,
    pid: child.pid,
    async stop() {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The API's own view of its turns: the sum and count of support_turn_duration_seconds (the Update round trip). */
async function gatewaySeconds(baseUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .reduce((s, line) => s + Number(line.split(' ').pop()), 0);
  return { sum: read('support_turn_duration_seconds_sum'), count: read('support_turn_duration_seconds_count') };
}

// ---------------------------------------------------------------------------------------------

async function latency(product: Started, floor: FloorService, turnsAt: Record<1 | 10 | 50, number>, figures: Figures): Promise<void> {
  const target = productTarget([product.baseUrl], product.token);
  // Warm both: the first workflow tasks load code and caches; they are not what a running service sees.
  await runLoad(floor.target, { conversations: 5, turns: 3 });
  await runLoad(target, { conversations: 5, turns: 3 });
  const connection = await Connection.connect({ address: product.temporalAddress });
  const client = new Client({ connection });
  try {
    for (const concurrent of [1, 10, 50] as const) {
      const level: Level = { concurrent, turns: turnsAt[concurrent] };
      figures.levels.push(level);
      // A turn refused with 503 (the API's turn deadline passed on a busy machine) is sent again, as a client
      // must; its time counts in full, and the retries are reported.
      const floorLoad = await runLoad(floor.target, { conversations: concurrent, turns: level.turns, retryForMs: 120_000 });
      level.floor = { load: floorLoad, tally: await tallyTranscripts(floor.target, floorLoad, level.turns) };
      let before = { sum: 0, count: 0 };
      const load = await runLoad(target, { conversations: concurrent, turns: level.turns, retryForMs: 120_000, afterFirstTurns: async () => void (before = await gatewaySeconds(product.baseUrl)) });
      const after = await gatewaySeconds(product.baseUrl);
      const gatewayMs = ((after.sum - before.sum) / Math.max(1, after.count - before.count)) * 1000;
      level.product = { load, tally: await tallyTranscripts(target, load, level.turns), gatewayMs };
      log(`${concurrent} concurrent: floor p50 ${ms(percentile(floorLoad.turnMs, 50))} ms, product p50 ${ms(percentile(load.turnMs, 50))} ms`);
      if (concurrent === 1 || concurrent === 50) {
        const parts = emptyParts();
        for (const id of load.conversations.slice(0, 10)) {
          const history = await client.workflow.getHandle(workflowIdFor(id)).fetchHistory();
          addTurnParts(parts, history.events ?? []);
        }
        figures.breakdown.push({ level: concurrent, parts, httpMs: mean(load.turnMs), gatewayMs });
      }
    }
    const firstTurns = { floor: [] as number[], product: [] as number[] };
    for (let i = 0; i < 20; i++) {
      firstTurns.floor.push(...(await runLoad(floor.target, { conversations: 1, turns: 0 })).firstTurnMs);
      firstTurns.product.push(...(await runLoad(target, { conversations: 1, turns: 0 })).firstTurnMs);
    }
    figures.firstTurns = firstTurns;
  } finally {
    await connection.close();
  }
}

// ---------------------------------------------------------------------------------------------

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function memory(temporalAddress: string, idle: number): Promise<NonNullable<Figures['memory']>> {
  const { product, workers, close } = await productWithWorkers(temporalAddress, 1);
  const worker = workers[0] as WorkerProcesses;
  try {
    const target = productTarget([product.baseUrl], await product.token('channel'));
    const points = [{ open: 0, rssMb: rssMb(worker.pid()) }];
    const marks = new Set([500, 1000, 2000, 5000, idle].filter((n) => n <= idle));
    let open = 0;
    let lost = 0;
    const began = performance.now();
    while (open < idle) {
      const batch = Math.min(50, idle - open);
      const load = await runLoad(target, { conversations: batch, turns: 0, retryForMs: 60_000 });
      open += batch;
      if (open % 500 === 0 || open === idle) lost += (await tallyTranscripts(target, load, 0)).lost;
      if ([...marks].some((m) => m <= open && !points.some((p) => p.open === m))) {
        points.push({ open, rssMb: rssMb(worker.pid()) });
        log(`memory: ${open} open conversations, worker RSS ${ms(points.at(-1)?.rssMb ?? NaN)} MB`);
      }
    }
    const seconds = (performance.now() - began) / 1000;
    // A minute idle: what the worker holds once nothing happens.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    points.push({ open: -idle, rssMb: rssMb(worker.pid()) });
    const config = loadConfig();
    return { tuning: `WORKER_MAX_CACHED_WORKFLOWS=${config.workerTuning.maxCachedWorkflows}, WORKER_STICKY_TIMEOUT_SECONDS=${config.workerTuning.stickyTimeoutMs / 1000}`, points, firstTurnsPerSecond: idle / seconds, lost };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------

async function soakRun(conversations: number, turns: number): Promise<NonNullable<Figures['soak']>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-soak-'));
  const serverOptions = { cliPath: process.env.TEMPORAL_CLI_PATH as string, dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default', log };
  let server: DevServer = await startDevServer(serverOptions);
  // The server is a process of its own: it is stopped however the rest ends, a failed start included.
  const running = await productWithWorkers(server.address, 1).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  const { product, close } = running;
  const began = Date.now();
  let restartMs = NaN;
  let restarting: Promise<void> | undefined;
  const restartAfter = Math.floor((conversations * turns) / 3);
  try {
    const target = productTarget([product.baseUrl], await product.token('channel'));
    const load = await runLoad(target, {
      conversations,
      turns,
      retryForMs: 180_000,
      progress: (done) => {
        if (done !== restartAfter || restarting) return;
        log(`soak: ${done} turns done, restarting the Temporal dev server`);
        const t = performance.now();
        restarting = (async () => {
          await server.stop();
          server = await startDevServer(serverOptions);
          restartMs = performance.now() - t;
          log(`soak: Temporal is back after ${ms(restartMs)} ms`);
        })();
      },
    });
    await restarting;
    const tally = await tallyTranscripts(target, load, turns);
    return { conversations, turns, tally, retries: load.retries, deferred: load.deferred, restartAfter, restartMs, minutes: (Date.now() - began) / 60_000, p50: percentile(load.turnMs, 50), p99: percentile(load.turnMs, 99) };
  } finally {
    await close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function scaleOut(temporalAddress: string, postgresUrl: string): Promise<NonNullable<Figures['scale']>> {
  const lines: string[] = [];
  const { product, workers, close } = await productWithWorkers(temporalAddress, 2, { postgresUrl, onLine: (line) => lines.push(line) });
  const apis: ApiProcess[] = [];
  const rows: NonNullable<Figures['scale']>['rows'] = [];
  try {
    for (let i = 0; i < 2; i++) {
      apis.push(await startApiProcess({ temporalAddress, taskQueue: product.taskQueue, databaseUrl: product.databaseUrl as string, payloadKeys: product.payloadKeys, env: UNLIMITED_ENV }));
    }
    const token = await product.token('channel');
    const measure = async (setup: string, target: ChatTarget) => {
      lines.length = 0;
      await runLoad(target, { conversations: 10, turns: 2 });
      const load = await runLoad(target, { conversations: 50, turns: 5 });
      rows.push({ setup, turnsPerSecond: (load.turnMs.length / load.wallMs) * 1000, p50: percentile(load.turnMs, 50), p99: percentile(load.turnMs, 99), tally: await tallyTranscripts(target, load, 5), duplicateActivities: duplicateActivities(lines).twice });
      log(`scale-out, ${setup}: ${rows.at(-1)?.turnsPerSecond.toFixed(1)} turns/s`);
    };
    // Two of each first, then one of each: the same database, Temporal and task queue.
    await measure('2 workers, 2 APIs', productTarget(apis.map((a) => a.baseUrl), token, { spread: true }));
    await (workers[1] as WorkerProcesses).kill();
    await measure('1 worker, 1 API', productTarget([(apis[0] as ApiProcess).baseUrl], token));
    return { rows: rows.reverse() };
  } finally {
    for (const api of apis) await api.stop();
    await close();
  }
}

// ---------------------------------------------------------------------------------------------

function sections(f: Figures, run: { started: number; soakTurns: number }): { main: string; memory: string; soak: string } {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const header = (heading: string) => [
    heading,
    '',
    'Written by `npm run bench:turns` (`bench/turns.ts`); do not edit by hand.',
    '',
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${((Date.now() - run.started) / 60_000).toFixed(1)} minutes`,
    `- machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}, Node ${process.version} (shared: load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end)`,
    '',
  ];
  const lines = [
    ...header(TURNS_HEADING),
    'The product is the real `npm start` (embedded Temporal dev server with its SQLite file, SQLite, worker and',
    'API in one process, templates, no LLM), measured from outside over HTTP with its demo channel token (rate',
    'limits lifted: one token from one address would otherwise meet them). The floor is a workflow whose',
    'Update handler records the message and returns at once, on its own task queue and worker (in the bench',
    'process) on the same dev server, behind a bare `node:http` endpoint: also over HTTP, so floor and product',
    'pay the same HTTP hop. A turn is one customer message ("hi", "where is my order", "thanks" in turn) and its',
    'reply; every transcript is read back to count lost and duplicated messages.',
    '',
  ];
  if (f.levels.length > 0) {
    const one = f.levels.find((l) => l.concurrent === 1);
    const fifty = f.levels.find((l) => l.concurrent === 50);
    const tps = (l?: { load: LoadResult }) => (l ? (l.load.turnMs.length / l.load.wallMs) * 1000 : NaN);
    lines.push(
      '### Turn latency and throughput, beside the floor',
      '',
      '| concurrent conversations × turns | floor p50 | product p50 | ratio | floor p99 | product p99 | ratio | floor turns/s | product turns/s | ratio | lost / duplicated (product) | retried requests (floor / product) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...f.levels.map((l) => {
        const fl = l.floor?.load.turnMs ?? [];
        const pr = l.product?.load.turnMs ?? [];
        return `| ${l.concurrent} × ${l.turns} | ${ms(percentile(fl, 50))} ms | ${ms(percentile(pr, 50))} ms | ${ratio(percentile(pr, 50), percentile(fl, 50))} | ${ms(percentile(fl, 99))} ms | ${ms(percentile(pr, 99))} ms | ${ratio(percentile(pr, 99), percentile(fl, 99))} | ${tps(l.floor).toFixed(1)} | ${tps(l.product).toFixed(1)} | ${ratio(tps(l.product), tps(l.floor))} | ${l.product?.tally.lost ?? '–'} / ${l.product?.tally.duplicated ?? '–'} of ${l.product?.tally.expected ?? '–'} | ${l.floor?.load.retries ?? '–'} / ${l.product?.load.retries ?? '–'} |`;
      }),
      '',
    );
    const firstFloor = f.firstTurns?.floor ?? [];
    const firstProduct = f.firstTurns?.product ?? [];
    lines.push(
      `First turn of a new conversation (${firstProduct.length} new conversations one after another, nobody else talking): floor (update-with-start, one round trip) p50 ${ms(percentile(firstFloor, 50))} ms; product (POST /v1/conversations with the first message: update-with-start, one round trip) p50 ${ms(percentile(firstProduct, 50))} ms, ${ratio(percentile(firstProduct, 50), percentile(firstFloor, 50))} the floor.`,
      '',
      '### Targets (issue 17) and the gap',
      '',
      '| target | wanted | measured | met |',
      '| --- | --- | --- | --- |',
    );
    const check = (name: string, wanted: string, value: number, limit: number, higherIsBetter = false) =>
      `| ${name} | ${wanted} | ${Number.isFinite(value) ? `${value.toFixed(2)}×` : '–'} | ${Number.isFinite(value) ? ((higherIsBetter ? value >= limit : value <= limit) ? 'yes' : `**no**: ${higherIsBetter ? `${(limit / value).toFixed(1)}× short` : `${(value / limit).toFixed(1)}× over`}`) : '–'} |`;
    lines.push(
      check('one customer, p50', '≤ 1.5× the floor', percentile(one?.product?.load.turnMs ?? [], 50) / percentile(one?.floor?.load.turnMs ?? [], 50), 1.5),
      check('50 concurrent, throughput', '≥ 0.6× the floor', tps(fifty?.product) / tps(fifty?.floor), 0.6, true),
      check('50 concurrent, p99', '≤ 1.5× the floor', percentile(fifty?.product?.load.turnMs ?? [], 99) / percentile(fifty?.floor?.load.turnMs ?? [], 99), 1.5),
      check('first turn of a new conversation, p50', '≤ 2× the floor', percentile(firstProduct, 50) / percentile(firstFloor, 50), 2),
      '',
      'Each turn is read by one local activity (injection check, tiers 1–2 and language together, in the',
      "worker's process: no round trip through the server), and a new conversation's first message goes with",
      'its start (update-with-start). The breakdown below shows where the rest of a turn goes: the regular',
      'activities left (reads of the store, the help centre, actions) and the workflow tasks around them.',
      '',
    );
  }
  for (const b of f.breakdown) {
    const per = (n: number) => n / Math.max(1, b.parts.turns);
    const rows = [...b.parts.parts.entries()].sort((a, c) => c[1].waitMs + c[1].runMs - (a[1].waitMs + a[1].runMs));
    const inside = per(b.parts.updateMs);
    lines.push(
      `### Where a turn's time goes (${b.level} concurrent; ${b.parts.turns} turns of ${Math.min(10, b.level)} sampled conversations, from their histories)`,
      '',
      '| part | per turn | mean wait (scheduled → started) | mean run (started → completed) | per turn, total |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| HTTP turn as the client sees it | 1 | | | ${ms(b.httpMs)} ms |`,
      `| … of which the API's Update round trip (support_turn_duration_seconds) | 1 | | | ${ms(b.gatewayMs)} ms |`,
      `| … of which the rest of the API (express, auth, Idempotency-Key claim in SQLite, JSON) | | | | ${ms(b.httpMs - b.gatewayMs)} ms |`,
      `| … of which inside the workflow (Update accepted → completed, history time) | 1 | | | ${ms(inside)} ms |`,
      `| … of which the server round trip around it (gRPC, Update admission, long-poll answer) | | | | ${ms(b.gatewayMs - inside)} ms |`,
      ...rows.map(([name, p]) => `| ${name} | ${(p.count / Math.max(1, b.parts.turns)).toFixed(2)} | ${ms(p.waitMs / p.count)} ms | ${ms(p.runMs / p.count)} ms | ${ms(per(p.waitMs + p.runMs))} ms |`),
      '',
    );
  }
  const memoryLines = header(MEMORY_HEADING);
  if (f.memory) {
    const m = f.memory;
    memoryLines.push(
      `The production worker (\`workers/main.ts\`) in a process of its own (${m.tuning}), its API in the bench; conversations opened 50 at a time with one message each ("hi") and left open; the worker's RSS from /proc. Target: ≤ 500 MB at 10,000. First turns ran at ${m.firstTurnsPerSecond.toFixed(1)} conversations/s; ${m.lost} first messages lost (every tenth batch's transcripts read back).`,
      '',
      '| open idle conversations | worker RSS |',
      '| ---: | ---: |',
      ...m.points.map((p) => `| ${p.open < 0 ? `${-p.open}, a minute later` : p.open} | ${ms(p.rssMb)} MB |`),
      '',
    );
    const last = m.points.at(-1)?.rssMb ?? NaN;
    memoryLines.push(`Target ≤ 500 MB: ${Number.isFinite(last) ? (last <= 500 ? 'met' : `**not met** (${ms(last)} MB)`) : '–'}. Past the cache size the worker evicts the least recently used conversation; an evicted one replays its history on its next message (one slower turn), and the SDK's own default cache size on this heap (${defaultCacheSize()} workflows) would keep that many in memory instead.`, '');
  }
  const soakLines = header(SOAK_HEADING);
  if (f.soak) {
    const s = f.soak;
    soakLines.push(
      `${s.conversations} conversations at once × (1 + ${s.turns}) messages over the API (in the bench, SQLite) with the production worker in its own process, on a dev server with its persistence file (\`--db-filename\`); after ${s.restartAfter} turns the dev server was stopped and started again on the same file (back in ${ms(s.restartMs)} ms). Refused or broken requests were sent again with the same Idempotency-Key. ${s.minutes.toFixed(1)} minutes.`,
      '',
      '| messages sent | recorded | lost | duplicated | retried requests | answered 202 (reply later) | turn p50 | turn p99 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${s.tally.expected} | ${s.tally.recorded} | ${s.tally.lost} | ${s.tally.duplicated} | ${s.retries} | ${s.deferred} | ${ms(s.p50)} ms | ${ms(s.p99)} ms |`,
      '',
      `Every conversation resumed: ${s.tally.lost === 0 && s.tally.duplicated === 0 ? 'yes' : '**no**'}.`,
      '',
    );
  }
  if (f.scale) {
    lines.push(
      '### Scale-out: workers and APIs on one task queue and PostgreSQL',
      '',
      'The production worker and API entry points in processes of their own (PostgreSQL, a fresh schema, the same dev server and task queue as above); 50 conversations × 5 turns, each request to the next API in turn. Duplicated activities: the same (workflow, activity id, attempt) in two workers\' logs.',
      '',
      '| setup | turns/s | p50 | p99 | lost / duplicated messages | duplicated activities |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...f.scale.rows.map((r) => `| ${r.setup} | ${r.turnsPerSecond.toFixed(1)} | ${ms(r.p50)} ms | ${ms(r.p99)} ms | ${r.tally.lost} / ${r.tally.duplicated} of ${r.tally.expected} | ${r.duplicateActivities} |`),
      '',
      'On this 2-core machine every process shares the same two cores with the Temporal server and PostgreSQL, so a second worker and API can only add what the cores had spare; on a cluster each replica brings its own cores (docs/PRODUCTION.md).',
      '',
    );
  }
  if (f.notes.length > 0) lines.push(...f.notes.map((n) => `- ${n}`), '');
  return { main: lines.join('\n'), memory: memoryLines.join('\n'), soak: soakLines.join('\n') };
}

/** The SDK's default maxCachedWorkflows for this heap (reuseV8Context on), as it computes it. */
function defaultCacheSize(): number {
  const heapMiB = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
