import { answerWithCitation } from '../../domain/knowledge/cite';
import { answerFromHelpCentre } from '../activity-proxies';

/** A cited answer from the help centre when it is confident; undefined leaves the turn to the next step. */
export async function answerQuestion(text: string): Promise<{ replies: { text: string }[] } | undefined> {
  const answer = await answerFromHelpCentre({ text });
  if (!answer.confident) return undefined;
  return { replies: [{ text: answerWithCitation(answer) }] };
}
