import { checkPhrasing } from '../domain/reply-fact-check';
import { describeLlmFailure, type ReplyPhraser } from '../llm/anthropic-reply-phraser';

export interface PhraseReplyDeps {
  /** Claude's phrasing; absent when ANTHROPIC_API_KEY is unset. */
  phraser?: ReplyPhraser;
}

export interface PhraseReplyRequest {
  template: string;
  facts: string[];
  channel: string;
  customerText?: string;
  /** The conversation's language when it is not English (BCP 47). */
  language?: string;
}

export interface PhrasedReply {
  text: string;
  source: 'llm' | 'template';
  /** Why the template was used instead of the LLM's phrasing. */
  rejected?: string;
}

/**
 * The LLM may word a reply, never change it: its phrasing is checked against the template and the
 * facts, and the template is used whenever the check or the LLM fails. This never throws, so a
 * phrasing problem cannot fail a turn.
 */
export function createPhraseReplyActivities(deps: PhraseReplyDeps) {
  return {
    async phraseReply(request: PhraseReplyRequest): Promise<PhrasedReply> {
      const template = (rejected: string): PhrasedReply => ({ text: request.template, source: 'template', rejected });
      if (!deps.phraser) return template('no LLM is configured');
      if (request.template.trim() === '') return template('the template is empty');
      let candidate: string;
      try {
        candidate = await deps.phraser(request);
      } catch (err) {
        return template(describeLlmFailure(err));
      }
      const check = checkPhrasing(candidate, request.template, request.facts, request.language);
      return check.ok ? { text: candidate.trim(), source: 'llm' } : template(check.reason);
    },
  };
}
