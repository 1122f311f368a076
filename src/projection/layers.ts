/**
 * Settlement rows in the projection: before a person's year goes through the assistance
 * accumulator, each settlement visit goes through the layers (src/engine/rules/settlementChain.ts)
 * in date order — basic insurance, critical-illness insurance (annual, so the person's visits
 * share it), out-of-catalogue excess borne by the hospital, hospital reduction — and its `cost`
 * becomes the policy-range out-of-pocket the layers leave (ruling 2). Assistance is then
 * computed exactly as for an out-of-pocket row, and each visit reports every layer plus the
 * residual the person still pays; layers + residual = total cost, to the fen (asserted).
 *
 * A scenario's run passes the baseline engine too: in `asGiven` mode a settlement's own
 * 大病保险支付 / 医疗机构减免 move only by what the scenario's rule change moves them.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import { isMedaidError } from '../engine/errors';
import { ZERO, fmt, type Dec } from '../engine/money';
import { SettlementYear, type LayerMode, type LayerSource } from '../engine/rules/settlementChain';
import type { Person, Visit } from '../roster/types';

/** The layers of one settlement visit, with the assistance and what is left. */
export interface VisitLayerOutcome {
  total: Dec;
  basic: Dec;
  ci: Dec;
  reduction: Dec;
  hospitalExcess: Dec;
  /** Policy-range out-of-pocket after basic and critical-illness insurance (what assistance started from). */
  policyRangeOop: Dec;
  assistance: Dec;
  /** Part of assistance that is tilted assistance. */
  tilt: Dec;
  /** What the person still pays: total − every layer above − assistance. */
  residual: Dec;
  source: { basic: LayerSource; ci: LayerSource; reduction: LayerSource };
}

export const LAYER_KEYS = ['total', 'basic', 'ci', 'reduction', 'hospitalExcess', 'assistance', 'tilt', 'residual'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export type LayerAmounts = Record<LayerKey, Dec> & { visits: number };

/** Settlement-visit totals: overall, by the category a visit was paid under, by district. */
export interface LayerTotals {
  overall: LayerAmounts;
  byCategory: Partial<Record<CategoryId, LayerAmounts>>;
  byDistrict: Record<string, LayerAmounts>;
}

export const LAYER_LABELS: Record<LayerKey, { zh: string; en: string }> = {
  total: { zh: '医疗总费用', en: 'Total cost' },
  basic: { zh: '基本医保', en: 'Basic insurance' },
  ci: { zh: '大病保险', en: 'Critical-illness insurance' },
  reduction: { zh: '医疗机构减免', en: 'Hospital reduction' },
  hospitalExcess: { zh: '医疗机构承担目录外超限', en: 'Out-of-catalogue excess borne by the hospital' },
  assistance: { zh: '医疗救助', en: 'Medical assistance' },
  tilt: { zh: '其中倾斜救助', en: 'of which tilted assistance' },
  residual: { zh: '个人负担', en: 'Residual paid by the person' },
};

export interface LayerContext {
  engine: Engine;
  /** The baseline engine when `engine` is a scenario's. */
  baseline?: Engine;
  region: string;
  year: number;
  mode: LayerMode;
  visitsSheet: string;
}

/**
 * A person's visits with settlement rows turned into out-of-pocket rows (cost, in-catalogue
 * total and insurance paid from the layers); `layers[i]` is the chain's result for visit i
 * (undefined for an out-of-pocket row). Throws the chain's error located at the visit row.
 */
export function applyLayers(ctx: LayerContext, person: Person, visits: readonly Visit[]) {
  if (!visits.some((v) => v.settlement)) return { visits, layers: undefined };
  const rp = ctx.engine.resolve(ctx.region, ctx.year);
  const yearPools = visits.flatMap((v) => (v.kind === 'outpatient' && v.settlement?.pool ? [v.settlement.pool] : []));
  const chain = new SettlementYear(rp, person.categories, { mode: ctx.mode, baseline: ctx.baseline?.resolve(ctx.region, ctx.year), yearPools });
  const out: Visit[] = [];
  const layers: (ReturnType<SettlementYear['visit']> | undefined)[] = [];
  for (const v of visits) {
    if (!v.settlement) {
      out.push(v);
      layers.push(undefined);
      continue;
    }
    try {
      const s = v.settlement;
      const l = chain.visit({ kind: v.kind, total: s.total, outOfCatalogue: s.outOfCatalogue, basicPaid: s.basicPaid, ciPaid: s.ciPaid, reduction: s.reduction, level: s.level, pool: s.pool });
      out.push({ ...v, cost: l.policyRangeOop, totalCost: l.inCatalogue, insurancePaid: l.insurancePaid });
      layers.push(l);
    } catch (e) {
      if (!isMedaidError(e)) throw e;
      throw e.at(`${ctx.visitsSheet} 第 ${v.rowNumber} 行`);
    }
  }
  return { visits: out, layers };
}

/** The visit's layers with its assistance: the residual closes the sum. */
export function layerOutcome(l: NonNullable<ReturnType<typeof applyLayers>['layers']>[number], assistance: Dec, tilt: Dec): VisitLayerOutcome | undefined {
  if (!l) return undefined;
  const residual = l.total.minus(l.basic).minus(l.ci).minus(l.reduction).minus(l.hospitalExcess).minus(assistance);
  return { total: l.total, basic: l.basic, ci: l.ci, reduction: l.reduction, hospitalExcess: l.hospitalExcess, policyRangeOop: l.policyRangeOop, assistance, tilt, residual, source: l.source };
}

const emptyAmounts = (): LayerAmounts => ({ total: ZERO, basic: ZERO, ci: ZERO, reduction: ZERO, hospitalExcess: ZERO, assistance: ZERO, tilt: ZERO, residual: ZERO, visits: 0 });

/** The bucket for a key, as an own property: a district named "__proto__" must not reach Object.prototype. */
function own(rec: Record<string, LayerAmounts>, key: string): LayerAmounts {
  if (!Object.prototype.hasOwnProperty.call(rec, key)) Object.defineProperty(rec, key, { value: emptyAmounts(), enumerable: true, writable: true, configurable: true });
  return rec[key];
}

function add(into: LayerAmounts, l: VisitLayerOutcome): void {
  for (const k of LAYER_KEYS) into[k] = into[k].plus(l[k]);
  into.visits++;
}

/**
 * Totals over the settlement visits. A person's year never leaves a negative residual; one visit
 * can, when the assistance accumulator books a year's tilted assistance on a later visit
 * (PersonYear's booking rule, docs/projection.md). Each visit, each bucket and the overall figure
 * reconcile: basic + ci + reduction + hospitalExcess + assistance + residual = total, exactly.
 */
export function layerTotals(visits: readonly { layers?: VisitLayerOutcome; category: CategoryId; district: string; visit: Visit }[]): LayerTotals | undefined {
  let any = false;
  const t: LayerTotals = { overall: emptyAmounts(), byCategory: {}, byDistrict: {} };
  for (const v of visits) {
    const l = v.layers;
    if (!l) continue;
    any = true;
    add(t.overall, l);
    add(own(t.byCategory as Record<string, LayerAmounts>, v.category), l);
    add(own(t.byDistrict, v.district), l);
  }
  if (!any) return undefined;
  return reconciled(inOrder(t));
}

/** Each bucket and the overall figure reconcile, exactly (throws otherwise: a bug). */
function reconciled(t: LayerTotals): LayerTotals {
  for (const b of [t.overall, ...Object.values(t.byCategory), ...Object.values(t.byDistrict)]) {
    const sum = b!.basic.plus(b!.ci).plus(b!.reduction).plus(b!.hospitalExcess).plus(b!.assistance).plus(b!.residual);
    if (!sum.equals(b!.total)) throw new Error(`layers do not reconcile: ${sum.toFixed(2)} ≠ ${b!.total.toFixed(2)}`);
  }
  return t;
}

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c.id, i]));
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Buckets in the totals' order (categories as listed, districts by code point), whatever order the visits came in. */
function inOrder(t: LayerTotals): LayerTotals {
  const out: LayerTotals = { overall: t.overall, byCategory: {}, byDistrict: {} };
  const cats = Object.keys(t.byCategory).sort((a, b) => (CATEGORY_ORDER.get(a) ?? 1e9) - (CATEGORY_ORDER.get(b) ?? 1e9) || codePoint(a, b));
  for (const k of cats) Object.assign(own(out.byCategory as Record<string, LayerAmounts>, k), (t.byCategory as Record<string, LayerAmounts>)[k]);
  for (const k of Object.keys(t.byDistrict).sort(codePoint)) Object.assign(own(out.byDistrict, k), t.byDistrict[k]);
  return out;
}

