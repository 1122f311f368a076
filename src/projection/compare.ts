/**
 * Side by side: the figures a budget discussion uses, for the baseline and a scenario, with
 * the difference in yuan and in % of the baseline (2 decimals, half up; none when the
 * baseline is 0). Keys are stable measure ids the summary, the workbook and the task pane
 * share.
 */
import { CATEGORIES } from '../engine/categories';
import { D, ZERO, type Dec } from '../engine/money';
import { LAYER_KEYS } from './layers';
import type { Comparison, Difference, Projection } from './types';

/** Measure id → amount, for one projection. */
export function measures(p: Projection): Map<string, Dec> {
  const m = new Map<string, Dec>();
  const o = p.totals.overall;
  const f = p.funding;
  m.set('assistance.total', o.assistance.total);
  m.set('assistance.inpatient', o.assistance.inpatient);
  m.set('assistance.outpatient', o.assistance.outpatient);
  m.set('assistance.tilt', o.assistance.tilt);
  m.set('premiumSubsidy.total', o.premiumSubsidy);
  m.set('fundNeed', o.fundNeed);
  m.set('sources.allocated', f.allocated);
  m.set('fiscal', f.fiscal);
  m.set('split.city', f.city);
  m.set('split.district', f.districtTotal);
  m.set('forecast.nextFundNeed', p.forecast.total.nextFundNeed);
  for (const { id } of CATEGORIES) {
    const b = p.totals.byCategory[id];
    if (!b) continue;
    m.set(`assistance.byCategory.${id}`, b.assistance.total);
    m.set(`premiumSubsidy.byCategory.${id}`, b.premiumSubsidy);
  }
  for (const [d, b] of Object.entries(p.totals.byDistrict)) {
    m.set(`assistance.byDistrict.${d}`, b.assistance.total);
    m.set(`fundNeed.byDistrict.${d}`, b.fundNeed);
  }
  for (const [d, s] of Object.entries(f.districts)) {
    m.set(`split.districts.${d}.city`, s.city);
    m.set(`split.districts.${d}.district`, s.district);
  }
  // Settlement rows: each fund's layer and the residual burden (layers.ts).
  if (p.layers) {
    for (const k of LAYER_KEYS) m.set(`layers.${k}`, p.layers.overall[k]);
    for (const [c, b] of Object.entries(p.layers.byCategory)) for (const k of LAYER_KEYS) m.set(`layers.byCategory.${c}.${k}`, b![k]);
    for (const [d, b] of Object.entries(p.layers.byDistrict)) for (const k of LAYER_KEYS) m.set(`layers.byDistrict.${d}.${k}`, b[k]);
  }
  return m;
}

export function difference(baseline: Dec, scenario: Dec): Difference {
  const diff = scenario.minus(baseline);
  const d: Difference = { baseline, scenario, diff };
  if (!baseline.isZero()) d.pct = diff.dividedBy(baseline).times(100).toDecimalPlaces(2, D.ROUND_HALF_UP);
  return d;
}

export function compare(baseline: Projection, scenario: Projection): Comparison {
  const a = measures(baseline);
  const b = measures(scenario);
  const out: Record<string, Difference> = {};
  for (const k of new Set([...a.keys(), ...b.keys()])) out[k] = difference(a.get(k) ?? ZERO, b.get(k) ?? ZERO);
  return { scenario: scenario.scenario, measures: out };
}
