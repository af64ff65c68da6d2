// `npm run bench:tau [-- --tasks 0,16,22 --write false --natural [only] --transcripts walks.jsonl]`: a scripted customer walks every shared tau-bench
// retail task through the HTTP API (a fresh store per task, one dev server, worker and API for all),
// then the store is compared with the task's expected changes. A refund over the automatic limit
// waits for a supervisor, as the product's policy says: a scripted supervisor approves it through the
// agent API. Prints a line per task and the pass rate, and writes docs/TAU_WALK.md. With --natural, a
// second customer who speaks in plain words (no ids) walks the same tasks after the id walk (`--natural
// only`: it alone), and its section of docs/TAU_WALK.md is written too; each run keeps the other's section.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../config/args';
import { resolveTemporalCli } from '../dev/temporal-cli';
import { loadTask, taskFiles } from './tau-walk/tasks';
import { startProduct } from './tau-walk/product';
import { startTauWalkStack, walkTask, type TaskWalkResult, type TauWalkStack } from './tau-walk/walk';
import { isNaturalWalk, naturalScriptFor, playNaturalCustomer, type NaturalScript } from './tau-walk/natural-customer';
import { groupMisunderstandings, NATURAL_MARKER, naturalReport, summaryLine, unexpectedChanges } from './tau-walk/natural-report';

const ROOT = path.resolve(__dirname, '..');

const SHORT_TOOL: Record<string, string> = {
  cancel_pending_order: 'cancel',
  modify_pending_order_items: 'modify items',
  exchange_delivered_order_items: 'exchange',
  return_delivered_order_items: 'return',
  modify_pending_order_address: 'order address',
  modify_user_address: 'default address',
  modify_pending_order_payment: 'payment method',
  transfer_to_human_agents: 'transfer',
};

const NEEDS_APPROVAL = /supervisor's approval|over the automatic limit/;

