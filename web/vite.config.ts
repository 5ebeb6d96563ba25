import { defineConfig } from 'vite';

/**
 * The web page, with web/ as Vite's root: `npm run build:web` (`vite build web`) bundles it into
 * web/dist/, which the API serves at `/` (src/api/web.ts). `npm run dev:web` serves it with hot
 * reload and proxies /graphql (HTTP and WebSocket) to an API on 127.0.0.1:4000.
 */
export default defineConfig({
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One script and one stylesheet, nothing inline: the page's Content-Security-Policy forbids inline code.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
