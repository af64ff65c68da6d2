import { findAnswer, type HelpCentreAnswer } from '../domain/knowledge';
import { helpCentreFor } from '../knowledge/help-centre';

export interface HelpCentreActivityDeps {
  /** Defaults to the articles the product ships. */
  articlesDir?: string;
}

/**
 * Knowledge retrieval as an activity: the articles stay in the worker's memory, and only the chosen
 * passage (at most MAX_PASSAGE_CHARS) or a few article ids and titles enter the workflow history.
 */
export function createHelpCentreActivities(deps: HelpCentreActivityDeps = {}) {
  return {
    /** Answered from the articles in the customer's language; a language without them gets the English ones. */
    async answerFromHelpCentre(request: { text: string; language?: string }): Promise<HelpCentreAnswer> {
      return findAnswer(helpCentreFor(request.language, deps.articlesDir).index, request.text);
    },
  };
}
