/**
 * The pane's run (the worker job) carries the completeness, the pre-flight and the region-own
 * citations to the screen, and stops on a year with no visits (issue 17). On the old code the
 * job returned a 0.00 budget for the wrong year and the summary had none of these fields.
 */
import { idCheckChar } from '../../../src/roster';
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
  // The pane's words (its field), not the CLI's flag.
  expect(caught?.zh).toContain('补正：在“测算年度”中选择 2024');
  expect(caught?.en).toContain('Fix: choose 2024 in “Year”');
  expect(`${caught?.zh} ${caught?.en}`).not.toContain('--year');
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
  expect(c.year!.fix.target).toEqual({ kind: 'year', year: 2024 });
  expect(() => s.run({ region: '信阳', year: 2025, scenarios: [] })).toThrow(/名册中没有 2025 年的就诊/);
  expect(s.check(2024)).toMatchObject({ ready: true });
  expect(s.check(2024).year).toBeUndefined();
});

test('the whole pre-flight before Run, for the region and year chosen (RosterSession.preflight, what the pane shows)', async () => {
  const { RosterSession } = await import('../../../src/taskpane/worker/rosterSession');
  const enc = (s: string) => new TextEncoder().encode(s);
  const s = new RosterSession();
  // Two 低保边缘 people (not a 威海 category: 威医保发〔2019〕25号 lists none) and one 低保 with a
  // 9类病种 outpatient visit (信阳's scheme, not 威海's 门诊慢性病救助).
  const A = '411524194203289881';
  const B = '41152419420328001' + idCheckChar('41152419420328001');
  const people = `身份证号,姓名,人员类别,区县,个人缴费\n${A},甲,低保边缘家庭成员,商城县,380\n${B},乙,低保对象,商城县,380\n`;
  const visits = `身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-02-01,住院,,5000,否\n${B},2024-03-01,门诊,9类病种,800,否\n`;
  await s.load('people', { file: { name: 'p.csv', bytes: enc(people) } }, { year: 2024 });
  await s.load('visits', { file: { name: 'v.csv', bytes: enc(visits) } }, { year: 2024 });
  const f = s.preflight({ region: '威海', year: 2024 });
  expect(f.find((x) => x.code === 'WRONG_REGION')!.fix).toMatchObject({ target: { kind: 'region', region: '信阳市' }, pane: { zh: '在“地区（政策）”中选择 信阳市' } });
  expect(f.find((x) => x.code === 'CATEGORY_NOT_IN_POLICY')!.fix.target).toEqual({ kind: 'column', table: 'people', field: 'categories' });
  expect(f.find((x) => x.code === 'UNKNOWN_SCHEME')!.fix.target).toEqual({ kind: 'column', table: 'visits', field: 'scheme' });
  expect(s.preflight({ region: '信阳', year: 2024 })).toEqual([]);
  // 2025 has no visit: only the year finding, a stop.
  expect(s.preflight({ region: '信阳', year: 2025 }).map((x) => [x.code, x.stop])).toEqual([['YEAR_WITHOUT_VISITS', true]]);
});
