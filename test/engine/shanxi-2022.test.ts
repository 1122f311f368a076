/**
 * 山西省 (Shanxi), press briefing of 2022-11-08 on the province's 实施意见 (seed 003). Clauses
 * are the briefing's answers: 确保困难群众应保尽保 (premiums), 合理确定住院救助水平 (inpatient),
 * 完善门诊医疗救助政策 (outpatient chronic/special disease, special drugs), 统筹完善托底保障措施
 * (tilt delegated; out-of-catalogue limits). Rulings 4 (delegated tilt), 5 (income), 6 (特困
 * 100%, no cap), 7 (返贫致贫 90% top-up).
 */
import { D, ResolvedPolicy, defaultEngine, fmt } from '../../src/engine';
import type { Engine, Param, PolicyFile } from '../../src/engine';
import { expectError, runErrorCases, runValueCases, stepText } from './helpers';
import shanxi from '../../policies/shanxi-2022.json';

const R = '山西';
const INPATIENT = '答记者问：合理确定住院救助水平';
const OUTPATIENT = '答记者问：完善门诊医疗救助政策';
const PREMIUM = '答记者问：确保困难群众应保尽保';
const BACKSTOP = '答记者问：统筹完善托底保障措施';
const inp = (cost: number | string, categories: string, extra: object = {}) => (e: Engine) => e.inpatient({ cost, categories, region: R, ...extra });
const out = (cost: number | string, categories: string, kind?: string, extra: object = {}) => (e: Engine) => e.outpatient({ cost, categories, region: R, kind, ...extra });

/** The province's 2021 per-capita disposable income is not in the briefing: an analyst's made-up 30000. */
const withIncome = defaultEngine().withOverrides({ 山西: { 'income.perCapitaDisposable': { '2021': 30000 } } });

