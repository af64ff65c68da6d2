// The help centre's retrieval: pure, so activities and workflow code can both use it.
export { ARTICLE_ID, parseBlocks, sectionsOf, type Article, type Block, type Section } from './article';
export { BM25_B, BM25_K1, buildIndex, idf, search, termScore, type Bm25Index, type SearchHit } from './bm25';
export { MAX_PASSAGE_CHARS, excerpt } from './excerpt';
export {
  MAX_CANDIDATES,
  MIN_LEAD_RATIO,
  MIN_QUERY_COVERAGE,
  MIN_TOPIC_COVERAGE,
  MIN_TOP_SCORE,
  findAnswer,
  queryCoverage,
  topicCoverage,
  type HelpCentreAnswer,
} from './answer';
export { SOURCE_LINE, answerWithCitation, articleUrl, sourceParams } from './cite';
export { STOP_WORDS, stem, tokenise } from './tokenise';
export { ANALYSED_LANGUAGES, stemIn, tokeniseIn } from './tokenise-languages';
