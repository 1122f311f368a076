import fs from 'fs';
import path from 'path';
import { readRoster, readTable } from '../../../src/projection/readRoster';
import { runProjection } from '../../../src/projection/run';
import { parseScenarioJson } from '../../../src/projection/scenarioFile';
import { readCsv } from '../../../src/roster/csv';
import { detectMapping } from '../../../src/roster/mapping';
import { runJob, type ProgressInfo } from '../../../src/taskpane/worker/projectionJob';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

function request(peopleCsv: string, visitsCsv: string, scenarios = [] as ReturnType<typeof parseScenarioJson>) {
  const people = readCsv(peopleCsv, { sheet: 'people.csv' });
  const visits = readCsv(visitsCsv, { sheet: 'visits.csv' });
  return { people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳', year: 2024, scenarios };
}

describe('the worker job', () => {
  test('one 低保 person in Xinyang, worked out by hand', () => {
    const scenario = parseScenarioJson('{"name":"低保75","overrides":{"xinyang-2024":{"inpatient.tiers.dibao_returned.ratio":0.75}}}');
    const { summary } = runJob(request(
      '身份证号,姓名,人员类别,区县\n411524194203289881,严辉丽,低保对象,商城县\n',
      '身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n411524194203289881,2024-05-01,住院,10000,否\n',
      scenario,
    ));
    // 信医保办〔2024〕52号 二、二是: 低保对象 no deductible, 70% → 10000 × 0.7 = 7000.00
    expect(summary.baseline.overall.inpatient).toBe('7000.00');
    // 二、一是 资助参保: 低保对象 a fixed 80 yuan (ruling 8)
    expect(summary.baseline.overall.premiumSubsidy).toBe('80.00');
    expect(summary.baseline.overall.fundNeed).toBe('7080.00');
    // the scenario: 10000 × 0.75 = 7500.00, i.e. 500.00 more
    expect(summary.scenarios[0].overall.inpatient).toBe('7500.00');
    const m = summary.comparisons[0].measures.find((x) => x.id === 'assistance.total')!;
    expect([m.baseline, m.scenario, m.diff]).toEqual(['7000.00', '7500.00', '500.00']);
  });

  test('on the sample roster it gives the totals of runProjection (the CLI path), with progress to the end', async () => {
    const peopleFile = { name: 'xinyang-2024-people.csv', bytes: fs.readFileSync(path.join(SAMPLES, 'xinyang-2024-people.csv')) };
    const visitsFile = { name: 'xinyang-2024-visits.csv', bytes: fs.readFileSync(path.join(SAMPLES, 'xinyang-2024-visits.csv')) };
    const scenarios = parseScenarioJson(fs.readFileSync(path.join(SAMPLES, 'scenario-dibao-75.json'), 'utf8'));
    const roster = await readRoster(peopleFile, visitsFile, 2024);
    const cli = runProjection({ ...roster, region: '信阳市', year: 2024, scenarios });

    const people = await readTable(peopleFile);
    const visits = await readTable(visitsFile);
    const progress: ProgressInfo[] = [];
    const { summary } = runJob(
      { people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region: '信阳市', year: 2024, scenarios },
      (p) => progress.push(p),
    );
    expect(summary.baseline.overall.assistance).toBe(cli.baseline.totals.overall.assistance.total.toFixed(2));
    expect(summary.baseline.overall.fundNeed).toBe(cli.baseline.totals.overall.fundNeed.toFixed(2));
    expect(summary.scenarios[0].overall.assistance).toBe(cli.scenarios[0].projection.totals.overall.assistance.total.toFixed(2));
    expect(summary.baseline.funding.city).toBe(cli.baseline.funding.city.toFixed(2));
    expect(summary.rows).toEqual(cli.rows);

    const project = progress.filter((p) => p.phase === 'project');
    const last = project[project.length - 1];
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(roster.people.length * 2); // baseline + one scenario, one tick per person
    expect(project.map((p) => p.done)).toEqual([...project.map((p) => p.done)].sort((a, b) => a - b));
    expect(project.length).toBeLessThanOrEqual(201);
  });
});
