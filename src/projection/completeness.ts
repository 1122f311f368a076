/**
 * How much of a roster a projection computed, so an incomplete run never looks like a
 * finished budget (issue 17; issue 15 item 3). Three shares and the rules:
 *
 *  - people: people rows (non-blank) whose assistance AND premium subsidy were computed;
 *  - visits: visit rows (non-blank) whose assistance is in the totals;
 *  - cost:   the policy-range out-of-pocket yuan of the computed visits, of all visits the
 *            importer could read (a row rejected at import has no cost to weigh);
 *  - rules:  the rule groups the region's policy has (inpatient, each outpatient scheme, tilt,
 *            premium subsidy) and which of them cannot be computed at all — Shanxi's tilted
 *            assistance, delegated to each prefecture (ruling 4), is 未计算 until the analyst
 *            supplies its terms, never 0.00.
 *
 * Shares are percents rounded DOWN to 0.01, so an incomplete run never shows 100.00%. The
 * run is "partial" when any share is below 100 or a rule is not computed; below the
 * threshold (default 95 %, adjustable) the headline fund need is withheld on screen until
 * the analyst confirms (CLI --accept-partial, the pane's button). The files still carry the
 * figures, labelled partial on their first sheet / top level.
 *
 * Visits dated before the edition's effective date (西平 2022-05-01, 威海 2019-07-21) are
 * computed under the edition's terms; they are counted and listed here so the result says so.
 */
import { D, ZERO, type Dec } from '../engine/money';
import type { PolicyFile } from '../engine/policy/types';
import { tiltFix, withFix, type Fix, type Surface } from './fixes';
import type { Visit } from '../roster/types';
import { fenOfDecimal } from '../fastpath/fenOfDecimal';
import { CATEGORIES } from '../engine/categories';
import { byCodePoint } from './totals';
import type { Projection, ProjectionProblem, RowAccount } from './types';

export const DEFAULT_MIN_COMPLETE = 95;

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c.id, i]));

export interface Share {
  computed: number;
  total: number;
  /** Percent, 2 decimals, rounded down. */
  pct: Dec;
}

/** A rule group the region has but that was not computed for anyone. */
export interface RuleGap {
  /** The rule group: 'tilt'. */
  rule: string;
  /** The measure shown as 未计算 ('assistance.tilt'). */
  measure: string;
  /** Computed visits the rule could have applied to (referred visits, for the tilt). */
  visits: number;
  /** The reason (no fix): the fix is per surface. */
  zh: string;
  en: string;
  fix: Fix;
}

/** One reason part of the roster is not in the totals, with how many rows it covers. */
export interface Exclusion {
  code: string;
  part: ProjectionProblem['part'] | 'import';
  /** People rows, or visit rows for part 'import' on the visits table. */
  people: number;
  visits: number;
  /** An example message (the first row's), as in the validation report. */
  zh: string;
  en: string;
}

export type MeasureStatus = 'complete' | 'partial' | 'notComputed';

export interface BucketMissing {
  people: number;
  assistance: number;
  premiumSubsidy: number;
}

export interface Completeness {
  people: Share;
  visits: Share;
  cost: { computed: Dec; total: Dec; pct: Dec };
  rules: { total: number; computed: number; gaps: RuleGap[] };
  /** The lowest of the three shares (percent). */
  share: Dec;
  /** Every share 100 and every rule computed. */
  complete: boolean;
  threshold: Dec;
  /** share < threshold: the headline is withheld on screen until the analyst confirms. */
  belowThreshold: boolean;
  /** Measures not computed at all: shown as 未计算, never 0.00. */
  notComputed: string[];
  /** Each headline measure: complete, partial (some rows left out) or not computed at all. */
  measures: Record<string, MeasureStatus>;
  /** Per category and per district: people whose assistance / premium subsidy was not computed. */
  missing: { byCategory: Record<string, BucketMissing>; byDistrict: Record<string, BucketMissing> };
  exclusions: Exclusion[];
  /** Computed visits dated before the edition's effective date (computed under its terms). */
  beforeEffective: { effective: string; visits: number; rows: number[] };
}

