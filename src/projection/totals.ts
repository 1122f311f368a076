/**
 * Totals by category, by district and overall, built only by adding the rounded per-visit
 * and per-person amounts — so every total is, by construction, the sum of its rows to the
 * fen; `assertReconciled` checks it anyway before a result leaves the projection. The sums run
 * in integer fen (FenSum) and are converted to decimals once, at the end.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { D, ZERO, type Dec } from '../engine/money';
import { fenOfDecimal } from '../fastpath/fenOfDecimal';
import type { AssistanceTotals, Bucket, PersonOutcome, Totals, VisitOutcome } from './types';

export function emptyBucket(): Bucket {
  return {
    people: 0,
    visits: 0,
    assistance: { inpatient: ZERO, outpatient: ZERO, tilt: ZERO, topUp: ZERO, total: ZERO },
    premiumSubsidy: ZERO,
    subsidised: 0,
    fundNeed: ZERO,
  };
}

/**
 * An amount summed in integer fen (every row amount is rounded to the fen: assertReconciled), any
 * amount that is not a whole non-negative fen kept exactly as a decimal; converted once.
 */
class FenSum {
  fen = 0;
  rest: Dec = ZERO;
  add(x: Dec): void {
    const f = fenOfDecimal(x);
    if (f !== undefined && Number.isSafeInteger(this.fen + f)) this.fen += f;
    else this.rest = this.rest.plus(x);
  }
  value(): Dec {
    return this.fen === 0 ? this.rest : this.rest.plus(new D(this.fen).dividedBy(100));
  }
}

/** A bucket being summed: counts, and each amount as a FenSum. */
class BucketSum {
  people = 0;
  visits = 0;
  subsidised = 0;
  readonly inpatient = new FenSum();
  readonly outpatient = new FenSum();
  readonly tilt = new FenSum();
  readonly topUp = new FenSum();
  readonly total = new FenSum();
  readonly premiumSubsidy = new FenSum();
  readonly fundNeed = new FenSum();

  addVisit(v: VisitOutcome): void {
    this.visits++;
    (v.visit.kind === 'inpatient' ? this.inpatient : this.outpatient).add(v.ordinary);
    this.tilt.add(v.tilt);
    this.topUp.add(v.topUp);
    this.total.add(v.assistance);
    this.fundNeed.add(v.assistance);
  }

  addSubsidy(amount: Dec): void {
    this.premiumSubsidy.add(amount);
    this.fundNeed.add(amount);
    if (amount.greaterThan(0)) this.subsidised++;
  }

  bucket(): Bucket {
    return {
      people: this.people,
      visits: this.visits,
      assistance: { inpatient: this.inpatient.value(), outpatient: this.outpatient.value(), tilt: this.tilt.value(), topUp: this.topUp.value(), total: this.total.value() },
      premiumSubsidy: this.premiumSubsidy.value(),
      subsidised: this.subsidised,
      fundNeed: this.fundNeed.value(),
    };
  }
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c.id, i]));

/** Keys in a fixed order that does not depend on row order: categories as listed, districts by code point. */
export function ordered<K extends string>(rec: Map<K, Bucket>, cmp: (a: K, b: K) => number): Record<K, Bucket> {
  const out = {} as Record<K, Bucket>;
  // defineProperty, not out[k] = …: a district named "__proto__" must be a key like any other,
  // not the object's prototype (found by test/hardening/fuzz-projection).
  for (const k of [...rec.keys()].sort(cmp)) Object.defineProperty(out, k, { value: rec.get(k)!, enumerable: true, writable: true, configurable: true });
  return out;
}

