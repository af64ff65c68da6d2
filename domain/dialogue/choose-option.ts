import type { ReplyOption } from '../conversation';

const ORDINALS: Record<string, number> = {
  first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4, last: -1,
};

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
  const ordinal = /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\b/.exec(text);
  const mentioned = options.filter((o) => text.includes(o.id.toLowerCase()) || text.includes(o.label.toLowerCase()));
  if (mentioned.length === 1) return mentioned[0];
  if (mentioned.length === 0) {
    // "the one with the running shoes": a part of exactly one label (labels list what an option holds).
    const byPart = options.filter((o) => labelParts(o).some((part) => text.includes(part)));
    if (byPart.length === 1) return byPart[0];
  }
  if (mentioned.length === 0 && ordinal?.[1]) {
    const index = ORDINALS[ordinal[1]] ?? -2;
    return index === -1 ? options[options.length - 1] : options[index];
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
