/**
 * 西平县 (Xiping), 实施意见（征求意见稿）2022 (seed 001): every rule, worked by hand.
 * Clauses: 三、(一) 资助参保; 三、(二) 大病保险倾斜; 四、(三) 1.住院救助 2.门诊救助
 * 3.救助限额 4.倾斜救助 5.动态调整; 五、(一) 预警监测; 七、(三) 目录外费用.
 * Deductibles and thresholds are shares of last year's income: the published 2022 values
 * (2200 / 5600 / 11000) apply in 2022; later years need the income (ruling 5).
 */
import { defaultEngine, fmt } from '../../src/engine';
import type { Engine } from '../../src/engine';
import { expectError, runErrorCases, runValueCases } from './helpers';

const DOC = '西平县人民政府办公室关于健全重特大疾病医疗保险和救助制度的实施意见（征求意见稿）';
const R = '西平';
const inp = (cost: number | string, categories: string, extra: object = {}) => (e: Engine) => e.inpatient({ cost, categories, region: R, ...extra });
const out = (cost: number | string, categories: string, kind?: string, extra: object = {}) => (e: Engine) => e.outpatient({ cost, categories, region: R, kind, ...extra });
const annual = (inpatientCost: number, outpatientCost: number, categories: string, referred?: unknown, year?: number) => (e: Engine) =>
  e.annual({ inpatientCost, outpatientCost, categories, region: R, referred, year });

/** The analyst's figure for 2022's per-capita disposable income (made up): 2023 terms are 10% / 25% / 50% of it. */
const with2022Income = defaultEngine().withOverrides({ 西平: { 'income.perCapitaDisposable': { '2022': 23000 } } });

