/**
 * The help centre on disk: one Markdown file per article in `knowledge/articles/`, with a small YAML
 * front matter (`id`, `title`, optional `tags`). Each translated language has a folder of its own,
 * `knowledge/articles/<language>/`, with the same file names and ids and `language: <code>` in the front
 * matter. Read once per folder and kept in memory with its index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ARTICLE_ID, buildIndex, sectionsOf, type Article, type Bm25Index } from '../domain/knowledge';
import { DEFAULT_LANGUAGE, SERVED_LANGUAGES } from '../domain/language/languages';

export const ARTICLES_DIR = path.join(__dirname, 'articles');

/** The languages the shipped help centre is written in (English first); each has every English article. */
export const HELP_CENTRE_LANGUAGES: readonly string[] = SERVED_LANGUAGES;

export interface HelpCentre {
  /** The language its articles are written in. */
  language: string;
  /** Sorted by title, as the article list shows them. */
  articles: readonly Article[];
  article(id: string): Article | undefined;
  index: Bm25Index;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** One article file; a broken one stops loading with the file named, not a half-empty help centre. */
export function parseArticle(fileName: string, text: string, language: string = DEFAULT_LANGUAGE): Article {
  const fail = (why: string) => new Error(`help centre article ${fileName}: ${why}`);
  const match = FRONT_MATTER.exec(text);
  if (!match) throw fail('it must start with a front matter between --- lines');
  let meta: unknown;
  try {
    meta = parse(match[1] ?? '');
  } catch (err) {
    throw fail(`the front matter is not valid YAML (${(err as Error).message})`);
  }
  if (typeof meta !== 'object' || meta === null) throw fail('the front matter must be a mapping');
  const { id, title, tags = [], language: written = DEFAULT_LANGUAGE } = meta as Record<string, unknown>;
  const expectedId = path.basename(fileName, '.md');
  if (typeof id !== 'string' || !ARTICLE_ID.test(id)) throw fail('id must be lowercase words joined by hyphens');
  if (id !== expectedId) throw fail(`id "${id}" must match the file name "${expectedId}"`);
  if (typeof title !== 'string' || title.trim().length === 0) throw fail('title must be a non-empty string');
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) throw fail('tags must be a list of strings');
  if (written !== language) throw fail(`language must be "${language}", the language of its folder`);
  const body = (match[2] ?? '').trim();
  if (body.length === 0) throw fail('the article has no text');
  return { id, title: title.trim(), tags, body, ...(language === DEFAULT_LANGUAGE ? {} : { language }) };
}

const loaded = new Map<string, HelpCentre>();

/** The English help centre in `dir`, or its translation in `dir/<language>/`. */
export function loadHelpCentre(dir: string = ARTICLES_DIR, language: string = DEFAULT_LANGUAGE): HelpCentre {
  const english = language === DEFAULT_LANGUAGE;
  if (!english && !HELP_CENTRE_LANGUAGES.includes(language)) throw new Error(`the help centre has no language "${language}"`);
  const key = english ? path.resolve(dir) : path.resolve(dir, language);
  const cached = loaded.get(key);
  if (cached) return cached;
  const files = fs
    .readdirSync(key)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const articles = files
    .map((name) => parseArticle(name, fs.readFileSync(path.join(key, name), 'utf8'), language))
    .sort((a, b) => a.title.localeCompare(b.title, language));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const helpCentre: HelpCentre = {
    language,
    articles,
    article: (id) => byId.get(id),
    index: buildIndex(articles.flatMap(sectionsOf), language),
  };
  loaded.set(key, helpCentre);
  return helpCentre;
}

/**
 * The help centre a customer is answered from: the one in their language when `dir` holds it, English
 * otherwise (a language the product does not serve, or a folder without that translation).
 */
export function helpCentreFor(language: string | undefined, dir: string = ARTICLES_DIR): HelpCentre {
  if (language === undefined || language === DEFAULT_LANGUAGE || !HELP_CENTRE_LANGUAGES.includes(language)) return loadHelpCentre(dir);
  if (!fs.existsSync(path.join(dir, language))) return loadHelpCentre(dir);
  return loadHelpCentre(dir, language);
}