const pctOf = (computed: Dec | number, total: Dec | number): Dec => {
  const t = new D(total);
  if (t.isZero()) return new D(100);
  return new D(computed).times(100).dividedBy(t).toDecimalPlaces(2, D.ROUND_DOWN);
};

const share = (computed: number, total: number): Share => ({ computed, total, pct: pctOf(computed, total) });

/** The rule groups of a policy, and the ones it cannot compute as given. */
function ruleGroups(policy: PolicyFile, referred: number): { total: number; gaps: RuleGap[] } {
  let total = 0;
  if (policy.inpatient) total++;
  total += Object.keys(policy.outpatient?.schemes ?? {}).length;
  if (policy.premium) total++;
  const gaps: RuleGap[] = [];
  if (policy.tilt) {
    total++;
    if (policy.tilt.delegated) {
      const region = policy.region.names;
      const flag = policy.region.aliases[0] ?? region.zh;
      gaps.push({
        rule: 'tilt',
        measure: 'assistance.tilt',
        visits: referred,
        zh: `倾斜救助未计算：${region.zh}倾斜救助标准由统筹地区确定，政策文件未给出（裁定 4）；${referred} 次规范转诊省内就医的就诊可能涉及`,
        en: `Tilted assistance not computed: ${region.en} leaves its terms to each prefecture and they were not supplied (ruling 4); ${referred} referred in-province visits may be concerned`,
        fix: tiltFix(flag),
      });
    }
  }
  return { total, gaps };
}

/**
 * Many problems of one cause counted at once (the columnar run's premium gaps: a million rows of
 * the 10M benchmark), as exclusionsOf would count them one by one: `count` rows of `first`'s
 * table, part and code, `first` the lowest of them, none of them on a row of the listed problems.
 */
export interface ProblemRun {
  count: number;
  first: ProjectionProblem;
}

/** Problems grouped by cause: how many people / visit rows each reason keeps out of the totals. */
function exclusionsOf(problems: readonly ProjectionProblem[], importRejected: { people: number; visits: number }, runs: readonly ProblemRun[] = []): Exclusion[] {
  // The example is the lowest row's message (people before visits, then by text) and ties sort by
  // cause, so the summary does not depend on the roster's row order.
  const groups = new Map<string, Exclusion & { key: string; at: number }>();
  const add = (x: ProjectionProblem, rows: number) => {
    const key = `${x.part}:${x.code}`;
    const at = (x.table === 'people' ? 0 : 1e12) + x.rowNumber;
    const g = groups.get(key) ?? groups.set(key, { key, at, code: x.code, part: x.part, people: 0, visits: 0, zh: x.zh, en: x.en }).get(key)!;
    if (at < g.at || (at === g.at && x.zh < g.zh)) Object.assign(g, { at, zh: x.zh, en: x.en });
    if (x.table === 'people') g.people += rows;
    else g.visits += rows;
  };
  for (const x of problems) add(x, 1);
  for (const r of runs) add(r.first, r.count);
  const out: Exclusion[] = [...groups.values()]
    .sort((a, b) => b.people + b.visits - (a.people + a.visits) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key: _key, at: _at, ...e }) => e);
  if (importRejected.people || importRejected.visits) {
    out.push({
      code: 'IMPORT',
      part: 'import',
      people: importRejected.people,
      visits: importRejected.visits,
      zh: `导入时未使用的行：人员 ${importRejected.people} 行、就诊 ${importRejected.visits} 行（原因见校验报告）`,
      en: `rows not used at import: ${importRejected.people} people rows, ${importRejected.visits} visit rows (reasons in the validation report)`,
    });
  }
  return out;
}

export interface CompletenessInput {
  /** Visits the importer passed on (their cost is the denominator of the yuan share). */
  visits: readonly Visit[];
  rows: { people: RowAccount; visits: RowAccount };
  /** Rows rejected by the importer (before the projection): part of the denominators. */
  importRejected: { people: number; visits: number };
  policy: PolicyFile;
  /** Percent; default 95. */
  threshold?: number | string;
}

/** Yuan summed exactly: whole fen as an integer, any sub-fen amount (a warned cell) as a decimal. */
export interface CostSum {
  fen: number;
  rest: Dec;
}

