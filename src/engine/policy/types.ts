/**
 * The shape of a policy file: one region's edition of its rules, every number a dated,
 * cited parameter. Modelled on OpenFisca/PolicyEngine parameters (`values: {date: v}`,
 * `null` ends a value's validity) so that a new region or a new year is data, not code.
 * `policy.schema.json` validates files against the same shape.
 */
import type { CategoryId } from '../categories';

export interface Reference {
  /** Key into the file's `documents`. */
  doc: string;
  /** Section of the document, as printed in it (e.g. "二、二是 住院救助"). */
  clause: string;
  /** Optional short quotation of the text the value comes from. */
  quote?: string;
}

export type ParamValue = number | string | Bracket[] | null;

export interface Bracket {
  /** Start of the bracket on the year's cumulative amount, yuan. */
  threshold: number;
  /** Marginal rate applied inside the bracket. */
  rate: number;
}

export type Unit = 'yuan' | 'ratio' | 'people' | 'ratio-text' | 'brackets' | 'yuan-per-person-year' | 'percentage-points';

/**
 * A parameter. `values` maps a start date (YYYY-MM-DD) to the value in force from then;
 * `null` ends it. A value defined as a share of last year's per-capita disposable income
 * sets `shareOfIncome`: a published value in `values` wins for its dates, otherwise the
 * income figure (parameter `income.perCapitaDisposable`, by year) is needed (ruling 5).
 */
export interface Param {
  values: Record<string, ParamValue>;
  unit: Unit;
  ref: Reference[];
  shareOfIncome?: number;
  /** Number of the ruling in the seeds README this value follows, if any. */
  ruling?: number;
  note?: string;
}

export interface Names {
  zh: string;
  en: string;
}

/** One group of categories treated alike by a scheme. */
export interface AssistanceTier {
  categories: CategoryId[];
  /** Annual deductible on the scheme's cumulative cost (起付标准). Absent = none. */
  deductible?: Param;
  /** Flat ratio above the deductible. Either this or `brackets`. */
  ratio?: Param;
  /** Marginal brackets on the cumulative cost (above any deductible). */
  brackets?: Param;
  /** Annual cap on assistance, shared by every scheme with the same `capPool`. Absent = no cap. */
  cap?: Param;
  /** Shanxi: a single in-province admission is topped up so insurance + assistance reach this share of its in-catalogue total. */
  topUpRatio?: Param;
  note?: string;
}

export interface Scheme {
  names: Names;
  aliases?: string[];
  /** Disease names a roster may give instead of the scheme's name. */
  diseases?: string[];
  /** Schemes with the same pool share one annual cap (住院救助和门诊救助共用年度最高救助限额). */
  capPool: string;
  tiers: Record<string, AssistanceTier>;
  ref: Reference[];
  note?: string;
}

export interface TiltRule {
  /** Shanxi leaves the terms to each prefecture: not computed until an analyst supplies them. */
  delegated?: boolean;
  categories?: CategoryId[];
  threshold?: Param;
  ratio?: Param;
  cap?: Param;
  /** The cap pool whose cap must be reached first. */
  capPool: string;
  ref: Reference[];
  note?: string;
}

export type PremiumKind = 'full' | 'share' | 'fixed' | 'firstTier';

export interface PremiumTier {
  categories: CategoryId[];
  kind: PremiumKind;
  /** For `share`: the share of the individual premium paid. */
  share?: Param;
  /** For `fixed`: the yuan amount; for `firstTier`: the first-tier premium. */
  amount?: Param;
  note?: string;
}

export interface PremiumRule {
  /** The individual premium (个人缴费标准) by year, where the documents give it. */
  individualPremium?: Param;
  tiers: Record<string, PremiumTier>;
  ref: Reference[];
  note?: string;
}

export interface CiTier {
  categories: CategoryId[];
  /** absolute: terms given in full (Weihai). relative: changes to base terms the analyst supplies (Xiping). */
  mode: 'absolute' | 'relative';
  deductible?: Param;
  brackets?: Param;
  cap?: Param;
  /** relative mode */
  deductibleFactor?: Param;
  ratioDelta?: Param;
  removeCap?: boolean;
  note?: string;
}

