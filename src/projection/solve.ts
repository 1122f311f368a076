/**
 * Fit the policy to the budget: the value of one parameter (a ratio, cap, deductible, tilt
 * threshold, subsidy amount… — one path or several set together, e.g. the same ratio for
 * chosen categories' tiers) at which the roster's fund need meets a ceiling (the total, and/or
 * per district), or a specific error that no value in the parameter's valid range does.
 *
 * The need is monotone in such parameters — non-decreasing in a ratio, cap, amount or ratio
 * delta, non-increasing in a deductible or threshold (property-tested in
 * test/projection/solve.property.test.ts) — so bisection on the parameter's grid (0.0001 for a
 * ratio, 0.01 yuan for an amount) finds the extreme value that fits in ~log2(grid) evaluations,
 * each on the exact engine (the integer kernel, equal to PersonYear to the fen, with the decimal
 * engine for whomever it cannot hold). The property test found where monotonicity fails: tilted
 * assistance (ruling 4) needs the ordinary assistance to have reached its cap, so a cap or a
 * deductible can switch it on; ends out of order are an error, and any evaluation out of order
 * met on the way is reported with the answer (`monotoneBreaks`), never silently.
 *
 * The answer is reported with the value one step further (whose need breaks the ceiling), the
 * clause the parameter comes from, and as a scenario (`overrides`) like any other one.
 */
import { parseCategories, type CategoryId } from '../engine/categories';
import type { Engine } from '../engine/engine';
import { MedaidError, isMedaidError } from '../engine/errors';
import { D, ZERO, parseAmount, round2, type Dec } from '../engine/money';
import type { Param, PolicyFile } from '../engine/policy/types';
import { compilePolicy } from '../fastpath/compiledPolicy';
import { columnarFromRoster, type ColumnarRoster, type RosterSource } from '../fastpath/columnarRoster';
import { projectColumns } from '../fastpath/projectColumns';
import type { Person, Visit } from '../roster/types';
import { premiumSubsidies } from './premiumSubsidies';
import { engineFor, project } from './project';
import { byCodePoint } from './totals';
import type { AmountInput, Projection, ProjectionInput, Scenario } from './types';

export type Direction = 'increasing' | 'decreasing';

/** How the need moves with a parameter, by its name in the policy file. */
const DIRECTION_BY_KEY: Record<string, Direction> = {
  ratio: 'increasing', cap: 'increasing', amount: 'increasing', topUpRatio: 'increasing', ratioDelta: 'increasing', share: 'increasing',
  deductible: 'decreasing', threshold: 'decreasing',
};

export interface SolveInput extends ProjectionInput {
  /** Parameter paths in the region's edition; a `*` segment matches every key there (e.g. "inpatient.tiers.*.ratio"). */
  paths: string[];
  /** With a `*` path: only the tiers that list one of these statuses. */
  categories?: string | string[];
  /** Ceiling on the total fund need. */
  ceiling?: AmountInput;
  /** Ceilings on districts' needs. */
  districtCeilings?: Record<string, AmountInput>;
  /** Valid range of the parameter (default: ratio 0–1; amount 0 – the largest person-year cost or premium on the roster). */
  min?: number | string;
  max?: number | string;
  /** Optional scenario the fit starts from (its overrides are kept; the fitted parameter replaces its own). */
  scenario?: Scenario;
}

export interface FittedParameter {
  path: string;
  /** The value in force before the fit. */
  current: Dec | undefined;
  citation: string;
}

export interface Evaluation {
  value: Dec;
  total: Dec;
  byDistrict: Record<string, Dec>;
}

export interface SolveResult {
  policyId: string;
  region: { zh: string; en: string };
  year: number;
  parameters: FittedParameter[];
  unit: 'ratio' | 'yuan' | 'percentage-points';
  step: Dec;
  direction: Direction;
  range: { min: Dec; max: Dec };
  ceiling?: Dec;
  districtCeilings: Record<string, Dec>;
  /** The fitted value and the need there (meets every ceiling). */
  fitted: Evaluation;
  /** One step further (breaks a ceiling); absent when the whole range fits (`binding` false). */
  beyond?: Evaluation;
  /** The need with the current values (the baseline, or the starting scenario). */
  current: Omit<Evaluation, 'value'>;
  binding: boolean;
  /**
   * Evaluations met out of monotone order. Empty: the answer is the extreme value that fits. Not
   * empty (a cap or deductible with tilted assistance: the tilt needs the cap reached): the answer
   * still fits and the next step breaks the ceiling, but another, farther value may fit too.
   */
  monotoneBreaks: Evaluation[];
  evaluations: number;
  /** People left out because their year could not be computed in the baseline (as in medaid project). */
  excludedPeople: number;
  scenario: Scenario;
}

