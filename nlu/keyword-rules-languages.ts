/**
 * Tier 1 rules in German, Spanish, French and Portuguese: the phrasings that leave no doubt in each
 * language (small talk, asking for a person, and the clearest phrasing of each request a customer starts). They run
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
  /** Tested first (once per message for all rules sharing it): without it the rule cannot match. */
  gate?: RegExp;
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

const rule = (name: string, language: RuleLanguage, label: IntentName, match: readonly RegExp[], unless?: readonly RegExp[]): LanguageRule =>
  unless ? { name, language, label, match, unless } : { name, language, label, match };
const topic = (gate: RegExp, rules: readonly LanguageRule[]): LanguageRule[] => rules.map((r) => ({ ...r, gate }));

// A word each topic's rules all need, in any of the four languages: tested once per message, it spares
// the rules of the other topics (an English message runs through all of them after the English rules).
const GATE_FEE = /(storn|cancel|annul)/;
const GATE_ACCOUNT = /(konto|account|profil|daten|cuenta|datos|compte|donnees|conta|dados)/;
const GATE_NEWSLETTER = /(newsletter|boletin|boletim|infolettre|lettre d'information)/;
const GATE_PASSWORD = /(passwort|kennwort|contrasena|clave|mot de passe|palavra-passe|senha|password)/;
const GATE_REGISTRATION = /(regist|inscri|cuenta|compte|conta|alta)/;
const GATE_PROFILE = /(mail|nam|nom|apellido|apelido|telefon|telephon|correo|pseudo|utilizador|daten|datos|donnees|dados|informations|konto|profil|perfil|cuenta|compte|conta)/;
const GATE_PAYMENT = /(zahl|karte|abgebucht|belastet|berechnet|cobr|carg|pago|tarjeta|debit|prelev|factur|paiement|carte|pagamento|cartao)/;
const GATE_INVOICE = /(rechnung|factura|facture|fatura)/;
const GATE_ADDRESS = /(adresse|direccion|morada|endereco)/;
const GATE_ORDER = /(bestellung|auftrag|pedido|commande|encomenda|tausch|cambi|echang|troca)/;
const GATE_POLICY = /(richtlin|bedingung|politik|regeln|frist|ruckgaberecht|politica|politique|condiciones|conditions|condicoes|plazo|delai|prazo)/;
const GATE_DELIVERY = /(versand|liefer|zustell|envio|entrega|llegar|livr|expedi|recev|receb|chegar)/;
const GATE_COMPLAINT = /(beschwer|enttausch|unzufrieden|quej|reclama|decepcion|insatisf|plaint|plaindre|decu|mecontent|queix|desilud|dececion)/;
const GATE_BUYING = /(bestell|kauf|pedido|pedir|pido|compr|command|achet|encomend)/;
const GATE_SERVICE = /(kundenservice|kundendienst|support|soporte|servicio|atencion al cliente|service client|apoio|atendimento)/;
const GATE_REVIEW = /(bewert|rezension|erfahrungsbericht|resena|opinion|opiniao|valor|calific|puntu|avis|evalu|noter|avali|critica|review|classific)/;

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
      /\bwann\s+(bekomme|erhalte|kriege)\s+ich\s+(meine\s+|die\s+)?(ruck)?erstattung\b/,
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
  // --- the rest of the catalogue ----------------------------------------------------------------
  // After the rules above, so their results stay as they were. Ordered so the narrower request wins:
  // account before address ("e-mail address"), an item's option before the order as a whole.
  ...topic(GATE_FEE, [
    rule('cancellation-fee-de', 'de', 'check_cancellation_fee', [/\b(storno|stornierungs)(gebuhr|gebuhren|kosten)\b/, /\b(kostet|kosten|gebuhr|gebuhren)\b.{0,40}\bstorn/]),
    rule('cancellation-fee-es', 'es', 'check_cancellation_fee', [/\b(cargo|comision|coste|costo|penalizacion|gastos)\s+(por|de)\s+(la\s+)?cancelacion\b/, /\b(cuesta|cobran|hay que pagar)\b.{0,40}\bcancelar\b/]),
    rule('cancellation-fee-fr', 'fr', 'check_cancellation_fee', [/\bfrais\s+d'annulation\b/, /\b(coute|frais|payant|payer)\b.{0,40}\bannul/]),
    rule('cancellation-fee-pt', 'pt', 'check_cancellation_fee', [/\b(taxa|custo|multa|encargo)\s+de\s+cancelamento\b/, /\b(custa|cobram|pagar|taxa)\b.{0,40}\bcancelar\b/]),
  ]),

  ...topic(GATE_ACCOUNT, [
    rule('delete-account-de', 'de', 'delete_account',
      [/\b(kunden|benutzer)?(konto|account|profil)\b.{0,30}\b(loschen|schliessen|entfernen|deaktivieren|auflosen)\b/, /\bloschung\s+(meines|des)\s+(kunden|benutzer)?(kontos|accounts|profils)\b/, /\b(meine\s+)?(personlichen\s+)?daten\s+(komplett\s+|vollstandig\s+)?loschen\b/, /\b(loschen|schliessen|deaktivieren)\s+sie\s+(bitte\s+)?(mein|meinen)\s+(kunden|benutzer)?(konto|account|profil)\b/],
      [NEG_DE, /\b(bestellung|newsletter|adresse|karte|artikel)\b/]),
    rule('delete-account-es', 'es', 'delete_account',
      [/\b(eliminar|borrar|cerrar|dar de baja|darme de baja|desactivar|suprimir)\s+(mi|la)\s+cuenta\b/, /\b(eliminacion|cierre|baja|supresion)\s+de\s+(mi|la)\s+cuenta\b/, /\b(borrar|eliminar|suprimir)\s+(todos\s+)?(mis|los)\s+datos(\s+personales)?\b/],
      [NEG_ES('(eliminar|borrar|cerrar|desactivar)'), /\b(newsletter|boletin|pedido)\b/]),
    rule('delete-account-fr', 'fr', 'delete_account',
      [/\b(supprimer|fermer|cloturer|desactiver|effacer)\s+(mon|le)\s+compte\b/, /\b(suppression|fermeture|cloture)\s+de\s+(mon|ce)\s+compte\b/, /\b(supprimer|effacer)\s+(toutes\s+)?(mes|les)\s+donnees(\s+personnelles)?\b/],
      [NEG_FR, /\b(newsletter|commande)\b/]),
    rule('delete-account-pt', 'pt', 'delete_account',
      [/\b(apagar|eliminar|excluir|fechar|encerrar|desativar)\s+(a\s+)?(minha\s+)?conta\b/, /\b(eliminacao|encerramento|exclusao)\s+da\s+(minha\s+)?conta\b/, /\b(apagar|eliminar)\s+(todos\s+)?(os\s+)?(meus\s+)?dados(\s+pessoais)?\b/],
      [NEG_PT('(apagar|eliminar|fechar|encerrar)'), /\b(newsletter|encomenda|pedido)\b/]),
  ]),

  // A negation does not undo these ("I want no more newsletters" is still about the newsletter).
  ...topic(GATE_NEWSLETTER, [
    rule('newsletter-de', 'de', 'newsletter_subscription', [/\bnewsletter\b.{0,40}\b(abbestellen|abmelden|kundigen|abonnieren|anmelden|beenden|austragen|eintragen|bekommen|erhalten)\b/, /\b(abbestellen|abmelden|abonnieren|austragen|eintragen)\b.{0,30}\bnewsletter\b/]),
    rule('newsletter-es', 'es', 'newsletter_subscription', [/\b(darme de baja|dar de baja|desuscribirme|suscribirme|cancelar la suscripcion|apuntarme|inscribirme|recibir)\b.{0,40}\b(newsletter|boletin)\b/, /\b(newsletter|boletin)\b.{0,30}\b(baja|suscribirme|suscripcion|desuscribirme)\b/]),
    rule('newsletter-fr', 'fr', 'newsletter_subscription', [/\b(desabonner|desinscrire|abonner|inscrire|resilier|desabonnement|abonnement|recevoir)\b.{0,40}\b(newsletter|lettre d'information|infolettre)\b/, /\b(newsletter|infolettre)\b.{0,30}\b(desabonner|desinscrire|abonner|inscrire|desabonnement)\b/]),
    rule('newsletter-pt', 'pt', 'newsletter_subscription', [/\b(cancelar a subscricao|anular a subscricao|subscrever|subscricao|inscrever-me|desinscrever-me|deixar de receber|receber|cancelar a assinatura|assinar)\b.{0,40}\b(newsletter|boletim)\b/, /\b(newsletter|boletim)\b.{0,30}\b(subscrever|subscricao|inscrever|desinscrever|cancelar)\b/]),
  ]),

  ...topic(GATE_PASSWORD, [
    rule('recover-password-de', 'de', 'recover_password', [/\b(passwort|kennwort)\b.{0,40}\b(vergessen|zurucksetzen|zurucksetzt|wiederherstellen)\b/, /\b(neues|neuen)\s+(passwort|kennwort)\b/, /\b(zurucksetzen)\b.{0,20}\b(passwort|kennwort)\b/]),
    rule('recover-password-es', 'es', 'recover_password', [/\b(olvide|he olvidado|olvido|olvidado)\s+(mi\s+|la\s+)?(contrasena|clave)\b/, /\b(restablecer|recuperar|resetear|reiniciar|cambiar)\s+(mi\s+|la\s+)?(contrasena|clave)\b/, /\b(contrasena|clave)\s+(olvidada|nueva)\b/]),
    rule('recover-password-fr', 'fr', 'recover_password', [/\bmot de passe\s+(oublie|perdu)\b/, /\b(oublie|perdu)\s+(mon|le)\s+mot de passe\b/, /\b(reinitialiser|recuperer|changer|modifier|retrouver)\s+(mon|le)\s+mot de passe\b/, /\bnouveau\s+mot de passe\b/]),
    rule('recover-password-pt', 'pt', 'recover_password', [/\b(esqueci|esqueci-me)\s+(d[ae]\s+)?(a\s+)?(minha\s+)?(palavra-passe|senha|password)\b/, /\b(recuperar|redefinir|repor|alterar|mudar|reinicializar)\s+(a\s+)?(minha\s+)?(palavra-passe|senha|password)\b/, /\bnova\s+(palavra-passe|senha)\b/]),
  ]),

  ...topic(GATE_REGISTRATION, [
    rule('registration-de', 'de', 'registration_problems', [/\b(kann|konnte)\s+mich\s+nicht\s+registrieren\b/, /\bregistrierung\b.{0,40}\b(funktioniert nicht|klappt nicht|geht nicht|fehlgeschlagen|fehler|problem\w*|abschliessen|hangt)\b/, /\b(problem\w*|fehler)\s+(bei|mit)\s+der\s+registrierung\b/]),
    rule('registration-es', 'es', 'registration_problems', [/\b(no puedo|no consigo|no me deja)\s+(registrarme|crear (una|mi) cuenta|darme de alta)\b/, /\b(problemas?|error)\s+(al|con el|para)\s+(registrarme|registro|crear (la|una|mi) cuenta|darme de alta)\b/, /\bel registro\s+(no funciona|falla|da error|no se completa)\b/]),
    rule('registration-fr', 'fr', 'registration_problems', [/\b(je n'arrive pas|je ne parviens pas|impossible)\s+(a|de)\s+(m'inscrire|creer (un|mon) compte|m'enregistrer|finaliser (mon|l')\s?inscription)\b/, /\b(probleme|erreur)s?\s+(lors de|pendant|avec)\s+(l'|mon\s+)?inscription\b/, /\binscription\b.{0,20}\b(ne fonctionne pas|echoue|ne marche pas|bloque)\b/]),
    rule('registration-pt', 'pt', 'registration_problems', [/\b(nao consigo|nao me deixa)\s+(registar-me|registrar-me|me registar|me registrar|criar (a|uma|a minha) conta|fazer o registo|concluir o registo)\b/, /\b(problemas?|erro)\s+(no|com o|ao fazer o)\s+(registo|registro)\b/, /\bo\s+registo\b.{0,20}\b(nao funciona|falha|da erro)\b/]),
  ]),

  // Name, e-mail or phone of the account (before the address rules: an e-mail address is no postal one).
  ...topic(GATE_PROFILE, [
    rule('edit-account-de', 'de', 'edit_account',
      [/\b(meine|die|meinen|den)\s+(e-?mail(-?adresse)?|namen|nachnamen|vornamen|benutzernamen|telefonnummer)\b.{0,40}\b(andern|aktualisieren|korrigieren|anpassen)\b/, /\b(kontodaten|profildaten|personlichen daten|kundendaten)\b.{0,30}\b(andern|aktualisieren|bearbeiten)\b/, /\b(kunden)?(konto|profil)\s+bearbeiten\b/],
      [NEG_DE, /\b(newsletter|passwort|kennwort|rechnung|bestellung)\b/, /(liefer|versand|standard)adresse/]),
    rule('edit-account-es', 'es', 'edit_account',
      [/\b(cambiar|modificar|actualizar|corregir|editar)\s+(mi|el)\s+(nombre|apellido|correo( electronico)?|email|e-mail|telefono|numero de telefono|nombre de usuario)\b/, /\b(cambiar|modificar|actualizar|corregir|editar)\s+(mi|la)\s+direccion\s+de\s+(correo|email|e-mail)\b/, /\beditar\s+(mi\s+)?(cuenta|perfil)\b/, /\b(cambiar|modificar|actualizar|editar)\s+(mis|los)\s+datos\s+(personales|de (mi )?cuenta)\b/],
      [NEG_ES('(cambiar|modificar|actualizar)'), /\b(contrasena|clave|newsletter|pedido)\b/]),
    rule('edit-account-fr', 'fr', 'edit_account',
      [/\b(changer|modifier|mettre a jour|corriger)\s+(mon|ma|l')\s*(nom|prenom|adresse e-?mail|adresse mail|adresse electronique|e-?mail|mail|numero de telephone|pseudo)\b/, /\bmodifier\s+mon\s+(compte|profil)\b/, /\b(changer|modifier|mettre a jour)\s+(mes|les)\s+(informations|donnees)\s+(personnelles|de (mon )?compte)\b/],
      [NEG_FR, /\b(mot de passe|newsletter|commande)\b/]),
    rule('edit-account-pt', 'pt', 'edit_account',
      [/\b(alterar|mudar|atualizar|corrigir|editar)\s+(o\s+)?(meu\s+)?(nome|apelido|e-?mail|endereco de e-?mail|numero de telefone|telefone|nome de utilizador)\b/, /\beditar\s+(a\s+|o\s+)?(minha\s+|meu\s+)?(conta|perfil)\b/, /\b(alterar|atualizar|editar)\s+(os\s+)?(meus\s+)?dados\s+(pessoais|da conta)\b/],
      [NEG_PT('(alterar|mudar|atualizar)'), /\b(palavra-passe|senha|newsletter|encomenda)\b/]),
  ]),

  ...topic(GATE_PAYMENT, [
    rule('payment-issue-de', 'de', 'payment_issue', [/\b(doppelt|zweimal)\s+(abgebucht|belastet|berechnet|bezahlt)\b/, /\bzahlung\b.{0,30}\b(abgelehnt|fehlgeschlagen|funktioniert nicht|geht nicht durch|nicht durchgegangen)\b/, /\b(karte|kreditkarte)\b.{0,20}\babgelehnt\b/]),
    rule('payment-issue-es', 'es', 'payment_issue', [/\b(cobrado|cobraron|cargado|cargaron)\s+(dos veces|doble)\b/, /\bcobro\s+(doble|duplicado)\b/, /\b(pago|tarjeta)\b.{0,30}\b(rechazad[oa]|ha fallado|fallo|no se ha procesado|no pasa)\b/]),
    rule('payment-issue-fr', 'fr', 'payment_issue', [/\b(debitee?|prelevee?|facturee?)s?\s+deux\s+fois\b/, /\bpaiement\b.{0,30}\b(refuse|a echoue|echoue|ne passe pas|n'est pas passe|rejete)\b/, /\bcarte\b.{0,20}\b(refusee|rejetee)\b/]),
    rule('payment-issue-pt', 'pt', 'payment_issue', [/\b(cobrad[oa]|debitad[oa]|cobraram|cobraram-me)\s+(duas vezes|em duplicado|a dobrar)\b/, /\bpagamento\b.{0,30}\b(recusado|falhou|rejeitado|nao (foi aceite|passa|passou))\b/, /\bcartao\b.{0,20}\b(recusado|rejeitado)\b/]),
  ]),

  ...topic(GATE_PAYMENT, [
    rule('payment-methods-de', 'de', 'check_payment_methods', [/\bwelche\s+(zahlungsarten|zahlungsmethoden|zahlungsmoglichkeiten|zahlungsoptionen)\b/, /\b(zahlungsarten|zahlungsmethoden|zahlungsmoglichkeiten)\s+(gibt es|akzeptieren sie|bieten sie)\b/]),
    rule('payment-methods-es', 'es', 'check_payment_methods', [/\b(que|cuales)\s+(son\s+los\s+|son\s+las\s+)?(metodos|formas|medios)\s+de\s+pago\b/]),
    rule('payment-methods-fr', 'fr', 'check_payment_methods', [/\bquels\s+(sont\s+les\s+)?(moyens|modes)\s+de\s+paiement\b/]),
    rule('payment-methods-pt', 'pt', 'check_payment_methods', [/\b(que|quais)\s+(sao\s+os\s+|sao\s+as\s+)?(metodos|formas|meios)\s+de\s+pagamento\b/]),
  ]),

  ...topic(GATE_PAYMENT, [
    rule('change-payment-method-de', 'de', 'modify_payment_method',
      [/\b(zahlungsmethode|zahlungsart|zahlart|bezahlmethode)\b.{0,40}\b(andern|wechseln|anpassen)\b/, /\bmit\s+einer\s+anderen\s+(karte|kreditkarte|zahlungsmethode|zahlungsart)\s+(bezahlen|zahlen)\b/],
      [NEG_DE, /\b(abgelehnt|fehlgeschlagen|doppelt)\b/, /\b(welche|gibt es)\b/]),
    rule('change-payment-method-es', 'es', 'modify_payment_method',
      [/\b(cambiar|modificar)\s+(el\s+|mi\s+)?(metodo|forma|medio)\s+de\s+pago\b/, /\bpagar\b.{0,30}\bcon\s+otra\s+tarjeta\b/],
      [NEG_ES('(cambiar|pagar)'), /\b(rechazad[oa]|fallo|doble|dos veces)\b/]),
    rule('change-payment-method-fr', 'fr', 'modify_payment_method',
      [/\b(changer|modifier)\s+(de\s+|le\s+|mon\s+)?(moyen|mode)\s+de\s+paiement\b/, /\bpayer\b.{0,30}\bavec\s+une\s+autre\s+carte\b/],
      [NEG_FR, /\b(refusee?|echoue|deux fois)\b/]),
    rule('change-payment-method-pt', 'pt', 'modify_payment_method',
      [/\b(alterar|mudar|trocar)\s+(o\s+)?(meu\s+)?(metodo|meio|forma)\s+de\s+pagamento\b/, /\bpagar\b.{0,30}\bcom\s+outro\s+cartao\b/],
      [NEG_PT('(alterar|mudar|trocar|pagar)'), /\b(recusado|falhou|duas vezes)\b/]),
  ]),

  // A copy of the invoice (sent, downloaded) before looking at it.
  ...topic(GATE_INVOICE, [
    rule('get-invoice-de', 'de', 'get_invoice',
      [/\b(schicken|senden|mailen|zusenden|zuschicken|schick|sende)\b.{0,40}\brechnung\b/, /\brechnung\b.{0,40}\b(schicken|senden|zusenden|zuschicken|herunterladen|runterladen|downloaden|als pdf|per e-?mail|per mail)\b/, /\b(kopie|duplikat)\s+(meiner|der|einer)\s+rechnung\b/, /\b(brauche|benotige|brauch)\s+(die|eine|meine)\s+rechnung\b/],
      [NEG_DE, /\b(bezahlen|bezahlt|zahlen|falsch|fehler)\b/]),
    rule('get-invoice-es', 'es', 'get_invoice',
      [/\b(enviar(me)?|envienme|envieme|envian|mandar(me)?|mandenme|mandeme|necesito|descargar|quiero|solicito|quisiera|recibir)\s+((una|la|mi)\s+)?(copia\s+de\s+(la|mi)\s+)?factura\b/, /\b(copia|duplicado)\s+de\s+(la|mi)\s+factura\b/, /\bfactura\s+en\s+pdf\b/],
      [NEG_ES('(necesito|quiero|enviar|recib)'), /\b(pagar|error|incorrecta)\b/]),
    rule('get-invoice-fr', 'fr', 'get_invoice',
      [/\b(envoy\w*|transmet\w*|telecharg\w*|recevoir|obtenir)\s+(moi\s+)?(la|ma|une|les|mes)\s+(copie\s+de\s+(la|ma)\s+)?factures?\b/, /\bbesoin\s+(de\s+la|d'une|de\s+ma)\s+(copie\s+de\s+(la|ma)\s+)?facture\b/, /\b(copie|duplicata)\s+de\s+(la|ma)\s+facture\b/, /\bfacture\s+(en|au format)\s+pdf\b/],
      [NEG_FR, /\b(payer|erreur|incorrecte)\b/]),
    rule('get-invoice-pt', 'pt', 'get_invoice',
      [/\b(enviar|envie|envia|enviem|mandar|mande|mandem|receber|descarregar|baixar|obter|emitir|emita)(-me)?\s+(a\s+|uma\s+)?(minha\s+)?(copia\s+da\s+|segunda via\s+da\s+)?faturas?\b/, /\b(preciso|necessito)\s+(da|de uma|de|da minha)\s+(copia\s+da\s+|segunda via\s+da\s+)?(minha\s+)?fatura\b/, /\b(copia|segunda via)\s+da\s+(minha\s+)?fatura\b/, /\bfatura\s+em\s+pdf\b/],
      [NEG_PT('(preciso|enviar|receb)'), /\b(pagar|erro|errada)\b/]),
    rule('check-invoice-de', 'de', 'check_invoice',
      [/\brechnung\b.{0,30}\b(einsehen|ansehen|anschauen|anzeigen|prufen|uberprufen|sehen)\b/, /\b(zeigen sie mir|zeig mir)\b.{0,20}\brechnung\b/, /\bwas steht auf (meiner|der) rechnung\b/],
      [NEG_DE]),
    rule('check-invoice-es', 'es', 'check_invoice',
      [/\b(ver|consultar|revisar|comprobar|mirar|verificar|veo|consulto)\s+(mi|la|el detalle de (mi|la))\s+factura\b/, /\b(muestreme|muestrame|ensename|ensenenme)\s+(mi|la)\s+factura\b/],
      [NEG_ES('(ver|consultar|revisar)')]),
    rule('check-invoice-fr', 'fr', 'check_invoice',
      [/\b(voir|consulter|verifier|afficher|regarder|controler)\s+(ma|la|mes|les)\s+factures?\b/, /\b(montrez|montre)-moi\s+(ma|la)\s+facture\b/],
      [NEG_FR]),
    rule('check-invoice-pt', 'pt', 'check_invoice',
      [/\b(ver|consultar|verificar|conferir|rever|visualizar|vejo|consulto)\s+(a\s+)?(minha|a)\s+fatura\b/, /\b(mostre-me|mostra-me|mostrem-me)\s+(a\s+)?(minha\s+)?fatura\b/],
      [NEG_PT('(ver|consultar)')]),
  ]),

  // The address saved on the account, then an order's delivery address, then a new address to keep.
  ...topic(GATE_ADDRESS, [
    rule('default-address-de', 'de', 'update_default_address',
      [/\b(standard|haupt)[- ]?(liefer|versand)?[- ]?adresse\b.{0,60}\b(andern|ander|aktualisieren|anpassen|bearbeiten)\b/, /\b(ander(n|e|t)|aktualisier(en|e)|anpass(en|e)|bearbeiten)\b.{0,60}\b(standard|haupt)[- ]?(liefer|versand)?[- ]?adresse\b/, /\b(gespeicherte|hinterlegte)\s+adresse\b.{0,60}\b(andern|aktualisieren|anpassen)\b/, /adresse\s+(in|im|von)\s+(meinem\s+)?(kundenkonto|konto|profil|account)\b.{0,30}\b(andern|aktualisieren|anpassen)\b/, /\b(andern|aktualisieren|anpassen)\b.{0,40}\b((gespeicherte|hinterlegte)\s+adresse|adresse\s+(in|im)\s+(meinem\s+)?(kundenkonto|konto|profil|account))\b/],
      [NEG_DE, /\b(hinzufugen|anlegen|einrichten|zweite|weitere|bestellung)\b/]),
    rule('default-address-es', 'es', 'update_default_address',
      [/\b(cambiar|modificar|actualizar|editar)\s+(mi|la)\s+direccion\s+(de\s+(envio|entrega)\s+)?(predeterminada|por defecto|principal|habitual|guardada)\b/, /\b(cambiar|modificar|actualizar|editar)\s+(la\s+)?direccion\s+(de|en)\s+mi\s+(cuenta|perfil)\b/],
      [NEG_ES('(cambiar|modificar|actualizar)'), /\b(pedido|anadir|agregar|nueva)\b/]),
    rule('default-address-fr', 'fr', 'update_default_address',
      [/\b(changer|modifier|mettre a jour)\s+(mon\s+|l')?adresse\s+(de\s+livraison\s+)?(par defaut|principale|enregistree)\b/, /\b(changer|modifier|mettre a jour)\s+(mon\s+|l')?adresse\s+(de|dans|sur)\s+mon\s+(compte|profil)\b/],
      [NEG_FR, /\b(commande|ajouter|nouvelle)\b/]),
    rule('default-address-pt', 'pt', 'update_default_address',
      [/\b(alterar|mudar|atualizar|editar)\s+(a\s+|o\s+)?(minha\s+|meu\s+)?(morada|endereco)\s+(de\s+(entrega|envio)\s+)?(predefinid[oa]|padrao|principal|guardad[oa])\b/, /\b(alterar|mudar|atualizar|editar)\s+(a\s+|o\s+)?(morada|endereco)\s+(da|na|do|no)\s+(minha\s+|meu\s+)?(conta|perfil)\b/],
      [NEG_PT('(alterar|mudar|atualizar)'), /\b(encomenda|pedido|adicionar|nova)\b/]),
    rule('shipping-address-de', 'de', 'change_shipping_address',
      [/\b(liefer|versand|zustell)adresse\b.{0,40}\b(andern|anpassen|korrigieren|aktualisieren)\b/, /\b(ander(n|e)|korrigieren)\b.{0,30}\b(liefer|versand|zustell)adresse\b/, /\ban\s+eine\s+(andere|neue)\s+adresse\s+(schicken|senden|liefern|geliefert|geschickt|verschicken)\b/, /\badresse\s+(meiner|der|fur (meine|die))\s+bestellung\b.{0,30}\b(andern|korrigieren|anpassen)\b/],
      [NEG_DE, /\b(kundenkonto|konto|profil|account|standard\w*|gespeichert\w*|hinterlegt\w*|hinzufugen|anlegen)\b/]),
    rule('shipping-address-es', 'es', 'change_shipping_address',
      [/\b(cambiar|modificar|corregir|actualizar|cambie|cambien|corrija)\s+(la\s+)?direccion\s+de\s+(envio|entrega)\b/, /\b(cambiar|modificar|corregir)\s+la\s+direccion\s+de\s+(mi|el)\s+pedido\b/, /\b(enviar|mandar|entregar)(lo|la|los|las)?\s+a\s+otra\s+direccion\b/],
      [NEG_ES('(cambiar|modificar|corregir|enviar)'), /\b(cuenta|perfil|predeterminada|por defecto|guardada|habitual|principal)\b/]),
    rule('shipping-address-fr', 'fr', 'change_shipping_address',
      [/\b(changer|modifier|corriger|mettre a jour)\s+(l'|mon\s+)?adresse\s+(de\s+livraison|d'expedition|de\s+(ma|la)\s+commande)\b/, /\b(livrer|envoyer|expedier)\s+(ma commande\s+|le colis\s+|la\s+|le\s+|les\s+)?a\s+une\s+autre\s+adresse\b/],
      [NEG_FR, /\b(compte|profil|par defaut|enregistree|principale)\b/]),
    rule('shipping-address-pt', 'pt', 'change_shipping_address',
      [/\b(alterar|mudar|corrigir|atualizar|trocar)\s+(a\s+|o\s+)?(morada|endereco)\s+de\s+(entrega|envio)\b/, /\b(alterar|mudar|corrigir)\s+(a\s+|o\s+)?(morada|endereco)\s+d[ao]\s+(minha\s+|meu\s+)?(encomenda|pedido)\b/, /\b(enviar|entregar|mandar)\s+(a\s+encomenda\s+)?para\s+(outra\s+morada|outro\s+endereco)\b/],
      [NEG_PT('(alterar|mudar|corrigir|enviar)'), /\b(conta|perfil|predefinid[oa]|padrao|guardad[oa])\b/]),
    rule('set-up-address-de', 'de', 'set_up_shipping_address',
      [/adresse\b.{0,40}\b(hinzufugen|hinzuzufugen|anlegen|einrichten|speichern|hinterlegen|eintragen)\b/, /\b(fuge|lege)\b.{0,30}adresse\b.{0,30}\b(hinzu|an)\b/],
      [NEG_DE, /\be-?mail/, /\b(standard\w*|hauptadresse)\b/]),
    rule('set-up-address-es', 'es', 'set_up_shipping_address',
      [/\b(anadir|agregar|guardar|configurar|registrar|crear|anada|agregue)\s+(una\s+)?(nueva\s+|otra\s+|segunda\s+)?direccion\b(?!\s+de\s+(correo|email|e-mail))/],
      [NEG_ES('(anadir|agregar|guardar)')]),
    rule('set-up-address-fr', 'fr', 'set_up_shipping_address',
      [/\b(ajouter|enregistrer|configurer|creer|ajoutez|enregistrez)\s+(une\s+)?(nouvelle\s+|autre\s+|deuxieme\s+|seconde\s+)?adresse\b(?!\s+(e-?mail|mail|electronique))/],
      [NEG_FR]),
    rule('set-up-address-pt', 'pt', 'set_up_shipping_address',
      [/\b(adicionar|guardar|configurar|registar|registrar|criar|acrescentar|adicione|guarde)\s+(uma\s+|um\s+)?(nova\s+|outra\s+|segunda\s+|novo\s+|outro\s+)?(morada|endereco)\b(?!\s+de\s+e-?mail)/],
      [NEG_PT('(adicionar|guardar)')]),
  ]),

  // An item's size or colour in an order not yet delivered; after delivery it is an exchange.
  // "cambiar"/"trocar" also mean change: only "… for another one" is an exchange in Spanish and Portuguese.
  ...topic(GATE_ORDER, [
    rule('modify-items-de', 'de', 'modify_items',
      [/\b(grosse|farbe|variante)\b.{0,60}\bbestellung\b.{0,30}\b(andern|anpassen|tauschen)\b/, /\bbestellung\b.{0,40}\b(grosse|farbe|variante)\b.{0,30}\b(andern|anpassen)\b/],
      [NEG_DE, /\b(geliefert|erhalten|bekommen|angekommen|umtausch\w*|umtauschen|zuruck\w*|adresse)\b/]),
    rule('modify-items-es', 'es', 'modify_items',
      [/\bcambiar\s+(la\s+|el\s+)?(talla|color|modelo|capacidad)\b.{0,50}\bpedido\b/],
      [NEG_ES('cambiar'), /\b(recibido|recibi|llego|entregad[oa]|devol\w*)\b/]),
    rule('modify-items-fr', 'fr', 'modify_items',
      [/\b(changer|modifier)\s+(la\s+|le\s+)?(taille|couleur|modele|capacite|pointure)\b.{0,50}\bcommande\b/],
      [NEG_FR, /\b(recue?s?|livree?s?|arrivee?s?|retour\w*|echange\w*)\b/]),
    rule('modify-items-pt', 'pt', 'modify_items',
      [/\b(alterar|mudar|trocar)\s+(o\s+|a\s+)?(tamanho|cor|modelo|capacidade)\b.{0,50}\b(encomenda|pedido)\b/],
      [NEG_PT('(alterar|mudar|trocar)'), /\b(recebi|recebid[oa]|entregue|chegou|devol\w*)\b/]),
    rule('exchange-items-de', 'de', 'exchange_items',
      [/\b(mochte|will|wollte|wurde gern|wie kann ich|kann ich|bitte)\b.{0,50}\b(umtauschen|eintauschen)\b/, /\b(mochte|will|hatte gern)\b.{0,20}\beinen umtausch\b/],
      [NEG_DE, /\b(richtlinie\w*|bedingung\w*|frist|wie lange|kostet|noch nicht (geliefert|angekommen|verschickt))\b/]),
    rule('exchange-items-es', 'es', 'exchange_items',
      [/\bcambiar(l[oa]s?)?\b.{0,40}\bpor\s+(otr[oa]s?|una?\s+talla|un\s+color)\b/, /\b(hacer|solicitar|pedir)\s+un\s+cambio\b/],
      [NEG_ES('cambi'), /\b(todavia no|aun no|pendiente|politica|plazo|direccion|tarjeta|pago|contrasena)\b/]),
    rule('exchange-items-fr', 'fr', 'exchange_items',
      [/\b(je veux|je voudrais|je souhaite|j'aimerais|comment)\s+(l'|le\s+|la\s+|les\s+)?echanger\b/, /\b(faire|demander)\s+un\s+echange\b/],
      [NEG_FR, /\b(politique|conditions|delai|pas encore|en attente)\b/]),
    rule('exchange-items-pt', 'pt', 'exchange_items',
      [/\btroca(r|-l[oa]s?)\b.{0,40}\bpor\s+(outr[oa]s?|um\s+tamanho|uma\s+cor)\b/, /\b(fazer|pedir|solicitar)\s+uma\s+troca\b/],
      [NEG_PT('troca'), /\b(ainda nao|pendente|politica|prazo|morada|endereco|cartao|pagamento|palavra-passe)\b/]),
    rule('change-order-de', 'de', 'change_order',
      [/\b(meine|die|diese)\s+(offene\s+)?(bestellung|auftrag)\b.{0,30}\b(andern|bearbeiten|anpassen)\b/, /\bzur\s+bestellung\b.{0,30}\bhinzufugen\b/, /\bentfernen\b.{0,40}\baus\s+(meiner|der)\s+(offenen\s+)?bestellung\b/, /\baus\s+(meiner|der)\s+(offenen\s+)?bestellung\b.{0,40}\bentfernen\b/],
      [NEG_DE, /(adresse|zahlung|zahlart|karte|grosse|farbe|storn|umtausch|zuruck)/]),
    rule('change-order-es', 'es', 'change_order',
      [/\b(modificar|cambiar|editar)\s+(mi|el)\s+pedido\b/, /\b(anadir|agregar)\b.{0,40}\ba\s+(mi|el)\s+pedido\b/, /\b(quitar|eliminar|sacar|borrar)\b.{0,40}\bde\s+(mi|el)\s+pedido\b/],
      [NEG_ES('(modificar|cambiar|anadir|quitar)'), /\b(direccion|pago|tarjeta|talla|color|cancel\w*|devol\w*)\b/]),
    rule('change-order-fr', 'fr', 'change_order',
      [/\b(modifier|changer)\s+(ma|la)\s+commande\b/, /\bajouter\b.{0,40}\ba\s+(ma|la)\s+commande\b/, /\b(retirer|supprimer|enlever)\b.{0,40}\bde\s+(ma|la)\s+commande\b/],
      [NEG_FR, /\b(adresse|paiement|carte|taille|couleur|annul\w*|retour\w*)\b/]),
    rule('change-order-pt', 'pt', 'change_order',
      [/\b(alterar|mudar|modificar|editar)\s+(a\s+|o\s+)?(minha\s+|meu\s+)?(encomenda|pedido)\b/, /\b(adicionar|acrescentar)\b.{0,40}\b(a|na)\s+(minha\s+)?encomenda\b/, /\b(remover|retirar|tirar)\b.{0,40}\bda\s+(minha\s+)?encomenda\b/],
      [NEG_PT('(alterar|mudar|adicionar|remover)'), /\b(morada|endereco|pagamento|cartao|tamanho|cor|cancel\w*|devol\w*)\b/]),
  ]),

  ...topic(GATE_POLICY, [
    rule('refund-policy-de', 'de', 'check_refund_policy', [/\b(ruckgabe|erstattungs|ruckerstattungs|retouren|umtausch)(richtlinien?|bedingungen|politik|regeln|frist)\b/, /\bruckgaberecht\b/]),
    rule('refund-policy-es', 'es', 'check_refund_policy', [/\bpolitica\s+de\s+(devolucion(es)?|reembolsos?|cambios)\b/, /\b(condiciones|plazo)\s+(de|para)\s+(la\s+|las\s+)?(devolucion(es)?|devolver|reembolsos?)\b/]),
    rule('refund-policy-fr', 'fr', 'check_refund_policy', [/\bpolitique\s+de\s+(retour|remboursement)s?\b/, /\b(conditions|delai)\s+de\s+(retour|remboursement)s?\b/]),
    rule('refund-policy-pt', 'pt', 'check_refund_policy', [/\bpolitica\s+de\s+(devolucao|devolucoes|reembolsos?|trocas)\b/, /\b(condicoes|prazo)\s+(de|para)\s+(devolucao|devolver|reembolso)\b/]),
  ]),

  ...topic(GATE_DELIVERY, [
    rule('delivery-options-de', 'de', 'delivery_options', [/\b(welche|was fur)\s+(versandarten|versandoptionen|liefermoglichkeiten|lieferoptionen|versandmethoden|lieferarten|versandmoglichkeiten)\b/, /\b(versandarten|versandoptionen|lieferoptionen|liefermoglichkeiten)\s+(gibt es|bieten sie|haben sie)\b/], [/\b(andern|wechseln)\b/]),
    rule('delivery-options-es', 'es', 'delivery_options', [/\b(opciones|metodos|tipos|formas)\s+de\s+(envio|entrega)\b/, /\b(hacen|tienen|ofrecen)\s+envio\s+(urgente|express|expres)\b/], [/\b(cambiar|modificar)\b/]),
    rule('delivery-options-fr', 'fr', 'delivery_options', [/\b(options|modes|methodes|types)\s+de\s+livraison\b/, /\b(proposez|faites|avez)-vous\s+(la\s+)?livraison\s+(express|rapide)\b/], [/\b(changer|modifier)\b/]),
    rule('delivery-options-pt', 'pt', 'delivery_options', [/\b(opcoes|metodos|modos|tipos|formas)\s+de\s+(envio|entrega)\b/, /\b(tem|fazem|oferecem)\s+(envio|entrega)\s+(expresso|rapid[oa])\b/], [/\b(alterar|mudar)\b/]),
  ]),

  ...topic(GATE_DELIVERY, [
    rule('delivery-period-de', 'de', 'delivery_period', [/\bwie\s+lange\s+(dauert|braucht)\s+(der\s+versand|die\s+lieferung|die\s+zustellung|eine\s+lieferung|der\s+standardversand|der\s+expressversand)\b/, /\bwie\s+lange\s+(ist|sind|betragt|betragen)\s+die\s+(lieferzeit|lieferzeiten|lieferdauer|versanddauer)\b/], [/(erstattung|geld|ruckgabe|zuruck)/]),
    rule('delivery-period-es', 'es', 'delivery_period', [/\bcuanto\s+(tiempo\s+)?(tarda|tardan|demora|demoran)\s+(el\s+envio|la\s+entrega|en\s+llegar|los\s+envios)\b/, /\b(cual|cuales)\s+(es|son)\s+(el|los)\s+(plazos?|tiempos?)\s+de\s+(entrega|envio)\b/], [/\b(reembolso|devolucion|dinero)\b/]),
    rule('delivery-period-fr', 'fr', 'delivery_period', [/\bcombien de temps\b.{0,30}\b(livraison|livrer|livre|livree|expedition|recevoir)\b/, /\bquels?\s+(sont|est)\s+(les|le)\s+delais?\s+de\s+livraison\b/], [/\b(rembours\w*|retour|argent)\b/]),
    rule('delivery-period-pt', 'pt', 'delivery_period', [/\bquanto\s+tempo\b.{0,30}\b(entrega|envio|a chegar|para chegar|receber)\b/, /\b(qual|quais)\s+(e|sao)\s+(o|os)\s+prazos?\s+de\s+(entrega|envio)\b/], [/\b(reembolso|devolu\w*|dinheiro)\b/]),
  ]),

  ...topic(GATE_COMPLAINT, [
    rule('complaint-de', 'de', 'complaint',
      [/\bbeschwerde\b.{0,30}\b(einreichen|einlegen|machen|aufgeben|abgeben|erheben)\b/, /\b(mochte|will|muss)\s+mich\b.{0,40}\bbeschweren\b/, /\bich\s+beschwere\s+mich\b/, /\b(sehr|wirklich)\s+(enttauscht|unzufrieden)\s+(von|mit)\s+(ihnen|euch|ihrem\s+(service|shop|kundenservice))\b/],
      [NEG_DE]),
    rule('complaint-es', 'es', 'complaint',
      [/\b(poner|presentar|hacer|registrar)\s+una\s+(queja|reclamacion)\b/, /\bquiero\s+quejarme\b/, /\b(decepcionad[oa]|insatisfech[oa])\s+con\s+(ustedes|su\s+(servicio|tienda|atencion))\b/],
      [NEG_ES('(poner|presentar|quiero)')]),
    rule('complaint-fr', 'fr', 'complaint',
      [/\b(deposer|faire|porter|formuler|adresser)\s+(une\s+)?(reclamation|plainte)\b/, /\bje\s+(veux|voudrais|souhaite)\s+me\s+plaindre\b/, /\b(decue?|mecontente?)\s+(de\s+votre\s+(service|boutique|magasin)|par\s+votre\s+service|de\s+vous)\b/],
      [NEG_FR]),
    rule('complaint-pt', 'pt', 'complaint',
      [/\b(fazer|apresentar|registar|registrar|abrir)\s+uma\s+(reclamacao|queixa)\b/, /\bquero\s+(me\s+)?(queixar|reclamar)(-me)?\b/, /\blivro de reclamacoes\b/, /\b(desiludid[oa]|insatisfeit[oa]|dececionad[oa])\s+com\s+(voces|o\s+vosso\s+(servico|atendimento)|a\s+vossa\s+loja)\b/],
      [NEG_PT('(fazer|apresentar|quero)')]),
  ]),

  ...topic(GATE_BUYING, [
    rule('place-order-de', 'de', 'place_order',
      [/\b(eine|neue)\s+bestellung\s+aufgeben\b/, /\bwie\s+(bestelle|kaufe)\s+ich\b/, /\b(mochte|will|wurde gern)\s+(etwas|was|einen artikel|ein produkt)\s+(bei ihnen\s+)?(bestellen|kaufen)\b/],
      [NEG_DE, /(storn|newsletter|rechnung|zuruck)/]),
    rule('place-order-es', 'es', 'place_order',
      [/\b(hacer|realizar)\s+un\s+(nuevo\s+)?pedido\b/, /\bcomo\s+(puedo\s+)?(compro|comprar|hago un pedido|pido algo|pedir algo)\b/],
      [NEG_ES('(hacer|realizar)'), /\b(cancel\w*|devol\w*|factura|reembolso)\b/]),
    rule('place-order-fr', 'fr', 'place_order',
      [/\b(passer|effectuer)\s+(une\s+)?(nouvelle\s+)?commande\b/, /\bcomment\s+(commander|acheter|je commande|puis-je commander)\b/],
      [NEG_FR, /\b(annul\w*|retour\w*|facture|modifier)\b/]),
    rule('place-order-pt', 'pt', 'place_order',
      [/\b(fazer|efetuar|realizar)\s+uma\s+(nova\s+)?encomenda\b/, /\bcomo\s+(posso\s+)?(encomendar|comprar|faco uma encomenda)\b/],
      [NEG_PT('(fazer|efetuar)'), /\b(cancel\w*|devol\w*|fatura)\b/]),
  ]),

  ...topic(GATE_SERVICE, [
    rule('customer-service-de', 'de', 'contact_customer_service', [/\b(telefonnummer|e-?mail(-adresse)?|offnungszeiten|hotline|kontaktdaten)\b.{0,20}\b(des\s+|vom\s+)?(kundenservice|kundendienst|kundensupports?)\b/, /\bwie\s+(erreiche|kontaktiere)\s+ich\s+(den|ihren)\s+(kundenservice|kundendienst|support)\b/, /\bwie\s+kann\s+ich\s+(den|ihren)\s+(kundenservice|kundendienst|support)\s+(erreichen|kontaktieren|anrufen)\b/]),
    rule('customer-service-es', 'es', 'contact_customer_service', [/\b(telefono|numero de telefono|correo|email|horario)\s+(de|del)\s+(atencion al cliente|servicio (de atencion )?al cliente|soporte)\b/, /\bcomo\s+(puedo\s+)?(contactar|contacto|llamar|comunicarme)\s+(con\s+)?(el\s+|la\s+)?(atencion al cliente|servicio (de atencion )?al cliente|soporte)\b/]),
    rule('customer-service-fr', 'fr', 'contact_customer_service', [/\b(numero|telephone|adresse e-?mail|horaires|email)\s+(de|du)\s+(service client|support)\b/, /\bcomment\s+(puis-je\s+|je peux\s+)?(contacter|joindre|appeler)\s+(le|votre)\s+(service client|support)\b/]),
    rule('customer-service-pt', 'pt', 'contact_customer_service', [/\b(numero|telefone|contacto|email|e-mail|horario)\s+(de|do)\s+(apoio ao cliente|servico de apoio( ao cliente)?|atendimento( ao cliente)?)\b/, /\bcomo\s+(posso\s+)?(contactar|contatar|ligar para)\s+(o\s+)?(apoio ao cliente|servico de apoio( ao cliente)?|atendimento( ao cliente)?)\b/]),
  ]),

  ...topic(GATE_REVIEW, [
    rule('review-de', 'de', 'review',
      [/\b(bewertung|rezension|erfahrungsbericht)\b.{0,40}\b(schreiben|abgeben|hinterlassen|verfassen)\b/, /\b(mochte|will|wie kann ich|kann ich)\b.{0,30}\b(produkt|artikel|bestellung|einkauf|service)\s+bewerten\b/],
      [NEG_DE]),
    rule('review-es', 'es', 'review',
      [/\b(dejar|escribir|publicar|hacer|poner)\s+(una\s+|mi\s+)?(resena|opinion|valoracion)\b/, /\b(valorar|calificar|puntuar)\s+(el|mi|la|este|esta)\s+(producto|pedido|compra|servicio|articulo)\b/],
      [NEG_ES('(dejar|escribir|valorar)')]),
    rule('review-fr', 'fr', 'review',
      [/\b(laisser|ecrire|publier|donner|deposer)\s+(un|une|mon)\s+(avis|evaluation)\b/, /\b(noter|evaluer)\s+(le|ce|mon|la|cet)\s+(produit|article|commande|service)\b/],
      [NEG_FR]),
    rule('review-pt', 'pt', 'review',
      [/\b(deixar|escrever|publicar|fazer|dar)\s+(uma|a minha)\s+(avaliacao|opiniao|critica|review)\b/, /\b(avaliar|classificar)\s+(o|a|este|esta|o meu|a minha)\s+(produto|artigo|encomenda|compra|servico)\b/],
      [NEG_PT('(deixar|escrever|avaliar)')]),
  ]),
];

/** The first language rule that fires for the text, if any (the same contract as the English rules). */
export function matchLanguageRule(text: string, allowed?: (label: string) => boolean): LanguageRule | undefined {
  const t = foldForRules(text);
  const open = new Map<RegExp, boolean>();
  for (const rule of LANGUAGE_RULES) {
    if (allowed && !allowed(rule.label)) continue;
    if (rule.gate) {
      let passes = open.get(rule.gate);
      if (passes === undefined) open.set(rule.gate, (passes = rule.gate.test(t)));
      if (!passes) continue;
    }
    if (!rule.match.some((re) => re.test(t))) continue;
    const checked = rule.reasons ? t.replace(rule.reasons, ' ') : t;
    if (rule.unless?.some((re) => re.test(checked))) continue;
    return rule;
  }
  return undefined;
}
