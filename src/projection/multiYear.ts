/**
 * The medium-term plan (中期财政规划): the roster's fund need in each of the years Y+1 … Y+N
 * (default 3), each year under the policy edition and the dated values in force that year.
 *
 * How a year t = Y+k is computed (docs/budget.md):
 *   1. Every person of the base year is replayed under year t's rules, with each visit's
 *      policy-range out-of-pocket cost (and, for Shanxi's top-up, total cost and insurance
 *      paid) grown by (1 + cost growth)^k and rounded half-up to the fen once, and the
 *      person's individual premium grown by (1 + premium growth)^k likewise. Deductibles,
 *      caps and brackets therefore bind on the grown costs exactly as the engine defines
 *      them (the one-year forecast of forecast.ts scales the amounts linearly instead).
 *   2. A threshold tied to last year's income (ruling 5) uses the income figure of t−1 from
 *      the policy or the analyst; where it is missing and an earlier figure exists, it is
 *      extrapolated with the income-growth assumption (rounded to the fen) and says so.
 *   3. Head counts: per head-count status c, people_t = people_Y × (1 + growth_c)^k rounded
 *      half-up to whole people. Each (status, district) cell's fund need and assistance are
 *      scaled by people_t / people_Y and rounded to the fen; the subsidy is the cell's need
 *      minus its assistance. Totals by status, by district and overall are sums of the same
 *      cells, so they reconcile to the fen.
 *   4. Funding each year with planFunding (sources and the 1:9 or the policy's split).
 *
 * A year beyond what the policy data states (no edition for it, a value last dated earlier
 * and with no later end date) carries the last value forward: every such value is listed.
 * A person whose year cannot be computed (e.g. a value that ends before t) is counted and
 * reported with the engine's message, never given a silent zero.
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import { MedaidError } from '../engine/errors';
import { D, ZERO, round2, type Dec } from '../engine/money';
import { ResolvedPolicy } from '../engine/policy/resolved';
import type { Param, PolicyFile } from '../engine/policy/types';
import type { Person, Visit } from '../roster/types';
import { parseRate } from './forecast';
import { planFunding, resolveFunding } from './funding';
import { engineFor, project } from './project';
import { byCodePoint } from './totals';
import type { FundingPlan, Growth, Projection, ProjectionInput, RateInput, Scenario } from './types';

export const DEFAULT_YEARS = 3;
/** More years than this is not a budget plan any document supports. */
export const MAX_YEARS = 10;

export interface MultiYearInput extends ProjectionInput {
  /** N: years after the roster's year (default 3); a number or its text (a CLI flag, a cell). */
  years?: number | string;
  /** Growth of the per-capita disposable income, for thresholds tied to last year's income (default 0). */
  incomeGrowth?: RateInput;
  /** Optional what-if (its overrides; its growth and funding replace the input's field by field). */
  scenario?: Scenario;
}

export interface YearAmounts {
  assistance: Dec;
  premiumSubsidy: Dec;
  fundNeed: Dec;
}

export interface CategoryYear extends YearAmounts {
  people: number;
}

export interface CarriedValue {
  path: string;
  /** Date of the value carried forward. */
  from: string;
}

export interface IncomeUsed {
  /** The income year (t − 1). */
  year: number;
  value: Dec;
  origin: 'policy' | 'extrapolated';
  /** For an extrapolated figure: the year of the figure it grew from. */
  fromYear?: number;
}

export interface PlanYear {
  year: number;
  /** k: years after the roster's year (0 = the roster's own year, as computed). */
  offset: number;
  policyId: string;
  people: number;
  total: YearAmounts;
  byCategory: Partial<Record<CategoryId, CategoryYear>>;
  byDistrict: Record<string, YearAmounts>;
  funding: FundingPlan;
  /** Values in force this year only because the last one is carried forward (empty for the base year). */
  carriedForward: CarriedValue[];
  income?: IncomeUsed;
  /** People whose assistance or subsidy could not be computed this year (their part counts 0), with the first messages. */
  notComputed: { people: number; messages: { zh: string; en: string }[] };
}

