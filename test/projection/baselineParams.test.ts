/**
 * Baseline figures the documents leave to the analyst (--set / --params / --policy): parsing,
 * validation naming the source and the path, and the projection with the figures applied —
 * every expected amount worked out by hand from the policy text (clause beside it).
 */
import { BUILTIN_POLICIES, defaultEngine } from '../../src/engine';
import {
  analystParameters,
  baselineEngine,
  parseParamsJson,
  parseSetFlag,
  parseSetValue,
  setFlagSources,
} from '../../src/projection/baselineParams';
import { runProjection } from '../../src/projection';
import { person, s2, visit } from './helpers';
import { caught } from '../hardening/expectations';

const M1 = '411502198001010011';
const D1 = '411502196001010022';

describe('--set REGION:PATH=VALUE', () => {
  test('parts, numbers, dates, booleans, amounts and text', () => {
    expect(parseSetFlag('信阳:premium.tiers.monitored.amount=100')).toMatchObject({ region: '信阳', path: 'premium.tiers.monitored.amount', date: undefined, value: 100 });
    // A last segment that is a year is the date the value holds from (withOverrides: 2021-01-01).
    expect(parseSetFlag('山西:income.perCapitaDisposable.2021=30000')).toMatchObject({ region: '山西', path: 'income.perCapitaDisposable', date: '2021', value: 30000 });
    expect(parseSetFlag('xiping-2022:income.perCapitaDisposable.2022-05-01=25000')).toMatchObject({ region: 'xiping-2022', date: '2022-05-01' });
    expect(parseSetValue('0.75')).toBe(0.75);
    expect(parseSetValue('200万')).toBe(2000000);
    expect(parseSetValue('1,500')).toBe(1500);
    expect(parseSetValue('true')).toBe(true);
    expect(parseSetValue('1:9')).toBe('1:9');
    expect(parseSetValue('[{"threshold":0,"rate":0.7}]')).toEqual([{ threshold: 0, rate: 0.7 }]);
  });

  test.each([
    ['信阳premium.tiers.monitored.amount=100', '地区:参数路径=取值'],
    ['信阳:premium.tiers.monitored.amount', 'REGION:PATH=VALUE'],
    [':premium.tiers.monitored.amount=1', 'REGION:PATH=VALUE'],
    ['信阳:=1', 'no parameter path'],
    ['信阳:premium.tiers.monitored.amount=', 'no value'],
    ['信阳:premium.tiers.monitored.amount=null', 'null is only for a dated value'],
    ['信阳:x.y=[1,', 'not valid JSON'],
  ])('a malformed flag names itself: %s', (flag, says) => {
    const e = caught(() => parseSetFlag(flag));
    expect(e.code).toBe('INVALID_OVERRIDE');
    expect(`${e.zh} ${e.en}`).toContain(`--set ${flag}`);
    expect(`${e.zh} ${e.en}`).toContain(says);
  });

  test('dated values of one path merge; the same figure twice is refused', () => {
    const sources = setFlagSources(['山西:income.perCapitaDisposable.2021=30000', '信阳:premium.tiers.monitored.amount=100', '山西:income.perCapitaDisposable.2022=32000']);
    expect(sources.map((s) => s.overrides)).toEqual([
      { 山西: { 'income.perCapitaDisposable': { 2021: 30000, 2022: 32000 } } },
      { 信阳: { 'premium.tiers.monitored.amount': 100 } },
    ]);
    expect(analystParameters(sources)[0]).toMatchObject({ region: '山西', path: 'income.perCapitaDisposable', value: { 2021: 30000, 2022: 32000 } });
    const twice = caught(() => setFlagSources(['信阳:premium.tiers.monitored.amount=100', '信阳:premium.tiers.monitored.amount=120']));
    expect(twice.en).toContain('already set by --set 信阳:premium.tiers.monitored.amount=100');
    const mixed = caught(() => setFlagSources(['山西:income.perCapitaDisposable=1', '山西:income.perCapitaDisposable.2021=30000']));
    expect(mixed.en).toContain('either by year or for all years');
  });

  test('the engine checks each value against its parameter; the error names the flag and the path', () => {
    const notANumber = caught(() => baselineEngine({ parameters: setFlagSources(['信阳:premium.tiers.monitored.amount=abc']) }));
    expect(notANumber.code).toBe('INVALID_OVERRIDE');
    expect(notANumber.zh).toContain('--set 信阳:premium.tiers.monitored.amount=abc');
    expect(notANumber.en).toContain('premium.tiers.monitored');
    const noSuchPath = caught(() => baselineEngine({ parameters: setFlagSources(['信阳:premium.tiers.nobody.amount=100']) }));
    expect(noSuchPath.en).toContain('--set 信阳:premium.tiers.nobody.amount=100');
    expect(noSuchPath.en).toContain('"nobody" does not exist');
    const noSuchRegion = caught(() => baselineEngine({ parameters: setFlagSources(['火星:premium.tiers.monitored.amount=100']) }));
    expect(noSuchRegion.zh).toContain('火星');
  });
});

