/**
 * Properties that must hold for every region, status, scheme and amount (fast-check).
 * Amounts are whole fen turned into yuan with Decimal (`new D(n).div(100)`), never floats.
 * Regions whose terms need last year's income get a made-up figure so every rule runs.
 */
import fc from 'fast-check';
import { BUILTIN_POLICIES, D, MedaidError, defaultEngine, fmt, parseAmount, parseRatio, round2, splitAmount } from '../../src/engine';
import type { Dec, Engine, PolicyFile } from '../../src/engine';

// FC_RUNS=5000 npx jest test/engine/properties — a longer search than the default 100 runs.
fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 100) });

const ENGINE: Engine = defaultEngine().withOverrides({
  山西: { 'income.perCapitaDisposable': { '2021': 30000 } },
  西平: { 'income.perCapitaDisposable': { '2022': 23000 } },
  // Delegated premium amounts (ruling 8), so every premium tier computes.
  信阳: { 'premium.tiers.monitored.amount': 100 },
  西平县: { 'premium.tiers.monitored.amount': 100 },
});

interface RegionInfo {
  policy: PolicyFile;
  region: string;
  categories: string[];
  /** 'inpatient' or an outpatient scheme id. */
  schemes: string[];
}

const REGIONS: RegionInfo[] = BUILTIN_POLICIES.map((p) => ({
  // A counterexample prints the region id, not the whole policy file.
  [fc.toStringMethod]: () => p.id,
  policy: p,
  region: p.region.id,
  categories: [...p.categories],
  schemes: [...(p.inpatient ? ['inpatient'] : []), ...Object.keys(p.outpatient?.schemes ?? {})],
}));
const ASSISTANCE = REGIONS.filter((r) => r.schemes.length > 0);
const PREMIUM = REGIONS.filter((r) => r.policy.premium);

const regionOf = (list: RegionInfo[]) => fc.constantFrom(...list);

const fen = (maxYuan: number) => fc.integer({ min: 0, max: maxYuan * 100 }).map((n) => new D(n).div(100));

/** One visit's terms: region, one status, a scheme. */
const target = regionOf(ASSISTANCE).chain((r) => fc.record({ r: fc.constant(r), category: fc.constantFrom(...r.categories), scheme: fc.constantFrom(...r.schemes) }));

function assist(r: RegionInfo, categories: string, scheme: string, cost: Dec, ytdCost: Dec = new D(0), ytdAssist: Dec = new D(0)): Dec {
  const a = { cost, categories, region: r.region, ytdCost, ytdAssist };
  return (scheme === 'inpatient' ? ENGINE.inpatient(a) : ENGINE.outpatient({ ...a, kind: scheme })).value;
}

/** The annual cap of the scheme for the status, or undefined where the documents set none. */
function capOf(r: RegionInfo, category: string, scheme: string): Dec | undefined {
  try {
    return ENGINE.lookup({ what: 'cap', categories: category, region: r.region, scheme: scheme === 'inpatient' ? undefined : scheme }).value;
  } catch (e) {
    if (e instanceof MedaidError && e.code === 'TERM_NOT_DEFINED') return undefined;
    throw e;
  }
}

function poolOf(p: PolicyFile, scheme: string): string {
  return scheme === 'inpatient' ? p.inpatient!.capPool : p.outpatient!.schemes[scheme].capPool;
}

/** The status's cap in a pool: from the schemes of the pool that cover it (undefined if one of them has none). */
function poolCap(r: RegionInfo, category: string, pool: string): Dec | undefined {
  const covering = r.schemes.filter((s) => poolOf(r.policy, s) === pool).filter((s) => {
    const scheme = s === 'inpatient' ? r.policy.inpatient! : r.policy.outpatient!.schemes[s];
    return Object.values(scheme.tiers).some((t) => t.categories.includes(category as never));
  });
  const caps = covering.map((s) => capOf(r, category, s));
  return caps.length === 0 || caps.some((c) => c === undefined) ? undefined : max(caps as Dec[]);
}

