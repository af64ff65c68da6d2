// `npm run bench:tau [-- --tasks 0,16,22 --write false]`: a scripted customer walks every shared tau-bench
// retail task through the HTTP API (a fresh store per task, one dev server, worker and API for all),
// then the store is compared with the task's expected changes. A refund over the automatic limit
// waits for a supervisor, as the product's policy says: a scripted supervisor approves it through the
// agent API. Prints a line per task and the pass rate, and writes docs/TAU_WALK.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../config/args';
import { resolveTemporalCli } from '../dev/temporal-cli';
import { loadTask, taskFiles } from './tau-walk/tasks';
import { startProduct } from './tau-walk/product';
import { startTauWalkStack, walkTask, type TaskWalkResult } from './tau-walk/walk';

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

async function walkAll(files: readonly string[]): Promise<TaskWalkResult[]> {
  process.stderr.write('starting the Temporal dev server, the worker and the API on the tau-bench retail store...\n');
  const tau = await startTauWalkStack(await startProduct());
  const results: TaskWalkResult[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const result = await walkTask(tau, file);
      results.push(result);
      const verdict = result.passed ? 'pass' : 'FAIL';
      const lines = [
        `[${String(index + 1).padStart(2)}/${files.length}] task ${result.taskId.padStart(3)} ${verdict} ${(result.millis / 1000).toFixed(1).padStart(5)}s  ${requestsOf(file)}${result.approvals ? ' (supervisor approved)' : ''}`,
        ...(result.reason ? [`      ${result.reason}`] : []),
        ...result.walk.notes.map((note) => `      (note) ${note}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await tau.close();
  }
  return results;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['tasks', 'write']);
  const wanted = flags.get('tasks')?.split(',').map((id) => `task-${id.trim().padStart(3, '0')}.json`);
  const files = taskFiles().filter((file) => !wanted || wanted.includes(file));
  const write = flags.get('write') !== 'false' && !wanted;
  const cli = resolveTemporalCli({ log: (line) => process.stderr.write(`${line}\n`) });
  if (cli) process.env.TEMPORAL_CLI_PATH = cli;

  const started = Date.now();
  const results = await walkAll(files);
  const seconds = (Date.now() - started) / 1000;
  const passed = results.filter((r) => r.passed).length;
  const approved = results.filter((r) => r.approvals > 0).length;
  process.stdout.write(`\n${passed}/${results.length} tasks pass (${percent(passed, results.length)}); ${approved} needed a supervisor's approval; ${seconds.toFixed(0)}s\n`);
  if (write) {
    fs.writeFileSync(path.join(ROOT, 'docs', 'TAU_WALK.md'), report(results, seconds));
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
