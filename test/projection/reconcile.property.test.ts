/**
 * Properties on generated rosters (fast-check): totals by category, by district and overall
 * equal the sum of the rows to the fen; every input row is used or reported; results do not
 * depend on row order (only on dates, ties by row number); the funding plan adds up.
 */
import fc from 'fast-check';
import { D, ZERO, parseCategories, type Dec } from '../../src/engine';
import { project, projectionSummary } from '../../src/projection';
import type { Person, Visit } from '../../src/roster/types';

const CATS = ['特困人员', '孤儿', '低保对象', '返贫致贫人口', '低保边缘家庭成员', '农村易返贫致贫人口', '因病致贫重病患者'];
const DISTRICTS = ['浉河区', '平桥区', '息县'];
const SCHEMES = ['9类病种', '罕见病', undefined, undefined, '不存在的病种'];

const personArb = fc.record({
  cats: fc.uniqueArray(fc.constantFrom(...CATS), { minLength: 1, maxLength: 2 }),
  district: fc.constantFrom(...DISTRICTS),
  premium: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: undefined }), // fen
});
const visitArb = fc.record({
  who: fc.nat(),
  day: fc.integer({ min: 0, max: 365 }),
  inpatient: fc.boolean(),
  scheme: fc.constantFrom(...SCHEMES),
  fen: fc.oneof(fc.integer({ min: 0, max: 500000 }), fc.integer({ min: 0, max: 20000000 })),
  referred: fc.boolean(),
});
const rosterArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 10 }),
  visits: fc.array(visitArb, { maxLength: 40 }),
  strangers: fc.integer({ min: 0, max: 2 }),
  duplicate: fc.boolean(),
  seed: fc.integer(),
});

type RosterGen = typeof rosterArb extends fc.Arbitrary<infer T> ? T : never;

/** People on rows 2…, visits on rows 2…; `strangers` visits of unknown people; optionally a duplicate person row. */
function build(r: RosterGen): { people: Person[]; visits: Visit[] } {
  const people: Person[] = r.people.map((p, i) => ({
    rowNumber: i + 2,
    id: `P${i}`,
    name: `人${i}`,
    categories: parseCategories(p.cats),
    district: p.district,
    ...(p.premium !== undefined ? { premium: new D(p.premium).dividedBy(100) } : {}),
  }));
  if (r.duplicate) people.push({ ...people[0], rowNumber: people.length + 2 });
  const visits: Visit[] = r.visits.map((v, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + v.day)).toISOString().slice(0, 10);
    const x: Visit = { rowNumber: i + 2, personId: `P${v.who % r.people.length}`, date, kind: v.inpatient ? 'inpatient' : 'outpatient', cost: new D(v.fen).dividedBy(100), referred: v.referred };
    if (!v.inpatient && v.scheme) x.scheme = v.scheme;
    return x;
  });
  for (let k = 0; k < r.strangers; k++) visits.push({ rowNumber: visits.length + 2, personId: `X${k}`, date: '2024-06-01', kind: 'inpatient', cost: new D(100), referred: false });
  return { people, visits };
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sum = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), ZERO);

describe('reconciliation on generated rosters (信阳 2024)', () => {
  test('totals = Σ rows to the fen, by category, by district and overall; funding adds up', () => {
    fc.assert(
      fc.property(rosterArb, (r) => {
        const { people, visits } = build(r);
        const p = project({ region: '信阳', year: 2024, people, visits, funding: { donations: Math.abs(r.seed % 50000) } });
        const t = p.totals;
        for (const v of p.visits) expect(v.assistance.equals(v.assistance.toDecimalPlaces(2))).toBe(true);
        expect(sum(p.visits.map((v) => v.assistance)).equals(t.overall.assistance.total)).toBe(true);
        for (const [cat, b] of Object.entries(t.byCategory)) {
          expect(sum(p.visits.filter((v) => v.category === cat).map((v) => v.assistance)).equals(b!.assistance.total)).toBe(true);
        }
        for (const [d, b] of Object.entries(t.byDistrict)) {
          expect(sum(p.visits.filter((v) => v.district === d).map((v) => v.assistance)).equals(b.assistance.total)).toBe(true);
          expect(sum(p.people.filter((x) => x.person.district === d && x.premiumComputed).map((x) => x.premiumSubsidy)).equals(b.premiumSubsidy)).toBe(true);
        }
        expect(sum(Object.values(t.byCategory).map((b) => b!.fundNeed)).equals(t.overall.fundNeed)).toBe(true);
        const f = p.funding;
        const ds = Object.values(f.districts);
        expect(f.need.equals(t.overall.fundNeed)).toBe(true);
        expect(sum(ds.map((d) => d.sources)).equals(f.allocated)).toBe(true);
        expect(f.allocated.plus(f.fiscal).equals(f.need)).toBe(true);
        expect(f.allocated.plus(f.surplus).equals(f.sourcesTotal)).toBe(true);
        expect(f.city.plus(f.districtTotal).equals(f.fiscal)).toBe(true);
        for (const d of ds) {
          expect(d.sources.lessThanOrEqualTo(d.need)).toBe(true);
          expect(d.city.plus(d.district).equals(d.fiscal)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('every input row is either used or in the problems, never both', () => {
    fc.assert(
      fc.property(rosterArb, (r) => {
        const { people, visits } = build(r);
        const p = project({ region: '信阳', year: 2024, people, visits });
        const used = p.visits.map((v) => v.visit.rowNumber);
        const reported = [...new Set(p.problems.filter((x) => x.table === 'visits').map((x) => x.rowNumber))];
        expect(new Set(used).size).toBe(used.length);
        expect(used.filter((n) => reported.includes(n))).toEqual([]);
        expect([...used, ...reported].sort((a, b) => a - b)).toEqual(visits.map((v) => v.rowNumber).sort((a, b) => a - b));
        const peopleUsed = p.people.map((x) => x.person.rowNumber);
        const peopleDropped = p.problems.filter((x) => x.table === 'people' && x.code === 'ROSTER_DUPLICATE_ID').map((x) => x.rowNumber);
        expect([...peopleUsed, ...peopleDropped].sort((a, b) => a - b)).toEqual(people.map((x) => x.rowNumber).sort((a, b) => a - b));
        // A person whose assistance failed has all their visit rows reported.
        for (const x of p.people.filter((x) => !x.assistanceComputed)) {
          const theirs = visits.filter((v) => v.personId === x.person.id).map((v) => v.rowNumber);
          for (const n of theirs) expect(reported).toContain(n);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('results do not depend on row order (only on dates, ties by row number)', () => {
    fc.assert(
      fc.property(rosterArb, (r) => {
        const { people, visits } = build(r);
        const a = project({ region: '信阳', year: 2024, people, visits, funding: { donations: 1234.56 } });
        const b = project({ region: '信阳', year: 2024, people: shuffle(people, r.seed), visits: shuffle(visits, r.seed ^ 0x5bd1e995), funding: { donations: 1234.56 } });
        expect(JSON.stringify(projectionSummary(b))).toBe(JSON.stringify(projectionSummary(a)));
        const rows = (x: typeof a) => x.visits.map((v) => `${v.visit.rowNumber}:${v.assistance.toFixed(2)}:${v.category}`).sort();
        expect(rows(b)).toEqual(rows(a));
        expect(b.problems.map((x) => `${x.table}${x.rowNumber}${x.code}${x.part}`).sort()).toEqual(a.problems.map((x) => `${x.table}${x.rowNumber}${x.code}${x.part}`).sort());
      }),
      { numRuns: 100 },
    );
  });
});
