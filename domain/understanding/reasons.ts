import { foldAccents } from '../entities';
import { CANCEL_REASONS, type CancelReason } from '../policy';

/** The reasons the store accepts for a cancellation, as customers put them. */
const SAID: [RegExp, CancelReason][] = [
  [/\b(by mistake|mistake|mistaken(ly)?|by accident|accident(al(ly)?)?|didn'?t mean to|did not mean to|wrong (item|thing|one|size|colou?r|product)|ordered the wrong|meant to order|ordered twice|duplicate order|double order)\b/, CANCEL_REASONS[1]],
  [/\b(no longer need|don'?t need|do not need|not need(ed)? (it |this |them )?any ?more|no need|no longer want|don'?t want|do not want|not needed|changed my mind|change of mind|found (it |one )?(cheaper|elsewhere)|not interested|won'?t need|will not need|won'?t be needing|will not be needing|no longer needing|have no use|no use for)\b/, CANCEL_REASONS[0]],
];

/** The same reasons in German, Spanish, French and Portuguese, on accent-folded text. */
const SAID_OTHER: [RegExp, CancelReason][] = [
  [
    /(?<![\p{L}])(aus versehen|versehentlich|irrtumlich|falsch bestellt|doppelt bestellt|zweimal bestellt|falsche grosse|falschen artikel|por error|por equivocacion|me equivoque|sin querer|lo pedi dos veces|pedido duplicado|talla equivocada|par erreur|par megarde|je me suis trompee?|sans le vouloir|commande deux fois|en double|mauvaise taille|mauvais article|por engano|por erro|enganei-me|me enganei|sem querer|encomendei duas vezes|em duplicado|tamanho errado)(?![\p{L}])/u,
    CANCEL_REASONS[1],
  ],
  [
    /(?<![\p{L}])(brauche (ich )?(es |das |sie |ihn )?nicht mehr|brauch (es |das )?nicht mehr|nicht mehr notig|nicht mehr benotigt|(es )?mir anders uberlegt|woanders (gunstiger|billiger)|billiger gefunden|will (es |das |sie )?nicht mehr|ya no (lo |la |los |las )?necesito|no (lo |la )?necesito|ya no me hace falta|cambie de (opinion|idea)|lo encontre mas barato|ya no lo quiero|n'en ai plus besoin|n'en ai pas besoin|plus besoin|j'ai change d'avis|trouve moins cher|je n'en veux plus|nao preciso mais|ja nao preciso|nao preciso (disso|dele|dela)|mudei de ideia|encontrei mais barato|nao quero mais|ja nao quero)(?![\p{L}])/u,
    CANCEL_REASONS[0],
  ],
];

/** The cancellation reason in the customer's words ("I don't need it anymore", "I bought it by mistake"), when it is one. */
export function readCancelReason(text: string): CancelReason | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const folded = foldAccents(text);
  const found = new Set([...SAID.filter(([re]) => re.test(t)), ...SAID_OTHER.filter(([re]) => re.test(folded))].map(([, reason]) => reason));
  return found.size === 1 ? [...found][0] : undefined;
}
