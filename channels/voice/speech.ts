import type { Awaiting, ReplyOption } from '../../domain/conversation';
import { render } from '../../domain/messages';

/**
 * The conversation's replies as a phone line says them, and a caller's keys and words as the
 * conversation reads them. Pure: the webhook and the tests share them.
 */

/** DTMF has one key per choice; a longer list is offered by voice up to here and then by name. */
const MAX_KEYED_OPTIONS = 9;

const digitByDigit = (digits: string) => digits.split('').join(' ');

/** `$1,234.50` → `1 2 3 4 dollars and 5 0 cents`: a text-to-speech voice misreads grouped figures less when told each digit. */
function spokenAmount(_match: string, dollars: string, cents: string | undefined): string {
  const whole = digitByDigit(dollars.replace(/,/g, ''));
  const unit = whole === '1' ? 'dollar' : 'dollars';
  if (!cents || /^0+$/.test(cents)) return `${whole} ${unit}`;
  return `${whole} ${unit} and ${digitByDigit(cents)} cents`;
}

/** One line of a reply in words a phone voice reads right: ids, amounts and figures digit by digit, no links or markup. */
export function spokenLine(text: string, language?: string): string {
  return text
    .replace(/https?:\/\/\S+/g, () => render(language, 'a web link'))
    .replace(/[*_`>]+/g, ' ')
    .replace(/#?\b([A-Z])(\d{4,})\b/g, (_m, letter: string, digits: string) => `${letter} ${digitByDigit(digits)}`)
    .replace(/\$(\d[\d,]*)(?:\.(\d{1,2}))?/g, spokenAmount)
    .replace(/\b(\d)\s*[–-]\s*(\d)\b/g, '$1 to $2')
    .replace(/\d{2,}/g, digitByDigit)
    .replace(/\s*\(([^)]*)\)/g, ', $1,')
    .replace(/,\s*([.,!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s,]+$/, '')
    .trim();
}

/** A reply as short sentences, one `<Say>` each, so the caller hears pauses between them. */
export function spokenSentences(text: string, language?: string): string[] {
  return text
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((part) => spokenLine(part.replace(/^\s*(?:[-•]|\d+\.)\s+/, ''), language))
    .map((part) => part.replace(/;$/, '.'))
    .filter((part) => /[A-Za-z0-9]/.test(part));
}

/** What the caller is asked to do next, in the conversation's language: keys for choices, "yes" or a key for a confirmation. */
export function spokenChoices(awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined, language?: string): string[] {
  if (awaiting === 'confirmation') return [render(language, 'Say yes or press 1 to confirm.'), render(language, 'Say no or press 2 if not.')];
  if (!options?.length) return [];
  const keyed = options
    .slice(0, MAX_KEYED_OPTIONS)
    .map((option, index) => render(language, 'Press {key} for {option}.', { key: String(index + 1), option: spokenLine(option.label, language) }));
  return options.length > MAX_KEYED_OPTIONS ? [...keyed, render(language, 'Or say the one you want.')] : keyed;
}

/** A key pressed as the conversation reads it: the option it stands for, yes or no to a confirmation, or the digits themselves (a zip code, an order number). */
export function answerFromKeys(digits: string, awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined): string {
  if (awaiting === 'confirmation') {
    if (digits === '1') return 'yes';
    if (digits === '2') return 'no';
  }
  const chosen = /^[1-9]$/.test(digits) ? options?.slice(0, MAX_KEYED_OPTIONS)[Number(digits) - 1] : undefined;
  return chosen ? chosen.id : digits;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * What the caller said as the conversation reads it: "option two" or "press 2" picks that option,
 * and an e-mail address spoken as words ("maya dot okafor at example dot com") is written as one.
 */
export function answerFromSpeech(speech: string, awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined): string {
  const said = speech.trim().replace(/[.!?]+$/, '');
  const number = /^(?:(?:option|number|press|pressing)\s+)?(one|two|three|four|five|six|seven|eight|nine|[1-9])$/i.exec(said)?.[1]?.toLowerCase();
  if (number && (options?.length || awaiting === 'confirmation')) {
    const digit = /^\d$/.test(number) ? number : String(NUMBER_WORDS.indexOf(number) + 1);
    return answerFromKeys(digit, awaiting, options);
  }
  if (awaiting === 'email' && /\s(?:at)\s/i.test(` ${said} `) && !said.includes('@')) {
    return said
      .replace(/\s+at\s+/gi, '@')
      .replace(/\s+dot\s+/gi, '.')
      .replace(/\s+(?:underscore)\s+/gi, '_')
      .replace(/\s+/g, '')
      .toLowerCase();
  }
  return said;
}

/** An SMS answer: the replies, then the choices as a numbered list the customer answers by number, in the replies' language. */
export function smsText(replies: readonly string[], awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined, language?: string): string {
  const parts = [...replies];
  if (awaiting === 'confirmation') parts.push(render(language, 'Reply YES to confirm or NO if not.'));
  else if (options?.length) {
    parts.push([...options.map((option, index) => `${index + 1}. ${option.label}`), render(language, 'Reply with a number.')].join('\n'));
  }
  return parts.join('\n\n');
}

/** An SMS answer as the conversation reads it: a number from the list is that option. */
export function answerFromSms(body: string, awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined): string {
  const text = body.trim();
  const number = /^(\d{1,2})[.)]?$/.exec(text)?.[1];
  if (number && awaiting !== 'confirmation' && options?.length) {
    const chosen = options[Number(number) - 1];
    if (chosen) return chosen.id;
  }
  return text;
}
