/**
 * Scenario overrides (engine.withOverrides): a new engine in which exactly the targeted
 * parameters change, marked as the analyst's in every explanation; invalid overrides are
 * refused with INVALID_OVERRIDE before anything changes; the base engine never changes.
 */
import { BUILTIN_POLICIES, defaultEngine, explanationTable, fmt } from '../../src/engine';
import type { Engine, Overrides } from '../../src/engine';
import { expectError } from './helpers';

const R = '信阳';
const base = () => defaultEngine();

/** A fingerprint of the base engine's answers, to show nothing moved. */
function fingerprint(e: Engine): string[] {
  return [
    fmt(e.inpatient({ cost: 10000, categories: '低保', region: R }).value), // 10000 × 70% = 7000 (信医保办〔2024〕52号 二、二是)
    fmt(e.inpatient({ cost: 10000, categories: '低保边缘', region: R }).value), // (10000 − 2400) × 65% = 4940
    fmt(e.outpatient({ cost: 1000, categories: '低保', region: R }).value), // 1000 × 50% = 500 (二、三是)
    fmt(e.premiumSubsidy({ categories: '低保', region: R }).value), // 80 (二、一是)
    fmt(e.inpatient({ cost: 10000, categories: '低保', region: '西平' }).value), // 7000 (西平 四、(三) 1.)
  ];
}
const BASE_ANSWERS = ['7000.00', '4940.00', '500.00', '80.00', '7000.00'];

describe('a valid override changes exactly its parameter', () => {
  const scenario = base().withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } });

  test('the target moves, nothing else does', () => {
    // 10000 × 75% = 7500 instead of 7000; the other answers stay as in the document
    expect(fingerprint(scenario)).toEqual(['7500.00', '4940.00', '500.00', '80.00', '7000.00']);
    expect(fmt(scenario.inpatient({ cost: 10000, categories: '返贫致贫人口', region: R }).value)).toBe('7500.00'); // same tier
    expect(fmt(scenario.inpatient({ cost: 10000, categories: '特困', region: R }).value)).toBe('9000.00'); // other tier: 90%
  });

  test('the explanation marks it as an analyst override, and only it', () => {
    const r = scenario.inpatient({ cost: 10000, categories: '低保', region: R });
    const ratio = r.explanation.params.find((p) => p.path === 'inpatient.tiers.dibao_returned.ratio')!;
    expect(ratio).toMatchObject({ value: '0.75', overridden: true });
    expect(r.explanation.params.filter((p) => p.overridden).map((p) => p.path)).toEqual(['inpatient.tiers.dibao_returned.ratio']);
    const zh = explanationTable(r.explanation, 'zh').flat().join('|');
    const en = explanationTable(r.explanation, 'en').flat().join('|');
    expect(zh).toContain('分析人员调整');
    expect(en).toContain('analyst override');
    expect(explanationTable(base().inpatient({ cost: 10000, categories: '低保', region: R }).explanation, 'en').flat().join('|')).not.toContain('analyst override');
  });

  test('the base engine is unchanged after creating scenarios', () => {
    const before = JSON.stringify(BUILTIN_POLICIES);
    base().withOverrides({ 信阳: { 'inpatient.tiers.dibao_returned.ratio': 0.9, 'tilt.cap': 20000 }, 西平: { 'income.perCapitaDisposable': { '2022': 23000 } } });
    expect(fingerprint(base())).toEqual(BASE_ANSWERS);
    expect(JSON.stringify(BUILTIN_POLICIES)).toBe(before);
    expect(base().inpatient({ cost: 10000, categories: '低保', region: R }).explanation.params.some((p) => p.overridden)).toBe(false);
  });

  test('a region alias targets every edition of the region', () => {
    expect(fmt(base().withOverrides({ 信阳市: { 'inpatient.tiers.dibao_returned.cap': 20000 } }).inpatient({ cost: 40000, categories: '低保', region: R }).value)).toBe('20000.00'); // 28000 → cap 20000
  });

  test('a dated override holds from its year on and keeps the earlier years', () => {
    const s = base().withOverrides({ 信阳: { 'inpatient.tiers.dibao_returned.ratio': { '2025': 0.75 } } });
    expect(fmt(s.inpatient({ cost: 10000, categories: '低保', region: R, year: 2024 }).value)).toBe('7000.00'); // 2024: the document's 70%
    expect(fmt(s.inpatient({ cost: 10000, categories: '低保', region: R, year: 2025 }).value)).toBe('7500.00'); // 2025: 75%
  });

  test('a dated override replaces a published value from its year on (西平 2200 → 2500 from 2022)', () => {
    const s = base().withOverrides({ 西平: { 'inpatient.tiers.edge_monitored.deductible': { '2022': 2500 } } });
    expect(fmt(s.inpatient({ cost: 10000, categories: '低保边缘', region: '西平', year: 2022 }).value)).toBe('4875.00'); // (10000 − 2500) × 65%
  });

  test('a parameter the document leaves out can be supplied (Shanxi 返贫致贫 cap)', () => {
    const s = base().withOverrides({ 山西: { 'inpatient.tiers.returned.cap': 50000 } });
    const r = s.inpatient({ cost: 100000, categories: '返贫致贫人口', region: '山西' });
    expect(fmt(r.value)).toBe('50000.00'); // 70000 → the analyst's cap 50000
    expect(r.explanation.params.find((p) => p.path === 'inpatient.tiers.returned.cap')).toMatchObject({ overridden: true });
  });

  test("the supplied income is noted as the analyst's in the parameter it feeds", () => {
    const s = base().withOverrides({ 西平: { 'income.perCapitaDisposable': { '2022': 23000 } } });
    const d = s.inpatient({ cost: 10000, categories: '低保边缘', region: '西平', year: 2023 }).explanation.params.find((p) => p.path.endsWith('.deductible'))!;
    expect(d.value).toBe('2300.00'); // 23000 × 10%
    expect(d.note).toContain('(analyst)');
  });
});

