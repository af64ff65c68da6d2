/**
 * The eval's commands: `npm run eval` (the suite and its table), `eval run --against DIR` (which
 * scenarios changed under the current code) and `eval capture <conversationId>` (a recorded
 * conversation as a scenario file). They talk to the running system over HTTP, read and write its
 * configured database, and (capture only) read workflow histories from its Temporal server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { mintToken } from '../auth/token-service';
import { UsageError, parseFlags } from '../config/args';
import { loadConfig } from '../config/config';
import { closeDatabase, openDatabase } from '../db/connection';
import { configuredPayloadPrivacy } from '../privacy/conversation-keys';
import { CaptureError, captureConversation } from './capture';
import { formatTable, summarize } from './report';
import { ScenarioError, formatScenario, loadScenarioDir, parseScenario } from './scenario';
import { compareWithExpected, formatAgainst, runSuite } from './suite';

export const DEFAULT_SCENARIO_DIR = path.join(__dirname, 'scenarios');

export const EVAL_USAGE = 'eval run [--against DIR] [--url URL] [--token TOKEN] [--runs K] | eval capture <conversationId> [--out FILE]';

const RUN_USAGE = `usage: npm run eval -- [--dir DIR] [--url URL] [--token TOKEN] [--runs K] [--settle-seconds S]
       npm run -s cli -- eval run [--against DIR] [--url URL] [--token TOKEN] [--runs K]
  plays every scenario in DIR (default eval/scenarios) K times (default 3; 1 with --against) against the
  running system at URL (default http://localhost:$PORT, PORT defaulting to 3000), each run with its own
  copy of the scenario's fixture in the configured database (DATABASE_URL, or DATA_DIR/support.sqlite) and
  a channel token minted there unless --token is given. Prints the table (or, with --against, which
  scenarios changed) and exits 1 when a wrong action happened or an expectation failed.`;

const CAPTURE_USAGE = `usage: npm run -s cli -- eval capture <conversationId> [--out FILE]
  writes the recorded conversation as a scenario (YAML) to FILE, or to stdout`;

export interface EvalIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** `eval run` / `npm run eval`: 0 when every run held, 1 when one did not (or nothing could run). */
export async function evalRunCommand(args: string[], io: EvalIo): Promise<number> {
  const flags = parseFlags(args, ['dir', 'against', 'url', 'token', 'runs', 'settle-seconds']);
  const against = flags.get('against');
  if (against && flags.has('dir')) throw new UsageError(`give --dir or --against, not both\n${RUN_USAGE}`);
  const dir = against ?? flags.get('dir') ?? DEFAULT_SCENARIO_DIR;
  const runsRaw = flags.get('runs') ?? (against ? '1' : '3');
  if (!/^\d+$/.test(runsRaw) || Number(runsRaw) < 1 || Number(runsRaw) > 50) throw new UsageError(`--runs must be a whole number from 1 to 50, not "${runsRaw}"\n${RUN_USAGE}`);
  const k = Number(runsRaw);
  const settleRaw = flags.get('settle-seconds') ?? '2';
  if (!/^\d+(\.\d+)?$/.test(settleRaw)) throw new UsageError(`--settle-seconds must be a number of seconds, not "${settleRaw}"`);
  const config = loadConfig();
  const baseUrl = (flags.get('url') ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) throw new UsageError(`--url must be an http(s) URL such as http://localhost:3000, not "${baseUrl}"`);

  let scenarios;
  try {
    scenarios = loadScenarioDir(dir);
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const db = openDatabase(config);
  try {
    try {
      const health = await fetch(`${baseUrl}/healthz`);
      if (!health.ok) io.err(`warning: ${baseUrl}/healthz answered ${health.status}; the runs may fail`);
    } catch (error) {
      io.err(`error: nothing answers at ${baseUrl} (${(error as Error).message}): start the product (npm start) or give --url`);
      return 1;
    }
    const channelToken = flags.get('token') ?? (await mintToken(db, { role: 'channel', name: 'eval' }));
    const target = { baseUrl, channelToken, db, settleMs: Number(settleRaw) * 1000 };
    const results = await runSuite(target, scenarios, k, (r) =>
      io.err(`${r.passed ? 'pass' : 'FAIL'}  ${r.scenario} run ${r.run + 1}/${k}${r.conversationId ? ` (${r.conversationId})` : ''}${r.passed ? '' : `: ${r.problems[0] ?? r.wrongActions.join(', ')}`}`),
    );
    if (against) {
      const lines = compareWithExpected(results);
      io.out(formatAgainst(lines));
      return lines.some((l) => l.changed) ? 1 : 0;
    }
    const summary = summarize(results, k);
    io.out(formatTable(summary, target));
    return summary.failed || summary.wrongActions > 0 ? 1 : 0;
  } finally {
    await closeDatabase(db);
  }
}

/** `eval capture`: 0 with the scenario written, 1 when the conversation cannot be captured. */
export async function evalCaptureCommand(args: string[], io: EvalIo): Promise<number> {
  const [conversationId, ...rest] = args;
  if (!conversationId || conversationId.startsWith('--')) throw new UsageError(`eval capture needs the conversation's id\n${CAPTURE_USAGE}`);
  const flags = parseFlags(rest, ['out']);
  const config = loadConfig();
  const address = config.temporalAddress ?? `localhost:${config.temporalDevPort}`;
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: '5 seconds' });
  } catch (error) {
    io.err(`error: cannot reach Temporal at ${address} (${(error as Error).message}): start the product (npm start) or set TEMPORAL_ADDRESS`);
    return 1;
  }
  const db = openDatabase(config);
  try {
    const privacy = configuredPayloadPrivacy(config, db);
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: privacy.dataConverter });
    const scenario = await captureConversation({ db, client, codec: privacy.codec }, conversationId);
    const text = formatScenario(scenario);
    const out = flags.get('out');
    // What we write must read back: a capture that the runner would refuse is a bug here, not a file to keep.
    parseScenario(text, out ?? 'the captured scenario');
    if (out) {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, text);
      io.err(`wrote ${out}`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  } catch (error) {
    if (error instanceof CaptureError || error instanceof ScenarioError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await closeDatabase(db);
    await connection.close();
  }
}

/** `eval <run|capture> ...` as the operator's CLI routes it. */
export async function evalCommand(args: string[], io: EvalIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'run') return evalRunCommand(rest, io);
  if (sub === 'capture') return evalCaptureCommand(rest, io);
  throw new UsageError(`${sub === undefined ? 'eval needs a subcommand' : `unknown eval subcommand "${sub}"`}\n${RUN_USAGE}\n${CAPTURE_USAGE}`);
}
