import type { LanguageGuess } from '../../domain/language/conversation-language';
import { languageText, wordCount } from './message-text';

/** The language of one customer message; pure once loaded, so it runs in an activity without I/O. */
export interface LanguageDetector {
  detect(text: string): LanguageGuess;
}

/**
 * ELD (Apache-2.0, 60 languages) with its `small` n-gram database: of the three maintained detectors we
 * compared on short support messages (eld, tinyld, franc) it was the most accurate, and the only one that
 * says when a guess is unreliable; `small` scores as `medium` and `large` do there with a quarter of the
 * large one's memory, which every worker pays (docs/BENCHMARKS.md, `npm run bench:language`).
 */
export async function loadLanguageDetector(): Promise<LanguageDetector> {
  const { eld } = await import('eld/small');
  return {
    detect(text) {
      const words = languageText(text);
      const count = wordCount(words);
      if (count === 0) return { reliable: false, words: 0 };
      const result = eld.detect(words);
      return { ...(result.language ? { language: result.language } : {}), reliable: result.isReliable(), words: count };
    },
  };
}
