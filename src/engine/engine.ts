/**
 * The engine: policy editions (built-in + the analyst's own), scenario overrides, and one
 * method per computation. Methods take raw inputs as a cell or a roster gives them and
 * return exact, rounded amounts with their explanation; bad input is a typed error.
 */
import type { CategoryId } from './categories';
import { categoryById, parseCategories } from './categories';
import { MedaidError, inputText } from './errors';
import type { Explanation, Result } from './explain';
import { Trace } from './explain';
import { D, Dec, ZERO, parseAmount, round2 } from './money';
import { BUILTIN_POLICIES } from './policy/builtin.generated';
import type { OverrideValue, Overrides } from './policy/overrides';
import { applyOverrides } from './policy/overrides';
import { PolicyListRow, PolicyRegistry } from './policy/registry';
import { ResolvedPolicy } from './policy/resolved';
import type { PolicyFile } from './policy/types';
import { ciInsurance } from './rules/ciInsurance';
import { RuleContext, knownCategories, termMissing, tierOf } from './rules/context';
import { parsePart, parseRatio, splitAmount } from './rules/fund';
import { hospitalReduction, outOfCatalogueLimit } from './rules/hospital';
import { monitorAlert } from './rules/monitoring';
import { outpatientPooling, poolOf } from './rules/outpatientPooling';
import { PersonYear, VisitInput, VisitResult } from './rules/personYear';
import { premiumSubsidy } from './rules/premium';
import { SettlementYear, parseLayerMode, type LayerMode, type VisitLayers } from './rules/settlementChain';
import { inpatientScheme, outpatientScheme } from './rules/schemes';

export type Amount = number | string | Dec | null | undefined;
export type Categories = string | readonly string[] | CategoryId[];

export interface AnnualResult extends Result {
  parts: { inpatient: Dec; outpatient: Dec; tilt: Dec };
}

/** One settlement visit through every layer: value = assistance; layers + assistance + residual = total. */
export interface VisitLayersResult extends Result {
  layers: VisitLayers;
  assistance: Dec;
  tilt: Dec;
  /** What the person still pays: total − basic − ci − reduction − hospitalExcess − assistance. */
  residual: Dec;
}

export interface LookupResult extends Result {
  /** For a bracketed rate, the brackets as [threshold, rate] rows. */
  table?: [string, string][];
}

export function parseYear(input: unknown): number | undefined {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) return undefined;
  const n = typeof input === 'number' ? input : Number(inputText(input).normalize('NFKC').trim().replace(/年$/, ''));
  if (!Number.isInteger(n) || n < 1990 || n > 2100) throw new MedaidError('BAD_YEAR', { value: inputText(input) });
  return n;
}

const optAmount = (x: Amount, field: string): Dec | undefined =>
  x === null || x === undefined || (typeof x === 'string' && x.trim() === '') ? undefined : parseAmount(x, field);

export class Engine {
  constructor(
    readonly registry: PolicyRegistry = new PolicyRegistry(BUILTIN_POLICIES),
    private readonly overridden = new Map<string, Set<string>>(),
    /** Whether results carry their steps. Bulk callers (a spilled column) turn it off. */
    readonly explain = true,
    private readonly resolvedCache = new Map<string, ResolvedPolicy>(),
  ) {}

  /**
   * The same engine (same policies, overrides and caches) returning results without
   * explanation steps: a whole roster column computes about twice as fast.
   */
  withoutExplanations(): Engine {
    return this.explain ? new Engine(this.registry, this.overridden, false, this.resolvedCache) : this;
  }

  /** An analyst's own region (or edition) from a file in the same schema. */
  addPolicy(data: unknown, file = ''): PolicyFile {
    this.resolvedCache.clear();
    return this.registry.add(data, file);
  }

  /**
   * A scenario: a new engine whose policies carry the overrides. All overrides are
   * validated before anything is used; an invalid one throws INVALID_OVERRIDE naming it.
   */
  withOverrides(overrides: Overrides): Engine {
    const changes = new Map<string, Record<string, OverrideValue>>();
    for (const [key, paths] of Object.entries(overrides ?? {})) {
      let targets: PolicyFile[];
      try {
        targets = this.registry.matching(key);
      } catch (e) {
        throw new MedaidError('INVALID_OVERRIDE', { path: key, problem: (e as MedaidError).zh, problemEn: (e as MedaidError).en });
      }
      for (const p of targets) changes.set(p.id, { ...(changes.get(p.id) ?? {}), ...paths });
    }
    const files: PolicyFile[] = [];
    const overridden = new Map(this.overridden);
    for (const p of this.registry.all()) {
      const c = changes.get(p.id);
      if (!c) {
        files.push(p);
        continue;
      }
      const { policy, paths } = applyOverrides(p, c);
      files.push(policy);
      overridden.set(p.id, new Set([...(overridden.get(p.id) ?? []), ...paths]));
    }
    return new Engine(new PolicyRegistry(files), overridden);
  }

