/**
 * project() on the integer kernel gives exactly what it gave on the decimal PersonYear
 * (`{ kernel: false }`, the reference): on generated rosters in every region with visits
 * rules, every visit row, every person, every problem (code, row, zh/en message), every
 * total, the funding plan and the forecast are identical — including the people the kernel
 * hands to the decimal engine (a 5-decimal rate, a cap with part of a fen, a sub-fen cost,
 * an unknown scheme or status, a missing income figure) and the people the engine refuses.
 */
import fc from 'fast-check';
import { CATEGORIES, D, defaultEngine, parseCategories, type Engine } from '../../src/engine';
import { project, type Projection, type Scenario } from '../../src/projection';
import type { Person, Visit } from '../../src/roster/types';

interface Case {
  name: string;
  engine: Engine;
  region: string;
  year: number;
  scenario?: Scenario;
  /** The rosters must reach these (so the property is not vacuous). */
  expect: { tilt?: boolean; topUp?: boolean; decimal?: boolean; errors?: boolean };
}

const base = defaultEngine();
const withShanxiIncome = base.withOverrides({ 'shanxi-2022': { 'income.perCapitaDisposable': { 2021: 27426.07 } } });
const CASES: Case[] = [
  { name: '信阳 2024', engine: base, region: '信阳', year: 2024, expect: { tilt: true, decimal: true, errors: true } },
  {
    // 0.66667 (5 decimals) and 9999.995 (part of a fen) cannot be held as ×10^4 / fen: those people go to PersonYear.
    name: '信阳 2024, scenario with inexact overrides',
    engine: base,
    region: '信阳',
    year: 2024,
    scenario: { name: 'inexact', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.66667, 'inpatient.tiers.illness.cap': 9999.995, 'tilt.threshold': 10000 } } },
    expect: { tilt: true, decimal: true, errors: true },
  },
  { name: '西平 2022', engine: base, region: '西平', year: 2022, expect: { tilt: true, errors: true } },
  { name: '西平 2023 without income (MISSING_INCOME for some tiers only)', engine: base, region: '西平', year: 2023, expect: { decimal: true, errors: true } },
  { name: '威海 2020 (brackets)', engine: base, region: '威海', year: 2020, expect: { errors: true } },
  { name: '山西 2022 with income (top-up)', engine: withShanxiIncome, region: '山西', year: 2022, expect: { topUp: true, errors: true } },
  { name: '山西 2022 without income', engine: base, region: '山西', year: 2022, expect: { topUp: true, decimal: true, errors: true } },
  { name: '益阳 2022 (no visit rules: every visit an error)', engine: base, region: '益阳', year: 2022, expect: { errors: true } },
];

const DISTRICTS = ['浉河区', '平桥区', '息县'];

/** Costs in fen: small, around deductibles and caps, large (tilt, upper brackets). */
const fenArb = fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 1_000_000, max: 30_000_000 }));

function rosterArb(c: Case) {
  const rp = c.engine.resolve(c.region, c.year);
  const known = rp.policy.categories;
  const schemes = Object.entries(rp.policy.outpatient?.schemes ?? {}).flatMap(([id, s]) => [id, s.names.zh]);
  const allIds = CATEGORIES.map((x) => x.id);
  const status = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom(...allIds) });
  const person = fc.record({
    statuses: fc.array(status, { minLength: 1, maxLength: 3 }),
    district: fc.constantFrom(...DISTRICTS),
    // yuan with fen; now and then part of a fen or none at all
    premium: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 60_000 }).map((f) => new D(f).dividedBy(100)), fc.constant(new D('380.005'))),
  });
  const visit = fc.record({
    who: fc.nat(),
    day: fc.integer({ min: 0, max: 365 }),
    inpatient: fc.boolean(),
    // the main scheme, a named one, or now and then one the region does not have (UNKNOWN_SCHEME for the person)
    scheme: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(undefined, ...schemes) }, { weight: 1, arbitrary: fc.constant('不存在的病种') }),
    cost: fc.oneof({ weight: 80, arbitrary: fenArb.map((f) => new D(f).dividedBy(100)) }, { weight: 1, arbitrary: fc.constant(new D('123.456')) }),
    referred: fc.boolean(),
    // Shanxi top-up inputs: both, only one (no top-up), or neither
    topUp: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40_000_000 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom('both', 'total', 'insurance')) },
    ),
    otherYear: fc.integer({ min: 0, max: 30 }),
  });
  return fc.record({
    people: fc.array(person, { minLength: 1, maxLength: 12 }),
    visits: fc.array(visit, { minLength: 5, maxLength: 60, size: 'medium' }),
    duplicate: fc.boolean(),
    stranger: fc.boolean(),
  });
}