export interface PlanAssumptions {
  headcount: Dec;
  cost: Dec;
  premium: Dec;
  income: Dec;
  byCategory: Partial<Record<CategoryId, { headcount: Dec; cost: Dec; premium: Dec }>>;
}

/** Per-person figures the bootstrap resamples (one entry per base-year person). */
export interface PlanSamples {
  categories: CategoryId[];
  districts: string[];
  /** Cell of each person: category index × districts.length + district index. */
  cellOf: Int32Array;
  /** Per year (index as in `years`), per person: fund need in fen (assistance + subsidy computed). */
  needFen: Float64Array[];
  /** Base-year people per category index. */
  basePeople: number[];
  /** Per year, people per category index. */
  yearPeople: number[][];
}

export interface MultiYearPlan {
  region: { id: string; zh: string; en: string };
  baseYear: number;
  scenario?: string;
  assumptions: PlanAssumptions;
  /** The roster's own year through the same cells (equals project()'s totals). */
  base: PlanYear;
  years: PlanYear[];
  samples: PlanSamples;
}

function badInput(field: string, value: unknown, problem: string, problemEn: string): MedaidError {
  return new MedaidError('INVALID_BUDGET_INPUT', { field, value: value === undefined ? undefined : String(value), problem, problemEn });
}

/** N as given (number or text); a whole number 1…MAX_YEARS. */
export function parseYears(input: unknown): number {
  if (input === undefined || input === null || input === '') return DEFAULT_YEARS;
  const n = typeof input === 'number' ? input : Number(String(input).trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_YEARS) {
    throw badInput('years 规划年数 (--years)', input, `应为 1 到 ${MAX_YEARS} 之间的整数（默认 ${DEFAULT_YEARS}）`, `must be a whole number from 1 to ${MAX_YEARS} (default ${DEFAULT_YEARS})`);
  }
  return n;
}

const isParam = (x: unknown): x is Param => !!x && typeof x === 'object' && 'values' in (x as object) && 'ref' in (x as object) && 'unit' in (x as object);

/** Every parameter of a policy file with its path. */
function* paramsOf(node: unknown, path: string[] = []): Generator<[string, Param]> {
  if (!node || typeof node !== 'object') return;
  if (isParam(node)) {
    yield [path.join('.'), node];
    return;
  }
  // Not rules: the file's metadata, and `statistics` (the year's published totals, facts not terms).
  for (const [k, v] of Object.entries(node)) if (path.length > 0 || !['documents', 'region', 'edition', 'statistics'].includes(k)) yield* paramsOf(v, [...path, k]);
}

/**
 * Values in force in `year` only because nothing later is stated: the value's own date is in
 * an earlier year, the parameter has no later date (a later date, even an end `null`, shows the
 * document fixed the value through then — Shanxi's 280 for 2022–2025), and the year is after
 * the edition's own year.
 */
export function carriedForward(policy: PolicyFile, year: number): CarriedValue[] {
  if (year <= policy.edition.year) return [];
  const out: CarriedValue[] = [];
  const date = `${year}-12-31`;
  for (const [path, p] of paramsOf(policy)) {
    if (path === 'income.perCapitaDisposable') continue; // reported as IncomeUsed
    const keys = Object.keys(p.values).sort();
    if (keys.length === 0 || ResolvedPolicy.valueAt(p, date) === undefined) continue;
    if (keys.some((k) => Number(k.slice(0, 4)) >= year)) continue;
    const from = keys.filter((k) => k <= date).pop()!;
    out.push({ path, from });
  }
  return out.sort((a, b) => byCodePoint(a.path, b.path));
}

/** The income figures an edition holds, by year. */
function incomeFigures(policy: PolicyFile): Map<number, Dec> {
  const out = new Map<number, Dec>();
  const p = policy.income?.perCapitaDisposable;
  for (const [k, v] of Object.entries(p?.values ?? {})) if (typeof v === 'number') out.set(Number(k.slice(0, 4)), new D(v));
  return out;
}

const usesIncome = (policy: PolicyFile): boolean => [...paramsOf(policy)].some(([, p]) => p.shareOfIncome !== undefined);

