/**
 * Text → search terms in German, Spanish, French and Portuguese, the way `tokenise` does it for English:
 * lower case, accents folded (customers often type "devolucion" or "Ruckerstattung"), French elisions
 * cut ("l'adresse" → "adresse"), stop words dropped, and each word cut to a light stem so that
 * "stornieren", "storniert" and "Stornierung" meet. A stem only has to be consistent, not a real word.
 */
import { tokenise } from './tokenise';

interface Analyser {
  stopWords: ReadonlySet<string>;
  /** Longest first; the first suffix that leaves at least `minStem` letters is cut. */
  suffixes: readonly (readonly [string, string])[];
  minStem: number;
  /** Suffixes cut once more after the first cut ("beschädigte" → "beschädigt" → "beschädig"). */
  again?: readonly string[];
  /** Folded words whose stem the suffix rules would get wrong, or would not bring together. */
  irregular: Readonly<Record<string, string>>;
}

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/).map(fold));

/** Lower case without accents; "ß" becomes "ss" and "œ" "oe", so both spellings meet. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const GERMAN: Analyser = {
  stopWords: words(`
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus
    bei beim bin bis bitte bist da damit dann das dass dazu dein deine deinem deinen deiner dem den denn der des
    dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines
    einfach er es etwas euch euer eure für gibt habe haben hallo hat hatte hätte ich ihm ihn ihnen ihr ihre ihrem
    ihren ihrer ihres im in ist ja jemand jetzt kann kannst können könnte man mein meine meinem meinen meiner
    meines mich mir mit muss müssen nach nicht noch nun nur ob oder ohne schon sehr sein seine sich sie sind so
    soll sollte um und uns unser unsere unter viel vom von vor war waren warum was weil welche welchem welchen
    welcher welches wenn wer werde werden wie wieder will wir wird wo wurde würde zu zum zur danke dank guten tag
    mal gerne gern möchte möchten hilfe helfen wissen sagen bekomme bekommen
  `),
  suffixes: [
    ['ungen', ''],
    ['heiten', ''],
    ['keiten', ''],
    ['ung', ''],
    ['heit', ''],
    ['keit', ''],
    ['ern', ''],
    ['est', ''],
    ['em', ''],
    ['en', ''],
    ['er', ''],
    ['es', ''],
    ['st', ''],
    ['e', ''],
    ['n', ''],
    ['s', ''],
    ['t', ''],
  ],
  minStem: 4,
  again: ['t', 'e'],
  irregular: {
    kaputt: 'beschadig',
    zuruckschicken: 'zurucksend',
    zuruckgeschickt: 'zurucksend',
    zuruckgesendet: 'zurucksend',
    zuruckgesandt: 'zurucksend',
    zurucksenden: 'zurucksend',
    zurucksendung: 'zurucksend',
    retoure: 'zurucksend',
    ruckgabe: 'zurucksend',
    zuruckgeben: 'zurucksend',
    bezahlt: 'bezahl',
    gezahlt: 'zahl',
    bestellt: 'bestell',
    geliefert: 'liefer',
    erstattet: 'erstatt',
    ruckerstattung: 'erstatt',
    storno: 'stornier',
    umgetauscht: 'umtausch',
    geandert: 'ander',
    geloscht: 'losch',
    passwort: 'passwort',
    konto: 'konto',
    konten: 'konto',
  },
};

const SPANISH: Analyser = {
  stopWords: words(`
    a al algo alguien unos unas algún alguna alguno algunos ante antes como con contra cual cuales cuando de del desde donde
    dos el ella ellas ellos en entre era es esa ese eso esta estas este esto estos estoy fue ha hay la las le les
    lo los me mi mis mucho muy más nada ni no nos o os otra otro para pero poco por porque que qué quien se sea
    ser si sin sobre son su sus también tengo tiene todo tu tus un una uno unos usted ustedes y ya yo hola gracias
    favor quiero quisiera necesito puedo puede pueden podría saber ayuda ayudar hacer hago cómo dónde cuándo cuál
    cuánto cuánta cuántos cuántas
  `),
  suffixes: [
    ['amientos', ''],
    ['imientos', ''],
    ['amiento', ''],
    ['imiento', ''],
    ['aciones', ''],
    ['iciones', ''],
    ['acion', ''],
    ['icion', ''],
    ['idades', ''],
    ['idad', ''],
    ['mente', ''],
    ['amos', ''],
    ['emos', ''],
    ['imos', ''],
    ['ando', ''],
    ['iendo', ''],
    ['ados', ''],
    ['adas', ''],
    ['idos', ''],
    ['idas', ''],
    ['ado', ''],
    ['ada', ''],
    ['ido', ''],
    ['ida', ''],
    ['ar', ''],
    ['er', ''],
    ['ir', ''],
    ['as', ''],
    ['es', ''],
    ['os', ''],
    ['an', ''],
    ['en', ''],
    ['a', ''],
    ['e', ''],
    ['o', ''],
    ['s', ''],
  ],
  minStem: 4,
  irregular: {
    devolucion: 'devolv',
    devoluciones: 'devolv',
    devuelto: 'devolv',
    devuelta: 'devolv',
    devolverlo: 'devolv',
    devolverla: 'devolv',
    devuelvo: 'devolv',
    envio: 'envi',
    envios: 'envi',
    enviado: 'envi',
    pague: 'pag',
    pago: 'pag',
    pagos: 'pag',
    pagar: 'pag',
    pagado: 'pag',
    roto: 'danad',
    rota: 'danad',
    cobrado: 'cobr',
    cobro: 'cobr',
    cobros: 'cobr',
    creo: 'cre',
    crear: 'cre',
    cree: 'cre',
    creado: 'cre',
    creada: 'cre',
    contrasena: 'contrasen',
    contrasenas: 'contrasen',
  },
};

const FRENCH: Analyser = {
  stopWords: words(`
    a au aux avec ce ces cet cette dans de des du elle elles en est et être il ils je la le les leur leurs lui ma
    mais me mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses si son sur ta te tes toi ton
    tu un une vos votre vous y c d j l m n s t ai as avez avons ont suis es sont été était faire fait peut peux
    pouvez puis-je comment quand quel quelle quels quelles pourquoi combien bonjour merci svp plait veux voudrais
    souhaite aimerais besoin aide aider savoir est-ce ça cela ceci quoi
  `),
  suffixes: [
    ['issements', ''],
    ['issement', ''],
    ['atrices', ''],
    ['ations', ''],
    ['ateurs', ''],
    ['atrice', ''],
    ['ateur', ''],
    ['ation', ''],
    ['ements', ''],
    ['ement', ''],
    ['ments', ''],
    ['ment', ''],
    ['euses', ''],
    ['euse', ''],
    ['ons', ''],
    ['ees', ''],
    ['ee', ''],
    ['es', ''],
    ['er', ''],
    ['ez', ''],
    ['e', ''],
    ['s', ''],
    ['x', ''],
  ],
  minStem: 4,
  irregular: {
    envoi: 'envoy',
    envoye: 'envoy',
    envoyee: 'envoy',
    envoyer: 'envoy',
    casse: 'endommag',
    cassee: 'endommag',
    abime: 'endommag',
    abimee: 'endommag',
    paye: 'pai',
    payer: 'pai',
    payee: 'pai',
    paiement: 'pai',
    paiements: 'pai',
    rembourse: 'rembours',
    remboursee: 'rembours',
  },
};

const PORTUGUESE: Analyser = {
  stopWords: words(`
    a à ao aos as às com como da das de do dos e é ela elas ele eles em entre era essa esse isso esta está estas
    este estou eu foi há isto já lhe lhes mais mas me meu meus minha minhas muito na nas nem no nos não o os ou
    para pela pelas pelo pelos por porque quando que qual quem se sem ser seu seus sua suas também tem tenho um
    uma uns umas você vocês olá obrigado obrigada favor quero queria gostaria preciso posso pode podem saber
    ajuda ajudar fazer como onde
  `),
  suffixes: [
    ['amentos', ''],
    ['imentos', ''],
    ['amento', ''],
    ['imento', ''],
    ['acoes', ''],
    ['icoes', ''],
    ['acao', ''],
    ['icao', ''],
    ['idades', ''],
    ['idade', ''],
    ['mente', ''],
    ['amos', ''],
    ['emos', ''],
    ['imos', ''],
    ['ando', ''],
    ['endo', ''],
    ['ados', ''],
    ['adas', ''],
    ['idos', ''],
    ['idas', ''],
    ['ado', ''],
    ['ada', ''],
    ['ido', ''],
    ['ida', ''],
    ['ar', ''],
    ['er', ''],
    ['ir', ''],
    ['as', ''],
    ['es', ''],
    ['os', ''],
    ['am', ''],
    ['em', ''],
    ['a', ''],
    ['e', ''],
    ['o', ''],
    ['s', ''],
  ],
  minStem: 4,
  irregular: {
    devolucao: 'devolv',
    devolucoes: 'devolv',
    devolvido: 'devolv',
    devolvida: 'devolv',
    devolve: 'devolv',
    devolvo: 'devolv',
    partido: 'danific',
    partida: 'danific',
    estragado: 'danific',
    estragada: 'danific',
    pago: 'pag',
    pagar: 'pag',
    paguei: 'pag',
    pagamento: 'pag',
    pagamentos: 'pag',
    crio: 'cri',
    criar: 'cri',
    criei: 'cri',
    criada: 'cri',
    criado: 'cri',
    envio: 'envi',
    enviada: 'envi',
    enviado: 'envi',
  },
};

const ANALYSERS: Readonly<Record<string, Analyser>> = { de: GERMAN, es: SPANISH, fr: FRENCH, pt: PORTUGUESE };

/** The languages with their own analyser; any other language is read as English. */
export const ANALYSED_LANGUAGES = ['en', ...Object.keys(ANALYSERS)] as const;

