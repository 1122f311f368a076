/**
 * The pane's host detection (src/taskpane/host/detectHost.ts, issue 13 item 5) with Microsoft's
 * REAL office.js — the @microsoft/office-js package's dist/, served at the CDN URL the page asks
 * for (officeJsRoute.ts), with no network — instead of the stubs of
 * test/taskpane/host/detectHost.test.ts. The rule: inside Excel the pane waits for
 * Office.onReady and never falls into file mode; outside Office, where Office.onReady resolves
 * with no host, it goes to file mode; without office.js at all it works in file mode.
 *
 * "Inside Excel" here is Excel on the web as office.js itself recognises it (the _host_Info
 * query and _xdm_Info fragment Excel puts on an add-in's URL): office.js then loads
 * excel-web-16.00.js and waits for the host's answer, which no test can give, so Office.onReady
 * stays pending — what the pane must survive without dropping into file mode.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { readRoster } from '../../src/projection/readRoster';
import { runProjection } from '../../src/projection/run';
import { OFFICE_SLOW_MS } from '../../src/taskpane/host/detectHost';
import { ensureWebBuild } from '../addin/webBuild';
import { browserAvailable, chooseOption, foreignRequests, openPage, ROOT, servePane, type Watched } from './browserHarness';
import { HOSTED, OFFICE_TELEMETRY, routeOfficeJs, startTimes, telemetryFrameRefused, watchStart, type StartTimes } from './officeJsRoute';

const PEOPLE = path.join(ROOT, 'samples', 'xinyang-2024-people.csv');
const VISITS = path.join(ROOT, 'samples', 'xinyang-2024-visits.csv');
const WAITING = '正在等待 Excel 启动加载项…';
/** The slow CDN: longer than the 3 s after which the pane used to give up on Office. */
const SLOW_MS = 4000;
/** What Excel on the web adds to an add-in page's URL (office.js reads host and channel from it). */
const IN_EXCEL_WEB = '?_host_Info=Excel$Web$16.01$zh-CN$$$$0#&_xdm_Info=medaid_test_1|1|https://excel.officeapps.live.com';

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane with the real office.js (@microsoft/office-js, served locally)', () => {
  const server = servePane();
  let expectedFundNeed: string;
  beforeAll(async () => {
    const roster = await readRoster({ name: PEOPLE, bytes: fs.readFileSync(PEOPLE) }, { name: VISITS, bytes: fs.readFileSync(VISITS) }, 2024);
    expectedFundNeed = runProjection({ ...roster, region: '信阳市', year: 2024 }).baseline.totals.overall.fundNeed.toFixed(2);
  });
  let w: Watched | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  const origin = () => new URL(server.url).origin;

  /**
   * Outside Office, office.js opens a hidden frame to Microsoft's telemetry service 3 s after it
   * starts. The page's CSP (default-src 'self', no frame-src) refuses it before any request: the
   * only CSP reports and console errors are that frame and its inline style, both from office.js's
   * own files (a navigation refused has no source file; its style attribute names office.js's) —
   * none from the add-in's code.
   */
  async function onlyOfficeTelemetryRefused(page: Page, watched: Watched): Promise<StartTimes> {
    await telemetryFrameRefused(page).catch(async (e) => {
      throw new Error(`${(e as Error).message}\nCSP reports: ${JSON.stringify((await startTimes(page)).csp)}\nconsole errors: ${watched.consoleErrors.join('\n')}`);
    });
    const t = await startTimes(page);
    // Exactly two reports: the frame's style="display:none", set by office.js's own file, and the frame.
    expect(t.csp).toHaveLength(2);
    expect(t.csp).toEqual(
      expect.arrayContaining([
        { directive: 'style-src-attr', blocked: 'inline', source: `${HOSTED}o15apptofilemappingtable.js` },
        { directive: 'frame-src', blocked: OFFICE_TELEMETRY, source: '' },
      ]),
    );
    expect(watched.consoleErrors.filter((m) => !/violates the following Content Security Policy directive/.test(m))).toEqual([]);
    expect(watched.requests.filter((u) => u.startsWith(OFFICE_TELEMETRY))).toEqual([]);
    return t;
  }

  test('the page asks for office.js at the CDN URL the package is served under; the build carries none of the package', async () => {
    const build = await ensureWebBuild();
    const html = fs.readFileSync(path.join(build.outDir, 'taskpane.html'), 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
    // The built page (minified: attributes unquoted), office.js first, before the add-in's bundles.
    expect(srcs[0]).toBe(`${HOSTED}office.js`);
    // The package is a test fixture only (its LICENSE.md: use to develop and test): nothing of it is bundled or copied.
    expect(build.modules.filter((m) => m.includes('@microsoft/office-js'))).toEqual([]);
    expect(build.assets.filter((a) => /(^|\/)office(\.debug)?\.js$|excel-web-16|o15apptofilemappingtable/.test(a.name))).toEqual([]);
  });

  /** The file workflow once the pane is up: both sample files, 信阳市 2024, Run → the projection's fund need. */
  async function fileWorkflow(page: Page): Promise<void> {
    await page.setInputFiles('#file-people', PEOPLE);
    await page.waitForSelector('#counts-people');
    await page.setInputFiles('#file-visits', VISITS);
    await page.waitForSelector('#counts-visits');
    await page.click('#tab-policy');
    await chooseOption(page, '#region', '信阳市');
    await chooseOption(page, '#year', '2024');
    await page.waitForSelector('#run:not([disabled])', { timeout: 120000 });
    await page.click('#run');
    await page.waitForSelector('#table-overall', { timeout: 120000 });
    expect(await page.getAttribute('[data-testid="overall.fundNeed"]', 'data-value')).toBe(expectedFundNeed);
  }

  test('(1) plain browser: office.js resolves onReady with no host → file mode at once, no errors, nothing else requested', async () => {
    w = await openPage();
    const { page } = w;
    await watchStart(page);
    const office = await routeOfficeJs(page, origin());
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await page.getAttribute('body', 'data-host')).toBe('file');
    // It was the real library, and it said where it is: no host.
    const info = await page.evaluate(() => (window as unknown as { Office: { onReady: () => Promise<unknown> } }).Office.onReady());
    expect(info).toEqual({ host: null, platform: null, addin: null });
    const t = await startTimes(page);
    console.log(`real office.js, plain browser: office.js in at ${t.officeLoadedAt?.toFixed(0)} ms, file mode at ${t.hostAt?.toFixed(0)} ms, ready at ${t.readyAt?.toFixed(0)} ms`);
    // No wait for a timeout: the waiting notice (shown after OFFICE_SLOW_MS) never appeared.
    expect(t.notices.filter((n) => n.includes(WAITING))).toEqual([]);
    expect(t.hostAt! - t.officeLoadedAt!).toBeLessThan(OFFICE_SLOW_MS);
    await fileWorkflow(page);
    await onlyOfficeTelemetryRefused(page, w);
    // office.js and the file it loads relative to itself (which Office app is which), nothing else.
    expect(office.served).toEqual(['office.js', 'o15apptofilemappingtable.js']);
    expect(office.missing).toEqual([]);
    expect(office.blocked).toEqual([]);
    expect(foreignRequests(w.requests, origin())).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 5 * 60 * 1000);

  test('(2) plain browser, office.js 4 s late: the page waits for it, then file mode at once and the file workflow works', async () => {
    w = await openPage();
    const { page } = w;
    await watchStart(page);
    const office = await routeOfficeJs(page, origin(), { delayMs: SLOW_MS });
    await page.goto(`${server.url}taskpane.html`, { waitUntil: 'commit' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    expect(await page.getAttribute('body', 'data-host')).toBe('file');
    const t = await startTimes(page);
    console.log(`real office.js ${SLOW_MS} ms late: office.js in at ${t.officeLoadedAt?.toFixed(0)} ms, file mode at ${t.hostAt?.toFixed(0)} ms`);
    // office.js is a parser-blocking script: the pane's bundle runs after it, so there is no
    // timer to fall back on — the pane decides only when Office.onReady has answered (host null).
    expect(t.officeLoadedAt!).toBeGreaterThanOrEqual(SLOW_MS);
    expect(t.hostAt!).toBeGreaterThan(t.officeLoadedAt!);
    expect(t.hostAt! - t.officeLoadedAt!).toBeLessThan(OFFICE_SLOW_MS);
    expect(t.notices.filter((n) => n.includes(WAITING))).toEqual([]);
    await fileWorkflow(page);
    await onlyOfficeTelemetryRefused(page, w);
    expect(office.served).toEqual(['office.js', 'o15apptofilemappingtable.js']);
    expect(office.blocked).toEqual([]);
    expect(foreignRequests(w.requests, origin())).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 5 * 60 * 1000);

  test('(3) CDN unreachable (office.js fails): file mode at once, the file workflow works', async () => {
    w = await openPage();
    const { page } = w;
    await watchStart(page);
    const office = await routeOfficeJs(page, origin(), { unreachable: true });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await page.getAttribute('body', 'data-host')).toBe('file');
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    const t = await startTimes(page);
    expect(t.notices.filter((n) => n.includes(WAITING))).toEqual([]);
    await fileWorkflow(page);
    expect((await startTimes(page)).csp).toEqual([]);
    expect(office.served).toEqual([]);
    expect(office.blocked).toEqual([]);
    expect(foreignRequests(w.requests, origin())).toEqual([]);
    expect(w.requests.filter((u) => u.startsWith(HOSTED))).toEqual([`${HOSTED}office.js`]);
    expect(w.pageErrors).toEqual([]);
    // The one failed load is office.js's own, as in any offline browser.
    expect(w.consoleErrors.filter((m) => !/ERR_INTERNET_DISCONNECTED/.test(m))).toEqual([]);
  }, 5 * 60 * 1000);

  test('inside Excel on the web (as office.js sees it), office.js 4 s late and Excel not answering: the pane waits, never file mode', async () => {
    w = await openPage();
    const { page } = w;
    await watchStart(page);
    const office = await routeOfficeJs(page, origin(), { delayMs: SLOW_MS });
    await page.goto(`${server.url}taskpane.html${IN_EXCEL_WEB}`, { waitUntil: 'commit' });
    // The waiting notice comes OFFICE_SLOW_MS after the pane started (after office.js).
    await page.waitForFunction((text) => document.getElementById('app-loading')?.textContent?.includes(text), WAITING, { timeout: SLOW_MS + OFFICE_SLOW_MS + 30000 });
    // Well past the old 3 s fallback: still waiting for Office, no file mode, no file inputs.
    await page.waitForTimeout(OFFICE_SLOW_MS);
    const t = await startTimes(page);
    console.log(`real office.js in Excel on the web, no host answer: office.js in at ${t.officeLoadedAt?.toFixed(0)} ms, still waiting at ${(await page.evaluate(() => performance.now())).toFixed(0)} ms`);
    expect(t.hostAt).toBeUndefined();
    expect(t.readyAt).toBeUndefined();
    expect(t.csp).toEqual([]);
    expect(await page.$('#file-people')).toBeNull();
    // office.js took the page for Excel on the web: it loaded Excel's web API file and its strings.
    expect(office.served).toEqual(['office.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js']);
    expect(await page.evaluate(() => typeof (window as unknown as { Excel?: { run?: unknown } }).Excel?.run)).toBe('function');
    expect(office.missing).toEqual([]);
    expect(office.blocked).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  }, 5 * 60 * 1000);
});
