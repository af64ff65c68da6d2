/**
 * The words that state facts — numbers, months, weekdays, "tomorrow", units of time — in each served
 * language, and the commitments only the store's code may make, so the phrasing check can compare a
 * reply in one language with its template in another. Words are folded (lower case, no diacritics:
 * `foldForMatching`) and matched on folded text.
 */

export interface FactLexicon {
  /** Number words as written out, 0–99 and round hundreds/thousands; articles ("ein", "un", "une", "um") are left out. */
  numbers: Record<string, number>;
  months: Record<string, string>;
  weekdays: Record<string, string>;
  /** Relative times, as the English key they mean ("morgen" → "tomorrow"). */
  when: Record<string, string>;
  /** Units of time, as the English unit. */
  units: Record<string, string>;
  /** Greetings and wishes that mention a day but promise nothing ("Guten Morgen", "buen día"). */
  pleasantries: string[];
}

const MONTH_KEYS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const byPosition = (keys: string[], words: (string | string[])[]): Record<string, string> =>
  Object.fromEntries(words.flatMap((w, i) => (Array.isArray(w) ? w : [w]).map((word) => [word, keys[i] ?? ''])));

const numberTable = (entries: [string, number][]): Record<string, number> => Object.fromEntries(entries);

function germanNumbers(): Record<string, number> {
  const units = ['', 'ein', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun'];
  const teens = ['zehn', 'elf', 'zwolf', 'dreizehn', 'vierzehn', 'funfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
  const tens = ['', '', 'zwanzig', 'dreissig', 'vierzig', 'funfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
  const out: [string, number][] = [['null', 0], ['eins', 1], ['zwo', 2], ['hundert', 100], ['tausend', 1000]];
  units.forEach((u, i) => i > 1 && out.push([u, i]));
  teens.forEach((t, i) => out.push([t, 10 + i]));
  const forms = (t: string) => (t === 'dreissig' ? ['dreissig', 'dreißig'] : [t]);
  tens.forEach((tensWord, i) => {
    for (const t of tensWord ? forms(tensWord) : []) {
      out.push([t, i * 10]);
      units.forEach((u, j) => j > 0 && out.push([`${u}und${t}`, i * 10 + j]));
    }
  });
  return numberTable(out);
}

function spanishNumbers(): Record<string, number> {
  const units = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
  const teens = ['diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve'];
  const twenties = ['veinte', 'veintiuno', 'veintidos', 'veintitres', 'veinticuatro', 'veinticinco', 'veintiseis', 'veintisiete', 'veintiocho', 'veintinueve'];
  const tens = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
  const out: [string, number][] = [['cien', 100], ['ciento', 100], ['mil', 1000]];
  units.forEach((u, i) => out.push([u, i]));
  teens.forEach((t, i) => out.push([t, 10 + i]));
  twenties.forEach((t, i) => out.push([t, 20 + i]));
  tens.forEach((t, i) => {
    if (!t) return;
    out.push([t, i * 10]);
    units.forEach((u, j) => j > 0 && out.push([`${t} y ${u}`, i * 10 + j]));
  });
  return numberTable(out);
}

function frenchNumbers(): Record<string, number> {
  const units = ['zero', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
  const teens = ['dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
  const out: [string, number][] = [['mille', 1000]];
  units.forEach((u, i) => i !== 1 && out.push([u, i]));
  teens.forEach((t, i) => out.push([t, 10 + i]));
  const regular: [string, number][] = [['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50], ['soixante', 60], ['septante', 70], ['huitante', 80], ['nonante', 90]];
  for (const [t, v] of regular) {
    out.push([t, v], [`${t} et un`, v + 1], [`${t}-et-un`, v + 1]);
    units.forEach((u, j) => j > 1 && out.push([`${t}-${u}`, v + j]));
  }
  // 70–79 and 90–99 count on from sixty and eighty: soixante-dix, quatre-vingt-onze.
  out.push(['soixante et onze', 71], ['soixante-et-onze', 71], ['quatre-vingts', 80], ['quatre-vingt', 80], ['quatre-vingt-un', 81]);
  teens.forEach((t, i) => {
    if (i !== 1) out.push([`soixante-${t}`, 70 + i]);
    out.push([`quatre-vingt-${t}`, 90 + i]);
  });
  units.forEach((u, j) => j > 1 && out.push([`quatre-vingt-${u}`, 80 + j]));
  return numberTable(out);
}

function portugueseNumbers(): Record<string, number> {
  const units = ['zero', '', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'];
  const teens = [['dez'], ['onze'], ['doze'], ['treze'], ['catorze', 'quatorze'], ['quinze'], ['dezasseis', 'dezesseis'], ['dezassete', 'dezessete'], ['dezoito'], ['dezanove', 'dezenove']];
  const tens = ['', '', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'setenta', 'oitenta', 'noventa'];
  const out: [string, number][] = [['duas', 2], ['cem', 100], ['cento', 100], ['mil', 1000]];
  units.forEach((u, i) => u && out.push([u, i]));
  teens.forEach((forms, i) => forms.forEach((t) => out.push([t, 10 + i])));
  tens.forEach((t, i) => {
    if (!t) return;
    out.push([t, i * 10], [`${t} e um`, i * 10 + 1], [`${t} e uma`, i * 10 + 1], [`${t} e duas`, i * 10 + 2]);
    units.forEach((u, j) => j > 1 && u && out.push([`${t} e ${u}`, i * 10 + j]));
  });
  return numberTable(out);
}

export const FACT_LEXICONS: Record<string, FactLexicon> = {
  de: {
    numbers: germanNumbers(),
    months: byPosition(MONTH_KEYS, [['januar', 'janner'], 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember']),
    weekdays: byPosition(WEEKDAY_KEYS, ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', ['samstag', 'sonnabend'], 'sonntag']),
    when: {
      heute: 'today', morgen: 'tomorrow', gestern: 'yesterday', ubermorgen: 'the day after tomorrow', 'heute abend': 'tonight', 'heute nacht': 'tonight',
      'nachste woche': 'next week', 'kommende woche': 'next week', 'diese woche': 'this week', 'nachsten monat': 'next month', 'nachster monat': 'next month',
      'ende der woche': 'end of the week', 'bis ende des tages': 'end of the day',
    },
    units: unitTable({ day: ['tag', 'tage', 'tagen', 'tages', 'werktag', 'werktage', 'werktagen', 'arbeitstag', 'arbeitstage', 'arbeitstagen'], week: ['woche', 'wochen'], hour: ['stunde', 'stunden'], minute: ['minute', 'minuten'], month: ['monat', 'monate', 'monaten', 'monats'], year: ['jahr', 'jahre', 'jahren', 'jahres'] }),
    pleasantries: ['guten morgen', 'guten tag', 'schonen tag', 'schones wochenende', 'schonen abend', 'guten abend', 'einen schonen tag'],
  },
  es: {
    numbers: spanishNumbers(),
    months: byPosition(MONTH_KEYS, ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', ['septiembre', 'setiembre'], 'octubre', 'noviembre', 'diciembre']),
    weekdays: byPosition(WEEKDAY_KEYS, ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo']),
    when: {
      hoy: 'today', manana: 'tomorrow', ayer: 'yesterday', 'pasado manana': 'the day after tomorrow', 'esta noche': 'tonight',
      'la proxima semana': 'next week', 'la semana que viene': 'next week', 'proxima semana': 'next week', 'esta semana': 'this week', 'el proximo mes': 'next month', 'el mes que viene': 'next month',
      'fin de semana': 'weekend', 'final del dia': 'end of the day',
    },
    units: unitTable({ day: ['dia', 'dias'], week: ['semana', 'semanas'], hour: ['hora', 'horas'], minute: ['minuto', 'minutos'], month: ['mes', 'meses'], year: ['ano', 'anos'] }),
    pleasantries: ['buenos dias', 'buen dia', 'buenas tardes', 'buenas noches', 'feliz dia', 'buen fin de semana', 'que tenga un buen dia', 'que tengas un buen dia', 'por la manana', 'esta manana', 'de la manana'],
  },
  fr: {
    numbers: frenchNumbers(),
    months: byPosition(MONTH_KEYS, ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre']),
    weekdays: byPosition(WEEKDAY_KEYS, ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']),
    when: {
      "aujourd'hui": 'today', "aujourd’hui": 'today', demain: 'tomorrow', hier: 'yesterday', 'apres-demain': 'the day after tomorrow', 'ce soir': 'tonight',
      'la semaine prochaine': 'next week', 'semaine prochaine': 'next week', 'cette semaine': 'this week', 'le mois prochain': 'next month', 'mois prochain': 'next month',
      'week-end': 'weekend', 'fin de la journee': 'end of the day', 'fin de journee': 'end of the day',
    },
    units: unitTable({ day: ['jour', 'jours', 'journee', 'journees'], week: ['semaine', 'semaines'], hour: ['heure', 'heures'], minute: ['minute', 'minutes'], month: ['mois'], year: ['an', 'ans', 'annee', 'annees'] }),
    pleasantries: ['bonne journee', 'bonne soiree', 'bon week-end', 'bonne fin de journee', 'belle journee', 'bonne semaine'],
  },
  pt: {
    numbers: portugueseNumbers(),
    months: byPosition(MONTH_KEYS, ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro']),
    // "segunda", "quinta" alone also mean "second" and "fifth": only the full weekday names count.
    weekdays: byPosition(WEEKDAY_KEYS, ['segunda-feira', 'terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sabado', 'domingo']),
    when: {
      hoje: 'today', amanha: 'tomorrow', ontem: 'yesterday', 'depois de amanha': 'the day after tomorrow', 'hoje a noite': 'tonight', 'esta noite': 'tonight',
      'proxima semana': 'next week', 'semana que vem': 'next week', 'esta semana': 'this week', 'proximo mes': 'next month', 'mes que vem': 'next month',
      'fim de semana': 'weekend', 'final do dia': 'end of the day', 'fim do dia': 'end of the day',
    },
    units: unitTable({ day: ['dia', 'dias'], week: ['semana', 'semanas'], hour: ['hora', 'horas'], minute: ['minuto', 'minutos'], month: ['mes', 'meses'], year: ['ano', 'anos'] }),
    pleasantries: ['bom dia', 'boa tarde', 'boa noite', 'tenha um bom dia', 'tenha um otimo dia', 'bom fim de semana', 'de manha', 'esta manha'],
  },
};

function unitTable(forms: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(forms).flatMap(([unit, words]) => words.map((w) => [w, unit])));
}

/**
 * Commitments in every served language, by the English term the check reports. A phrasing in any
 * language may make one only when the template or the facts make it, in whatever language.
 */
// Refunds and reimbursements are one word in most languages ("Erstattung", "reembolso"): either English word vouches for both.
const REFUND_WORDS = /\b(?:refund|reimburs|erstatt|ruckerstatt|zuruckerstatt|zuruckzahl|reembols|rembours|devolucion del dinero|devolucao do dinheiro)/;

export const PROMISE_WORDS: Record<string, RegExp> = {
  guarantee: /\b(?:garanti|garantie|garantia|garantiz)/,
  promise: /\b(?:versprech|versproch|promet|promesa|promesse|promessa)/,
  refund: REFUND_WORDS,
  reimburse: REFUND_WORDS,
  credited: /\b(?:gutgeschrieben|acreditad|abonad|credite|creditad)/,
  compensation: /\b(?:entschadig|compensacion|compensation|dedommag|indemni|compensacao)/,
  discount: /\b(?:rabatt|gutschein|nachlass|descuento|cupon|reduction|remise|bon d'achat|desconto|cupao|cupom|vale de desconto)/,
  waive: /\b(?:erlass|verzicht|exim|condon|exoner|renonc|isent|dispens)/,
  expedite: /\b(?:beschleunig|expressversand|acelera|urgente|accelerer|acceler|expresso)/,
  cancel: /\b(?:stornier|storno|annullier|cancela|annul|cancelamento)/,
  replacement: /\b(?:ersatz|reemplaz|sustitu|reposicion|remplacement|remplace|substitui|reposicao)/,
};

/** Speaking about the model or its instructions, in the served languages. */
export const OUT_OF_ROLE_WORDS: readonly RegExp[] = [
  /\b(?:als (?:eine )?ki|sprachmodell|meine anweisungen|vorherigen anweisungen|anweisungen ignorier|ignoriere (?:alle )?(?:vorherigen|bisherigen))/,
  /\b(?:como (?:una |uma )?ia\b|modelo de lenguaje|modelo de linguagem|mis instrucciones|instrucciones anteriores|minhas instrucoes|instrucoes anteriores|ignora (?:las|todas)|ignore (?:as|todas))/,
  /\b(?:en tant qu'(?:ia|intelligence artificielle)|modele de langage|mes instructions|instructions precedentes|ignore(?:z)? (?:les|toutes))/,
  /\b(?:umformulier|umgeschrieben|reformul)/,
];
