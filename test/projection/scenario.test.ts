/** Scenarios: validation naming the field, save/load, side-by-side results, forecast. */
import { isMedaidError } from '../../src/engine';
import { parseScenarioJson, runProjection, runSummary, scenarioJson, validateScenario } from '../../src/projection';
import { person, s2, visit } from './helpers';

const XY = { region: '信阳', year: 2024 };
const DIBAO_75 = { name: 'dibao-75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } };

function errorOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isMedaidError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('validateScenario', () => {
  test.each([
    [{ overrides: {} }, 'name'],
    [{ name: 'baseline', overrides: {} }, 'name'],
    [{ name: 'x', overides: {} }, 'overides'],
    [{ name: 'x', overrides: { 'xinyang-2024': 0.75 } }, 'overrides.xinyang-2024'],
    [{ name: 'x', overrides: { 'xinyang-2024': { 'inpatient.tiers.nope.ratio': 0.75 } } }, 'overrides'],
    [{ name: 'x', overrides: { 火星: { 'tilt.threshold': 1 } } }, 'overrides'],
    [{ name: 'x', overrides: {}, growth: { headcount: 'lots' } }, 'growth.headcount'],
    [{ name: 'x', overrides: {}, growth: { cost: -1.5 } }, 'growth.cost'],
    [{ name: 'x', overrides: {}, growth: { byCategory: { 火星人: { cost: 0.1 } } } }, 'growth.byCategory.火星人'],
    [{ name: 'x', overrides: {}, growth: { byCategory: { 低保对象: { costs: 0.1 } } } }, 'growth.byCategory.低保对象.costs'],
    [{ name: 'x', overrides: {}, funding: { lottery: -5 } }, 'funding.lottery'],
    [{ name: 'x', overrides: {}, funding: { ratio: '1-9' } }, 'funding.ratio'],
    [{ name: 'x', overrides: {}, funding: { bank: 1 } }, 'funding.bank'],
  ])('%j → INVALID_SCENARIO naming %s', (raw, field) => {
    const e = errorOf(() => validateScenario(raw, { file: 's.json' }));
    expect(e.code).toBe('INVALID_SCENARIO');
    expect(e.zh).toContain(`s.json 的字段 ${field} `);
    expect(e.en).toContain(`s.json field ${field} `);
  });

  test('a valid scenario keeps its fields; Chinese category names in growth become ids', () => {
    const s = validateScenario({ ...DIBAO_75, growth: { headcount: '3%', byCategory: { 低保对象: { cost: 0.1 } } }, funding: { lottery: '200万' } });
    expect(s.growth).toEqual({ headcount: '3%', byCategory: { dibao: { cost: 0.1 } } });
    expect(s.funding).toEqual({ lottery: '200万' });
  });
});

describe('scenario files', () => {
  test('save → load gives the same scenario; one file may hold several', () => {
    const a = validateScenario(DIBAO_75);
    const b = validateScenario({ name: 'tilt-10000', overrides: { 信阳: { 'tilt.threshold': 10000 } }, funding: { donations: 5000 } });
    expect(parseScenarioJson(scenarioJson(a))).toEqual([a]);
    expect(parseScenarioJson(scenarioJson([a, b]))).toEqual([a, b]);
  });

  test('bad JSON, a wrong format marker and duplicate names are named', () => {
    expect(errorOf(() => parseScenarioJson('{name:', 'x.json')).zh).toContain('x.json 的字段 (JSON)');
    expect(errorOf(() => parseScenarioJson('{"$format":"other/9","name":"a","overrides":{}}', 'x.json')).en).toContain('field $format');
    expect(errorOf(() => parseScenarioJson(scenarioJson([validateScenario(DIBAO_75), validateScenario(DIBAO_75)]), 'x.json')).en).toContain('same name');
  });

  test('the bundled sample scenario is valid', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const text = require('fs').readFileSync(require('path').join(__dirname, '../../samples/scenario-dibao-75.json'), 'utf8');
    const [s] = parseScenarioJson(text, 'scenario-dibao-75.json');
    expect(s.overrides['xinyang-2024']).toEqual({ 'inpatient.tiers.dibao_returned.ratio': 0.75, 'tilt.threshold': 10000 });
  });
});

