/**
 * The three-year plan (src/projection/multiYear.ts) and its range (bootstrap.ts) on a
 * two-person 信阳 roster, every figure worked by hand from 信医保办〔2024〕52号:
 *   二、二是 住院救助: 低保对象 70 %, no deductible; 低保边缘家庭成员 65 % above 2400;
 *   二、四是 救助限额: 3万 (低保) / 1万 (低保边缘); 二、一是 资助参保: 低保 80 (ruling 8), 边缘 none.
 * A dated change (an analyst's): 低保 ratio 75 % from 2026. Cost growth 10 % a year; head count
 * of 低保边缘 +50 % a year, of everyone else 0.
 */
import { defaultEngine } from '../../src/engine';
import { carriedForward, projectYears, scaleFen } from '../../src/projection/multiYear';
import { bootstrapRange, drawTotals, nearestRank } from '../../src/projection/bootstrap';
import { SeededRandom } from '../../src/projection/seededRandom';
import { person, s2, visit } from './helpers';

const A = '411502198001010011';
const B = '411502196001010022';
const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3)];
const visits = [visit(2, A, '2024-03-01', 'inpatient', '10000.05'), visit(3, B, '2024-05-01', 'inpatient', 20000)];
const engine = defaultEngine().withOverrides({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': { '2026': 0.75 } } });
const input = {
  people, visits, region: '信阳', year: 2024, engine,
  growth: { cost: '10%', byCategory: { dibao_edge: { headcount: 0.5 } } },
};

describe('projectYears: two people, three years, a dated change', () => {
  const plan = projectYears(input);

  test('the base year equals the projection: 7000.04 + 80 + 10000 = 17080.04', () => {
    // A: 10000.05 × 70 % = 7000.035 → 7000.04 (ruling 1); B: (20000 − 2400) × 65 % = 11440 → cap 10000.
    expect(s2(plan.base.total.fundNeed)).toBe('17080.04');
    expect(s2(plan.base.total.premiumSubsidy)).toBe('80.00');
  });

  test.each([
    // year, A's grown cost → A's assistance, people of 低保边缘 (×1.5^k, half-up), total need
    [2025, '7700.04', 2, '27780.04'], // 10000.05 × 1.1 = 11000.055 → 11000.06; × 70 % = 7700.042 → 7700.04; B: 22000 → cap 10000 × 2 people
    [2026, '9075.05', 2, '29155.05'], // × 1.21 = 12100.0605 → 12100.06; × 75 % (from 2026) = 9075.045 → 9075.05; 1.5² = 2.25 → 2 people
    [2027, '9982.55', 3, '40062.55'], // × 1.331 = 13310.066… → 13310.07; × 75 % = 9982.5525 → 9982.55; 1.5³ = 3.375 → 3 people
  ])('%i: A %s, 低保边缘 %i people, need %s', (year, aAssist, edgePeople, total) => {
    const y = plan.years.find((x) => x.year === year)!;
    expect(s2(y.byCategory.dibao!.assistance)).toBe(aAssist);
    expect(s2(y.byCategory.dibao!.fundNeed)).toBe((Number(aAssist) + 80).toFixed(2));
    expect(y.byCategory.dibao_edge!.people).toBe(edgePeople);
    expect(s2(y.byCategory.dibao_edge!.fundNeed)).toBe((10000 * edgePeople).toFixed(2));
    expect(s2(y.total.fundNeed)).toBe(total);
    expect(y.notComputed.people).toBe(0);
  });

  test('totals reconcile: by category = by district = overall = funding need, and the 1:9 split adds up', () => {
    for (const y of [plan.base, ...plan.years]) {
      const byCat = Object.values(y.byCategory).reduce((s, b) => s + Math.round(Number(b!.fundNeed) * 100), 0);
      const byDist = Object.values(y.byDistrict).reduce((s, b) => s + Math.round(Number(b.fundNeed) * 100), 0);
      expect(byCat).toBe(Math.round(Number(y.total.fundNeed) * 100));
      expect(byDist).toBe(byCat);
      expect(s2(y.funding.need)).toBe(s2(y.total.fundNeed));
      expect(s2(y.funding.city.plus(y.funding.districtTotal))).toBe(s2(y.funding.fiscal));
    }
    // 2027, 威海 四、(一) 3 / ruling 11 (1:9 by default): 浉河区 10062.55 → city 1006.26 (1006.255 half-up), district 9056.29.
    const d = plan.years[2].funding.districts['浉河区'];
    expect([s2(d.city), s2(d.district)]).toEqual(['1006.26', '9056.29']);
  });

  test('values carried forward past the edition year are listed; a value dated through the year is not', () => {
    const y2025 = plan.years[0].carriedForward.map((c) => c.path);
    expect(y2025).toContain('inpatient.tiers.edge_monitored.cap');
    expect(y2025).not.toContain('inpatient.tiers.dibao_returned.ratio'); // the 2026 change dates it
    expect(plan.years[2].carriedForward).toContainEqual({ path: 'inpatient.tiers.dibao_returned.ratio', from: '2026-01-01' });
    expect(plan.base.carriedForward).toEqual([]);
    // Shanxi's 280 is fixed for 2022–2025 (答记者问：确保困难群众应保尽保): 2025 is stated, so not carried.
    const sx = defaultEngine().resolve('山西', 2025).policy;
    expect(carriedForward(sx, 2025).map((c) => c.path)).not.toContain('premium.tiers.monitored.amount');
  });

  test('a value that ends (Shanxi 280 until 2025) is not computed in 2026: counted and reported, never zero', () => {
    const sxPeople = [person('140105199001010015', '易返贫致贫人口', '小店区', 380, 2)];
    const p = projectYears({ people: sxPeople, visits: [], region: '山西', year: 2025, years: 1 });
    expect(s2(p.base.total.premiumSubsidy)).toBe('280.00');
    expect(p.years[0].notComputed.people).toBe(1);
    expect(p.years[0].notComputed.messages[0].zh).toMatch(/资助/);
  });

  test('income thresholds follow the income-growth assumption (ruling 5)', () => {
    // 山西 答记者问：合理确定住院救助水平: 低保边缘 deductible 10 % of last year's income, 60 %.
    // Income 2021 = 30000 (analyst): 2022 deductible 3000 → (10000 − 3000) × 60 % = 4200.
    // 2023 needs 2022's income = 30000 × 1.05 = 31500 (extrapolated) → 3150 → (10000 − 3150) × 60 % = 4110.
    const sx = defaultEngine().withOverrides({ 山西: { 'income.perCapitaDisposable': { '2021': 30000 } } });
    const id = '140105199001010015';
    const p = projectYears({ people: [person(id, '低保边缘家庭成员', '小店区', 380, 2)], visits: [visit(2, id, '2022-04-01', 'inpatient', 10000)], region: '山西', year: 2022, years: 1, engine: sx, incomeGrowth: '5%' });
    expect(s2(p.base.total.assistance)).toBe('4200.00');
    expect(p.years[0].income).toMatchObject({ year: 2022, origin: 'extrapolated', fromYear: 2021 });
    expect(s2(p.years[0].income!.value)).toBe('31500.00');
    expect(s2(p.years[0].total.assistance)).toBe('4110.00');
    // Without the analyst's figure there is nothing to grow from: the person is reported, not zeroed.
    const none = projectYears({ people: [person(id, '低保边缘家庭成员', '小店区', 380, 2)], visits: [visit(2, id, '2022-04-01', 'inpatient', 10000)], region: '山西', year: 2022, years: 1 });
    expect(none.years[0].notComputed.people).toBe(1);
    expect(none.years[0].notComputed.messages[0].en).toMatch(/income/);
  });

  test('bad input: years, growth below −100 %', () => {
    expect(() => projectYears({ ...input, years: 40 })).toThrow(/1 到 10[\s\S]*1 to 10/);
    expect(() => projectYears({ ...input, years: 0 })).toThrow(/INVALID_BUDGET_INPUT|years/);
    expect(() => projectYears({ ...input, growth: { cost: '-100%' } })).toThrow(/-100%/);
  });
});

describe('bootstrapRange', () => {
  const plan = projectYears(input);

  test('the identity draw gives the point plan', () => {
    const t = drawTotals(plan);
    plan.years.forEach((y, i) => expect((Number(t[i].total) / 100).toFixed(2)).toBe(s2(y.total.fundNeed)));
  });

  test('every percentile is one of the four possible two-person draws, worked by hand (2025)', () => {
    // AA: 2 × 7780.04 = 15560.08; AB/BA: 27780.04; BB: 低保边缘 cell 20000 × 2 people / 1 = 40000.
    const r = bootstrapRange(plan, { draws: 200, seed: 7 });
    const y = r.years[0];
    for (const q of ['p10', 'p50', 'p90'] as const) expect(['15560.08', '27780.04', '40000.00']).toContain(s2(y.fundNeed[q]));
    expect(y.fundNeed.p10.lessThanOrEqualTo(y.fundNeed.p50) && y.fundNeed.p50.lessThanOrEqualTo(y.fundNeed.p90)).toBe(true);
    expect(r.covers.zh).toMatch(/不包括/);
  });

  test('reproducible from its seed; another seed draws differently', () => {
    const big = projectYears({ ...input, people: [...people, person('411502197001010033', '特困人员', '息县', 380, 4)], visits: [...visits, visit(4, '411502197001010033', '2024-06-01', 'inpatient', 5000)] });
    const a = bootstrapRange(big, { draws: 301, seed: 42 });
    const b = bootstrapRange(big, { draws: 301, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const r = new SeededRandom(42);
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    const again = new SeededRandom(42);
    expect([again.nextUint32(), again.nextUint32(), again.nextUint32()]).toEqual(first);
    expect(new SeededRandom(43).nextUint32()).not.toBe(first[0]);
  });

  test('below(n) is uniform enough and in range', () => {
    const r = new SeededRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.below(3)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400); // ±4σ
  });

  test('nearest rank and exact scaling', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(scaleFen(5n, 1, 2)).toBe(3n); // 2.5 fen → 3 (half-up)
    expect(scaleFen(10n ** 17n, 3, 7)).toBe(42857142857142857n); // beyond 2^53, exact
    expect(() => bootstrapRange(plan, { draws: 0 })).toThrow(/draws/);
    expect(() => bootstrapRange(plan, { seed: -1 })).toThrow(/seed/);
  });
});
