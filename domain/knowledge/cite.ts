import { render } from '../messages/render';

/** Where an article's page is: English at /help/<id>, every other language at /help/<language>/<id>. */
export function articleUrl(articleId: string, language?: string): string {
  const id = encodeURIComponent(articleId);
  return language === undefined || language === 'en' ? `/help/${id}` : `/help/${encodeURIComponent(language)}/${id}`;
}

/** The line naming the article a reply quotes, in the article's language. */
export const SOURCE_LINE = 'Source: {title} ({url})';

export function sourceParams(hit: { articleId: string; title: string; language?: string }): { title: string; url: string } {
  return { title: hit.title, url: articleUrl(hit.articleId, hit.language) };
}

/** The reply a customer reads: the passage, then where it comes from, so they can read the whole article. */
export function answerWithCitation(hit: { articleId: string; title: string; passage: string; language?: string }): string {
  return `${hit.passage}\n\n${render(hit.language, SOURCE_LINE, sourceParams(hit))}`;
}
