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
/**
 * How far the best language must lead the next for the guess to count. eld calls a near tie reliable
 * ("I forgot my password" is Malay by 0.016 over Italian, a spelled-out e-mail address Portuguese by 0),
 * and a near tie must not move a conversation; on the detection set this leaves 185 of 189 right guesses.
 */
const MIN_LEAD = 0.03;

export async function loadLanguageDetector(): Promise<LanguageDetector> {
  const { eld } = await import('eld/small');
  return {
    detect(text) {
      const words = languageText(text);
      const count = wordCount(words);
      if (count === 0) return { reliable: false, words: 0 };
      const result = eld.detect(words);
      const [best = 0, next = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
      return { ...(result.language ? { language: result.language } : {}), reliable: result.isReliable() && best - next >= MIN_LEAD, words: count };
    },
  };
}