  policyList(): PolicyListRow[] {
    return this.registry.list();
  }

  /** The edition for a region and year, with parameter resolution cached. */
  resolve(region: string, year?: unknown): ResolvedPolicy {
    const y = parseYear(year);
    const { policy, year: chosen } = this.registry.select(inputText(region ?? ''), y);
    const key = `${policy.id}@${chosen}`;
    let rp = this.resolvedCache.get(key);
    if (!rp) {
      rp = new ResolvedPolicy(policy, chosen, this.overridden.get(policy.id));
      this.resolvedCache.set(key, rp);
    }
    return rp;
  }

  personYear(a: { categories: Categories; region: string; year?: unknown; explain?: boolean }): PersonYear {
    return new PersonYear(this.resolve(a.region, a.year), parseCategories(a.categories as string[]), a.explain ?? false);
  }

  inpatient(a: { cost: Amount; categories: Categories; region: string; year?: unknown; ytdCost?: Amount; ytdAssist?: Amount; totalCost?: Amount; insurancePaid?: Amount }): Result {
    const cost = parseAmount(a.cost, 'cost 费用');
    const py = this.personYear({ ...a, explain: this.explain });
    const ref = inpatientScheme(py.rp);
    py.seed(ref, optAmount(a.ytdCost, 'ytdCost 本年已发生费用') ?? ZERO, optAmount(a.ytdAssist, 'ytdAssist 本年已救助') ?? ZERO);
    const totalCost = optAmount(a.totalCost, 'totalCost 目录内总费用');
    const insurancePaid = optAmount(a.insurancePaid, 'insurancePaid 医保支付');
    const r = py.visit({ kind: 'inpatient', cost, totalCost, insurancePaid: totalCost !== undefined ? insurancePaid ?? ZERO : insurancePaid });
    return { value: r.assistance, explanation: r.explanation! };
  }

  outpatient(a: { cost: Amount; categories: Categories; region: string; kind?: string; year?: unknown; ytdCost?: Amount; ytdAssist?: Amount }): Result {
    const cost = parseAmount(a.cost, 'cost 费用');
    const py = this.personYear({ ...a, explain: this.explain });
    const ref = outpatientScheme(py.rp, a.kind ?? undefined);
    py.seed(ref, optAmount(a.ytdCost, 'ytdCost 本年已发生费用') ?? ZERO, optAmount(a.ytdAssist, 'ytdAssist 本年已救助') ?? ZERO);
    const r = py.visit({ kind: 'outpatient', scheme: a.kind ?? undefined, cost });
    return { value: r.assistance, explanation: r.explanation! };
  }

  /** A person-year: inpatient then outpatient (main scheme) under the shared cap, plus tilt when referred. */
  annual(a: { inpatientCost: Amount; outpatientCost: Amount; categories: Categories; region: string; year?: unknown; referred?: unknown }): AnnualResult {
    const inCost = parseAmount(a.inpatientCost, 'inpatientCost 住院费用', { allowBlank: true });
    const outCost = parseAmount(a.outpatientCost, 'outpatientCost 门诊费用', { allowBlank: true });
    const referred = parseFlag(a.referred);
    const py = this.personYear({ ...a, explain: this.explain });
    const results: VisitResult[] = [];
    if (py.rp.policy.inpatient || !inCost.isZero()) results.push(py.visit({ kind: 'inpatient', cost: inCost, referred }));
    if (py.rp.policy.outpatient || !outCost.isZero()) results.push(py.visit({ kind: 'outpatient', cost: outCost, referred }));
    if (results.length === 0) throw termMissing(py.rp, '住院救助或门诊救助', 'inpatient or outpatient assistance');
    const steps = results.flatMap((r) => r.explanation!.steps);
    const params = new Map(results.flatMap((r) => r.explanation!.params.map((p) => [p.path, p] as const)));
    const totals = py.totals;
    const inpatientPart = results.filter((r) => r.schemeKey === 'inpatient').reduce((s, r) => s.plus(r.ordinary), ZERO);
    const outpatientPart = results.filter((r) => r.schemeKey !== 'inpatient').reduce((s, r) => s.plus(r.ordinary), ZERO);
    const explanation: Explanation = { ...results[results.length - 1].explanation!, steps, params: [...params.values()] };
    explanation.steps.push({ zh: `合计：住院 ${inpatientPart.toFixed(2)} + 门诊 ${outpatientPart.toFixed(2)} + 倾斜 ${totals.tilt.toFixed(2)}`, en: `total: inpatient ${inpatientPart.toFixed(2)} + outpatient ${outpatientPart.toFixed(2)} + tilted ${totals.tilt.toFixed(2)}`, amount: totals.total.toFixed(2), params: [] });
    return { value: totals.total, explanation, parts: { inpatient: inpatientPart, outpatient: outpatientPart, tilt: totals.tilt } };
  }