describe('西平 inpatient assistance 2022 (四、(三) 1., 3., 5.)', () => {
  runValueCases([
    { name: '特困人员 10000', run: inp(10000, '特困人员'), expected: '9000.00', hand: '10000 × 90% = 9000, no deductible', cites: '四、(三) 1.住院救助' },
    { name: '低保对象 10000', run: inp(10000, '低保对象'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: '四、(三) 1.住院救助' },
    { name: '返贫致贫人口 10000', run: inp(10000, '返贫致贫人口'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: '四、(三) 1.住院救助' },
    { name: '低保边缘家庭成员 10000', run: inp(10000, '低保边缘家庭成员'), expected: '5070.00', hand: '(10000 − 2200) × 65% = 5070', cites: '四、(三) 5.动态调整' },
    { name: '农村易返贫致贫人口 10000', run: inp(10000, '农村易返贫致贫人口'), expected: '5070.00', hand: '(10000 − 2200) × 65% = 5070', cites: '四、(三) 5.动态调整' },
    { name: '因病致贫重病患者 10000', run: inp(10000, '因病致贫重病患者'), expected: '2860.00', hand: '(10000 − 5600) × 65% = 2860', cites: '四、(三) 5.动态调整' },
    { name: '特困 reaches the 3万 cap', run: inp(40000, '特困人员'), expected: '30000.00', hand: '40000 × 90% = 36000 → 30000', cites: '四、(三) 3.救助限额' },
    { name: '低保边缘 reaches the 1万 cap', run: inp(20000, '低保边缘家庭成员'), expected: '10000.00', hand: '(20000 − 2200) × 65% = 11570 → 10000', cites: '四、(三) 3.救助限额' },
    { name: '低保边缘 deductible shared (ytdCost 2000)', run: inp(1000, '低保边缘家庭成员', { ytdCost: 2000 }), expected: '520.00', hand: '(3000 − 2200) × 65% = 520', cites: '四、(三) 5.动态调整' },
    { name: '因病致贫 99999.99', run: inp(99999.99, '因病致贫重病患者'), expected: '10000.00', hand: '(99999.99 − 5600) × 65% = 61359.99 → 10000', cites: '四、(三) 3.救助限额' },
    { name: '因病致贫 12345.67', run: inp(12345.67, '因病致贫重病患者'), expected: '4384.69', hand: '(12345.67 − 5600) × 65% = 4384.6855 → 4384.69', cites: '四、(三) 1.住院救助' },
    { name: '低保;农村易返贫致贫 (就高不就低)', run: inp(10000, '低保;农村易返贫致贫人口'), expected: '7000.00', hand: 'max(7000, 5070) = 7000', cites: '四、(三) 1.住院救助' },
  ]);
});

describe('西平 outpatient: the 9 diseases (四、(三) 2.), shared cap (3.)', () => {
  runValueCases([
    { name: '特困 (main scheme)', run: out(1000, '特困人员'), expected: '500.00', hand: '1000 × 50% = 500', cites: '四、(三) 2.门诊救助' },
    { name: '低保 9类病种', run: out(1000, '低保对象', '9类病种'), expected: '500.00', hand: '1000 × 50% = 500', cites: '四、(三) 2.门诊救助' },
    { name: '返贫致贫', run: out(1000, '返贫致贫人口'), expected: '500.00', hand: '1000 × 50% = 500', cites: '四、(三) 2.门诊救助' },
    { name: '低保边缘', run: out(1000, '低保边缘家庭成员'), expected: '300.00', hand: '1000 × 30% = 300, no deductible', cites: '四、(三) 2.门诊救助' },
    { name: '农村易返贫致贫', run: out(1000, '农村易返贫致贫人口'), expected: '300.00', hand: '1000 × 30% = 300', cites: '四、(三) 2.门诊救助' },
    { name: '因病致贫', run: out(1000, '因病致贫重病患者'), expected: '300.00', hand: '1000 × 30% = 300', cites: '四、(三) 2.门诊救助' },
    { name: '低保 after 28000 paid', run: out(10000, '低保对象', undefined, { ytdAssist: 28000 }), expected: '2000.00', hand: 'min(5000, 30000 − 28000) = 2000', cites: '四、(三) 3.救助限额' },
    { name: '低保 in 40000 + out 10000 (annual)', run: annual(40000, 10000, '低保对象'), expected: '30000.00', hand: '28000 + min(5000, 2000) = 30000', cites: '四、(三) 3.救助限额' },
  ]);

  test.each(['终末期肾病', '血友病', '慢性粒细胞性白血病', 'I型糖尿病', '耐多药肺结核', '再生障碍性贫血', '恶性肿瘤门诊放化疗', '器官移植术后抗排异治疗', '重性精神病人药物维持治疗'])(
    'disease %s is one of the 9 (低保 1000 × 50% = 500, 四、(三) 2.)',
    (disease) => {
      expect(fmt(defaultEngine().outpatient({ cost: 1000, categories: '低保', region: R, kind: disease }).value)).toBe('500.00');
    },
  );
});

describe('西平 tilted assistance (四、(三) 4.; threshold 1.1万 in 2022, 5.)', () => {
  runValueCases([
    { name: '低保 referred 45000', run: annual(45000, 0, '低保对象', true), expected: '32400.00', hand: '30000 + (45000 − 30000 − 11000) × 60% = 2400 → 32400', cites: '四、(三) 4.倾斜救助' },
    { name: '低保 45000 not referred', run: annual(45000, 0, '低保对象', false), expected: '30000.00', hand: 'not referred → 30000', cites: '四、(三) 3.救助限额' },
    { name: '低保 referred 40000, cap not reached', run: annual(40000, 0, '低保对象', true), expected: '28000.00', hand: '28000 < 30000 → no tilt', cites: '四、(三) 1.住院救助' },
    { name: '特困 referred 100000 (tilt cap 1万)', run: annual(100000, 0, '特困人员', true), expected: '40000.00', hand: '30000 + min((70000 − 11000) × 60%, 10000) = 40000', cites: '四、(三) 4.倾斜救助' },
    { name: '因病致贫 referred 30000', run: annual(30000, 0, '因病致贫重病患者', true), expected: '15400.00', hand: '(30000 − 5600) × 65% → 10000; (20000 − 11000) × 60% = 5400 → 15400', cites: '四、(三) 4.倾斜救助' },
  ]);
});

describe('西平 2023: terms as shares of last year income (ruling 5)', () => {
  runErrorCases([
    { name: '低保边缘 2023 without the 2022 income', run: inp(10000, '低保边缘家庭成员', { year: 2023 }), error: 'MISSING_INCOME', mentions: ['2022', 'income.perCapitaDisposable', '10%'] },
    { name: '因病致贫 2023 without the income', run: inp(10000, '因病致贫重病患者', { year: 2023 }), error: 'MISSING_INCOME', mentions: ['2022', '25%'] },
    { name: 'tilt threshold 2023 without the income', run: annual(45000, 0, '低保对象', true, 2023), error: 'MISSING_INCOME', mentions: ['2022', '50%'] },
    { name: 'monitoring 2023 without the income', run: (e) => e.monitorAlert({ outOfPocket: 20000, region: R, year: 2023 }), error: 'MISSING_INCOME', mentions: ['2022'] },
    { name: 'income given for the wrong year (2021) does not serve 2023', run: inp(10000, '低保边缘家庭成员', { year: 2023 }), error: 'MISSING_INCOME', mentions: ['2022'], engine: defaultEngine().withOverrides({ 西平: { 'income.perCapitaDisposable': { '2021': 23000 } } }) },
  ]);
  runValueCases([
    { name: '低保 2023 needs no income', run: inp(10000, '低保对象', { year: 2023 }), expected: '7000.00', hand: '10000 × 70% = 7000', cites: '四、(三) 1.住院救助' },
    { name: '低保边缘 2023, income 23000', run: inp(10000, '低保边缘家庭成员', { year: 2023 }), engine: with2022Income, expected: '5005.00', hand: 'deductible 23000 × 10% = 2300; (10000 − 2300) × 65% = 5005', cites: '四、(三) 1.住院救助' },
    { name: '因病致贫 2023, income 23000', run: inp(10000, '因病致贫重病患者', { year: 2023 }), engine: with2022Income, expected: '2762.50', hand: 'deductible 23000 × 25% = 5750; (10000 − 5750) × 65% = 2762.50', cites: '四、(三) 1.住院救助' },
    { name: '低保 referred 45000 in 2023, income 23000', run: annual(45000, 0, '低保对象', true, 2023), engine: with2022Income, expected: '32100.00', hand: 'threshold 23000 × 50% = 11500; 30000 + (15000 − 11500) × 60% = 2100', cites: '四、(三) 4.倾斜救助' },
    { name: '2022 keeps the published 2200 even with a 2021 income', run: inp(10000, '低保边缘家庭成员', { year: 2022 }), engine: defaultEngine().withOverrides({ 西平: { 'income.perCapitaDisposable': { '2021': 30000 } } }), expected: '5070.00', hand: 'published 2200 wins over 30000 × 10%: (10000 − 2200) × 65% = 5070', cites: '四、(三) 5.动态调整' },
  ]);

  test('lookups in 2023 give 10% / 25% of the supplied income', () => {
    // 23000 × 10% = 2300; 23000 × 25% = 5750 (四、(三) 1.)
    expect(fmt(with2022Income.lookup({ what: 'deductible', categories: '低保边缘家庭成员', region: R, year: 2023 }).value)).toBe('2300.00');
    expect(fmt(with2022Income.lookup({ what: 'deductible', categories: '因病致贫重病患者', region: R, year: 2023 }).value)).toBe('5750.00');
    // 2022 published values (四、(三) 5.)
    expect(fmt(defaultEngine().lookup({ what: 'deductible', categories: '农村易返贫致贫人口', region: R }).value)).toBe('2200.00');
    expect(fmt(defaultEngine().lookup({ what: 'deductible', categories: '因病致贫重病患者', region: R }).value)).toBe('5600.00');
  });
});

describe('西平 monitoring alert (五、(一); 50% of last year income, 1.1万 in 2022)', () => {
  const alert = (outOfPocket: number | string, extra: object = {}) => (e: Engine) => e.monitorAlert({ outOfPocket, region: R, ...extra });
  runValueCases([
    { name: '11000 is not above 11000', run: alert(11000), expected: false, hand: '11000 > 11000? no', cites: '五、(一)' },
    { name: '11000.01 is above', run: alert(11000.01), expected: true, hand: '11000.01 > 11000', cites: '五、(一)' },
    { name: 'income argument 30000: 14999.99', run: alert(14999.99, { income: 30000 }), expected: false, hand: '30000 × 50% = 15000; 14999.99 ≤ 15000' },
    { name: 'income argument 30000: 15000.01', run: alert(15000.01, { income: 30000 }), expected: true, hand: '15000.01 > 15000' },
    { name: '2023 with income argument 24000', run: alert(12000.01, { income: 24000, year: 2023 }), expected: true, hand: '24000 × 50% = 12000; 12000.01 > 12000' },
    { name: '2023 with the supplied 2022 income', run: alert(11500, { year: 2023 }), engine: with2022Income, expected: false, hand: '23000 × 50% = 11500; 11500 not above' },
    // issue 15 item 6: 五、(一) monitors 低保边缘家庭成员 and 农村易返贫致贫人口 only; the old code had no category and said TRUE.
    { name: '低保边缘家庭成员 12000', run: alert(12000, { categories: '低保边缘家庭成员' }), expected: true, hand: 'monitored group; 12000 > 11000', cites: '五、(一)' },
    { name: '农村易返贫致贫人口 12000', run: alert(12000, { categories: '农村易返贫致贫人口' }), expected: true, hand: 'monitored group; 12000 > 11000', cites: '五、(一)' },
    { name: '特困人员 12000 (not monitored)', run: alert(12000, { categories: '特困人员' }), expected: false, hand: '特困人员 is not in 五、(一)\'s groups → FALSE', cites: '五、(一)' },
    { name: '低保对象;低保边缘家庭成员 12000', run: alert(12000, { categories: '低保对象;低保边缘家庭成员' }), expected: true, hand: 'one status is monitored; 12000 > 11000', cites: '五、(一)' },
  ]);
});

describe('西平 premium subsidies (三、(一))', () => {
  const prem = (categories: string, premium?: number) => (e: Engine) => e.premiumSubsidy({ categories, region: R, premium });
  runValueCases([
    { name: '特困 full, premium 350', run: prem('特困人员', 350), expected: '350.00', hand: '全额资助特困人员: 350' },
    { name: '低保 80', run: prem('低保对象'), expected: '80.00', hand: '每人每年80元', cites: '三、(一)' },
    { name: '返贫致贫 80', run: prem('返贫致贫人口', 350), expected: '80.00', hand: '80 ≤ 350', cites: '三、(一)' },
    { name: '低保, premium 50', run: prem('低保对象', 50), expected: '50.00', hand: 'min(80, 50) = 50 (ruling 10)', cites: '三、(一)' },
    { name: '农村易返贫致贫, analyst 150', run: prem('农村易返贫致贫人口'), engine: defaultEngine().withOverrides({ 西平: { 'premium.tiers.monitored.amount': 150 } }), expected: '150.00', hand: 'delegated amount supplied: 150', cites: '三、(一)' },
    { name: '低保边缘 (none in the text)', run: prem('低保边缘家庭成员', 350), expected: '0.00', hand: 'not named → 0' },
  ]);
  runErrorCases([
    { name: '特困 without the premium', run: prem('特困人员'), error: 'PREMIUM_REQUIRED', mentions: ['西平县', '2022'] },
    { name: '农村易返贫致贫 amount delegated', run: prem('农村易返贫致贫人口'), error: 'MISSING_PARAMETER', mentions: ['premium.tiers.monitored.amount'] },
  ]);
});

describe('西平 critical-illness insurance tilt (三、(二): deductible −50%, +5 points, no cap)', () => {
  // The ordinary (普惠) terms are not in the text: an analyst's made-up base of 16000, 60% up to 100000, 70% above, cap 300000.
  const base = defaultEngine().withOverrides({
    西平: {
      'ciInsurance.base.deductible': 16000,
      'ciInsurance.base.brackets': [{ threshold: 0, rate: 0.6 }, { threshold: 100000, rate: 0.7 }],
      'ciInsurance.base.cap': 300000,
    },
  });
  const ci = (cost: number, categories: string) => (e: Engine) => e.ciInsurance({ cost, categories, region: R });
  runValueCases([
    { name: '特困 50000', run: ci(50000, '特困人员'), engine: base, expected: '27300.00', hand: 'deductible 16000 × 50% = 8000; (50000 − 8000) × 65% = 27300', cites: '三、(二)' },
    { name: '低保 150000', run: ci(150000, '低保对象'), engine: base, expected: '97300.00', hand: '(100000 − 8000) × 65% = 59800 + 50000 × 75% = 37500 → 97300', cites: '三、(二)' },
    { name: '返贫致贫 500000 (no cap)', run: ci(500000, '返贫致贫人口'), engine: base, expected: '359800.00', hand: '92000 × 65% + 400000 × 75% = 59800 + 300000 = 359800 > cap, cap removed', cites: '三、(二)' },
    { name: '低保边缘 50000 (ordinary terms)', run: ci(50000, '低保边缘家庭成员'), engine: base, expected: '20400.00', hand: '(50000 − 16000) × 60% = 20400' },
    { name: '低保边缘 500000 (ordinary cap)', run: ci(500000, '低保边缘家庭成员'), engine: base, expected: '300000.00', hand: '84000 × 60% + 400000 × 70% = 330400 → cap 300000' },
    { name: '特困 7999 (below the halved deductible)', run: ci(7999, '特困人员'), engine: base, expected: '0.00', hand: '7999 < 8000 → 0' },
  ]);
  test('without the analyst base terms it is an error naming what to supply', () => {
    expectError(() => defaultEngine().ciInsurance({ cost: 50000, categories: '特困人员', region: R }), 'MISSING_PARAMETER', ['ciInsurance.base.deductible']);
  });
});

describe('西平 out-of-catalogue limits (七、(三): 2.5% / 5% / 10% of the admission total)', () => {
  const levels: [string, string, string][] = [
    // [name, expected on 100000, expected on 12345.67]
    ...['基层定点医疗机构', '基层', '一级', '基层医疗机构', '乡镇卫生院', 'primary', 'level 1', 'Primary-level hospital'].map((n) => [n, '2500.00', '308.64'] as [string, string, string]), // 100000 × 2.5%; 12345.67 × 2.5% = 308.64175 → 308.64
    ...['二级定点医疗机构', '二级', '二级医院', 'secondary', 'level 2'].map((n) => [n, '5000.00', '617.28'] as [string, string, string]), // 12345.67 × 5% = 617.2835 → 617.28
    ...['三级定点医疗机构', '三级', '三级医院', 'tertiary', 'level 3', 'Tertiary hospital'].map((n) => [n, '10000.00', '1234.57'] as [string, string, string]), // 12345.67 × 10% = 1234.567 → 1234.57
  ];
  test.each(levels)('%s: 100000 → %s, 12345.67 → %s', (hospitalLevel, on100k, onAwkward) => {
    const e = defaultEngine();
    const r = e.outOfCatalogueLimit({ totalCost: 100000, hospitalLevel, region: R });
    expect(fmt(r.value)).toBe(on100k);
    expect(r.explanation.params[0].citation).toContain('七、(三)');
    expect(fmt(e.outOfCatalogueLimit({ totalCost: 12345.67, hospitalLevel, region: R }).value)).toBe(onAwkward);
  });
  test('an unknown level names the value', () => {
    expectError(() => defaultEngine().outOfCatalogueLimit({ totalCost: 1000, hospitalLevel: '四级', region: R }), 'UNKNOWN_HOSPITAL_LEVEL', ['四级']);
  });
});

describe('西平: categories, regions, errors', () => {
  runErrorCases([
    { name: '孤儿 is not a Xiping category', run: inp(1000, '孤儿'), error: 'CATEGORY_NOT_IN_POLICY', mentions: ['孤儿'] },
    { name: 'a year before the edition', run: inp(1000, '低保', { year: 2021 }), error: 'UNKNOWN_YEAR', mentions: ['2021'] },
    { name: 'hospital reduction is Weihai only', run: (e) => e.hospitalReduction({ cost: 1000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['西平县'] },
    { name: 'no such outpatient scheme', run: out(1000, '低保', '特药'), error: 'UNKNOWN_SCHEME', mentions: ['特药'] },
  ]);
  test.each(['西平', '西平县', 'xiping', 'Xiping County', '驻马店西平'])('region alias %s (低保 10000 × 70% = 7000, 四、(三) 1.)', (region) => {
    expect(fmt(defaultEngine().inpatient({ cost: 10000, categories: '低保', region }).value)).toBe('7000.00');
  });
  test('year omitted = 2022', () => {
    expect(defaultEngine().inpatient({ cost: 1, categories: '低保', region: R }).explanation.year).toBe(2022);
  });
  test('the citation of a deductible names both clauses (the 10% rule and the published 2200)', () => {
    const r = defaultEngine().inpatient({ cost: 10000, categories: '低保边缘', region: R });
    const d = r.explanation.params.find((p) => p.path === 'inpatient.tiers.edge_monitored.deductible')!;
    expect(d.value).toBe('2200');
    expect(d.citation).toContain('四、(三) 1.住院救助');
    expect(d.citation).toContain('四、(三) 5.动态调整');
    expect(d.citation).toContain(DOC);
    expect(d.ruling).toBe(5);
  });
});
