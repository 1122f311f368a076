/**
 * Fuzzing the roster projection end to end: random rosters (as imported rows, and as CSV
 * bytes through the importer) in all five regions and several years — including years and
 * statuses whose figures the analyst has not supplied — with random districts (including
 * "__proto__", "constructor", "toString"), random scenarios and random scenario files.
 * Properties:
 *  - no untyped exception: a whole run either works or fails with a MedaidError;
 *  - totals reconcile to the fen: overall = Σ visits = Σ people, by category and by district
 *    add up to overall, every amount has at most two decimals, the funding plan adds up;
 *  - every row is accounted for: each person row and each visit row is computed or listed
 *    as a problem (and the import counts still add up);
 *  - results do not depend on row order, only on dates: shuffling the rows, or renumbering
 *    them with each person's date order kept, gives identical totals;
 *  - a malformed scenario file (random JSON, deep nesting, huge strings, wrong types) is an
 *    INVALID_SCENARIO naming the field, never a crash.
 */
import fc from 'fast-check';
import { D, MedaidError, isMedaidError, parseCategories } from '../../src/engine';
import type { Dec } from '../../src/engine';
import { parseScenarioJson, projectionSummary, readRoster, runProjection, runSummary } from '../../src/projection';
import type { Projection, ProjectionRun } from '../../src/projection';
import type { Person, Visit } from '../../src/roster/types';
import * as A from './arbitraries';
import { caught, expectNoPollution, typedOrValue } from './expectations';

const RUNS = Number(process.env.MEDAID_FUZZ_RUNS ?? 100);

const CATS = ['特困人员', '孤儿', '低保对象', '低保边缘家庭成员', '返贫致贫人口', '农村易返贫致贫人口', '因病致贫重病患者', '重度残疾人', '建档立卡', '重点救助对象', '其他低收入', '其他特殊'];
const DISTRICTS = ['浉河区', '平桥区', '息县', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ' '];
const SCHEMES = ['9类病种', '罕见病', '慢特病', '特药', 'chronic_special', '门诊', '牙科'];
const REGION_YEARS: [string, number][] = [['信阳', 2024], ['西平', 2022], ['西平', 2023], ['山西', 2022], ['威海', 2019], ['威海', 2020], ['益阳', 2022]];

const personArb = fc.record({
  cats: fc.uniqueArray(fc.constantFrom(...CATS), { minLength: 1, maxLength: 3 }),
  district: fc.constantFrom(...DISTRICTS),
  premium: fc.option(fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(1e9)), { nil: undefined }), // fen
});
const visitArb = fc.record({
  who: fc.nat(),
  day: fc.integer({ min: -3, max: 368 }), // a few out of the year
  inpatient: fc.boolean(),
  scheme: fc.option(fc.constantFrom(...SCHEMES), { nil: undefined }),
  fen: fc.oneof(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 50_000_000 }), fc.constant(1)),
  referred: fc.boolean(),
  total: fc.option(fc.integer({ min: 0, max: 80_000_000 }), { nil: undefined }),
  paid: fc.option(fc.integer({ min: 0, max: 80_000_000 }), { nil: undefined }),
});
const rosterArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 8 }),
  visits: fc.array(visitArb, { maxLength: 30 }),
  strangers: fc.integer({ min: 0, max: 2 }),
  duplicate: fc.boolean(),
  regionYear: fc.constantFrom(...REGION_YEARS),
});
type RosterGen = typeof rosterArb extends fc.Arbitrary<infer T> ? T : never;

function build(r: RosterGen): { people: Person[]; visits: Visit[]; region: string; year: number } {
  const [region, year] = r.regionYear;
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
    const date = new Date(Date.UTC(year, 0, 1 + v.day)).toISOString().slice(0, 10);
    const x: Visit = { rowNumber: i + 2, personId: `P${v.who % r.people.length}`, date, kind: v.inpatient ? 'inpatient' : 'outpatient', cost: new D(v.fen).dividedBy(100), referred: v.referred };
    if (!v.inpatient && v.scheme) x.scheme = v.scheme;
    if (v.total !== undefined) x.totalCost = new D(v.total).dividedBy(100);
    if (v.paid !== undefined) x.insurancePaid = new D(v.paid).dividedBy(100);
    return x;
  });
  for (let k = 0; k < r.strangers; k++) visits.push({ rowNumber: visits.length + 2, personId: `X${k}`, date: `${year}-06-01`, kind: 'inpatient', cost: new D(100), referred: false });
  return { people, visits, region, year };
}