/** The kind of failure, from its first reason: what a reader would fix. */
const CAUSES: [RegExp, string][] = [
  [/was taken as/, 'the bot took the request for another intent'],
  [/could not be verified/, 'the customer could not be verified'],
  [/ not offered /, 'the bot did not offer what the customer wants'],
  [/asked for \w+ again/, 'the bot did not understand an answer'],
  [/proposal does not name/, 'the proposal was not what the customer asked for'],
  [NEEDS_APPROVAL, "a refund over the automatic limit waits for a supervisor's approval (policy, not a bug)"],
  [/without doing it/, 'the bot refused or dropped the request'],
  [/though the reference's own call failed/, 'the bot did what the reference could not'],
  [/conversation broke|no end after/, 'the conversation broke'],
  [/^(users|orders|products) /, 'the conversation went through but the store differs'],
];

const causeOf = (reason: string) => CAUSES.find(([re]) => re.test(reason))?.[1] ?? 'other';

function requestsOf(file: string): string {
  const task = loadTask(file);
  const tools = task.actions.filter((a) => Object.hasOwn(SHORT_TOOL, a.name)).map((a) => `${SHORT_TOOL[a.name] ?? a.name}${a.error ? ' (fails)' : ''}`);
  return tools.length > 0 ? tools.join(', ') : '(read only)';
}

type Walker = 'id' | 'natural';

async function walkAll(tau: TauWalkStack, files: readonly string[], walker: Walker): Promise<TaskWalkResult[]> {
  const results: TaskWalkResult[] = [];
  for (const [index, file] of files.entries()) {
    const result =
      walker === 'id' ? await walkTask(tau, file) : await walkTask(tau, file, { script: naturalScriptFor, play: (script, say, options) => playNaturalCustomer(script as NaturalScript, say, options) });
    results.push(result);
    const verdict = result.passed ? 'pass' : 'FAIL';
    const natural = isNaturalWalk(result.walk) ? result.walk : undefined;
    const first = natural?.misunderstandings[0];
    const lines = [
      `[${String(index + 1).padStart(2)}/${files.length}] ${walker === 'natural' ? 'natural ' : ''}task ${result.taskId.padStart(3)} ${verdict} ${(result.millis / 1000).toFixed(1).padStart(5)}s  ${requestsOf(file)}${result.approvals ? ' (supervisor approved)' : ''}${natural ? ` (${natural.fallbacks.length} fallbacks)` : ''}`,
      ...(result.reason ? [`      ${result.reason}`] : []),
      ...(first ? [`      first misunderstood, at ${first.awaiting}: "${first.said}" -> ${first.what}`] : []),
      ...unexpectedChanges(result).map((change) => `      UNEXPECTED STORE CHANGE: ${change}`),
      ...result.walk.notes.map((note) => `      (note) ${note}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return results;
}

/** `--natural` alone (a bare flag) or `--natural only`; the rest goes to parseFlags. */
function naturalFlag(args: string[]): { natural: 'no' | 'also' | 'only'; rest: string[] } {
  const at = args.indexOf('--natural');
  if (at < 0) return { natural: 'no', rest: args };
  const only = args[at + 1] === 'only';
  return { natural: only ? 'only' : 'also', rest: [...args.slice(0, at), ...args.slice(at + (only ? 2 : 1))] };
}

async function main(): Promise<void> {
  const { natural, rest } = naturalFlag(process.argv.slice(2));
  const flags = parseFlags(rest, ['tasks', 'write', 'transcripts']);
  const wanted = flags.get('tasks')?.split(',').map((id) => `task-${id.trim().padStart(3, '0')}.json`);
  const files = taskFiles().filter((file) => !wanted || wanted.includes(file));
  const write = flags.get('write') !== 'false' && !wanted;
  const cli = resolveTemporalCli({ log: (line) => process.stderr.write(`${line}\n`) });
  if (cli) process.env.TEMPORAL_CLI_PATH = cli;

  process.stderr.write('starting the Temporal dev server, the worker and the API on the tau-bench retail store...\n');
  const tau = await startTauWalkStack(await startProduct());
  let idPart: string | undefined;
  let naturalPart: string | undefined;
  try {
    if (natural !== 'only') {
      const started = Date.now();
      const results = await walkAll(tau, files, 'id');
      const seconds = (Date.now() - started) / 1000;
      const passed = results.filter((r) => r.passed).length;
      const approved = results.filter((r) => r.approvals > 0).length;
      process.stdout.write(`\n${passed}/${results.length} tasks pass (${percent(passed, results.length)}); ${approved} needed a supervisor's approval; ${seconds.toFixed(0)}s\n\n`);
      idPart = report(results, seconds);
    }
    if (natural !== 'no') {
      const started = Date.now();
      const results = await walkAll(tau, files, 'natural');
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\n${summaryLine(results)}; ${seconds.toFixed(0)}s\n\nmisunderstandings, most frequent first:\n`);
      for (const g of groupMisunderstandings(results)) {
        const example = g.items[0];
        process.stdout.write(`${String(g.items.length).padStart(4)}  at ${g.awaiting}, ${g.kind}: ${g.outcome}${example ? `  e.g. "${example.said}" -> "${example.bot.slice(0, 100)}"` : ''}\n`);
      }
      naturalPart = naturalReport(results, seconds, requestsOf);
      const transcripts = flags.get('transcripts');
      if (transcripts) {
        // Every natural conversation with what was misread in it, one task a line, for reading beside the report.
        const rows = results.map((r) => JSON.stringify({ task: r.taskId, passed: r.passed, reason: r.reason, differences: r.differences, ...r.walk }));
        fs.writeFileSync(transcripts, `${rows.join('\n')}\n`);
        process.stdout.write(`wrote ${transcripts}\n`);
      }
    }
  } finally {
    await tau.close();
  }
  if (write) {
    const file = path.join(ROOT, 'docs', 'TAU_WALK.md');
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const at = old.indexOf(NATURAL_MARKER);
    const keptId = at < 0 ? old : old.slice(0, at).replace(/\n+$/, '\n');
    const keptNatural = at < 0 ? undefined : old.slice(at);
    const naturalText = naturalPart ?? keptNatural;
    fs.writeFileSync(file, [idPart ?? keptId, ...(naturalText ? [naturalText] : [])].join('\n'));
    process.stdout.write('wrote docs/TAU_WALK.md\n');
  }
}

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)}%`;

function report(results: TaskWalkResult[], seconds: number): string {
  const passed = results.filter((r) => r.passed);
  const failed = results.filter((r) => !r.passed);
  const approved = results.filter((r) => r.approvals > 0);
  const byCause = new Map<string, TaskWalkResult[]>();
  for (const r of failed) {
    const cause = causeOf(r.reason ?? '');
    byCause.set(cause, [...(byCause.get(cause) ?? []), r]);
  }
  const notes = results.filter((r) => r.walk.notes.length > 0);
  const cpu = os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown cpu';
  const lines = [
    '# A scripted customer walks the tau-bench retail tasks',
    '',
    'Written by `npm run bench:tau` (`bench/tau-walk.ts`); do not edit by hand.',
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}; Node ${process.version}`,
    `- **${passed.length} of ${results.length} shared tasks pass (${percent(passed.length, results.length)})**`,
    `- ${approved.length} of them needed a supervisor's approval (a refund over the automatic limit of $500.00), given through the agent API`,
    `- wall time ${seconds.toFixed(0)} s`,
    '',
    'For each shared task (`../shared/data/tau-retail/expected`), the store is reset to the tau-bench retail',
    'database and a scripted customer (`bench/tau-walk/customer.ts`) talks to the product over',
    '`POST /v1/conversations/:id/messages` with a channel token: one request per gold write action, in order, in',
    'one conversation. It says who it is (an e-mail it knows, else its name and zip code), picks the options',
    "whose ids are the action's arguments, writes addresses on one line, and says yes to a proposal that names",
    'what it asked for. Tasks without write actions ask where an order is. Afterwards the store is exported in',
    'the tau format: a task passes when every record the task changes equals the expected record (money to the',
    "cent, the reference's multi-item modify bug corrected, as in `test/integration/tau-conformance.test.ts`) and no other",
    "record changed. This is the reference's database check with a scripted user instead of an LLM one: it",
    'measures the conversation flows and the actions, not the understanding of free text (the customer derives',
    "its requests from the task's expected actions).",
    '',
    "The product's policy holds refunds over $500.00 for a supervisor (tau-bench's policy has no such limit). When",
    'the bot says a request waits for approval, a scripted supervisor lists it with `GET /v1/approvals` and approves',
    'it with `POST /v1/approvals/:id`; the customer then reads the outcome the conversation posts.',
    '',
  ];
  if (failed.length > 0) {
    lines.push('## Failing tasks by cause', '');
    for (const [cause, rs] of [...byCause].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`### ${cause} (${rs.length})`, '');
      for (const r of rs) lines.push(`- task ${r.taskId} (${requestsOf(r.file)}): ${escape(r.reason ?? '')}`);
      lines.push('');
    }
  }
  if (notes.length > 0) {
    lines.push('## Recovered on the way', '');
    for (const r of notes) for (const note of r.walk.notes) lines.push(`- task ${r.taskId}: ${escape(note)}`);
    lines.push('');
  }
  lines.push('## Every task', '', '| task | requests | result | supervisor | seconds |', '| ---: | --- | --- | --- | ---: |');
  for (const r of results) {
    lines.push(`| ${r.taskId} | ${requestsOf(r.file)} | ${r.passed ? 'pass' : '**fail**'} | ${r.approvals ? 'approved' : '–'} | ${(r.millis / 1000).toFixed(1)} |`);
  }
  return `${lines.join('\n')}\n`;
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