const max = (xs: Dec[]) => xs.reduce((a, b) => (a.greaterThan(b) ? a : b));
const total = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new D(0));

describe('assistance for one visit', () => {
  test('is never negative, never more than the cost, never more than the cap left', () => {
    fc.assert(
      fc.property(target, fen(200000), fen(100000), fen(80000), ({ r, category, scheme }, cost, ytdCost, ytdAssist) => {
        const v = assist(r, category, scheme, cost, ytdCost, ytdAssist);
        expect(v.isNegative()).toBe(false);
        expect(v.lessThanOrEqualTo(round2(cost))).toBe(true);
        const cap = capOf(r, category, scheme);
        if (cap) {
          const room = cap.minus(ytdAssist);
          expect(v.lessThanOrEqualTo(room.isNegative() ? new D(0) : room)).toBe(true);
        }
      }),
    );
  });

  test('never decreases when the cost rises (every region, status and scheme)', () => {
    fc.assert(
      fc.property(target, fen(150000), fen(150000), fen(40000), fen(40000), ({ r, category, scheme }, a, b, ytdCost, ytdAssist) => {
        const [lo, hi] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        expect(assist(r, category, scheme, lo, ytdCost, ytdAssist).lessThanOrEqualTo(assist(r, category, scheme, hi, ytdCost, ytdAssist))).toBe(true);
      }),
    );
  });

  test('several statuses: the best one counts, once — at least each one, never their sum', () => {
    const several = regionOf(ASSISTANCE).chain((r) =>
      fc.record({ r: fc.constant(r), cats: fc.uniqueArray(fc.constantFrom(...r.categories), { minLength: 2, maxLength: 3 }), scheme: fc.constantFrom(...r.schemes) }),
    );
    fc.assert(
      fc.property(several, fen(120000), ({ r, cats, scheme }, cost) => {
        const each = cats.map((c) => assist(r, c, scheme, cost));
        const both = assist(r, cats.join(';'), scheme, cost);
        for (const v of each) expect(both.greaterThanOrEqualTo(v)).toBe(true);
        expect(fmt(both)).toBe(fmt(max(each)));
        if (each.filter((v) => v.greaterThan(0)).length >= 2) expect(both.lessThan(total(each))).toBe(true);
      }),
    );
  });
});