const sum = (xs: Iterable<Dec>): Dec => {
  let t = new D(0);
  for (const x of xs) t = t.plus(x);
  return t;
};

function expectFen(x: Dec): void {
  expect(x.isFinite()).toBe(true);
  expect(x.decimalPlaces()).toBeLessThanOrEqual(2);
}

/** Reconciliation and accounting, checked from the outside (not with the projection's own assert). */
function expectReconciled(p: Projection, input: { people: Person[]; visits: Visit[] }): void {
  const o = p.totals.overall;
  for (const v of p.visits) expectFen(v.assistance);
  for (const x of p.people) expectFen(x.premiumSubsidy);
  expect(sum(p.visits.map((v) => v.assistance)).equals(o.assistance.total)).toBe(true);
  expect(sum(p.people.map((x) => x.assistance)).equals(o.assistance.total)).toBe(true);
  expect(sum(p.people.filter((x) => x.premiumComputed).map((x) => x.premiumSubsidy)).equals(o.premiumSubsidy)).toBe(true);
  const byDistrict = Object.keys(p.totals.byDistrict).map((k) => p.totals.byDistrict[k]);
  const byCategory = Object.values(p.totals.byCategory);
  for (const parts of [byDistrict, byCategory]) {
    expect(sum(parts.map((b) => b!.assistance.total)).equals(o.assistance.total)).toBe(true);
    expect(sum(parts.map((b) => b!.premiumSubsidy)).equals(o.premiumSubsidy)).toBe(true);
    expect(sum(parts.map((b) => b!.fundNeed)).equals(o.fundNeed)).toBe(true);
  }
  // Every district of a computed person has its own bucket, whatever its name.
  for (const x of p.people) expect(Object.prototype.hasOwnProperty.call(p.totals.byDistrict, x.person.district)).toBe(true);
  const f = p.funding;
  expect(f.fiscal.equals(f.city.plus(f.districtTotal))).toBe(true);
  expect(f.need.equals(o.fundNeed)).toBe(true);
  expect(Object.keys(f.districts).sort()).toEqual(Object.keys(p.totals.byDistrict).sort());
  // Every row is computed or listed as a problem.
  const computedVisits = new Set(p.visits.map((v) => v.visit.rowNumber));
  const problemRows = (t: 'people' | 'visits') => new Set(p.problems.filter((x) => x.table === t).map((x) => x.rowNumber));
  const visitProblems = problemRows('visits');
  for (const v of input.visits) expect(computedVisits.has(v.rowNumber) || visitProblems.has(v.rowNumber)).toBe(true);
  const computedPeople = new Set(p.people.map((x) => x.person.rowNumber));
  const peopleProblems = problemRows('people');
  for (const x of input.people) expect(computedPeople.has(x.rowNumber) || peopleProblems.has(x.rowNumber)).toBe(true);
  for (const x of p.problems) {
    expect(x.zh).toContain(String(x.rowNumber));
    expect(x.en).toContain(String(x.rowNumber));
  }
}

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** New row numbers for the visits, interleaving people differently but keeping each person's (date, row) order. */
function renumbered(visits: readonly Visit[], rnd: () => number): Visit[] {
  const byPerson = new Map<string, Visit[]>();
  for (const v of [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rowNumber - b.rowNumber))) {
    (byPerson.get(v.personId) ?? byPerson.set(v.personId, []).get(v.personId)!).push(v);
  }
  // Same date for one person keeps its tie order only if the new numbers grow with it: take
  // a random interleaving of the per-person queues and number in that order.
  const order = shuffled(visits.map((v) => v.personId), rnd);
  const next = new Map<string, number>();
  return order.map((id, k) => {
    const i = next.get(id) ?? 0;
    next.set(id, i + 1);
    return { ...byPerson.get(id)![i], rowNumber: k + 2 };
  });
}

