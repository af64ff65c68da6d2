import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import { answerWithCitation } from '../../domain/knowledge/cite';

type Activities = ReturnType<typeof createActivities>;

// Retrieval is in-memory and fast; a failure is worth a couple of quick retries, not a long wait.
const { answerFromHelpCentre } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '200 milliseconds' },
});

/** A cited answer from the help centre when it is confident; undefined leaves the turn to the next step. */
export async function answerQuestion(text: string): Promise<{ replies: { text: string }[] } | undefined> {
  const answer = await answerFromHelpCentre({ text });
  if (!answer.confident) return undefined;
  return { replies: [{ text: answerWithCitation(answer) }] };
}
