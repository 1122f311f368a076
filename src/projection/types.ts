/**
 * The shapes a roster projection takes and returns. Kept in one file with no runtime code,
 * so the task pane can import them without pulling in exceljs. Amounts are exact decimals
 * (Dec) rounded to the fen; `summary.json` turns them into "12345.67" strings.
 */
import type { CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import type { ErrorCode } from '../engine/errors';
import type { Dec } from '../engine/money';
import type { Overrides } from '../engine/policy/overrides';
import type { ImportReport, Person, Visit } from '../roster/types';
import type { PreflightFinding } from './preflight';
import type { Completeness } from './completeness';
import type { Provenance } from './provenance';
import type { LayerMode } from '../engine/rules/settlementChain';
import type { LayerTotals, VisitLayerOutcome } from './layers';
import type { MonitoringReport } from './monitoringAlerts';
import type { CalibrationRow, Recipients } from './calibration';

/** A yuan amount as a cell or a JSON file gives it: 2000000, "2000000", "200万". */
export type AmountInput = number | string;
/** A growth rate: 0.05, "0.05" or "5%". */
export type RateInput = number | string;

/** Where the money comes from besides the fiscal budget (Weihai 四、(一) 3). */
export interface Funding {
  /** Welfare-lottery money (福彩公益金); default: the policy's fund.lottery, else 0. */
  lottery?: AmountInput;
  /** Donations (社会捐赠); default 0. */
  donations?: AmountInput;
  /** Transfers from higher levels (上级补助); default 0. */
  transfers?: AmountInput;
  /** City:district share of the fiscal remainder; default the policy's fund.split, else "1:9". */
  ratio?: string;
}

export interface GrowthRates {
  /** Change in head count, e.g. 0.03 = 3 % more people next year. */
  headcount?: RateInput;
  /** Change in assistance per person (medical costs). */
  cost?: RateInput;
  /** Change in premium subsidy per person (premium rises). */
  premium?: RateInput;
}

/** Growth assumptions for the next-year forecast; per-category rates replace the general ones. */
export interface Growth extends GrowthRates {
  byCategory?: Partial<Record<CategoryId, GrowthRates>>;
}

/**
 * A what-if scenario: parameter changes in engine.withOverrides format
 * ({ 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } }), and optionally
 * its own growth and funding assumptions (each field replaces the baseline's).
 */
export interface Scenario {
  name: string;
  description?: string;
  overrides: Overrides;
  growth?: Growth;
  funding?: Funding;
}

export interface ProjectionInput {
  people: readonly Person[];
  visits: readonly Visit[];
  /** Region name or alias as the engine knows it ("信阳"). */
  region: string;
  year: number;
  funding?: Funding;
  growth?: Growth;
  /** The importer's reports (people, visits): carried into the validation report and counts. */
  importReports?: readonly ImportReport[];
  /** Engine to use (e.g. with the analyst's own regions); default: the built-in policies. */
  engine?: Engine;
  /**
   * Settlement rows: take what insurance and the hospital paid as given (default; a scenario
   * moves them by its rule change only) or recompute every layer from the rules.
   */
  layerMode?: LayerMode;
}

/** One visit as computed: the amounts the engine returned for it, in the person's date order. */
export interface VisitOutcome {
  visit: Visit;
  /** Row of the person in the people table. */
  personRow: number;
  district: string;
  /** The person's status for the year (PersonOutcome.category): the status that won the year (就高不就低), its parts of the visit. */
  category: CategoryId;
  /** "inpatient" or "outpatient.<scheme id>". */
  schemeKey: string;
  /** Ordinary (incl. top-up) + tilted. */
  assistance: Dec;
  ordinary: Dec;
  topUp: Dec;
  tilt: Dec;
  /** A settlement row's layers (basic, critical-illness, hospital, assistance, residual). */
  layers?: VisitLayerOutcome;
}

export interface PersonOutcome {
  person: Person;
  /** The one status the person's year is booked under — head count, assistance, premium subsidy, forecast (docs/projection.md, Booking). */
  category: CategoryId;
  visits: number;
  assistance: Dec;
  premiumSubsidy: Dec;
  /** Status the premium subsidy was paid under, when one was paid. */
  premiumCategory?: CategoryId;
  assistanceComputed: boolean;
  premiumComputed: boolean;
}

/** What was not computed for a row, and why. Every row the projection did not use is here. */
export interface ProjectionProblem {
  table: 'people' | 'visits';
  sheet: string;
  rowNumber: number;
  personId: string;
  /** assistance: the row's visits are not in the totals; premiumSubsidy: the subsidy is not. */
  part: 'assistance' | 'premiumSubsidy';
  code: ErrorCode;
  zh: string;
  en: string;
  /**
   * true: the row is not in the projection at all (a duplicate person, a visit for no one in the
   * roster or outside the year) — counted with the rejected rows. Absent: the row is in the
   * projection with this part not computed — counted as used, and among `notComputed`.
   */
  dropped?: true;
}

export interface AssistanceTotals {
  inpatient: Dec;
  outpatient: Dec;
  tilt: Dec;
  /** Part of inpatient that is top-up (Shanxi 90 %); already inside inpatient/outpatient. */
  topUp: Dec;
  total: Dec;
}

export interface Bucket {
  /** People counted here (by their head-count status, or district). */
  people: number;
  visits: number;
  assistance: AssistanceTotals;
  premiumSubsidy: Dec;
  /** People with a premium subsidy above 0. */
  subsidised: number;
  /** assistance.total + premiumSubsidy. */
  fundNeed: Dec;
}

export interface Totals {
  overall: Bucket;
  /** Keyed by category id; each person's people, assistance and subsidy under the person's one status. */
  byCategory: Partial<Record<CategoryId, Bucket>>;
  byDistrict: Record<string, Bucket>;
}

export type Origin = 'input' | 'policy' | 'default';

export interface DistrictFunding {
  need: Dec;
  /** Non-fiscal sources allocated to the district pro rata by need (largest remainder, in fen). */
  sources: Dec;
  fiscal: Dec;
  city: Dec;
  district: Dec;
}

export interface FundingPlan {
  ratio: string;
  /** Where the ratio comes from: the region's own clause, the analyst's input, or the default assumption. */
  ratioSource?: Provenance;
  lottery: Dec;
  donations: Dec;
  transfers: Dec;
  sourcesTotal: Dec;
  origin: { lottery: Origin; donations: Origin; transfers: Origin; ratio: Origin };
  need: Dec;
  /** Sources used against the need (≤ need). */
  allocated: Dec;
  /** Sources beyond the need (0 unless sources exceed it). */
  surplus: Dec;
  /** Fiscal remainder = need − allocated (never below 0). */
  fiscal: Dec;
  city: Dec;
  districtTotal: Dec;
  districts: Record<string, DistrictFunding>;
}

export interface ForecastRow {
  category: CategoryId;
  people: number;
  /** People of the status whose assistance / premium subsidy was computed: the per-capita divisors. */
  assistancePeople: number;
  subsidyPeople: number;
  assistance: Dec;
  premiumSubsidy: Dec;
  /** Per computed person; undefined (未计算) when nobody of the status was computed. */
  perCapitaAssistance?: Dec;
  perCapitaSubsidy?: Dec;
  growth: { headcount: Dec; cost: Dec; premium: Dec };
  nextPeople: number;
  nextPerCapitaAssistance?: Dec;
  nextPerCapitaSubsidy?: Dec;
  nextAssistance: Dec;
  nextPremiumSubsidy: Dec;
  nextFundNeed: Dec;
}

export interface Forecast {
  year: number;
  nextYear: number;
  /** The method's source: the region's own budget clause, or labelled the analyst's method. */
  method?: Provenance;
  rows: ForecastRow[];
  total: { people: number; assistance: Dec; premiumSubsidy: Dec; nextPeople: number; nextAssistance: Dec; nextPremiumSubsidy: Dec; nextFundNeed: Dec };
}

/** One run of the roster under one set of rules (the baseline or a scenario). */
export interface Projection {
  scenario: string;
  region: { id: string; zh: string; en: string };
  policyId: string;
  year: number;
  people: PersonOutcome[];
  visits: VisitOutcome[];
  problems: ProjectionProblem[];
  totals: Totals;
  funding: FundingPlan;
  forecast: Forecast;
  /** What share of the roster and of the rules this projection computed (set by runProjection). */
  completeness?: Completeness;
  /** Totals of the settlement rows' layers (absent when the roster has none). */
  layers?: LayerTotals;
  /** Monitoring alerts (预警监测), for a region whose policy has the rule (monitoringAlerts.ts). */
  monitoring?: MonitoringReport;
  /** People with inpatient / outpatient assistance and that assistance (calibration.ts). */
  recipients: Recipients;
  /** Per-person averages beside the documents' published totals for the year, when there are any. */
  calibration?: CalibrationRow[];
}

/** A figure in baseline and scenario, with the difference (absolute and % of baseline). */
export interface Difference {
  baseline: Dec;
  scenario: Dec;
  diff: Dec;
  /** Percent of the baseline, 2 decimals; undefined when the baseline is 0. */
  pct?: Dec;
}

export interface Comparison {
  scenario: string;
  /** Keyed by measure id, e.g. "assistance.total", "assistance.byCategory.dibao". */
  measures: Record<string, Difference>;
}

/**
 * Row counts, one definition for the CLI table, summary.json, the workbook's 校验报告 and the pane
 * (docs/projection.md, "Row counts"): every input row is used, rejected or blank —
 * total = used + rejected + blank.
 *  - used (已使用 / 纳入测算): in the projection; for people, exactly the people projected;
 *  - rejected (未使用): not in the projection — refused by the import, or placed nowhere by the
 *    projection (a duplicate person, a visit for no one in the roster or outside the year);
 *  - notComputed (其中未完全计算): used rows with a part the engine could not compute (a premium
 *    whose amount the documents leave open; the visits of a person whose year failed), each
 *    listed on 校验报告 — a part of `used`, never added to the total.
 */
export interface RowAccount {
  total: number;
  used: number;
  rejected: number;
  blank: number;
  notComputed: number;
}

/** Baseline + scenarios on one roster: what the CLI, summary.json and the workbook show. */
export interface ProjectionRun {
  baseline: Projection;
  scenarios: { scenario: Scenario; projection: Projection }[];
  comparisons: Comparison[];
  importReports: readonly ImportReport[];
  rows: { people: RowAccount; visits: RowAccount };
  /**
   * What the pre-flight found before the run (preflight.ts): the CLI prints it and the report
   * carries it too — summary.json `preflight`, a row each on 校验报告 Validation (issue 16).
   */
  preflight?: readonly PreflightFinding[];
}
