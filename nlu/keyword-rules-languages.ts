/**
 * Tier 1 rules in German, Spanish, French and Portuguese: the phrasings that leave no doubt in each
 * language (small talk, asking for a person, the clearest cancel/track/return/refund requests). They run
 * on text folded to plain letters ("où" → "ou", "ß" → "ss"), so missing accents match as well, and only
 * after the English rules, so English results stay as they were. Anything hedged or negated is left to
 * the model: a rule that stays silent costs a model call, a rule that fires wrongly starts the wrong flow.
 */
import type { IntentName } from '../domain/intents';

export type RuleLanguage = 'de' | 'es' | 'fr' | 'pt';

export interface LanguageRule {
  name: string;
  language: RuleLanguage;
  label: IntentName;
  match: readonly RegExp[];
  unless?: readonly RegExp[];
  /** Removed before `unless` is tested: a negated reason ("I don't need it any more") is not a negated request. */
  reasons?: RegExp;
}

/** Lower case without accents, one space between words: what these rules are written against. */
export function foldForRules(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The whole message is this (small talk), give or take punctuation and a closing word. */
const whole = (body: string, tail?: string) => new RegExp(`^[¡¿\\s]*(?:${body})${tail ? `(?:[\\s,!.]+(?:${tail}))?` : ''}[\\s!.,:)?]*$`);

// Negations in each language (on folded text).
const NEG_DE = /\b(nicht|kein|keine|keinen|keiner|nie|niemals)\b/;
const NEG_ES = (verb: string) => new RegExp(`\\b(no|nunca|jamas)\\s+([a-z]+\\s+){0,2}${verb}`);
const NEG_FR = /\bn(e\s|')[^.,;]{0,30}\b(pas|jamais|point)\b|\b(pas|jamais)\s+(\S+\s+)?(annuler|parler|rembourse|renvoyer|retourner)/;
const NEG_PT = (verb: string) => new RegExp(`\\b(nao|nunca|jamais)\\s+([a-z]+\\s+){0,2}${verb}`);

/** "Can I return it if it arrived damaged?" asks about the rules, not for a return. */
const RETURN_CONDITIONS = /\b(wenn|falls|si|se)\b.{0,40}\b(beschadigt|defekt|danad[oa]|danificad[oa]|abimee?|endommagee?)\b/;

const THANKS_DE = 'danke(?: schon| sehr| dir| ihnen)?|dankeschon|vielen (?:lieben )?dank|herzlichen dank|besten dank|tausend dank';
const THANKS_ES = 'gracias|muchas gracias|muchisimas gracias|mil gracias';
const THANKS_FR = 'merci(?: beaucoup| bien| infiniment| mille fois)?';
const THANKS_PT = 'obrigad[oa]|muito obrigad[oa]|obg|valeu';

export const LANGUAGE_RULES: readonly LanguageRule[] = [
  // --- small talk -------------------------------------------------------------------------------
  {
    name: 'greeting-de',
    language: 'de',
    label: 'greeting',
    match: [whole('(?:hallo+|moin(?: moin)?|servus|gruss gott|gruezi|tach|guten (?:morgen|tag|abend))(?:[\\s,]+(?:zusammen|allerseits|guten tag))?')],
  },
  {
    name: 'greeting-es',
    language: 'es',
    label: 'greeting',
    match: [whole('(?:hola+|buenas|buenos dias|buen dia|buenas (?:tardes|noches)|saludos|que tal)(?:[\\s,]+(?:a todos|buenos dias|buenas tardes|que tal))?')],
  },
  {
    name: 'greeting-fr',
    language: 'fr',
    label: 'greeting',
    match: [whole('(?:bonjour|bonsoir|salut|coucou|rebonjour)(?:[\\s,]+(?:a tous|a vous|madame|monsieur|tout le monde))?')],
  },
  {
    name: 'greeting-pt',
    language: 'pt',
    label: 'greeting',
    match: [whole('(?:ola+|oi+|bom dia|boa tarde|boa noite|e ai|saudacoes)(?:[\\s,]+(?:a todos|bom dia|boa tarde|tudo bem))?')],
  },
  {
    name: 'thanks-de',
    language: 'de',
    label: 'thanks',
    match: [whole(`(?:(?:ok(?:ay)?|super|prima|gut)[\\s,]+)?(?:${THANKS_DE})`, 'fur (?:die|ihre|deine) hilfe|super|prima|das hilft')],
  },
  {
    name: 'thanks-es',
    language: 'es',
    label: 'thanks',
    match: [whole(`(?:(?:ok|vale|genial|perfecto)[\\s,]+)?(?:${THANKS_ES}|te lo agradezco|se lo agradezco(?: mucho)?)`, 'por (?:la|tu|su) ayuda|genial|perfecto')],
  },
  {
    name: 'thanks-fr',
    language: 'fr',
    label: 'thanks',
    match: [whole(`(?:(?:ok|d'accord|super|parfait)[\\s,]+)?(?:${THANKS_FR}|je vous remercie)`, 'pour (?:votre|ton|l\')\\s?aide|super|parfait')],
  },
  {
    name: 'thanks-pt',
    language: 'pt',
    label: 'thanks',
    match: [whole(`(?:(?:ok|otimo|perfeito)[\\s,]+)?(?:${THANKS_PT}|agradeco(?: muito)?)`, 'pela ajuda|otimo|perfeito')],
  },
  {
    name: 'goodbye-de',
    language: 'de',
    label: 'goodbye',
    match: [
      whole(
        `(?:(?:${THANKS_DE}|ok)[\\s,]+)?(?:tschuss|tschau|ciao|auf wiedersehen|bis (?:dann|spater|bald|morgen)|schonen tag noch|einen schonen (?:tag|abend) noch|mach'?s gut|das war'?s|das war alles|das ware alles)`,
        'danke|tschuss',
      ),
    ],
  },
  {
    name: 'goodbye-es',
    language: 'es',
    label: 'goodbye',
    match: [
      whole(`(?:(?:${THANKS_ES}|vale)[\\s,]+)?(?:adios|hasta luego|hasta pronto|hasta la proxima|chao|chau|nos vemos|eso es todo)`, 'gracias|adios'),
    ],
  },
  {
    name: 'goodbye-fr',
    language: 'fr',
    label: 'goodbye',
    match: [
      whole(`(?:(?:${THANKS_FR}|ok)[\\s,]+)?(?:au revoir|a bientot|a plus(?: tard)?|a\\+|bonne (?:journee|soiree|nuit)|a la prochaine|c'est tout)`, 'merci|au revoir'),
    ],
  },
  {
    name: 'goodbye-pt',
    language: 'pt',
    label: 'goodbye',
    match: [
      whole(`(?:(?:${THANKS_PT}|ok)[\\s,]+)?(?:adeus|tchau|xau|ate (?:logo|mais|breve|amanha|a proxima)|e so isso|era so isso)`, 'obrigad[oa]|tchau'),
    ],
  },
  // --- asking for a person ------------------------------------------------------------------------
  {
    name: 'ask-for-human-de',
    language: 'de',
    label: 'contact_human_agent',
    match: [
      /\b(mit|zu|an)\s+(einem|einer|einen)\s+(echten\s+|richtigen\s+|menschlichen\s+|realen\s+)?(menschen|mitarbeiter(in)?|person|berater(in)?|kundenberater(in)?|agenten|ansprechpartner(in)?)\b.{0,30}\b(sprechen|reden|chatten|verbinden|weiterleiten|durchstellen)\b/,
      /\b(verbinden|stellen)\s+sie\s+mich\b.{0,30}\b(mitarbeiter(in)?|menschen|berater(in)?|agenten)\b/,
      whole('(?:einen? )?(?:echten? mensch(?:en)?|mitarbeiter(?:in)?|menschlichen ansprechpartner)(?: bitte)?'),
    ],
    unless: [NEG_DE, /\b(gesprochen|geredet|gechattet)\b/],
  },
  {
    name: 'ask-for-human-es',
    language: 'es',
    label: 'contact_human_agent',
    match: [
      /\b(hablar|chatear|comunicarme)\s+con\s+(una|un)\s+(persona|humano|agente|asesor|operador|representante)\b/,
      /\b(paseme|pasame|pongame|ponganme|comuniqueme|pasenme)\s+con\s+(una|un)\s+(persona|humano|agente|asesor|operador|representante)\b/,
      whole('(?:un |una )?(?:agente humano|persona real|operador|humano)(?: por favor)?'),
    ],
    unless: [NEG_ES('(hablar|chatear)'), /\b(hable|he hablado)\b/],
  },
  {
    name: 'ask-for-human-fr',
    language: 'fr',
    label: 'contact_human_agent',
    match: [
      /\b(parler|discuter)\s+(a|avec)\s+(un|une)\s+(vrai\s+|vraie\s+|etre\s+)?(humain|personne|conseiller|conseillere|agent|operateur)\b/,
      /\b(passez|mettez|transferez)-moi\b.{0,30}\b(conseiller|conseillere|agent|humain|personne|operateur)\b/,
      whole("(?:un |une )?(?:conseiller|agent humain|humain|vraie personne|operateur)(?: svp| s'il vous plait| s'il te plait)?"),
    ],
    unless: [NEG_FR, /\bai (deja )?parle\b/],
  },
  {
    name: 'ask-for-human-pt',
    language: 'pt',
    label: 'contact_human_agent',
    match: [
      /\b(falar|conversar)\s+com\s+(uma|um)\s+(pessoa|humano|atendente|assistente|operador|representante)\b/,
      /\b(passe-me|passem-me|transfira-me|transfiram-me|me passa|me transfere)\b.{0,30}\b(atendente|assistente|operador|humano|pessoa|representante)\b/,
      whole('(?:um |uma )?(?:atendente humano|pessoa real|operador|humano|atendente)(?: por favor)?'),
    ],
    unless: [NEG_PT('(falar|conversar)'), /\bfalei\b/],
  },
  // --- the store's clearest requests ------------------------------------------------------------
  {
    name: 'cancel-order-de',
    language: 'de',
    label: 'cancel_order',
    match: [
      /\b(bestellung|bestelung|auftrag)\b.{0,40}\b(stornieren|storniern|annullieren|abbrechen|storniert werden)\b/,
      /\b(stornieren|storniere|stornier)\b( sie)?( bitte)?\s+(meine|die|den|meinen|diese|diesen)\s+(\S+\s+){0,2}(bestellung|auftrag)\b/,
      /\bstornierung\s+(meiner|der)\s+bestellung\b/,
    ],
    unless: [NEG_DE, /\b(gebuhr|gebuhren|kosten|kostet|zahlen|bezahlen|stornokosten|storniert wurde|wurde storniert|erstattung|ruckerstattung|geld|konto|newsletter|loschung)\b/],
    reasons: /\b(brauche|benotige)\s+(ich\s+)?(das|es|sie|ihn|die)?\s*nicht\s+mehr\b/g,
  },
  {
    name: 'cancel-order-es',
    language: 'es',
    label: 'cancel_order',
    match: [
      /\b(cancelar|cancele|cancela|cancelen|cancelame|anular|anule|anula|anulen)\s+((mi|el|la|mis|este|esta|ese|esa|todo|toda|ultimo|ultima)\s+){0,3}(pedido|orden|compra)\b/,
      /\bcancelacion\s+de\s+(mi|el)\s+pedido\b/,
    ],
    unless: [NEG_ES('(cancel|anul)'), /\b(cuesta|cobran|cobrar|pago|pagar|cargo|coste|costo|comision|penalizacion|gratis|reembolso|dinero|cancelado|cancelada|cuenta|suscripcion|eliminacion)\b/],
  },
  {
    name: 'cancel-order-fr',
    language: 'fr',
    label: 'cancel_order',
    match: [
      /\b(annuler|annulez|annule)\s+((ma|la|mon|cette|toute|derniere)\s+){0,3}(commande|achat)\b/,
      /\bannulation\s+de\s+(ma|la)\s+commande\b/,
    ],
    unless: [NEG_FR, /\b(frais|coute|couter|payer|paie|payant|penalite|gratuite?|facture|facturez|rembourse\w*|argent|compte|newsletter|suppression)\b/],
    reasons: /\b(je\s+)?n'en\s+ai\s+(plus|pas)\s+besoin\b/g,
  },
  {
    name: 'cancel-order-pt',
    language: 'pt',
    label: 'cancel_order',
    match: [
      /\b(cancelar|cancele|cancela|cancelem|anular|anule|anulem)\s+((a|o|minha|meu|esta|este|essa|esse|ultima|ultimo)\s+){0,3}(encomenda|pedido|pedio|compra)\b/,
      /\bcancelamento\s+d[oa]\s+(meu\s+|minha\s+)?(pedido|encomenda)\b/,
    ],
    unless: [NEG_PT('(cancel|anul)'), /\b(custa|custo|taxa|cobram|cobrar|pago|pagar|multa|gratis|gratuito|reembolso|dinheiro|cancelad[oa]|conta|newsletter|exclusao)\b/],
  },
  {
    name: 'track-order-de',
    language: 'de',
    label: 'track_order',
    match: [
      /\bwo\s+(ist|bleibt|steckt)\s+(meine|mein)\s+(bestellung|paket|packet|sendung|lieferung)\b/,
      /\b(bestellung|paket|sendung|lieferung)\s+verfolgen\b/,
      /\bsendungsverfolgung\b/,
      /\bstatus\s+meiner\s+(bestellung|sendung|lieferung)\b/,
      /\b(wurde|ist)\s+meine\s+bestellung\s+(schon\s+|bereits\s+)?(verschickt|versandt|unterwegs)\b/,
    ],
    unless: [/(erstattung|rucksendung|retoure|storn|zuruck|geld)/],
  },
  {
    name: 'track-order-es',
    language: 'es',
    label: 'track_order',
    match: [
      /\bdonde\s+(esta|anda)\s+mi\s+(pedido|paquete|envio|compra|orden|entrega)\b/,
      /\b(rastrear|seguimiento\s+de)\s+(mi|el)\s+(pedido|paquete|envio)\b/,
      /\bestado\s+de\s+mi\s+(pedido|envio|paquete)\b/,
    ],
    unless: [/\b(reembolso|devolucion|devolver|cancel\w*|dinero|numero de pedido)\b/],
  },
  {
    name: 'track-order-fr',
    language: 'fr',
    label: 'track_order',
    match: [
      /\bou\s+(est|en est)\s+(ma|mon)\s+(commande|colis|livraison|paquet|envoi)\b/,
      /\bsuivre\s+(ma|mon)\s+(commande|colis|envoi|livraison)\b/,
      /\bsuivi\s+de\s+(ma|mon)\s+(commande|colis)\b/,
      /\bstatut\s+de\s+ma\s+commande\b/,
    ],
    unless: [/\b(rembours\w*|retour|renvoi\w*|annul\w*|argent|numero de commande)\b/],
  },
  {
    name: 'track-order-pt',
    language: 'pt',
    label: 'track_order',
    match: [
      /\bonde\s+(esta|anda|fica)\s+(a\s+|o\s+)?(minha|meu)\s+(encomenda|pedido|pacote|entrega|envio)\b/,
      /\bcade\s+(o\s+|a\s+)?(meu|minha)\s+(pedido|encomenda|pacote)\b/,
      /\b(rastrear|acompanhar|rastreio\s+d[oa])\s+(o\s+|a\s+)?(meu|minha)\s+(pedido|encomenda|pacote|entrega)\b/,
      /\bestado\s+d[ao]\s+(minha|meu)\s+(encomenda|pedido)\b/,
    ],
    unless: [/\b(reembolso|devolu\w*|cancel\w*|dinheiro|numero d[oa])\b/],
  },
  {
    name: 'track-refund-de',
    language: 'de',
    label: 'track_refund',
    match: [
      /\bwo\s+(ist|bleibt)\s+(meine|die)\s+(ruck)?erstattung\b/,
      /\b(status|stand)\s+(meiner|der)\s+(ruck)?erstattung\b/,
      /\b(wurde|ist)\s+meine\s+(ruck)?erstattung\s+(schon\s+|bereits\s+)?(bearbeitet|uberwiesen|unterwegs|veranlasst|ausgezahlt)\b/,
    ],
  },
  {
    name: 'track-refund-es',
    language: 'es',
    label: 'track_refund',
    match: [/\bdonde\s+esta\s+mi\s+reembolso\b/, /\bestado\s+de\s+mi\s+reembolso\b/, /\b(ya\s+)?(han|ha)\s+(procesado|tramitado|emitido)\s+(ya\s+)?(mi|el)\s+reembolso\b/],
  },
  {
    name: 'track-refund-fr',
    language: 'fr',
    label: 'track_refund',
    match: [/\bou\s+(est|en est)\s+mon\s+remboursement\b/, /\b(statut|etat)\s+de\s+mon\s+remboursement\b/, /\bmon\s+remboursement\s+a-t-il\s+ete\s+(traite|effectue|lance|vire)\b/],
  },
  {
    name: 'track-refund-pt',
    language: 'pt',
    label: 'track_refund',
    match: [/\bonde\s+esta\s+o\s+(meu\s+)?reembolso\b/, /\bestado\s+do\s+(meu\s+)?reembolso\b/, /\bo\s+(meu\s+)?reembolso\s+ja\s+foi\s+(processado|tratado|feito|emitido)\b/],
  },
  {
    name: 'return-items-de',
    language: 'de',
    label: 'return_items',
    match: [
      /\b(mochte|will|wollte|wurde gern|wie kann ich|konnen sie|bitte)\b.{0,50}\b(zuruckschicken|zurucksenden|zuruckgeben|retournieren|zuruck (geben|schicken|senden))\b/,
    ],
    unless: [NEG_DE, RETURN_CONDITIONS, /\b(umtausch\w*|tauschen|richtlinie\w*|bedingung\w*|frist|wie lange|bis wann|wer zahlt|ruckversand|getragen\w*|benutzt\w*|geoffnet\w*)\b/],
  },
  {
    name: 'return-items-es',
    language: 'es',
    label: 'return_items',
    match: [/\b(quiero|quisiera|deseo|necesito|me gustaria|como puedo|como)\s+devolver(lo|la|los|las)?\b/, /\b(lo|la|los|las)\s+quiero\s+devolver\b/],
    unless: [NEG_ES('devolver'), RETURN_CONDITIONS, /\b(dinero|importe|cambiar\w*|cambio|politica|plazo|condiciones|cuanto tiempo|hasta cuando|quien paga|usad[oa]s?|use|abiert[oa]s?)\b/],
  },
  {
    name: 'return-items-fr',
    language: 'fr',
    label: 'return_items',
    match: [/\b(je veux|je voudrais|je souhaite|j'aimerais|comment)\s+(le\s+|la\s+|les\s+|l')?(retourner|renvoyer)\b/],
    unless: [NEG_FR, RETURN_CONDITIONS, /\b(echange\w*|politique|delai|conditions|combien de temps|jusqu'a quand|qui paie|argent|portee?s?|utilisee?s?|ouverte?s?|compte)\b/],
  },
  {
    name: 'return-items-pt',
    language: 'pt',
    label: 'return_items',
    match: [/\b(quero|queria|gostaria de|desejo|preciso de|como posso|como)\s+devolve(r|-l[oa]s?)\b/],
    unless: [NEG_PT('devolv'), RETURN_CONDITIONS, /\b(dinheiro|troca\w*|politica|prazo|condicoes|quanto tempo|ate quando|quem paga|usad[oa]s?|usei|abert[oa]s?)\b/],
  },
  {
    name: 'get-refund-de',
    language: 'de',
    label: 'get_refund',
    match: [
      /\b(mochte|will|hatte gern|verlange|beantrage)\b.{0,30}\b(ruckerstattung|erstattung)\b/,
      /\b(will|mochte|hatte gern)\s+(mein|das)\s+geld\s+zuruck\b/,
    ],
    unless: [NEG_DE, /\b(status|stand|wo|wann|schon|bearbeitet|richtlinie\w*|bedingung\w*|fallen|wie lange|zuruckschicken|zurucksenden|zuruckgeben|retoure|rucksendung|umtausch\w*)\b/],
  },
  {
    name: 'get-refund-es',
    language: 'es',
    label: 'get_refund',
    match: [/\b(quiero|quisiera|necesito|exijo|solicito|deseo)\s+(un\s+|el\s+|mi\s+)?reembolso\b/, /\bquiero\s+(que\s+me\s+devuelvan\s+el\s+dinero|mi\s+dinero\s+de\s+vuelta)\b/],
    unless: [NEG_ES('(quiero|necesito)'), /\b(donde|estado|cuando|ya|todavia|politica|condiciones|casos|plazo|devolver|cambiar)\b/],
  },
  {
    name: 'get-refund-fr',
    language: 'fr',
    label: 'get_refund',
    match: [/\b(je veux|je voudrais|je souhaite|j'exige|je demande)\s+(un\s+|le\s+)?remboursement\b/, /\b(je veux|je voudrais)\s+(etre rembourse|recuperer mon argent)\b/],
    unless: [NEG_FR, /\b(ou en est|ou est|statut|quand|deja|toujours|politique|conditions|cas|retourner|renvoyer|echanger)\b/],
  },
  {
    name: 'get-refund-pt',
    language: 'pt',
    label: 'get_refund',
    match: [/\b(quero|queria|gostaria de|preciso de|exijo|solicito)\s+(um\s+|o\s+)?reembolso\b/, /\bquero\s+(o\s+)?(meu\s+)?dinheiro\s+de\s+volta\b/],
    unless: [NEG_PT('(quero|preciso)'), /\b(onde|estado|quando|ja|ainda|politica|condicoes|casos|prazo|devolver|trocar)\b/],
  },
];

/** The first language rule that fires for the text, if any (the same contract as the English rules). */
export function matchLanguageRule(text: string, allowed?: (label: string) => boolean): LanguageRule | undefined {
  const t = foldForRules(text);
  for (const rule of LANGUAGE_RULES) {
    if (allowed && !allowed(rule.label)) continue;
    if (!rule.match.some((re) => re.test(t))) continue;
    const checked = rule.reasons ? t.replace(rule.reasons, ' ') : t;
    if (rule.unless?.some((re) => re.test(checked))) continue;
    return rule;
  }
  return undefined;
}
