/**
 * The web page (web/, bundled by `npm run build:web` into web/dist/) served at `/`.
 * Only `/`, `/index.html` and files with an extension are answered here; everything else (GraphQL,
 * health, metrics) falls through untouched.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response } from 'express';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The page may load its own script and style, talk to its own origin (HTTP and WebSocket), nothing
 * else. `'self'` covers ws:/wss: to the same host in current browsers; the WebSocket origin is also
 * named, for browsers that read `'self'` as http(s) only. Never `ws:`/`wss:` alone (any host).
 */
function contentSecurityPolicy(host: string | undefined): string {
  const sameHost = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${sameHost}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Imaginator — web page not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Imaginator</h1>
<p>The web page has not been built. Run <code>npm run build:web</code> (or <code>npm run build</code>) and reload.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>
`;

function pageHeaders(req: Request, res: Response): void {
  res.set({
    'content-security-policy': contentSecurityPolicy(req.headers.host),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
}

export function mountWebApp(app: Express, options: { distDir?: string } = {}): void {
  const distDir = path.resolve(options.distDir ?? DEFAULT_WEB_DIST);
  const indexFile = path.join(distDir, 'index.html');

  // index.html is looked up on every request, so a build made while the server runs is picked up.
  app.get(['/', '/index.html'], (req, res, next) => {
    if (!existsSync(indexFile)) {
      res.status(503).set('cache-control', 'no-store').type('html').send(NOT_BUILT);
      return;
    }
    pageHeaders(req, res);
    res.sendFile(indexFile, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });

  // Hashed bundles: cached for good.
  app.use('/assets', express.static(path.join(distDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true }));

  // Other top-level files of the build (icons and the like), only for paths that look like files.
  const rootFiles = express.static(distDir, { index: false, fallthrough: true, maxAge: '1h' });
  app.use((req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && /^\/[\w.-]+\.\w+$/.test(req.path)) rootFiles(req, res, next);
    else next();
  });
}