  premiumSubsidy(a: { categories: Categories; region: string; year?: unknown; premium?: Amount; tier?: unknown }): Result {
    const rp = this.resolve(a.region, a.year);
    const r = premiumSubsidy(rp, parseCategories(a.categories as string[]), optAmount(a.premium, 'premium 个人缴费'), this.explain, a.tier);
    return { value: r.value, explanation: r.ctx.explanation(r.category) };
  }

  ciInsurance(a: { cost: Amount; categories: Categories; region: string; year?: unknown }): Result {
    const rp = this.resolve(a.region, a.year);
    const r = ciInsurance(rp, parseCategories(a.categories as string[]), parseAmount(a.cost, 'cost 合规费用'),this.explain);
    return { value: r.value, explanation: r.ctx.explanation(r.category) };
  }

  hospitalReduction(a: { cost: Amount; categories: Categories; region: string; year?: unknown }): Result {
    const rp = this.resolve(a.region, a.year);
    const r = hospitalReduction(rp, parseCategories(a.categories as string[]), parseAmount(a.cost, 'cost 目录外住院费用'),this.explain);
    return { value: r.value, explanation: r.ctx.explanation(r.category) };
  }

  /**
   * Basic insurance's outpatient pooling for one visit (信阳 三、): the pool's ratio of the
   * in-catalogue cost up to what its annual limit has left after `paidSoFar` (already reimbursed
   * this year from the pool). `pool` blank is the region's first pool (信阳: 普通门诊统筹).
   */
  outpatientPooling(a: { cost: Amount; region: string; pool?: string; year?: unknown; paidSoFar?: Amount }): Result {
    const rp = this.resolve(a.region, a.year);
    const cost = parseAmount(a.cost, 'cost 目录内门诊费用');
    const paidSoFar = optAmount(a.paidSoFar, 'paidSoFar 本年已报销') ?? ZERO;
    const rule = rp.policy.outpatientPooling;
    if (!rule) throw termMissing(rp, '门诊统筹报销规定', 'outpatient pooling terms');
    const [id] = a.pool === undefined || a.pool.trim() === '' ? [Object.keys(rule.pools)[0]] : poolOf(rp, a.pool);
    const r = outpatientPooling(rp, id, cost, paidSoFar, this.explain);
    return { value: r.value, explanation: r.ctx.explanation() };
  }

  outOfCatalogueLimit(a: { totalCost: Amount; hospitalLevel: string; region: string; year?: unknown }): Result {
    const rp = this.resolve(a.region, a.year);
    const r = outOfCatalogueLimit(rp, parseAmount(a.totalCost, 'totalCost 住院总费用'), a.hospitalLevel,this.explain);
    return { value: r.value, explanation: r.ctx.explanation() };
  }

