import { foldForMatching, LANGUAGE_NAMES } from './languages';

/**
 * A customer asking for another language: "can we speak German?", "auf Deutsch bitte", "en español,
 * por favor", "em português". Only a language name next to words that ask for speaking, writing or
 * answering in it counts, so "I bought a German dictionary" changes nothing.
 */
const ASKING = [
  // English
  /\b(?:in|speak|talk|write|answer|reply|respond|switch to|change to|prefer)\s+(?:\w+\s+){0,2}?LANG\b/,
  /\bLANG\s+(?:please|pls)\b/,
  /\bdo you (?:speak|understand)\s+LANG\b/,
  // German
  /\bauf\s+LANG\b/,
  /\b(?:sprechen|sprichst|schreiben)\s+(?:sie\s+|du\s+)?LANG\b/,
  /\bLANG\s+(?:sprechen|schreiben|reden|weitermachen|antworten)\b/,
  // Spanish, Portuguese, French ("en español", "em português", "en français", "hablas español")
  /\b(?:en|em|habla|hablas|hablan|falam|fala|falas)\s+(?:\w+\s+)?LANG\b/,
  /\b(?:parlez|parles|parler)(?:-vous|-tu)?\s+(?:en\s+)?LANG\b/,
];

/** The language the customer asks for in this message, if they ask for one. */
export function requestedLanguage(text: string): string | undefined {
  const folded = foldForMatching(text);
  for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
    for (const name of names) {
      if (!folded.includes(name)) continue;
      if (ASKING.some((pattern) => new RegExp(pattern.source.replace('LANG', name)).test(folded))) return code;
    }
  }
  return undefined;
}