function bad(field: string, value: unknown, problem: string, problemEn: string): MedaidError {
  return new MedaidError('INVALID_BUDGET_INPUT', { field, value: value === undefined ? undefined : String(value), problem, problemEn });
}

const isParam = (x: unknown): x is Param => !!x && typeof x === 'object' && 'values' in (x as object) && 'unit' in (x as object);

/** Paths with `*` expanded against the policy file; with categories, only tiers listing one of them. */
export function expandPaths(policy: PolicyFile, paths: readonly string[], categories?: readonly CategoryId[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const parts = path.split('.');
    const walk = (node: unknown, i: number, done: string[]): void => {
      if (i === parts.length) {
        const tier = (categories && done.length >= 2 ? resolvePath(policy, done.slice(0, -1)) : undefined) as { categories?: string[] } | undefined;
        if (categories && !tier?.categories?.some((c) => categories.includes(c as CategoryId))) return;
        out.push(done.join('.'));
        return;
      }
      if (!node || typeof node !== 'object') return;
      const keys = parts[i] === '*' ? Object.keys(node) : [parts[i]];
      for (const k of keys) if (Object.prototype.hasOwnProperty.call(node, k)) walk((node as Record<string, unknown>)[k], i + 1, [...done, k]);
    };
    const before = out.length;
    walk(policy, 0, []);
    if (out.length === before) {
      throw bad('--param', path, `${policy.id} 中没有${categories ? '适用于所选人员类别的' : ''}该参数；路径同政策文件中的 JSON 路径，如 inpatient.tiers.dibao_returned.ratio`,
        `${policy.id} has no such parameter${categories ? ' for the chosen categories' : ''}; a path is the JSON path in the policy file, e.g. inpatient.tiers.dibao_returned.ratio`);
    }
  }
  return [...new Set(out)];
}

function resolvePath(policy: PolicyFile, parts: readonly string[]): unknown {
  let node: unknown = policy;
  for (const p of parts) node = node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, p) ? (node as Record<string, unknown>)[p] : undefined;
  return node;
}

/**
 * The roster as the solver evaluates it: the baseline's computed people (those whose year or
 * subsidy fails in the baseline are left out, as in medaid project's totals), columnar for the
 * kernel, and each evaluation's need in fen by district.
 */
/**
 * The fund need of the people a baseline projection computed, re-evaluated under other rules on
 * the integer kernel (the same need as project() to the fen, without its per-visit objects):
 * what the solver bisects on and what FUND_NEED recalculates with a parameter changed.
 */
export function needEvaluator(input: ProjectionInput, baseEngine: Engine, base: Projection): NeedEvaluator {
  const okAssist = base.people.filter((p) => p.assistanceComputed).map((p) => p.person);
  const okSubsidy = base.people.filter((p) => p.premiumComputed).map((p) => p.person);
  const ids = new Set(okAssist.map((p) => p.id));
  const yearText = String(input.year);
  const visits = input.visits.filter((v) => ids.has(v.personId) && v.date.slice(0, 4) === yearText);
  const excluded = base.people.filter((p) => !p.assistanceComputed || !p.premiumComputed).length;
  return new NeedEvaluator(input, baseEngine, excluded, okAssist, visits, okSubsidy);
}

export class NeedEvaluator {
  readonly districts: string[];
  private readonly roster: ColumnarRoster;
  private readonly source: RosterSource;
  /** The people whose premium subsidy the baseline computed. */
  readonly subsidised: readonly Person[];
  private readonly subsidyDistrict: Int32Array;
  count = 0;

