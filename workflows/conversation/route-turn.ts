import { asksHelpCentre, routeTurn } from '../../domain/dialogue/help-or-action';
import type { CarriedState } from '../../domain/conversation';
import { intentDefinition } from '../../domain/intents';
import type { CustomerFlowKind } from './flows';
import { lookUpHelpCentre } from './knowledge';

/** Where a new request goes: a flow to start (with the article beside it, sometimes), a cited article, or neither. */
export interface RoutedRequest {
  flow?: { kind: CustomerFlowKind; byCandidate: boolean; beside: { text: string }[] };
  article?: { replies: { text: string }[] };
}

/** Asks the help centre when it can matter, and lets the request and the article decide together. */
export async function routeNewRequest(
  text: string,
  label: string | undefined,
  candidate: string | undefined,
  /** The flow an intent starts, if any (several intents may start one flow). */
  flowKindOf: (intent: string) => CustomerFlowKind | undefined,
  /** Whose language the help centre answers in (English without it). */
  speaker?: Pick<CarriedState, 'language' | 'spoken'>,
): Promise<RoutedRequest> {
  const startsFlow = (intent: string): intent is string => flowKindOf(intent) !== undefined;
  const asked = asksHelpCentre(label, (l) => intentDefinition(l)?.kind, startsFlow) ? await lookUpHelpCentre(text, speaker) : undefined;
  const route = routeTurn({ ...(label ? { label } : {}), ...(candidate ? { candidate } : {}), ...(asked ? { found: asked.found } : {}) }, startsFlow);
  const kind = route.to === 'flow' ? flowKindOf(route.flow) : undefined;
  if (route.to === 'flow' && kind) {
    return { flow: { kind, byCandidate: route.why === 'candidate_and_article', beside: route.withArticle ? (asked?.replies ?? []) : [] } };
  }
  if (route.to === 'article' && asked?.replies) return { article: { replies: asked.replies } };
  return {};
}
