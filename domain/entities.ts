/**
 * Entity extraction for the action flows: order ids, e-mails, names, zip codes, money amounts,
 * one-line addresses, product and item mentions, yes/no. Pure and deterministic. Names, postcodes and
 * yes/no are also read in German, Spanish, French and Portuguese; English text is read as before.
 */

/** Lower case without accents ("sí" → "si", "não" → "nao", "ß" → "ss"): the other languages' words match typed either way. */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019]/g, "'");
}

/** Order ids: `#W1234567`, `W1234567` or `w1234567` → `#W1234567`, in order of appearance, without repeats. */
export function extractOrderIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(/(?<![\w#])#?\s?[Ww](\d{7})(?!\d)/g)) {
    const id = `#W${m[1] as string}`;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** E-mail addresses, lower-cased, in order of appearance. */
export function extractEmails(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    const email = m[0].toLowerCase();
    if (!found.includes(email)) found.push(email);
  }
  return found;
}

export interface PersonName {
  first: string;
  last?: string;
}

const NAME_STOP = new Set([
  'and', 'from', 'my', 'i', 'im', 'with', 'zip', 'the', 'at', 'in', 'of', 'email', 'e-mail', 'here', 'please', 'thanks', 'but', 'so', 'order', 'who', 'living', 'zipcode', 'postcode',
  // The same words in German, Spanish, French and Portuguese ("me llamo Ana López y mi código postal...").
  'und', 'y', 'et', 'e', 'aus', 'mit', 'con', 'avec', 'com', 'meine', 'mein', 'mi', 'mon', 'ma', 'meu', 'minha', 'o', 'plz', 'postleitzahl', 'cp', 'cep', 'código', 'codigo', 'code',
  'bitte', 'danke', 'gracias', 'merci', 'obrigado', 'obrigada', 'aber', 'pero', 'mais', 'mas', 'hier', 'aqui', 'ici', 'aquí',
]);

/** A name the customer gives explicitly: "my name is Ana Lopez", "name: ana lopez", "this is Ana Lopez", or "Ana Lopez, zip 94110". */
export function extractName(text: string): PersonName | undefined {
  return introducedName(text) ?? nameBesideZip(text);
}

/** Capitalised words right before a zip code: "Yusuf Rossi, zip code 19122", "Yusuf Rossi here, 19122". */
function nameBesideZip(text: string): PersonName | undefined {
  const m =
    /(?:^|[,.!?;:—–-]\s*|\b(?:hi|hello|hey)[,!]?\s+)([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,2})(?:\s+here)?\s*[,—–-]?\s*(?:(?:and\s+)?(?:my\s+)?(?:zip|postcode|postal code)(?:\s+code)?(?:\s+is)?\s*:?\s*)?\d{5}(?!\d)/.exec(text) ??
    nameBesidePostcode(text);
  if (!m) return undefined;
  const [first, ...rest] = (m[1] as string).split(/\s+/);
  if (!first || rest.length === 0 || NAME_STOP.has(first.toLowerCase()) || /^(Hi|Hello|Hey|Dear|Thanks|Please|My|The|Zip|Hallo|Hola|Bonjour|Salut|Olá|Oi|Bitte|Danke|Gracias|Merci|Obrigado|Obrigada|Ich|Yo|Je|Eu|Meine?|Mi|Mon|Meu|Minha|Soy|Sou)$/.test(first)) return undefined;
  return { first, last: rest.join(' ') };
}

/**
 * The same in the other languages: "Anna Schmidt, PLZ 10115", "Lucía García, código postal 28013",
 * "Claire Martin, code postal 75002", "João Silva, 1100-053" (Portugal's NNNN-NNN).
 */
function nameBesidePostcode(text: string): RegExpExecArray | null {
  return /(?:^|[,.!?;:—–-]\s*|\b(?:[Hh]allo|[Hh]ola|[Bb]onjour|[Ss]alut|[Oo]lá|[Oo]i)[,!]?\s+)([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:\s+(?:(?:de|da|do|dos|das|del|la|von|van|le)\s+)?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,2})\s*[,—–-]?\s*(?:(?:und|y|et|e)\s+)?(?:(?:meine|mi|mon|o meu|meu)\s+)?(?:(?:PLZ|[Pp]lz|[Pp]ostleitzahl|C\.?P\.?|c\.?p\.?|[Cc][óo]digo postal|[Cc]ode postal|CEP|cep)(?:\s+(?:ist|es|est|é|e))?\s*:?\s*)?(?:\d{5}|\d{4}-\d{3})(?![\d-])/.exec(text);
}

function introducedName(text: string): PersonName | undefined {
  // The first introduction that gives a name: "I'm not sure which e-mail, my name is Yara Ito" skips "I'm not".
  for (const m of text.matchAll(/\b(?:my name is|my name's|name is|name:|this is|i am called|call me|i'm|i’m|i am)\s+([A-Za-zÀ-ÖØ-öø-ÿ'’-]+(?:\s+[A-Za-zÀ-ÖØ-öø-ÿ'’-]+){0,3})/gi)) {
    const name = nameAfter(m[0], m[1] as string);
    if (name) return name;
  }
  for (const m of text.matchAll(OTHER_INTRODUCTIONS)) {
    const name = nameAfter(m[0], m[1] as string);
    if (name) return name;
  }
  return undefined;
}

// "ich heiße", "me llamo", "je m'appelle", "chamo-me", "meu nome é"...; "soy", "je suis" only before capitals
// ("ich bin" is left out: German capitalises nouns, so "ich bin Neukunde" would read as a name).
const OTHER_INTRODUCTIONS =
  /(?<![\p{L}])(?:ich heiße|ich heisse|mein name ist|mein name lautet|me llamo|mi nombre es|soy|je m'appelle|je m’appelle|mon nom est|je suis|moi c'est|chamo-me|me chamo|eu me chamo|meu nome é|o meu nome é|meu nome e|o meu nome e)\s+([\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3})/giu;
const CAPITALS_ONLY = /^(this is|i'm|i’m|i am|soy|je suis|moi c'est)\s/i;

function nameAfter(introduction: string, following: string): PersonName | undefined {
  const words: string[] = [];
  for (const w of following.split(/\s+/)) {
    if (NAME_STOP.has(w.toLowerCase())) break;
    words.push(w);
  }
  // "this is" and "I'm" only introduce a name when capitalised words follow ("I'm Noah Brown", not "I'm sorry").
  if (CAPITALS_ONLY.test(introduction) && !/^i am called/i.test(introduction) && !words.every((w) => /^[A-ZÀ-ÖØ-Þ]/.test(w))) return undefined;
  if (words.length === 0) return undefined;
  // Typed all in lower case: capitalise each word; otherwise keep the customer's own spelling ("van der Berg").
  const lower = words.every((w) => w === w.toLowerCase());
  const cap = (w: string) => (lower ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  const first = cap(words[0] as string);
  const rest = words.slice(1).map(cap);
  return rest.length > 0 ? { first, last: rest.join(' ') } : { first };
}

/**
 * Zip codes and postcodes: 5 digits (US, optionally +4; also Germany, Spain and France) and Portugal's
 * NNNN-NNN, not parts of longer numbers, amounts, order ids or phone numbers.
 */
export function extractZipCodes(text: string): string[] {
  const zips: string[] = [];
  for (const m of text.matchAll(/(?<![\d$€£#.,\w])(\d{5})(?:-\d{4})?(?![\d.,]\d|\w)|(?<![\d$€£#.,\w+-])(?<![\d+]\s)(\d{4}-\d{3})(?![\d-]|\w|\s?\d)/g)) {
    const zip = (m[1] ?? m[2]) as string;
    if (!zips.includes(zip)) zips.push(zip);
  }
  return zips;
}

export interface Money {
  amount: number;
  currency: 'USD' | 'EUR' | 'GBP';
  text: string;
}

const CURRENCY_SYMBOL: Record<string, Money['currency']> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

/** Money amounts: `$12.50`, `$1,200`, `12.50 dollars`, `USD 40`, `€9`. */
export function extractMoney(text: string): Money[] {
  const found: Money[] = [];
  const number = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?`;
  const patterns: { re: RegExp; currency: (m: RegExpMatchArray) => Money['currency'] }[] = [
    { re: new RegExp(String.raw`([$€£])\s?${number}(?![\d])`, 'g'), currency: (m) => CURRENCY_SYMBOL[m[1] as string] ?? 'USD' },
    { re: new RegExp(String.raw`\b(USD|EUR|GBP)\s?${number}\b`, 'gi'), currency: (m) => (m[1] as string).toUpperCase() as Money['currency'] },
    {
      re: new RegExp(String.raw`(?<![\d$€£.,])()${number}\s?(dollars?|bucks|usd|euros?|eur|pounds?|gbp)\b`, 'gi'),
      currency: (m) => {
        const unit = (m[4] as string).toLowerCase();
        return unit.startsWith('eur') ? 'EUR' : unit.startsWith('pound') || unit === 'gbp' ? 'GBP' : 'USD';
      },
    },
  ];
  const taken: [number, number][] = [];
  for (const { re, currency } of patterns) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const whole = (m[2] as string).replace(/,/g, '');
      const cents = m[3] ?? '';
      found.push({ amount: Number(`${whole}.${cents.padEnd(2, '0')}`), currency: currency(m), text: m[0].trim() });
    }
  }
  return found.sort((a, b) => text.indexOf(a.text) - text.indexOf(b.text));
}

/** An address in the tau-bench retail shape. */
export interface Address {
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(' '),
);

/**
 * A one-line address, `street, [apt,] city, state zip[, country]` (the city may share a segment with
 * the state: `Austin TX 78701`). The country defaults to USA. A European address is read too, written
 * the customer's way: "Hauptstraße 5, 10115 Berlin", "Calle Mayor 12, 3º B, 28013 Madrid", "12 rue de
 * la Paix, 75002 Paris", "Rua Augusta 100, 1100-053 Lisboa", with or without its country.
 */
export function extractAddress(text: string): Address | undefined {
  const line = text
    .replace(/^.*?\b(?:address is|address:|ship (?:it )?to|send (?:it )?to|deliver (?:it )?to|move(?:d)? to)\s+/i, '')
    .replace(ADDRESS_LEAD_IN, '')
    .replace(/^(?:(?:sure|ok(?:ay)?|yes|yeah|right)[,.!]?\s+)?(?:it'?s|it is|that'?s|that is|please use|use|make it|change it to|to)\s+(?=\d)/i, '')
    .replace(/[.!]+\s*$/, '');
  const parts = line.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (let i = 1; i < parts.length; i++) {
    const m = /^(?:(.*?)\s+)?([A-Za-z]{2})\s+(\d{5})(?:-\d{4})?$/.exec(parts[i] as string);
    if (!m || !US_STATES.has((m[2] as string).toUpperCase())) continue;
    const before = parts.slice(0, i);
    const city = m[1] ?? before.pop();
    if (city === undefined || before.length === 0) return undefined;
    const address1 = before[0] as string;
    if (!/\d/.test(address1)) return undefined; // a street line starts with (or has) a house number
    const country = parts[i + 1];
    return {
      address1,
      address2: before.slice(1).join(', '),
      city,
      state: (m[2] as string).toUpperCase(),
      zip: m[3] as string,
      country: country === undefined || /^(us|usa|united states( of america)?)$/i.test(country) ? 'USA' : (countryNamed(country) ?? country),
    };
  }
  return europeanAddress(parts);
}

// "Meine neue Adresse ist …", "mi nueva dirección es …", "ma nouvelle adresse est …", "a minha nova morada é …".
const ADDRESS_LEAD_IN =
  /^.*?(?<![\p{L}])(?:adresse (?:est|à|a)|(?:adresse|anschrift|lieferadresse)(?: (?:ist|lautet|auf|in|zu))?\s*:?|(?:liefern|schicken|senden) sie (?:sie |es |die bestellung )?(?:an|nach)|direcci[oó]n(?: (?:es|a))?\s*:?|env[ií]e(?:lo|la|nlo|nla)? a|(?:livrez|envoyez)(?:-la|-le)? (?:à|a)|morada(?: (?:é|e|para))?\s*:?|endere[çc]o(?: (?:é|e|para))?\s*:?|(?:envie|entregue)(?:-a|-o)? (?:para|em|na))\s+(?=\S)/iu;

/**
 * Country names as customers write them in English, German, Spanish, French and Portuguese (accents
 * folded), each to the name the store keeps.
 */
const COUNTRY_SPELLINGS: Record<string, readonly string[]> = {
  USA: ['us', 'usa', 'u.s.a.', 'united states', 'united states of america', 'vereinigte staaten', 'estados unidos', 'eeuu', 'ee. uu.', 'etats-unis', 'eua'],
  Germany: ['germany', 'deutschland', 'alemania', 'allemagne', 'alemanha', 'de'],
  Austria: ['austria', 'osterreich', 'oesterreich', 'autriche', 'at'],
  Switzerland: ['switzerland', 'schweiz', 'suiza', 'suisse', 'suica', 'ch'],
  Spain: ['spain', 'spanien', 'espana', 'espagne', 'espanha', 'es'],
  France: ['france', 'frankreich', 'francia', 'franca', 'fr'],
  Belgium: ['belgium', 'belgien', 'belgica', 'belgique', 'be'],
  Luxembourg: ['luxembourg', 'luxemburg', 'luxemburgo', 'lu'],
  Italy: ['italy', 'italien', 'italia', 'italie', 'it'],
  Portugal: ['portugal', 'pt'],
};
const COUNTRY_OF = new Map(Object.entries(COUNTRY_SPELLINGS).flatMap(([country, spellings]) => spellings.map((s) => [s, country] as const)));

/** "Deutschland", "España", "États-Unis" → "Germany", "Spain", "USA"; undefined for a name not listed. */
export function countryNamed(text: string): string | undefined {
  return COUNTRY_OF.get(foldAccents(text).replace(/\s+/g, ' ').trim());
}

/** How each European country writes its postcodes; Portugal's older 4-digit codes still circulate. */
const POSTCODES: Record<string, RegExp> = {
  Germany: /^\d{5}$/,
  Spain: /^\d{5}$/,
  France: /^\d{5}$/,
  Italy: /^\d{5}$/,
  Austria: /^\d{4}$/,
  Switzerland: /^\d{4}$/,
  Belgium: /^\d{4}$/,
  Luxembourg: /^\d{4}$/,
  Portugal: /^\d{4}(?:-\d{3})?$/,
};

/** The country a street or city name gives away, when the customer names none (accents folded). */
const STREET_WORDS: [RegExp, string][] = [
  [/(?:strasse|str\.|weg|platz|allee|gasse|damm|ufer|chaussee)(?![\p{L}])/u, 'Germany'],
  [/^(?:calle|c\/|avda?\.|paseo|camino|carrer|ronda|travesia|glorieta|plaza)(?![\p{L}])/u, 'Spain'],
  [/^(?:rua|r\.|travessa|largo|praca|estrada|alameda|beco|calcada)(?![\p{L}])/u, 'Portugal'],
  [/^\d+\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allee|impasse|quai|cours|route)(?![\p{L}])/u, 'France'],
];
const CITIES: Record<string, string> = Object.fromEntries(
  Object.entries({
    Germany: 'berlin hamburg munchen muenchen koln frankfurt stuttgart dusseldorf leipzig dresden bremen hannover nurnberg',
    Austria: 'wien graz linz salzburg innsbruck',
    Switzerland: 'zurich genf geneve bern basel lausanne',
    Spain: 'madrid barcelona valencia sevilla zaragoza malaga bilbao',
    France: 'paris lyon marseille toulouse nice bordeaux lille nantes strasbourg',
    Belgium: 'bruxelles brussel bruxelas antwerpen liege',
    Portugal: 'lisboa lisbon porto braga coimbra faro',
  }).flatMap(([country, cities]) => cities.split(' ').map((city) => [city, country])),
);

/** A European postcode before the city ("10115 Berlin"), or Portugal's after it ("Lisboa 1100-053"). */
const POSTCODE_CITY = /^(\d{4}-\d{3}|\d{4,5})\s+(\p{L}[\p{L} .'’-]*)$/u;
const CITY_POSTCODE = /^(\p{L}[\p{L} .'’-]*?)\s+(\d{4}-\d{3})$/u;

function europeanAddress(parts: readonly string[]): Address | undefined {
  for (let i = 1; i < parts.length; i++) {
    const segment = parts[i] as string;
    const m = POSTCODE_CITY.exec(segment);
    const cityFirst = m ? undefined : CITY_POSTCODE.exec(segment);
    if (!m && !cityFirst) continue;
    const zip = (m ? m[1] : cityFirst?.[2]) as string;
    const city = ((m ? m[2] : cityFirst?.[1]) as string).trim();
    const before = parts.slice(0, i);
    // "Calle Mayor, 12, 3º B": the house number may stand in a segment of its own after the street.
    if (before.length > 1 && !/\d/.test(before[0] as string) && /^(?:n\.?\s?[º°o]\.?\s*)?\d+\s?[a-z]?$/i.test(before[1] as string)) before.splice(0, 2, `${before[0] as string}, ${before[1] as string}`);
    const address1 = before[0] as string;
    if (!/\d/.test(address1)) return undefined;
    const named = parts[i + 1];
    const country = named !== undefined ? (countryNamed(named) ?? named) : countryOfPlace(zip, address1, city);
    if (country === undefined || country === 'USA') return undefined; // a US address needs its state
    const shape = POSTCODES[country];
    if (shape && !shape.test(zip)) return undefined;
    return { address1, address2: before.slice(1).join(', '), city, state: '', zip, country };
  }
  return undefined;
}

function countryOfPlace(zip: string, street: string, city: string): string | undefined {
  if (/^\d{4}-\d{3}$/.test(zip)) return 'Portugal';
  const folded = foldAccents(street);
  const byStreet = STREET_WORDS.find(([words]) => words.test(folded))?.[1];
  const country = byStreet ?? CITIES[foldAccents(city)];
  return country && POSTCODES[country]?.test(zip) ? country : undefined;
}

export interface CatalogueProduct {
  productId: string;
  name: string;
  items: readonly { itemId: string; options: Readonly<Record<string, string>> }[];
}

export interface ProductMention {
  productId: string;
  name: string;
  /** Items named by id, or the variants whose options the text mentions most (empty when none is). */
  itemIds: string[];
}

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Products named in the text (by name, singular or plural) or through one of their item ids. */
export function extractProducts(text: string, catalogue: readonly CatalogueProduct[]): ProductMention[] {
  const flat = ` ${words(text)} `;
  const squashed = flat.replace(/ /g, '');
  const ids = new Set(text.match(/\b\d{10}\b/g) ?? []);
  const mentions: ProductMention[] = [];
  for (const product of catalogue) {
    const name = words(product.name);
    const named =
      flat.includes(` ${name} `) || flat.includes(` ${name}s `) || flat.includes(` ${name}es `) || (name.includes(' ') && squashed.includes(name.replace(/ /g, '')));
    const byId = product.items.filter((item) => ids.has(item.itemId)).map((item) => item.itemId);
    if (!named && byId.length === 0) continue;
    let itemIds = byId;
    if (itemIds.length === 0) {
      let best = 0;
      for (const item of product.items) {
        const hits = Object.values(item.options).filter((v) => flat.includes(` ${words(v)} `)).length;
        if (hits > best) {
          best = hits;
          itemIds = [];
        }
        if (hits === best && hits > 0) itemIds.push(item.itemId);
      }
    }
    mentions.push({ productId: product.productId, name: product.name, itemIds });
  }
  return mentions;
}

const YES = /^(y|yes|yeah|yea|yep|yup|sure|ok|okay|correct|right|confirm(ed)?|affirmative|absolutely|definitely|of course|please do|go ahead|do it|that'?s (right|correct)|sounds good|i do|i confirm)\b/;
const NO = /^(n|no|nope|nah|negative|never ?mind|cancel( that| it)?|don'?t( do (it|that))?|do not|not now|no thanks|stop|wait|i don'?t)\b/;

// The same answers in German, Spanish, French and Portuguese, on accent-folded text. A bare "si" is only
// yes when nothing or a courtesy follows: "si" is also "if" in Spanish and French ("si possible..."); the
// German "nee" likewise, as English typos start with it ("nee help" for "need help").
const YES_OTHER =
  /^(ja|jawohl|jap|genau|klar|gerne?|richtig|stimmt|passt|einverstanden|na klar|auf jeden fall|mach das|bitte ja|si(?=\s*(?:[,.!]|$|por favor|claro|gracias|adelante|vale|exacto|correcto|c'est ca|merci))|claro( que si)?|vale|de acuerdo|correcto|exacto|por supuesto|adelante|hazlo|oui|ouais|d'accord|bien sur|exactement|c'est ca|volontiers|tout a fait|allez-y|sim|pode ser|isso( mesmo)?|certo|exato|com certeza|pode|beleza|combinado|esta bem)(?![\p{L}-])/u;
const NO_OTHER =
  /^(nein|nee?(?=\s*(?:[,.!]|$|danke))|no|lieber nicht|auf keinen fall|bitte nicht|nicht jetzt|de ninguna manera|mejor no|para nada|non|pas du tout|surtout pas|pas maintenant|nao|de jeito nenhum|melhor nao|agora nao)(?![\p{L}-])/u;
const UNSURE_OTHER = /^(vielleicht|weiss nicht|ich weiss (es )?nicht|keine ahnung|quizas?|tal vez|no se|a lo mejor|peut-etre|je ne sais pas|aucune idee|talvez|nao sei|sei la)(?![\p{L}])/u;
const BUT_OTHER = /(?<![\p{L}])(aber|warte|moment|nein|pero|espera|no|mais|attends|non|mas|espere|nao)(?![\p{L}])/u;

/** A yes or no answer to a confirmation question; undefined when the text is neither or both. */
export function extractYesNo(text: string): 'yes' | 'no' | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^[\s,.!]+/, '').trim();
  if (t === '') return undefined;
  if (/^(not sure|i'?m not sure|maybe|perhaps|i don'?t know|dunno|hmm+)\b/.test(t)) return undefined;
  const folded = foldAccents(t).replace(/^[\s,.!¡¿]+/, '');
  if (UNSURE_OTHER.test(folded)) return undefined; // before English: "no sé" is not a "no"
  const yes = YES.test(t);
  const no = NO.test(t);
  if (yes !== no) {
    if (yes && /\b(but|wait|actually|no)\b/.test(t.replace(YES, ''))) return undefined;
    return yes ? 'yes' : 'no';
  }
  if (yes) return undefined; // both
  return yesNoInOtherLanguages(folded);
}

function yesNoInOtherLanguages(f: string): 'yes' | 'no' | undefined {
  if (f === '') return undefined;
  const yes = YES_OTHER.test(f);
  const no = NO_OTHER.test(f);
  if (yes === no) return undefined;
  if (yes && BUT_OTHER.test(f.replace(YES_OTHER, ''))) return undefined;
  return yes ? 'yes' : 'no';
}

export interface Entities {
  orderIds: string[];
  emails: string[];
  name?: PersonName;
  zipCodes: string[];
  money: Money[];
  address?: Address;
  products: ProductMention[];
  yesNo?: 'yes' | 'no';
}

/** Every entity at once. */
export function extractEntities(text: string, catalogue: readonly CatalogueProduct[] = []): Entities {
  const name = extractName(text);
  const address = extractAddress(text);
  const yesNo = extractYesNo(text);
  return {
    orderIds: extractOrderIds(text),
    emails: extractEmails(text),
    ...(name ? { name } : {}),
    zipCodes: extractZipCodes(text),
    money: extractMoney(text),
    ...(address ? { address } : {}),
    products: extractProducts(text, catalogue),
    ...(yesNo ? { yesNo } : {}),
  };
}