  constructor(private readonly input: ProjectionInput, base: Engine, readonly excluded: number, persons: Person[], readonly visits: Visit[], subsidised: Person[]) {
    const c = compilePolicy(base.resolve(input.region, input.year));
    ({ roster: this.roster, source: this.source } = columnarFromRoster(c, persons, visits));
    this.districts = [...new Set([...persons, ...subsidised].map((p) => p.district))].sort(byCodePoint);
    this.subsidised = subsidised;
    const ix = new Map(this.districts.map((d, i) => [d, i]));
    this.subsidyDistrict = Int32Array.from(subsidised.map((p) => ix.get(p.district)!));
  }

  /** Fund need (assistance + premium subsidies) by district, fen; throws the engine's error if anyone cannot be computed. */
  needFen(engine: Engine): bigint[] {
    this.count++;
    const { region, year } = this.input;
    const c = compilePolicy(engine.resolve(region, year));
    const fp = projectColumns(c, this.roster, { decimalInput: this.source.decimalInput });
    if (fp.errors.length > 0) {
      const e = fp.errors[0];
      const p = this.source.people[e.person];
      const err = e.error;
      if (isMedaidError(err)) throw err.at(`人员表第 ${p.rowNumber} 行 people row ${p.rowNumber}`);
      throw err;
    }
    const out = this.districts.map(() => 0n);
    const ix = new Map(this.districts.map((d, i) => [d, i]));
    this.roster.districtNames.forEach((d, i) => (out[ix.get(d)!] += BigInt(fp.byDistrictFen[i])));
    const subsidyOf = premiumSubsidies(engine, region, year);
    this.subsidised.forEach((p, i) => {
      const v = subsidyOf(p.categories, p.premium, p.tier).value as Dec;
      out[this.subsidyDistrict[i]] += BigInt(v.times(100).toFixed(0));
    });
    return out;
  }
}

const fenDec = (f: bigint): Dec => (f === 0n ? ZERO : new D(f.toString()).dividedBy(100));

/** Largest person-year cost or premium on the roster, rounded up to a whole yuan (an amount's default upper end). */
function amountCeiling(persons: readonly Person[], visits: readonly Visit[]): Dec {
  const cost = new Map<string, Dec>();
  for (const v of visits) cost.set(v.personId, (cost.get(v.personId) ?? ZERO).plus(v.cost));
  let top = ZERO;
  for (const x of cost.values()) if (x.greaterThan(top)) top = x;
  for (const p of persons) if (p.premium && p.premium.greaterThan(top)) top = p.premium;
  return top.ceil();
}

function numberIn(input: number | string | undefined, field: string): Dec | undefined {
  if (input === undefined || (typeof input === 'string' && input.trim() === '')) return undefined;
  const s = typeof input === 'number' ? String(input) : input.normalize('NFKC').trim().replace(/,/g, '');
  const m = /^([+-]?(\d+(\.\d*)?|\.\d+))(%)?$/.exec(s);
  if (!m) throw bad(field, input, '应为数字，如 0.75、75% 或 12000', 'must be a number such as 0.75, 75% or 12000');
  return new D(m[1]).dividedBy(m[4] ? 100 : 1);
}

