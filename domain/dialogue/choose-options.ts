import type { ReplyOption } from '../conversation';
import { foldAccents } from '../entities';
import { chooseOption } from './choose-option';

/** "All of them" in German, Spanish, French and Portuguese ("alle", "todos", "tous", "as duas"). */
export const ALL_OTHER = /^(alle|beide|beides|todos|todas|ambos|ambas|tous|toutes|les deux|os dois|as duas)(?![\p{L}])/u;

/**
 * Several options in one answer: "all of them", or a list ("the lamp and the kettle",
 * "1, 3"). Undefined unless every part names exactly one option. One option's whole label is one
 * option, even when the label has commas in it ("Tea Kettle (steel, 1.5l)").
 */
export function chooseOptions(answer: string, options: readonly ReplyOption[]): ReplyOption[] | undefined {
  const text = answer.trim().toLowerCase();
  if (/^(all|all of them|everything|both|the whole order)\b/.test(text) || ALL_OTHER.test(foldAccents(text))) return [...options];
  const whole = text.replace(/[.!?]+$/, '');
  const exact = options.find((o) => o.id.toLowerCase() === whole || o.label.toLowerCase() === whole);
  if (exact) return [exact];
  const parts = text.split(/\s*(?:,|;|\band\b|&)\s*/).filter((part) => part.length > 0);
  const chosen: ReplyOption[] = [];
  for (const part of parts) {
    const option = chooseOption(part, options);
    if (!option) return undefined;
    chosen.push(option);
  }
  return chosen.length > 0 ? chosen : undefined;
}
