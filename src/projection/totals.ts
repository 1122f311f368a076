/**
 * Totals by category, by district and overall, built only by adding the rounded per-visit
 * and per-person amounts — so every total is, by construction, the sum of its rows to the
 * fen; `assertReconciled` checks it anyway before a result leaves the projection.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { D, ZERO, type Dec } from '../engine/money';
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

function addVisit(b: Bucket, v: VisitOutcome): void {
  const a = b.assistance;
  b.visits++;
  if (v.visit.kind === 'inpatient') a.inpatient = a.inpatient.plus(v.ordinary);
  else a.outpatient = a.outpatient.plus(v.ordinary);
  a.tilt = a.tilt.plus(v.tilt);
  a.topUp = a.topUp.plus(v.topUp);
  a.total = a.total.plus(v.assistance);
  b.fundNeed = b.fundNeed.plus(v.assistance);
}

function addSubsidy(b: Bucket, amount: Dec): void {
  b.premiumSubsidy = b.premiumSubsidy.plus(amount);
  b.fundNeed = b.fundNeed.plus(amount);
  if (amount.greaterThan(0)) b.subsidised++;
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
  const overall = emptyBucket();
  const cats = new Map<CategoryId, Bucket>();
  const districts = new Map<string, Bucket>();
  const cat = (c: CategoryId) => cats.get(c) ?? cats.set(c, emptyBucket()).get(c)!;
  const dist = (d: string) => districts.get(d) ?? districts.set(d, emptyBucket()).get(d)!;

  for (const p of people) {
    overall.people++;
    cat(p.category).people++;
    dist(p.person.district).people++;
    if (p.premiumComputed) {
      addSubsidy(overall, p.premiumSubsidy);
      // One person, one status (project.ts): the subsidy is booked under the person's status, like the forecast's base.
      addSubsidy(cat(p.category), p.premiumSubsidy);
      addSubsidy(dist(p.person.district), p.premiumSubsidy);
    }
  }
  for (const v of visits) {
    addVisit(overall, v);
    addVisit(cat(v.category), v);
    addVisit(dist(v.district), v);
  }
  return {
    overall,
    byCategory: ordered(cats, (a, b) => CATEGORY_ORDER.get(a)! - CATEGORY_ORDER.get(b)!),
    byDistrict: ordered(districts, byCodePoint),
  };
}

const sumOf = (xs: Iterable<Dec>): Dec => {
  let t = new D(0);
  for (const x of xs) t = t.plus(x);
  return t;
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
    check(`row ${v.visit.rowNumber} parts`, v.ordinary.plus(v.tilt), v.assistance);
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
