import type { CarriedState } from '../../domain/conversation';
import type { HelpCentreAnswer } from '../../domain/knowledge';
import { SOURCE_LINE, sourceParams } from '../../domain/knowledge/cite';
import { render } from '../../domain/messages';
import { answerFromHelpCentre } from '../activity-proxies';
import { labelLanguage, say } from './speaking';

type Speaker = Pick<CarriedState, 'language' | 'spoken'>;

/**
 * The help centre is asked in the conversation's language. English asks as it always did (no language
 * field), so English histories record the same activity input as before.
 */
function ask(text: string, speaker: Speaker | undefined): Promise<HelpCentreAnswer> {
  return answerFromHelpCentre({ text, ...(speaker ? labelLanguage(speaker) : {}) });
}

/** A cited answer from the help centre when it is confident; undefined leaves the turn to the next step. */
export async function answerQuestion(text: string, speaker?: Speaker): Promise<{ replies: { text: string }[] } | undefined> {
  const answer = await ask(text, speaker);
  return citedReplies(answer, speaker);
}

/** What the help centre found for a message, and the cited reply when it is confident. */
export async function lookUpHelpCentre(text: string, speaker?: Speaker): Promise<{ found: HelpCentreAnswer; replies?: { text: string }[] }> {
  const found = await ask(text, speaker);
  const cited = citedReplies(found, speaker);
  return cited ? { found, replies: cited.replies } : { found };
}

/** The passage as the article says it, and the source line from the catalogue (its English kept for the console). */
function citedReplies(answer: HelpCentreAnswer, speaker: Speaker | undefined): { replies: { text: string }[] } | undefined {
  if (!answer.confident) return undefined;
  // The line is in the article's language: the customer's when the help centre is written in it, else English.
  const params = sourceParams(answer);
  const source = speaker && answer.language ? say(speaker, SOURCE_LINE, params) : render(answer.language, SOURCE_LINE, params);
  return { replies: [{ text: `${answer.passage}\n\n${source}` }] };
}