type Gen = ReturnType<typeof rosterArb> extends fc.Arbitrary<infer T> ? T : never;

function build(g: Gen, year: number): { people: Person[]; visits: Visit[] } {
  const people: Person[] = g.people.map((p, i) => {
    const x: Person = { rowNumber: i + 2, id: `P${i}`, name: `人${i}`, categories: parseCategories(p.statuses), district: p.district };
    if (p.premium !== undefined) x.premium = p.premium;
    return x;
  });
  if (g.duplicate) people.push({ ...people[0], rowNumber: people.length + 2, categories: parseCategories(['dibao']) });
  const visits: Visit[] = g.visits.map((v, i) => {
    const y = v.otherYear === 0 ? year - 1 : year; // now and then a visit of another year (reported)
    const date = new Date(Date.UTC(y, 0, 1 + v.day)).toISOString().slice(0, 10);
    const x: Visit = { rowNumber: i + 2, personId: `P${v.who % g.people.length}`, date, kind: v.inpatient ? 'inpatient' : 'outpatient', cost: v.cost, referred: v.referred };
    if (v.scheme !== undefined) x.scheme = v.scheme; // on an inpatient row too: the engine ignores it there
    if (v.topUp) {
      const [totalFen, pct, which] = v.topUp;
      if (which !== 'insurance') x.totalCost = new D(totalFen).dividedBy(100);
      if (which !== 'total') x.insurancePaid = new D(Math.floor((totalFen * pct) / 100)).dividedBy(100);
    }
    return x;
  });
  if (g.stranger) visits.push({ rowNumber: visits.length + 2, personId: 'NOBODY', date: `${year}-06-01`, kind: 'inpatient', cost: new D(100), referred: false });
  return { people, visits };
}

/**
 * Every value of a projection as plain data: a Dec becomes its exact text and sign (so 0 and
 * −0, or 12.5 and 12.50 as different objects, are compared by value and sign).
 */
function plain(x: unknown): unknown {
  if (D.isDecimal(x)) return `Dec(${(x as InstanceType<typeof D>).toString()}${(x as InstanceType<typeof D>).isNegative() ? ',neg' : ''})`;
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = plain(v);
    return out;
  }
  return x;
}

describe.each(CASES)('project(): kernel = PersonYear reference — $name', (c) => {
  const seen = { kernel: 0, decimal: 0, tilt: 0, topUp: 0, errors: 0, visits: 0 };

  test('every visit row, person, problem, total, the funding and the forecast', () => {
    fc.assert(
      fc.property(rosterArb(c), fc.integer({ min: 0, max: 300_000 }), (g, donations) => {
        const { people, visits } = build(g, c.year);
        const input = { engine: c.engine, region: c.region, year: c.year, people, visits, funding: { donations }, growth: { headcount: '3%', cost: 0.05 } };
        const counts = { kernel: 0, decimal: 0 };
        const fast: Projection = project(input, c.scenario, { counts });
        const ref: Projection = project(input, c.scenario, { kernel: false });
        // Row by row first, for a readable failure; then everything.
        expect(fast.visits.map((v) => plain(v))).toEqual(ref.visits.map((v) => plain(v)));
        expect(fast.problems).toEqual(ref.problems);
        expect(plain(fast.people)).toEqual(plain(ref.people));
        expect(plain(fast)).toEqual(plain(ref));
        seen.kernel += counts.kernel;
        seen.decimal += counts.decimal;
        seen.tilt += fast.visits.filter((v) => v.tilt.greaterThan(0)).length;
        seen.topUp += fast.visits.filter((v) => v.topUp.greaterThan(0)).length;
        seen.errors += fast.people.filter((p) => !p.assistanceComputed).length;
        seen.visits += fast.visits.length;
      }),
      { numRuns: 40, seed: 20240601 },
    );
  });

  test('the generated rosters reach the paths under test', () => {
    // Not a timing check: the property above only means something if the kernel computed
    // people, the fallback and the errors happened, and the tilt and top-up were paid.
    expect(seen.kernel).toBeGreaterThan(0);
    if (c.expect.decimal) expect(seen.decimal).toBeGreaterThan(0);
    if (c.expect.errors) expect(seen.errors).toBeGreaterThan(0);
    if (c.expect.tilt) expect(seen.tilt).toBeGreaterThan(0);
    if (c.expect.topUp) expect(seen.topUp).toBeGreaterThan(0);
    if (process.env.FASTPATH_VERBOSE) console.log(c.name, seen);
  });
});