/**
 * Everything completeness is made of that depends on the rows: counts and cost sums, exact and
 * additive. The tally of a roster split by person is the sum of its parts' tallies
 * (`addTally`), so a roster projected part by part (streamRun) needs no whole-roster visit
 * list to measure what it computed.
 */
export interface CompletenessTally {
  people: number;
  /** People whose assistance and premium subsidy were both computed. */
  peopleComputed: number;
  premiumComputed: number;
  premiumNotComputed: number;
  /** People rows the projection reported as a duplicate ID (no premium subsidy of their own). */
  duplicateIds: number;
  visitsComputed: number;
  /** Computed visits that are referred (the ones a delegated tilt could apply to). */
  referredComputed: number;
  costTotal: CostSum;
  costComputed: CostSum;
  /** Input visits by kind: how many were computed, how many left out. */
  kinds: Record<Visit['kind'], { done: number; left: number }>;
  missing: { byCategory: Record<string, BucketMissing>; byDistrict: Record<string, BucketMissing> };
  /** Computed visits dated before the edition's effective date: how many, and the lowest rows (at most EARLY_ROWS_KEPT). */
  earlyVisits: number;
  early: number[];
}

const emptyCost = (): CostSum => ({ fen: 0, rest: ZERO });
// Keyed by district names from the roster: null-prototype records, so a district named
// "__proto__" is a bucket of its own and never reaches Object.prototype.
const emptyMissing = (): CompletenessTally['missing'] => ({ byCategory: Object.create(null), byDistrict: Object.create(null) });

export function emptyTally(): CompletenessTally {
  return {
    people: 0, peopleComputed: 0, premiumComputed: 0, premiumNotComputed: 0, duplicateIds: 0,
    visitsComputed: 0, referredComputed: 0, costTotal: emptyCost(), costComputed: emptyCost(),
    kinds: { inpatient: { done: 0, left: 0 }, outpatient: { done: 0, left: 0 } },
    missing: emptyMissing(), earlyVisits: 0, early: [],
  };
}

function addCost(into: CostSum, x: Dec): void {
  const f = fenOfDecimal(x);
  if (f !== undefined && Number.isSafeInteger(into.fen + f)) into.fen += f;
  else into.rest = into.rest.plus(x);
}
function addCosts(into: CostSum, b: CostSum): void {
  if (Number.isSafeInteger(into.fen + b.fen)) into.fen += b.fen;
  else into.rest = into.rest.plus(new D(b.fen).dividedBy(100));
  into.rest = into.rest.plus(b.rest);
}
/** Converted once, at the end. */
const yuanOf = (c: CostSum): Dec => new D(c.fen).dividedBy(100).plus(c.rest);

/** Rows listed for the visits before the effective date (summary.json lists 1000, the notes 10). */
export const EARLY_ROWS_KEPT = 1000;

/** One more early visit: counted, its row kept while it is among the lowest EARLY_ROWS_KEPT. */
function keepEarly(t: CompletenessTally, row: number): void {
  t.earlyVisits++;
  t.early.push(row);
  if (t.early.length >= 2 * EARLY_ROWS_KEPT) t.early = t.early.sort((a, b) => a - b).slice(0, EARLY_ROWS_KEPT);
}

function addMissing(into: Record<string, BucketMissing>, key: string, m: BucketMissing): void {
  const t = into[key] ?? (into[key] = { people: 0, assistance: 0, premiumSubsidy: 0 });
  t.people += m.people;
  t.assistance += m.assistance;
  t.premiumSubsidy += m.premiumSubsidy;
}

/** The last tally of each projection (runProjection's, then the part sum's: one count per part, not two). */
const tallies = new WeakMap<Projection, { visits: readonly Visit[]; effective: string; tally: CompletenessTally }>();

/** The tally of one projection over the visits the importer passed on (a whole roster or one part). */
export function tallyOf(p: Projection, visits: readonly Visit[], policy: PolicyFile): CompletenessTally {
  const known = tallies.get(p);
  // The policy counts only through its effective date (the early visits).
  if (known && known.visits === visits && known.effective === policy.edition.effective) return copyTally(known.tally);
  const t = countTally(p, visits, policy);
  tallies.set(p, { visits, effective: policy.edition.effective, tally: t });
  return copyTally(t);
}