/** The summary without what names rows (the completeness notes' examples, the rows dated before the edition): renumbering changes them. */
const totalsOf = (p: Projection) => {
  type C = { notes?: unknown; excluded: { zh?: string; en?: string }[]; beforeEffective: { rows?: number[] } };
  const s = projectionSummary(p) as unknown as { completeness?: C };
  const c = s.completeness;
  if (c) s.completeness = { ...c, notes: undefined, excluded: c.excluded.map(({ zh: _zh, en: _en, ...e }) => e), beforeEffective: { ...c.beforeEffective, rows: undefined } };
  return JSON.stringify(s);
};

afterEach(() => expectNoPollution());

describe('projection on random rosters', () => {
  test('reconciles to the fen, accounts for every row, or fails with a typed error', () => {
    fc.assert(
      fc.property(rosterArb, (r) => {
        const input = build(r);
        const run = typedOrValue(() => runProjection(input));
        if (!run) return;
        expectReconciled(run.baseline, input);
        const s = run.rows.visits;
        expect(s.total).toBe(s.used + s.rejected + s.blank);
        expect(JSON.parse(JSON.stringify(runSummary(run)))).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
  });

  test('independent of row order: shuffled rows and renumbered rows (same per-person date order) give identical totals', () => {
    fc.assert(
      fc.property(rosterArb, fc.integer(), (r, seed) => {
        const input = build(r);
        const base = typedOrValue(() => runProjection(input));
        if (!base) return;
        let s = seed >>> 0;
        const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        const shuffledRun = runProjection({ ...input, people: shuffled(input.people, rnd), visits: shuffled(input.visits, rnd) });
        expect(totalsOf(shuffledRun.baseline)).toBe(totalsOf(base.baseline));
        expect(JSON.stringify(runSummary(shuffledRun))).toBe(JSON.stringify(runSummary(base)));
        const renumberedRun = runProjection({ ...input, visits: renumbered(input.visits, rnd) });
        expect(totalsOf(renumberedRun.baseline)).toBe(totalsOf(base.baseline));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  test('with random scenarios: each reconciles; a bad scenario is refused before anything runs', () => {
    const scenario = fc.record({ name: fc.oneof(fc.constantFrom('提高比例', '__proto__', 'constructor', 'toString', 'baseline', ''), fc.string({ maxLength: 8 })), overrides: A.overrides }, { requiredKeys: ['name'] });
    fc.assert(
      fc.property(rosterArb, fc.array(scenario, { maxLength: 2 }), (r, scenarios) => {
        const input = build(r);
        let run: ProjectionRun | undefined;
        try {
          run = runProjection({ ...input, scenarios: scenarios.map((data, i) => ({ data, file: `s${i}.json` })) });
        } catch (e) {
          if (!isMedaidError(e)) throw e;
          return;
        }
        for (const s of run.scenarios) expectReconciled(s.projection, input);
        const summary = runSummary(run);
        // Every scenario appears in the summary under its own name, whatever the name.
        for (const s of run.scenarios) expect(Object.prototype.hasOwnProperty.call(summary.scenarios, s.scenario.name)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  test('an unknown region or a year with no edition is a typed error naming it', () => {
    const input = build({ people: [{ cats: ['低保对象'], district: '浉河区', premium: undefined }], visits: [], strangers: 0, duplicate: false, regionYear: ['信阳', 2024] });
    expect(caught(() => runProjection({ ...input, region: '火星' })).code).toBe('UNKNOWN_REGION');
    expect(caught(() => runProjection({ ...input, year: 2023 })).code).toBe('UNKNOWN_YEAR');
  });
});

describe('projection from random CSV bytes, through the importer', () => {
  const ids = ['410102199001011234', '11010519491231002X', '440305200012250012', '410102900101123', '410102199001011235'];
  const peopleCsv = fc.array(fc.tuple(fc.constantFrom(...ids, ''), fc.constantFrom('张三', ''), fc.constantFrom(...CATS, '外星人', ''), fc.constantFrom(...DISTRICTS, ''), fc.constantFrom('', '280', 'abc', '-1')), { maxLength: 8 });
  const visitsCsv = fc.array(fc.tuple(fc.constantFrom(...ids, ''), fc.constantFrom('2024-03-05', '2024/12/31', '2023-12-31', '45356', 'x', ''), fc.constantFrom('住院', '门诊', '门诊-罕见病', '体检'), fc.constantFrom('', '罕见病', '牙科'), fc.constantFrom('10000', '12,345.6', '１２３', '1.2万元', '-5', 'abc', ''), fc.constantFrom('是', '否', '', '也许')), { maxLength: 15 });
  const csv = (head: string[], rows: string[][]) => new TextEncoder().encode([head, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

  test('every imported row is counted, every used row computed or listed', async () => {
    await fc.assert(
      fc.asyncProperty(peopleCsv, visitsCsv, fc.oneof(fc.constant(undefined), fc.uint8Array({ maxLength: 200 })), async (p, v, junkBytes) => {
        const peopleBytes = csv(['身份证号', '姓名', '人员类别', '区县', '个人缴费'], p);
        const visitsBytes = junkBytes ?? csv(['身份证号', '结算日期', '就诊类型', '门诊类型', '政策范围内自付', '是否规范转诊省内就医'], v);
        let roster;
        try {
          roster = await readRoster({ name: 'people.csv', bytes: peopleBytes }, { name: 'visits.csv', bytes: visitsBytes }, 2024);
        } catch (e) {
          expect(e).toBeInstanceOf(MedaidError);
          return;
        }
        const run = typedOrValue(() => runProjection({ ...roster, region: '信阳', year: 2024 }));
        if (!run) return;
        expectReconciled(run.baseline, roster);
        for (const t of ['people', 'visits'] as const) {
          const a = run.rows[t];
          expect(a.total).toBe(a.used + a.rejected + a.blank);
          const report = roster.importReports.find((x) => x.kind === t)!;
          expect(a.total).toBe(report.summary.total);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('scenario files from a user', () => {
  afterEach(() => expectNoPollution());

  function expectNamedScenarioError(text: string): void {
    let e: unknown;
    try {
      parseScenarioJson(text, 'mine.json');
      return; // a valid scenario: fine
    } catch (x) {
      e = x;
    }
    expect(isMedaidError(e)).toBe(true);
    const m = e as MedaidError;
    expect(['INVALID_SCENARIO', 'INVALID_OVERRIDE']).toContain(m.code);
    expect(m.zh).toContain('mine.json');
    expect(typeof m.details.field === 'string' && m.details.field.length > 0).toBe(true);
    expect(m.zh.length).toBeLessThan(5000);
  }

  test('random JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => expectNamedScenarioError(JSON.stringify(v))), { numRuns: RUNS });
  });

  test('scenario-shaped JSON with wrong types, huge strings and hostile keys in every field', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<unknown>('x'.repeat(200_000), -1, '5%', '200万', null, [], {}, { toString: 1 }, { valueOf: 'x' }, JSON.parse('{"__proto__": {"polluted": "yes"}}')));
    const scenarioJson = fc.record(
      {
        $format: fc.oneof(fc.constant('medaid-scenario/1'), value),
        name: fc.oneof(fc.constant('提高比例'), value),
        description: value,
        overrides: fc.oneof(A.overrides, value),
        growth: fc.oneof(fc.record({ headcount: value, cost: value, premium: value, byCategory: fc.oneof(value, fc.dictionary(fc.constantFrom('低保对象', '外星人', '__proto__', 'constructor'), value)) }, { requiredKeys: [] }), value),
        funding: fc.oneof(fc.record({ lottery: value, donations: value, transfers: value, ratio: value }, { requiredKeys: [] }), value),
        extra: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scenarioJson, (s) => {
        // Through JSON text, as a user's file arrives ("__proto__" stays an own key; a BigInt, which JSON cannot hold, becomes text).
        const text = JSON.stringify(s, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
        expectNamedScenarioError(text);
      }),
      { numRuns: RUNS },
    );
  });

  test('deep nesting, a huge file and hostile keys', () => {
    for (const text of [
      `{"name": "x", "overrides": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      `{"name": "x", "growth": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
      JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      '{"$format": {"toString": 1}, "name": "x"}',
      '{"name": {"toString": "x"}}',
      '{"name": "x", "__proto__": {"polluted": "yes"}}',
      '{"name": "x", "overrides": {"__proto__": {"polluted": "yes"}}}',
      '{"name": "x", "growth": {"byCategory": {"__proto__": {"cost": 0.1}}}}',
      '{"name": "x", "funding": {"ratio": {"toString": 1}}}',
      '[{"name": "a"}, {"name": "a"}]',
      '',
      '\uFEFF{"name": "带BOM"}',
    ]) {
      expectNamedScenarioError(text);
      expectNoPollution();
    }
  });
});