describe('--params FILE', () => {
  test('the engine.withOverrides format; a bad shape or path names the file and the path', () => {
    expect(parseParamsJson('\uFEFF{"信阳": {"premium.tiers.monitored.amount": 100}}', '--params p.json')).toEqual({ 信阳: { 'premium.tiers.monitored.amount': 100 } });
    expect(caught(() => parseParamsJson('[1]', '--params p.json')).zh).toContain('--params p.json');
    expect(caught(() => parseParamsJson('{"信阳": 100}', '--params p.json')).zh).toContain('--params p.json 信阳');
    expect(caught(() => parseParamsJson('{oops', '--params p.json')).en).toContain('not valid JSON');
    const bad = caught(() => baselineEngine({ parameters: [{ source: '--params p.json', overrides: { 信阳: { 'premium.tiers.monitored.amont': 100 } } }] }));
    expect(bad.zh).toContain('--params p.json');
    expect(bad.zh).toContain('premium.tiers.monitored.amont');
  });
});

describe('the baseline with the analyst’s figures', () => {
  const people = [person(M1, '农村易返贫致贫人口', '浉河区', 380), person(D1, '低保对象', '平桥区', 380)];
  const visits = [visit(2, D1, '2024-03-01', 'inpatient', 10000)];
  const roster = { people, visits, region: '信阳', year: 2024 };

  test('without a figure, the 农村易返贫致贫人口 subsidy is reported, not guessed (ruling 8)', () => {
    const run = runProjection(roster);
    const m = run.baseline.people.find((p) => p.person.id === M1)!;
    expect(m.premiumComputed).toBe(false);
    expect(run.baseline.problems.map((p) => [p.personId, p.part])).toEqual([[M1, 'premiumSubsidy']]);
  });

  test('--set 信阳:premium.tiers.monitored.amount=100 → each such person’s subsidy 100.00, and scenarios keep it', () => {
    const engine = baselineEngine({ parameters: setFlagSources(['信阳:premium.tiers.monitored.amount=100']) });
    const run = runProjection({
      ...roster,
      engine,
      scenarios: [
        { name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } },
        { name: 'monitored-120', overrides: { 信阳: { 'premium.tiers.monitored.amount': 120 } } },
      ],
    });
    const subsidy = (p: typeof run.baseline, id: string) => s2(p.people.find((x) => x.person.id === id)!.premiumSubsidy);
    // 信医保办〔2024〕52号 二、一是: the amount for 农村易返贫致贫人口 is delegated to the province;
    // ruling 8: the analyst's figure, 100 (below the premium 380, so ruling 10 does not cap it).
    expect(subsidy(run.baseline, M1)).toBe('100.00');
    // 二、一是: 低保对象 “不低于80元” → 80 (ruling 8).
    expect(subsidy(run.baseline, D1)).toBe('80.00');
    expect(s2(run.baseline.totals.overall.premiumSubsidy)).toBe('180.00'); // 100 + 80
    expect(run.baseline.problems).toEqual([]);
    // 二、二是: 低保 10000 × 70% = 7000.00 (no deductible, under the 3万 cap of 二、四是).
    expect(s2(run.baseline.totals.overall.assistance.total)).toBe('7000.00');
    // The scenario is built on the baseline: 10000 × 75% = 7500.00, and the 100 stays.
    const [dibao75, monitored120] = run.scenarios.map((s) => s.projection);
    expect(s2(dibao75.totals.overall.assistance.total)).toBe('7500.00');
    expect(subsidy(dibao75, M1)).toBe('100.00');
    // A scenario may change the analyst's figure in turn: 120, i.e. +20.00 on the baseline.
    expect(subsidy(monitored120, M1)).toBe('120.00');
    expect(s2(run.comparisons[1].measures['premiumSubsidy.total'].diff)).toBe('20.00');
  });

  test('--params gives the same baseline as --set', () => {
    const engine = baselineEngine({ parameters: [{ source: '--params p.json', overrides: parseParamsJson('{"信阳": {"premium.tiers.monitored.amount": 100}}', '--params p.json') }] });
    expect(s2(runProjection({ ...roster, engine }).baseline.totals.overall.premiumSubsidy)).toBe('180.00');
  });

  test('a later --set wins over --params from its date on', () => {
    const engine = baselineEngine({
      parameters: [
        { source: '--params p.json', overrides: { 信阳: { 'premium.tiers.monitored.amount': 100 } } },
        ...setFlagSources(['信阳:premium.tiers.monitored.amount=90']),
      ],
    });
    expect(s2(runProjection({ ...roster, engine }).baseline.totals.overall.premiumSubsidy)).toBe('170.00'); // 90 + 80
  });
});

