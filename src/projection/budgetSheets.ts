/**
 * The budget decisions as sheets of a result workbook (issue 11 item 6), Chinese first:
 *
 *   多年规划 Plan       each year (the roster's own, then Y+1 … Y+N) — people, assistance, premium
 *                       subsidies, fund need, city and district parts — and the fund need of
 *                       every district in every year (years × districts);
 *   区间 Range          P10 / P50 / P90 of the fund need each year, and of each district's need and
 *                       share, with the method, draws, seed and what the range does not cover;
 *   个人负担 Burden     the burden line and its source; people, people above the line, share and
 *                       residual total by head-count category and by district;
 *   情景受益 Gainers    per scenario: gainers and losers (count, total, median), unchanged, and the
 *                       count above the burden line baseline → scenario.
 *
 * Amounts are the exact figures (already rounded to the fen where the projection rounds), as
 * numbers with the money format; the CLI writes them with `medaid plan --out` / `medaid burden --out`.
 */
import type ExcelJS from 'exceljs';
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { round2, type Dec } from '../engine/money';
import type { PlanRange } from './bootstrap';
import { BURDEN_SCOPE, type BurdenGroup, type BurdenTable, type Gainers } from './burden';
import { categoryName, word, type Lang } from './labels';
import type { MultiYearPlan, PlanYear } from './multiYear';

const MONEY = '#,##0.00';
const PCT = '0.00"%"';

type Cell = string | number | null;

export const SHEET_NAMES = {
  plan: ['多年规划', 'Plan'],
  range: ['区间', 'Range'],
  burden: ['个人负担', 'Burden'],
  gainers: ['情景受益', 'Gainers'],
} as const;

const T = {
  year: ['年度', 'Year'],
  people: ['人数', 'People'],
  assistance: ['救助合计', 'Assistance'],
  subsidy: ['资助参保', 'Premium subsidies'],
  need: ['资金需求', 'Fund need'],
  city: ['市级', 'City'],
  districts: ['区县级', 'Districts'],
  district: ['区县', 'District'],
  category: ['人员类别', 'Category'],
  total: ['合计', 'Total'],
  roster: ['（实际名单）', ' (roster)'],
  byDistrict: ['各区县资金需求（元）', 'Fund need by district (yuan)'],
  fundingTitle: ['资金来源与分担（元）', 'Funding sources and shares (yuan)'],
  ratio: ['市:区县分担比例', 'City : district ratio'],
  sources: ['非财政来源合计', 'Non-fiscal sources'],
  fiscal: ['财政安排', 'Fiscal budget'],
  splitTitle: ['各区县市级／区县级分担（元）', 'City / district shares by district (yuan)'],
  point: ['测算值', 'Point figure'],
  share: ['份额', 'Share'],
  method: ['方法', 'Method'],
  draws: ['抽样次数', 'Draws'],
  seed: ['随机种子', 'Seed'],
  covers: ['区间说明', 'What the range covers'],
  line: ['负担线', 'Burden line'],
  lineSource: ['负担线来源', 'Source of the line'],
  analyst: ['分析人员给定', 'analyst figure'],
  monitoring: ['监测线', 'monitoring line'],
  scope: ['口径', 'Scope'],
  above: ['超过负担线人数', 'People above the line'],
  abovePct: ['占比', 'Share above'],
  residual: ['个人负担合计', 'Residual total'],
  notComputed: ['未计算人数（未计入）', 'People not computed (left out)'],
  scenario: ['情景', 'Scenario'],
  gainers: ['受益人数', 'Gainers'],
  gainTotal: ['受益合计', 'Gain total'],
  gainMedian: ['受益中位数', 'Gain median'],
  losers: ['受损人数', 'Losers'],
  lossTotal: ['受损合计', 'Loss total'],
  lossMedian: ['受损中位数', 'Loss median'],
  unchanged: ['不变人数', 'Unchanged'],
  aboveBase: ['超线人数（基准）', 'Above the line (baseline)'],
  aboveScenario: ['超线人数（情景）', 'Above the line (scenario)'],
  notCompared: ['未比较人数', 'Not compared'],
  carried: ['沿用参数', 'Values carried forward'],
} as const;

type Term = keyof typeof T;

export interface BudgetSheets {
  plan?: MultiYearPlan;
  range?: PlanRange;
  burden?: BurdenTable;
  gainers?: readonly Gainers[];
  /** A scenario's name, added to each sheet's name (a plan per scenario). */
  suffix?: string;
}

