import type { HelpCentreAnswer } from '../../domain/knowledge';
import { answerWithCitation } from '../../domain/knowledge/cite';
import { answerFromHelpCentre } from '../activity-proxies';

/** A cited answer from the help centre when it is confident; undefined leaves the turn to the next step. */
export async function answerQuestion(text: string): Promise<{ replies: { text: string }[] } | undefined> {
  const answer = await answerFromHelpCentre({ text });
  return citedReplies(answer);
}

/** What the help centre found for a message, and the cited reply when it is confident. */
export async function lookUpHelpCentre(text: string): Promise<{ found: HelpCentreAnswer; replies?: { text: string }[] }> {
  const found = await answerFromHelpCentre({ text });
  const cited = citedReplies(found);
  return cited ? { found, replies: cited.replies } : { found };
}

function citedReplies(answer: HelpCentreAnswer): { replies: { text: string }[] } | undefined {
  if (!answer.confident) return undefined;
  return { replies: [{ text: answerWithCitation(answer) }] };
}
