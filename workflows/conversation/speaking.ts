import type { CarriedState } from '../../domain/conversation';
import { DEFAULT_LANGUAGE } from '../../domain/language/languages';
import { render, type MessageKey, type MessageParams } from '../../domain/messages';

/** The language the bot answers this conversation in (BCP 47 primary subtag). */
export function languageOf(state: Pick<CarriedState, 'language'>): string {
  return state.language?.language ?? DEFAULT_LANGUAGE;
}

/**
 * The language field for an activity that words or labels something for the customer (orders, payment
 * methods, help-centre answers, mails); English conversations send none, so their inputs stay as they were.
 */
export function labelLanguage(state: Pick<CarriedState, 'language'>): { language?: string } {
  const language = languageOf(state);
  return language === DEFAULT_LANGUAGE ? {} : { language };
}

/**
 * A template in the conversation's language, its placeholders filled and formatted for the locale.
 * In another language than English the English rendering is kept beside it for the agent's console.
 */
export function say(state: Pick<CarriedState, 'language' | 'spoken'>, key: MessageKey, params?: MessageParams): string {
  const language = languageOf(state);
  const text = render(language, key, params);
  if (language !== DEFAULT_LANGUAGE) {
    const english = render(DEFAULT_LANGUAGE, key, params);
    if (english !== text) (state.spoken ??= []).push({ text, english });
  }
  return text;
}

/**
 * The English of a reply put together from templates rendered in another language: each rendered piece,
 * longest first, is put back into English (a piece inside another comes back after the outer one).
 */
export function englishOf(text: string, spoken: readonly { text: string; english: string }[]): string {
  let english = text;
  for (const piece of [...spoken].sort((a, b) => b.text.length - a.text.length)) english = english.split(piece.text).join(piece.english);
  return english;
}
