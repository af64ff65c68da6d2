import type { temporal } from '@temporalio/proto';
import { workflowIdFor } from '../../domain/conversation';
import { eventually } from './eventually';
import type { TestStack } from './stack';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Waits until the conversation's workflow has received its `count`-th `signalName` signal and finished
 * the workflow task that handled it; returns the events from that signal on. A negative check ("nothing
 * more happened") then looks at what the workflow did with the signal, instead of sleeping and hoping.
 */
export async function eventsAfterSignalHandled(stack: TestStack, conversationId: string, signalName: string, count: number): Promise<HistoryEvent[]> {
  const handle = stack.env.client.workflow.getHandle(workflowIdFor(conversationId));
  return eventually(async () => {
    const events = (await handle.fetchHistory()).events ?? [];
    const signals = events.flatMap((e, i) => (e.workflowExecutionSignaledEventAttributes?.signalName === signalName ? [i] : []));
    const at = signals[count - 1];
    if (at === undefined) return undefined;
    const after = events.slice(at);
    return after.some((e) => e.workflowTaskCompletedEventAttributes) && after;
  }, `signal ${signalName} #${count} to be handled`);
}