/**
 * The layer totals of disjoint parts of one roster, added up (streamRun): every amount is a
 * sum over settlement visits, so the sum of the parts' totals is the whole roster's, exactly.
 */
export function addLayerTotals(a: LayerTotals | undefined, b: LayerTotals | undefined): LayerTotals | undefined {
  if (!b) return a;
  const t: LayerTotals = a ?? { overall: emptyAmounts(), byCategory: {}, byDistrict: {} };
  const plus = (into: LayerAmounts, x: LayerAmounts) => {
    for (const k of LAYER_KEYS) into[k] = into[k].plus(x[k]);
    into.visits += x.visits;
  };
  plus(t.overall, b.overall);
  for (const [k, x] of Object.entries(b.byCategory)) plus(own(t.byCategory as Record<string, LayerAmounts>, k), x!);
  for (const [k, x] of Object.entries(b.byDistrict)) plus(own(t.byDistrict, k), x);
  return reconciled(inOrder(t));
}

/** summary.json's `layers`: every amount as "0.00" text, overall, by category id and by district. */
export function layersSummary(t: LayerTotals): { overall: Record<string, string | number>; byCategory: Record<string, Record<string, string | number>>; byDistrict: Record<string, Record<string, string | number>> } {
  const one = (b: LayerAmounts) => ({ visits: b.visits, ...Object.fromEntries(LAYER_KEYS.map((k) => [k, fmt(b[k])])) });
  return {
    overall: one(t.overall),
    byCategory: Object.fromEntries(Object.entries(t.byCategory).map(([c, b]) => [c, one(b!)])),
    byDistrict: Object.fromEntries(Object.entries(t.byDistrict).map(([d, b]) => [d, one(b)])),
  };
}
