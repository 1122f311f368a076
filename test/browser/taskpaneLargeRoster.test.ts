/**
 * The task pane at benchmark size, in a plain browser (file mode): a roster of ~41,000 people
 * and ~100,000 visits made by the sample generator (scripts/make-sample-roster.js --people
 * 41000), uploaded, run with the sample scenario and downloaded. The totals on screen must be
 * runProjection's on the same files (the CLI's code path). The end-to-end time (first file
 * chosen → download saved) and the longest task on the page's main thread (a
 * PerformanceObserver 'longtask') are printed and written to
 * test-output/taskpane-large-roster.timing.json for the benchmark notes — never asserted:
 * speed is measured, not tested.
 *
 * MEDAID_WEB_DIR=<dir> reuses a bundle built earlier (e.g. to time an older build).
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readRoster } from '../../src/projection/readRoster';
import { runProjection } from '../../src/projection/run';
import { parseScenarioJson } from '../../src/projection/scenarioFile';
import type { ProjectionRun } from '../../src/projection/types';
import { browserAvailable, buildBundle, chooseOption, openPage, ROOT, serveDir, type Watched } from './browserHarness';

const SCENARIO = path.join(ROOT, 'samples', 'scenario-dibao-75.json');
const OUT = path.join(ROOT, 'test-output');

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

interface LongTask {
  start: number;
  duration: number;
}

maybe('task pane with a 100,000-visit roster (file mode)', () => {
  let dir: string;
  let server: { url: string; close: () => Promise<void> };
  let rosterDir: string;
  let peopleFile: string;
  let visitsFile: string;
  let expected: ProjectionRun;
  let w: Watched | undefined;

  beforeAll(async () => {
    dir = process.env.MEDAID_WEB_DIR ?? '';
    if (!dir) {
      dir = await buildBundle();
    }
    server = await serveDir(dir);
    rosterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'medaid-roster-'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-sample-roster.js'), '--people', '41000', '--out-dir', rosterDir, '--seed', '7']);
    peopleFile = path.join(rosterDir, 'xinyang-2024-people.csv');
    visitsFile = path.join(rosterDir, 'xinyang-2024-visits.csv');
    const roster = await readRoster({ name: peopleFile, bytes: fs.readFileSync(peopleFile) }, { name: visitsFile, bytes: fs.readFileSync(visitsFile) }, 2024);
    expected = runProjection({ ...roster, region: '信阳市', year: 2024, scenarios: parseScenarioJson(fs.readFileSync(SCENARIO, 'utf8'), 'scenario-dibao-75.json') });
    fs.mkdirSync(OUT, { recursive: true });
  }, 15 * 60 * 1000);

  afterAll(async () => {
    await w?.close();
    await server?.close();
    if (rosterDir) fs.rmSync(rosterDir, { recursive: true, force: true });
  });

  test('loads, checks, runs and downloads it; the totals are runProjection’s (time and longest main-thread task printed)', async () => {
    expect(expected.rows.visits.total).toBeGreaterThan(100_000);
    w = await openPage();
    const { page } = w;
    await page.addInitScript(() => {
      const g = window as unknown as { __longTasks: { start: number; duration: number }[] };
      g.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) g.__longTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no longtask support: nothing recorded
      }
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const flowStart = await page.evaluate(() => performance.now());

    const t0 = Date.now();
    await page.setInputFiles('#file-people', peopleFile);
    await page.waitForSelector('#counts-people', { timeout: 10 * 60 * 1000 });
    await page.setInputFiles('#file-visits', visitsFile);
    await page.waitForSelector('#counts-visits', { timeout: 10 * 60 * 1000 });
    const tLoaded = Date.now();
    const now = () => page.evaluate(() => performance.now());
    const marks: [string, number][] = [['load + check', flowStart], ['scenario file', await now()]];
    const counts = await page.$eval('#counts-visits', (el) => ({ ...(el as HTMLElement).dataset }));
    expect(Number(counts.total)).toBe(expected.importReports.find((r) => r.kind === 'visits')!.summary.total);

    await page.click('#tab-policy');
    await page.setInputFiles('#import-scenarios', SCENARIO);
    await page.waitForSelector('#scenario-list');
    const tRun = Date.now();
    marks.push(['run', await now()]);
    await page.click('#run');
    await page.waitForSelector('#table-overall', { timeout: 20 * 60 * 1000 });
    const tRan = Date.now();
    marks.push(['results on screen', await now()]);

    const value = (id: string) => page.getAttribute(`[data-testid="${id}"]`, 'data-value');
    const b = expected.baseline;
    expect(await value('overall.assistance')).toBe(b.totals.overall.assistance.total.toFixed(2));
    expect(await value('overall.premiumSubsidy')).toBe(b.totals.overall.premiumSubsidy.toFixed(2));
    expect(await value('overall.fundNeed')).toBe(b.totals.overall.fundNeed.toFixed(2));
    for (const [d, bucket] of Object.entries(b.totals.byDistrict)) expect(await value(`district.${d}.assistance`)).toBe(bucket.assistance.total.toFixed(2));
    expect(await value('funding.city')).toBe(b.funding.city.toFixed(2));
    const cmp = expected.comparisons[0].measures['assistance.total'];
    expect(await value('compare.0.assistance.total')).toBe(cmp.scenario.toFixed(2));

    // MEDAID_DETAIL=visits|none times another detail level than the pane's default (people).
    const detail = process.env.MEDAID_DETAIL ?? 'people';
    if (detail !== 'people') await chooseOption(page, '#detail', detail);
    const tWrite = Date.now();
    marks.push(['workbook', await now()]);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20 * 60 * 1000 }), page.click('#write-result')]);
    const file = path.join(os.tmpdir(), `medaid-large-${process.pid}.xlsx`);
    await download.saveAs(file);
    const tDone = Date.now();

    const tasks: LongTask[] = await page.evaluate((from) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((x) => x.start >= from), flowStart);
    const longest = tasks.reduce((m, x) => Math.max(m, x.duration), 0);
    const timing = {
      visits: expected.rows.visits.total,
      people: expected.rows.people.total,
      loadAndCheckMs: tLoaded - t0,
      runMs: tRan - tRun,
      downloadMs: tDone - tWrite,
      endToEndMs: tDone - t0,
      longestMainThreadTaskMs: Math.round(longest),
      longTasksOver200Ms: tasks.filter((x) => x.duration > 200).length,
      // Which step each main-thread task over 50 ms fell in (ms after the first file was chosen).
      tasksOver50Ms: tasks.filter((x) => x.duration > 50).map((x) => ({ step: [...marks].reverse().find(([, at]) => at <= x.start)?.[0], at: Math.round(x.start - flowStart), ms: Math.round(x.duration) })),
      detail,
      bundle: process.env.MEDAID_WEB_DIR ? 'MEDAID_WEB_DIR' : 'fresh build',
    };
    fs.writeFileSync(path.join(OUT, 'taskpane-large-roster.timing.json'), JSON.stringify(timing, null, 2));
    console.log(`task pane, ${timing.visits} visits / ${timing.people} people, file mode: ${JSON.stringify(timing)}`);

    // The download is the result workbook: the overall assistance on its summary sheet.
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(file);
    fs.rmSync(file, { force: true });
    const summary = got.worksheets.filter((s) => s.state === 'visible')[0];
    const numbers: number[] = [];
    summary.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers).toContain(Number(b.totals.overall.assistance.total.toFixed(2)));
    expect(got.getWorksheet('MedAid-scenarios')?.state).toBe('hidden');
    // Every person listed once (header + one row each) unless no detail was asked for; the
    // per-visit sheet only when asked for.
    if (detail !== 'none') expect(got.getWorksheet('人员')!.actualRowCount).toBe(expected.baseline.people.length + 1);
    expect(got.getWorksheet('明细') !== undefined).toBe(detail === 'visits');
    expect(w.pageErrors).toEqual([]);
  }, 60 * 60 * 1000);
});
