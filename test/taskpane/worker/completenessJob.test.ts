/**
 * The pane's run (the worker job) carries the completeness, the pre-flight and the region-own
 * citations to the screen, and stops on a year with no visits (issue 17). On the old code the
 * job returned a 0.00 budget for the wrong year and the summary had none of these fields.
 */
import { readCsv } from '../../../src/roster/csv';
import { detectMapping } from '../../../src/roster/mapping';
import { runJob } from '../../../src/taskpane/worker/projectionJob';

const ID = '411524194203289881';
function request(region: string, year: number, peopleCsv: string, visitsCsv: string) {
  const people = readCsv(peopleCsv, { sheet: 'people.csv' });
  const visits = readCsv(visitsCsv, { sheet: 'visits.csv' });
  return { people, visits, peopleMapping: detectMapping(people, 'people'), visitsMapping: detectMapping(visits, 'visits'), region, year, scenarios: [] };
}
const P = `身份证号,姓名,人员类别,区县,个人缴费\n${ID},严辉丽,低保对象,商城县,350\n`;

test('a year with no visits: the run stops with the year to choose, in both languages', () => {
  const v = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${ID},2024-05-01,住院,10000,否\n`;
  let caught: { code?: string; zh?: string; en?: string } | undefined;
  try {
    runJob(request('信阳', 2025, P, v));
  } catch (e) {
    caught = e as typeof caught;
  }
  expect(caught?.code).toBe('YEAR_WITHOUT_VISITS');
  expect(caught?.zh).toContain('名册中没有 2025 年的就诊');
  expect(caught?.zh).toContain('任务窗格“年度”');
  expect(caught?.en).toContain('set the year to 2024');
});

test('山西: the view marks the tilt not computed, the run partial, and labels split and forecast as the analyst’s', () => {
  // 山西 答记者问: 低保 70 %, no deductible → 20000 × 0.7 = 14000.00; the tilt is the prefecture's (ruling 4).
  const v = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${ID},2022-05-01,住院,20000,是\n`;
  const { summary } = runJob(request('山西', 2022, P, v));
  const b = summary.baseline;
  expect(b.overall.inpatient).toBe('14000.00');
  expect(b.completeness!.measures['assistance.tilt']).toBe('notComputed');
  expect(b.completeness!.label.zh).toContain('部分测算');
  expect(summary.preflight!.map((f) => f.code)).toEqual(['TILT_DELEGATED']);
  expect(b.ratioSource!.own).toBe(false);
  expect(b.forecastMethod!.zh).toContain('分析人员测算方法');
});

test('the roster check says before the run that 2025 has no visit, and the run waits (RosterSession, the worker’s state)', async () => {
  const { RosterSession } = await import('../../../src/taskpane/worker/rosterSession');
  const enc = (s: string) => new TextEncoder().encode(s);
  const s = new RosterSession();
  await s.load('people', { file: { name: 'p.csv', bytes: enc(P) } }, { year: 2025 });
  await s.load('visits', { file: { name: 'v.csv', bytes: enc(`身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${ID},2024-05-01,住院,10000,否\n`) } }, { year: 2025 });
  const c = s.check(2025);
  expect(c.ready).toBe(false);
  expect(c.year).toMatchObject({ code: 'YEAR_WITHOUT_VISITS', stop: true });
  expect(c.year!.fix.zh).toContain('--year 2024');
  expect(() => s.run({ region: '信阳', year: 2025, scenarios: [] })).toThrow(/名册中没有 2025 年的就诊/);
  expect(s.check(2024)).toMatchObject({ ready: true });
  expect(s.check(2024).year).toBeUndefined();
});
