/**
 * Pre-flight (issue 17): before a run, what will not be computed, why, and the field or column
 * that fixes it. Regions' category lists and schemes from the policy files: 威海 威医保发〔2019〕25号
 * has no 低保边缘家庭成员 and only 门诊慢性病救助; 信阳 信医保办〔2024〕52号 has both; 山西's tilt is
 * delegated (ruling 4); 西平 特困人员 is paid the full premium, which the text does not give.
 * On the old code there was no pre-flight: a year with no visits ran to a 0.00 budget.
 */
import { preflight, preflightLines, yearFinding } from '../../src/projection/preflight';
import { importPeople, importVisits, readCsv } from '../../src/roster';
import { idCheckChar } from '../../src/roster';
import { person, visit } from './helpers';

const id = (first17: string) => first17 + idCheckChar(first17);

describe('a year without visits stops before the run', () => {
  const A = id('41150219600101001');
  const p = importPeople(readCsv(`身份证号,姓名,人员类别,区县\n${A},张三,低保对象,浉河区\n`, { sheet: 'p.csv' }));
  const csv = `身份证号,结算日期,就诊类型,政策范围内自付,是否规范转诊省内就医\n${A},2024-01-15,住院,10000,否\n${A},2024-03-15,住院,500,否\n${A},2023-12-30,住院,100,否\n`;

  test('year 2025 on 2024 data: stop, naming the year the visits are in and the flag/field that fixes it', () => {
    const v = importVisits(readCsv(csv, { sheet: 'v.csv' }), undefined, { year: 2025, people: p.rows });
    expect(v.rows).toHaveLength(0);
    const f = preflight({ people: p.rows, visits: v.rows, importReports: [p.report, v.report], region: '信阳', year: 2025 });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'YEAR_WITHOUT_VISITS', stop: true, visits: 3 });
    expect(f[0].zh).toContain('名册中没有 2025 年的就诊');
    expect(f[0].zh).toContain('2024（2 行）、2023（1 行）');
    // The same fix in each surface's words (fixes.ts): the CLI's flag, the pane's field, one target.
    expect(f[0].fix.cli.zh).toBe('把测算年度改为 2024：--year 2024');
    expect(f[0].fix.pane.zh).toBe('在“测算年度”中选择 2024');
    expect(f[0].fix.pane.en).toBe('choose 2024 in “Year”');
    expect(f[0].fix.target).toEqual({ kind: 'year', year: 2024 });
    expect(preflightLines(f, 'en')[0]).toMatch(/^\[stop\] the roster has no visit in 2025.*Fix: set the year to 2024: --year 2024$/);
    expect(preflightLines(f, 'zh', 'pane')[0]).toMatch(/补正：在“测算年度”中选择 2024$/);
  });

  test('year 2024: one visit of 2023 is a note, not a stop', () => {
    const v = importVisits(readCsv(csv, { sheet: 'v.csv' }), undefined, { year: 2024, people: p.rows });
    const f = yearFinding(v.rows.length, [p.report, v.report], 2024)!;
    expect(f).toMatchObject({ code: 'VISITS_OUT_OF_YEAR', stop: false, visits: 1 });
  });
});

describe('a region that is not the roster’s', () => {
  // Two 低保边缘 people (not a 威海 category) and one 低保 with a 9类病种 outpatient visit (not a 威海 scheme).
  const people = [person('R1', '低保边缘家庭成员', '浉河区', 380, 2), person('R2', '低保边缘家庭成员', '浉河区', 380, 3), person('R3', '低保对象', '浉河区', 380, 4)];
  const visits = [visit(10, 'R1', '2024-02-01', 'inpatient', 5000), visit(11, 'R2', '2024-02-01', 'inpatient', 6000), visit(12, 'R3', '2024-02-01', 'outpatient', 800, { scheme: '9类病种' })];

  test('威海: says how many people cannot be computed and that 信阳 fits', () => {
    const f = preflight({ people, visits, region: '威海', year: 2024 });
    const wrong = f.find((x) => x.code === 'WRONG_REGION')!;
    expect(wrong.people).toBe(2);
    expect(wrong.zh).toContain('名册与 信阳市 的政策相符（0 人不符）');
    expect(wrong.fix.cli.zh).toBe('确认地区：--region 信阳');
    expect(wrong.fix.pane.zh).toBe('在“地区（政策）”中选择 信阳市');
    expect(wrong.fix.target).toEqual({ kind: 'region', region: '信阳市' });
    expect(f.find((x) => x.code === 'CATEGORY_NOT_IN_POLICY' && x.zh.includes('医疗救助'))).toMatchObject({ people: 2, visits: 2 });
    const scheme = f.find((x) => x.code === 'UNKNOWN_SCHEME')!;
    expect(scheme).toMatchObject({ people: 1, visits: 1 });
    expect(scheme.fix.cli.zh).toContain('就诊表“门诊类型”列');
    expect(scheme.fix.pane.zh).toContain('“核对”页核对就诊表的列对应“门诊类型”');
    expect(scheme.fix.target).toEqual({ kind: 'column', table: 'visits', field: 'scheme' });
    // No pane text names a flag, in any finding (not stripped afterwards: written for the pane).
    for (const x of f) expect(`${x.fix.pane.zh} ${x.fix.pane.en}`).not.toMatch(/--[a-z]/);
    for (const x of f) expect(x.fix.cli.zh).toMatch(/--region|“门诊类型”列|“人员类别”列/);
  });

  test('信阳: nothing to report for this roster', () => {
    expect(preflight({ people, visits, region: '信阳', year: 2024 })).toEqual([]);
  });
});

test('山西: the delegated tilt is announced before the run, with the referred visits it may concern', () => {
  const f = preflight({ people: [person('T1', '低保对象', '太原', 350, 2)], visits: [visit(10, 'T1', '2022-02-01', 'inpatient', 5000, { referred: true })], region: '山西', year: 2022 });
  expect(f.map((x) => x.code)).toEqual(['TILT_DELEGATED']);
  expect(f[0].visits).toBe(1);
  expect(f[0].fix.cli.zh).toContain('tilt.delegated=false：--set 山西:tilt.threshold=…');
  expect(f[0].fix.pane.zh).toContain('在“本地区补充参数”中填写统筹地区的倾斜救助起付标准、救助比例和年度限额');
  expect(f[0].fix.pane.zh).not.toContain('--');
  expect(f[0].fix.target).toEqual({ kind: 'figure', path: 'tilt.threshold' });
});

test('西平 特困 without a premium: the fix is the 个人缴费 column; the group size counts every such person', () => {
  const people = [person('P1', '特困人员', '西平县', undefined, 2), person('P2', '特困人员', '西平县', undefined, 3), person('P3', '特困人员', '西平县', 350, 4)];
  const f = preflight({ people, visits: [], region: '西平', year: 2022 });
  const prem = f.find((x) => x.code === 'PREMIUM_REQUIRED')!;
  expect(prem.people).toBe(2);
  expect(prem.fix.cli.zh).toBe('在人员表的“个人缴费”列填写个人缴费额');
  expect(prem.fix.target).toEqual({ kind: 'column', table: 'people', field: 'premium' });
});
