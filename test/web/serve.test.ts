/** mountWebApp on a bare express app: the page, its assets, the "not built" page, and nothing else. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWebApp } from '../../src/api/web.js';

let dir: string;
const servers: Server[] = [];

async function serve(distDir: string): Promise<string> {
  const app = express();
  mountWebApp(app, { distDir });
  app.get('/graphql', (_req, res) => {
    res.json({ from: 'graphql' });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imaginator-web-'));
  mkdirSync(join(dir, 'built', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'built', 'index.html'), '<!doctype html><title>built page</title><script type="module" src="/assets/app-1234.js"></script>');
  writeFileSync(join(dir, 'built', 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(dir, 'built', 'robots.txt'), 'User-agent: *');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('mountWebApp', () => {
  it('serves index.html at / with a strict Content-Security-Policy, and hashed assets cached for good', async () => {
    const base = await serve(join(dir, 'built'));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>built page</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    // WebSockets to the page's own host only, never to any host (`ws:` alone).
    const host = new URL(base).host;
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host};`);
    expect(csp).not.toMatch(/ wss?:(;|\s|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/robots.txt`)).status).toBe(200);
  });

  it('leaves every other route alone and serves nothing outside the build', async () => {
    const base = await serve(join(dir, 'built'));
    expect(await (await fetch(`${base}/graphql`)).json()).toEqual({ from: 'graphql' });
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it('answers / with a page saying how to build it while web/dist is missing', async () => {
    const base = await serve(join(dir, 'never-built'));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('npm run build:web');
  });
});