describe('山西 inpatient assistance (合理确定住院救助水平)', () => {
  runValueCases([
    { name: '特困人员 123456.78 (ruling 6)', run: inp(123456.78, '特困人员'), expected: '123456.78', hand: '100% of 123456.78, no deductible, no cap', cites: INPATIENT },
    { name: '特困人员 1000000 (no cap)', run: inp(1000000, '特困供养人员'), expected: '1000000.00', hand: '100% × 1000000, no cap stated', cites: INPATIENT },
    { name: '特困人员 0.01', run: inp(0.01, '特困'), expected: '0.01', hand: '100% × 0.01', cites: INPATIENT },
    { name: '低保对象 10000', run: inp(10000, '低保对象'), expected: '7000.00', hand: '10000 × 70% = 7000, no deductible', cites: INPATIENT },
    { name: '低保对象 100000 (6万 cap)', run: inp(100000, '低保对象'), expected: '60000.00', hand: '100000 × 70% = 70000 → 60000', cites: INPATIENT },
    { name: '返贫致贫人口 10000', run: inp(10000, '返贫致贫人口'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: INPATIENT },
    { name: '返贫致贫人口 100000 (no cap stated)', run: inp(100000, '返贫致贫人口'), expected: '70000.00', hand: '100000 × 70% = 70000, no cap in the briefing', cites: INPATIENT },
    { name: '监测对象 10000, income 30000', run: inp(10000, '乡村振兴部门监测对象'), engine: withIncome, expected: '4900.00', hand: 'deductible 30000 × 10% = 3000; (10000 − 3000) × 70% = 4900', cites: INPATIENT },
    { name: '易返贫致贫人口 100000, income 30000 (6万 cap)', run: inp(100000, '易返贫致贫人口'), engine: withIncome, expected: '60000.00', hand: '(100000 − 3000) × 70% = 67900 → 60000', cites: INPATIENT },
    { name: '低保边缘 10000, income 30000', run: inp(10000, '低保边缘家庭成员'), engine: withIncome, expected: '4200.00', hand: '(10000 − 3000) × 60% = 4200', cites: INPATIENT },
    { name: '低保边缘 80000, income 30000 (4万 cap)', run: inp(80000, '低保边缘家庭成员'), engine: withIncome, expected: '40000.00', hand: '(80000 − 3000) × 60% = 46200 → 40000', cites: INPATIENT },
    { name: '因病致贫 10000, income 30000', run: inp(10000, '因病致贫重病患者'), engine: withIncome, expected: '1500.00', hand: 'deductible 30000 × 25% = 7500; (10000 − 7500) × 60% = 1500', cites: INPATIENT },
    { name: '因病致贫 12345.67, income 30000', run: inp(12345.67, '因病致贫重病患者'), engine: withIncome, expected: '2907.40', hand: '(12345.67 − 7500) × 60% = 2907.402 → 2907.40', cites: INPATIENT },
    { name: '低保边缘, deductible shared (ytdCost 2500)', run: inp(1000, '低保边缘家庭成员', { ytdCost: 2500 }), engine: withIncome, expected: '300.00', hand: '(3500 − 3000) × 60% = 300', cites: INPATIENT },
    { name: '特困;低保 (就高不就低)', run: inp(10000, '特困人员;低保对象'), expected: '10000.00', hand: 'max(10000, 7000) = 10000', cites: INPATIENT },
  ]);
  runErrorCases([
    { name: '低保边缘 without the income', run: inp(10000, '低保边缘家庭成员'), error: 'MISSING_INCOME', mentions: ['2021', '10%', 'income.perCapitaDisposable'] },
    { name: '因病致贫 without the income', run: inp(10000, '因病致贫重病患者'), error: 'MISSING_INCOME', mentions: ['2021', '25%'] },
    { name: '监测对象 without the income', run: inp(10000, '监测对象'), error: 'MISSING_INCOME', mentions: ['2021'] },
  ]);
});

describe('山西 返贫致贫人口 90% top-up of one in-province admission (ruling 7)', () => {
  runValueCases([
    { name: 'raises: total 10000, insurance 5000, out-of-pocket 5000', run: inp(5000, '返贫致贫人口', { totalCost: 10000, insurancePaid: 5000 }), expected: '4000.00', hand: '5000 × 70% = 3500 < 10000 × 90% − 5000 = 4000 → 4000', cites: INPATIENT },
    { name: 'raises: total 10000, insurance 6000, out-of-pocket 4000', run: inp(4000, '返贫致贫人口', { totalCost: 10000, insurancePaid: 6000 }), expected: '3000.00', hand: '4000 × 70% = 2800 < 9000 − 6000 = 3000 → 3000', cites: INPATIENT },
    { name: 'does not raise: insurance already 7000', run: inp(3000, '返贫致贫人口', { totalCost: 10000, insurancePaid: 7000 }), expected: '2100.00', hand: '3000 × 70% = 2100 ≥ 9000 − 7000 = 2000 → 2100', cites: INPATIENT },
    { name: 'does not raise: insurance already 90%', run: inp(1000, '返贫致贫人口', { totalCost: 10000, insurancePaid: 9000 }), expected: '700.00', hand: '1000 × 70% = 700 ≥ 9000 − 9000 = 0', cites: INPATIENT },
    { name: 'awkward: total 12345.67, insurance 6000', run: inp(6345.67, '返贫致贫人口', { totalCost: 12345.67, insurancePaid: 6000 }), expected: '5111.10', hand: '6345.67 × 70% = 4441.969 < 12345.67 × 90% − 6000 = 5111.103 → 5111.10', cites: INPATIENT },
    { name: 'no top-up without the admission total', run: inp(5000, '返贫致贫人口'), expected: '3500.00', hand: '5000 × 70% = 3500', cites: INPATIENT },
    { name: '低保 gets no top-up', run: inp(5000, '低保对象', { totalCost: 10000, insurancePaid: 5000 }), expected: '3500.00', hand: '5000 × 70% = 3500 (the 90% rule is for 返贫致贫人口)', cites: INPATIENT },
  ]);
  test('the raise is stated in the explanation and the top-up part is reported', () => {
    const py = defaultEngine().personYear({ categories: '返贫致贫人口', region: R });
    const v = py.visit({ kind: 'inpatient', cost: new D(5000), totalCost: new D(10000), insurancePaid: new D(5000) });
    // 4000 in all, of which 4000 − 3500 = 500 is the top-up (ruling 7)
    expect([fmt(v.assistance), fmt(v.topUp)]).toEqual(['4000.00', '500.00']);
    const r = defaultEngine().inpatient({ cost: 5000, categories: '返贫致贫人口', region: R, totalCost: 10000, insurancePaid: 5000 });
    expect(stepText(r.explanation)).toContain('90%');
    expect(r.explanation.params.find((p) => p.path === 'inpatient.tiers.returned.topUpRatio')).toMatchObject({ value: '0.9', ruling: 7 });
  });
});

describe('山西 outpatient (完善门诊医疗救助政策; shares the inpatient cap)', () => {
  runValueCases([
    { name: '特困 门诊慢特病 (main)', run: out(1000, '特困人员'), expected: '600.00', hand: '1000 × 60% = 600', cites: OUTPATIENT },
    { name: '低保 慢特病', run: out(1000, '低保对象', '慢特病'), expected: '300.00', hand: '1000 × 30% = 300', cites: OUTPATIENT },
    { name: '返贫致贫 门诊慢性病', run: out(1000, '返贫致贫人口', '门诊慢性病'), expected: '300.00', hand: '1000 × 30% = 300', cites: OUTPATIENT },
    { name: '低保边缘: not covered', run: out(1000, '低保边缘家庭成员'), expected: '0.00', hand: 'only 特困/低保/返贫致贫 are named → 0' },
    { name: '特困 特药', run: out(1000, '特困人员', '特药'), expected: '200.00', hand: '1000 × 20% = 200', cites: OUTPATIENT },
    { name: '低保 门诊特药', run: out(1000, '低保对象', '门诊特药'), expected: '100.00', hand: '1000 × 10% = 100', cites: OUTPATIENT },
    { name: '返贫致贫 special drugs', run: out(1000, '返贫致贫人口', 'special drugs'), expected: '100.00', hand: '1000 × 10% = 100', cites: OUTPATIENT },
    { name: '低保 慢特病 after 59000 paid (shared 6万)', run: out(10000, '低保对象', undefined, { ytdAssist: 59000 }), expected: '1000.00', hand: 'min(3000, 60000 − 59000) = 1000', cites: OUTPATIENT },
    { name: '特困 特药 0.05', run: out(0.05, '特困人员', '特药'), expected: '0.01', hand: '0.05 × 20% = 0.01', cites: OUTPATIENT },
    {
      name: '低保 annual in 84000 + out 10000',
      run: (e) => e.annual({ inpatientCost: 84000, outpatientCost: 10000, categories: '低保', region: R }),
      expected: '60000.00',
      hand: '84000 × 70% = 58800; out min(3000, 1200) = 1200 → 60000 (门诊和住院救助共用年度救助限额)',
      cites: OUTPATIENT,
    },
    {
      name: '特困 annual in 50000 + out 10000 (no cap)',
      run: (e) => e.annual({ inpatientCost: 50000, outpatientCost: 10000, categories: '特困人员', region: R }),
      expected: '56000.00',
      hand: '50000 × 100% + 10000 × 60% = 56000',
      cites: INPATIENT,
    },
  ]);
});

describe('山西 tilted assistance is delegated to each prefecture (ruling 4)', () => {
  test('referred: not computed, and the explanation says so', () => {
    const r = defaultEngine().annual({ inpatientCost: 100000, outpatientCost: 0, categories: '低保', region: R, referred: true });
    expect(fmt(r.value)).toBe('60000.00'); // 100000 × 70% → cap 60000, no tilt computed
    expect(fmt(r.parts.tilt)).toBe('0.00');
    expect(stepText(r.explanation)).toContain('倾斜救助标准由统筹地区确定');
    expect(stepText(r.explanation)).toContain('not computed');
  });
  test('not referred: no note about the tilt', () => {
    const r = defaultEngine().annual({ inpatientCost: 100000, outpatientCost: 0, categories: '低保', region: R, referred: false });
    expect(stepText(r.explanation)).not.toContain('倾斜救助');
  });
  test('with a prefecture\'s terms supplied it is computed, marked as the analyst\'s', () => {
    const e = defaultEngine().withOverrides({ 山西: { 'tilt.delegated': false, 'tilt.threshold': 20000, 'tilt.ratio': 0.4, 'tilt.cap': 10000 } });
    const r = e.annual({ inpatientCost: 100000, outpatientCost: 0, categories: '低保', region: R, referred: true });
    // 60000 + (100000 − 60000 − 20000) × 40% = 8000 → 68000
    expect(fmt(r.value)).toBe('68000.00');
    expect(r.explanation.params.find((p) => p.path === 'tilt.ratio')).toMatchObject({ value: '0.4', overridden: true });
  });
});

describe('山西 premium subsidies (确保困难群众应保尽保)', () => {
  const prem = (categories: string, premium?: number, year?: number) => (e: Engine) => e.premiumSubsidy({ categories, region: R, premium, year });
  runValueCases([
    { name: '特困 full, premium 380', run: prem('特困人员', 380), expected: '380.00', hand: '全额资助: 380' },
    { name: '低保 80%, premium 380', run: prem('低保对象', 380), expected: '304.00', hand: '380 × 80% = 304', cites: PREMIUM },
    { name: '返贫致贫 90%, premium 380', run: prem('返贫致贫人口', 380), expected: '342.00', hand: '380 × 90% = 342', cites: PREMIUM },
    { name: '易返贫致贫 2022 fixed', run: prem('易返贫致贫人口'), expected: '280.00', hand: '每人每年 280 元 (2022–2025)', cites: PREMIUM },
    { name: '监测对象 2025 fixed', run: prem('监测对象', undefined, 2025), expected: '280.00', hand: '2025 is within 2022–2025: 280', cites: PREMIUM },
    { name: '易返贫致贫, premium only 200', run: prem('易返贫致贫人口', 200), expected: '200.00', hand: 'min(280, 200) = 200 (ruling 10)', cites: PREMIUM },
    { name: '低保 80%, premium 12345.67', run: prem('低保对象', 12345.67), expected: '9876.54', hand: '12345.67 × 80% = 9876.536 → 9876.54', cites: PREMIUM },
    { name: '低保边缘 (none in the briefing)', run: prem('低保边缘家庭成员', 380), expected: '0.00', hand: 'not named → 0' },
    { name: '低保;返贫致贫 (就高不就低)', run: prem('低保对象;返贫致贫人口', 380), expected: '342.00', hand: 'max(304, 342) = 342, never 646', cites: PREMIUM },
  ]);
  runErrorCases([
    { name: '特困 without the premium', run: prem('特困人员'), error: 'PREMIUM_REQUIRED', mentions: ['山西省', '2022'] },
    { name: '低保 without the premium', run: prem('低保对象'), error: 'PREMIUM_REQUIRED', mentions: ['山西省'] },
    { name: '易返贫致贫 2026: the 280 ends with 2025', run: prem('易返贫致贫人口', 380, 2026), error: 'MISSING_PARAMETER', mentions: ['2026', 'premium.tiers.monitored.amount'] },
  ]);
});

describe('山西 out-of-catalogue limits (统筹完善托底保障措施: 30% / 20% / 15%)', () => {
  const names: [string, string][] = [
    ...['省内一类收费标准定点医疗机构', '一类', '一类收费', 'class 1', 'class1', 'Fee class 1 hospital'].map((n) => [n, '30000.00'] as [string, string]), // 100000 × 30%
    ...['省市级二类收费标准定点医疗机构', '省市级二类', '省级二类', '市级二类', 'class 2 city', 'class2_city'].map((n) => [n, '20000.00'] as [string, string]), // 100000 × 20%
    ...['县级二类及三类收费标准定点医疗机构', '县级二类', '三类', '县级二类及三类', 'class 3', 'class3', 'county_class2_class3'].map((n) => [n, '15000.00'] as [string, string]), // 100000 × 15%
  ];
  test.each(names)('%s: 100000 → %s', (hospitalLevel, expected) => {
    const r = defaultEngine().outOfCatalogueLimit({ totalCost: 100000, hospitalLevel, region: R });
    expect(fmt(r.value)).toBe(expected);
    expect(r.explanation.params[0].citation).toContain(BACKSTOP);
  });
  test('awkward total: 12345.67 × 15% = 1851.8505 → 1851.85', () => {
    expect(fmt(defaultEngine().outOfCatalogueLimit({ totalCost: 12345.67, hospitalLevel: '三类', region: R }).value)).toBe('1851.85');
  });
  test("Xiping's 二级 is not a Shanxi level", () => {
    expectError(() => defaultEngine().outOfCatalogueLimit({ totalCost: 1000, hospitalLevel: '二级', region: R }), 'UNKNOWN_HOSPITAL_LEVEL', ['二级']);
  });
});

describe('山西: what the briefing does not state; aliases; years', () => {
  runErrorCases([
    { name: 'critical-illness insurance', run: (e) => e.ciInsurance({ cost: 10000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['山西省'] },
    { name: 'monitoring alert', run: (e) => e.monitorAlert({ outOfPocket: 10000, region: R }), error: 'TERM_NOT_DEFINED', mentions: ['山西省'] },
    { name: 'hospital reduction', run: (e) => e.hospitalReduction({ cost: 1000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['山西省'] },
    { name: '孤儿 is not a Shanxi category', run: inp(1000, '孤儿'), error: 'CATEGORY_NOT_IN_POLICY', mentions: ['孤儿'] },
    { name: 'a year before 2022', run: inp(1000, '低保', { year: 2021 }), error: 'UNKNOWN_YEAR', mentions: ['2021'] },
    { name: 'the 9 diseases are not a Shanxi scheme', run: out(1000, '低保', '9类病种'), error: 'UNKNOWN_SCHEME', mentions: ['9类病种'] },
  ]);
  test.each(['山西', '山西省', 'shanxi', 'Shanxi Province', '晋'])('region alias %s (低保 10000 × 70% = 7000)', (region) => {
    expect(fmt(defaultEngine().inpatient({ cost: 10000, categories: '低保', region }).value)).toBe('7000.00');
  });
  test('the 特困 100% ratio cites ruling 6 and the clause', () => {
    const r = defaultEngine().inpatient({ cost: 100, categories: '特困', region: R });
    expect(r.explanation.params.find((p) => p.path === 'inpatient.tiers.tekun.ratio')).toMatchObject({ value: '1', ruling: 6 });
    expectError(() => defaultEngine().lookup({ what: 'cap', categories: '特困人员', region: R }), 'TERM_NOT_DEFINED', ['山西省']);
  });
});

describe('山西: figures the briefing reports', () => {
  const p = shanxi as unknown as PolicyFile;
  const at = (param: Param, date: string) => ResolvedPolicy.valueAt(param, date);
  test.each([
    ['dibaoPeople', '2022-12-31', 1118000], // 城乡低保对象 111.8 万人
    ['tekunPeople', '2022-12-31', 129000], // 特困人员 12.9 万人
    ['lowIncomePeople', '2022-12-31', 320800], // 低收入人口 32.08万人
    ['assistanceFunds2021', '2021-12-31', 830000000], // 8.30 亿元
    ['assistanceFunds2022', '2022-12-31', 1743000000], // 17.43亿元
    ['mergedFunds2022', '2022-12-31', 1026000000], // 10.26 亿元
    ['premiumSubsidy2021', '2021-12-31', 283000000], // 2.83 亿元
    ['premiumSubsidy2022', '2022-12-31', 447000000], // 4.47亿元
  ])('statistics.%s at %s = %d', (key, date, value) => expect(at(p.statistics![key].param, date)).toBe(value));
});
