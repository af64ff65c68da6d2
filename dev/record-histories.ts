// `npm run record-histories`: records the workflow histories that the replay test keeps replaying.
// Re-record only on purpose (a new scenario, or a deliberate versioned change), never to silence a failing replay.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor, type AgentCommand } from '../domain/conversation';
import { closeDatabase, openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { HttpPaymentProvider } from '../payments/http-payment-provider';
import { createConversationWorker } from '../workers/conversation-worker';
import { ConversationWorkflow } from '../workflows';
import { agentCommandUpdate, messageUpdate } from '../workflows/definitions';
import { resolveTemporalCli } from './temporal-cli';

/** A customer message, or a person's command on the conversation. */
type Step = string | AgentCommand;

const alex = { by: 'Alex', role: 'agent' as const };
const SCENARIOS: { name: string; steps: Step[]; idleTimeoutMs?: number }[] = [
  { name: 'greeting-and-thanks', steps: ['Hello', 'where is order #W1234567?', 'thanks', 'bye'] },
  { name: 'unclear-twice', steps: ['blorp', 'the parcel smells funny'] },
  { name: 'idle-close', steps: ['hi'], idleTimeoutMs: 1000 },
  {
    name: 'handed-over',
    steps: [
      'I want to talk to a human',
      'hello? anyone?',
      { action: 'claim', ...alex },
      { action: 'reply', ...alex, text: 'Hi, Alex here. How can I help?' },
      { action: 'resolve', ...alex, outcome: 'answered the question' },
      '5',
    ],
  },
];

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '..', 'test', 'fixtures', 'histories');
  fs.mkdirSync(out, { recursive: true });
  const cliPath = resolveTemporalCli();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { ...(cliPath ? { executable: { type: 'existing-path', path: cliPath } } : {}), ip: '127.0.0.1' },
  });
  const db = openDatabase({ sqliteFile: path.join(out, '..', '..', '..', 'data', 'record-histories.sqlite') });
  try {
    await migrateToLatest(db);
    const taskQueue = 'record-histories';
    // These scenarios move no money; a provider that is never called keeps the recording self-contained.
    const payments = new HttpPaymentProvider('http://127.0.0.1:9');
    const worker = await createConversationWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, db, payments });
    await worker.runUntil(async () => {
      for (const scenario of SCENARIOS) {
        const conversationId = `recorded-${scenario.name}`;
        const handle = await env.client.workflow.start(ConversationWorkflow, {
          workflowId: workflowIdFor(conversationId),
          taskQueue,
          args: [{ conversationId, channel: 'chat', idleTimeoutMs: scenario.idleTimeoutMs ?? 3_600_000 }],
        });
        for (const step of scenario.steps) {
          if (typeof step === 'string') await handle.executeUpdate(messageUpdate, { args: [step] });
          else await handle.executeUpdate(agentCommandUpdate, { args: [step] });
        }
        if (scenario.idleTimeoutMs) await handle.result();
        const file = path.join(out, `${scenario.name}.json`);
        fs.writeFileSync(file, `${historyToJSON(await handle.fetchHistory())}\n`);
        console.log(`recorded ${path.relative(process.cwd(), file)}`);
      }
    });
  } finally {
    await closeDatabase(db);
    await env.teardown();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