/** A copy (addTally changes its target, and a remembered tally must stay as counted). */
function copyTally(t: CompletenessTally): CompletenessTally {
  const copyMissing = (r: Record<string, BucketMissing>) => {
    const out: Record<string, BucketMissing> = Object.create(null);
    for (const [k, m] of Object.entries(r)) out[k] = { ...m };
    return out;
  };
  return {
    ...t,
    costTotal: { ...t.costTotal },
    costComputed: { ...t.costComputed },
    kinds: { inpatient: { ...t.kinds.inpatient }, outpatient: { ...t.kinds.outpatient } },
    missing: { byCategory: copyMissing(t.missing.byCategory), byDistrict: copyMissing(t.missing.byDistrict) },
    early: [...t.early],
  };
}

function countTally(p: Projection, visits: readonly Visit[], policy: PolicyFile): CompletenessTally {
  const t = emptyTally();
  const effective = policy.edition.effective;
  for (const x of p.people) {
    t.people++;
    if (x.assistanceComputed && x.premiumComputed) t.peopleComputed++;
    if (x.premiumComputed) t.premiumComputed++;
    else t.premiumNotComputed++;
    const m = { people: 1, assistance: x.assistanceComputed ? 0 : 1, premiumSubsidy: x.premiumComputed ? 0 : 1 };
    addMissing(t.missing.byCategory, x.category, m);
    addMissing(t.missing.byDistrict, x.person.district, m);
  }
  for (const x of p.problems) if (x.table === 'people' && x.code === 'ROSTER_DUPLICATE_ID') t.duplicateIds++;
  const computedRows = new Set<number>();
  for (const v of p.visits) {
    t.visitsComputed++;
    if (v.visit.referred) t.referredComputed++;
    if (v.visit.date < effective) keepEarly(t, v.visit.rowNumber);
    computedRows.add(v.visit.rowNumber);
  }
  // Numerator and denominator weigh the same figure, the row's cost as imported: a settlement row's
  // computed visit carries the policy-range out-of-pocket its layers left, smaller than the
  // importer's provisional figure (a blank 大病保险支付 / pooled 基本医保 is computed later), and
  // mixing the two would call a fully computed settlement roster partial.
  for (const v of visits) {
    addCost(t.costTotal, v.cost);
    if (computedRows.has(v.rowNumber)) addCost(t.costComputed, v.cost);
    t.kinds[v.kind][computedRows.has(v.rowNumber) ? 'done' : 'left']++;
  }
  return t;
}

/** Adds a part's tally (parts of one roster split by person: disjoint people and visit rows). */
export function addTally(into: CompletenessTally, b: CompletenessTally): void {
  for (const k of ['people', 'peopleComputed', 'premiumComputed', 'premiumNotComputed', 'duplicateIds', 'visitsComputed', 'referredComputed'] as const) into[k] += b[k];
  addCosts(into.costTotal, b.costTotal);
  addCosts(into.costComputed, b.costComputed);
  for (const k of ['inpatient', 'outpatient'] as const) {
    into.kinds[k].done += b.kinds[k].done;
    into.kinds[k].left += b.kinds[k].left;
  }
  for (const by of ['byCategory', 'byDistrict'] as const) for (const [key, m] of Object.entries(b.missing[by])) addMissing(into.missing[by], key, m);
  for (const r of b.early) keepEarly(into, r);
  into.earlyVisits += b.earlyVisits - b.early.length;
}

export function completenessOf(p: Projection, input: CompletenessInput): Completeness {
  return completenessFrom(tallyOf(p, input.visits, input.policy), p.problems, input);
}

/**
 * Completeness from a tally (one roster's, or the sum of its parts') and the projection's problems
 * (`runs`: more of them counted at once, ProblemRun, not among `problems`).
 */
