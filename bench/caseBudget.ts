/**
 * Budget decisions at scale (issue 11) on a generated 信阳 2024 roster, each part timed alone:
 *   plan      projectYears, 3 years (every person replayed under each year's rules);
 *   bootstrap bootstrapRange over that plan, 1,000 draws (fixed seed), P10/P50/P90 per year and district;
 *   solve     solveBudget fitting the 低保 inpatient ratio to a ceiling 5 % below the baseline need
 *             (bisection on 0.0001 steps, every evaluation on the integer kernel).
 * The premium (380) is on the people table and the delegated 监测对象 subsidy amount (100) is an
 * analyst's figure, so everyone is computed.
 */
import { D } from '../src/engine/money';
import { defaultEngine } from '../src/engine/engine';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { generateRoster } from './generateRoster';
import { rosterObjects } from './rosterObjects';
import { peakRssMB, round1, time } from './measure';

export async function caseBudget(size: number) {
  const { projectYears } = await import('../src/projection/multiYear');
  const { bootstrapRange } = await import('../src/projection/bootstrap');
  const { solveBudget } = await import('../src/projection/solve');
  const { project } = await import('../src/projection/project');
  const engine = defaultEngine().withOverrides({ 信阳: { 'premium.tiers.monitored.amount': 100 } });
  const r = generateRoster(compilePolicy(engine.resolve('信阳', 2024)), size);
  const { people, visits } = rosterObjects(r);
  const premium = new D(380);
  for (const p of people) p.premium = premium;
  const input = { people, visits, region: '信阳', year: 2024, engine };
  const plan = time(() => projectYears({ ...input, years: 3, growth: { cost: '5%', headcount: '2%' } }));
  const range = time(() => bootstrapRange(plan.value, { draws: 1000 }));
  const need = plan.value.base.total.fundNeed;
  const ceiling = need.times(0.95).toDecimalPlaces(2);
  const solve = time(() => {
    try {
      return solveBudget({ ...input, paths: ['inpatient.tiers.dibao_returned.ratio'], ceiling: ceiling.toFixed(2) });
    } catch (e) {
      return { error: String((e as { en?: string }).en ?? e) };
    }
  });
  const fit = 'error' in solve.value ? solve.value : { evaluations: solve.value.evaluations, value: solve.value.fitted.value.toString(), need: solve.value.fitted.total.toFixed(2), current: solve.value.parameters[0].current?.toString() };
  const baseline = time(() => project(input));
  const last = range.value.years[range.value.years.length - 1];
  return {
    case: 'budget',
    size,
    persons: r.persons,
    wallMs: round1(plan.ms + range.ms + solve.ms),
    planMs: round1(plan.ms),
    bootstrapMs: round1(range.ms),
    draws: range.value.draws,
    solveMs: round1(solve.ms),
    projectMs: round1(baseline.ms),
    baseNeed: need.toFixed(2),
    notComputed: plan.value.years.reduce((s, y) => s + y.notComputed.people, plan.value.base.notComputed.people),
    lastYear: { year: last.year, point: last.point.toFixed(2), p10: last.fundNeed.p10.toFixed(2), p50: last.fundNeed.p50.toFixed(2), p90: last.fundNeed.p90.toFixed(2) },
    ceiling: ceiling.toFixed(2),
    fitted: fit,
    peakRssMB: peakRssMB(),
  };
}