test('Shanxi: last year’s income supplied by year (ruling 5) → the 监测对象 deductible and subsidy', () => {
  const S1 = '140105198001010033';
  const input = { people: [person(S1, '监测对象', '小店区', 350)], visits: [visit(2, S1, '2022-03-01', 'inpatient', 10000)], region: '山西', year: 2022 };
  // Without the income the year is not computed: the deductible is a share of it.
  expect(runProjection(input).baseline.problems.map((p) => p.code)).toContain('MISSING_INCOME');
  const engine = baselineEngine({ parameters: setFlagSources(['山西:income.perCapitaDisposable.2021=30000', '山西:income.perCapitaDisposable.2022=32000']) });
  const run = runProjection({ ...input, engine });
  expect(run.baseline.problems).toEqual([]);
  // 答记者问：合理确定住院救助水平: deductible = 10% of the province's 2021 income 30000 = 3000
  // (the 2022 figure is next year's); ratio 70%: (10000 − 3000) × 70% = 4900.00.
  expect(s2(run.baseline.totals.overall.assistance.total)).toBe('4900.00');
  // 答记者问：确保困难群众应保尽保: 易返贫致贫人口 280 a year in 2022–2025 (below the premium 350).
  expect(s2(run.baseline.totals.overall.premiumSubsidy)).toBe('280.00');
});

test('Weihai: the first-tier premium supplied → the 低保对象 subsidy', () => {
  const W1 = '371002197001010044';
  const input = { people: [person(W1, '低保对象', '环翠区')], visits: [], region: '威海', year: 2019 };
  expect(runProjection(input).baseline.problems.map((p) => p.code)).toEqual(['PREMIUM_REQUIRED']);
  const engine = baselineEngine({ parameters: setFlagSources(['威海:premium.tiers.first_tier.amount=250']) });
  // 威医保发〔2019〕25号 二、(一): “按一档缴费标准给予资助” → the first-tier premium given, 250.00.
  expect(s2(runProjection({ ...input, engine }).baseline.totals.overall.premiumSubsidy)).toBe('250.00');
});

describe('--policy FILE: an analyst’s own region', () => {
  const xinyang = BUILTIN_POLICIES.find((p) => p.id === 'xinyang-2024')!;
  const own = {
    ...JSON.parse(JSON.stringify(xinyang)),
    id: 'example-2024',
    region: { ...xinyang.region, id: 'example', names: { zh: '示例市', en: 'Example City' }, aliases: ['示例市', '示例', 'example'] },
  };

  test('the region belongs to the engine it was added to, never the shared default one', () => {
    baselineEngine({ policies: [{ source: '--policy example.json', text: JSON.stringify(own) }] });
    expect(defaultEngine().policyList().map((r) => r.policyId)).not.toContain('example-2024');
    const withoutIt = caught(() => runProjection({ people: [person(D1, '低保对象', '甲县', 380)], visits: [], region: '示例', year: 2024 }));
    expect(withoutIt.code).toBe('UNKNOWN_REGION');
  });

  test('its rules apply with the analyst’s figures on top', () => {
    const engine = baselineEngine({ policies: [{ source: '--policy example.json', text: JSON.stringify(own) }], parameters: setFlagSources(['示例:inpatient.tiers.dibao_returned.ratio=0.8']) });
    const run = runProjection({ people: [person(D1, '低保对象', '甲县', 380)], visits: [visit(2, D1, '2024-03-01', 'inpatient', 10000)], region: '示例', year: 2024, engine });
    expect(run.baseline.policyId).toBe('example-2024');
    // The file copies 信医保办〔2024〕52号 二、二是 (低保 70%, no deductible); --set makes it 80%: 10000 × 80% = 8000.00.
    expect(s2(run.baseline.totals.overall.assistance.total)).toBe('8000.00');
  });

  test('an invalid file names the file and the field; a clash names the file', () => {
    const { categories: _dropped, ...noCategories } = own;
    const bad = caught(() => baselineEngine({ policies: [{ source: '--policy bad.json', text: JSON.stringify(noCategories) }] }));
    expect(bad.code).toBe('INVALID_POLICY');
    expect(bad.zh).toContain('--policy bad.json');
    expect(bad.en).toContain('categories');
    expect(caught(() => baselineEngine({ policies: [{ source: '--policy x.json', text: '{nope' }] })).en).toContain('not valid JSON');
    const clash = caught(() => baselineEngine({ policies: [{ source: '--policy copy.json', data: xinyang }] }));
    expect(clash.code).toBe('DUPLICATE_REGION');
    expect(clash.zh).toContain('--policy copy.json');
  });
});