/** A sheet's name, with a scenario's name after it: Excel's 31 characters, none of \ / ? * [ ] :. */
export function budgetSheetName(kind: keyof typeof SHEET_NAMES, lang: Lang, suffix?: string): string {
  const base = SHEET_NAMES[kind][lang === 'zh' ? 0 : 1];
  if (!suffix) return base;
  const clean = suffix.replace(/[\\/?*[\]:]/g, '_').trim();
  return [...`${base} ${clean}`].slice(0, 31).join('');
}

const money = (x: Dec): number => round2(x).toNumber();

function writer(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  return {
    ws,
    /** A row; `money` columns (1-based) get the money format, `pct` the percent one. */
    put(cells: readonly Cell[], style: { bold?: boolean; money?: readonly number[]; pct?: readonly number[] } = {}) {
      const row = ws.addRow(cells as Cell[]);
      if (style.bold) row.font = { bold: true };
      for (const c of style.money ?? []) row.getCell(c).numFmt = MONEY;
      for (const c of style.pct ?? []) row.getCell(c).numFmt = PCT;
      return row;
    },
    gap() {
      ws.addRow([]);
    },
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function planSheet(wb: ExcelJS.Workbook, plan: MultiYearPlan, lang: Lang, suffix?: string): void {
  const i = lang === 'zh' ? 0 : 1;
  const t = (x: Term) => T[x][i];
  const s = writer(wb, budgetSheetName('plan', lang, suffix));
  s.put([t('year'), t('people'), t('assistance'), t('subsidy'), t('need'), t('city'), t('districts'), t('carried')], { bold: true });
  const years: PlanYear[] = [plan.base, ...plan.years];
  for (const y of years) {
    s.put([y.offset === 0 ? `${y.year}${t('roster')}` : y.year, y.people, money(y.total.assistance), money(y.total.premiumSubsidy), money(y.total.fundNeed), money(y.funding.city), money(y.funding.districtTotal), y.carriedForward.length ? y.carriedForward.map((c) => `${c.path} (${c.from})`).join('; ') : null], { money: range(3, 7) });
  }
  s.gap();
  s.put([t('byDistrict')], { bold: true });
  s.put([t('district'), ...years.map((y) => (y.offset === 0 ? `${y.year}${t('roster')}` : y.year))], { bold: true });
  const districts = Object.keys(plan.base.byDistrict);
  for (const d of districts) s.put([d, ...years.map((y) => (y.byDistrict[d] ? money(y.byDistrict[d].fundNeed) : null))], { money: range(2, years.length + 1) });
  s.put([t('total'), ...years.map((y) => money(y.total.fundNeed))], { bold: true, money: range(2, years.length + 1) });
  s.gap();
  s.put([t('category'), ...years.map((y) => (y.offset === 0 ? `${y.year}${t('roster')}` : y.year))], { bold: true });
  for (const c of CATEGORIES) {
    if (!years.some((y) => y.byCategory[c.id])) continue;
    s.put([categoryName(c.id, lang), ...years.map((y) => (y.byCategory[c.id] ? money(y.byCategory[c.id]!.fundNeed) : null))], { money: range(2, years.length + 1) });
  }
  // Funding each year (item 1: "the fund split and funding sources each year"): the sources, the
  // fiscal remainder and its city:district parts, then each district's parts year by year.
  s.gap();
  s.put([t('fundingTitle')], { bold: true });
  // The sources by the names the summary sheet's funding section gives them (labels.ts).
  s.put([t('year'), t('ratio'), word('lottery', lang), word('donations', lang), word('transfers', lang), t('sources'), t('fiscal'), t('city'), t('districts')], { bold: true });
  for (const y of years) {
    const f = y.funding;
    s.put([y.offset === 0 ? `${y.year}${t('roster')}` : y.year, f.ratio, money(f.lottery), money(f.donations), money(f.transfers), money(f.sourcesTotal), money(f.fiscal), money(f.city), money(f.districtTotal)], { money: range(3, 9) });
  }
  s.gap();
  s.put([t('splitTitle')], { bold: true });
  s.put([t('district'), t('year'), t('need'), t('sources'), t('city'), t('districts')], { bold: true });
  for (const d of districts) {
    for (const y of years) {
      const f = y.funding.districts[d];
      if (!f) continue;
      s.put([d, y.offset === 0 ? `${y.year}${t('roster')}` : y.year, money(f.need), money(f.sources), money(f.city), money(f.district)], { money: range(3, 6) });
    }
  }
  s.ws.getColumn(1).width = 22;
}

function rangeSheet(wb: ExcelJS.Workbook, r: PlanRange, lang: Lang, suffix?: string): void {
  const i = lang === 'zh' ? 0 : 1;
  const t = (x: Term) => T[x][i];
  const s = writer(wb, budgetSheetName('range', lang, suffix));
  s.put([t('year'), t('point'), `${t('need')} P10`, `${t('need')} P50`, `${t('need')} P90`], { bold: true });
  for (const y of r.years) s.put([y.year, money(y.point), money(y.fundNeed.p10), money(y.fundNeed.p50), money(y.fundNeed.p90)], { money: range(2, 5) });
  s.gap();
  s.put([t('district'), t('year'), `${t('need')} P10`, `${t('need')} P50`, `${t('need')} P90`, `${t('share')} P10`, `${t('share')} P50`, `${t('share')} P90`], { bold: true });
  for (const y of r.years) {
    for (const [d, x] of Object.entries(y.byDistrict)) {
      s.put([d, y.year, money(x.need.p10), money(x.need.p50), money(x.need.p90), x.sharePct.p10.toNumber(), x.sharePct.p50.toNumber(), x.sharePct.p90.toNumber()], { money: range(3, 5), pct: range(6, 8) });
    }
  }
  s.gap();
  s.put([t('method'), lang === 'zh' ? r.method.zh : r.method.en]);
  s.put([t('draws'), r.draws]);
  s.put([t('seed'), r.seed]);
  s.put([t('covers'), lang === 'zh' ? r.covers.zh : r.covers.en]);
  s.ws.getColumn(1).width = 16;
}

function burdenSheet(wb: ExcelJS.Workbook, b: BurdenTable, lang: Lang, suffix?: string): void {
  const i = lang === 'zh' ? 0 : 1;
  const t = (x: Term) => T[x][i];
  const s = writer(wb, budgetSheetName('burden', lang, suffix));
  s.put([t('line'), money(b.line.value)], { bold: true, money: [2] });
  s.put([t('lineSource'), b.line.origin === 'analyst' ? t('analyst') : `${t('monitoring')}：${b.line.citation ?? ''}`]);
  s.put([t('scope'), lang === 'zh' ? BURDEN_SCOPE.zh : BURDEN_SCOPE.en]);
  s.put([t('notComputed'), b.notComputed]);
  s.gap();
  const row = (label: string, g: BurdenGroup, bold = false) => s.put([label, g.people, g.above, g.sharePct.toNumber(), money(g.residual)], { bold, money: [5], pct: [4] });
  s.put([t('category'), t('people'), t('above'), t('abovePct'), t('residual')], { bold: true });
  for (const c of CATEGORIES) {
    const g = b.byCategory[c.id as CategoryId];
    if (g) row(categoryName(c.id, lang), g);
  }
  row(t('total'), b.overall, true);
  s.gap();
  s.put([t('district'), t('people'), t('above'), t('abovePct'), t('residual')], { bold: true });
  for (const [d, g] of Object.entries(b.byDistrict)) row(d, g);
  row(t('total'), b.overall, true);
  s.ws.getColumn(1).width = 22;
}

function gainersSheet(wb: ExcelJS.Workbook, list: readonly Gainers[], lang: Lang, suffix?: string): void {
  const i = lang === 'zh' ? 0 : 1;
  const t = (x: Term) => T[x][i];
  const s = writer(wb, budgetSheetName('gainers', lang, suffix));
  s.put(([ 'scenario', 'gainers', 'gainTotal', 'gainMedian', 'losers', 'lossTotal', 'lossMedian', 'unchanged', 'aboveBase', 'aboveScenario', 'notCompared'] as Term[]).map(t), { bold: true });
  for (const g of list) {
    s.put([g.scenario, g.gainers, money(g.gainTotal), money(g.gainMedian), g.losers, money(g.lossTotal), money(g.lossMedian), g.unchanged, g.aboveBaseline, g.aboveScenario, g.notCompared], { money: [3, 4, 6, 7] });
  }
  s.ws.getColumn(1).width = 20;
}

/** Adds the sheets for what is given (a plan, its range, a burden table, scenarios' gainers), in that order. */
export function addBudgetSheets(wb: ExcelJS.Workbook, x: BudgetSheets, lang: Lang = 'zh'): void {
  if (x.plan) planSheet(wb, x.plan, lang, x.suffix);
  if (x.range) rangeSheet(wb, x.range, lang, x.suffix);
  if (x.burden) burdenSheet(wb, x.burden, lang, x.suffix);
  if (x.gainers && x.gainers.length) gainersSheet(wb, x.gainers, lang, x.suffix);
}
