/**
 * The web page in a real browser: headless Chromium (Debian's `chromium`) driven by playwright-core,
 * against the API started here, which serves the page built from web/ at `/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createGateway } from '../../src/gateway/index.js';
import { DEFAULT_STAGES as STAGES } from '../../src/domain/graph.js';
import { docxText } from '../documents/read-back.js';
import { EnhancementResultDocument } from '../../src/client/graphql/graphql.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { request } from '../helpers/client.js';
import { delayedGateway } from '../helpers/gateways.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import * as make from '../documents/make.js';

// Callbacks given to page.evaluate run in the browser. The root tsconfig has no DOM lib (and must
// not get one), so the few browser names they use are declared loosely, for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
type BrowserNode = any;
declare const document: any;
declare function getComputedStyle(element: BrowserNode): Record<string, string>;

const ROOT = new URL('../..', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'test', '.artifacts');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`test/web: SKIPPING the browser tests: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium)`);
}

const config = testConfig();
let app: App;
let base: string;
const profiles: string[] = [];

beforeAll(async () => {
  // The page as it is now, not a stale build.
  execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  // Every model call waits a little, so the bars are seen moving.
  app = await startTestApp({ config, gateway: delayedGateway(createGateway(config), 120) });
  base = app.api!.url.replace(/\/graphql$/, '');
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await dropPrefix(config.prefix);
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function browser(viewport: { width: number; height: number }, mobile = false): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'imaginator-chromium-'));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport,
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
  });
}

/** Fails the test on any script error or failed request of the page. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]): number => {
      const channel = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let node: BrowserNode = element;
    let background = [255, 255, 255];
    while (node) {
      const rgba = parse(getComputedStyle(node).backgroundColor);
      if (rgba.length === 3 || (rgba.length === 4 && rgba[3]! > 0.9)) {
        background = rgba.slice(0, 3);
        break;
      }
      node = node.parentElement;
    }
    const [l1, l2] = [luminance(parse(getComputedStyle(element).color)), luminance(background)].sort((a, b) => b - a);
    return (l1! + 0.05) / (l2! + 0.05);
  });
}

describe('the page served at /', () => {
  it('is the built page, and /graphql still answers beside it', async () => {
    const page = await fetch(`${base}/`);
    const html = await page.text();
    expect(page.status, 'GET / must serve web/dist: wire mountWebApp(app) in src/api/server.ts').toBe(200);
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const bundle = await fetch(`${base}${script}`);
    expect(bundle.status).toBe(200);
    // Bundled: no CDN, no bare imports left for the browser to resolve.
    const code = await bundle.text();
    expect(code).not.toMatch(/https?:\/\/(cdn|unpkg|esm\.sh|jsdelivr)/);
    expect(code).not.toMatch(/from\s*["'](graphql-ws|marked|dompurify)["']/);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe.skipIf(!hasChromium)('the page in headless Chromium', () => {
  it('desktop: upload + paste, start, every stage bar live to done across a dropped socket, then the result', async () => {
    const context = await browser({ width: 1280, height: 900 });
    try {
      const page = await context.newPage();
      const problems = watchForErrors(page);

      // Cut the first WebSocket after ANALYSIS completes; record what the page subscribes with.
      const subscribes: Array<{ after?: string | null }> = [];
      const delivered: string[] = [];
      let sockets = 0;
      let cutOnce = false;
      await page.routeWebSocket(/\/graphql$/, (ws) => {
        ++sockets;
        const server = ws.connectToServer();
        let cut = false;
        ws.onMessage((message) => {
          const parsed = JSON.parse(String(message));
          if (parsed.type === 'subscribe' && /enhancementProgress/.test(parsed.payload.query)) subscribes.push(parsed.payload.variables);
          server.send(message);
        });
        server.onMessage((message) => {
          if (cut) return; // in flight when the connection was cut: the page never gets it
          const parsed = JSON.parse(String(message));
          ws.send(message);
          const event = parsed.type === 'next' ? parsed.payload.data?.enhancementProgress : undefined;
          if (event) delivered.push(event.cursor);
          if (!cutOnce && event?.type === 'STAGE_COMPLETED' && event.stage === 'ANALYSIS') {
            cutOnce = cut = true;
            void ws.close({ code: 1012, reason: 'test cuts the connection' });
            void server.close();
          }
        });
      });

      await page.goto(`${base}/`);
      await expect(page.title()).resolves.toContain('Imaginator');

      // Accessible form: every control has a label; keyboard focus is visible.
      const unlabelled = await page.$$eval('input, textarea, select, button', (controls) =>
        controls
          .filter((c) => !(c as BrowserNode).hidden && !((c as BrowserNode).labels?.length || c.getAttribute('aria-label') || (c.tagName === 'BUTTON' && c.textContent?.trim())))
          .map((c) => c.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.focus('#resume');
      expect(await page.$eval('#resume', (el) => getComputedStyle(el).outlineWidth)).toBe('3px');
      for (const selector of ['#resume-hint', 'label[for="resume"]', '#start', '.checks .muted']) {
        expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5);
      }

      // The resume comes from a file, the job ad is pasted.
      await page.setInputFiles('#resume-file', { name: 'resume.md', mimeType: 'text/markdown', buffer: Buffer.from(RESUME_A) });
      await expect.poll(() => page.inputValue('#resume')).toBe(RESUME_A);
      await page.fill('#job-ad', JOB_A);
      await page.check('input[name="creativity"][value="BOLD"]');
      for (const stage of STAGES) expect(await page.isChecked(`#stage-${stage.toLowerCase()}`)).toBe(true);
      expect(await page.isChecked('#stage-cover_letter')).toBe(false); // runs only when asked for
      await page.click('#start');

      // Live: a bar is seen running (indeterminate) before all of them are done.
      await page.waitForSelector('li.bar[data-state="running"] progress:not([value])', { timeout: 10_000 });
      // The text being written shows under the bars while a writing stage runs (the local engine writes it at once).
      await page.waitForFunction(() => !document.querySelector('#preview').hidden && document.querySelector('#preview-text').textContent.length > 20, undefined, {
        timeout: 10_000,
        polling: 'raf',
      });
      expect(await page.$$eval('li.bar', (rows) => rows.map((r) => (r as BrowserNode).dataset.stage))).toEqual([...STAGES]);
      await page.waitForFunction(
        (count) => document.querySelectorAll('li.bar[data-state="done"]').length === count,
        STAGES.length,
        { timeout: 20_000 },
      );
      for (const stage of STAGES) {
        const row = page.locator(`li.bar[data-stage="${stage}"]`);
        expect(await row.locator('progress').evaluate((p) => (p as BrowserNode).value)).toBe(1);
        expect(await row.locator('.state').textContent()).toMatch(/^Done in \d/);
      }
      expect(await page.$eval('#overall-bar', (p) => (p as BrowserNode).value)).toBe(1);

      // The socket was cut once; the page subscribed again with `after` = the last cursor it had seen.
      expect(sockets).toBeGreaterThanOrEqual(2);
      expect(subscribes[0]!.after ?? null).toBeNull();
      const cutAt = subscribes.length > 1 ? subscribes[1]!.after : undefined;
      expect(cutAt).toBeTruthy();
      expect(delivered).toContain(cutAt);
      expect(new Set(delivered).size).toBe(delivered.length); // nothing delivered twice

      // The result, as the API has it.
      await page.waitForSelector('#result:not([hidden]) [data-testid="final-resume"]', { timeout: 10_000 });
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const { enhancement } = await request(app.api!.url, EnhancementResultDocument, { id });
      expect(enhancement.status).toBe('COMPLETED');
      expect(await page.isHidden('#preview')).toBe(true); // the preview ends with the enhancement
      expect(await page.textContent('[data-testid="result-status"]')).toBe('completed');
      expect(await page.textContent('[data-testid="match-score"]')).toBe(String(Math.round(enhancement.gapAnalysis!.matchScore)));
      const matched = await page.$$eval('[data-testid="matched-keywords"] li', (items) => items.map((i) => i.textContent));
      expect(matched).toEqual(enhancement.gapAnalysis!.matchedKeywords);
      const missing = await page.$$eval('[data-testid="missing-keywords"] li', (items) => items.map((i) => i.textContent));
      expect(missing).toEqual(enhancement.gapAnalysis!.missingKeywords);
      expect(missing.join(' ')).toMatch(/Kubernetes|AWS|Amazon/);
      expect(await page.locator('[data-testid="suggestions"] > li').count()).toBe(enhancement.suggestions!.length);
      // Markdown rendered to HTML, not shown as text.
      expect(await page.textContent('[data-testid="final-resume"] h1')).toBe('Jane Doe');
      expect(await page.textContent('[data-testid="final-resume"]')).toContain('Acme Analytics');
      expect(await page.textContent('[data-testid="final-resume"]')).not.toContain('# Jane Doe');
      expect(await page.locator('[data-testid="editorial-notes"] li').count()).toBe(enhancement.editorialNotes!.length);
      const rows = await page.$$eval('[data-testid="stage-table"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      expect(rows.map((r) => r[0])).toEqual(['Analysis', 'Research', 'Draft', 'STAR', 'Polish', 'Suggest', 'Critique']);
      for (const row of rows) {
        expect(row[1]).toMatch(/^completed/);
        expect(row[3]).toMatch(/^\d+(\.\d)? m?s$/); // time per stage
        expect(row[4]).toBe('$0'); // cost per stage (the local engine is free)
      }
      expect(await page.textContent('[data-testid="total-cost"]')).toBe('$0');

      // The resume downloads as a DOCX the API rendered, saying what the final resume says.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-resume-docx"]')]);
      expect(download.suggestedFilename()).toBe('jane-doe-resume.docx');
      const docx = await docxText(new Uint8Array(readFileSync((await download.path())!)));
      for (const phrase of ['Jane Doe', 'Acme Analytics', 'Globex']) expect(docx).toContain(phrase);

      await page.screenshot({ path: join(ARTIFACTS, 'web.png'), fullPage: true });

      // A reload follows the same enhancement again from the #id in the URL.
      await page.reload();
      await page.waitForSelector('#result:not([hidden]) [data-testid="final-resume"]', { timeout: 10_000 });
      expect(await page.locator('li.bar[data-state="done"]').count()).toBe(STAGES.length);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('phone: fits a 390 px screen without sideways scrolling, and shows the result', async () => {
    const context = await browser({ width: 390, height: 844 }, true);
    try {
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto(`${base}/`);
      await page.fill('#resume', RESUME_A);
      await page.fill('#job-ad', JOB_A);
      await page.uncheck('#stage-critique');
      await page.uncheck('#stage-suggest');
      await page.check('#stage-cover_letter');
      await page.tap('#start');
      await page.waitForSelector('#result:not([hidden]) [data-testid="final-resume"]', { timeout: 20_000 });
      // SUGGEST and CRITIQUE were not asked for: no bar for them; the cover letter was.
      expect(await page.$$eval('li.bar', (rows) => rows.map((r) => (r as BrowserNode).dataset.stage))).toEqual(['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'COVER_LETTER']);
      expect(await page.$$eval('li.bar', (rows) => rows.map((r) => (r as BrowserNode).dataset.state))).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
      await page.waitForSelector('[data-testid="cover-letter"]', { timeout: 10_000 });
      expect(await page.textContent('[data-testid="cover-letter"]')).toContain('Dear Initech hiring team,');
      expect(await page.locator('[data-testid="download-cover-letter-pdf"]').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Touch targets: the start button is at least 44 px high.
      expect((await page.locator('#start').boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: join(ARTIFACTS, 'web-phone.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('imports a resume file: a picked PDF and a dropped DOCX fill the resume box, with what was read and its warnings', async () => {
    const context = await browser({ width: 1280, height: 900 });
    try {
      const page = await context.newPage();
      const problems = watchForErrors(page);
      await page.goto(`${base}/`);

      // Picked: a two-column PDF is read column by column, and the page says so.
      await page.setInputFiles('#resume-file', { name: 'resume.pdf', mimeType: 'application/pdf', buffer: await make.twoColumnPdf() });
      await expect.poll(() => page.inputValue('#resume'), { timeout: 30_000 }).toContain('Fabrikam Health');
      const fromPdf = await page.inputValue('#resume');
      for (const employer of make.EMPLOYERS) expect(fromPdf).toContain(employer);
      const report = page.locator('#resume-import');
      expect(await report.isVisible()).toBe(true);
      expect(await report.textContent()).toMatch(/Read resume\.pdf \(1 page, \d+ characters\)/);
      expect(await report.locator('.warnings li').allTextContents()).toEqual([expect.stringMatching(/two columns re-ordered/)]);

      // Dropped on the resume box: a DOCX replaces it.
      const docx = (await make.resumeDocx()).toString('base64');
      await page.evaluate((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new (globalThis as any).DataTransfer();
        transfer.items.add(new (globalThis as any).File([bytes], 'cv.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
        const box = document.querySelector('#resume').parentElement;
        box.dispatchEvent(new (globalThis as any).DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        box.dispatchEvent(new (globalThis as any).DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, docx);
      await expect.poll(() => page.inputValue('#resume'), { timeout: 30_000 }).toContain(`- ${make.RESUME.roles[0]!.bullets[0]}`);
      expect(await report.locator('.warnings li').allTextContents()).toEqual([expect.stringMatching(/tables flattened/), expect.stringMatching(/image skipped/)]);

      // A scan is refused with the server's reason, and the box keeps what it had.
      const before = await page.inputValue('#resume');
      await page.setInputFiles('#resume-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: await make.imageOnlyPdf(1) });
      await page.waitForSelector('#form-error:not([hidden])', { timeout: 30_000 });
      expect(await page.textContent('#form-error')).toMatch(/scan\.pdf: .*no text layer/);
      expect(await page.inputValue('#resume')).toBe(before);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
