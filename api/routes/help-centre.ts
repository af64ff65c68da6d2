import { Router, type Response } from 'express';
import { ARTICLE_ID, parseBlocks, type Article, type Block } from '../../domain/knowledge';
import { loadHelpCentre, type HelpCentre } from '../../knowledge/help-centre';
import { notFound } from '../http-error';

/**
 * The help centre: public HTML pages under /help (where cited answers link to), and the same
 * articles as JSON under /v1/help for channels, behind any valid token (mount after requireToken).
 */
export function helpCentreRoutes(options: { helpCentre?: () => HelpCentre } = {}): Router {
  const helpCentre = options.helpCentre ?? (() => loadHelpCentre());
  const find = (id: string): Article | undefined => (ARTICLE_ID.test(id) ? helpCentre().article(id) : undefined);
  const router = Router();

  router.get('/help', (_req, res) => {
    const items = helpCentre()
      .articles.map((a) => `<li><a href="${articleUrl(a.id)}">${escapeHtml(a.title)}</a></li>`)
      .join('\n');
    sendPage(res, 200, 'Help centre', `<h1>Help centre</h1>\n<ul>\n${items}\n</ul>`);
  });

  router.get('/help/:id', (req, res) => {
    const id = String(req.params.id);
    const article = find(id);
    if (!article) {
      const body = `<h1>Article not found</h1>\n<p>There is no help centre article “${escapeHtml(id)}”.</p>\n<p><a href="/help">All articles</a></p>`;
      sendPage(res, 404, 'Article not found', body);
      return;
    }
    sendPage(res, 200, article.title, `<p><a href="/help">Help centre</a></p>\n<h1>${escapeHtml(article.title)}</h1>\n${renderBlocks(parseBlocks(article.body))}`);
  });

  router.get('/v1/help/articles', (_req, res) => {
    res.json({ articles: helpCentre().articles.map((a) => ({ id: a.id, title: a.title, url: articleUrl(a.id) })) });
  });

  router.get('/v1/help/articles/:id', (req, res) => {
    const id = String(req.params.id);
    const article = find(id);
    if (!article) throw notFound(`help centre article ${JSON.stringify(id)}`);
    res.json({ id: article.id, title: article.title, tags: article.tags, url: articleUrl(article.id), body: article.body });
  });

  return router;
}

const articleUrl = (id: string) => `/help/${encodeURIComponent(id)}`;

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

function sendPage(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      // Static pages: no scripts, no outside resources.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
    })
    .send(
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`,
    );
}
