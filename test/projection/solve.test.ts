/**
 * The budget solver (src/projection/solve.ts) on a two-person 信阳 2024 roster, answers worked
 * by hand from 信医保办〔2024〕52号:
 *   A 低保对象, inpatient 10000: 二、二是 70 %, no deductible → 7000; 二、一是 subsidy 80 (ruling 8).
 *   B 低保边缘家庭成员, inpatient 20000: 二、二是 (20000 − 2400) × 65 % = 11440 → 二、四是 cap 10000.
 * Baseline need 7000 + 80 + 10000 = 17080.
 */
import { defaultEngine } from '../../src/engine';
import { project } from '../../src/projection';
import { expandPaths, solveBudget } from '../../src/projection/solve';
import { person, s2, visit } from './helpers';
import { caught } from '../hardening/expectations';

const A = '411502198001010011';
const B = '411502196001010022';
const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3)];
const visits = [visit(2, A, '2024-03-01', 'inpatient', 10000), visit(3, B, '2024-05-01', 'inpatient', 20000)];
const input = { people, visits, region: '信阳', year: 2024 };
const RATIO = 'inpatient.tiers.dibao_returned.ratio';

describe('solveBudget, worked by hand', () => {
  test('低保 ratio to a 17580 ceiling: 10000 r + 80 + 10000 ≤ 17580 → r = 0.75 exactly', () => {
    const r = solveBudget({ ...input, paths: [RATIO], ceiling: 17580 });
    expect(r.fitted.value.toString()).toBe('0.75');
    expect(s2(r.fitted.total)).toBe('17580.00');
    expect(r.beyond!.value.toString()).toBe('0.7501'); // one step (0.0001) further
    expect(s2(r.beyond!.total)).toBe('17581.00');
    expect(s2(r.current.total)).toBe('17080.00');
    expect(r.parameters[0]).toMatchObject({ path: RATIO });
    expect(r.parameters[0].citation).toContain('二、二是 住院救助');
    expect(r.parameters[0].current!.toString()).toBe('0.7');
    expect(r.binding).toBe(true);
    expect(r.evaluations).toBeLessThanOrEqual(20); // bisection on 10^4 steps
  });

  test('a ceiling between grid points: 17584.99 → r = 0.7504 (17584.00), 0.7505 would be 17585.00', () => {
    const r = solveBudget({ ...input, paths: [RATIO], ceiling: '17584.99' });
    expect(r.fitted.value.toString()).toBe('0.7504');
    expect(s2(r.fitted.total)).toBe('17584.00');
    expect(s2(r.beyond!.total)).toBe('17585.00');
  });

  test('低保边缘 deductible (need falls as it rises) to 16080, with the fen rounding of ruling 1', () => {
    // B ≤ 9000: (20000 − d) × 0.65 ≤ 9000. d = 6153.84 → 13846.16 × 0.65 = 9000.004 → 9000.00 (fits);
    // d = 6153.83 → 13846.17 × 0.65 = 9000.0105 → 9000.01 (breaks). Smallest fitting d: 6153.84.
    const r = solveBudget({ ...input, paths: ['inpatient.tiers.edge_monitored.deductible'], ceiling: 16080, max: 20000 });
    expect(r.direction).toBe('decreasing');
    expect(r.fitted.value.toFixed(2)).toBe('6153.84');
    expect(s2(r.fitted.total)).toBe('16080.00');
    expect(r.beyond!.value.toFixed(2)).toBe('6153.83');
    expect(s2(r.beyond!.total)).toBe('16080.01');
  });

  test('a district ceiling: 浉河区 ≤ 5080 with the 低保 cap → cap 5000.00 (5000.01 breaks)', () => {
    // 二、四是 cap on A: min(7000, cap) + 80 ≤ 5080.
    const r = solveBudget({ ...input, paths: ['inpatient.tiers.dibao_returned.cap'], districtCeilings: { 浉河区: 5080 }, max: 30000 });
    expect(r.fitted.value.toFixed(2)).toBe('5000.00');
    expect(s2(r.fitted.byDistrict['浉河区'])).toBe('5080.00');
    expect(s2(r.fitted.total)).toBe('15080.00');
    expect(s2(r.beyond!.byDistrict['浉河区'])).toBe('5080.01');
  });

  test('the fitted scenario runs like any other: project() with it gives the fitted need', () => {
    const r = solveBudget({ ...input, paths: [RATIO], ceiling: '17584.99' });
    const p = project(input, r.scenario);
    expect(s2(p.totals.overall.fundNeed)).toBe(s2(r.fitted.total));
    expect(r.scenario.overrides['xinyang-2024'][RATIO]).toBe(0.7504);
  });

  test('a ceiling the whole range meets is reported as not binding (the maximum)', () => {
    const r = solveBudget({ ...input, paths: [RATIO], ceiling: 1e6 });
    expect(r.binding).toBe(false);
    expect(r.fitted.value.toString()).toBe('1');
    expect(s2(r.fitted.total)).toBe('20080.00'); // 10000 × 100 % + 80 + 10000
  });

  test('chosen categories: inpatient.tiers.*.ratio for 低保对象 and 低保边缘 is two tiers set together', () => {
    const policy = defaultEngine().resolve('信阳', 2024).policy;
    expect(expandPaths(policy, ['inpatient.tiers.*.ratio'], ['dibao', 'dibao_edge'])).toEqual([RATIO, 'inpatient.tiers.edge_monitored.ratio']);
    // Both ratios r: A 10000 r; B min((20000 − 2400) r, 10000). 17580 − 80 = 17500: r ≥ 10000/17600 ≈ 0.568 keeps B at the cap,
    // so 10000 r + 10000 ≤ 17500 → r = 0.75 (B: 17600 × 0.75 = 13200 → cap 10000).
    const r = solveBudget({ ...input, paths: ['inpatient.tiers.*.ratio'], categories: '低保对象;低保边缘家庭成员', ceiling: 17580 });
    expect(r.parameters.map((p) => p.path)).toEqual([RATIO, 'inpatient.tiers.edge_monitored.ratio']);
    expect(r.fitted.value.toString()).toBe('0.75');
  });
});