describe('invalid overrides → INVALID_OVERRIDE, before anything changes', () => {
  const bad: [string, Overrides, string][] = [
    ['unknown region', { 火星: { 'inpatient.tiers.dibao_returned.ratio': 0.5 } }, '火星'],
    ['unknown tier in the path', { [R]: { 'inpatient.tiers.nope.ratio': 0.5 } }, 'inpatient.tiers.nope.ratio'],
    ['unknown parameter name', { [R]: { 'inpatient.tiers.dibao_returned.colour': 0.5 } }, 'inpatient.tiers.dibao_returned.colour'],
    ['a path that is not a parameter', { [R]: { 'inpatient.names.zh': 'x' } }, 'inpatient.names.zh'],
    ['a one-segment path', { [R]: { inpatient: 0.5 } }, 'inpatient'],
    ['a ratio above 1', { [R]: { 'inpatient.tiers.dibao_returned.ratio': 1.5 } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['a negative ratio', { [R]: { 'inpatient.tiers.dibao_returned.ratio': -0.1 } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['text for a ratio', { [R]: { 'inpatient.tiers.dibao_returned.ratio': 'abc' } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['"a:b" text for a ratio', { [R]: { 'inpatient.tiers.dibao_returned.ratio': '1:2' } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['brackets for a ratio', { [R]: { 'inpatient.tiers.dibao_returned.ratio': [{ threshold: 0, rate: 0.5 }] } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['yes/no for a ratio', { [R]: { 'inpatient.tiers.dibao_returned.ratio': true } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['a number for a yes/no setting', { 山西: { 'tilt.delegated': 0 } }, 'tilt.delegated'],
    ['an empty dated value', { [R]: { 'inpatient.tiers.dibao_returned.ratio': {} } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['a bad date', { [R]: { 'inpatient.tiers.dibao_returned.ratio': { '20x5': 0.5 } } }, '20x5'],
    ['null', { [R]: { 'inpatient.tiers.dibao_returned.ratio': null as never } }, 'inpatient.tiers.dibao_returned.ratio'],
    ['__proto__ path', { [R]: { '__proto__.polluted': 1 } }, '__proto__.polluted'],
    ['constructor.prototype path', { [R]: { 'constructor.prototype.polluted': 1 } }, 'constructor.prototype.polluted'],
    ['__proto__ inside a path', { [R]: { 'inpatient.__proto__.polluted': 1 } }, 'inpatient.__proto__.polluted'],
    ['__proto__ as a date', { [R]: { 'inpatient.tiers.dibao_returned.ratio': JSON.parse('{"__proto__": 0.5}') } }, '__proto__'],
    ['__proto__ as the region key', JSON.parse('{"__proto__": {"inpatient.tiers.dibao_returned.ratio": 0.5}}'), '__proto__'],
  ];

  test.each(bad)('%s', (_name, overrides, named) => {
    expectError(() => base().withOverrides(overrides), 'INVALID_OVERRIDE', [named]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(fingerprint(base())).toEqual(BASE_ANSWERS);
  });

  test('one bad change in a batch refuses the whole batch', () => {
    expectError(
      () => base().withOverrides({ [R]: { 'inpatient.tiers.dibao_returned.ratio': 0.75, 'inpatient.tiers.tekun_orphan.ratio': 2 } }),
      'INVALID_OVERRIDE',
      ['inpatient.tiers.tekun_orphan.ratio'],
    );
    expect(fingerprint(base())).toEqual(BASE_ANSWERS);
  });
});