/** (1 + r)^k, exact. */
const factor = (r: Dec, k: number): Dec => r.plus(1).pow(k);

interface Rates {
  headcount: Dec;
  cost: Dec;
  premium: Dec;
}

function assumptionsOf(growth: Growth | undefined, incomeGrowth: RateInput | undefined): PlanAssumptions {
  const g = {
    headcount: parseRate(growth?.headcount, 'growth.headcount'),
    cost: parseRate(growth?.cost, 'growth.cost'),
    premium: parseRate(growth?.premium, 'growth.premium'),
  };
  const byCategory: PlanAssumptions['byCategory'] = {};
  for (const [c, own] of Object.entries(growth?.byCategory ?? {})) {
    const pick = (k: keyof Rates) => (own?.[k] !== undefined ? parseRate(own[k], `growth.byCategory.${c}.${k}`) : g[k]);
    byCategory[c as CategoryId] = { headcount: pick('headcount'), cost: pick('cost'), premium: pick('premium') };
  }
  return { ...g, income: parseRate(incomeGrowth, 'incomeGrowth 收入增长 (--income-growth)'), byCategory };
}

const ratesOf = (a: PlanAssumptions, c: CategoryId): Rates => a.byCategory[c] ?? a;

const grow = (x: Dec | undefined, f: Dec): Dec | undefined => (x === undefined ? undefined : round2(x.times(f)));

/** Fen of an amount already at the fen. */
const fenOf = (x: Dec): bigint => BigInt(x.times(100).toFixed(0));
const decOfFen = (f: bigint): Dec => (f === 0n ? ZERO : new D(f.toString()).dividedBy(100));

/** x × num / den rounded half-up, x ≥ 0 (exact, in bigint). */
export function scaleFen(x: bigint, num: number, den: number): bigint {
  if (den === 0) return 0n;
  const n = x * BigInt(num);
  const d = BigInt(den);
  return (2n * n + d) / (2n * d);
}

/**
 * The roster's year t version: each base visit's costs grown for its person's status, the date
 * moved into year t (only the year part: the engine orders a person's visits by date text).
 */
function grownRoster(people: readonly Person[], visits: readonly Visit[], catOf: Map<string, CategoryId>, a: PlanAssumptions, year: number, k: number): { people: Person[]; visits: Visit[] } {
  const costF = new Map<CategoryId, Dec>();
  const premF = new Map<CategoryId, Dec>();
  for (const { id } of CATEGORIES) {
    const r = ratesOf(a, id);
    costF.set(id, factor(r.cost, k));
    premF.set(id, factor(r.premium, k));
  }
  const outPeople = people.map((p) => {
    const c = catOf.get(p.id);
    if (!c || p.premium === undefined) return p;
    return { ...p, premium: grow(p.premium, premF.get(c)!) };
  });
  const outVisits: Visit[] = [];
  const baseYear = String(year - k);
  for (const v of visits) {
    const c = catOf.get(v.personId);
    // Not a person of the base year, or a visit of another year: reported there, not carried on.
    if (!c || v.date.slice(0, 4) !== baseYear) continue;
    const f = costF.get(c)!;
    const nv: Visit = { ...v, date: `${year}${v.date.slice(4)}`, cost: grow(v.cost, f)! };
    if (v.totalCost !== undefined) nv.totalCost = grow(v.totalCost, f);
    if (v.insurancePaid !== undefined) nv.insurancePaid = grow(v.insurancePaid, f);
    outVisits.push(nv);
  }
  return { people: outPeople, visits: outVisits };
}