  /**
   * One settlement row through the chain (basic insurance → critical-illness insurance →
   * hospital → assistance), alone in its year (no earlier visits). See rules/settlementChain.ts.
   */
  visitLayers(a: {
    total: Amount; outOfCatalogue: Amount; basicPaid: Amount; categories: Categories; region: string;
    kind?: string; ciPaid?: Amount; reduction?: Amount; level?: string; year?: unknown; referred?: unknown; mode?: LayerMode | string;
    /** 门诊统筹类别 (信阳 三、): an outpatient visit naming its pool may leave basicPaid blank (computed from the pool). */
    pool?: string;
  }): VisitLayersResult {
    const total = parseAmount(a.total, 'totalCost 医疗总费用');
    // Required, as in a roster: a blank part is an error, never a silent 0.
    const outOfCatalogue = parseAmount(a.outOfCatalogue, 'outOfCatalogue 目录外费用');
    const kindText = inputText(a.kind ?? '').normalize('NFKC').trim();
    const inpatient = kindText === '' || /^(住院|住院救助|inpatient)$/i.test(kindText);
    const pool = a.pool === undefined || a.pool === null || inputText(a.pool).trim() === '' ? undefined : inputText(a.pool).trim();
    const basicBlank = a.basicPaid === undefined || a.basicPaid === null || (typeof a.basicPaid === 'string' && a.basicPaid.trim() === '');
    const basicPaid = pool !== undefined && !inpatient && basicBlank ? undefined : parseAmount(a.basicPaid, 'basicPaid 基本医保统筹支付');
    const ciPaid = optAmount(a.ciPaid, 'ciPaid 大病保险支付');
    const reduction = optAmount(a.reduction, 'reduction 医疗机构减免');
    const parts = outOfCatalogue.plus(basicPaid ?? ZERO).plus(ciPaid ?? ZERO);
    if (parts.greaterThan(total)) {
      throw new MedaidError('ROSTER_SETTLEMENT_PARTS_EXCEED', {
        parts: `目录外费用${basicPaid ? ' + 基本医保统筹支付' : ''}${ciPaid ? ' + 大病保险支付' : ''}`, partsEn: `out-of-catalogue${basicPaid ? ' + basic insurance' : ''}${ciPaid ? ' + critical-illness insurance' : ''}`,
        sum: parts.toFixed(2), totalColumn: '医疗总费用', total: total.toFixed(2),
      });
    }
    if (reduction && reduction.greaterThan(outOfCatalogue)) {
      throw new MedaidError('ROSTER_SETTLEMENT_PARTS_EXCEED', { parts: '医疗机构减免', partsEn: 'hospital reduction', sum: reduction.toFixed(2), totalColumn: '目录外费用', total: outOfCatalogue.toFixed(2) });
    }
    const scheme = inpatient ? undefined : kindText.replace(/^(门诊|outpatient)[\s\-:：]*/i, '') || undefined;
    const rp = this.resolve(a.region, a.year);
    const cats = parseCategories(a.categories as string[]);
    const chain = new SettlementYear(rp, cats, { mode: parseLayerMode(a.mode), explain: this.explain, yearPools: pool ? [pool] : [] });
    const layers = chain.visit({ kind: inpatient ? 'inpatient' : 'outpatient', total, outOfCatalogue, basicPaid, ciPaid, reduction, pool, level: a.level === undefined || a.level === null ? undefined : inputText(a.level) });
    const py = this.personYear({ categories: a.categories, region: a.region, year: a.year, explain: this.explain });
    const r = py.visit({ kind: inpatient ? 'inpatient' : 'outpatient', scheme, cost: layers.policyRangeOop, referred: parseFlag(a.referred), totalCost: layers.inCatalogue, insurancePaid: layers.insurancePaid });
    const residual = total.minus(layers.basic).minus(layers.ci).minus(layers.reduction).minus(layers.hospitalExcess).minus(r.assistance);
    const e = r.explanation!;
    const params = new Map([...layers.params, ...e.params].map((p) => [p.path, p] as const));
    const explanation: Explanation = { ...e, steps: [...layers.steps, ...e.steps], params: [...params.values()] };
    explanation.steps.push({
      zh: `个人最终负担 = 总费用 ${total.toFixed(2)} − 基本医保 ${layers.basic.toFixed(2)} − 大病保险 ${layers.ci.toFixed(2)} − 医疗机构减免 ${layers.reduction.toFixed(2)} − 医疗机构承担目录外超限 ${layers.hospitalExcess.toFixed(2)} − 医疗救助 ${r.assistance.toFixed(2)} = ${residual.toFixed(2)}`,
      en: `the person still pays total ${total.toFixed(2)} − basic ${layers.basic.toFixed(2)} − critical-illness ${layers.ci.toFixed(2)} − hospital reduction ${layers.reduction.toFixed(2)} − out-of-catalogue excess borne by the hospital ${layers.hospitalExcess.toFixed(2)} − assistance ${r.assistance.toFixed(2)} = ${residual.toFixed(2)}`,
      amount: residual.toFixed(2), params: [],
    });
    return { value: r.assistance, explanation, layers, assistance: r.assistance, tilt: r.tilt, residual };
  }

  monitorAlert(a: { outOfPocket: Amount; region: string; year?: unknown; income?: Amount; categories?: Categories }): Result<boolean> {
    const rp = this.resolve(a.region, a.year);
    const cats = a.categories === undefined || a.categories === '' ? undefined : parseCategories(a.categories as string[]);
    const r = monitorAlert(rp, parseAmount(a.outOfPocket, 'outOfPocket 年度自付费用'), optAmount(a.income, 'income 上年人均可支配收入'), this.explain, cats);
    return { value: r.value, explanation: r.ctx.explanation() };
  }

