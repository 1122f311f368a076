/**
 * The property the solver's bisection rests on, and where it stops holding: the roster's fund
 * need is monotone in the parameters it fits — non-decreasing in a ratio and a cap, non-increasing
 * in a deductible and the tilt threshold — exactly when no case is tilted; with tilted assistance
 * only within a fen per visit for a ratio and the threshold, and not at all for a cap or a
 * deductible (the solver then reports the break it meets). Random small 信阳 2024 rosters (inpatient and the 9-disease
 * outpatient scheme, referred cases for the tilt, 信医保办〔2024〕52号 二、二是–四是 and 倾斜救助).
 */
import fc from 'fast-check';
import { project } from '../../src/projection';
import type { Person, Visit } from '../../src/roster/types';
import { person, visit } from './helpers';

const CATS = ['特困人员', '低保对象', '低保边缘家庭成员', '因病致贫重病患者', '返贫致贫人口'];
const IDS = ['411502198001010011', '411502196001010022', '411502197001010033', '411502199001010044'];

const roster = fc
  .array(
    fc.record({
      cat: fc.constantFrom(...CATS),
      visits: fc.array(fc.record({ inpatient: fc.boolean(), fen: fc.integer({ min: 0, max: 6_000_000 }), referred: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((ps) => {
    let row = 2;
    const people = ps.map((p, i) => person(IDS[i], p.cat, i % 2 ? '浉河区' : '平桥区', 380, i + 2));
    const visits = ps.flatMap((p, i) => p.visits.map((v) => visit(row++, IDS[i], `2024-03-${String(v.day).padStart(2, '0')}`, v.inpatient ? 'inpatient' : 'outpatient', (v.fen / 100).toFixed(2), { referred: v.referred, scheme: v.inpatient ? undefined : '9类病种' })));
    return { people, visits };
  });

const need = (r: { people: Person[]; visits: Visit[] }, path: string, value: number) =>
  project({ ...r, region: '信阳', year: 2024 }, { name: 'x', overrides: { 'xinyang-2024': { [path]: value } } }).totals.overall.fundNeed;

const noReferral = (r: { people: Person[]; visits: Visit[] }) => ({ ...r, visits: r.visits.map((v) => ({ ...v, referred: false })) });
const toValue = (path: string, i: number) => i / (path.endsWith('ratio') ? 10000 : 100);

describe('without referred cases (no tilted assistance): exactly monotone', () => {
  test.each([
    ['inpatient.tiers.dibao_returned.ratio', 1, 10000],
    ['inpatient.tiers.edge_monitored.cap', 1, 5_000_000],
    ['inpatient.tiers.edge_monitored.deductible', -1, 2_000_000],
  ])('%s (direction %i)', (path, dir, top) => {
    fc.assert(
      fc.property(roster.map(noReferral), fc.integer({ min: 0, max: top }), fc.integer({ min: 0, max: top }), (r, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const nLo = need(r, path, toValue(path, lo));
        const nHi = need(r, path, toValue(path, hi));
        return dir > 0 ? nLo.lessThanOrEqualTo(nHi) : nLo.greaterThanOrEqualTo(nHi);
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});

describe('with tilted assistance (倾斜救助, ruling 4)', () => {
  // Raising a ratio (or lowering a deductible) by Δ adds Δ to ordinary assistance and takes 60 % of Δ off
  // the tilt base, so the need still rises — but the tilt is rounded to the fen on its own, so it can fall
  // back by a fen per visit. Found by this test (counterexample: 0.5385 → 30080.01, 0.5386 → 30080.00).
  test.each([
    ['inpatient.tiers.dibao_returned.ratio', 1, 10000],
    ['tilt.threshold', -1, 5_000_000],
  ])('%s is monotone within one fen per visit (direction %i)', (path, dir, top) => {
    fc.assert(
      fc.property(roster, fc.integer({ min: 0, max: top }), fc.integer({ min: 0, max: top }), (r, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const gap = need(r, path, toValue(path, hi)).minus(need(r, path, toValue(path, lo))).times(dir);
        return gap.greaterThanOrEqualTo(-0.01 * r.visits.length);
      }),
      { numRuns: 30, seed: 11 },
    );
  });

  // A deductible and a cap are not: the tilt needs the ordinary assistance to have reached its cap, and
  // whether it has switches with them (fast-check found a deductible counterexample too: 0 → 0.10 yuan).
  test('a cap is NOT monotone: lowering it to the ordinary amount turns the tilt on (worked by hand)', () => {
    // 低保对象, one referred inpatient case, policy-range out-of-pocket 50000: 二、二是 70 % → 35000.
    // Cap 35000.01: not reached, no tilt → 35000 + 80. Cap 35000: reached (二、五是 倾斜救助 needs it) →
    // tilt 60 % × (50000 − 35000 − 12000) = 1800 → 36800 + 80: one fen less cap, 1800 more need.
    const r = { people: [person(IDS[0], '低保对象', '平桥区', 380, 2)], visits: [visit(2, IDS[0], '2024-03-01', 'inpatient', 50000, { referred: true })] };
    expect(need(r, 'inpatient.tiers.dibao_returned.cap', 35000.01).toFixed(2)).toBe('35080.00');
    expect(need(r, 'inpatient.tiers.dibao_returned.cap', 35000).toFixed(2)).toBe('36880.00');
  });
});
