import type { ServedLanguage } from '../language/languages';

/** The languages a template is written in besides English, whose text is the template's key. */
export type TranslatedLanguage = Exclude<ServedLanguage, 'en'>;

/** One template in every served language but English. Placeholders are `{name}`, the same in each. */
export type Translations = Readonly<Record<TranslatedLanguage, string>>;

/**
 * The customer-facing templates of one part of the conversation, keyed by their English text so the
 * code that uses them still reads as the sentence it says.
 */
export type Catalogue = Readonly<Record<string, Translations>>;
