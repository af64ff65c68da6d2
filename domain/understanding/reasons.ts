import { CANCEL_REASONS, type CancelReason } from '../policy';

/** The reasons the store accepts for a cancellation, as customers put them. */
const SAID: [RegExp, CancelReason][] = [
  [/\b(by mistake|mistake|mistaken(ly)?|by accident|accident(al(ly)?)?|didn'?t mean to|did not mean to|wrong (item|thing|one|size|colou?r|product)|ordered the wrong|meant to order|ordered twice|duplicate order|double order)\b/, CANCEL_REASONS[1]],
  [/\b(no longer need|don'?t need|do not need|not need(ed)? (it |this |them )?any ?more|no need|no longer want|don'?t want|do not want|not needed|changed my mind|change of mind|found (it |one )?(cheaper|elsewhere)|not interested|won'?t need|will not need|won'?t be needing|will not be needing|no longer needing|have no use|no use for)\b/, CANCEL_REASONS[0]],
];

/** The cancellation reason in the customer's words ("I don't need it anymore", "I bought it by mistake"), when it is one. */
export function readCancelReason(text: string): CancelReason | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const found = SAID.filter(([re]) => re.test(t)).map(([, reason]) => reason);
  return found.length === 1 ? found[0] : undefined;
}
