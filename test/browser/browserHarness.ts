/**
 * What the browser tests share: the add-in's production build (shared with test/addin), serve
 * it from 127.0.0.1, and drive Debian's Chromium with playwright-core (no browser
 * download). The page is watched for requests outside its origin and for CSP violations.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { ensureWebBuild } from '../addin/webBuild';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '..', '..');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/';

/** Browser tests run when Chromium is there; in CI they must run (a missing browser fails them). */
export function browserAvailable(): { run: boolean; why?: string } {
  if (fs.existsSync(CHROMIUM)) return { run: true };
  if (process.env.CI) return { run: true }; // let the launch fail loudly
  return { run: false, why: `${CHROMIUM} is missing and CI is not set: browser tests skipped (apt-get install chromium to run them)` };
}

/**
 * The add-in's production web build, shared by every browser and add-in test of a run: built
 * once in a plain Node process (webpack inside Jest's sandbox is several times slower) into
 * test-output/web/, the other test files waiting on its lock, and reused while no input changed
 * (test/addin/webBuild.ts). The checkout's dist/ is left alone. Never delete the folder: other
 * test files serve it too.
 */
export async function buildBundle(): Promise<string> {
  const build = await ensureWebBuild();
  if (build.errors.length) throw new Error(`web build failed:\n${build.errors.join('\n')}`);
  return build.outDir;
}

export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, 'scripts', 'serve-dist.js'));
  const { server, url } = await serve(dir, 0);
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  requests: string[];
  pageErrors: string[];
  consoleErrors: string[];
  close: () => Promise<void>;
}

export async function openPage(): Promise<Watched> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medaid-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 900 },
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  // Office.js cannot load here (no network, no Office): fail it at once, as an offline browser would.
  await context.route(`${OFFICE_JS}**`, (r) => r.abort('internetdisconnected'));
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    page,
    context,
    requests,
    pageErrors,
    consoleErrors,
    close: async () => {
      await context.close();
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** Requests that left the page's origin (blob: URLs of this origin are downloads made in the page). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith(`blob:${origin}`) && !u.startsWith('data:') && !u.startsWith(OFFICE_JS));
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

/**
 * The built bundle served for the tests of one describe block: built (or reused) and served in
 * beforeAll, the server closed in afterAll. `url` is the served folder's URL.
 */
export function servePane(): { readonly url: string } {
  let dir = '';
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    dir = await buildBundle();
    server = await serveDir(dir);
  }, 15 * 60 * 1000);
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('servePane: the bundle is not served yet (use it inside a test)');
      return server.url;
    },
  };
}

/** Waits until the canvas has something drawn on it (a pixel that is not transparent): the pane draws its charts in a task after the page is built. */
export async function waitForChart(page: Page, canvas: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel) as HTMLCanvasElement | null;
    const ctx = c && c.width > 0 && c.height > 0 ? c.getContext('2d') : null;
    if (!ctx) return false;
    const px = ctx.getImageData(0, 0, c!.width, c!.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
    return false;
  }, canvas, { timeout: 30000 });
}

/** Chooses an option of one of the pane's Fluent dropdowns (region, year, detail sheets …). */
export async function chooseOption(page: Page, dropdown: string, value: string): Promise<void> {
  // The pane renders its dropdowns anew when a re-check ends (a region or year chosen just before): an open
  // list can be replaced by a closed one under the click (seen in CI under load), so the list is opened again.
  for (let attempt = 1; ; attempt++) {
    await page.waitForSelector(`${dropdown}:not([disabled])`, { timeout: 120000 });
    await page.click(`${dropdown} [role="combobox"]`);
    try {
      await page.click(`${dropdown} fluent-option[value="${value}"]`, { timeout: 10000 });
      break;
    } catch (e) {
      if (attempt === 5) throw e;
    }
  }
  await page.waitForFunction(([d, v]) => (document.querySelector(d) as HTMLInputElement | null)?.value === v, [dropdown, value] as const);
}

/** Opens the pane in file mode and reads a people and a visits file into it (the roster step). */
export async function openWithRoster(page: Page, url: string, people: string, visits: string): Promise<void> {
  await page.goto(`${url}taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.setInputFiles('#file-people', people);
  await page.waitForSelector('#counts-people');
  await page.setInputFiles('#file-visits', visits);
  await page.waitForSelector('#counts-visits');
}