/** The income figure year t needs (t − 1), from the policy or extrapolated; and the engine holding it. */
function incomeFor(engine: Engine, region: string, year: number, growth: Dec): { engine: Engine; income?: IncomeUsed } {
  const rp = engine.resolve(region, year);
  if (!usesIncome(rp.policy)) return { engine };
  const need = year - 1;
  const known = incomeFigures(rp.policy);
  const own = known.get(need);
  if (own) return { engine, income: { year: need, value: own, origin: 'policy' } };
  const earlier = [...known.keys()].filter((y) => y < need).sort((x, y) => x - y).pop();
  if (earlier === undefined) return { engine }; // nothing to grow from: the rows that need it report MISSING_INCOME
  const value = round2(known.get(earlier)!.times(factor(growth, need - earlier)));
  const values: Record<string, number | string | null> = {};
  for (const [y, v] of known) values[String(y)] = v.toNumber();
  values[String(need)] = value.toNumber();
  const withIncome = engine.withOverrides({ [rp.policy.id]: { 'income.perCapitaDisposable': values } });
  return { engine: withIncome, income: { year: need, value, origin: 'extrapolated', fromYear: earlier } };
}

interface Layout {
  categories: CategoryId[];
  districts: string[];
  catIndex: Map<CategoryId, number>;
  distIndex: Map<string, number>;
  persons: Person[];
  cellOf: Int32Array;
  basePeople: number[];
}

function layoutOf(base: Projection): Layout {
  const categories = CATEGORIES.map((c) => c.id).filter((id) => base.people.some((p) => p.category === id));
  const districts = [...new Set(base.people.map((p) => p.person.district))].sort(byCodePoint);
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  const distIndex = new Map(districts.map((d, i) => [d, i]));
  const persons = base.people.map((p) => p.person);
  const cellOf = new Int32Array(persons.length);
  const basePeople = categories.map(() => 0);
  base.people.forEach((p, i) => {
    const ci = catIndex.get(p.category)!;
    cellOf[i] = ci * districts.length + distIndex.get(p.person.district)!;
    basePeople[ci]++;
  });
  return { categories, districts, catIndex, distIndex, persons, cellOf, basePeople };
}

/** Per person (in layout order): fen of the assistance and of the fund need computed in a year's projection. */
function perPersonFen(layout: Layout, p: Projection): { assistFen: Float64Array; needFen: Float64Array; failed: number } {
  const byId = new Map(p.people.map((x) => [x.person.id, x]));
  const assistFen = new Float64Array(layout.persons.length);
  const needFen = new Float64Array(layout.persons.length);
  let failed = 0;
  layout.persons.forEach((person, i) => {
    const o = byId.get(person.id);
    if (!o) return;
    const a = o.assistanceComputed ? Number(fenOf(o.assistance)) : 0;
    const s = o.premiumComputed ? Number(fenOf(o.premiumSubsidy)) : 0;
    if (!o.assistanceComputed || !o.premiumComputed) failed++;
    assistFen[i] = a;
    needFen[i] = a + s;
  });
  return { assistFen, needFen, failed };
}

/** Sum per cell (fen, bigint) of a per-person array, over the persons listed in `draw` (all persons when absent). */
export function cellSums(cellOf: Int32Array, cells: number, values: Float64Array, draw?: Int32Array): bigint[] {
  const acc = new Float64Array(cells); // whole fen; exact while a cell stays below 2^53 fen (≈ 9 × 10^13 yuan)
  if (draw) for (let j = 0; j < draw.length; j++) acc[cellOf[draw[j]]] += values[draw[j]];
  else for (let i = 0; i < values.length; i++) acc[cellOf[i]] += values[i];
  return Array.from(acc, (x) => BigInt(x));
}

/** Cells scaled by each category's head-count factor (people_t / people_Y), rounded half-up to the fen. */
export function scaleCells(sums: bigint[], districts: number, yearPeople: number[], basePeople: number[]): bigint[] {
  return sums.map((x, cell) => {
    const ci = Math.floor(cell / districts);
    return scaleFen(x, yearPeople[ci], basePeople[ci]);
  });
}

