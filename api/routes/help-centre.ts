import { Router, type Request, type Response } from 'express';
import { ARTICLE_ID, articleUrl, parseBlocks, type Article, type Block } from '../../domain/knowledge';
import { DEFAULT_LANGUAGE } from '../../domain/language/languages';
import { render, type MessageKey, type MessageParams } from '../../domain/messages';
import { HELP_CENTRE_LANGUAGES, loadHelpCentre, type HelpCentre } from '../../knowledge/help-centre';
import { HttpError, notFound } from '../http-error';

/** Each language's name in itself, for the links between the translations. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français', pt: 'Português' };

const TRANSLATED = HELP_CENTRE_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);

/**
 * The help centre: public HTML pages under /help (English) and /help/<language> (where cited answers
 * link to), and the same articles as JSON under /v1/help for channels (`?lang=de`), behind any valid
 * token (mount after requireToken).
 */
export function helpCentreRoutes(options: { helpCentre?: (language: string) => HelpCentre } = {}): Router {
  const helpCentre = options.helpCentre ?? ((language: string) => loadHelpCentre(undefined, language));
  /** The help centre in a language, if it is written in it. */
  const inLanguage = (language: string): HelpCentre | undefined => {
    if (!HELP_CENTRE_LANGUAGES.includes(language)) return undefined;
    const found = helpCentre(language);
    return found.language === language ? found : undefined;
  };
  const find = (centre: HelpCentre, id: string): Article | undefined => (ARTICLE_ID.test(id) ? centre.article(id) : undefined);
  const router = Router();

  const listPage = (res: Response, centre: HelpCentre) => {
    const language = centre.language;
    const items = centre.articles.map((a) => `<li><a href="${articleUrl(a.id, language)}">${escapeHtml(a.title)}</a></li>`).join('\n');
    const title = render(language, 'Help centre');
    sendPage(res, 200, language, title, `${languageLinks(HELP_CENTRE_LANGUAGES.filter((l) => l !== language && inLanguage(l)))}<h1>${escapeHtml(title)}</h1>\n<ul>\n${items}\n</ul>`);
  };

  const articlePage = (res: Response, centre: HelpCentre, id: string) => {
    const language = centre.language;
    const article = find(centre, id);
    const say = (key: MessageKey, params?: MessageParams) => escapeHtml(render(language, key, params));
    if (!article) {
      const body = `<h1>${say('Article not found')}</h1>\n<p>${say('There is no help centre article “{id}”.', { id })}</p>\n<p><a href="${listUrl(language)}">${say('All articles')}</a></p>`;
      sendPage(res, 404, language, render(language, 'Article not found'), body);
      return;
    }
    const others = HELP_CENTRE_LANGUAGES.filter((l) => l !== language && inLanguage(l)?.article(article.id));
    const translations =
      others.length === 0
        ? ''
        : `\n<p>${say('This article in other languages:')} ${others.map((l) => `<a href="${articleUrl(article.id, l)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l] ?? l}</a>`).join(' · ')}</p>`;
    sendPage(
      res,
      200,
      language,
      article.title,
      `<p><a href="${listUrl(language)}">${say('Help centre')}</a></p>\n<h1>${escapeHtml(article.title)}</h1>\n${renderBlocks(parseBlocks(article.body))}${translations}`,
    );
  };

  const noLanguagePage = (res: Response, language: string) => {
    const body = `<h1>Article not found</h1>\n<p>The help centre is not written in “${escapeHtml(language)}”; it is written in ${HELP_CENTRE_LANGUAGES.join(', ')}.</p>\n<p><a href="/help">All articles</a></p>`;
    sendPage(res, 404, DEFAULT_LANGUAGE, 'Article not found', body);
  };

  router.get('/help', (_req, res) => listPage(res, helpCentre(DEFAULT_LANGUAGE)));

  // /help/de is the German list; any other single segment is an English article.
  router.get('/help/:id', (req, res) => {
    const id = String(req.params.id);
    const translated = TRANSLATED.includes(id) ? inLanguage(id) : undefined;
    if (translated) listPage(res, translated);
    else articlePage(res, helpCentre(DEFAULT_LANGUAGE), id);
  });

  router.get('/help/:language/:id', (req, res) => {
    const language = String(req.params.language);
    const centre = inLanguage(language);
    if (!centre) noLanguagePage(res, language);
    else articlePage(res, centre, String(req.params.id));
  });

  const requested = (req: Request): HelpCentre => {
    const language = languageParam(req.query.lang);
    const centre = inLanguage(language);
    if (!centre) throw notFound(`the help centre in ${JSON.stringify(language)}`);
    return centre;
  };

  router.get('/v1/help/articles', (req, res) => {
    const centre = requested(req);
    res.json({
      ...(centre.language === DEFAULT_LANGUAGE ? {} : { language: centre.language }),
      articles: centre.articles.map((a) => ({ id: a.id, title: a.title, url: articleUrl(a.id, a.language) })),
    });
  });

  router.get('/v1/help/articles/:id', (req, res) => {
    const centre = requested(req);
    const id = String(req.params.id);
    const article = find(centre, id);
    if (!article) throw notFound(`help centre article ${JSON.stringify(id)}`);
    res.json({
      id: article.id,
      title: article.title,
      tags: article.tags,
      url: articleUrl(article.id, article.language),
      body: article.body,
      ...(article.language === undefined ? {} : { language: article.language }),
    });
  });

  return router;
}

/** `?lang=`: absent is English; otherwise one of the help centre's languages, or 400 with the ones there are. */
export function languageParam(value: unknown): string {
  if (value === undefined) return DEFAULT_LANGUAGE;
  if (typeof value !== 'string' || !HELP_CENTRE_LANGUAGES.includes(value)) {
    throw new HttpError(400, 'invalid_language', `lang must be one of ${HELP_CENTRE_LANGUAGES.join(', ')} (a BCP 47 primary subtag, lower case), given once`);
  }
  return value;
}

const listUrl = (language: string) => (language === DEFAULT_LANGUAGE ? '/help' : `/help/${language}`);

/** The help centre's other languages, each linked in its own name. */
function languageLinks(languages: readonly string[]): string {
  const links = languages.map((l) => `<a href="${listUrl(l)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l] ?? l}</a>`);
  return links.length === 0 ? '' : `<p>${links.join(' · ')}</p>\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      }
    })
    .join('\n');
}

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}a{color:#0550ae}';

function sendPage(res: Response, status: number, language: string, title: string, body: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      // Static pages: no scripts, no outside resources.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    })
    .send(
      `<!doctype html>\n<html lang="${escapeHtml(language)}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`,
    );
}
