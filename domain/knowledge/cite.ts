/** The reply a customer reads: the passage, then where it comes from, so they can read the whole article. */
export function answerWithCitation(hit: { articleId: string; title: string; passage: string }): string {
  return `${hit.passage}\n\nSource: ${hit.title} (/help/${hit.articleId})`;
}