function planYear(
  layout: Layout,
  input: MultiYearInput,
  engine: Engine,
  p: Projection,
  offset: number,
  yearPeople: number[],
  income: IncomeUsed | undefined,
  funding: MultiYearInput['funding'],
): { year: PlanYear; needFen: Float64Array } {
  const nd = layout.districts.length;
  const cells = layout.categories.length * nd;
  const { assistFen, needFen, failed } = perPersonFen(layout, p);
  const need = scaleCells(cellSums(layout.cellOf, cells, needFen), nd, yearPeople, layout.basePeople);
  const assist = scaleCells(cellSums(layout.cellOf, cells, assistFen), nd, yearPeople, layout.basePeople);
  const amounts = (a: bigint, n: bigint): YearAmounts => ({ assistance: decOfFen(a), premiumSubsidy: decOfFen(n - a), fundNeed: decOfFen(n) });
  const byCategory: PlanYear['byCategory'] = {};
  const distA = new Array<bigint>(nd).fill(0n);
  const distN = new Array<bigint>(nd).fill(0n);
  let totA = 0n;
  let totN = 0n;
  layout.categories.forEach((c, ci) => {
    let a = 0n;
    let n = 0n;
    for (let d = 0; d < nd; d++) {
      a += assist[ci * nd + d];
      n += need[ci * nd + d];
      distA[d] += assist[ci * nd + d];
      distN[d] += need[ci * nd + d];
    }
    byCategory[c] = { people: yearPeople[ci], ...amounts(a, n) };
    totA += a;
    totN += n;
  });
  const byDistrict: Record<string, YearAmounts> = {};
  layout.districts.forEach((d, i) => Object.defineProperty(byDistrict, d, { value: amounts(distA[i], distN[i]), enumerable: true, writable: true, configurable: true }));
  const plan = planFunding(byDistrict, resolveFunding(engine, input.region, p.year, funding));
  const messages = p.problems.filter((x) => x.table === 'people').slice(0, 5).map((x) => ({ zh: x.zh, en: x.en }));
  return {
    year: {
      year: p.year,
      offset,
      policyId: p.policyId,
      people: yearPeople.reduce((s, x) => s + x, 0),
      total: amounts(totA, totN),
      byCategory,
      byDistrict,
      funding: plan,
      carriedForward: offset === 0 ? [] : carriedForward(engine.resolve(input.region, p.year).policy, p.year),
      income,
      notComputed: { people: failed, messages },
    },
    needFen,
  };
}

export function projectYears(input: MultiYearInput): MultiYearPlan {
  const n = parseYears(input.years);
  const scenario = input.scenario;
  const growth: Growth | undefined = scenario?.growth ? { ...input.growth, ...scenario.growth, byCategory: { ...input.growth?.byCategory, ...scenario.growth.byCategory } } : input.growth;
  const funding = { ...input.funding, ...scenario?.funding };
  const assumptions = assumptionsOf(growth, input.incomeGrowth);
  const engine0 = engineFor(input, scenario);
  const baseInput: ProjectionInput = { people: input.people, visits: input.visits, region: input.region, year: input.year, importReports: input.importReports, engine: engine0, funding };
  const baseProjection = project(baseInput);
  const layout = layoutOf(baseProjection);
  const catOf = new Map(baseProjection.people.map((p) => [p.person.id, p.category]));
  const base = planYear(layout, input, engine0, baseProjection, 0, layout.basePeople, undefined, funding);

  const years: PlanYear[] = [];
  const needFen: Float64Array[] = [];
  const yearPeople: number[][] = [];
  for (let k = 1; k <= n; k++) {
    const t = input.year + k;
    const people = layout.categories.map((c, ci) => new D(layout.basePeople[ci]).times(factor(ratesOf(assumptions, c).headcount, k)).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber());
    const { engine, income } = incomeFor(engine0, input.region, t, assumptions.income);
    const grown = grownRoster(layout.persons, input.visits, catOf, assumptions, t, k);
    const p = project({ ...grown, region: input.region, year: t, engine, funding });
    const y = planYear(layout, input, engine, p, k, people, income, funding);
    years.push(y.year);
    needFen.push(y.needFen);
    yearPeople.push(people);
  }
  return {
    region: baseProjection.region,
    baseYear: input.year,
    scenario: scenario?.name,
    assumptions,
    base: base.year,
    years,
    samples: { categories: layout.categories, districts: layout.districts, cellOf: layout.cellOf, needFen, basePeople: layout.basePeople, yearPeople },
  };
}
