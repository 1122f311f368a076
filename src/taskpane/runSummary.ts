/**
 * The part of a ProjectionRun the pane shows, as plain data: amounts as "12345.67" text
 * (exact; Decimal objects do not survive the trip from the worker, and text keeps every
 * fen), no per-person lists (a 100 000-row roster stays in the worker). The screen shows
 * these strings as they are, so what the analyst reads is what the engine computed.
 */
import { categoryById, CATEGORIES, type CategoryId } from '../engine/categories';
import type { Dec } from '../engine/money';
import type { AnalystParameter } from '../projection/baselineParams';
import type { PreflightFinding } from '../projection/preflight';
import type { Provenance } from '../projection/provenance';
import { completenessSummary, type CompletenessSummary } from '../projection/summary';
import type { Bucket, Forecast, Projection, ProjectionProblem, ProjectionRun, RowAccount } from '../projection/types';
import type { ImportReport } from '../roster/types';
import { LAYER_KEYS, LAYER_LABELS } from '../projection/layers';
import { calibrationTable } from '../projection/calibration';
import { monitoringLine } from '../projection/monitoringAlerts';

export interface BucketView {
  people: number;
  visits: number;
  inpatient: string;
  outpatient: string;
  tilt: string;
  topUp: string;
  assistance: string;
  premiumSubsidy: string;
  subsidised: number;
  fundNeed: string;
}

export interface FundingView {
  ratio: string;
  lottery: string;
  donations: string;
  transfers: string;
  sourcesTotal: string;
  need: string;
  allocated: string;
  surplus: string;
  fiscal: string;
  city: string;
  districtTotal: string;
  districts: { district: string; need: string; sources: string; fiscal: string; city: string; districtPart: string }[];
}

/** One category of next year's forecast (预测): this year, the growth used (in %), next year. */
export interface ForecastRowView {
  id: CategoryId;
  zh: string;
  en: string;
  people: number;
  assistance: string;
  premiumSubsidy: string;
  /** Growth rates as percent text, 2 decimals ("3.00"). */
  growth: { headcount: string; cost: string; premium: string };
  nextPeople: number;
  nextAssistance: string;
  nextPremiumSubsidy: string;
  nextFundNeed: string;
}

export interface ForecastView {
  year: number;
  nextYear: number;
  rows: ForecastRowView[];
  total: { people: number; assistance: string; premiumSubsidy: string; nextPeople: number; nextAssistance: string; nextPremiumSubsidy: string; nextFundNeed: string };
}

export interface ProjectionView {
  scenario: string;
  region: { id: string; zh: string; en: string };
  policyId: string;
  year: number;
  overall: BucketView;
  byCategory: { id: CategoryId; zh: string; en: string; bucket: BucketView }[];
  byDistrict: { district: string; bucket: BucketView }[];
  funding: FundingView;
  nextYear: number;
  nextFundNeed: string;
  /** Next year's forecast table (预测), as the result workbook's 预测 sheet. */
  forecast: ForecastView;
  problemCount: number;
  /** What share was computed, what is excluded, which figures are 未计算 (src/projection/completeness.ts). */
  completeness?: CompletenessSummary;
  /** Where the split ratio and the forecast method come from (the region's clause, or the analyst's). */
  ratioSource?: Provenance;
  forecastMethod?: Provenance;
  /** Monitoring alerts (预警监测, src/projection/monitoringAlerts.ts): the sentence and the count, for a region with the rule. */
  monitoring?: { zh: string; en: string; alerts: number };
  /** Per-person averages beside the documents' published totals (src/projection/calibration.ts), header row first. */
  calibration?: { zh: string[][]; en: string[][] };
}

export interface MeasureView {
  id: string;
  baseline: string;
  scenario: string;
  diff: string;
  pct?: string;
}

export interface RunSummary {
  baseline: ProjectionView;
  scenarios: ProjectionView[];
  comparisons: { scenario: string; measures: MeasureView[] }[];
  rows: { people: RowAccount; visits: RowAccount };
  /** The first problems (all are in the result workbook). */
  problems: ProjectionProblem[];
  problemCount: number;
  reports: ImportReport[];
  /** The analyst's baseline figures the run used (the summary sheet lists the same rows). */
  figures?: AnalystParameter[];
  /** What the pre-flight found before the run (src/projection/preflight.ts). */
  preflight?: PreflightFinding[];
  /** Settlement rows: each layer, baseline and per scenario (value, difference); absent without settlement rows. */
  layers?: LayerRowView[];
}

export interface LayerRowView {
  id: string;
  zh: string;
  en: string;
  baseline: string;
  scenarios: { value: string; diff: string }[];
}

/** The layer table (docs/settlement-layers.md) as text amounts, from the comparison measures `layers.<key>`. */
export function layerRowsView(run: ProjectionRun): LayerRowView[] | undefined {
  const b = run.baseline.layers;
  if (!b) return undefined;
  return LAYER_KEYS.map((k) => ({
    id: k, zh: LAYER_LABELS[k].zh, en: LAYER_LABELS[k].en, baseline: money(b.overall[k]),
    scenarios: run.comparisons.map((c) => ({ value: money(c.measures[`layers.${k}`].scenario), diff: money(c.measures[`layers.${k}`].diff) })),
  }));
}