  /** ASSIST_RATE / ASSIST_DEDUCTIBLE / ASSIST_CAP: a term of the scheme for the status (the best one when several). */
  lookup(a: { what: 'rate' | 'deductible' | 'cap'; categories: Categories; region: string; year?: unknown; scheme?: string }): LookupResult {
    const rp = this.resolve(a.region, a.year);
    const cats = knownCategories(rp, parseCategories(a.categories as string[]));
    const s = a.scheme === undefined || inputText(a.scheme).trim() === '' || /^(住院|inpatient|住院救助)$/i.test(inputText(a.scheme).trim())
      ? inpatientScheme(rp)
      : outpatientScheme(rp, a.scheme);
    let best: LookupResult | undefined;
    for (const c of cats) {
      const ctx = new RuleContext(rp, true);
      const hit = tierOf(s.scheme.tiers, c);
      let value = ZERO;
      let table: [string, string][] | undefined;
      if (hit) {
        const [id, tier] = hit;
        const tp = `${s.path}.tiers.${id}`;
        if (a.what === 'deductible') value = tier.deductible ? rp.number(`${tp}.deductible`, tier.deductible, ctx.uses) : ZERO;
        else if (a.what === 'cap') {
          if (!tier.cap) throw new MedaidError('TERM_NOT_DEFINED', { ...rp.regionDetail, edition: rp.policy.id, term: `${categoryById(c).zh}的年度最高救助限额（政策未设限额）`, termEn: `an annual cap for ${categoryById(c).en} (the policy sets none)` });
          value = rp.number(`${tp}.cap`, tier.cap, ctx.uses);
        } else if (tier.ratio) value = rp.number(`${tp}.ratio`, tier.ratio, ctx.uses);
        else {
          const br = rp.brackets(`${tp}.brackets`, tier.brackets, ctx.uses);
          table = br.map((b) => [b.threshold.toFixed(2), b.rate.toString()]);
          value = br.find((b) => !b.rate.isZero())?.rate ?? ZERO;
        }
        ctx.trace.step(`${s.scheme.names.zh}：${categoryById(c).zh}`, `${s.scheme.names.en}: ${categoryById(c).en}`, undefined, [...(ctx.uses?.keys() ?? [])]);
      } else {
        ctx.trace.step(`${s.scheme.names.zh}不覆盖${categoryById(c).zh}`, `${s.scheme.names.en} does not cover ${categoryById(c).en}`, ZERO);
      }
      const r: LookupResult = { value, explanation: ctx.explanation(c), table };
      const better = !best || (a.what === 'deductible' ? value.lessThan(best.value) : value.greaterThan(best.value));
      if (better) best = r;
    }
    return best!;
  }
}

export function fundSplit(amount: Amount, part: unknown, ratio: unknown = '1:9'): Result {
  const total = parseAmount(amount, 'amount 金额');
  const r = parseRatio(ratio === undefined || ratio === null || ratio === '' ? '1:9' : ratio);
  const which = parsePart(part);
  const parts = splitAmount(total, r);
  const t = new Trace(true);
  t.step(
    `市级 = ${round2(total).toFixed(2)} × ${r.city}/(${r.city}+${r.district}) 四舍五入到分 = ${parts.city.toFixed(2)}；区县 = 合计 − 市级 = ${parts.district.toFixed(2)}（裁定 11）`,
    `city = ${round2(total).toFixed(2)} × ${r.city}/(${r.city}+${r.district}) rounded to the fen = ${parts.city.toFixed(2)}; district = total − city = ${parts.district.toFixed(2)} (ruling 11)`,
    parts[which],
  );
  return {
    value: parts[which],
    explanation: { region: { id: '', zh: '', en: '' }, policyId: '', year: 0, steps: t.steps, params: [] },
  };
}

/** Yes/no cells: TRUE/FALSE, 是/否, Y/N, 1/0; blank = no. */
export function parseFlag(x: unknown): boolean {
  if (x === null || x === undefined || x === '') return false;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return x !== 0;
  const s = inputText(x).normalize('NFKC').trim().toLowerCase();
  if (['true', 'yes', 'y', '1', '是', '对', '√'].includes(s)) return true;
  if (['false', 'no', 'n', '0', '否', '×', ''].includes(s)) return false;
  throw new MedaidError('BAD_AMOUNT', { field: 'referred 是否规范转诊省内就医', value: inputText(x) });
}

let shared: Engine | undefined;

/** The engine over the built-in policies, shared by callers that add no region of their own. */
export function defaultEngine(): Engine {
  shared ??= new Engine();
  return shared;
}

export { D, ZERO };
export type { VisitInput, VisitResult };