export function solveBudget(input: SolveInput): SolveResult {
  const baseEngine = engineFor(input, input.scenario);
  const rp = baseEngine.resolve(input.region, input.year);
  const policy = rp.policy;
  const cats = input.categories === undefined || (typeof input.categories === 'string' && input.categories.trim() === '') ? undefined : parseCategories(input.categories);
  if (input.paths.length === 0) throw bad('--param', undefined, '请指定要拟合的参数路径', 'name the parameter to fit');
  const paths = expandPaths(policy, input.paths, cats);

  // Each path: a number parameter whose effect on the need is known to be monotone; all of one unit and direction.
  let unit: SolveResult['unit'] | undefined;
  let direction: Direction | undefined;
  const parameters: FittedParameter[] = paths.map((path) => {
    const param = resolvePath(policy, path.split('.'));
    const leaf = path.split('.').pop()!;
    if (!isParam(param) || !['ratio', 'yuan', 'percentage-points'].includes(param.unit)) {
      throw bad('--param', path, '不是数值参数（比例或金额）：分段表、比例文本（如 1:9）和开关不能拟合', 'not a number parameter (a ratio or an amount): brackets, ratio text (1:9) and switches cannot be fitted');
    }
    const dir = DIRECTION_BY_KEY[leaf];
    if (!dir) {
      throw bad('--param', path, `资金需求随该参数的变化不是已知单调的；可拟合：${Object.keys(DIRECTION_BY_KEY).join('、')}`, `the fund need is not known to be monotone in this parameter; fittable: ${Object.keys(DIRECTION_BY_KEY).join(', ')}`);
    }
    if ((unit && unit !== param.unit) || (direction && direction !== dir)) {
      throw bad('--param', paths.join(', '), '同时拟合的参数须单位相同、方向相同（如都是救助比例）', 'parameters fitted together must share unit and direction (e.g. all ratios)');
    }
    unit = param.unit as SolveResult['unit'];
    direction = dir;
    let current: Dec | undefined;
    try {
      current = rp.number(path, param);
    } catch {
      current = undefined; // e.g. a delegated amount not supplied: the fit supplies it
    }
    return { path, current, citation: rp.citation(param.ref) };
  });

  const ceiling = input.ceiling === undefined || input.ceiling === '' ? undefined : round2(parseAmount(input.ceiling, '--ceiling 资金上限'));
  const districtCeilings: Record<string, Dec> = {};
  for (const [d, v] of Object.entries(input.districtCeilings ?? {})) districtCeilings[d] = round2(parseAmount(v, `--district-ceiling ${d}`));
  if (ceiling === undefined && Object.keys(districtCeilings).length === 0) throw bad('--ceiling', undefined, '请给出资金上限（总额 --ceiling，或区县 --district-ceiling 区县=金额）', 'give a ceiling (total --ceiling, or --district-ceiling DISTRICT=AMOUNT)');

  // The people the baseline computes, and their visits of the year.
  const base = project({ ...input, engine: baseEngine });
  const ev = needEvaluator(input, baseEngine, base);
  const okSubsidy = ev.subsidised;
  const visits = ev.visits;
  for (const d of Object.keys(districtCeilings)) {
    if (!ev.districts.includes(d)) throw bad('--district-ceiling', d, `名单中没有该区县；名单中的区县：${ev.districts.join('、')}`, `no such district on the roster; districts: ${ev.districts.join(', ')}`);
  }

  const step = unit === 'ratio' ? new D('0.0001') : new D('0.01');
  const scale = unit === 'ratio' ? 10000 : 100;
  const min = numberIn(input.min, '--min') ?? ZERO;
  const max = numberIn(input.max, '--max') ?? (unit === 'ratio' ? new D(1) : unit === 'percentage-points' ? new D(100) : amountCeiling(okSubsidy, visits));
  for (const [name, v] of [['--min', min], ['--max', max]] as const) {
    if (!v.times(scale).isInteger()) throw bad(name, v.toString(), `应为步长 ${step.toString()} 的整数倍`, `must be a whole multiple of the step ${step.toString()}`);
    if (v.isNegative() || (unit === 'ratio' && v.greaterThan(1))) throw bad(name, v.toString(), unit === 'ratio' ? '比例应在 0 到 1 之间' : '不能为负', unit === 'ratio' ? 'a ratio must be between 0 and 1' : 'cannot be negative');
  }
  if (min.greaterThanOrEqualTo(max)) throw bad('--min/--max', `${min.toString()}–${max.toString()}`, '下限应小于上限', 'the minimum must be below the maximum');

  const overridesAt = (value: Dec): Scenario['overrides'] => {
    const own = { ...(input.scenario?.overrides ?? {}) };
    const mine: Record<string, number> = {};
    for (const p of parameters) mine[p.path] = value.toNumber();
    own[policy.id] = { ...(own[policy.id] ?? {}), ...mine };
    return own;
  };
  const evaluate = (i: number): Evaluation => {
    const value = new D(i).dividedBy(scale);
    const mine: Record<string, number> = {};
    for (const p of parameters) mine[p.path] = value.toNumber();
    const fen = ev.needFen(baseEngine.withOverrides({ [policy.id]: mine }));
    const byDistrict: Record<string, Dec> = {};
    ev.districts.forEach((d, k) => Object.defineProperty(byDistrict, d, { value: fenDec(fen[k]), enumerable: true, writable: true, configurable: true }));
    return { value, total: fenDec(fen.reduce((s, x) => s + x, 0n)), byDistrict };
  };
  const fits = (e: Evaluation) => (ceiling === undefined || e.total.lessThanOrEqualTo(ceiling)) && Object.entries(districtCeilings).every(([d, c]) => e.byDistrict[d].lessThanOrEqualTo(c));
  const cache = new Map<number, Evaluation>();
  const at = (i: number): Evaluation => cache.get(i) ?? cache.set(i, evaluate(i)).get(i)!;

  const lo = min.times(scale).toNumber();
  const hi = max.times(scale).toNumber();
  const inc = direction === 'increasing';
  // The end of the range where the need is least, and where it is most.
  const least = at(inc ? lo : hi);
  const most = at(inc ? hi : lo);
  const order = (a: Evaluation, b: Evaluation) => a.total.comparedTo(b.total);
  if (order(least, most) > 0) {
    throw bad('--param', paths.join(', '), `资金需求随该参数不单调（${least.value.toString()} 时 ${least.total.toFixed(2)}，${most.value.toString()} 时 ${most.total.toFixed(2)}）`, `the fund need is not monotone in this parameter (${least.total.toFixed(2)} at ${least.value.toString()}, ${most.total.toFixed(2)} at ${most.value.toString()})`);
  }
  if (!fits(least)) {
    throw new MedaidError('BUDGET_NO_FIT', { path: paths.join(', '), min: min.toString(), max: max.toString(), ceiling: describeCeilings(ceiling, districtCeilings), best: least.total.toFixed(2), side: 'above' });
  }
  let fitted: Evaluation;
  let beyond: Evaluation | undefined;
  const violations: Evaluation[] = [];
  if (fits(most)) {
    fitted = most; // the whole range fits: the ceiling does not bind
  } else {
    // Invariant: `good` fits, `badI` does not; they close in to adjacent grid points.
    let good = inc ? lo : hi;
    let badI = inc ? hi : lo;
    while (Math.abs(badI - good) > 1) {
      const mid = Math.floor((good + badI) / 2);
      const e = at(mid);
      const g = at(good);
      const b = at(badI);
      // Out of monotone order (tilted assistance switching with the cap; its own fen rounding): the
      // bisection still ends on adjacent values that fit and break, but the break is reported.
      if (order(e, g) < 0 || order(e, b) > 0) violations.push(e);
      if (fits(e)) good = mid;
      else badI = mid;
    }
    fitted = at(good);
    beyond = at(badI);
  }
  // The need before the fit (the baseline, or the starting scenario), on the same people.
  const currentFen = ev.needFen(baseEngine);
  const currentByDistrict: Record<string, Dec> = {};
  ev.districts.forEach((d, k) => Object.defineProperty(currentByDistrict, d, { value: fenDec(currentFen[k]), enumerable: true, writable: true, configurable: true }));
  const current = { total: fenDec(currentFen.reduce((s, x) => s + x, 0n)), byDistrict: currentByDistrict };
  const name = `fit-${paths[0].split('.').slice(-2).join('-')}-${fitted.value.toString()}`;
  return {
    policyId: policy.id,
    region: { zh: policy.region.names.zh, en: policy.region.names.en },
    year: input.year,
    parameters,
    unit: unit!,
    step,
    direction: direction!,
    range: { min, max },
    ceiling,
    districtCeilings,
    fitted,
    beyond,
    current,
    binding: beyond !== undefined,
    monotoneBreaks: violations,
    evaluations: ev.count,
    excludedPeople: ev.excluded,
    scenario: {
      name,
      description: `拟合 ${paths.join('、')} = ${fitted.value.toString()}，资金需求 ${fitted.total.toFixed(2)} ≤ 上限 ${describeCeilings(ceiling, districtCeilings)} / fitted to the ceiling`,
      overrides: overridesAt(fitted.value),
    },
  };
}

function describeCeilings(total: Dec | undefined, districts: Record<string, Dec>): string {
  return [total ? total.toFixed(2) : '', ...Object.entries(districts).map(([d, c]) => `${d} ${c.toFixed(2)}`)].filter(Boolean).join('; ');
}
