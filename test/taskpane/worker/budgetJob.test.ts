/**
 * The pane's budget panel job (src/taskpane/worker/budgetJob.ts) on the two-person 信阳 roster
 * of test/cli/plan.test.ts, by hand from 信医保办〔2024〕52号: A 低保对象 10000 × 70 % (二、二是) =
 * 7000 + subsidy 80 (二、一是, ruling 8); B 低保边缘 (20000 − 2400) × 65 % = 11440 → cap 10000 (二、四是).
 * No growth: every year's point is 17080.
 */
import { budgetJob } from '../../../src/taskpane/worker/budgetJob';
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
