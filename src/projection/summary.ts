/**
 * summary.json: the run's figures as plain JSON, every amount a string with 2 decimals
 * ("12345.67") so no binary float creeps in between the engine and whoever reads it.
 * Categories are keyed by id (stable across languages), districts by name.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { fmt, type Dec } from '../engine/money';
import { completenessLabel, completenessNotes, gapText, type Completeness } from './completeness';
import type { Fix, Surface } from './fixes';
import { layersSummary } from './layers';
import type { MonitoringReport } from './monitoringAlerts';
import type { Bucket, Projection, ProjectionRun } from './types';

type Amounts = Record<string, string>;

const amounts = <K extends string>(rec: Partial<Record<K, Bucket>>, pick: (b: Bucket) => Dec): Amounts =>
  Object.fromEntries(Object.entries(rec).map(([k, b]) => [k, fmt(pick(b as Bucket))]));

export interface ProjectionSummary {
  /** Settlement rows' layers (basic, critical-illness, hospital, assistance, residual), when the roster has any. */
  layers?: ReturnType<typeof layersSummary>;
  scenario: string;
  region: string;
  policyId: string;
  year: number;
  people: number;
  visits: number;
  problems: number;
  /** True when some people, visits or rules were not computed: every total below is partial. */
  partial: boolean;
  /** How much was computed (see src/projection/completeness.ts); absent only for a projection not made by runProjection. */
  completeness?: CompletenessSummary;
  /** Measures not computed at all (their figure is null, never "0.00"), with the reason. */
  notComputed: Record<string, { zh: string; en: string }>;
  /** tilt is null when it was not computed (Shanxi's delegated terms, ruling 4). */
  assistance: { total: string; inpatient: string; outpatient: string; tilt: string | null; topUp: string; byCategory: Amounts; byDistrict: Amounts };
  premiumSubsidy: { total: string; subsidised: number; byCategory: Amounts; byDistrict: Amounts };
  /** Monitoring alerts (预警监测), for a region with the rule: the line, the counts and each person above it. */
  monitoring?: {
    categories: CategoryId[];
    threshold: string | null;
    citation: string;
    monitored: number;
    unchecked: number;
    alerts: number;
    rows: { row: number; personId: string; district: string; category: CategoryId; outOfPocket: string }[];
    notComputed?: { zh: string; en: string };
  };
  /** Per-person averages beside the documents' published totals for the year (calibration.ts). */
  calibration?: {
    measure: string;
    label: { zh: string; en: string };
    citation: string;
    published: { people: number; amount: string; perPerson: string };
    projected: { people: number; amount: string; perPerson: string | null };
    /** Projected per person as a percentage of the published one; null when nobody was projected. */
    pct: string | null;
  }[];
  fundNeed: string;
  fundNeedByCategory: Amounts;
  fundNeedByDistrict: Amounts;
  sources: { lottery: string; donations: string; transfers: string; total: string; allocated: string; surplus: string; origin: Record<string, string>; byDistrict: Amounts };
  fiscal: { total: string; byDistrict: Amounts };
  split: { ratio: string; source?: { zh: string; en: string; own: boolean }; city: string; district: string; districts: Record<string, { city: string; district: string }> };
  forecast: {
    year: number;
    method?: { zh: string; en: string; own: boolean };
    total: { people: number; assistance: string; premiumSubsidy: string; nextPeople: number; nextAssistance: string; nextPremiumSubsidy: string; nextFundNeed: string };
    /** Per-capita amounts are per COMPUTED person (assistancePeople / subsidyPeople); null: nobody computed (未计算). */
    byCategory: Record<string, { people: number; assistancePeople: number; subsidyPeople: number; perCapitaAssistance: string | null; perCapitaSubsidy: string | null; nextPeople: number; nextAssistance: string; nextPremiumSubsidy: string; nextFundNeed: string }>;
  };
}

export interface CompletenessSummary {
  label: { zh: string; en: string };
  /** Lowest of the three shares, percent ("62.00"), rounded down. */
  share: string;
  threshold: string;
  belowThreshold: boolean;
  people: { computed: number; total: number; pct: string };
  visits: { computed: number; total: number; pct: string };
  cost: { computed: string; total: string; pct: string };
  rules: { total: number; computed: number; notComputed: { rule: string; measure: string; visits: number; zh: string; en: string; fix: Fix }[] };
  excluded: { code: string; part: string; people: number; visits: number; zh: string; en: string }[];
  beforeEffective: { effective: string; visits: number; rows: number[] };
  notes: { zh: string[]; en: string[] };
  /** Each headline measure: complete, partial or notComputed (a notComputed figure is shown as 未计算). */
  measures: Record<string, 'complete' | 'partial' | 'notComputed'>;
  /** People not computed per category / district (a bucket all of whose people are missing shows 未计算). */
  missing: Completeness['missing'];
}

