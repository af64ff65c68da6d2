/**
 * Okapi BM25 over help-centre sections. Plain data and pure functions: the index is built once by
 * whoever loads the articles and can be searched anywhere, workflow code included.
 */
import type { Section } from './article';
import { tokeniseIn } from './tokenise-languages';

/** How quickly repeating a term stops adding to the score (tf saturation). */
export const BM25_K1 = 1.2;
/** How much a long section is penalised for its length (0 = not at all, 1 = fully). */
export const BM25_B = 0.75;

export interface IndexedSection {
  section: Section;
  /** Term → how often it occurs in the section. */
  termCounts: ReadonlyMap<string, number>;
  length: number;
  /** The terms of its article's title and tags. */
  topicTerms: ReadonlySet<string>;
}

export interface Bm25Index {
  sections: readonly IndexedSection[];
  /** Term → how many sections contain it. */
  documentFrequency: ReadonlyMap<string, number>;
  averageLength: number;
  /** The language its sections are written in, which questions are read in too; absent is English. */
  language?: string;
}

export interface SearchHit {
  section: Section;
  score: number;
}

export function buildIndex(sections: readonly Section[], language?: string): Bm25Index {
  const tokenise = (text: string) => tokeniseIn(language, text);
  const documentFrequency = new Map<string, number>();
  const indexed = sections.map((section) => {
    const terms = tokenise(section.searchText);
    const termCounts = new Map<string, number>();
    for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    for (const term of termCounts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    return { section, termCounts, length: terms.length, topicTerms: new Set(tokenise(section.topicText)) };
  });
  const total = indexed.reduce((sum, s) => sum + s.length, 0);
  return {
    sections: indexed,
    documentFrequency,
    averageLength: indexed.length === 0 ? 0 : total / indexed.length,
    ...(language === undefined || language === 'en' ? {} : { language }),
  };
}

/** Inverse document frequency, in the always-positive form Lucene uses; a term no section has gets the most. */
export function idf(index: Bm25Index, term: string): number {
  const n = index.sections.length;
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** One term's contribution for a section holding it `tf` times, in a section `length` terms long. */
export function termScore(termIdf: number, tf: number, length: number, averageLength: number): number {
  if (tf <= 0) return 0;
  const norm = BM25_K1 * (1 - BM25_B + BM25_B * (averageLength > 0 ? length / averageLength : 1));
  return (termIdf * tf * (BM25_K1 + 1)) / (tf + norm);
}

/** The distinct terms of a query, read in the index's language: repeating a word in a question does not weigh it more. */
export function queryTerms(query: string, language?: string): string[] {
  return [...new Set(tokeniseIn(language, query))];
}

export function scoreSection(index: Bm25Index, indexed: IndexedSection, terms: readonly string[]): number {
  let score = 0;
  for (const term of terms) {
    score += termScore(idf(index, term), indexed.termCounts.get(term) ?? 0, indexed.length, index.averageLength);
  }
  return score;
}

/** The k best sections with a score above 0, best first; ties keep the order of the articles. */
export function search(index: Bm25Index, query: string, k: number): SearchHit[] {
  const terms = queryTerms(query, index.language);
  if (terms.length === 0 || k <= 0) return [];
  return index.sections
    .map((indexed, position) => ({ section: indexed.section, score: scoreSection(index, indexed, terms), position }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, k)
    .map(({ section, score }) => ({ section, score }));
}
