/**
 * Walks shared tau-bench retail tasks through the running product: for each task a fresh store, a
 * new chat over the HTTP API with a channel token, the scripted customer, and then the store compared
 * with the task's expected changes. One dev server, worker and API serve every task.
 */
import type { Knex } from 'knex';
import { diffStores } from '../../tau/replay';
import { exportTauStore } from '../../tau/store/export';
import { STORE_TABLES } from '../../db/store/rows';
import { replaceStoreInTransaction } from '../../tau/store/replace-store';
import { readTauStoreFiles } from '../../tau/format/read-tau-files';
import type { TauStore } from '../../tau/format/records';
import { importTauStore } from '../../tau/store/import';
import { playCustomer, scriptFor, type BotReply, type CustomerScript, type CustomerWalk, type PlayOptions } from './customer';
import { apiCall, startChat, type Chat as EvalChat } from '../../eval/http-chat';
import type { RunningProduct } from './product';
import { TAU_DB_DIR, correctedTask, differencesFromExpected, loadTask, type ExpectedTask } from './tasks';

export interface TauWalkStack {
  stack: RunningProduct;
  channelToken: string;
  /** A supervisor who approves what the policy puts over the automatic refund limit. */
  supervisorToken: string;
  /** The tau files as read, to put back before each task. */
  seed: TauStore;
  /** The store as exported right after the import: what "unchanged" means. */
  initial: TauStore;
  close(): Promise<void>;
}

export interface TaskWalkResult {
  taskId: string;
  file: string;
  passed: boolean;
  /** The first thing that went wrong in the conversation, else the first difference in the store. */
  reason?: string;
  /** Records that differ from the task's expected end state. */
  differences: string[];
  walk: CustomerWalk;
  conversationId?: string;
  /** Proposals the supervisor approved on the way. */
  approvals: number;
  millis: number;
}

/** The tau-bench retail database imported into a running product (with an empty store), and tokens to talk to it. */
export async function startTauWalkStack(stack: RunningProduct): Promise<TauWalkStack> {
  try {
    await importTauStore(stack.database.db, TAU_DB_DIR);
    const [channelToken, supervisorToken, seed, initial] = await Promise.all([
      stack.token('channel'),
      stack.token('supervisor'),
      readTauStoreFiles(TAU_DB_DIR),
      exportTauStore(stack.database.db),
    ]);
    return { stack, channelToken, supervisorToken, seed, initial, close: () => stack.close() };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

/**
 * Puts the store back as it was imported, and forgets what earlier conversations left about its
 * orders (refund ledger, notifications, pending returns, handoffs): every table but the store's own,
 * the tokens and the migrations' bookkeeping is emptied, newest tables first so children go before parents.
 */
export async function resetStore(db: Knex, seed: TauStore): Promise<void> {
  await db.transaction(async (trx) => {
    const tables = ((await trx('sqlite_master').where({ type: 'table' }).orderBy('rowid', 'desc').select('name')) as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !name.startsWith('sqlite_') && !name.startsWith('knex_') && name !== 'api_tokens' && !(STORE_TABLES as readonly string[]).includes(name));
    for (const table of tables) await trx(table).delete();
    await replaceStoreInTransaction(trx, seed);
  });
}

/** One task end to end: fresh store, the customer's conversation, the store compared with the expected one. */
export async function walkTask(
  tau: TauWalkStack,
  file: string,
  options: PlayOptions & {
    script?: (task: ExpectedTask) => CustomerScript;
    /** Who plays the script: the id-based customer unless told otherwise (the natural one). */
    play?: (script: CustomerScript, say: (text: string) => Promise<BotReply>, options: PlayOptions) => Promise<CustomerWalk>;
    /** Another task file whose expected changes the store is held to (to check that the comparison can fail). */
    expectationsOf?: string;
    /** The supervisor's answer to approval requests; without one the request just waits. */
    supervisor?: 'approve' | 'none';
  } = {},
): Promise<TaskWalkResult> {
  const started = Date.now();
  const task = correctedTask(loadTask(file));
  const db = tau.stack.database.db;
  await resetStore(db, tau.seed);
  const script = (options.script ?? scriptFor)(task);
  let walk: CustomerWalk = { transcript: [], problems: [], notes: [], outcomes: [] };
  let conversationId: string | undefined;
  let approvals = 0;
  try {
    const chat = await startChat<ChatView>(tau.stack, tau.channelToken);
    conversationId = chat.id;
    const say = async (text: string): Promise<BotReply> => {
      const reply = (await chat.say(text)) as BotReply;
      if (options.supervisor === 'none' || !waitsForApproval(reply)) return reply;
      approvals++;
      return approveAsSupervisor(tau, chat);
    };
    walk = await (options.play ?? playCustomer)(script, say, options);
  } catch (error) {
    walk.problems.push(`the conversation broke: ${(error as Error).message}`);
  }
  const expected = options.expectationsOf ? correctedTask(loadTask(options.expectationsOf)).diff : task.diff;
  const differences = differencesFromExpected(diffStores(tau.initial, await exportTauStore(db)), expected);
  const passed = differences.length === 0;
  const reason = passed ? undefined : (walk.problems[0] ?? differences[0]);
  return { taskId: task.id, file, passed, ...(reason ? { reason } : {}), differences, walk, ...(conversationId ? { conversationId } : {}), approvals, millis: Date.now() - started };
}

const waitsForApproval = (reply: BotReply) => (reply.actions ?? []).some((a) => a.status === 'proposed' && /waiting for supervisor approval/.test(a.detail ?? ''));

/**
 * A supervisor, through the agent API, approves the conversation's pending request; the customer
 * then reads what the bot said about it, as their channel would show it.
 */
async function approveAsSupervisor(tau: TauWalkStack, chat: Chat): Promise<BotReply> {
  const before = await chat.view();
  const listed = await apiCall(tau.stack, 'GET', '/v1/approvals', tau.supervisorToken);
  const approval = (listed.body as { approvals: { approvalId: string; conversationId: string }[] }).approvals.find((a) => a.conversationId === chat.id);
  if (!approval) throw new Error(`no approval request listed for conversation ${chat.id}`);
  const decided = await apiCall(tau.stack, 'POST', `/v1/approvals/${approval.approvalId}`, tau.supervisorToken, { decision: 'approve' });
  if (decided.status !== 202) throw new Error(`the approval was refused: ${decided.status} ${JSON.stringify(decided.body)}`);
  const after = await waitFor(async () => {
    const view = await chat.view();
    return view.decisions.some((d) => d.kind === 'approval' && /^approved by/.test(d.reason ?? '')) && view.transcript.length > before.transcript.length + 1 ? view : undefined;
  }, 'the approved request to run', 60_000);
  return {
    replies: after.transcript.slice(before.transcript.length).filter((t) => t.from === 'bot').map((t) => ({ text: t.text })),
    status: after.status,
    actions: after.actions.slice(before.actions.length),
  } as BotReply;
}

/** The parts of GET /v1/conversations/:id that the supervisor's step reads. */
interface ChatView {
  status: string;
  transcript: { from: string; text: string }[];
  decisions: { kind: string; reason?: string }[];
  actions: NonNullable<BotReply['actions']>;
}

type Chat = EvalChat<ChatView>;

/** Polls until `check` returns a value, for what a signal sets going; throws when the time is up. */
async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
