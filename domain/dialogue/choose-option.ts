import type { ReplyOption } from '../conversation';
import { foldAccents } from '../entities';

const ORDINALS: Record<string, number> = {
  first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4, last: -1,
};

// Positions in German, Spanish, French and Portuguese ("die zweite", "la primera", "le dernier", "a última"), on folded text.
const ORDINALS_OTHER: Record<string, number> = {
  ...Object.fromEntries(
    (
      [
        ['erst', 0], ['zweit', 1], ['dritt', 2], ['viert', 3], ['funft', 4], ['letzt', -1],
      ] as const
    ).flatMap(([stem, i]) => ['e', 'en', 'er', 'es'].map((end) => [`${stem}${end}`, i])),
  ),
  primer: 0, primero: 0, primera: 0, segundo: 1, segunda: 1, tercer: 2, tercero: 2, tercera: 2, cuarto: 3, cuarta: 3, quinto: 4, quinta: 4, ultimo: -1, ultima: -1,
  premier: 0, premiere: 0, deuxieme: 1, seconde: 1, troisieme: 2, quatrieme: 3, cinquieme: 4, dernier: -1, derniere: -1,
  primeiro: 0, primeira: 0, terceiro: 2, terceira: 2, quarto: 3, quarta: 3,
};
const ORDINAL_OTHER = new RegExp(`(?<![\\p{L}])(${Object.keys(ORDINALS_OTHER).join('|')})(?![\\p{L}])`, 'u');

/** The position an answer names ("the second one", "la segunda"), when it names one: 0-based, -1 for the last. */
function ordinalIn(text: string): number | undefined {
  const english = /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\b/.exec(text)?.[1];
  if (english) return ORDINALS[english];
  const other = ORDINAL_OTHER.exec(foldAccents(text))?.[1];
  return other === undefined ? undefined : ORDINALS_OTHER[other];
}

/**
 * Which offered option a customer's answer means: its id, its label, a position ("the second
 * one", "2"), or one option's id or label inside a longer sentence. Undefined when it is not
 * exactly one of them, so the bot asks again rather than guess.
 */
export function chooseOption(answer: string, options: readonly ReplyOption[]): ReplyOption | undefined {
  const text = answer.trim().toLowerCase().replace(/[.!?]+$/, '');
  if (!text || options.length === 0) return undefined;
  const exact = options.find((o) => o.id.toLowerCase() === text || o.label.toLowerCase() === text);
  if (exact) return exact;
  if (/^\d{1,2}$/.test(text)) return options[Number(text) - 1];
  const ordinal = ordinalIn(text);
  const mentioned = options.filter((o) => text.includes(o.id.toLowerCase()) || text.includes(o.label.toLowerCase()));
  if (mentioned.length === 1) return mentioned[0];
  if (mentioned.length === 0) {
    // "the one with the running shoes": a part of exactly one label (labels list what an option holds).
    const byPart = options.filter((o) => labelParts(o).some((part) => text.includes(part)));
    if (byPart.length === 1) return byPart[0];
  }
  if (mentioned.length === 0 && ordinal !== undefined) {
    return ordinal === -1 ? options[options.length - 1] : options[ordinal];
  }
  return undefined;
}

function labelParts(option: ReplyOption): string[] {
  return option.label
    .toLowerCase()
    .split(/[:,;()]/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 4 && part !== option.id.toLowerCase());
}