/** The notes are in the words of the surface that shows them (summary.json and the CLI: flags; the pane: its fields). */
export function completenessSummary(c: Completeness, surface: Surface = 'cli'): CompletenessSummary {
  return {
    label: { zh: completenessLabel(c, 'zh'), en: completenessLabel(c, 'en') },
    share: c.share.toFixed(2),
    threshold: c.threshold.toString(),
    belowThreshold: c.belowThreshold,
    people: { ...c.people, pct: c.people.pct.toFixed(2) },
    visits: { ...c.visits, pct: c.visits.pct.toFixed(2) },
    cost: { computed: fmt(c.cost.computed), total: fmt(c.cost.total), pct: c.cost.pct.toFixed(2) },
    rules: { total: c.rules.total, computed: c.rules.computed, notComputed: c.rules.gaps.map((g) => ({ ...g })) },
    excluded: c.exclusions.map((e) => ({ ...e })),
    beforeEffective: { ...c.beforeEffective, rows: c.beforeEffective.rows.slice(0, 1000) },
    notes: { zh: completenessNotes(c, 'zh', surface), en: completenessNotes(c, 'en', surface) },
    measures: { ...c.measures },
    missing: c.missing,
  };
}

function monitoringSummary(m: MonitoringReport): NonNullable<ProjectionSummary['monitoring']> {
  return {
    categories: [...m.categories],
    threshold: m.threshold ? fmt(m.threshold) : null,
    citation: m.citation,
    monitored: m.monitored,
    unchecked: m.unchecked,
    alerts: m.alerts.length,
    rows: m.alerts.map((a) => ({ row: a.personRow, personId: a.personId, district: a.district, category: a.category, outOfPocket: fmt(a.outOfPocket) })),
    ...(m.notComputed ? { notComputed: { ...m.notComputed } } : {}),
  };
}

