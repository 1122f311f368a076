/**
 * The task pane at an Excel task-pane width (400 px), walked step by step on the sample
 * roster as an analyst would, in Chinese (issue 14):
 * - no result table is wider than the pane, and the page never scrolls sideways;
 * - a Chinese screen carries no Latin word outside numbers, units and the proper names on
 *   the allow-list below (English, file names, Excel/CSV/xlsx/JSON, A1 cell references);
 * - the headline figure (资金需求) is on screen when the results open, above the Run bar;
 * - the counts agree: the total row's 人数 is the number of people projected in the counts line.
 * Screenshots of every step at 400 px and 1200 px go to test-output/pane-*.png.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { browserAvailable, cspViolations, openPage, ROOT, servePane, type Watched } from './browserHarness';

const SAMPLES = path.join(ROOT, 'samples');
const PEOPLE = path.join(SAMPLES, 'xinyang-2024-people.csv');
const VISITS = path.join(SAMPLES, 'xinyang-2024-visits.csv');
const SCENARIO = path.join(SAMPLES, 'scenario-dibao-75.json');
const OUT = path.join(ROOT, 'test-output');

/** Latin text a Chinese screen may show: proper names, file formats, the uploaded files' names, cell references. */
const ALLOWED = [
  /\bEnglish\b/g, /\bExcel\b/g, /\bCSV\b/g, /\bxlsx\b/g, /\bJSON\b/g,
  /xinyang-2024-(people|visits)\.csv/g, /scenario-dibao-75\.json/g, /\bdibao-75\b/g, // the sample scenario's name (the analyst's own words)
  /\b[A-Z]{1,3}\d+\b/g, // A1 cell references (the problem table names the cell)
];

function latinWords(text: string): string[] {
  let rest = text;
  for (const a of ALLOWED) rest = rest.replace(a, ' ');
  return [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Tables wider than their box, and whether the page itself scrolls sideways. */
async function overflow(page: Page, selector: string): Promise<{ page: boolean; tables: string[] }> {
  return page.evaluate((sel) => {
    const root = document.scrollingElement ?? document.documentElement;
    const tables = Array.from(document.querySelectorAll<HTMLTableElement>(sel))
      .filter((t) => t.getBoundingClientRect().right > window.innerWidth + 0.5 || t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 0.5)
      .map((t) => `${t.id || t.className}: ${t.scrollWidth}px in ${t.parentElement?.clientWidth}px`);
    return { page: root.scrollWidth > window.innerWidth + 0.5, tables };
  }, selector);
}

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane at 400 px (an Excel task pane), in Chinese', () => {
  const server = servePane();
  let w: Watched;
  beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));
  afterAll(async () => {
    await w?.close();
  });

  test('every step fits 400 px, speaks Chinese only, and shows the fund need first', async () => {
    w = await openPage();
    const { page } = w;
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const shots: string[] = [];
    const shoot = async (name: string) => {
      await page.screenshot({ path: path.join(OUT, `pane-400-${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.screenshot({ path: path.join(OUT, `pane-1200-${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 400, height: 800 });
      shots.push(name);
    };
    const chinese = async (step: string) => expect({ step, latin: latinWords(await visibleText(page)) }).toEqual({ step, latin: [] });

    // 1. 名册: both files; their counts.
    await chinese('roster (empty)');
    await page.setInputFiles('#file-people', PEOPLE);
    await page.waitForSelector('#counts-people');
    await page.setInputFiles('#file-visits', VISITS);
    await page.waitForSelector('#counts-visits');
    await chinese('roster');
    expect(await overflow(page, 'table')).toEqual({ page: false, tables: [] });
    await shoot('1-roster');

    // 2. 核对: mapping and the problems, messages in Chinese only (no parameter path, no English note).
    await page.click('#tab-check');
    await page.waitForSelector('#problems-people');
    await chinese('check');
    expect(await overflow(page, 'table.problems, table.map-table')).toEqual({ page: false, tables: [] });
    await shoot('2-check');

    // 3. 政策与方案: the open figure, funding, scenarios — no CLI flag, no path until "advanced".
    await page.click('#tab-policy');
    await page.waitForSelector('#figures');
    await page.setInputFiles('#import-scenarios', SCENARIO);
    await page.waitForSelector('#scenario-list');
    // Fluent dropdowns show the chosen region and year as their text.
    expect(await page.textContent('#region [role="combobox"]')).toContain('信阳');
    expect(await page.textContent('#year [role="combobox"]')).toContain('2024');
    await chinese('policy');
    expect(await overflow(page, 'table')).toEqual({ page: false, tables: [] });
    await shoot('3-policy');
    await page.click('#advanced');
    await page.waitForFunction(() => document.body.innerText.includes('--lottery'));
    await page.click('#advanced');
    await page.waitForFunction(() => !document.body.innerText.includes('--lottery'));

    // 4. 结果: Run from the bar at the bottom; the results open with the headline card.
    await page.click('#run');
    await page.waitForSelector('#headline', { timeout: 120000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const fold = await page.evaluate(() => {
      const figure = document.querySelector('.headline-figure')!.getBoundingClientRect();
      const bar = document.getElementById('step-run')!.getBoundingClientRect();
      return { bottom: figure.bottom + window.scrollY, visibleTo: Math.min(window.innerHeight, bar.top) };
    });
    expect(fold.bottom).toBeLessThanOrEqual(fold.visibleTo);
    expect(await page.getAttribute('[data-testid="headline.fundNeed"]', 'data-value')).toBe(await page.getAttribute('[data-testid="overall.fundNeed"]', 'data-value'));
    await chinese('results');
    expect(await overflow(page, 'table')).toEqual({ page: false, tables: [] });

    // Every row's details open under it and still fit.
    // (信阳 publishes its year's totals: the calibration against them is on screen too, issue 15.)
    expect(await page.isVisible('#calibration')).toBe(true);
    const toggles = await page.$$('#table-category button.expander, #table-split button.expander, #table-compare button.expander, #calibration button.expander');
    for (const b of toggles) await b.click();
    expect(await page.$$eval('#table-category tr.detail:not([hidden])', (r) => r.length)).toBe(toggles.length > 0 ? await page.$$eval('#table-category button.expander', (b) => b.length) : 0);
    expect(await overflow(page, 'table')).toEqual({ page: false, tables: [] });
    await chinese('results, rows open');

    // One definition of the counts: the total row's 人数 is the counts line's people projected.
    const counts = await page.$eval('#rows-used', (el) => ({ ...(el as HTMLElement).dataset }));
    const totalPeople = await page.$eval('#table-category tr.total td.num', (td) => td.textContent);
    expect(totalPeople).toBe(counts.people);
    expect(Number(counts.people) + Number(counts.peopleRejected)).toBe(Number(counts.peopleRows));
    await shoot('4-results');

    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors.filter((e) => !/CustomFunctions|Office/.test(e))).toEqual([]);
    expect(shots).toEqual(['1-roster', '2-check', '3-policy', '4-results']);
  }, 10 * 60 * 1000);
});
