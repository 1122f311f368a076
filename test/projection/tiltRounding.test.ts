/**
 * A cent of tilt on a visit that is not referred (seen with the solver at a 低保 ratio of 0.5385):
 * is it the rule or a rounding? Worked by hand, it is the rule — 信医保办〔2024〕52号 二、五是
 * (倾斜救助: the annual cap reached, the referred remainder after the three layers above 12000,
 * 60 %) with ruling 1 (each paid amount rounded half up to the fen) and ruling 4 (the remainder
 * of the referred cases; the tilt is payable from the visit at which the cap is reached). After
 * that visit, a visit that is not referred adds no tilt: no rounding leaves a cent behind.
 * The property below checks the same on generated rosters, in the kernel and the decimal path.
 */
import fc from 'fast-check';
import { project } from '../../src/projection';
import { person, s2, visit } from './helpers';

const XY = { region: '信阳', year: 2024 };
const R5385 = { name: '0.5385', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.5385 } } };

test.each([true, false])('低保, ratio 0.5385: the cent of tilt comes from the rule, once (kernel: %s)', (kernel) => {
  // Visit 1, referred, 26002.19: 26002.19 × 0.5385 = 14002.179… → 14002.18 (二、二是 as fitted; ruling 1);
  //   remainder 26002.19 − 14002.18 = 12000.01; cap 3万 not reached (四是) → no tilt yet.
  // Visit 2, not referred, 30000: 30000 × 0.5385 = 16155 → room 30000 − 14002.18 = 15997.82; the cap is
  //   reached, so the tilt is payable (五是): (12000.01 − 12000) × 60 % = 0.006 → 0.01 (half up).
  // Visit 3, not referred, 5000: ordinary 0 (cap used); the referred remainder is still 12000.01 → the
  //   tilt is still 0.006 → 0.01 in all, already paid: +0.00.
  const people = [person('C1', '低保对象', '浉河区', undefined, 2)];
  const visits = [
    visit(10, 'C1', '2024-02-01', 'inpatient', '26002.19', { referred: true }),
    visit(11, 'C1', '2024-05-01', 'inpatient', 30000),
    visit(12, 'C1', '2024-09-01', 'inpatient', 5000),
  ];
  const r = project({ ...XY, people, visits }, R5385, { kernel });
  expect(r.visits.map((v) => [s2(v.ordinary), s2(v.tilt)])).toEqual([['14002.18', '0.00'], ['15997.82', '0.01'], ['0.00', '0.00']]);
  // One fen less remainder (ratio 0.5386: 26002.19 × 0.5386 = 14004.779… → 14004.78, remainder 11997.41): no tilt at all.
  const r2 = project({ ...XY, people, visits }, { ...R5385, overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.5386 } } }, { kernel });
  expect(r2.visits.map((v) => s2(v.tilt))).toEqual(['0.00', '0.00', '0.00']);
});

describe('a visit that is not referred gets tilt only when the annual cap is reached at it', () => {
  const CAP: Record<string, number> = { tekun: 3000000, orphan: 3000000, dibao: 3000000, returned_poverty: 3000000, dibao_edge: 1000000, monitored: 1000000, illness_poverty: 1000000 };
  const CATS = ['特困人员', '低保对象', '低保边缘家庭成员', '因病致贫重病患者', '返贫致贫人口', '农村易返贫致贫人口'];
  const rosterArb = fc.array(
    fc.record({
      cats: fc.uniqueArray(fc.constantFrom(...CATS), { minLength: 1, maxLength: 2 }),
      visits: fc.array(fc.record({ inpatient: fc.boolean(), fen: fc.integer({ min: 0, max: 4_000_000 }), referred: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 4 },
  );
  test.each([true, false])('kernel: %s', (kernel) => {
    fc.assert(
      fc.property(rosterArb, fc.integer({ min: 4000, max: 9000 }), (ps, ratio) => {
        let row = 2;
        const people = ps.map((p, i) => person(`Q${i}`, p.cats.join(';'), '浉河区', undefined, i + 2));
        const visits = ps.flatMap((p, i) => p.visits.map((v, j) => visit(row++, `Q${i}`, `2024-03-${String(j + 1).padStart(2, '0')}`, v.inpatient ? 'inpatient' : 'outpatient', (v.fen / 100).toFixed(2), { referred: v.referred })));
        const r = project({ ...XY, people, visits }, { name: 'r', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': ratio / 10000 } } }, { kernel });
        const used = new Map<number, number>(); // ordinary booked so far, fen, per person
        for (const v of r.visits) {
          const before = used.get(v.personRow) ?? 0;
          const after = before + Math.round(v.ordinary.toNumber() * 100);
          used.set(v.personRow, after);
          expect(v.tilt.isNegative()).toBe(false);
          if (!v.visit.referred && v.tilt.greaterThan(0)) {
            const cap = CAP[v.category];
            expect([before < cap, after >= cap]).toEqual([true, true]);
          }
        }
      }),
      { numRuns: 200, seed: 5385 },
    );
  });
});