/**
 * The visit kinds a layer applies to, where its text says so (威海 三、(二) “住院费用”; 西平 七、(三)
 * and 山西 “住院”), cited; absent: the layer applies to every visit (the chain reads it, no code).
 */
export interface LayerScope {
  kinds: ('inpatient' | 'outpatient')[];
  ref: Reference[];
  note?: string;
}

export interface CiRule {
  scope?: LayerScope;
  /** Base (普惠) terms of the critical-illness insurance, which relative tilts change. */
  base?: { deductible?: Param; brackets?: Param; cap?: Param };
  tiers: Record<string, CiTier>;
  ref: Reference[];
  note?: string;
}

export interface HospitalReductionTier {
  categories: CategoryId[];
  ratio: Param;
  perAdmissionMax: Param;
  note?: string;
}

export interface HospitalReductionRule {
  scope?: LayerScope;
  tiers: Record<string, HospitalReductionTier>;
  ref: Reference[];
  note?: string;
}

export interface OutOfCatalogueLevel {
  names: Names;
  aliases: string[];
  share: Param;
}

export interface OutOfCatalogueRule {
  scope?: LayerScope;
  categories: CategoryId[];
  levels: Record<string, OutOfCatalogueLevel>;
  ref: Reference[];
  note?: string;
}

/**
 * Basic insurance for outpatient visits where a document states it (信阳 三、: 普通门诊统筹 300
 * a year, “两病” drugs 120 / 170 / 200, 60 %): each pool pays its ratio of the visit's
 * in-catalogue cost up to its annual cumulative limit per person. Pools of one `group` share
 * one limit; a pool that `covers` others (合并两病) applies to a person whose year has them all.
 */
export interface OutpatientPool {
  names: Names;
  aliases: string[];
  group: string;
  covers?: string[];
  annualLimit: Param;
  ratio: Param;
}

export interface OutpatientPoolingRule {
  pools: Record<string, OutpatientPool>;
  ref: Reference[];
  note?: string;
}

export interface MonitoringRule {
  categories: CategoryId[];
  threshold: Param;
  ref: Reference[];
  note?: string;
}

export interface FundRule {
  /** City:district share of the fiscal budget, as "a:b". */
  split?: Param;
  /** Welfare-lottery money a year, yuan. */
  lottery?: Param;
  /** Donations a year, yuan (an input; the documents name the channel, not the sum). */
  donations?: Param;
  /**
   * How the region builds next year's budget, where its own text says so (Weihai 四、(一) 4.:
   * last December's head counts and costs). The forecast cites it; without it the forecast is
   * labelled the analyst's method, never another region's clause.
   */
  budget?: { ref: Reference[]; note?: string };
  ref: Reference[];
  note?: string;
}

export interface Document {
  title: string;
  number?: string;
  issuer: string;
  date: string;
  /** File name in shared/seeds. */
  seed?: string;
  url?: string;
}

export interface Statistic {
  label: Names;
  param: Param;
}

export interface PolicyFile {
  $schema?: string;
  id: string;
  region: {
    id: string;
    names: Names;
    aliases: string[];
    province: string;
    level: 'province' | 'city' | 'county';
  };
  edition: {
    /** First date the edition is in force. */
    effective: string;
    /** The year computed when a caller gives none. */
    year: number;
    status: 'in-force' | 'draft' | 'reply' | 'briefing' | 'user';
    note?: string;
  };
  documents: Record<string, Document>;
  /** The categories this policy names; others are an error, not a zero. */
  categories: CategoryId[];
  income?: { perCapitaDisposable: Param };
  inpatient?: Scheme;
  outpatient?: { main: string; schemes: Record<string, Scheme> };
  tilt?: TiltRule;
  premium?: PremiumRule;
  ciInsurance?: CiRule;
  hospitalReduction?: HospitalReductionRule;
  outOfCatalogue?: OutOfCatalogueRule;
  outpatientPooling?: OutpatientPoolingRule;
  monitoring?: MonitoringRule;
  fund?: FundRule;
  /** Figures the documents report (head counts, totals): context for budgets, not rules. */
  statistics?: Record<string, Statistic>;
  /** Basic-insurance figures quoted for context (e.g. Xinyang outpatient pooling limits). */
  basicInsurance?: Record<string, Statistic>;
}