export function completenessFrom(t: CompletenessTally, problems: readonly ProjectionProblem[], input: Omit<CompletenessInput, 'visits'>, runs: readonly ProblemRun[] = []): Completeness {
  const nonBlank = (r: RowAccount) => r.total - r.blank;
  const people = share(t.peopleComputed, Math.max(nonBlank(input.rows.people), t.people));
  const visits = share(t.visitsComputed, Math.max(nonBlank(input.rows.visits), t.visitsComputed));
  const costTotal = yuanOf(t.costTotal);
  const costComputed = yuanOf(t.costComputed);
  // No readable cost at all (every visit rejected at import): the yuan share is the visit share, not 100 %.
  const cost = { computed: costComputed, total: costTotal, pct: costTotal.isZero() ? visits.pct : pctOf(costComputed, costTotal) };
  const rules = ruleGroups(input.policy, t.referredComputed);
  const lowest = [people.pct, visits.pct, cost.pct].reduce((a, b) => (b.lessThan(a) ? b : a));
  const threshold = new D(input.threshold ?? DEFAULT_MIN_COMPLETE);
  const effective = input.policy.edition.effective;
  const measures = measureStatus(t, input.importRejected, rules.gaps);
  // Keys in the totals' order (categories as listed, districts by code point), whatever order the parts came in.
  const missing = emptyMissing();
  const keys = { byCategory: Object.keys(t.missing.byCategory).sort((a, b) => (CATEGORY_ORDER.get(a) ?? 1e9) - (CATEGORY_ORDER.get(b) ?? 1e9) || byCodePoint(a, b)), byDistrict: Object.keys(t.missing.byDistrict).sort(byCodePoint) };
  for (const by of ['byCategory', 'byDistrict'] as const) for (const key of keys[by]) addMissing(missing[by], key, t.missing[by][key]);
  const early = [...t.early].sort((a, b) => a - b).slice(0, EARLY_ROWS_KEPT);
  return {
    people,
    visits,
    cost,
    rules: { total: rules.total, computed: rules.total - rules.gaps.length, gaps: rules.gaps },
    share: lowest,
    complete: lowest.equals(100) && rules.gaps.length === 0,
    threshold,
    belowThreshold: lowest.lessThan(threshold),
    notComputed: Object.keys(measures).filter((k) => measures[k] === 'notComputed'),
    measures,
    missing,
    exclusions: exclusionsOf(problems, input.importRejected, runs),
    beforeEffective: { effective, visits: t.earlyVisits, rows: early },
  };
}

/**
 * A measure is not computed when nothing of it was computed but something should have been
 * (a rule gap, or every visit of that kind left out), partial when some rows are left out.
 */
function measureStatus(t: CompletenessTally, importRejected: CompletenessInput['importRejected'], gaps: readonly RuleGap[]): Record<string, MeasureStatus> {
  const kinds = t.kinds;
  const importLeft = importRejected.visits > 0;
  // Rows rejected at import have no known kind: they make every assistance figure partial.
  const of = (k: { done: number; left: number }): MeasureStatus =>
    k.done === 0 && (k.left > 0 || importLeft) ? 'notComputed' : k.left > 0 || importLeft ? 'partial' : 'complete';
  const all = { done: kinds.inpatient.done + kinds.outpatient.done, left: kinds.inpatient.left + kinds.outpatient.left };
  const assistance = of(all);
  const premiumLeft = t.premiumNotComputed + importRejected.people + t.duplicateIds;
  const premiumDone = t.premiumComputed;
  const premium: MeasureStatus = premiumLeft > 0 && premiumDone === 0 ? 'notComputed' : premiumLeft > 0 ? 'partial' : 'complete';
  const tiltGap = gaps.some((g) => g.measure === 'assistance.tilt');
  const worst = (...xs: MeasureStatus[]): MeasureStatus => (xs.every((x) => x === 'complete') ? 'complete' : xs.every((x) => x === 'notComputed') ? 'notComputed' : 'partial');
  // A total with a rule gap inside it (the tilt) is partial even when every row was computed.
  const withGap = (x: MeasureStatus): MeasureStatus => (tiltGap && x === 'complete' ? 'partial' : x);
  const assistanceTotal = withGap(assistance);
  const need = worst(assistanceTotal, premium);
  return {
    'assistance.inpatient': of(kinds.inpatient),
    'assistance.outpatient': of(kinds.outpatient),
    'assistance.tilt': tiltGap ? 'notComputed' : assistance === 'notComputed' ? 'notComputed' : assistance,
    'assistance.total': assistanceTotal,
    'premiumSubsidy.total': premium,
    fundNeed: need,
    'sources.allocated': need,
    fiscal: need,
    'split.city': need,
    'split.district': need,
    'forecast.nextFundNeed': need,
  };
}

