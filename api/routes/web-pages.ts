import fs from 'node:fs';
import path from 'node:path';
import { Router, type Response } from 'express';

const WEB_DIR = path.resolve(__dirname, '..', 'web');

/** The pages, by URL. */
const PAGES: Record<string, string> = {
  '/console': 'console/console.html',
  '/chat': 'chat/chat.html',
};

/**
 * The folders whose scripts and style sheets the pages load, each at the URL of its path under
 * api/web, so a module's relative imports mean the same file to the browser and to `tsc`.
 */
const ASSET_DIRS = ['console', 'chat', 'shared'];

// Module scripts are refused unless they come as JavaScript (and nosniff holds every file to its type).
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Every file the pages are made of, by URL, as found at start-up: nothing else in api/web is reachable. */
function webFiles(): Record<string, string> {
  const files = { ...PAGES };
  for (const dir of ASSET_DIRS) {
    for (const name of fs.readdirSync(path.join(WEB_DIR, dir))) {
      if (/^[a-z0-9-]+\.(js|css)$/.test(name)) files[`/${dir}/${name}`] = `${dir}/${name}`;
    }
  }
  return files;
}

const HEADERS = {
  // Scripts and styles only from our own files: customer text that slipped into markup could not run.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // The demo chat page may carry a token in its URL.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/**
 * The chat widget's one script, loaded by other sites' pages: helmet's `Cross-Origin-Resource-Policy:
 * same-origin` would make the browser refuse it there. A script's own CSP header does not apply to it.
 */
const WIDGET_HEADERS = {
  'Content-Type': CONTENT_TYPES['.js'] ?? 'text/javascript',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** The agent console (/console), the customer chat page (/chat) and the embeddable widget (/widget.js): static files, public; the API calls need tokens. */
export function webPageRoutes(): Router {
  const router = Router();
  router.get('/widget.js', (_req, res: Response, next) => {
    res.sendFile('widget/widget.js', { root: WEB_DIR, headers: WIDGET_HEADERS, dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  });
  for (const [url, file] of Object.entries(webFiles())) {
    const headers = { ...HEADERS, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
    router.get(url, (_req, res: Response, next) => {
      res.sendFile(file, { root: WEB_DIR, headers, dotfiles: 'deny' }, (err) => {
        if (err) next(err);
      });
    });
  }
  return router;
}
