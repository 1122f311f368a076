/**
 * Adding a region is adding a data file: test/fixtures/policies/demo-county-2025.json (a
 * made-up county, the Xiping rules with other values) is loaded at run time with
 * engine.addPolicy and computed by its aliases, with no code change. Malformed files are
 * refused with INVALID_POLICY naming the field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Engine, defaultEngine, fmt } from '../../src/engine';
import type { PolicyFile } from '../../src/engine';
import { expectError } from './helpers';

const FIXTURE = path.join(__dirname, '../fixtures/policies/demo-county-2025.json');
const demo = (): PolicyFile => JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as PolicyFile;
const DOC = '示医保〔2025〕1号';

/** A fresh engine with the built-in regions plus the demo county (the shared default engine is left alone). */
function withDemo(): Engine {
  const e = new Engine();
  e.addPolicy(demo(), 'demo-county-2025.json');
  return e;
}

describe('a region from a data file', () => {
  const e = withDemo();

  test.each([
    // [categories, cost, expected, hand computation — clause of the made-up document]
    ['特困人员', 10000, '9500.00', '10000 × 95% — 三、(一)'],
    ['低保对象', 10000, '7500.00', '10000 × 75% — 三、(一)'],
    ['低保', 60000, '40000.00', '60000 × 75% = 45000 → cap 40000 — 三、(三)'],
    ['低保边缘家庭成员', 10000, '4200.00', 'deductible 20000 (2024 income) × 15% = 3000; 7000 × 60% — 三、(一)'],
    ['因病致贫重病患者', 10000, '1200.00', '(10000 − 8000) × 60% — 三、(一)'],
  ])('inpatient %s %d → %s (%s)', (categories, cost, expected) => {
    const r = e.inpatient({ cost, categories, region: '示范县' });
    expect(fmt(r.value)).toBe(expected);
    expect(r.explanation.params.every((p) => p.citation.startsWith(DOC))).toBe(true);
    expect(r.explanation.policyId).toBe('demo-county-2025');
  });

  test.each(['示范县', '示范', 'demo', 'Demo County', 'demo-county'])('found by alias %s', (region) => {
    // 10000 × 75% = 7500 (三、(一))
    expect(fmt(e.inpatient({ cost: 10000, categories: '低保', region }).value)).toBe('7500.00');
  });

  test('every rule family works from data alone', () => {
    expect(fmt(e.outpatient({ cost: 1000, categories: '低保', region: 'demo' }).value)).toBe('550.00'); // 1000 × 55% (三、(二))
    expect(fmt(e.outpatient({ cost: 1000, categories: '低保边缘', region: 'demo', kind: '慢特病' }).value)).toBe('350.00'); // 1000 × 35%
    // 60000 × 75% → 40000; (60000 − 40000 − 15000) × 50% = 2500 (三、(四)) → 42500
    expect(fmt(e.annual({ inpatientCost: 60000, outpatientCost: 0, categories: '低保', region: 'demo', referred: true }).value)).toBe('42500.00');
    expect(fmt(e.premiumSubsidy({ categories: '特困', region: 'demo' }).value)).toBe('400.00'); // full: the 400 premium (二、)
    expect(fmt(e.premiumSubsidy({ categories: '低保', region: 'demo' }).value)).toBe('100.00'); // fixed 100 (二、)
    expect(fmt(e.premiumSubsidy({ categories: '低保', region: 'demo', premium: 80 }).value)).toBe('80.00'); // min(100, 80) (ruling 10)
    expect(fmt(e.outOfCatalogueLimit({ totalCost: 100000, hospitalLevel: '基层', region: 'demo' }).value)).toBe('3000.00'); // 3% (四、)
    expect(fmt(e.outOfCatalogueLimit({ totalCost: 100000, hospitalLevel: '三级定点医疗机构', region: 'demo' }).value)).toBe('12000.00'); // 12%
    expect(e.monitorAlert({ outOfPocket: 12000, region: 'demo' }).value).toBe(false); // 60% × 20000 = 12000, not above (五、)
    expect(e.monitorAlert({ outOfPocket: 12000.01, region: 'demo' }).value).toBe(true);
  });

  test('year omitted = 2025; an earlier year has no edition', () => {
    expect(e.inpatient({ cost: 1, categories: '低保', region: 'demo' }).explanation.year).toBe(2025);
    expectError(() => e.inpatient({ cost: 1, categories: '低保', region: 'demo', year: 2024 }), 'UNKNOWN_YEAR', ['2024']);
  });

  test('a category the county does not list is an error naming it', () => {
    expectError(() => e.inpatient({ cost: 1, categories: '返贫致贫人口', region: 'demo' }), 'CATEGORY_NOT_IN_POLICY', ['返贫致贫人口']);
  });

  test('it is listed, and the other engines do not know it', () => {
    expect(e.policyList().map((r) => r.policyId)).toContain('demo-county-2025');
    expectError(() => defaultEngine().inpatient({ cost: 1, categories: '低保', region: '示范县' }), 'UNKNOWN_REGION', ['示范县']);
  });

  test('the same edition twice is refused', () => {
    expectError(() => e.addPolicy(demo(), 'again.json'), 'DUPLICATE_REGION', ['demo-county-2025']);
  });

  test('a scenario on the added region keeps it and changes only the target', () => {
    const s = e.withOverrides({ 示范县: { 'inpatient.tiers.dibao.ratio': 0.8 } });
    expect(fmt(s.inpatient({ cost: 10000, categories: '低保', region: 'demo' }).value)).toBe('8000.00'); // 10000 × 80%
    expect(fmt(e.inpatient({ cost: 10000, categories: '低保', region: 'demo' }).value)).toBe('7500.00'); // unchanged
  });
});