export function projectionSummary(p: Projection): ProjectionSummary {
  const t = p.totals;
  const o = t.overall;
  const f = p.funding;
  const c = p.completeness;
  const gaps = c?.rules.gaps ?? [];
  const tiltMissing = gaps.some((g) => g.measure === 'assistance.tilt');
  return {
    ...(p.layers ? { layers: layersSummary(p.layers) } : {}),
    scenario: p.scenario,
    region: p.region.zh,
    policyId: p.policyId,
    year: p.year,
    people: o.people,
    visits: o.visits,
    problems: p.problems.length,
    partial: c ? !c.complete : p.problems.length > 0,
    ...(c ? { completeness: completenessSummary(c) } : {}),
    notComputed: Object.fromEntries(gaps.map((g) => [g.measure, { zh: gapText(g, 'zh', 'cli'), en: gapText(g, 'en', 'cli') }])),
    assistance: {
      total: fmt(o.assistance.total),
      inpatient: fmt(o.assistance.inpatient),
      outpatient: fmt(o.assistance.outpatient),
      tilt: tiltMissing ? null : fmt(o.assistance.tilt),
      topUp: fmt(o.assistance.topUp),
      byCategory: amounts(t.byCategory, (b) => b.assistance.total),
      byDistrict: amounts(t.byDistrict, (b) => b.assistance.total),
    },
    premiumSubsidy: {
      total: fmt(o.premiumSubsidy),
      subsidised: o.subsidised,
      byCategory: amounts(t.byCategory, (b) => b.premiumSubsidy),
      byDistrict: amounts(t.byDistrict, (b) => b.premiumSubsidy),
    },
    ...(p.monitoring ? { monitoring: monitoringSummary(p.monitoring) } : {}),
    ...(p.calibration
      ? {
          calibration: p.calibration.map((r) => ({
            measure: r.measure,
            label: { ...r.label },
            citation: r.citation,
            published: { people: r.published.people, amount: fmt(r.published.amount), perPerson: fmt(r.published.perPerson) },
            projected: { people: r.projected.people, amount: fmt(r.projected.amount), perPerson: r.projected.perPerson ? fmt(r.projected.perPerson) : null },
            pct: r.pct ? r.pct.toFixed(2) : null,
          })),
        }
      : {}),
    fundNeed: fmt(o.fundNeed),
    fundNeedByCategory: amounts(t.byCategory, (b) => b.fundNeed),
    fundNeedByDistrict: amounts(t.byDistrict, (b) => b.fundNeed),
    sources: {
      lottery: fmt(f.lottery),
      donations: fmt(f.donations),
      transfers: fmt(f.transfers),
      total: fmt(f.sourcesTotal),
      allocated: fmt(f.allocated),
      surplus: fmt(f.surplus),
      origin: { ...f.origin },
      byDistrict: Object.fromEntries(Object.entries(f.districts).map(([d, x]) => [d, fmt(x.sources)])),
    },
    fiscal: { total: fmt(f.fiscal), byDistrict: Object.fromEntries(Object.entries(f.districts).map(([d, x]) => [d, fmt(x.fiscal)])) },
    split: {
      ratio: f.ratio,
      ...(f.ratioSource ? { source: { ...f.ratioSource } } : {}),
      city: fmt(f.city),
      district: fmt(f.districtTotal),
      districts: Object.fromEntries(Object.entries(f.districts).map(([d, x]) => [d, { city: fmt(x.city), district: fmt(x.district) }])),
    },
    forecast: {
      year: p.forecast.nextYear,
      ...(p.forecast.method ? { method: { ...p.forecast.method } } : {}),
      total: {
        people: p.forecast.total.people,
        assistance: fmt(p.forecast.total.assistance),
        premiumSubsidy: fmt(p.forecast.total.premiumSubsidy),
        nextPeople: p.forecast.total.nextPeople,
        nextAssistance: fmt(p.forecast.total.nextAssistance),
        nextPremiumSubsidy: fmt(p.forecast.total.nextPremiumSubsidy),
        nextFundNeed: fmt(p.forecast.total.nextFundNeed),
      },
      byCategory: Object.fromEntries(
        p.forecast.rows.map((r) => [
          r.category,
          {
            people: r.people,
            assistancePeople: r.assistancePeople,
            subsidyPeople: r.subsidyPeople,
            perCapitaAssistance: r.perCapitaAssistance ? fmt(r.perCapitaAssistance) : null,
            perCapitaSubsidy: r.perCapitaSubsidy ? fmt(r.perCapitaSubsidy) : null,
            nextPeople: r.nextPeople,
            nextAssistance: fmt(r.nextAssistance),
            nextPremiumSubsidy: fmt(r.nextPremiumSubsidy),
            nextFundNeed: fmt(r.nextFundNeed),
          },
        ]),
      ),
    },
  };
}

export interface RunSummary extends ProjectionSummary {
  categories: Partial<Record<CategoryId, { zh: string; en: string }>>;
  rows: ProjectionRun['rows'];
  /** The pre-flight's findings, when it had any (the CLI prints them too). */
  preflight?: NonNullable<ProjectionRun['preflight']>[number][];
  scenarios: Record<string, ProjectionSummary & { diff: Record<string, { baseline: string; scenario: string; diff: string; pct: string | null }> }>;
}

/** The whole run: the baseline's figures at the top level, each scenario under scenarios.NAME. */
export function runSummary(run: ProjectionRun): RunSummary {
  const scenarios: RunSummary['scenarios'] = {};
  run.scenarios.forEach(({ projection }, i) => {
    const c = run.comparisons[i];
    // defineProperty: a scenario named "__proto__" stays an own key (test/hardening/fuzz-projection).
    Object.defineProperty(scenarios, projection.scenario, { enumerable: true, writable: true, configurable: true, value: {
      ...projectionSummary(projection),
      diff: Object.fromEntries(
        Object.entries(c.measures).map(([k, d]) => [k, { baseline: fmt(d.baseline), scenario: fmt(d.scenario), diff: fmt(d.diff), pct: d.pct ? d.pct.toFixed(2) : null }]),
      ),
    } });
  });
  return {
    ...projectionSummary(run.baseline),
    categories: Object.fromEntries(CATEGORIES.map((c) => [c.id, { zh: c.zh, en: c.en }])),
    rows: run.rows,
    ...(run.preflight?.length ? { preflight: [...run.preflight] } : {}),
    scenarios,
  };
}
