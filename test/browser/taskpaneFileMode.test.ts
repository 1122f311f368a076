/**
 * The task pane in a plain browser (file mode), end to end: the built bundle served from
 * localhost, the sample roster uploaded, baseline + the sample scenario run in the worker,
 * the figures on screen and in the downloaded .xlsx compared with what the projection API
 * (the CLI's code path) computes for the same files, no request outside the page's origin
 * and no CSP violation. Expected figures here come from runProjection, not from the pane:
 * this test checks that the pane shows and writes exactly what the engine computed (the
 * engine's figures themselves are checked by hand in test/projection and test/engine).
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { preflight } from '../../src/projection/preflight';
import { readRoster } from '../../src/projection/readRoster';
import { runProjection } from '../../src/projection/run';
import { parseScenarioJson } from '../../src/projection/scenarioFile';
import type { ProjectionRun } from '../../src/projection/types';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { readScenarioSheet } from '../../src/taskpane/host/scenarioSheet';
import { browserAvailable, buildBundle, chooseOption, cspViolations, foreignRequests, openPage, ROOT, serveDir, type Watched } from './browserHarness';

const SAMPLES = path.join(ROOT, 'samples');
const PEOPLE = path.join(SAMPLES, 'xinyang-2024-people.csv');
const VISITS = path.join(SAMPLES, 'xinyang-2024-visits.csv');
const SCENARIO = path.join(SAMPLES, 'scenario-dibao-75.json');
const OUT = path.join(ROOT, 'test-output');

/**
 * Errors thrown by the OTHER bundles of the shared runtime page when Office is absent
 * (functions.js calls CustomFunctions.associate, commands.js calls Office.onReady at load).
 * They do not stop the pane, which is its own bundle; they belong to the add-in build and
 * are listed here so that any NEW error fails the test.
 */

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane in a plain browser (file mode)', () => {
  let dir: string;
  let server: { url: string; close: () => Promise<void> };
  let expected: ProjectionRun;
  let baselineOnly: ProjectionRun;

  beforeAll(async () => {
    dir = await buildBundle();
    server = await serveDir(dir);
    const roster = await readRoster({ name: PEOPLE, bytes: fs.readFileSync(PEOPLE) }, { name: VISITS, bytes: fs.readFileSync(VISITS) }, 2024);
    expected = runProjection({ ...roster, region: '信阳市', year: 2024, scenarios: parseScenarioJson(fs.readFileSync(SCENARIO, 'utf8'), 'scenario-dibao-75.json') });
    // The pre-flight's notes go on 校验报告, in the pane's workbook as in the CLI's.
    const checks = preflight({ ...roster, region: '信阳市', year: 2024 });
    if (checks.length) expected.preflight = checks;
    baselineOnly = runProjection({ ...roster, region: '信阳市', year: 2024 });
    fs.mkdirSync(OUT, { recursive: true });
  }, 15 * 60 * 1000);

  afterAll(async () => {
    await server?.close();
  });

  let w: Watched;
  afterEach(async () => {
    await w?.close();
  });

  test('runs baseline + scenario and shows, downloads and sends exactly the projection’s figures', async () => {
    w = await openPage();
    const { page } = w;
    const origin = new URL(server.url).origin;
    const started = Date.now();
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    expect(await page.getAttribute('body', 'data-host')).toBe('file');

    await page.setInputFiles('#file-people', PEOPLE);
    await page.waitForSelector('#counts-people');
    await page.setInputFiles('#file-visits', VISITS);
    await page.waitForSelector('#counts-visits');
    // The validation counts on screen are the importer's (every row used, rejected or blank).
    const counts = await page.$eval('#counts-people', (el) => ({ ...(el as HTMLElement).dataset }));
    const peopleReport = expected.importReports.find((r) => r.kind === 'people')!.summary;
    expect(Number(counts.total)).toBe(peopleReport.total);
    expect(Number(counts.used)).toBe(peopleReport.used);
    expect(Number(counts.rejected)).toBe(peopleReport.rejected);

    await page.click('#tab-policy');
    await page.setInputFiles('#import-scenarios', SCENARIO);
    await page.waitForSelector('#scenario-list');
    const runStarted = Date.now();
    await page.click('#run');
    await page.waitForSelector('#table-overall', { timeout: 120000 });
    const runMs = Date.now() - runStarted;

    const value = (id: string) => page.getAttribute(`[data-testid="${id}"]`, 'data-value');
    const b = expected.baseline;
    expect(await value('overall.assistance')).toBe(b.totals.overall.assistance.total.toFixed(2));
    expect(await value('overall.inpatient')).toBe(b.totals.overall.assistance.inpatient.toFixed(2));
    expect(await value('overall.outpatient')).toBe(b.totals.overall.assistance.outpatient.toFixed(2));
    expect(await value('overall.tilt')).toBe(b.totals.overall.assistance.tilt.toFixed(2));
    expect(await value('overall.premiumSubsidy')).toBe(b.totals.overall.premiumSubsidy.toFixed(2));
    expect(await value('overall.fundNeed')).toBe(b.totals.overall.fundNeed.toFixed(2));
    for (const [d, bucket] of Object.entries(b.totals.byDistrict)) expect(await value(`district.${d}.assistance`)).toBe(bucket.assistance.total.toFixed(2));
    for (const [c, bucket] of Object.entries(b.totals.byCategory)) expect(await value(`category.${c}.assistance`)).toBe(bucket!.assistance.total.toFixed(2));
    expect(await value('funding.city')).toBe(b.funding.city.toFixed(2));
    expect(await value('funding.district')).toBe(b.funding.districtTotal.toFixed(2));
    for (const [d, s] of Object.entries(b.funding.districts)) {
      expect(await value(`split.${d}.city`)).toBe(s.city.toFixed(2));
      expect(await value(`split.${d}.district`)).toBe(s.district.toFixed(2));
    }
    // Scenario side by side: the scenario's total and its difference from the baseline.
    const cmp = expected.comparisons[0].measures['assistance.total'];
    expect(await value('compare.0.assistance.total')).toBe(cmp.scenario.toFixed(2));
    expect(await value('compare.0.assistance.total.diff')).toBe(cmp.diff.toFixed(2));
    expect(await value('compare.baseline.assistance.total')).toBe(cmp.baseline.toFixed(2));

    await page.screenshot({ path: path.join(OUT, 'taskpane-file-mode.png'), fullPage: true });

    // People detail by default (as the CLI); this test compares every sheet, so it asks for every visit too.
    expect(await page.$eval('#detail', (el) => (el as HTMLInputElement).value)).toBe('people');
    await chooseOption(page, '#detail', 'visits');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#write-result')]);
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('救助测算-信阳市-2024.xlsx');
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(file);
    const want = new ExcelJS.Workbook();
    await want.xlsx.load(Buffer.from(await writeWorkbook(expected, { lang: 'zh', surface: 'pane' })) as unknown as ExcelJS.Buffer);
    // Same sheets, same cells as the CLI's workbook for the same run…
    const visible = (wb: ExcelJS.Workbook) => wb.worksheets.filter((s) => s.state === 'visible');
    expect(visible(got).map((s) => s.name)).toEqual(visible(want).map((s) => s.name));
    for (const ws of visible(want)) {
      const other = got.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => expect([ws.name, r, c, other.getCell(r, c).value]).toEqual([ws.name, r, c, cell.value]));
      });
    }
    // …with the overall assistance on the summary sheet equal to the screen's figure…
    const summary = visible(got)[0];
    const numbers: number[] = [];
    summary.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers).toContain(Number(b.totals.overall.assistance.total.toFixed(2)));
    // …and the scenarios kept in a hidden sheet, to come back when the file is opened again.
    expect(got.getWorksheet('MedAid-scenarios')?.state).toBe('hidden');

    const totalMs = Date.now() - started;
    fs.writeFileSync(path.join(OUT, 'taskpane-file-mode.timing.json'), JSON.stringify({ runMs, totalMs }, null, 2));
    console.log(`file-mode end to end: run ${runMs} ms, whole test flow ${totalMs} ms`);

    expect(foreignRequests(w.requests, origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(w.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 5 * 60 * 1000);

  test('switches to English, shows the error in English with the row, and cancels a run', async () => {
    w = await openPage();
    const { page } = w;
    const origin = new URL(server.url).origin;
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.click('#lang-switch');
    expect(await page.textContent('h1')).toBe('MedAid budget projection');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // A people file with a bad ID number (check digit wrong): the row is named, in the UI's language only (issue 14).
    const bad = '身份证号,姓名,人员类别,区县\n411524194203289882,严辉丽,低保对象,商城县\n41152219640620205X,刘云,特困人员,光山县\n';
    await page.setInputFiles('#file-people', { name: 'bad-people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.click('#tab-check');
    await page.waitForSelector('#problems-people');
    const problem = await page.textContent('#problems-people tbody tr');
    expect(problem).toMatch(/^2/); // row 2 of the file
    expect(problem).toMatch(/check digit/); // the English message…
    expect(problem).not.toMatch(/校验码/); // …and not the Chinese one beside it
    await page.click('#tab-roster');

    // An .xlsx roster is read in the page too (exceljs, loaded on demand) without breaking the CSP.
    const xlsx = new ExcelJS.Workbook();
    const ws = xlsx.addWorksheet('人员');
    ws.addRow(['身份证号', '姓名', '人员类别', '区县']);
    ws.addRow(['41152219640620205X', '刘云', '特困人员', '光山县']).getCell(1).numFmt = '@';
    await page.setInputFiles('#file-people', { name: 'people.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await xlsx.xlsx.writeBuffer()) });
    await page.waitForSelector('#counts-people[data-total="1"][data-used="1"]');

    // Cancel: a roster large enough to take a moment, cancelled while it runs.
    const header = '身份证号,姓名,人员类别,区县\n';
    const visitsHeader = '身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n';
    const people: string[] = [];
    const visits: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const id = idNumber(i);
      people.push(`${id},人${i},低保对象,商城县`);
      visits.push(`${id},2024-03-01,住院,${1000 + (i % 5000)},否`);
    }
    await page.setInputFiles('#file-people', { name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(header + people.join('\n'), 'utf8') });
    await page.waitForSelector('#counts-people[data-total="20000"]');
    await page.setInputFiles('#file-visits', { name: 'v.csv', mimeType: 'text/csv', buffer: Buffer.from(visitsHeader + visits.join('\n'), 'utf8') });
    await page.waitForSelector('#counts-visits[data-total="20000"]');
    await page.click('#run');
    await page.waitForSelector('#cancel-run:not([disabled])');
    await page.click('#cancel-run');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('cancelled'));
    expect(await page.$('#table-overall')).toBeNull();
    // The pane still works after a cancel: run again to the end.
    await page.click('#run');
    await page.waitForSelector('#table-overall', { timeout: 120000 });

    expect(foreignRequests(w.requests, origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 5 * 60 * 1000);

  test('信阳 monitored premium 100 in the panel raises the premium subsidy by 100 × the people reported without it; saved and listed in the download', async () => {
    const expected = baselineOnly;
    w = await openPage();
    const { page } = w;
    const origin = new URL(server.url).origin;
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

    // The panel lists what 信阳 2024 leaves to the analyst: the 农村易返贫致贫人口 amount,
    // delegated to the province (信医保办〔2024〕52号 二、一是 资助参保, ruling 8).
    const field = 'fluent-text-input[data-figure="premium.tiers.monitored.amount"] input';
    await page.click('#tab-policy');
    await page.waitForSelector(field);
    expect(await page.getAttribute('[data-figure="premium.tiers.monitored.amount"].figure', 'data-supplied')).toBe('false');

    await page.click('#tab-roster');
    await page.setInputFiles('#file-people', PEOPLE);
    await page.waitForSelector('#counts-people');
    await page.setInputFiles('#file-visits', VISITS);
    await page.waitForSelector('#counts-visits');
    await page.click('#run');
    await page.waitForSelector('#table-overall', { timeout: 120000 });
    const value = (id: string) => page.getAttribute(`[data-testid="${id}"]`, 'data-value');
    const before = await value('overall.premiumSubsidy');
    expect(before).toBe(expected.baseline.totals.overall.premiumSubsidy.toFixed(2));

    // Who was reported without the figure: the people whose subsidy could not be computed. Each
    // is a 农村易返贫致贫人口 (the only status of 信阳 2024 whose amount the text leaves open).
    const reported = expected.baseline.problems.filter((p) => p.table === 'people' && p.part === 'premiumSubsidy');
    const monitoredOnly = expected.baseline.people.filter((o) => !o.premiumComputed);
    expect(monitoredOnly.every((o) => o.person.categories.includes('monitored'))).toBe(true);
    expect(reported.map((p) => p.rowNumber)).toEqual(monitoredOnly.map((o) => o.person.rowNumber));
    expect(reported.length).toBeGreaterThan(0);

    // A value the engine refuses is shown in the UI's language, naming the parameter as the
    // documents do (its path only in the advanced view); nothing changes.
    await page.click('#tab-policy');
    await page.fill(field, '-5');
    await page.press(field, 'Tab');
    const refused = await page.textContent('[data-figure="premium.tiers.monitored.amount"].figure .error');
    expect(refused).toMatch(/资助金额/);
    expect(refused).toMatch(/负数/);
    expect(refused).not.toMatch(/premium\.tiers|negative/);
    await page.click('#advanced');
    expect(await page.textContent('[data-figure="premium.tiers.monitored.amount"].figure .error')).toMatch(/premium\.tiers\.monitored\.amount/);
    await page.click('#advanced');

    await page.fill(field, '100');
    await page.press(field, 'Tab');
    await page.waitForSelector('[data-figure="premium.tiers.monitored.amount"].figure[data-supplied="true"]');
    await page.click('#run');
    await page.waitForSelector('#figures-used', { timeout: 120000 });
    const after = await value('overall.premiumSubsidy');
    // 100 yuan a person (the analyst's figure) for each person reported before: exactly, to the fen.
    const want = (BigInt(before!.replace('.', '')) + BigInt(100 * 100 * reported.length)).toString();
    expect(after!.replace('.', '')).toBe(want);
    expect(await page.textContent('#figures-used')).toContain('资助金额 = 100');

    // The download lists the figure on its summary sheet and keeps it (hidden sheet) for the next time.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#write-result')]);
    const file = path.join(OUT, 'taskpane-figures.xlsx');
    await download.saveAs(file);
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(file);
    const texts: string[] = [];
    got.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('premium.tiers.monitored.amount');
    expect(got.getWorksheet('MedAid-figures')?.state).toBe('hidden');
    expect(readScenarioSheet(got)?.figures?.parameters).toEqual({ 'xinyang-2024': { 'premium.tiers.monitored.amount': 100 } });

    // An own region file with a wrong field: refused, naming the field.
    await page.click('#tab-policy');
    const policy = JSON.parse(fs.readFileSync(path.join(ROOT, 'policies', 'xinyang-2024.json'), 'utf8'));
    const mine = { ...policy, id: 'myregion-2024', region: { ...policy.region, id: 'myregion', names: { zh: '我的县', en: 'My county' }, aliases: [] } };
    const broken = JSON.parse(JSON.stringify(mine));
    broken.inpatient.tiers.dibao_returned.ratio.unit = 'percent';
    await page.setInputFiles('#region-file', { name: 'my-region.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken), 'utf8') });
    await page.waitForSelector('#region-file-error');
    const policyError = await page.textContent('#region-file-error');
    expect(policyError).toMatch(/my-region\.json/);
    expect(policyError).toMatch(/inpatient\.tiers\.dibao_returned\.ratio\.unit/);
    expect(policyError).toMatch(/不符合格式/);
    // …and a valid one becomes a region to choose, with its own open figures.
    await page.setInputFiles('#region-file', { name: 'my-region.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine), 'utf8') });
    await page.waitForSelector('#region-files');
    expect(await page.$eval('#region', (el) => (el as HTMLSelectElement).selectedOptions[0].textContent)).toContain('我的县');
    await page.waitForSelector(field);

    expect(foreignRequests(w.requests, origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 5 * 60 * 1000);
});

/** A valid 18-digit ID number (GB 11643 check digit) for generated rosters. */
export function idNumber(i: number): string {
  const body = `411524${1950 + (i % 50)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((s, d, k) => s + Number(d) * W[k], 0);
  return body + '10X98765432'[sum % 11];
}
