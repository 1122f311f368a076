/**
 * The pane's budget panel job (src/taskpane/worker/budgetJob.ts) on the two-person 信阳 roster
 * of test/cli/plan.test.ts, by hand from 信医保办〔2024〕52号: A 低保对象 10000 × 70 % (二、二是) =
 * 7000 + subsidy 80 (二、一是, ruling 8); B 低保边缘 (20000 − 2400) × 65 % = 11440 → cap 10000 (二、四是).
 * No growth: every year's point is 17080.
 */
import { budgetJob, parseDistrictCeilings } from '../../../src/taskpane/worker/budgetJob';
import { person, visit } from '../../projection/helpers';

const A = '411502198001010011';
const B = '411502196001010022';
const people = [person(A, '低保对象', '浉河区', 380, 2), person(B, '低保边缘家庭成员', '平桥区', 380, 3)];
const visits = [visit(2, A, '2024-03-01', 'inpatient', 10000), visit(3, B, '2024-05-01', 'inpatient', 20000)];
const req = { region: '信阳', year: 2024, draws: 200 };

test('the fan: base year and three years, P10 ≤ P50 ≤ P90, reproducible from the seed', () => {
  const v = budgetJob(people, visits, req);
  expect(v.base).toEqual({ year: 2024, point: '17080.00' });
  expect(v.fan.map((y) => [y.year, y.point])).toEqual([[2025, '17080.00'], [2026, '17080.00'], [2027, '17080.00']]);
  for (const y of v.fan) {
    expect(Number(y.p10)).toBeLessThanOrEqual(Number(y.p50));
    expect(Number(y.p50)).toBeLessThanOrEqual(Number(y.p90));
    // two persons resampled: a draw is 2 × A (14160), A + B (17080) or 2 × B (20000)
    for (const p of [y.p10, y.p50, y.p90]) expect(['14160.00', '17080.00', '20000.00']).toContain(p);
  }
  expect(budgetJob(people, visits, req).fan).toEqual(v.fan);
  expect(v.draws).toBe(200);
  expect(v.covers.en).toMatch(/does not cover/);
});

test('the solver: 低保 ratio fitted to a 16580 ceiling is 0.65 (6500 + 80 + 10000), the next step breaks it', () => {
  const v = budgetJob(people, visits, { ...req, solve: { path: 'inpatient.tiers.dibao_returned.ratio', ceiling: '16580' } });
  expect(v.solve).toMatchObject({ path: 'inpatient.tiers.dibao_returned.ratio', value: '0.65', need: '16580.00', current: '0.7', currentNeed: '17080.00', binding: true });
  // 0.6501 × 10000 = 6501 → 16581 > 16580
  expect(v.solve!.beyond).toEqual({ value: '0.6501', need: '16581.00' });
  expect(v.solve!.citation).toContain('二');
});

test('a ceiling below the need at every valid value is a bilingual error, not a number', () => {
  // ratio 0 still leaves B's 10000 + A's 80: 10080 > 5000
  const v = budgetJob(people, visits, { ...req, solve: { path: 'inpatient.tiers.dibao_returned.ratio', ceiling: '5000' } });
  expect(v.solve).toBeUndefined();
  expect(v.solveError).toMatchObject({ code: 'BUDGET_NO_FIT' });
  expect(v.solveError!.zh).toMatch(/[\u4e00-\u9fff]/);
});

test('district ceilings: 浉河区 ≤ 6080 fits the 低保 ratio to 0.6 (A: 10000 × 0.6 = 6000 + subsidy 80), whatever the total; typed as the pane takes them', () => {
  // 信医保办〔2024〕52号 二、二是: A's inpatient assistance is ratio × 10000; 0.6001 gives 6001 + 80 = 6081 > 6080.
  const v = budgetJob(people, visits, { ...req, solve: { path: 'inpatient.tiers.dibao_returned.ratio', ceiling: '', districts: '浉河区=6080；平桥区＝1万' } });
  expect(v.solveError).toBeUndefined();
  expect(v.solve).toMatchObject({ policyId: 'xinyang-2024', value: '0.6', need: '16080.00', ceiling: '', districtCeilings: { 浉河区: '6080.00', 平桥区: '10000.00' }, binding: true });
  expect(v.solve!.beyond).toEqual({ value: '0.6001', need: '16081.00' });
  // With a total ceiling too, the tighter of the two decides: 16580 alone gives 0.65 (test above).
  expect(budgetJob(people, visits, { ...req, solve: { path: 'inpatient.tiers.dibao_returned.ratio', ceiling: '16580', districts: '浉河区=6080' } }).solve!.value).toBe('0.6');
});

test('a district ceiling that is not 区县=金额 is a bilingual error naming the entry, in each language its own words', () => {
  const v = budgetJob(people, visits, { ...req, solve: { path: 'inpatient.tiers.dibao_returned.ratio', ceiling: '', districts: '浉河区 6080' } });
  expect(v.solve).toBeUndefined();
  expect(v.solveError).toMatchObject({ code: 'INVALID_BUDGET_INPUT' });
  expect(v.solveError!.zh).toContain('各区县上限');
  expect(v.solveError!.zh).toContain('浉河区 6080');
  expect(v.solveError!.en).toContain('District ceilings is not valid');
  expect(v.solveError!.en).not.toContain('各区县上限');
});

test('parseDistrictCeilings: separators an analyst types (；, ;, ， and new lines, not the comma of 1,000,000), full-width =, blanks skipped', () => {
  expect(parseDistrictCeilings('浉河区=500万；平桥区＝300万，\n光山县 = 1,000,000 ;')).toEqual({ 浉河区: '500万', 平桥区: '300万', 光山县: '1,000,000' });
  expect(parseDistrictCeilings('  ')).toEqual({});
});
