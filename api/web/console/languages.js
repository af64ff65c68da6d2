// @ts-check
// The customer's language as a person reads it, and whether the person signed in reads it. The same
// rule as the API's claim warning (domain/handoff/language-routing.ts): primary subtags compared, a
// token with no languages counted as English only.

/** @param {string} code */
const primaryOf = (code) => code.trim().toLowerCase().split('-')[0] ?? code;

/**
 * "German (de)": the language's English name and its code, or the code alone when it has no name.
 * @param {string} code
 */
export function languageLabel(code) {
  let name;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    name = undefined;
  }
  return name ? `${name} (${code})` : code;
}

/** @param {readonly string[]} languages */
export const languagesRead = (languages) => (languages.length ? [...new Set(languages.map(primaryOf))] : ['en']);

/**
 * @param {readonly string[]} languages the person's, from /v1/me
 * @param {string} code the customer's
 */
export const reads = (languages, code) => languagesRead(languages).includes(primaryOf(code));

/**
 * "German (de), French (fr)", or what a token with none counts as.
 * @param {readonly string[]} languages
 */
export const languagesOfPerson = (languages) => (languages.length ? languages.map(languageLabel).join(', ') : 'English only (your token lists no languages)');
