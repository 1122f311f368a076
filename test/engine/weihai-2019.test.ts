/**
 * 威海市 (Weihai), 威医保发〔2019〕25号 (seed 004): its own categories (一、), first-tier premium
 * (二、(一)), critical-illness brackets (三、(一)), hospital reductions (三、(二)), assistance
 * brackets around 2万 with a 5万 annual cap (三、(三) 1./2.), outpatient chronic disease
 * (三、(三) 3.), and the fund: fiscal budget city:district 1:9, lottery 200万 (四、(一) 3.).
 */
import { D, ResolvedPolicy, defaultEngine, fmt, fundSplit } from '../../src/engine';
import type { Engine, PolicyFile } from '../../src/engine';
import { expectError, runErrorCases, runValueCases } from './helpers';
import weihai from '../../policies/weihai-2019.json';

const DOC = '威医保发〔2019〕25号';
const R = '威海';
const inp = (cost: number | string, categories: string, extra: object = {}) => (e: Engine) => e.inpatient({ cost, categories, region: R, ...extra });
const out = (cost: number | string, categories: string, kind?: string, extra: object = {}) => (e: Engine) => e.outpatient({ cost, categories, region: R, kind, ...extra });

describe('威海 一站式救助 (三、(三) 1.): 重点救助对象 70% within 2万（含）, 80% above; 建档立卡 70% above 2万; 5万 a year', () => {
  runValueCases([
    { name: '重点救助对象 10000', run: inp(10000, '重点救助对象'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: `${DOC} 三、(三) 1.` },
    { name: '城乡低保对象 10000', run: inp(10000, '城乡低保对象'), expected: '7000.00', hand: '低保 is a 重点救助对象: 7000', cites: `${DOC} 三、(三) 1.` },
    { name: '特困供养对象 10000', run: inp(10000, '特困供养对象'), expected: '7000.00', hand: '7000', cites: `${DOC} 三、(三) 1.` },
    { name: '政府供养的孤残儿童 10000', run: inp(10000, '政府供养的孤残儿童'), expected: '7000.00', hand: '7000', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 exactly 20000', run: inp(20000, '重点救助对象'), expected: '14000.00', hand: '2万（含）以内 70%: 20000 × 70% = 14000', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 20000.01', run: inp(20000.01, '重点救助对象'), expected: '14000.01', hand: '14000 + 0.01 × 80% = 14000.008 → 14000.01', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 25000', run: inp(25000, '重点救助对象'), expected: '18000.00', hand: '14000 + 5000 × 80% = 18000', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 70000 (5万 cap)', run: inp(70000, '重点救助对象'), expected: '50000.00', hand: '14000 + 50000 × 80% = 54000 → 50000', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 crossing 2万 mid-visit (ytdCost 15000)', run: inp(10000, '重点救助对象', { ytdCost: 15000 }), expected: '7500.00', hand: '5000 × 70% + 5000 × 80% = 7500', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 above 2万 already (ytdCost 25000)', run: inp(1000, '重点救助对象', { ytdCost: 25000 }), expected: '800.00', hand: '1000 × 80% = 800', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 after 45000 paid', run: inp(10000, '重点救助对象', { ytdCost: 60000, ytdAssist: 45000 }), expected: '5000.00', hand: 'min(8000, 50000 − 45000) = 5000', cites: `${DOC} 三、(三) 1.` },
    { name: '重点救助对象 12345.67', run: inp(12345.67, '重点救助对象'), expected: '8641.97', hand: '12345.67 × 70% = 8641.969 → 8641.97', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡贫困人口 10000', run: inp(10000, '建档立卡贫困人口'), expected: '0.00', hand: 'only the part above 2万 → 0', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡 exactly 20000', run: inp(20000, '建档立卡'), expected: '0.00', hand: '超过2万元的部分: 0', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡 30000', run: inp(30000, '建档立卡贫困人口'), expected: '7000.00', hand: '(30000 − 20000) × 70% = 7000', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡 crossing 2万 (ytdCost 15000)', run: inp(10000, '建档立卡贫困人口', { ytdCost: 15000 }), expected: '3500.00', hand: '(25000 − 20000) × 70% = 3500', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡 100000 (5万 cap)', run: inp(100000, '建档立卡贫困人口'), expected: '50000.00', hand: '80000 × 70% = 56000 → 50000', cites: `${DOC} 三、(三) 1.` },
    { name: '重度残疾人 30000', run: inp(30000, '重度残疾人'), expected: '7000.00', hand: 'a member of a registered-poor household: (30000 − 20000) × 70% = 7000', cites: `${DOC} 三、(三) 1.` },
    { name: '建档立卡;低保 30000 (就高不就低)', run: inp(30000, '建档立卡贫困人口;低保对象'), expected: '22000.00', hand: 'max(14000 + 10000 × 80% = 22000, 7000) = 22000, never 29000', cites: `${DOC} 三、(三) 1.` },
  ]);
});

describe('威海 年底统一救助 (三、(三) 2.): above 2万 at 60% / 40% / 40%, 5万 a year', () => {
  runValueCases([
    { name: '其他低收入救助对象 30000', run: inp(30000, '其他低收入救助对象'), expected: '6000.00', hand: '(30000 − 20000) × 60% = 6000', cites: `${DOC} 三、(三) 2.` },
    { name: '因病致贫家庭重病患者 30000', run: inp(30000, '因病致贫家庭重病患者'), expected: '4000.00', hand: '(30000 − 20000) × 40% = 4000', cites: `${DOC} 三、(三) 2.` },
    { name: '其他特殊困难人员 30000', run: inp(30000, '其他特殊困难人员'), expected: '4000.00', hand: '(30000 − 20000) × 40% = 4000', cites: `${DOC} 三、(三) 2.` },
    { name: '其他特殊救助人员 20000', run: inp(20000, '其他特殊救助人员'), expected: '0.00', hand: 'not above 2万 → 0', cites: `${DOC} 三、(三) 2.` },
    { name: '其他低收入 120000 (5万 cap)', run: inp(120000, '其他低收入'), expected: '50000.00', hand: '100000 × 60% = 60000 → 50000', cites: `${DOC} 三、(三) 2.` },
    { name: '因病致贫 crossing 2万 (ytdCost 19999.99)', run: inp(0.02, '因病致贫重病患者', { ytdCost: 19999.99 }), expected: '0.00', hand: '(20000.01 − 20000) × 40% = 0.004 → 0.00', cites: `${DOC} 三、(三) 2.` },
  ]);
});

describe('威海 outpatient chronic disease (三、(三) 3.): 70% within 2万（含）, no cap of its own', () => {
  runValueCases([
    { name: '低保 门诊慢性病 10000', run: out(10000, '低保对象'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: `${DOC} 三、(三) 3.` },
    { name: '其他低收入 慢性病 10000', run: out(10000, '其他低收入救助对象', '慢性病'), expected: '7000.00', hand: 'every 救助对象: 7000', cites: `${DOC} 三、(三) 3.` },
    { name: '建档立卡 25000', run: out(25000, '建档立卡贫困人口', '门诊慢性病'), expected: '14000.00', hand: 'only the first 20000: 20000 × 70% = 14000', cites: `${DOC} 三、(三) 3.` },
    // issue 15 item 1: the old code ignored ytdAssist here (no cap stated) and paid 10500.
    { name: '其他低收入 15000 after 10500 paid (ytdAssist only)', run: out(15000, '其他低收入救助对象', '门诊慢性病', { ytdAssist: 10500 }), expected: '3500.00', hand: 'at most 20000 × 70% = 14000 a year; 14000 − 10500 = 3500', cites: `${DOC} 三、(三) 3.` },
    { name: '其他低收入 15000 after 14000 paid', run: out(15000, '其他低收入救助对象', '门诊慢性病', { ytdAssist: 14000 }), expected: '0.00', hand: '14000 − 14000 = 0', cites: `${DOC} 三、(三) 3.` },
    { name: '其他低收入 15000 after cost 15000 (ytdCost only)', run: out(15000, '其他低收入救助对象', '门诊慢性病', { ytdCost: 15000 }), expected: '3500.00', hand: '(20000 − 15000) × 70% = 3500', cites: `${DOC} 三、(三) 3.` },
    { name: '其他低收入 2000 after 10500 paid', run: out(2000, '其他低收入救助对象', '门诊慢性病', { ytdAssist: 10500 }), expected: '1400.00', hand: '2000 × 70% = 1400 < room 3500', cites: `${DOC} 三、(三) 3.` },
    { name: '低保 crossing 2万 (ytdCost 15000)', run: out(10000, '低保对象', undefined, { ytdCost: 15000 }), expected: '3500.00', hand: '5000 × 70% = 3500', cites: `${DOC} 三、(三) 3.` },
    { name: '低保 beyond 2万 (ytdCost 20000)', run: out(10000, '低保对象', undefined, { ytdCost: 20000 }), expected: '0.00', hand: '2万 already used → 0', cites: `${DOC} 三、(三) 3.` },
    {
      name: '低保 annual in 80000 + out 30000 (separate)',
      run: (e) => e.annual({ inpatientCost: 80000, outpatientCost: 30000, categories: '低保', region: R, referred: true }),
      expected: '64000.00',
      hand: 'in 14000 + 60000 × 80% = 62000 → 50000; out 20000 × 70% = 14000; no tilt in Weihai → 64000',
      cites: `${DOC} 三、(三) 3.`,
    },
  ]);
});

describe('威海 premium: the first-tier premium (二、(一))', () => {
  const prem = (categories: string, premium?: number) => (e: Engine) => e.premiumSubsidy({ categories, region: R, premium });
  const tierAmount = defaultEngine().withOverrides({ 威海: { 'premium.tiers.first_tier.amount': 350 } });
  runValueCases([
    { name: '低保, first tier given as premium 350', run: prem('低保', 350), expected: '350.00', hand: '按一档缴费标准资助: 350' },
    { name: '建档立卡, first tier supplied 350', run: prem('建档立卡贫困人口'), engine: tierAmount, expected: '350.00', hand: 'first-tier amount 350', cites: `${DOC} 二、(一)` },
    { name: '重度残疾人, first tier 350 but premium paid 300', run: prem('重度残疾人', 300), engine: tierAmount, expected: '300.00', hand: 'min(350, 300) = 300 (ruling 10)', cites: `${DOC} 二、(一)` },
    { name: '其他低收入救助对象 (其他救助人员: none)', run: prem('其他低收入救助对象', 350), expected: '0.00', hand: 'not 困难人员 → 0' },
  ]);
  test('without the first-tier premium it is PREMIUM_REQUIRED', () => {
    expectError(() => defaultEngine().premiumSubsidy({ categories: '低保', region: R }), 'PREMIUM_REQUIRED', ['威海市', '2019']);
  });
});

describe('威海 critical-illness insurance for 困难人员 (三、(一)): 5000 deductible, 65% / 75% / 85%, no cap', () => {
  const ci = (cost: number | string, categories = '低保对象') => (e: Engine) => e.ciInsurance({ cost, categories, region: R });
  const C = `${DOC} 三、(一)`;
  runValueCases([
    { name: '4000', run: ci(4000), expected: '0.00', hand: 'below 5000 → 0', cites: C },
    { name: '5000', run: ci(5000), expected: '0.00', hand: '5000 − 5000 = 0', cites: C },
    { name: '5000.01', run: ci(5000.01), expected: '0.01', hand: '0.01 × 65% = 0.0065 → 0.01', cites: C },
    { name: '10000', run: ci(10000, '建档立卡贫困人口'), expected: '3250.00', hand: '(10000 − 5000) × 65% = 3250', cites: C },
    { name: '99999.99', run: ci(99999.99), expected: '61749.99', hand: '94999.99 × 65% = 61749.9935 → 61749.99', cites: C },
    { name: '100000 (edge, 10万以上（含）)', run: ci(100000), expected: '61750.00', hand: '95000 × 65% = 61750', cites: C },
    { name: '100000.01', run: ci(100000.01), expected: '61750.01', hand: '61750 + 0.01 × 75% = 61750.0075 → 61750.01', cites: C },
    { name: '200000', run: ci(200000, '重度残疾人'), expected: '136750.00', hand: '61750 + 100000 × 75% = 136750', cites: C },
    { name: '299999.99', run: ci(299999.99), expected: '211749.99', hand: '61750 + 199999.99 × 75% = 211749.9925 → 211749.99', cites: C },
    { name: '300000 (edge, 30万元（含）以上)', run: ci(300000), expected: '211750.00', hand: '61750 + 200000 × 75% = 211750', cites: C },
    { name: '300000.01', run: ci(300000.01), expected: '211750.01', hand: '211750 + 0.01 × 85% = 211750.0085 → 211750.01', cites: C },
    { name: '1000000 (no cap)', run: ci(1000000, '特困人员'), expected: '806750.00', hand: '211750 + 700000 × 85% = 806750, no cap', cites: C },
  ]);
  test('other 救助人员 follow ordinary terms the notice does not state: an error', () => {
    expectError(() => defaultEngine().ciInsurance({ cost: 10000, categories: '其他低收入救助对象', region: R }), 'TERM_NOT_DEFINED', ['威海市']);
  });
});

describe('威海 hospital reduction (三、(二)): 10% of non-compliant inpatient cost, at most 200 per admission', () => {
  const red = (cost: number | string, categories = '建档立卡贫困人口') => (e: Engine) => e.hospitalReduction({ cost, categories, region: R });
  const C = `${DOC} 三、(二)`;
  runValueCases([
    { name: '1500', run: red(1500), expected: '150.00', hand: '1500 × 10% = 150', cites: C },
    { name: '2000 (reaches 200)', run: red(2000), expected: '200.00', hand: '2000 × 10% = 200', cites: C },
    { name: '2000.01', run: red(2000.01), expected: '200.00', hand: '200.001 → at most 200', cites: C },
    { name: '50000', run: red(50000), expected: '200.00', hand: '5000 → 200', cites: C },
    { name: '0.05', run: red(0.05), expected: '0.01', hand: '0.005 → 0.01 (half up)', cites: C },
    { name: '重度残疾人 1234.56', run: red(1234.56, '重度残疾人'), expected: '123.46', hand: '123.456 → 123.46', cites: C },
    { name: '低保 (not 建档立卡): none', run: red(1500, '低保对象'), expected: '0.00', hand: 'the reduction is for 建档立卡贫困人口 → 0' },
  ]);
});

describe('威海 fund (四、(一) 3.): city:district 1:9, the city part rounded, the district the rest (ruling 11)', () => {
  test.each([
    // [amount, city, district] — city = amount × 1/10 rounded half up; district = amount − city
    ['10000', '1000.00', '9000.00'], // 10000 / 10 = 1000
    ['0.01', '0.00', '0.01'], // 0.001 → 0.00
    ['0.05', '0.01', '0.04'], // 0.005 → 0.01
    ['12345.67', '1234.57', '11111.10'], // 1234.567 → 1234.57; 12345.67 − 1234.57
    ['99999.99', '10000.00', '89999.99'], // 9999.999 → 10000.00
    ['2000000', '200000.00', '1800000.00'], // the lottery fund, 200万
  ])('%s → city %s, district %s', (amount, city, district) => {
    expect(fmt(fundSplit(amount, '市级').value)).toBe(city);
    expect(fmt(fundSplit(amount, 'district').value)).toBe(district);
    expect(fundSplit(amount, '区市', '1:9').value.plus(fundSplit(amount, 'city').value).toFixed(2)).toBe(new D(amount).toFixed(2));
  });
  test('bad part and bad ratio name the value', () => {
    expectError(() => fundSplit(100, '省级'), 'BAD_PART', ['省级']);
    expectError(() => fundSplit(100, 'city', '1-9'), 'BAD_RATIO', ['1-9']);
  });
  test('the fund parameters as the notice states them', () => {
    const p = weihai as unknown as PolicyFile;
    expect(ResolvedPolicy.valueAt(p.fund!.split!, '2019-12-31')).toBe('1:9'); // 按1:9的比例负担
    expect(ResolvedPolicy.valueAt(p.fund!.lottery!, '2019-12-31')).toBe(2000000); // 每年200万元
  });
});

describe('威海: not in the notice; aliases; years', () => {
  runErrorCases([
    { name: 'out-of-catalogue limits', run: (e) => e.outOfCatalogueLimit({ totalCost: 1000, hospitalLevel: '三级', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['威海市'] },
    { name: 'monitoring alert', run: (e) => e.monitorAlert({ outOfPocket: 1000, region: R }), error: 'TERM_NOT_DEFINED', mentions: ['威海市'] },
    { name: '低保边缘 is not a Weihai category', run: inp(1000, '低保边缘家庭成员'), error: 'CATEGORY_NOT_IN_POLICY', mentions: ['低保边缘家庭成员'] },
    { name: 'a year before the notice', run: inp(1000, '低保', { year: 2018 }), error: 'UNKNOWN_YEAR', mentions: ['2018'] },
    { name: 'no rare-disease scheme', run: out(1000, '低保', '罕见病'), error: 'UNKNOWN_SCHEME', mentions: ['罕见病'] },
  ]);
  test.each(['威海', '威海市', 'weihai', 'Weihai', '山东威海'])('region alias %s (重点救助对象 10000 × 70% = 7000)', (region) => {
    expect(fmt(defaultEngine().inpatient({ cost: 10000, categories: '重点救助', region }).value)).toBe('7000.00');
  });
  test('year omitted = 2019', () => {
    expect(defaultEngine().inpatient({ cost: 1, categories: '低保', region: R }).explanation.year).toBe(2019);
  });
  test('the bracket explanation cites the clause and the brackets', () => {
    const r = defaultEngine().inpatient({ cost: 25000, categories: '重点救助对象', region: R });
    const b = r.explanation.params.find((p) => p.path === 'inpatient.tiers.key.brackets')!;
    expect(b.citation).toBe(`${DOC} 三、(三) 1.一站式救助`);
    expect(b.value).toBe('0+: 70%, 20000+: 80%');
  });
});
