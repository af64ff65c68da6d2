// `npm run bench:reliability [-- --runs 20 --kills 3 --seed 1 --write false]`: each money-moving flow
// (cancel, modify items, payment change to a gift card, return, exchange, goodwill, an approved
// over-limit cancel) walked over the HTTP API `--runs` times, the flows of a round side by side, with
// the provider answering 503 once before each money step and the worker process SIGKILLed at seeded
// random moments; then every run is checked against the provider's book and the refund ledger.
// Writes the "Reliability" section of docs/BENCHMARKS.md (and only that section).
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../config/args';
import { resolveTemporalCli } from '../dev/temporal-cli';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { problemsOf, runMoneyDrill, type RunOutcome } from '../dev/money-drill';
import { MONEY_FLOWS, type MoneyFlow } from '../dev/money-flows';
import { RELIABILITY_HEADING, writeSection } from './benchmarks-file';

const ROOT = path.resolve(__dirname, '..');

interface Tally {
  runs: number;
  providerFaults: number;
  kills: number;
  expected: number;
  made: number;
  mismatches: number;
  troubled: number;
}

const FLOW_NAMES: Record<MoneyFlow, string> = {
  cancel: 'cancel a pending order (card/PayPal)',
  modify: 'modify items to cheaper ones',
  payment_change: 'payment change to a gift card',
  return: 'return, refunded on receipt',
  exchange: 'exchange, difference refunded on receipt',
  goodwill: 'goodwill credit accepted',
  approved_cancel: 'over-limit cancel approved by a supervisor',
};

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['runs', 'kills', 'seed', 'write']);
  const runs = Number(flags.get('runs') ?? 20);
  const kills = Number(flags.get('kills') ?? 3);
  const seed = Number(flags.get('seed') ?? Math.floor(Math.random() * 2 ** 31));
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(kills) || kills < 0 || !Number.isInteger(seed)) {
    throw new Error('--runs must be a positive whole number, --kills and --seed whole numbers');
  }
  // Stopped by a signal, the process still runs its exit handlers: they SIGKILL the worker processes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const cli = resolveTemporalCli({ log: (line) => process.stderr.write(`${line}\n`) });
  if (cli) process.env.TEMPORAL_CLI_PATH = cli;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: { ...(cli ? { executable: { type: 'existing-path', path: cli } } : {}), ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });

  const tallies = new Map<MoneyFlow, Tally>(MONEY_FLOWS.map((f) => [f, { runs: 0, providerFaults: 0, kills: 0, expected: 0, made: 0, mismatches: 0, troubled: 0 }]));
  const troubles: string[] = [];
  let faultsLeft = 0;
  const started = Date.now();
  const write = flags.get('write') !== 'false';
  /** The section as measured so far: `done` of the planned rounds. */
  const section = (done: number): string => {
    const minutes = (Date.now() - started) / 60_000;

    const rows = MONEY_FLOWS.map((flow) => {
      const t = tallies.get(flow) as Tally;
      return `| ${FLOW_NAMES[flow]} | ${t.runs} | ${t.providerFaults + t.kills} (${t.providerFaults} × 503, ${t.kills} × kill) | ${t.expected} | ${t.made} | ${t.mismatches} | ${t.troubled} |`;
    });
    const sum = (key: keyof Tally) => [...tallies.values()].reduce((n, t) => n + t[key], 0);
    const lines = [
      RELIABILITY_HEADING,
      '',
      'Written by `npm run bench:reliability` (`bench/reliability.ts`); do not edit by hand.',
      '',
      `- date: ${new Date().toISOString().slice(0, 10)}`,
      `- machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()} (shared: load average ${os.loadavg()[0]?.toFixed(1) ?? '?'})`,
      `- Node ${process.version}; ${done}${done < runs ? ` of ${runs}` : ''} round(s), seeds ${seed}–${seed + done - 1}, ${kills} kill(s) planned per worker per round; ${minutes.toFixed(1)} minutes`,
      '',
      'Each round walks every flow once over the HTTP API against the real product (Temporal dev server,',
      'SQLite, the sandbox provider), the flows side by side, with the production worker (`workers/main.ts`)',
      'in a process of its own. The provider answers 503 (before doing anything) once just before each run\'s',
      'money step, and each worker is SIGKILLed at seeded random points (after 1 to 12 activities per flow of',
      'its lane since it started, or 8 s after its start if fewer ran) and started again. A kill counts for a',
      'run when it landed between the run\'s first message and its money settling. Then the provider\'s book,',
      'the refund ledger and the orders\' payment histories are compared (dev/books-agree.ts); a run is in',
      'trouble when it did not refund exactly what it should, once, with one receipt in the transcript, or the',
      'books disagree for its order.',
      '',
      '| flow | runs | faults injected | refunds expected | refunds made | mismatches found | runs in trouble |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      `| **all** | ${sum('runs')} | ${sum('providerFaults') + sum('kills')} (${sum('providerFaults')} × 503, ${sum('kills')} × kill) | ${sum('expected')} | ${sum('made')} | ${sum('mismatches')} | ${sum('troubled')} |`,
      '',
      `Injected 503s that no request met: ${faultsLeft}.`,
      ...(troubles.length > 0 ? ['', 'Runs in trouble:', '', ...troubles.map((t) => `- ${t}`)] : []),
      '',
    ];
    return lines.join('\n');
  };
  try {
    for (let round = 0; round < runs; round++) {
      const report = await runMoneyDrill({ temporalAddress: temporal.address, seed: seed + round, flows: MONEY_FLOWS, kills, failOnce: true });
      faultsLeft += report.faultsLeft;
      for (const outcome of report.outcomes) {
        const tally = tallies.get(outcome.flow) as Tally;
        const mismatches = outcome.mismatches;
        const problems = problemsOf(outcome);
        tally.runs++;
        tally.providerFaults += outcome.providerFaults;
        tally.kills += outcome.kills;
        tally.expected += (outcome.run?.expected ?? [outcome.target.expected]).length;
        tally.made += outcome.providerRefunds.filter((r) => r.status === 'succeeded').length;
        tally.mismatches += mismatches.length;
        if (problems.length > 0 || mismatches.length > 0) {
          tally.troubled++;
          troubles.push(describe(seed + round, outcome, [...problems, ...mismatches.map((m) => `${m.kind}: ${m.detail}`)]));
        }
      }
      const landed = report.outcomes.reduce((n, o) => n + o.kills, 0);
      // Written after every round, so a run cut short still leaves what it measured (and says how much).
      if (write) writeSection(path.join(ROOT, 'docs', 'BENCHMARKS.md'), RELIABILITY_HEADING, section(round + 1));
      process.stderr.write(`round ${round + 1}/${runs} (seed ${seed + round}): ${report.kills} kill(s), ${landed} run-kill(s), ${report.mismatches.length} mismatch(es), ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await temporal.teardown();
  }
  const text = section(runs);
  process.stdout.write(text);
  if (write) process.stdout.write('\nwrote docs/BENCHMARKS.md\n');
}

function describe(seed: number, outcome: RunOutcome, problems: string[]): string {
  return `seed ${seed}, ${outcome.flow} on ${outcome.target.orderId}: ${problems.join('; ').replace(/\|/g, '/')}`;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