const pct = (d: Dec) => d.toFixed(2);

/** "部分测算：已计算 62.00% 的就诊、…" or "完整测算：…" — the line every output puts above its totals. */
export function completenessLabel(c: Completeness, lang: 'zh' | 'en'): string {
  const rules = `${c.rules.computed}/${c.rules.total}`;
  if (c.complete) {
    return lang === 'zh'
      ? `完整测算：人员 ${c.people.computed}/${c.people.total}、就诊 ${c.visits.computed}/${c.visits.total}、规则 ${rules} 均已计算`
      : `Complete: people ${c.people.computed}/${c.people.total}, visits ${c.visits.computed}/${c.visits.total}, rules ${rules} all computed`;
  }
  return lang === 'zh'
    ? `部分测算：已计算 ${pct(c.visits.pct)}% 的就诊（${c.visits.computed}/${c.visits.total}）、${pct(c.people.pct)}% 的人员（${c.people.computed}/${c.people.total}）、${pct(c.cost.pct)}% 的费用、规则 ${rules}；合计不含未计算部分`
    : `Partial: ${pct(c.visits.pct)}% of visits (${c.visits.computed}/${c.visits.total}), ${pct(c.people.pct)}% of people (${c.people.computed}/${c.people.total}), ${pct(c.cost.pct)}% of cost, rules ${rules} computed; totals exclude the rest`;
}

/** A rule gap's line with its fix for a surface. */
export function gapText(g: RuleGap, lang: 'zh' | 'en', surface: Surface): string {
  return withFix(g, g.fix, lang, surface);
}

/**
 * The lines that say what the totals exclude (one per cause), then the rule gaps (with the fix
 * in the surface's words: the CLI's flags, the pane's fields) and the early visits.
 */
export function completenessNotes(c: Completeness, lang: 'zh' | 'en', surface: Surface = 'cli'): string[] {
  const out: string[] = [];
  for (const e of c.exclusions) {
    if (e.part === 'import') {
      out.push(lang === 'zh' ? e.zh : e.en);
      continue;
    }
    const what = e.part === 'assistance' ? (lang === 'zh' ? '医疗救助' : 'assistance') : lang === 'zh' ? '资助参保' : 'premium subsidy';
    out.push(
      lang === 'zh'
        ? `未计入${what}：${e.people} 人、${e.visits} 行就诊（${e.code}），例：${e.zh}`
        : `Not in the ${what} total: ${e.people} people, ${e.visits} visit rows (${e.code}), e.g. ${e.en}`,
    );
  }
  for (const g of c.rules.gaps) out.push(gapText(g, lang, surface));
  const b = c.beforeEffective;
  if (b.visits) {
    const rows = b.rows.slice(0, 10).join(', ') + (b.rows.length > 10 ? ' …' : '');
    out.push(
      lang === 'zh'
        ? `${b.visits} 次就诊早于政策生效日 ${b.effective}，仍按本版政策计算（就诊表第 ${rows} 行）；生效前的标准请作为参数另行提供`
        : `${b.visits} visits predate the edition's effective date ${b.effective} and are computed under its terms (visit rows ${rows}); supply the earlier terms as parameters if they differ`,
    );
  }
  if (c.belowThreshold) {
    out.push(
      lang === 'zh'
        ? `完成度 ${pct(c.share)}% 低于 ${c.threshold.toString()}%：资金需求等总数暂不作为结果显示，请先按上述原因补正，或确认后查看部分结果`
        : `Completeness ${pct(c.share)}% is below ${c.threshold.toString()}%: the fund need and the totals built on it are withheld; fix the causes above, or confirm to see the partial figures`,
    );
  }
  return out;
}