describe('a year of visits (personYear)', () => {
  const visit = (r: RegionInfo) => fc.record({ scheme: fc.constantFrom(...r.schemes), cost: fen(60000), referred: fc.boolean() });
  const year = regionOf(ASSISTANCE).chain((r) =>
    fc.record({ r: fc.constant(r), cats: fc.uniqueArray(fc.constantFrom(...r.categories), { minLength: 1, maxLength: 2 }), visits: fc.array(visit(r), { minLength: 1, maxLength: 8 }) }),
  );

  test('per-visit assistance adds up to the year totals; the year never pays more than it cost; caps hold', () => {
    fc.assert(
      fc.property(year, ({ r, cats, visits }) => {
        const py = ENGINE.personYear({ categories: cats, region: r.region });
        const paid: Dec[] = [];
        const byPool = new Map<string, Dec>();
        let tilt = new D(0);
        for (const v of visits) {
          const res = py.visit({ kind: v.scheme === 'inpatient' ? 'inpatient' : 'outpatient', scheme: v.scheme === 'inpatient' ? undefined : v.scheme, cost: v.cost, referred: v.referred });
          expect(res.assistance.isNegative()).toBe(false);
          expect(fmt(res.assistance)).toBe(fmt(res.ordinary.plus(res.tilt)));
          paid.push(res.assistance);
          tilt = tilt.plus(res.tilt);
          const pool = poolOf(r.policy, v.scheme);
          byPool.set(pool, (byPool.get(pool) ?? new D(0)).plus(res.ordinary));
        }
        const totals = py.totals;
        expect(fmt(total(paid))).toBe(fmt(totals.total));
        expect(totals.total.lessThanOrEqualTo(total(visits.map((v) => v.cost)))).toBe(true);
        if (cats.length === 1) {
          // One status: each cap pool's ordinary assistance stays within the status's cap there.
          for (const [pool, sum] of byPool) {
            const cap = poolCap(r, cats[0], pool);
            if (cap) expect(sum.lessThanOrEqualTo(cap)).toBe(true);
          }
          const rule = r.policy.tilt;
          if (rule?.cap && !rule.delegated) expect(tilt.lessThanOrEqualTo(new D(Object.values(rule.cap.values)[0] as number))).toBe(true);
          else expect(tilt.isZero()).toBe(true);
        }
      }),
    );
  });

  test('annual(): total = parts, never above the costs, never down when a cost rises', () => {
    fc.assert(
      fc.property(regionOf(ASSISTANCE.filter((r) => r.policy.inpatient)), fc.nat(), fen(150000), fen(150000), fen(50000), fc.boolean(), (r, pick, a, b, outCost, referred) => {
        const categories = r.categories[pick % r.categories.length];
        const [lo, hi] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const run = (inpatientCost: Dec) => ENGINE.annual({ inpatientCost, outpatientCost: outCost, categories, region: r.region, referred });
        const x = run(lo);
        const y = run(hi);
        expect(fmt(x.parts.inpatient.plus(x.parts.outpatient).plus(x.parts.tilt))).toBe(fmt(x.value));
        expect(x.value.lessThanOrEqualTo(lo.plus(outCost))).toBe(true);
        expect(x.value.lessThanOrEqualTo(y.value)).toBe(true);
      }),
    );
  });
});

describe('premium subsidies', () => {
  const prem = regionOf(PREMIUM).chain((r) =>
    fc.record({ r: fc.constant(r), cats: fc.uniqueArray(fc.constantFrom(...r.categories), { minLength: 1, maxLength: 3 }), year: fc.constantFrom(r.policy.edition.year, r.policy.edition.year + 1) }),
  );
  test('never exceed the premium (ruling 10); several statuses give the largest once', () => {
    fc.assert(
      fc.property(prem, fen(2000), ({ r, cats, year }, premium) => {
        const run = (categories: string) => ENGINE.premiumSubsidy({ categories, region: r.region, year, premium }).value;
        const each = cats.map(run);
        for (const v of each) {
          expect(v.isNegative()).toBe(false);
          expect(v.lessThanOrEqualTo(premium)).toBe(true);
        }
        expect(fmt(run(cats.join('、')))).toBe(fmt(max(each)));
      }),
    );
  });
});

describe('the 1:9 split and amounts', () => {
  test('parts always sum to the total to the fen, for any amount and any ratio a:b (ruling 11)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (n, a, b) => {
        fc.pre(a + b > 0);
        const amount = new D(n).div(100);
        const parts = splitAmount(amount, parseRatio(`${a}:${b}`));
        expect(parts.city.plus(parts.district).equals(amount)).toBe(true);
        expect(parts.city.equals(round2(amount.times(a).div(a + b)))).toBe(true);
        expect(parts.city.isNegative() || parts.district.isNegative()).toBe(false);
        expect(parts.city.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
    );
  });

  test('parseAmount reads back every formatted amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (n) => {
        const x = new D(n).div(100);
        const text = fmt(x);
        const withCommas = text.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
        for (const s of [text, `${text}元`, `¥${text}`, withCommas, `${x.div(10000).toString()}万`, `${x.div(10000).toString()}万元`]) {
          expect(parseAmount(s, 'amount').equals(x)).toBe(true);
        }
        if (n <= Number.MAX_SAFE_INTEGER) expect(parseAmount(x.toNumber(), 'amount').equals(x)).toBe(true);
      }),
    );
  });
});
