#!/usr/bin/env node
// Times the task pane on the bundled sample in file mode: page ready, both files read,
// Run (baseline + sample scenario) until the overall table shows, and the result xlsx download.
// usage: node scripts/measure-pane.js <dist/web dir> [repeats]
const path = require('path');
const fs = require('fs');
const os = require('os');
const ROOT = path.resolve(__dirname, '..');
const { chromium } = require(path.join(ROOT, 'node_modules', 'playwright-core'));
const { serve } = require(path.join(ROOT, 'scripts', 'serve-dist.js'));
const S = path.join(ROOT, 'samples');
(async () => {
  const dir = process.argv[2];
  const n = Number(process.argv[3] || 3);
  const { server, url } = await serve(dir, 0);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-'));
    const ctx = await chromium.launchPersistentContext(userDir, { executablePath: '/usr/bin/chromium', headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'], viewport: { width: 400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    await ctx.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
    const page = ctx.pages()[0] || (await ctx.newPage());
    const t0 = Date.now();
    await page.goto(`${url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const tReady = Date.now();
    await page.setInputFiles('#file-people', path.join(S, 'xinyang-2024-people.csv'));
    await page.waitForSelector('#counts-people', { state: 'attached' });
    await page.setInputFiles('#file-visits', path.join(S, 'xinyang-2024-visits.csv'));
    await page.waitForSelector('#counts-visits', { state: 'attached' });
    const tRead = Date.now();
    if (await page.$('#tab-policy')) await page.click('#tab-policy');
    await page.setInputFiles('#import-scenarios', path.join(S, 'scenario-dibao-75.json'));
    await page.waitForSelector('#scenario-list', { state: 'attached' });
    if (await page.$('#tab-run')) { const v = await page.$('#tab-run'); if (await v.isVisible()) await v.click(); }
    const tRun0 = Date.now();
    await page.click('#run');
    await page.waitForSelector('#table-overall', { state: 'attached', timeout: 120000 });
    const tRun = Date.now();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#write-result')]);
    await dl.path();
    const tWrite = Date.now();
    rows.push({ ready: tReady - t0, read: tRead - tReady, run: tRun - tRun0, write: tWrite - tRun, total: tWrite - t0 });
    await ctx.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
  server.close();
  const med = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  console.log(JSON.stringify({ dir, runs: rows, median: { ready: med('ready'), read: med('read'), run: med('run'), write: med('write'), total: med('total') } }));
})().catch((e) => { console.error(e); process.exit(1); });
