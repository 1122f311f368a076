/**
 * Completeness from per-part sums (issue 9): a roster split by person and projected part by
 * part (streamRun) measures its completeness from the parts' tallies — counts and fen sums —
 * without a whole-roster visit list. The property: for any roster and any split by person,
 * completenessFrom(Σ tallyOf(part)) equals completenessOf on the whole roster, every field.
 *
 * Rosters mix what completeness counts: people the region cannot compute (a status it does not
 * define, a missing premium), duplicate IDs, sub-fen costs (a warned cell, kept exact), referred
 * visits where 山西 delegates the tilt (ruling 4: a rule gap), and 西平 visits dated before its
 * edition takes effect (2022-05-01: counted in beforeEffective).
 */
import fc from 'fast-check';
import { D, defaultEngine } from '../../src/engine';
import { runProjection } from '../../src/projection';
import { addTally, completenessFrom, completenessOf, emptyTally, tallyOf } from '../../src/projection/completeness';
import type { ProjectionProblem } from '../../src/projection/types';
import type { Person, Visit } from '../../src/roster/types';
import { person, visit } from './helpers';

const engine = defaultEngine();
const REGIONS = [
  { region: '信阳', year: 2024 },
  { region: '山西', year: 2022 },
  { region: '西平', year: 2022 },
] as const;
const STATUSES = ['低保对象', '特困人员', '孤儿', '低保边缘家庭成员', '返贫致贫人口', '特困人员,孤儿'];
const DISTRICTS = ['浉河区', '息县', '__proto__', '平桥区'];

const gen = fc.record({
  at: fc.integer({ min: 0, max: REGIONS.length - 1 }),
  people: fc.array(
    fc.record({
      status: fc.integer({ min: 0, max: STATUSES.length - 1 }),
      district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }),
      premium: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      // Some rows repeat an earlier person's ID (a duplicate ID).
      dupOf: fc.option(fc.nat(), { freq: 6, nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  visits: fc.array(
    fc.record({
      who: fc.nat(),
      month: fc.integer({ min: 1, max: 12 }),
      inpatient: fc.boolean(),
      // Cost in thousandths of a yuan: one in four has part of a fen.
      milli: fc.integer({ min: 0, max: 40_000_000 }).map((m) => m - (m % 4 === 0 ? 0 : m % 10)),
      referred: fc.boolean(),
    }),
    { maxLength: 30 },
  ),
  parts: fc.integer({ min: 1, max: 5 }),
  salt: fc.nat(),
  rejected: fc.record({ people: fc.integer({ min: 0, max: 3 }), visits: fc.integer({ min: 0, max: 3 }) }),
});

type Gen = typeof gen extends fc.Arbitrary<infer T> ? T : never;

function roster(g: Gen) {
  const people: Person[] = [];
  g.people.forEach((x, i) => {
    const id = x.dupOf !== undefined && i > 0 ? people[x.dupOf % i].id : `P${String(i).padStart(3, '0')}`;
    people.push(person(id, STATUSES[x.status], DISTRICTS[x.district], x.premium, 2 + i));
  });
  const visits: Visit[] = g.visits.map((v, i) =>
    visit(100 + i, people[v.who % people.length].id, `${REGIONS[g.at].year}-${String(v.month).padStart(2, '0')}-15`, v.inpatient ? 'inpatient' : 'outpatient', new D(v.milli).dividedBy(1000).toString(), { referred: v.referred }),
  );
  return { people, visits };
}

/** A person's part: every row of one ID in the same part, as streamRun splits. */
const partOf = (id: string, parts: number, salt: number) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0) + salt) % 9973, 7) % parts;

test('property: completeness summed over parts split by person equals completeness on the whole roster', () => {
  fc.assert(
    fc.property(gen, (g) => {
      const { region, year } = REGIONS[g.at];
      const policy = engine.resolve(region, year).policy;
      const { people, visits } = roster(g);
      const whole = runProjection({ region, year, engine, people, visits }).baseline;
      const input = { visits, rows: { people: { total: people.length + g.rejected.people, used: people.length, rejected: g.rejected.people, blank: 0, notComputed: 0 }, visits: { total: visits.length + g.rejected.visits, used: visits.length, rejected: g.rejected.visits, blank: 0, notComputed: 0 } }, importRejected: g.rejected, policy };
      const expected = completenessOf(whole, input);

      const tally = emptyTally();
      const problems: ProjectionProblem[] = [];
      for (let i = 0; i < g.parts; i++) {
        const pp = people.filter((p) => partOf(p.id, g.parts, g.salt) === i);
        const pv = visits.filter((v) => partOf(v.personId, g.parts, g.salt) === i);
        const part = runProjection({ region, year, engine, people: pp, visits: pv }).baseline;
        addTally(tally, tallyOf(part, pv, policy));
        problems.push(...part.problems);
      }
      const merged = completenessFrom(tally, problems, input);
      expect(merged).toEqual(expected);
      // The yuan denominator is every visit's cost, exactly (sub-fen amounts included).
      expect(merged.cost.total.equals(visits.reduce((a, v) => a.plus(v.cost), new D(0)))).toBe(true);
      expect(merged.beforeEffective.visits).toBe(whole.visits.filter((v) => v.visit.date < policy.edition.effective).length);
    }),
    { numRuns: 120 },
  );
});

test('西平 2022 (edition effective 2022-05-01): visits before it are counted over parts, the lowest rows listed', () => {
  // 西平县…实施意见（征求意见稿） (seed 001) takes effect 2022-05-01 (the edition's effective date): a March visit
  // is computed under them and listed; a June visit is not listed.
  const policy = engine.resolve('西平', 2022).policy;
  expect(policy.edition.effective).toBe('2022-05-01');
  const a = [person('XP1', '低保对象', '西平县', 0, 2)];
  const b = [person('XP2', '特困人员', '西平县', 0, 3)];
  const va = [visit(20, 'XP1', '2022-03-01', 'inpatient', 1000), visit(21, 'XP1', '2022-06-01', 'inpatient', 1000)];
  const vb = [visit(12, 'XP2', '2022-04-30', 'inpatient', 500)];
  const t = emptyTally();
  for (const [pp, pv] of [[a, va], [b, vb]] as const) addTally(t, tallyOf(runProjection({ region: '西平', year: 2022, engine, people: pp, visits: pv }).baseline, pv, policy));
  expect(t.earlyVisits).toBe(2);
  const c = completenessFrom(t, [], { rows: { people: { total: 2, used: 2, rejected: 0, blank: 0, notComputed: 0 }, visits: { total: 3, used: 3, rejected: 0, blank: 0, notComputed: 0 } }, importRejected: { people: 0, visits: 0 }, policy });
  expect(c.beforeEffective).toEqual({ effective: '2022-05-01', visits: 2, rows: [12, 20] });
  // Costs 1000 + 1000 + 500 = 2500.00 yuan, all computed.
  expect(c.cost.total.toFixed(2)).toBe('2500.00');
  expect(c.cost.pct.toFixed(2)).toBe('100.00');
});
