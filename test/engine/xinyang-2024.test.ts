/**
 * 信阳市 (Xinyang), 信医保办〔2024〕52号 (seed 000): every rule the reply states, worked by
 * hand. Clauses: 二、一是 资助参保, 二是 住院救助, 三是 门诊救助, 四是 救助限额 (shared by
 * inpatient and outpatient), 五是 倾斜救助; 三、 门诊统筹 (basic-insurance context).
 */
import { ResolvedPolicy, defaultEngine, fmt } from '../../src/engine';
import type { Engine, Param, PolicyFile } from '../../src/engine';
import { runErrorCases, runValueCases, stepText } from './helpers';
import xinyang from '../../policies/xinyang-2024.json';

const DOC = '信医保办〔2024〕52号';
const R = '信阳';
const inp = (cost: number | string, categories: string, extra: object = {}) => (e: Engine) => e.inpatient({ cost, categories, region: R, ...extra });
const out = (cost: number | string, categories: string, kind?: string, extra: object = {}) => (e: Engine) => e.outpatient({ cost, categories, region: R, kind, ...extra });

describe('信阳 inpatient assistance (二、二是; caps 二、四是)', () => {
  runValueCases([
    { name: '特困人员 10000', run: inp(10000, '特困人员'), expected: '9000.00', hand: '10000 × 90% = 9000, no deductible', cites: `${DOC} 二、二是` },
    { name: '孤儿 10000', run: inp(10000, '孤儿'), expected: '9000.00', hand: '10000 × 90% = 9000', cites: `${DOC} 二、二是` },
    { name: '孤儿（含事实无人抚养儿童） 10000', run: inp(10000, '孤儿（含事实无人抚养儿童）'), expected: '9000.00', hand: '10000 × 90% = 9000 (the document\'s own name)', cites: `${DOC} 二、二是` },
    { name: '事实无人抚养儿童 10000', run: inp(10000, '事实无人抚养儿童'), expected: '9000.00', hand: '10000 × 90% = 9000 (counted with 孤儿)', cites: `${DOC} 二、二是` },
    { name: '低保对象 10000', run: inp(10000, '低保对象'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: `${DOC} 二、二是` },
    { name: '返贫致贫人口 10000', run: inp(10000, '返贫致贫人口'), expected: '7000.00', hand: '10000 × 70% = 7000', cites: `${DOC} 二、二是` },
    { name: '低保边缘家庭成员 10000', run: inp(10000, '低保边缘家庭成员'), expected: '4940.00', hand: '(10000 − 2400) × 65% = 4940', cites: `${DOC} 二、二是` },
    { name: '农村易返贫致贫人口 10000', run: inp(10000, '农村易返贫致贫人口'), expected: '4940.00', hand: '(10000 − 2400) × 65% = 4940', cites: `${DOC} 二、二是` },
    { name: '纳入监测范围的农村易返贫致贫人口 10000', run: inp(10000, '纳入监测范围的农村易返贫致贫人口'), expected: '4940.00', hand: '(10000 − 2400) × 65% = 4940', cites: `${DOC} 二、二是` },
    { name: '因病致贫重病患者 10000', run: inp(10000, '因病致贫重病患者'), expected: '2600.00', hand: '(10000 − 6000) × 65% = 2600', cites: `${DOC} 二、二是` },
    { name: '低保边缘 at the deductible', run: inp(2400, '低保边缘家庭成员'), expected: '0.00', hand: '2400 − 2400 = 0', cites: `${DOC} 二、二是` },
    { name: '因病致贫 below the deductible', run: inp(5999.99, '因病致贫重病患者'), expected: '0.00', hand: '5999.99 < 6000 → 0', cites: `${DOC} 二、二是` },
    { name: '特困 reaches the 3万 cap', run: inp(50000, '特困人员'), expected: '30000.00', hand: '50000 × 90% = 45000 → cap 30000', cites: `${DOC} 二、四是` },
    { name: '低保 just under the cap', run: inp(42857, '低保对象'), expected: '29999.90', hand: '42857 × 70% = 29999.90 < 30000', cites: `${DOC} 二、四是` },
    { name: '低保边缘 reaches the 1万 cap', run: inp(20000, '低保边缘家庭成员'), expected: '10000.00', hand: '(20000 − 2400) × 65% = 11440 → cap 10000', cites: `${DOC} 二、四是` },
    { name: '因病致贫 reaches the 1万 cap', run: inp(30000, '因病致贫重病患者'), expected: '10000.00', hand: '(30000 − 6000) × 65% = 15600 → cap 10000', cites: `${DOC} 二、四是` },
    { name: '低保, 25000 already paid this year', run: inp(10000, '低保对象', { ytdAssist: 25000 }), expected: '5000.00', hand: 'min(10000 × 70% = 7000, 30000 − 25000 = 5000) = 5000', cites: `${DOC} 二、四是` },
    { name: '低保, cap used up', run: inp(10000, '低保对象', { ytdAssist: 30000 }), expected: '0.00', hand: '30000 − 30000 = 0 room', cites: `${DOC} 二、四是` },
    { name: '低保边缘, deductible partly met earlier (ytdCost 2000)', run: inp(1000, '低保边缘家庭成员', { ytdCost: 2000 }), expected: '390.00', hand: '(2000 + 1000 − 2400) × 65% = 390', cites: `${DOC} 二、二是` },
    { name: '因病致贫, deductible met earlier (ytdCost 7000)', run: inp(1000, '因病致贫重病患者', { ytdCost: 7000 }), expected: '650.00', hand: '1000 × 65% = 650 (6000 already passed)', cites: `${DOC} 二、二是` },
    { name: '低保边缘 12345.67', run: inp(12345.67, '低保边缘家庭成员'), expected: '6464.69', hand: '(12345.67 − 2400) × 65% = 6464.6855 → 6464.69 (half up)', cites: `${DOC} 二、二是` },
    { name: '低保 0.01', run: inp(0.01, '低保对象'), expected: '0.01', hand: '0.01 × 70% = 0.007 → 0.01', cites: `${DOC} 二、二是` },
    { name: '低保 0.05', run: inp(0.05, '低保对象'), expected: '0.04', hand: '0.05 × 70% = 0.035 → 0.04 (half up)', cites: `${DOC} 二、二是` },
    { name: '特困 0.05', run: inp(0.05, '特困人员'), expected: '0.05', hand: '0.05 × 90% = 0.045 → 0.05 (half up)', cites: `${DOC} 二、二是` },
    { name: '特困 99999.99', run: inp(99999.99, '特困人员'), expected: '30000.00', hand: '99999.99 × 90% = 89999.99 → cap 30000', cites: `${DOC} 二、四是` },
    { name: 'text amount "1.2万"', run: inp('1.2万', '低保'), expected: '8400.00', hand: '12000 × 70% = 8400', cites: `${DOC} 二、二是` },
    { name: '低保;低保边缘 (就高不就低)', run: inp(10000, '低保对象;低保边缘家庭成员'), expected: '7000.00', hand: 'max(7000, 4940) = 7000, never 11940', cites: `${DOC} 二、二是` },
    { name: '特困、因病致贫 (就高不就低)', run: inp(10000, '特困人员、因病致贫重病患者'), expected: '9000.00', hand: 'max(9000, 2600) = 9000', cites: `${DOC} 二、二是` },
  ]);
});

describe('信阳 outpatient assistance (二、三是: 9 diseases, rare diseases; no deductible)', () => {
  runValueCases([
    { name: '特困 9类病种 (main scheme)', run: out(1000, '特困人员'), expected: '500.00', hand: '1000 × 50% = 500', cites: `${DOC} 二、三是` },
    { name: '孤儿 9类病种', run: out(1000, '孤儿', '9类病种'), expected: '500.00', hand: '1000 × 50% = 500', cites: `${DOC} 二、三是` },
    { name: '低保 九类病种', run: out(1000, '低保对象', '九类病种'), expected: '500.00', hand: '1000 × 50% = 500', cites: `${DOC} 二、三是` },
    { name: '返贫致贫 nine diseases', run: out(1000, '返贫致贫人口', 'nine diseases'), expected: '500.00', hand: '1000 × 50% = 500', cites: `${DOC} 二、三是` },
    { name: '低保边缘 9类病种', run: out(1000, '低保边缘家庭成员'), expected: '300.00', hand: '1000 × 30% = 300, no deductible', cites: `${DOC} 二、三是` },
    { name: '农村易返贫致贫 9类病种', run: out(1000, '农村易返贫致贫人口'), expected: '300.00', hand: '1000 × 30% = 300', cites: `${DOC} 二、三是` },
    { name: '因病致贫 9类病种', run: out(1000, '因病致贫重病患者'), expected: '300.00', hand: '1000 × 30% = 300', cites: `${DOC} 二、三是` },
    { name: '特困 罕见病', run: out(1000, '特困人员', '罕见病'), expected: '300.00', hand: '1000 × 30% = 300', cites: `${DOC} 二、三是` },
    { name: '低保边缘 罕见病', run: out(1000, '低保边缘家庭成员', '罕见病'), expected: '300.00', hand: '1000 × 30% = 300', cites: `${DOC} 二、三是` },
    { name: '因病致贫 rare disease', run: out(1000, '因病致贫重病患者', 'rare disease'), expected: '300.00', hand: '1000 × 30% = 300', cites: `${DOC} 二、三是` },
    { name: '低保 outpatient after 28000 paid (shared cap)', run: out(10000, '低保对象', undefined, { ytdAssist: 28000 }), expected: '2000.00', hand: 'min(10000 × 50% = 5000, 30000 − 28000) = 2000', cites: `${DOC} 二、四是` },
    { name: '低保边缘 outpatient after 9000 paid', run: out(10000, '低保边缘家庭成员', '罕见病', { ytdAssist: 9000 }), expected: '1000.00', hand: 'min(3000, 10000 − 9000) = 1000', cites: `${DOC} 二、四是` },
    { name: '返贫致贫 0.05', run: out(0.05, '返贫致贫人口'), expected: '0.03', hand: '0.05 × 50% = 0.025 → 0.03 (half up)', cites: `${DOC} 二、三是` },
  ]);
});

describe('信阳 annual: shared cap (二、四是) and tilted assistance (二、五是)', () => {
  const annual = (inpatientCost: number, outpatientCost: number, categories: string, referred?: unknown) => (e: Engine) =>
    e.annual({ inpatientCost, outpatientCost, categories, region: R, referred });
  runValueCases([
    { name: '低保 in 40000 + out 10000', run: annual(40000, 10000, '低保对象'), expected: '30000.00', hand: '40000 × 70% = 28000; out min(5000, 2000) = 2000; total 30000 (one cap)', cites: `${DOC} 二、四是` },
    { name: '低保边缘 in 10000 + out 10000', run: annual(10000, 10000, '低保边缘家庭成员'), expected: '7940.00', hand: '(10000 − 2400) × 65% = 4940 + 10000 × 30% = 3000 = 7940', cites: `${DOC} 二、三是` },
    { name: '低保边缘 in 15000 + out 10000', run: annual(15000, 10000, '低保边缘家庭成员'), expected: '10000.00', hand: '(15000 − 2400) × 65% = 8190; out min(3000, 1810) = 1810; 10000', cites: `${DOC} 二、四是` },
    { name: '低保 referred 45000 (cap reached → tilt)', run: annual(45000, 0, '低保对象', true), expected: '31800.00', hand: '30000 + (45000 − 30000 − 12000) × 60% = 1800 → 31800', cites: `${DOC} 二、五是` },
    { name: '低保 45000 not referred', run: annual(45000, 0, '低保对象', false), expected: '30000.00', hand: 'no referral → no tilt: 30000', cites: `${DOC} 二、四是` },
    { name: '低保 referred 40000 (cap not reached)', run: annual(40000, 0, '低保对象', '是'), expected: '28000.00', hand: '40000 × 70% = 28000 < 30000 → no tilt', cites: `${DOC} 二、二是` },
    { name: '特困 referred 42000 (remainder exactly 12000)', run: annual(42000, 0, '特困人员', true), expected: '30000.00', hand: '37800 → 30000; 42000 − 30000 = 12000, not above 12000 → 0', cites: `${DOC} 二、四是` },
    { name: '特困 referred 100000 (tilt cap)', run: annual(100000, 0, '特困人员', true), expected: '40000.00', hand: '30000 + min((70000 − 12000) × 60% = 34800, 10000) = 40000', cites: `${DOC} 二、五是` },
    { name: '低保边缘 referred 30000', run: annual(30000, 0, '低保边缘家庭成员', true), expected: '14800.00', hand: '10000 + (30000 − 10000 − 12000) × 60% = 4800 → 14800', cites: `${DOC} 二、五是` },
    { name: '低保 referred in 40000 + out 10000', run: annual(40000, 10000, '低保对象', true), expected: '34800.00', hand: '28000 + 2000 = 30000; remainder 12000 + 8000 = 20000; (20000 − 12000) × 60% = 4800', cites: `${DOC} 二、五是` },
  ]);

  test('the parts: inpatient, outpatient and tilt add up to the total', () => {
    const r = defaultEngine().annual({ inpatientCost: 40000, outpatientCost: 10000, categories: '低保', region: R, referred: true });
    // 28000 + 2000 + 4800 = 34800 (二、四是, 二、五是)
    expect([fmt(r.parts.inpatient), fmt(r.parts.outpatient), fmt(r.parts.tilt)]).toEqual(['28000.00', '2000.00', '4800.00']);
    expect(stepText(r.explanation)).toContain('倾斜');
  });
});

describe('信阳 premium subsidies (二、一是)', () => {
  const prem = (categories: string, premium?: number) => (e: Engine) => e.premiumSubsidy({ categories, region: R, premium });
  const monitoredAmount = defaultEngine().withOverrides({ 信阳: { 'premium.tiers.monitored.amount': 100 } });
  const notLessThan80 = defaultEngine().withOverrides({ 信阳: { 'premium.tiers.fixed80.amount': 120 } });
  runValueCases([
    { name: '特困 full, premium 380', run: prem('特困人员', 380), expected: '380.00', hand: '全额资助: 380' },
    { name: '孤儿 full, premium 400', run: prem('孤儿', 400), expected: '400.00', hand: '全额资助: 400' },
    { name: '低保 fixed', run: prem('低保对象'), expected: '80.00', hand: '不低于 80 元 → 80 (ruling 8)', cites: `${DOC} 二、一是` },
    { name: '返贫致贫 fixed', run: prem('返贫致贫人口'), expected: '80.00', hand: '80 (ruling 8)', cites: `${DOC} 二、一是` },
    { name: '低保, premium only 60', run: prem('低保对象', 60), expected: '60.00', hand: 'min(80, 60) = 60 (ruling 10)', cites: `${DOC} 二、一是` },
    { name: '低保, analyst sets 120 (不低于80)', run: prem('低保对象'), expected: '120.00', hand: 'override 120 ≥ 80', engine: notLessThan80, cites: `${DOC} 二、一是` },
    { name: '农村易返贫致贫, analyst supplies 100', run: prem('农村易返贫致贫人口'), expected: '100.00', hand: 'delegated amount supplied: 100', engine: monitoredAmount, cites: `${DOC} 二、一是` },
    { name: '低保边缘 (no subsidy in the text)', run: prem('低保边缘家庭成员', 380), expected: '0.00', hand: 'not named in 一是 → 0' },
    { name: '因病致贫 (no subsidy in the text)', run: prem('因病致贫重病患者', 380), expected: '0.00', hand: 'not named in 一是 → 0' },
    { name: '特困;低保 (就高不就低)', run: prem('特困人员;低保对象', 380), expected: '380.00', hand: 'max(380, 80) = 380, never 460' },
  ]);
  runErrorCases([
    { name: '特困 without the premium', run: prem('特困人员'), error: 'PREMIUM_REQUIRED', mentions: ['信阳市', '2024'] },
    { name: '农村易返贫致贫 amount delegated (ruling 8)', run: prem('农村易返贫致贫人口'), error: 'MISSING_PARAMETER', mentions: ['premium.tiers.monitored.amount', '2024'] },
  ]);
});

describe('信阳: what the reply does not state is an error, not a zero', () => {
  runErrorCases([
    { name: 'critical-illness insurance', run: (e) => e.ciInsurance({ cost: 10000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['信阳市'] },
    { name: 'hospital reduction', run: (e) => e.hospitalReduction({ cost: 1000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['信阳市'] },
    { name: 'out-of-catalogue limit', run: (e) => e.outOfCatalogueLimit({ totalCost: 1000, hospitalLevel: '三级', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['信阳市'] },
    { name: 'monitoring alert', run: (e) => e.monitorAlert({ outOfPocket: 20000, region: R }), error: 'TERM_NOT_DEFINED', mentions: ['信阳市'] },
    { name: 'outpatient scheme of another region', run: out(1000, '低保', '门诊慢特病'), error: 'UNKNOWN_SCHEME', mentions: ['门诊慢特病'] },
    { name: 'a category the reply does not name', run: inp(1000, '重度残疾人'), error: 'CATEGORY_NOT_IN_POLICY', mentions: ['重度残疾人'] },
    { name: 'an unknown category', run: inp(1000, '退役军人'), error: 'UNKNOWN_CATEGORY', mentions: ['退役军人'] },
    { name: 'a year before the edition', run: inp(1000, '低保', { year: 2023 }), error: 'UNKNOWN_YEAR', mentions: ['2023'] },
    { name: 'a year that is no year', run: inp(1000, '低保', { year: '二〇二四' }), error: 'BAD_YEAR', mentions: ['二〇二四'] },
    { name: 'a negative cost', run: inp(-1, '低保'), error: 'NEGATIVE_AMOUNT', mentions: ['-1'] },
    { name: 'a cost that is not an amount', run: inp('一万', '低保'), error: 'BAD_AMOUNT', mentions: ['一万'] },
  ]);
});

describe('信阳 regions, years, lookups', () => {
  test.each(['信阳', '信阳市', 'xinyang', 'Xinyang', '河南信阳', ' 信 阳 '])('region alias %s', (region) => {
    // 10000 × 70% = 7000 (二、二是)
    expect(fmt(defaultEngine().inpatient({ cost: 10000, categories: '低保', region }).value)).toBe('7000.00');
  });

  test('year omitted = the 2024 edition; 2025 still uses it', () => {
    const e = defaultEngine();
    expect(e.inpatient({ cost: 100, categories: '低保', region: R }).explanation.year).toBe(2024);
    const r = e.inpatient({ cost: 10000, categories: '低保', region: R, year: '2025年' });
    expect(r.explanation.policyId).toBe('xinyang-2024');
    expect(fmt(r.value)).toBe('7000.00'); // 10000 × 70% (二、二是, no later edition)
  });

  test('lookups: rate, deductible and cap by status', () => {
    const e = defaultEngine();
    expect(e.lookup({ what: 'rate', categories: '低保边缘家庭成员', region: R }).value.toString()).toBe('0.65'); // 二、二是 65%
    expect(fmt(e.lookup({ what: 'deductible', categories: '因病致贫重病患者', region: R }).value)).toBe('6000.00'); // 二、二是 6000
    expect(fmt(e.lookup({ what: 'cap', categories: '特困人员', region: R }).value)).toBe('30000.00'); // 二、四是 3万
    expect(e.lookup({ what: 'rate', categories: '低保', region: R, scheme: '罕见病' }).value.toString()).toBe('0.3'); // 二、三是 30%
  });

  test('the explanation lists each parameter with its value and citation', () => {
    const r = defaultEngine().inpatient({ cost: 10000, categories: '低保边缘家庭成员', region: R });
    const byPath = new Map(r.explanation.params.map((p) => [p.path, p]));
    expect(byPath.get('inpatient.tiers.edge_monitored.deductible')).toMatchObject({ value: '2400', citation: `${DOC} 二、二是 住院救助` });
    expect(byPath.get('inpatient.tiers.edge_monitored.ratio')).toMatchObject({ value: '0.65', citation: `${DOC} 二、二是 住院救助` });
    expect(byPath.get('inpatient.tiers.edge_monitored.cap')).toMatchObject({ value: '10000', citation: `${DOC} 二、四是 救助限额` });
  });
});

describe('信阳: figures the reply reports (context data, 二、五是 and 三、)', () => {
  const p = xinyang as unknown as PolicyFile;
  const at = (x: { param: Param }) => ResolvedPolicy.valueAt(x.param, '2024-12-31');
  test.each([
    ['subsidisedPeople', 474000], // 47.4 万人
    ['subsidyAmount', 49905800], // 4990.58 万元
    ['inpatientPeople', 218300], // 21.83 万人
    ['inpatientAmount', 227000000], // 2.27 亿元
    ['outpatientPeople', 192600], // 19.26 万人
    ['outpatientAmount', 18389400], // 1838.94 万元
  ])('statistics.%s = %d', (key, value) => expect(at(p.statistics![key])).toBe(value));
  test.each([
    ['general', 300], // 普通门诊统筹年度累计报销额度为 300 元
    ['hypertension', 120], // 高血压 120 元
    ['diabetes', 170], // 糖尿病 170 元
    ['both', 200], // 合并两病的 200 元
  ])('outpatientPooling.pools.%s: annual limit %d, ratio 60%% (报销比例为 60%%)', (key, value) => {
    expect(ResolvedPolicy.valueAt(p.outpatientPooling!.pools[key].annualLimit, '2024-12-31')).toBe(value);
    expect(ResolvedPolicy.valueAt(p.outpatientPooling!.pools[key].ratio, '2024-12-31')).toBe(0.6);
  });
});


describe('信阳 outpatient pooling, basic insurance (三、关于门诊统筹问题: 300; “两病” 120 / 170 / 200; 60%)', () => {
  const C = `${DOC} 三、关于门诊统筹问题`;
  const pool = (cost: number | string, p?: string, paidSoFar?: number) => (e: Engine) => e.outpatientPooling({ cost, region: R, pool: p, paidSoFar });
  runValueCases([
    { name: '普通门诊 400', run: pool(400), expected: '240.00', hand: '400 × 60% = 240 ≤ 300', cites: C },
    { name: '普通门诊 600 reaches the 300 limit', run: pool(600, '普通门诊'), expected: '300.00', hand: '600 × 60% = 360 → annual limit 300', cites: C },
    { name: '普通门诊 400 after 200 paid', run: pool(400, '普通门诊', 200), expected: '100.00', hand: '400 × 60% = 240; 300 − 200 = 100 left → 100', cites: C },
    { name: '普通门诊 limit used up', run: pool(400, '普通门诊', 300), expected: '0.00', hand: '300 − 300 = 0 left', cites: C },
    { name: '普通门诊 rounding half-up', run: pool(10.01), expected: '6.01', hand: '10.01 × 60% = 6.006 → 6.01 (ruling 1)', cites: C },
    { name: '高血压 150', run: pool(150, '高血压'), expected: '90.00', hand: '150 × 60% = 90 ≤ 120', cites: C },
    { name: '高血压 200 after 50 paid', run: pool(200, '高血压', 50), expected: '70.00', hand: '200 × 60% = 120; 120 − 50 = 70 left → 70', cites: C },
    { name: '糖尿病 400', run: pool(400, '糖尿病'), expected: '170.00', hand: '400 × 60% = 240 → limit 170', cites: C },
    { name: '合并两病 400', run: pool(400, '合并两病'), expected: '200.00', hand: '400 × 60% = 240 → limit 200', cites: C },
  ]);
  runErrorCases([
    { name: 'unknown pooling class', run: pool(100, '牙科'), error: 'UNKNOWN_OUTPATIENT_POOL', mentions: ['牙科', '高血压'] },
    { name: 'negative cost', run: pool(-1), error: 'NEGATIVE_AMOUNT', mentions: ['-1'] },
    { name: 'a region without pooling terms', run: (e) => e.outpatientPooling({ cost: 100, region: '威海' }), error: 'TERM_NOT_DEFINED', mentions: ['威海市'] },
  ]);
});