describe('baseline and scenarios side by side', () => {
  const people = [person('K1', '低保对象', '浉河区', 380), person('K2', '低保对象', '平桥区', 380), person('K3', '特困人员', '平桥区', 380)];
  const visits = [visit(2, 'K1', '2024-03-01', 'inpatient', 10000), visit(3, 'K2', '2024-04-01', 'inpatient', 1000), visit(4, 'K3', '2024-05-01', 'inpatient', 2000)];

  test('differences, absolute and %, and summary strings', () => {
    const run = runProjection({ ...XY, people, visits, scenarios: [DIBAO_75] });
    // Baseline (二、二是): 低保 70%: 7000 + 700; 特困 90%: 1800 → 9500.00.
    // Scenario: 低保 75%: 7500 + 750; 特困 unchanged 1800 → 10050.00; +550.00 = +5.79 % (550/9500 = 5.789…).
    const d = run.comparisons[0].measures['assistance.total'];
    expect(s2(d.baseline)).toBe('9500.00');
    expect(s2(d.scenario)).toBe('10050.00');
    expect(s2(d.diff)).toBe('550.00');
    expect(d.pct!.toFixed(2)).toBe('5.79');
    // By category: 低保 7700 → 8250 (+7.14 %: 550/7700 = 7.142…); 特困 1800 unchanged.
    expect(run.comparisons[0].measures['assistance.byCategory.dibao'].pct!.toFixed(2)).toBe('7.14');
    expect(run.comparisons[0].measures['assistance.byCategory.tekun'].diff.isZero()).toBe(true);
    const sum = runSummary(run);
    // Premium subsidies (二、一是): 80 + 80 + 380 (特困 full) = 540.00.
    expect(sum.premiumSubsidy.total).toBe('540.00');
    expect(sum.fundNeed).toBe('10040.00');
    expect(sum.assistance.byDistrict).toEqual({ 平桥区: '2500.00', 浉河区: '7000.00' });
    expect(sum.scenarios['dibao-75'].assistance.total).toBe('10050.00');
    expect(sum.scenarios['dibao-75'].diff['assistance.total']).toEqual({ baseline: '9500.00', scenario: '10050.00', diff: '550.00', pct: '5.79' });
    // 1:9 of the whole fiscal need (no sources): 浉河 7080 → 708.00 / 6372.00; 平桥 2960 → 296.00 / 2664.00.
    // 信阳's documents set no split: the 1:9 is labelled the analyst's assumption, not cited as Weihai's (issue 15 item 5).
    expect(sum.split).toEqual({ ratio: '1:9', source: expect.objectContaining({ own: false }), city: '1004.00', district: '9036.00', districts: { 平桥区: { city: '296.00', district: '2664.00' }, 浉河区: { city: '708.00', district: '6372.00' } } });
  });

  test('an invalid scenario stops the run before anything is computed', () => {
    expect(() => runProjection({ ...XY, people, visits, scenarios: [{ name: 'bad', overrides: { 'xinyang-2024': { 'tilt.nothing': 1 } } }] })).toThrow(/overrides/);
  });

  test('forecast (威医保发〔2019〕25号 四、(一) 4): head counts and per-capita amounts moved by growth', () => {
    const run = runProjection({ ...XY, people: people.slice(0, 2), visits: visits.slice(0, 2), growth: { headcount: 0.5, cost: '10%', premium: 0.25 } });
    const [row] = run.baseline.forecast.rows;
    expect(row.category).toBe('dibao');
    // 2 people, assistance 7700.00, subsidies 160.00; per capita 3850.00 and 80.00.
    expect(row.people).toBe(2);
    expect(s2(row.perCapitaAssistance!)).toBe('3850.00');
    // Next year: 2 × 1.5 = 3 people; 7700 × 3/2 × 1.10 = 12705.00; 160 × 3/2 × 1.25 = 300.00; need 13005.00.
    expect(row.nextPeople).toBe(3);
    expect(s2(row.nextAssistance)).toBe('12705.00');
    expect(s2(row.nextPremiumSubsidy)).toBe('300.00');
    expect(s2(row.nextFundNeed)).toBe('13005.00');
    expect(s2(row.nextPerCapitaAssistance!)).toBe('4235.00');
  });

  test('forecast with zero growth repeats this year exactly', () => {
    const run = runProjection({ ...XY, people, visits });
    expect(s2(run.baseline.forecast.total.nextFundNeed)).toBe(s2(run.baseline.totals.overall.fundNeed));
  });

  test('a scenario’s own growth and funding replace the baseline’s', () => {
    const run = runProjection({ ...XY, people, visits, funding: { donations: 100 }, growth: { headcount: 0.5 }, scenarios: [{ name: 'more-money', overrides: {}, funding: { donations: 1040 }, growth: { headcount: 0 } }] });
    expect(s2(run.baseline.funding.donations)).toBe('100.00');
    const sc = run.scenarios[0].projection;
    expect(s2(sc.funding.donations)).toBe('1040.00');
    expect(s2(sc.funding.fiscal)).toBe('9000.00'); // 10040 − 1040
    expect(sc.forecast.total.nextPeople).toBe(3);
  });
});