function stemWith(analyser: Analyser, word: string): string {
  const irregular = analyser.irregular[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= analyser.minStem || /\d/.test(word)) return word;
  for (const [suffix, replacement] of analyser.suffixes) {
    if (!word.endsWith(suffix)) continue;
    const cut = word.slice(0, -suffix.length);
    if (cut.length < analyser.minStem) continue;
    const stem = cut + replacement;
    const again = analyser.again?.find((s) => stem.endsWith(s) && stem.length - s.length >= analyser.minStem);
    return again ? stem.slice(0, -again.length) : stem;
  }
  return word;
}

/** The stem of one (already folded) word in a language. */
export function stemIn(language: string, word: string): string {
  const analyser = ANALYSERS[language];
  return analyser ? stemWith(analyser, word) : word;
}

/** Search terms of a text in a language: German, Spanish, French and Portuguese by their own rules, anything else as English. */
export function tokeniseIn(language: string | undefined, text: string): string[] {
  const analyser = language === undefined ? undefined : ANALYSERS[language];
  if (!analyser) return tokenise(text);
  const spelled = fold(text)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\be-?mails?\b/g, 'email')
    // French and Portuguese elisions: "l'adresse", "qu'il", "d'annulation".
    .replace(/\b(?:qu|[cdjlmnst])'/g, ' ');
  const terms: string[] = [];
  for (const word of spelled.split(/[^a-z0-9]+/)) {
    if (word.length < 2 || analyser.stopWords.has(word)) continue;
    terms.push(stemWith(analyser, word));
  }
  return terms;
}
