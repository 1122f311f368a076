/**
 * 益阳市 (Yiyang), the bureau's 2023 reply (seed 002): premium subsidies only — full for
 * 特困人员 / 重度残疾人 / 孤儿 / 事实无人抚养儿童, 50% for 低保对象 (二、(一)), against Hunan's
 * individual premium actually charged: 2020 250, 2021 280, 2022 320 (二、(一)). No
 * assistance rules: those calls are errors. Later years need the premium (PREMIUM_REQUIRED).
 */
import { ResolvedPolicy, defaultEngine } from '../../src/engine';
import type { Engine, Param, PolicyFile } from '../../src/engine';
import { runErrorCases, runValueCases } from './helpers';
import yiyang from '../../policies/yiyang-2022.json';

const DOC = '益阳市医疗保障局对市人大代表《关于进一步完善城乡居民医疗保险的建议》的答复';
const R = '益阳';
const prem = (categories: string, year?: number, premium?: number | string) => (e: Engine) => e.premiumSubsidy({ categories, region: R, year, premium });

describe('益阳 premium subsidies by year (二、(一))', () => {
  runValueCases([
    { name: '特困人员 2020', run: prem('特困人员', 2020), expected: '250.00', hand: 'full: 2020 premium 250', cites: `${DOC} 二、(一)` },
    { name: '重度残疾人 2020', run: prem('重度残疾人', 2020), expected: '250.00', hand: 'full: 250', cites: '二、(一)' },
    { name: '孤儿 2020', run: prem('孤儿', 2020), expected: '250.00', hand: 'full: 250', cites: '二、(一)' },
    { name: '事实无人抚养儿童 2020', run: prem('事实无人抚养儿童', 2020), expected: '250.00', hand: 'full: 250 (same tier as 孤儿)', cites: '二、(一)' },
    { name: '低保对象 2020', run: prem('低保对象', 2020), expected: '125.00', hand: '250 × 50% = 125', cites: '二、(一)' },
    { name: '特困人员 2021', run: prem('特困人员', 2021), expected: '280.00', hand: 'full: 2021 premium 280', cites: '二、(一)' },
    { name: '低保对象 2021', run: prem('低保对象', 2021), expected: '140.00', hand: '280 × 50% = 140', cites: '二、(一)' },
    { name: '特困人员 2022', run: prem('特困人员', 2022), expected: '320.00', hand: 'full: 2022 premium 320', cites: '二、(一)' },
    { name: '低保对象 2022', run: prem('低保对象', 2022), expected: '160.00', hand: '320 × 50% = 160', cites: '二、(一)' },
    { name: '低保对象, year omitted = 2022', run: prem('低保对象'), expected: '160.00', hand: 'latest edition year 2022: 320 × 50% = 160', cites: '二、(一)' },
    { name: '低保对象 2022, premium given 350', run: prem('低保对象', 2022, 350), expected: '175.00', hand: '350 × 50% = 175', cites: '二、(一)' },
    { name: '重度残疾人 2022, premium given "350元"', run: prem('重残', 2022, '350元'), expected: '350.00', hand: 'full: 350' },
    { name: '低保对象 2023, premium given 380', run: prem('低保对象', 2023, 380), expected: '190.00', hand: '380 × 50% = 190', cites: '二、(一)' },
    { name: '低保 2022, premium 0.05', run: prem('低保', 2022, 0.05), expected: '0.03', hand: '0.05 × 50% = 0.025 → 0.03 (half up)', cites: '二、(一)' },
    { name: '特困;低保 2021 (就高不就低)', run: prem('特困人员;低保对象', 2021), expected: '280.00', hand: 'max(280, 140) = 280, never 420', cites: '二、(一)' },
  ]);
  runErrorCases([
    { name: '2023: no premium in the text', run: prem('低保对象', 2023), error: 'PREMIUM_REQUIRED', mentions: ['益阳市', '2023'] },
    { name: '2019: before the first year quoted', run: prem('低保对象', 2019), error: 'UNKNOWN_YEAR', mentions: ['2019'] },
    { name: '低保边缘 is not named', run: prem('低保边缘家庭成员', 2022), error: 'CATEGORY_NOT_IN_POLICY', mentions: ['低保边缘家庭成员'] },
    { name: 'inpatient assistance is not in the reply', run: (e) => e.inpatient({ cost: 1000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['益阳市'] },
    { name: 'outpatient assistance is not in the reply', run: (e) => e.outpatient({ cost: 1000, categories: '低保', region: R }), error: 'TERM_NOT_DEFINED', mentions: ['益阳市'] },
    { name: 'a bad premium', run: prem('低保', 2022, 'abc'), error: 'BAD_AMOUNT', mentions: ['abc'] },
  ]);

  test.each(['益阳', '益阳市', 'yiyang', 'Yiyang', '湖南益阳'])('region alias %s (低保 2021: 280 × 50% = 140)', (region) => {
    expect(defaultEngine().premiumSubsidy({ categories: '低保', region, year: 2021 }).value.toFixed(2)).toBe('140.00');
  });

  test('the explanation cites the premium and the share', () => {
    const r = defaultEngine().premiumSubsidy({ categories: '低保', region: R, year: 2021 });
    const paths = r.explanation.params.map((p) => `${p.path}=${p.value}`);
    expect(paths).toEqual(expect.arrayContaining(['premium.individualPremium=280', 'premium.tiers.dibao.share=0.5']));
  });
});

describe('益阳: figures the reply reports (二、(一))', () => {
  const p = yiyang as unknown as PolicyFile;
  const at = (param: Param, date: string) => ResolvedPolicy.valueAt(param, date);
  test.each([
    ['nationalMinimumPremium', '2020-12-31', 280], // 2020年国家最低标准280元
    ['nationalMinimumPremium', '2021-12-31', 320], // 2021年国家规定最低标准320元
    ['nationalMinimumPremium', '2022-12-31', 350], // 2022年国家最低标准350元
    ['fiscalSubsidyPerPerson', '2003-12-31', 20], // 从每人每年20元
    ['fiscalSubsidyPerPerson', '2022-12-31', 610], // 提高到了610元
    ['individualContributionHistory', '2003-12-31', 10], // 个人缴费标准从10元
    ['individualContributionHistory', '2022-12-31', 320], // 提高到320元
    ['fiscalToIndividualRatio2021', '2021-12-31', '1.91:1'], // 1.91:1
    ['subsidisedPeople2022', '2022-12-31', 228600], // 22.86万名
    ['subsidyAmount2022', '2022-12-31', 57601100], // 5760.11万元
  ])('statistics.%s at %s = %s', (key, date, value) => expect(at(p.statistics![key].param, date)).toBe(value));
});