describe('malformed region files → INVALID_POLICY naming the field', () => {
  const broken = (change: (p: PolicyFile & Record<string, unknown>) => void): PolicyFile => {
    const p = demo() as PolicyFile & Record<string, unknown>;
    change(p);
    return p;
  };
  const tiers = (p: PolicyFile) => p.inpatient!.tiers;
  const cases: [string, (p: PolicyFile & Record<string, unknown>) => void, string[]][] = [
    ['a parameter without its citation', (p) => delete (tiers(p).dibao.ratio as unknown as Record<string, unknown>).ref, ['inpatient.tiers.dibao.ratio']],
    ['a citation list that is empty', (p) => (tiers(p).dibao.cap!.ref = []), ['inpatient.tiers.dibao.cap.ref']],
    ['an unknown category id', (p) => (p.categories as string[]).push('veteran'), ['categories.4']],
    ['an unknown category id in a tier', (p) => (tiers(p).dibao.categories as string[]).push('veteran'), ['inpatient.tiers.dibao.categories.1']],
    ['a ratio of 1.5', (p) => (tiers(p).tekun.ratio!.values['2025-01-01'] = 1.5), ['inpatient.tiers.tekun.ratio']],
    ['a negative amount', (p) => (tiers(p).tekun.cap!.values['2025-01-01'] = -1), ['inpatient.tiers.tekun.cap']],
    ['text where an amount belongs', (p) => ((tiers(p).tekun.cap!.values as Record<string, unknown>)['2025-01-01'] = '4万'), ['inpatient.tiers.tekun.cap']],
    ['a reference to a document not listed', (p) => (tiers(p).dibao.ratio!.ref[0].doc = 'NOPE'), ['inpatient.tiers.dibao.ratio', 'NOPE']],
    ['a tier overlapping another (dibao twice)', (p) => (tiers(p).tekun.categories as string[]).push('dibao'), ['inpatient.tiers.dibao', 'dibao']],
    ['a tier category the file does not list', (p) => (tiers(p).dibao.categories as string[]).push('orphan'), ['inpatient.tiers.dibao', 'orphan']],
    ['a tier with neither ratio nor brackets', (p) => delete tiers(p).dibao.ratio, ['inpatient.tiers.dibao']],
    ['a bad date key', (p) => ((tiers(p).dibao.ratio!.values as Record<string, unknown>)['2025-13-01'] = 0.7), ['inpatient.tiers.dibao.ratio.values']],
    ['an unknown field', (p) => ((p.inpatient as unknown as Record<string, unknown>).colour = 'blue'), ['inpatient', 'colour']],
    ['a main outpatient scheme that does not exist', (p) => (p.outpatient!.main = 'nine_diseases'), ['outpatient.main', 'nine_diseases']],
    ['a fixed premium without its amount', (p) => delete p.premium!.tiers.fixed.amount, ['premium.tiers.fixed']],
    ['no region', (p) => delete (p as Record<string, unknown>).region, ['region']],
  ];
  test.each(cases)('%s', (_name, change, fields) => {
    expectError(() => new Engine().addPolicy(broken(change), 'broken.json'), 'INVALID_POLICY', ['broken.json', ...fields]);
  });

  test('not JSON-shaped at all', () => {
    expectError(() => new Engine().addPolicy(null, 'empty.json'), 'INVALID_POLICY', ['empty.json']);
    expectError(() => new Engine().addPolicy('信阳', 'text.json'), 'INVALID_POLICY', ['text.json']);
  });
});
