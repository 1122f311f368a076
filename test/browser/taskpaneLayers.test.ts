/**
 * The pane's layer table on the settlement sample (issue 10), in the built bundle in a plain
 * browser: samples/weihai-2019-settlement-{people,visits}.csv (600 people, 1,804 settlement
 * visits) with samples/scenario-weihai-ci-200k.json, run as 威海 2019. On screen, each layer —
 * 医疗总费用, 基本医保, 大病保险, 医疗机构减免, 医疗机构承担目录外超限, 医疗救助 (其中倾斜), 个人负担 —
 * for the baseline, the scenario and the difference must be exactly what the projection API
 * (the CLI's code path) computes for the same files, and the layers on screen must add up to
 * the total to the fen; the downloaded workbook's 结算各层 sheet must hold one row per
 * settlement visit, cell for cell as writeWorkbook writes it. The engine's layer figures are
 * hand-worked in test/engine/settlement-chain.test.ts and test/projection/layers.test.ts.
 */
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { D } from '../../src/engine';
import { LAYER_KEYS } from '../../src/projection/layers';
import { defaultEngine } from '../../src/engine/engine';
import { preflight } from '../../src/projection/preflight';
import { readRoster, schemeChecker } from '../../src/projection/readRoster';
import { runProjection } from '../../src/projection/run';
import { parseScenarioJson } from '../../src/projection/scenarioFile';
import type { ProjectionRun } from '../../src/projection/types';
import { writeWorkbook } from '../../src/projection/writeWorkbook';
import { browserAvailable, chooseOption, cspViolations, foreignRequests, openPage, openWithRoster, ROOT, servePane, type Watched } from './browserHarness';

const SAMPLES = path.join(ROOT, 'samples');
const PEOPLE = path.join(SAMPLES, 'weihai-2019-settlement-people.csv');
const VISITS = path.join(SAMPLES, 'weihai-2019-settlement-visits.csv');
const SCENARIO = path.join(SAMPLES, 'scenario-weihai-ci-200k.json');

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane: the settlement layer table', () => {
  const server = servePane();
  let expected: ProjectionRun;
  let w: Watched;
  beforeAll(async () => {
    // As the pane's worker: visits checked against the region's schemes, the pre-flight's notes kept with the run (issue 16).
    const roster = await readRoster({ name: PEOPLE, bytes: fs.readFileSync(PEOPLE) }, { name: VISITS, bytes: fs.readFileSync(VISITS) }, 2019, { checkScheme: schemeChecker(defaultEngine(), '威海市', 2019) });
    const checks = preflight({ ...roster, region: '威海市', year: 2019 });
    const withChecks = (run: ProjectionRun): ProjectionRun => (checks.length ? { ...run, preflight: checks } : run);
    expected = withChecks(runProjection({ ...roster, region: '威海市', year: 2019, scenarios: parseScenarioJson(fs.readFileSync(SCENARIO, 'utf8'), 'scenario-weihai-ci-200k.json') }));
  }, 5 * 60 * 1000);
  afterAll(async () => {
    await w?.close();
  });

  test('baseline, scenario and difference of every layer, as the projection computes them; the 结算各层 sheet downloaded', async () => {
    w = await openPage();
    const { page } = w;
    await openWithRoster(page, server.url, PEOPLE, VISITS);
    await page.click('#tab-policy');
    await chooseOption(page, '#region', '威海市');
    await chooseOption(page, '#year', '2019');
    await page.setInputFiles('#import-scenarios', SCENARIO);
    await page.waitForSelector('#scenario-list');
    await page.click('#run');
    await page.waitForSelector('#table-layers', { timeout: 180000 });

    const value = (id: string) => page.getAttribute(`[data-testid="${id}"]`, 'data-value');
    const b = expected.baseline.layers!;
    expect(b.overall.visits).toBe(1804);
    const m = expected.comparisons[0].measures;
    for (const k of LAYER_KEYS) {
      expect([k, await value(`layers.${k}`)]).toEqual([k, b.overall[k].toFixed(2)]);
      expect([k, await value(`layers.0.${k}`)]).toEqual([k, m[`layers.${k}`].scenario.toFixed(2)]);
      expect([k, await value(`layers.0.${k}.diff`)]).toEqual([k, m[`layers.${k}`].diff.toFixed(2)]);
    }
    // The scenario moves critical-illness insurance up and assistance and the residual down (85 % from 20万).
    expect(m['layers.ci'].diff.greaterThan(0)).toBe(true);
    expect(m['layers.assistance'].diff.lessThan(0)).toBe(true);
    expect(m['layers.total'].diff.isZero()).toBe(true);
    // On screen, the layers add up to the total to the fen (tilt is "of which").
    const shown = async (prefix: string) => Object.fromEntries(await Promise.all(LAYER_KEYS.map(async (k) => [k, D((await value(`${prefix}${k}`))!)] as const)));
    for (const prefix of ['layers.', 'layers.0.']) {
      const s = await shown(prefix);
      expect(s.basic.plus(s.ci).plus(s.reduction).plus(s.hospitalExcess).plus(s.assistance).plus(s.residual).toFixed(2)).toBe(s.total.toFixed(2));
    }
    expect(await page.textContent('#table-layers')).toContain('医疗机构减免');

    // 结算各层 is per-visit detail: written with "every visit" (the pane's default, people, leaves it out and says so).
    await chooseOption(page, '#detail', 'visits');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#write-result')]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'medaid-layers-')), download.suggestedFilename());
    await download.saveAs(file);
    const got = new ExcelJS.Workbook();
    await got.xlsx.readFile(file);
    const want = new ExcelJS.Workbook();
    await want.xlsx.load(Buffer.from(await writeWorkbook(expected, { lang: 'zh', surface: 'pane' })) as unknown as ExcelJS.Buffer);
    const gs = got.getWorksheet('结算各层')!;
    const ws = want.getWorksheet('结算各层')!;
    expect(gs.rowCount).toBe(1 + 1804);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => expect([r, c, gs.getCell(r, c).value]).toEqual([r, c, cell.value]));
    });

    expect(foreignRequests(w.requests, new URL(server.url).origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  }, 8 * 60 * 1000);
});