describe('solveBudget, bad input: specific and bilingual', () => {
  test.each([
    [{ paths: [RATIO], ceiling: 10000 }, 'BUDGET_NO_FIT', /10080\.00/], // even r = 0: 0 + 80 + 10000 = 10080 > 10000
    [{ paths: ['inpatient.tiers.nope.ratio'], ceiling: 1 }, 'INVALID_BUDGET_INPUT', /no such parameter/],
    [{ paths: ['inpatient.names'], ceiling: 1 }, 'INVALID_BUDGET_INPUT', /not a number parameter/],
    [{ paths: [RATIO] }, 'INVALID_BUDGET_INPUT', /ceiling/],
    [{ paths: [RATIO], ceiling: 1, max: 1.5 }, 'INVALID_BUDGET_INPUT', /between 0 and 1/],
    [{ paths: [RATIO], ceiling: 1, min: '0.12345' }, 'INVALID_BUDGET_INPUT', /step 0.0001/],
    [{ paths: [RATIO], districtCeilings: { 不存在区: 1 } }, 'INVALID_BUDGET_INPUT', /no such district/],
    [{ paths: [RATIO, 'inpatient.tiers.dibao_returned.cap'], ceiling: 1 }, 'INVALID_BUDGET_INPUT', /share unit and direction/],
  ])('%j → %s', (extra, code, en) => {
    const e = caught(() => solveBudget({ ...input, ...extra } as never));
    expect(e.code).toBe(code);
    expect(e.en).toMatch(en);
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('bisection equals brute force on every grid point of a narrow range', () => {
  const three = [...people, person('411502197001010033', '特困人员', '息县', 380, 4)];
  const vs = [...visits, visit(4, '411502197001010033', '2024-06-01', 'inpatient', 3333.33), visit(5, A, '2024-07-01', 'inpatient', 777.77)];
  const engine = defaultEngine();
  const needAt = (path: string, v: number) => project({ people: three, visits: vs, region: '信阳', year: 2024 }, { name: 'x', overrides: { 'xinyang-2024': { [path]: v } } }).totals.overall.fundNeed;
  void engine;

  test.each([
    [RATIO, 0.7, 0.71, 10000, 'increasing'],
    ['inpatient.tiers.dibao_returned.cap', 7000, 7001, 100, 'increasing'],
  ])('%s on [%d, %d] (every grid point)', (path, lo, hi, scale) => {
    const grid: number[] = [];
    for (let i = Math.round(lo * scale); i <= Math.round(hi * scale); i++) grid.push(i / scale);
    const needs = grid.map((v) => needAt(path, v));
    // A ceiling half-way between the ends: the answer is the largest grid value whose need fits.
    const ceiling = needs[0].plus(needs[needs.length - 1]).dividedBy(2).toDecimalPlaces(2);
    const brute = grid.filter((_, i) => needs[i].lessThanOrEqualTo(ceiling)).pop()!;
    const r = solveBudget({ people: three, visits: vs, region: '信阳', year: 2024, paths: [path], ceiling: ceiling.toFixed(2), min: lo, max: hi });
    expect(r.fitted.value.toNumber()).toBe(brute);
    expect(s2(r.fitted.total)).toBe(s2(needs[grid.indexOf(brute)]));
  });
});
