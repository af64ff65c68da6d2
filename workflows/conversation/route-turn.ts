import { asksHelpCentre, routeTurn } from '../../domain/dialogue/help-or-action';
import { intentDefinition } from '../../domain/intents';
import { isCustomerFlowKind, type CustomerFlowKind } from './flows';
import { lookUpHelpCentre } from './knowledge';

/** Where a new request goes: a flow to start (with the article beside it, sometimes), a cited article, or neither. */
export interface RoutedRequest {
  flow?: { kind: CustomerFlowKind; byCandidate: boolean; beside: { text: string }[] };
  article?: { replies: { text: string }[] };
}

/** Asks the help centre when it can matter, and lets the request and the article decide together. */
export async function routeNewRequest(text: string, label: string | undefined, candidate: string | undefined): Promise<RoutedRequest> {
  const asked = asksHelpCentre(label, (l) => intentDefinition(l)?.kind, isCustomerFlowKind) ? await lookUpHelpCentre(text) : undefined;
  const route = routeTurn({ ...(label ? { label } : {}), ...(candidate ? { candidate } : {}), ...(asked ? { found: asked.found } : {}) }, isCustomerFlowKind);
  if (route.to === 'flow') {
    return { flow: { kind: route.flow, byCandidate: route.why === 'candidate_and_article', beside: route.withArticle ? (asked?.replies ?? []) : [] } };
  }
  if (route.to === 'article' && asked?.replies) return { article: { replies: asked.replies } };
  return {};
}
