import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { defaultEngine } from '../../../src/engine/engine';
import { readRoster, schemeChecker } from '../../../src/projection/readRoster';
import { runProjection } from '../../../src/projection/run';
import { parseScenarioJson } from '../../../src/projection/scenarioFile';
import * as peopleModule from '../../../src/roster/people';
import * as visitsModule from '../../../src/roster/visits';
import { withFigure, noFigures } from '../../../src/taskpane/analystFigures';
import { addScenarioSheet } from '../../../src/taskpane/host/scenarioSheet';
import type { ProgressInfo } from '../../../src/taskpane/worker/projectionJob';
import { PREVIEW_ROWS, PROBLEMS_SENT, RosterSession } from '../../../src/taskpane/worker/rosterSession';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const PEOPLE = { name: 'xinyang-2024-people.csv', bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'xinyang-2024-people.csv'))) };
const VISITS = { name: 'xinyang-2024-visits.csv', bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'xinyang-2024-visits.csv'))) };
const text = (s: string) => new TextEncoder().encode(s);

afterEach(() => jest.restoreAllMocks());

describe('the roster in the worker', () => {
  test('a file is read and checked once; the pane gets the header, the first rows and the report, not the rows', async () => {
    const s = new RosterSession();
    const progress: ProgressInfo[] = [];
    const p = await s.load('people', { file: PEOPLE }, { year: 2024 }, (x) => progress.push(x));
    const v = await s.load('visits', { file: VISITS }, { year: 2024 });
    const cli = await readRoster(PEOPLE, VISITS, 2024);
    const [peopleReport, visitsReport] = cli.importReports;
    expect(p.view.table.rows).toHaveLength(PREVIEW_ROWS);
    expect(p.view.rowCount).toBe(peopleReport.summary.total - peopleReport.summary.blank);
    expect(p.view.table.header).toEqual(['身份证号', '姓名', '人员类别', '区县', '个人缴费']);
    expect(p.view.mapping.missing).toEqual([]);
    // The counts are the importer's (the CLI reads the same files): total = used + rejected + blank.
    expect(v.check.people!.summary).toEqual(peopleReport.summary);
    expect(v.check.visits!.summary).toEqual(visitsReport.summary);
    expect(v.check.visits!.count).toBe(visitsReport.entries.length);
    expect(v.check.visits!.entries.length).toBeLessThanOrEqual(PROBLEMS_SENT);
    expect(v.check.visits!.entries[0].severity).toBe('error');
    expect(v.check.ready).toBe(true);
    expect(progress.map((x) => x.phase)).toEqual(['read', 'read', 'check', 'check', 'check']);
  });

  test('the run uses the import the check made (nothing parsed or imported twice) and gives runProjection’s totals', async () => {
    const s = new RosterSession();
    // The pane names the region with the file (its schemes are checked per visit row, issue 16).
    await s.load('people', { file: PEOPLE }, { year: 2024, region: { region: '信阳市' } });
    await s.load('visits', { file: VISITS }, { year: 2024, region: { region: '信阳市' } });
    const importPeople = jest.spyOn(peopleModule, 'importPeople');
    const importVisits = jest.spyOn(visitsModule, 'importVisits');
    const scenarios = parseScenarioJson(fs.readFileSync(path.join(SAMPLES, 'scenario-dibao-75.json'), 'utf8'));
    const { summary } = s.run({ region: '信阳市', year: 2024, scenarios });
    expect(importPeople).not.toHaveBeenCalled();
    expect(importVisits).not.toHaveBeenCalled();
    const cli = runProjection({ ...(await readRoster(PEOPLE, VISITS, 2024, { checkScheme: schemeChecker(defaultEngine(), '信阳市', 2024) })), region: '信阳市', year: 2024, scenarios });
    expect(summary.baseline.overall.assistance).toBe(cli.baseline.totals.overall.assistance.total.toFixed(2));
    expect(summary.baseline.overall.premiumSubsidy).toBe(cli.baseline.totals.overall.premiumSubsidy.toFixed(2));
    expect(summary.scenarios[0].overall.assistance).toBe(cli.scenarios[0].projection.totals.overall.assistance.total.toFixed(2));
    expect(summary.rows).toEqual(cli.rows);
    // Another year: the visits are checked again (their dates decide), the people are not.
    importPeople.mockClear();
    importVisits.mockClear();
    s.check(2025);
    expect(importPeople).not.toHaveBeenCalled();
    expect(importVisits).toHaveBeenCalledTimes(1);
  });

  test('the figures apply to the baseline: 信阳 monitored premium 100 → +100 for each person reported without it', async () => {
    const s = new RosterSession();
    await s.load('people', { file: PEOPLE }, { year: 2024 });
    await s.load('visits', { file: VISITS }, { year: 2024 });
    const without = s.run({ region: '信阳', year: 2024, scenarios: [] });
    const reported = without.run.baseline.problems.filter((p) => p.part === 'premiumSubsidy');
    expect(reported.length).toBeGreaterThan(0);
    const figures = withFigure(noFigures(), { policyId: 'xinyang-2024', path: 'premium.tiers.monitored.amount' }, 100);
    const withIt = s.run({ region: '信阳', year: 2024, scenarios: [], figures });
    // 信医保办〔2024〕52号 二、一是 (ruling 8): the delegated amount, now 100 yuan a person.
    const diff = withIt.run.baseline.totals.overall.premiumSubsidy.minus(without.run.baseline.totals.overall.premiumSubsidy);
    expect(diff.toFixed(2)).toBe((100 * reported.length).toFixed(2));
    expect(withIt.run.baseline.problems.filter((p) => p.part === 'premiumSubsidy')).toEqual([]);
    expect(withIt.summary.figures).toEqual([{ source: '本地区补充参数 / figures you supply', region: 'xinyang-2024', path: 'premium.tiers.monitored.amount', value: 100 }]);
  });

  test('mapping edits and sheets: the edit is applied and checked; an .xlsx offers its sheets, the best one first', async () => {
    const s = new RosterSession();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本文件为测试']);
    const ws = wb.addWorksheet('人员');
    ws.addRow(['证件号', '姓名', '人员类别', '区县']);
    ws.addRow(['411524194203289881', '严辉丽', '低保对象', '商城县']).getCell(1).numFmt = '@';
    addScenarioSheet(wb, { scenarios: [{ name: 'a', overrides: {} }] });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const loaded = await s.load('people', { file: { name: 'roster.xlsx', bytes } }, { year: 2024 });
    expect(loaded.view.labels).toEqual(['roster.xlsx:说明', 'roster.xlsx:人员']);
    expect(loaded.view.table.sheet).toBe('roster.xlsx:人员');
    expect(loaded.saved).toEqual({ scenarios: [{ name: 'a', overrides: {} }] });
    // "证件号" may not be detected as the ID column: the analyst maps it.
    const remapped = s.remap('people', 'id', 0, 2024);
    expect(remapped.view.mapping.columns.id).toBe(0);
    expect(remapped.check.people!.summary).toMatchObject({ total: 1, used: 1 });
    const other = s.chooseSheet('people', 'roster.xlsx:说明', 2024);
    expect(other.view.table.sheet).toBe('roster.xlsx:说明');
    expect(other.check.people ?? other.check.peopleError).toBeDefined();
    expect(() => s.chooseSheet('people', 'nope', 2024)).toThrow(/nope/);
  });

  test('a restored session takes the sheet and mapping it is given; a run without a roster is refused in both languages', async () => {
    const s = new RosterSession();
    expect(() => s.run({ region: '信阳', year: 2024, scenarios: [] })).toThrow(/名册[\s\S]*roster/);
    const csv = text('证件,姓名,人员类别,区县\n411524194203289881,严辉丽,低保对象,商城县\n');
    const first = await s.load('people', { file: { name: 'p.csv', bytes: csv } }, { year: 2024 });
    expect(first.view.mapping.missing).toEqual(['id']);
    expect(first.check.peopleError!.zh).toMatch(/身份证/);
    expect(first.check.peopleError!.en).toMatch(/ID/);
    const mapping = s.remap('people', 'id', 0, 2024).view.mapping;
    const again = new RosterSession();
    const restored = await again.load('people', { file: { name: 'p.csv', bytes: csv } }, { year: 2024, mapping });
    expect(restored.view.mapping).toEqual(mapping);
    expect(restored.check.people!.summary.used).toBe(1);
  });
});
