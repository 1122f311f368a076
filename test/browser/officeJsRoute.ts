/**
 * Microsoft's real office.js in the browser tests, with no network: the files of the
 * @microsoft/office-js package (node_modules/@microsoft/office-js/dist, the same files the CDN
 * serves under https://appsforoffice.microsoft.com/lib/1/hosted/) answer the page's requests
 * for that URL and for what office.js loads relative to itself. Every other request that does
 * not go to the page's own origin is aborted and listed, so a test can assert there was none.
 *
 * The package's LICENSE.md (1. "install and use any number of copies of the software on your
 * devices to design, develop and test Authorized Apps") covers this use: the files are served
 * to the test browser only, never copied into the add-in's build.
 */
import fs from 'fs';
import path from 'path';
import type { Page, Route } from 'playwright-core';

/** Where the pane's page asks for office.js (taskpane.html), as Microsoft documents it. */
export const HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The installed package's dist/ (resolved through Node, so a missing package fails loudly). */
export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

export interface OfficeJsRoute {
  /** office.js files served from the package (paths under dist/, in request order). */
  served: string[];
  /** Files under HOSTED that the package does not have (aborted). */
  missing: string[];
  /** Requests to anywhere else outside the page's origin (aborted). */
  blocked: string[];
}

export interface OfficeJsRouteOptions {
  /** Hold office.js itself this long before answering (a slow CDN). */
  delayMs?: number;
  /** Fail every office.js request (the CDN unreachable). */
  unreachable?: boolean;
}

/** Answers the page's requests for office.js from the package; `origin` is the page's own. */
export async function routeOfficeJs(page: Page, origin: string, opts: OfficeJsRouteOptions = {}): Promise<OfficeJsRoute> {
  const log: OfficeJsRoute = { served: [], missing: [], blocked: [] };
  await page.route('**/*', async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (!url.startsWith(HOSTED)) {
      log.blocked.push(url);
      return route.abort('internetdisconnected');
    }
    if (opts.unreachable) return route.abort('internetdisconnected');
    const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(HOSTED).pathname.length));
    const file = path.resolve(OFFICE_JS_DIST, rel);
    if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      log.missing.push(rel);
      return route.abort('internetdisconnected');
    }
    if (rel === 'office.js' && opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    log.served.push(rel);
    // office.js loads its other files as crossorigin="anonymous" scripts: the CORS header a CDN sends.
    return route.fulfill({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
      headers: { 'access-control-allow-origin': '*' },
      body: fs.readFileSync(file),
    });
  });
  return log;
}

/**
 * Watches the pane's start in the page (an init script, before any page script runs): when
 * body gets data-host and data-ready, every text the loading line shows, and each CSP
 * violation with the script that caused it.
 */
export async function watchStart(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __start: { hostAt?: number; readyAt?: number; notices: string[]; csp: { directive: string; blocked: string; source: string }[] } };
    w.__start = { notices: [], csp: [] };
    document.addEventListener('securitypolicyviolation', (e) => w.__start.csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }));
    new MutationObserver(() => {
      const body = document.body;
      if (body?.dataset.host && w.__start.hostAt === undefined) w.__start.hostAt = performance.now();
      if (body?.dataset.ready && w.__start.readyAt === undefined) w.__start.readyAt = performance.now();
      const line = document.getElementById('app-loading')?.textContent ?? '';
      if (line && w.__start.notices[w.__start.notices.length - 1] !== line) w.__start.notices.push(line);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export interface StartTimes {
  /** performance.now() when data-host / data-ready appeared (undefined: not yet). */
  hostAt?: number;
  readyAt?: number;
  /** When the last office.js file the page loaded had arrived (resource timing). */
  officeLoadedAt?: number;
  /** The loading line's texts, in order. */
  notices: string[];
  /** CSP violations: directive, what was blocked, the script that tried. */
  csp: { directive: string; blocked: string; source: string }[];
}

export async function startTimes(page: Page): Promise<StartTimes> {
  return page.evaluate((hosted) => {
    const s = (window as unknown as { __start: { hostAt?: number; readyAt?: number; notices: string[]; csp: { directive: string; blocked: string; source: string }[] } }).__start;
    const ends = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith(hosted))
      .map((e) => (e as PerformanceResourceTiming).responseEnd);
    return { ...s, officeLoadedAt: ends.length ? Math.max(...ends) : undefined };
  }, HOSTED);
}

/** The telemetry frame office.js opens 3 s after it starts outside Office (o15apptofilemappingtable.js, ULSEndpointProxy). */
export const OFFICE_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com';

/** Waits until office.js has tried to open its telemetry frame (and the page's CSP has refused it). */
export async function telemetryFrameRefused(page: Page, timeoutMs = 15000): Promise<void> {
  await page.waitForFunction(
    (t) => (window as unknown as { __start: { csp: { blocked: string }[] } }).__start.csp.some((v) => v.blocked.startsWith(t)),
    OFFICE_TELEMETRY,
    { timeout: timeoutMs },
  );
}
