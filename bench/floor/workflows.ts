// The floor of a turn: a workflow whose Update handler records the message and returns at once. Its own
// bundle and task queue (bench/floor-service.ts), on the same Temporal server as the product.
import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

export const floorMessage = defineUpdate<{ replies: { text: string }[] }, [string]>('floorMessage');
export const floorTranscript = defineQuery<string[]>('floorTranscript');

export async function floorConversation(): Promise<void> {
  const messages: string[] = [];
  setHandler(floorMessage, (text) => {
    messages.push(text);
    return { replies: [{ text: 'ok' }] };
  });
  setHandler(floorTranscript, () => messages);
  // Open as long as the bench runs; the bench terminates what it started.
  await condition(() => false);
}