const money = (d: Dec): string => d.toFixed(2);
const percent = (d: Dec): string => d.times(100).toFixed(2);

export function forecastView(f: Forecast): ForecastView {
  return {
    year: f.year,
    nextYear: f.nextYear,
    rows: f.rows.map((r) => ({
      id: r.category,
      zh: categoryById(r.category).zh,
      en: categoryById(r.category).en,
      people: r.people,
      assistance: money(r.assistance),
      premiumSubsidy: money(r.premiumSubsidy),
      growth: { headcount: percent(r.growth.headcount), cost: percent(r.growth.cost), premium: percent(r.growth.premium) },
      nextPeople: r.nextPeople,
      nextAssistance: money(r.nextAssistance),
      nextPremiumSubsidy: money(r.nextPremiumSubsidy),
      nextFundNeed: money(r.nextFundNeed),
    })),
    total: {
      people: f.total.people,
      assistance: money(f.total.assistance),
      premiumSubsidy: money(f.total.premiumSubsidy),
      nextPeople: f.total.nextPeople,
      nextAssistance: money(f.total.nextAssistance),
      nextPremiumSubsidy: money(f.total.nextPremiumSubsidy),
      nextFundNeed: money(f.total.nextFundNeed),
    },
  };
}

export function bucketView(b: Bucket): BucketView {
  return {
    people: b.people,
    visits: b.visits,
    inpatient: money(b.assistance.inpatient),
    outpatient: money(b.assistance.outpatient),
    tilt: money(b.assistance.tilt),
    topUp: money(b.assistance.topUp),
    assistance: money(b.assistance.total),
    premiumSubsidy: money(b.premiumSubsidy),
    subsidised: b.subsidised,
    fundNeed: money(b.fundNeed),
  };
}

export function projectionView(p: Projection): ProjectionView {
  const byCategory: ProjectionView['byCategory'] = [];
  for (const c of CATEGORIES) {
    const b = p.totals.byCategory[c.id];
    if (b) byCategory.push({ id: c.id, zh: categoryById(c.id).zh, en: categoryById(c.id).en, bucket: bucketView(b) });
  }
  const f = p.funding;
  return {
    scenario: p.scenario,
    region: p.region,
    policyId: p.policyId,
    year: p.year,
    overall: bucketView(p.totals.overall),
    byCategory,
    byDistrict: Object.entries(p.totals.byDistrict)
      .sort(([a], [b]) => a.localeCompare(b, 'zh'))
      .map(([district, b]) => ({ district, bucket: bucketView(b) })),
    funding: {
      ratio: f.ratio,
      lottery: money(f.lottery),
      donations: money(f.donations),
      transfers: money(f.transfers),
      sourcesTotal: money(f.sourcesTotal),
      need: money(f.need),
      allocated: money(f.allocated),
      surplus: money(f.surplus),
      fiscal: money(f.fiscal),
      city: money(f.city),
      districtTotal: money(f.districtTotal),
      districts: Object.entries(f.districts)
        .sort(([a], [b]) => a.localeCompare(b, 'zh'))
        .map(([district, d]) => ({ district, need: money(d.need), sources: money(d.sources), fiscal: money(d.fiscal), city: money(d.city), districtPart: money(d.district) })),
    },
    nextYear: p.forecast.nextYear,
    nextFundNeed: money(p.forecast.total.nextFundNeed),
    forecast: forecastView(p.forecast),
    problemCount: p.problems.length,
    ...(p.completeness ? { completeness: completenessSummary(p.completeness, 'pane') } : {}),
    ...(p.funding.ratioSource ? { ratioSource: p.funding.ratioSource } : {}),
    ...(p.forecast.method ? { forecastMethod: p.forecast.method } : {}),
    ...(p.monitoring
      ? { monitoring: { zh: monitoringLine(p.monitoring, 'zh', (c) => categoryById(c).zh), en: monitoringLine(p.monitoring, 'en', (c) => categoryById(c).en), alerts: p.monitoring.alerts.length } }
      : {}),
    ...(p.calibration ? { calibration: { zh: calibrationTable(p.calibration, 'zh'), en: calibrationTable(p.calibration, 'en') } } : {}),
  };
}

export const PROBLEMS_SHOWN = 200;

export function summarize(run: ProjectionRun): RunSummary {
  return {
    baseline: projectionView(run.baseline),
    scenarios: run.scenarios.map((s) => projectionView(s.projection)),
    comparisons: run.comparisons.map((c) => ({
      scenario: c.scenario,
      measures: Object.entries(c.measures).map(([id, d]) => {
        const m: MeasureView = { id, baseline: money(d.baseline), scenario: money(d.scenario), diff: money(d.diff) };
        if (d.pct !== undefined) m.pct = d.pct.toFixed(2);
        return m;
      }),
    })),
    rows: run.rows,
    problems: run.baseline.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: run.baseline.problems.length,
    reports: run.importReports.map((r) => ({ ...r, entries: r.entries.slice(0, PROBLEMS_SHOWN) })),
    ...(run.baseline.layers ? { layers: layerRowsView(run) } : {}),
  };
}
