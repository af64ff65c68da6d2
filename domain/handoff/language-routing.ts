import { DEFAULT_LANGUAGE } from '../language/languages';

/**
 * Who can answer a handoff in the customer's language. Languages are compared by their primary
 * subtag ("pt-br" speaks "pt"); a person whose token lists no languages is taken to read English only.
 */
export function languagesSpoken(languages: readonly string[]): string[] {
  const primary = languages.map(primaryOf);
  return primary.length ? [...new Set(primary)] : [DEFAULT_LANGUAGE];
}

export function speaks(languages: readonly string[], language: string): boolean {
  return languagesSpoken(languages).includes(primaryOf(language));
}

/** "German", "Brazilian Portuguese": a language's English name, for people; the code itself when it has none. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name ?? code;
  } catch {
    return code;
  }
}

export interface LanguageWarning {
  code: 'language_not_spoken';
  /** The customer's language (BCP 47). */
  language: string;
  message: string;
}

/**
 * The claim still goes through (better a person with a dictionary than a customer left waiting),
 * but the person is told before they answer.
 */
export function claimLanguageWarning(language: string, person: { languages: readonly string[] }): LanguageWarning | undefined {
  if (speaks(person.languages, language)) return undefined;
  const listed = person.languages.length ? `your token lists ${person.languages.join(', ')}` : 'your token lists no languages, so it counts as English only';
  return {
    code: 'language_not_spoken',
    language,
    message: `This customer writes in ${languageName(language)} (${language}) and ${listed}: answer in their language, or ask a supervisor to give it to someone who speaks it.`,
  };
}

const primaryOf = (code: string): string => code.trim().toLowerCase().split('-')[0] ?? code;
