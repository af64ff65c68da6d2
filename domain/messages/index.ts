export { CATALOGUES, MESSAGES, type MessageKey } from './messages';
export { render, money, date, placeholdersOf, type MessageParam, type MessageParams } from './render';
export { formatMoney, formatDate, formatNumber, formatList, localeOf } from './format';
export type { Catalogue, Translations, TranslatedLanguage } from './catalogue';