export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function computeTotals(people: readonly PersonOutcome[], visits: readonly VisitOutcome[]): Totals {
  const overall = new BucketSum();
  const cats = new Map<CategoryId, BucketSum>();
  const districts = new Map<string, BucketSum>();
  const cat = (c: CategoryId) => cats.get(c) ?? cats.set(c, new BucketSum()).get(c)!;
  const dist = (d: string) => districts.get(d) ?? districts.set(d, new BucketSum()).get(d)!;

  for (const p of people) {
    overall.people++;
    cat(p.category).people++;
    dist(p.person.district).people++;
    if (p.premiumComputed) {
      overall.addSubsidy(p.premiumSubsidy);
      // One person, one status (project.ts): the subsidy is booked under the person's status, like the forecast's base.
      cat(p.category).addSubsidy(p.premiumSubsidy);
      dist(p.person.district).addSubsidy(p.premiumSubsidy);
    }
  }
  for (const v of visits) {
    overall.addVisit(v);
    cat(v.category).addVisit(v);
    dist(v.district).addVisit(v);
  }
  const buckets = <K extends string>(m: Map<K, BucketSum>) => new Map([...m].map(([k, b]) => [k, b.bucket()] as const));
  return {
    overall: overall.bucket(),
    byCategory: ordered(buckets(cats), (a, b) => CATEGORY_ORDER.get(a)! - CATEGORY_ORDER.get(b)!),
    byDistrict: ordered(buckets(districts), byCodePoint),
  };
}

const sumOf = (xs: Iterable<Dec>): Dec => {
  const t = new FenSum();
  for (const x of xs) t.add(x);
  return t.value();
};

function sameBucketSums(label: string, parts: Bucket[], whole: Bucket): void {
  const keys: (keyof AssistanceTotals)[] = ['inpatient', 'outpatient', 'tilt', 'topUp', 'total'];
  for (const k of keys) check(`${label} assistance.${k}`, sumOf(parts.map((b) => b.assistance[k])), whole.assistance[k]);
  check(`${label} premiumSubsidy`, sumOf(parts.map((b) => b.premiumSubsidy)), whole.premiumSubsidy);
  check(`${label} fundNeed`, sumOf(parts.map((b) => b.fundNeed)), whole.fundNeed);
}

function check(what: string, got: Dec, want: Dec): void {
  if (!got.equals(want)) throw new Error(`projection does not reconcile: ${what} ${got.toFixed(2)} ≠ ${want.toFixed(2)}`);
}

function atFen(what: string, x: Dec): void {
  if (fenOfDecimal(x) !== undefined) return; // a whole non-negative fen; anything else is checked exactly
  if (!x.equals(x.toDecimalPlaces(2))) throw new Error(`projection amount not rounded to the fen: ${what} = ${x.toString()}`);
}

/**
 * The reconciliation the budget depends on: by category, by district and overall equal the
 * sum of the rows, to the fen; every row amount is already at the fen. Throws (a bug, not a
 * user error) if not.
 */
export function assertReconciled(people: readonly PersonOutcome[], visits: readonly VisitOutcome[], totals: Totals): void {
  for (const v of visits) {
    atFen(`row ${v.visit.rowNumber}`, v.assistance);
    const [o, t, a] = [fenOfDecimal(v.ordinary), fenOfDecimal(v.tilt), fenOfDecimal(v.assistance)];
    if (o !== undefined && t !== undefined && a !== undefined) {
      if (o + t !== a) check(`row ${v.visit.rowNumber} parts`, v.ordinary.plus(v.tilt), v.assistance);
    } else check(`row ${v.visit.rowNumber} parts`, v.ordinary.plus(v.tilt), v.assistance);
  }
  for (const p of people) atFen(`person row ${p.person.rowNumber}`, p.premiumSubsidy);
  const o = totals.overall;
  check('assistance.total = Σ rows', sumOf(visits.map((v) => v.assistance)), o.assistance.total);
  check('premiumSubsidy = Σ people', sumOf(people.filter((p) => p.premiumComputed).map((p) => p.premiumSubsidy)), o.premiumSubsidy);
  check('assistance = inpatient + outpatient + tilt', o.assistance.inpatient.plus(o.assistance.outpatient).plus(o.assistance.tilt), o.assistance.total);
  check('fundNeed = assistance + subsidy', o.assistance.total.plus(o.premiumSubsidy), o.fundNeed);
  check('person assistance = Σ visits', sumOf(people.map((p) => p.assistance)), o.assistance.total);
  sameBucketSums('byCategory', Object.values(totals.byCategory) as Bucket[], o);
  sameBucketSums('byDistrict', Object.values(totals.byDistrict), o);
}
