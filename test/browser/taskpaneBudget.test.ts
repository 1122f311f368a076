/**
 * The pane's budget panel (issue 11) in a real browser on the sample 信阳 2024 roster: after a
 * run, 计算规划与区间 draws the fan chart and its table; 按上限拟合 fits the 低保 inpatient ratio
 * (信医保办〔2024〕52号 二、二是, 70 %) to a ceiling. Expected figures come from budgetJob in Node
 * on the same files (readRoster, as the CLI reads them): the pane must show exactly those.
 */
import fs from 'fs';
import path from 'path';
import { readRoster } from '../../src/projection/readRoster';
import { budgetJob, type BudgetView } from '../../src/taskpane/worker/budgetJob';
import { browserAvailable, cspViolations, openPage, openWithRoster, ROOT, servePane, waitForChart, type Watched } from './browserHarness';

const SAMPLES = path.join(ROOT, 'samples');
const PEOPLE = path.join(SAMPLES, 'xinyang-2024-people.csv');
const VISITS = path.join(SAMPLES, 'xinyang-2024-visits.csv');

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane: plan range (fan chart) and the solver', () => {
  const server = servePane();
  let w: Watched;
  let expected: BudgetView;
  let roster: Awaited<ReturnType<typeof readRoster>>;
  beforeAll(async () => {
    roster = await readRoster({ name: PEOPLE, bytes: fs.readFileSync(PEOPLE) }, { name: VISITS, bytes: fs.readFileSync(VISITS) }, 2024);
    expected = budgetJob(roster.people, roster.visits, { region: '信阳市', year: 2024, draws: 200 });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  test('fan table equals budgetJob, chart drawn; the fitted ratio and its need, one step further above the ceiling', async () => {
    w = await openPage();
    const { page } = w;
    await openWithRoster(page, server.url, PEOPLE, VISITS);
    await page.click('#run');
    await page.waitForSelector('#budget-panel', { timeout: 120000 });

    await page.fill('#budget-draws input', '200');
    await page.press('#budget-draws input', 'Tab');
    await page.click('#budget-run');
    await page.waitForSelector('#fan-table', { timeout: 120000 });
    const rows = await page.$$eval('#fan-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td,th')).map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual([
      [`${expected.base.year}（实际名单）`, expected.base.point, '', '', ''],
      ...expected.fan.map((y) => [String(y.year), y.point, y.p10, y.p50, y.p90]),
    ]);
    for (const y of expected.fan) expect(Number(y.p10)).toBeLessThanOrEqual(Number(y.p90));
    // the fan chart is drawn on its canvas, and the results' two charts
    await waitForChart(page, '#chart-fan');
    await waitForChart(page, '#chart-district');
    await waitForChart(page, '#chart-category');
    expect(await page.textContent('#fan-covers')).toContain('不包括');

    // a ceiling 1 % below the baseline need: the parameter (the pane's default, the region's first
    // inpatient ratio) comes down from its current value
    const ceiling = (Number(expected.base.point) * 0.99).toFixed(2);
    await page.fill('#solve-ceiling input', ceiling);
    await page.press('#solve-ceiling input', 'Tab');
    await page.click('#solve-run');
    await page.waitForSelector('#solve-result', { timeout: 120000 });
    const path = (await page.getAttribute('#solve-result', 'data-path'))!;
    expect(path).toMatch(/^inpatient\..*\.ratio$/);
    const fitted = budgetJob(roster.people, roster.visits, { region: '信阳市', year: 2024, draws: 200, solve: { path, ceiling } });
    expect(await page.getAttribute('#solve-result', 'data-value')).toBe(fitted.solve!.value);
    expect(await page.getAttribute('#solve-result', 'data-need')).toBe(fitted.solve!.need);
    expect(Number(fitted.solve!.value)).toBeLessThan(Number(fitted.solve!.current));
    expect(Number(fitted.solve!.need)).toBeLessThanOrEqual(Number(fitted.solve!.ceiling));
    expect(Number(fitted.solve!.beyond!.need)).toBeGreaterThan(Number(fitted.solve!.ceiling));
    expect(await page.textContent('#solve-result')).toContain(fitted.solve!.beyond!.value);

    // The fitted value saved as a scenario like any other (issue 11 item 3), then run beside the baseline:
    // its fund need on screen is the one the solver found.
    await page.click('#solve-save');
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').includes('已存为方案'));
    await page.click('#tab-policy');
    expect(await page.textContent('#scenario-list')).toContain(`= ${fitted.solve!.value}`);
    await page.click('#run');
    await page.waitForSelector('[data-testid="compare.0.fundNeed"]', { timeout: 120000 });
    expect(await page.getAttribute('[data-testid="compare.0.fundNeed"]', 'data-value')).toBe(fitted.solve!.need);

    // A district ceiling typed in the pane reaches the solver as --district-ceiling does: same fit as budgetJob's.
    const district = roster.people[0].district;
    await page.click('#tab-results');
    await page.fill('#solve-ceiling input', '');
    await page.press('#solve-ceiling input', 'Tab');
    await page.fill('#solve-districts input', `${district}=800万`);
    await page.press('#solve-districts input', 'Tab');
    await page.click('#solve-run');
    await page.waitForSelector('#solve-districts-met', { timeout: 120000 });
    const byDistrict = budgetJob(roster.people, roster.visits, { region: '信阳市', year: 2024, draws: 200, solve: { path, ceiling: '', districts: `${district}=800万` } });
    expect(await page.getAttribute('#solve-result', 'data-value')).toBe(byDistrict.solve!.value);
    expect(await page.textContent('#solve-districts-met')).toContain(`${district} ≤ 8000000.00`);

    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 6 * 60 * 1000);
});
