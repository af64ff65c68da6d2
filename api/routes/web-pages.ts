import path from 'node:path';
import { Router, type Response } from 'express';

const WEB_DIR = path.resolve(__dirname, '..', 'web');

/** Every file the pages are made of, by URL: nothing else in api/web is reachable. */
const FILES: Record<string, string> = {
  '/console': 'console.html',
  '/console/console.js': 'console.js',
  '/console/console.css': 'console.css',
  '/chat': 'chat.html',
  '/chat/chat.js': 'chat.js',
  '/chat/chat.css': 'chat.css',
  '/web/api-client.js': 'api-client.js',
};

const HEADERS = {
  // Scripts and styles only from our own files: customer text that slipped into markup could not run.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // The demo chat page may carry a token in its URL.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The agent console (/console) and the customer chat page (/chat): static files, public; the API calls need tokens. */
export function webPageRoutes(): Router {
  const router = Router();
  for (const [url, file] of Object.entries(FILES)) {
    router.get(url, (_req, res: Response, next) => {
      res.sendFile(file, { root: WEB_DIR, headers: HEADERS, dotfiles: 'deny' }, (err) => {
        if (err) next(err);
      });
    });
  }
  return router;
}
