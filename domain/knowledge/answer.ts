/**
 * Whether the help centre answers a question: only when the best passage scores high enough, covers
 * most of what the question asks about, belongs to an article about what the question names (its
 * title or tags), and is clearly ahead of the best passage of any other article about it.
 * Otherwise the caller gets a few candidate articles and decides what to do (ask, or hand over).
 */
import { idf, queryTerms, search, type Bm25Index, type SearchHit } from './bm25';
import { excerpt } from './excerpt';

/** The best passage must score at least this much (BM25 with BM25_K1 and BM25_B). */
export const MIN_TOP_SCORE = 4;
/** ...be this many times the score of the best passage from another article... */
export const MIN_LEAD_RATIO = 1.1;
/** ...and hold terms carrying at least this share of the question's idf weight (unknown words weigh most). */
export const MIN_QUERY_COVERAGE = 0.4;
/** Articles offered when the answer is not confident. */
export const MAX_CANDIDATES = 3;

export type HelpCentreAnswer =
  | {
      confident: true;
      articleId: string;
      title: string;
      passage: string;
      score: number;
      /** The article's language when it is not English (English answers stay as they were recorded). */
      language?: string;
    }
  | { confident: false; candidates: { articleId: string; title: string }[] };

/** ...and name what the article is about: terms of its title or tags carrying at least this share of the question's weight. */
export const MIN_TOPIC_COVERAGE = 0.15;

/** Of the question's idf weight, the share held by terms that `has` accepts, from 0 to 1. */
function weightShare(index: Bm25Index, query: string, has: (term: string) => boolean): number {
  let matched = 0;
  let total = 0;
  for (const term of queryTerms(query, index.language)) {
    const weight = idf(index, term);
    total += weight;
    if (has(term)) matched += weight;
  }
  return total > 0 ? matched / total : 0;
}

function indexedOf(index: Bm25Index, hit: SearchHit) {
  return index.sections.find((s) => s.section === hit.section);
}

/** How much of the question's weight the section's terms hold, from 0 to 1. */
export function queryCoverage(index: Bm25Index, hit: SearchHit, query: string): number {
  const indexed = indexedOf(index, hit);
  return indexed ? weightShare(index, query, (term) => indexed.termCounts.has(term)) : 0;
}

/** How much of the question's weight names the topic of the hit's article (its title and tags), from 0 to 1. */
export function topicCoverage(index: Bm25Index, hit: SearchHit, query: string): number {
  const indexed = indexedOf(index, hit);
  return indexed ? weightShare(index, query, (term) => indexed.topicTerms.has(term)) : 0;
}

/** The best passage of each article, best article first. */
export function bestPerArticle(index: Bm25Index, query: string): SearchHit[] {
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const hit of search(index, query, index.sections.length)) {
    if (seen.has(hit.section.articleId)) continue;
    seen.add(hit.section.articleId);
    hits.push(hit);
  }
  return hits;
}

export function findAnswer(index: Bm25Index, query: string): HelpCentreAnswer {
  const hits = bestPerArticle(index, query);
  const [top] = hits;
  // Only an article about the question competes: a passage that merely shares some of its words is no rival.
  const runnerUp = hits.slice(1).find((hit) => topicCoverage(index, hit, query) >= MIN_TOPIC_COVERAGE);
  const confident =
    top !== undefined &&
    top.score >= MIN_TOP_SCORE &&
    (runnerUp === undefined || top.score >= runnerUp.score * MIN_LEAD_RATIO) &&
    queryCoverage(index, top, query) >= MIN_QUERY_COVERAGE &&
    topicCoverage(index, top, query) >= MIN_TOPIC_COVERAGE;
  if (top && confident) {
    return {
      confident: true,
      articleId: top.section.articleId,
      title: top.section.title,
      passage: excerpt(top.section.text),
      score: Math.round(top.score * 1000) / 1000,
      ...(index.language === undefined ? {} : { language: index.language }),
    };
  }
  return {
    confident: false,
    candidates: hits.slice(0, MAX_CANDIDATES).map((hit) => ({ articleId: hit.section.articleId, title: hit.section.title })),
  };
}
