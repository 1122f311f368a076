/**
 * The multi-year plan and its range as JSON (amounts as "12345.67" text, like summary.json),
 * for `medaid plan --summary` and the task pane.
 */
import type { Dec } from '../engine/money';
import type { PlanRange } from './bootstrap';
import type { MultiYearPlan, PlanYear, YearAmounts } from './multiYear';

const t = (x: Dec) => x.toFixed(2);
const amounts = (a: YearAmounts) => ({ assistance: t(a.assistance), premiumSubsidy: t(a.premiumSubsidy), fundNeed: t(a.fundNeed) });

function year(y: PlanYear) {
  return {
    year: y.year,
    policyId: y.policyId,
    people: y.people,
    ...amounts(y.total),
    byCategory: Object.fromEntries(Object.entries(y.byCategory).map(([c, b]) => [c, { people: b!.people, ...amounts(b!) }])),
    byDistrict: Object.fromEntries(Object.entries(y.byDistrict).map(([d, b]) => [d, amounts(b)])),
    funding: {
      ratio: y.funding.ratio,
      sources: { lottery: t(y.funding.lottery), donations: t(y.funding.donations), transfers: t(y.funding.transfers), allocated: t(y.funding.allocated), surplus: t(y.funding.surplus), origin: y.funding.origin },
      fiscal: t(y.funding.fiscal),
      city: t(y.funding.city),
      district: t(y.funding.districtTotal),
      districts: Object.fromEntries(Object.entries(y.funding.districts).map(([d, x]) => [d, { need: t(x.need), sources: t(x.sources), fiscal: t(x.fiscal), city: t(x.city), district: t(x.district) }])),
    },
    income: y.income && { year: y.income.year, value: t(y.income.value), origin: y.income.origin, fromYear: y.income.fromYear },
    carriedForward: y.carriedForward,
    notComputed: y.notComputed,
  };
}

export function planSummary(plan: MultiYearPlan, range?: PlanRange) {
  const a = plan.assumptions;
  return {
    $format: 'medaid-plan/1',
    region: plan.region,
    baseYear: plan.baseYear,
    scenario: plan.scenario ?? 'baseline',
    assumptions: {
      headcount: a.headcount.toString(),
      cost: a.cost.toString(),
      premium: a.premium.toString(),
      income: a.income.toString(),
      byCategory: Object.fromEntries(Object.entries(a.byCategory).map(([c, r]) => [c, { headcount: r!.headcount.toString(), cost: r!.cost.toString(), premium: r!.premium.toString() }])),
    },
    base: year(plan.base),
    years: plan.years.map(year),
    range: range && {
      draws: range.draws,
      seed: range.seed,
      method: range.method,
      covers: range.covers,
      years: range.years.map((r) => ({
        year: r.year,
        point: t(r.point),
        fundNeed: { p10: t(r.fundNeed.p10), p50: t(r.fundNeed.p50), p90: t(r.fundNeed.p90) },
        byDistrict: Object.fromEntries(Object.entries(r.byDistrict).map(([d, x]) => [d, {
          need: { p10: t(x.need.p10), p50: t(x.need.p50), p90: t(x.need.p90) },
          sharePct: { p10: t(x.sharePct.p10), p50: t(x.sharePct.p50), p90: t(x.sharePct.p90) },
        }])),
      })),
    },
  };
}
