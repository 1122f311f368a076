/**
 * The layers before assistance, from a settlement export (结算清单) row: basic insurance →
 * critical-illness insurance (大病保险) → what the hospital bears (out-of-catalogue cost
 * above the limit, 西平 七、(三) / 山西; and 威海's reduction, 三、(二)) → the policy-range
 * out-of-pocket amount that assistance starts from (ruling 2: 经基本医保、大病保险支付后的
 * 政策范围内自付费用). Assistance itself stays PersonYear's (the caller runs it on the
 * `policyRangeOop` this returns), so a settlement row and an out-of-pocket row are paid alike.
 *
 *   total = basic + ci + (policyRangeOop) + outOfCatalogue
 *   outOfCatalogue = hospitalExcess + reduction + outOfCatalogueOwn
 *   ⇒ total = basic + ci + hospitalExcess + reduction + policyRangeOop + outOfCatalogueOwn, to the fen.
 *
 * Two ways to treat what the settlement says insurance and the hospital paid:
 * - `asGiven` (default): the settlement is fact. A given 大病保险支付 / 医疗机构减免 is kept; a
 *   scenario that changes the rule for this person moves it by exactly what the rule change
 *   moves it (scenario rule − baseline rule on the same cumulative cost), kept within
 *   [0, what is left]. A column the row does not give is computed from the rule.
 * - `recomputeAll`: the critical-illness insurance and the hospital reduction are computed from
 *   the rules for every row, whatever the settlement says (basic insurance stays as given: the
 *   documents do not state its terms).
 * The out-of-catalogue excess is always computed: a settlement does not report it.
 *
 * Basic insurance is as the settlement says, except for an outpatient row whose 门诊统筹类别
 * names a pool of the region's outpatient pooling (信阳 三、: 普通门诊 300, “两病” 120 / 170 /
 * 200, 60 %): its 基本医保统筹支付 may be blank (computed from the pool), is recomputed in
 * `recomputeAll`, and in `asGiven` moves by what a scenario's pooling change moves it. The
 * pool's annual limit is shared by the person's visits in date order (what was booked so far).
 *
 * Critical-illness insurance is annual (its 起付线 is a year's deductible): a person's visits,
 * in date order, share one cumulative base — the in-catalogue cost left after basic insurance
 * — and each visit gets rule(after) − rule(before), so a year's visits sum to the rule on the
 * year (ruling 3 read for 大病保险 as for assistance).
 */
import type { CategoryId } from '../categories';
import { MedaidError, isMedaidError } from '../errors';
import type { Explanation, ParamUse, Step } from '../explain';
import { Dec, ZERO, round2 } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import type { LayerScope } from '../policy/types';
import { ciInsurance } from './ciInsurance';
import { knownCategories, tierOf } from './context';
import { hospitalReduction, outOfCatalogueLimit } from './hospital';
import { effectivePool, outpatientPooling, poolOf } from './outpatientPooling';

export type LayerMode = 'asGiven' | 'recomputeAll';

export function parseLayerMode(x: unknown): LayerMode {
  if (x === undefined || x === null || x === '') return 'asGiven';
  const s = String(x).normalize('NFKC').trim().toLowerCase().replace(/[\s_-]/g, '');
  if (['asgiven', 'given', '按结算', '按结算数据', '结算为准'].includes(s)) return 'asGiven';
  if (['recomputeall', 'recompute', 'all', '全部重算', '重算'].includes(s)) return 'recomputeAll';
  throw new MedaidError('BAD_LAYER_MODE', { value: String(x) });
}

/** One settlement row, amounts in yuan (already checked by the importer: none negative, parts ≤ total). */
export interface SettlementInput {
  kind: 'inpatient' | 'outpatient';
  /** 医疗总费用 */
  total: Dec;
  /** 目录外费用 / 政策范围外费用 */
  outOfCatalogue: Dec;
  /** 基本医保统筹支付; absent only for a pooled outpatient row: computed from the pool (rules/outpatientPooling.ts). */
  basicPaid?: Dec;
  /** 门诊统筹类别 (普通门诊 / 高血压 / 糖尿病 / 合并两病): the outpatient pool that pays basic insurance. */
  pool?: string;
  /** 大病保险支付; absent: computed from the rule. */
  ciPaid?: Dec;
  /** 医疗机构减免; absent: computed from the rule. */
  reduction?: Dec;
  /** 医院等级 / 收费类别 (for the out-of-catalogue limit). */
  level?: string;
}

export type LayerSource = 'given' | 'rule' | 'given+scenario' | 'none';

export interface VisitLayers {
  total: Dec;
  outOfCatalogue: Dec;
  basic: Dec;
  ci: Dec;
  reduction: Dec;
  /** Out-of-catalogue cost above the limit, borne by the hospital. */
  hospitalExcess: Dec;
  /** In-catalogue cost left after basic and critical-illness insurance: what assistance starts from (ruling 2). */
  policyRangeOop: Dec;
  /** Out-of-catalogue cost the person still pays (after the hospital's excess and reduction). */
  outOfCatalogueOwn: Dec;
  /** In-catalogue total (total − outOfCatalogue) and basic + ci: Shanxi's 90 % top-up needs them (ruling 7). */
  inCatalogue: Dec;
  insurancePaid: Dec;
  source: { basic: LayerSource; ci: LayerSource; reduction: LayerSource };
  steps: Step[];
  params: ParamUse[];
}

export interface SettlementYearOptions {
  mode?: LayerMode;
  /** The baseline edition, when `rp` is a scenario's: as-given figures move by the rule change. */
  baseline?: ResolvedPolicy;
  explain?: boolean;
  /** The 门诊统筹类别 of the person's visits this year: a year with 高血压 and 糖尿病 is under 合并两病's limit. */
  yearPools?: readonly string[];
}

/**
 * Whether a layer's rule applies to a visit of this kind: its `scope` in the policy file, cited
 * where the text says so (威海 三、(二) “住院费用”; 西平 七、(三) and 山西 “住院”); absent, every visit.
 */
function inScope(rule: { scope?: LayerScope } | undefined, kind: SettlementInput['kind']): boolean {
  return !!rule && (!rule.scope || rule.scope.kinds.includes(kind));
}

/** "只适用于住院（citation）" for a step that says a layer does not apply to this visit. */
function scopeSays(rp: ResolvedPolicy, rule: { scope?: LayerScope }, zh: string, en: string): { zh: string; en: string } {
  const kinds = rule.scope?.kinds ?? [];
  const cite = rule.scope ? rp.citation(rule.scope.ref) : '';
  return {
    zh: `${zh}只适用于${kinds.map((k) => (k === 'inpatient' ? '住院' : '门诊')).join('、')}费用（${cite}）：0`,
    en: `${en} applies to ${kinds.join(' and ')} costs only (${cite}): 0`,
  };
}

const clamp = (x: Dec, lo: Dec, hi: Dec): Dec => (x.lessThan(lo) ? lo : x.greaterThan(hi) ? hi : x);

/** What decides a person's critical-illness terms: the tier of each status, and the base terms where a tier is relative. */
function ciTermsKey(rp: ResolvedPolicy, cats: CategoryId[]): string {
  const rule = rp.policy.ciInsurance;
  if (!rule) return 'none';
  return JSON.stringify(cats.map((c) => {
    const hit = tierOf(rule.tiers, c);
    return !hit || hit[1].mode === 'relative' ? [hit?.[1] ?? null, rule.base ?? null] : [hit[1]];
  }));
}

/** The resolved terms of every outpatient pool (ratio, annual limit): what a scenario may change. */
function poolingTermsKey(rp: ResolvedPolicy): string {
  const rule = rp.policy.outpatientPooling;
  if (!rule) return 'none';
  return JSON.stringify(Object.entries(rule.pools).map(([id, p]) => [id, p.group, p.covers ?? null,
    rp.number(`outpatientPooling.pools.${id}.ratio`, p.ratio).toString(), rp.number(`outpatientPooling.pools.${id}.annualLimit`, p.annualLimit).toString()]));
}

/** Pool ids of the texts a policy knows (an unknown one is reported at its own visit). */
function poolIds(rp: ResolvedPolicy, texts: readonly string[]): Set<string> {
  const ids = new Set<string>();
  if (!rp.policy.outpatientPooling) return ids;
  for (const t of texts) {
    try {
      ids.add(poolOf(rp, t)[0]);
    } catch (e) {
      if (!isMedaidError(e)) throw e;
    }
  }
  return ids;
}

function reductionTermsKey(rp: ResolvedPolicy, cats: CategoryId[]): string {
  const rule = rp.policy.hospitalReduction;
  if (!rule) return 'none';
  return JSON.stringify(cats.map((c) => tierOf(rule.tiers, c)?.[1] ?? null));
}

/** A person's year of settlement rows under one edition (and, for a scenario, the baseline's). */
export class SettlementYear {
  readonly mode: LayerMode;
  private readonly cats: CategoryId[];
  private readonly baseline?: ResolvedPolicy;
  private readonly explain: boolean;
  /** The person's cumulative critical-illness base so far (in-catalogue cost after basic insurance). */
  private ciBase = ZERO;
  private readonly ciChanged: boolean;
  private readonly reductionChanged: boolean;
  private readonly poolingChanged: boolean;
  private readonly yearPools: Set<string>;
  private readonly baseYearPools: Set<string>;
  /** Basic insurance booked so far this year per pool group: under this edition, and under the baseline (the settlement's own figures). */
  private readonly poolPaid = new Map<string, Dec>();
  private readonly basePoolPaid = new Map<string, Dec>();

  constructor(readonly rp: ResolvedPolicy, categories: CategoryId[], opts: SettlementYearOptions = {}) {
    this.mode = opts.mode ?? 'asGiven';
    this.cats = knownCategories(rp, categories);
    this.baseline = opts.baseline && opts.baseline !== rp ? opts.baseline : undefined;
    this.explain = opts.explain ?? false;
    const b = this.baseline;
    this.ciChanged = !!b && ciTermsKey(b, knownCategories(b, categories)) !== ciTermsKey(rp, this.cats);
    this.reductionChanged = !!b && reductionTermsKey(b, knownCategories(b, categories)) !== reductionTermsKey(rp, this.cats);
    this.poolingChanged = !!b && poolingTermsKey(b) !== poolingTermsKey(rp);
    this.yearPools = poolIds(rp, opts.yearPools ?? []);
    this.baseYearPools = b ? poolIds(b, opts.yearPools ?? []) : this.yearPools;
  }

  /**
   * Basic insurance of a visit: as given, or from the outpatient pool its 门诊统筹类别 names
   * (blank given, `recomputeAll`, or given + the scenario's change of the pool's terms).
   */
  private basicOf(v: SettlementInput, inCatalogue: Dec, uses: Map<string, ParamUse> | undefined, steps: Step[]): { basic: Dec; source: LayerSource } {
    const rp = this.rp;
    const pooled = v.kind === 'outpatient' && v.pool !== undefined && v.pool.trim() !== '';
    if (!pooled || !rp.policy.outpatientPooling) {
      if (v.basicPaid !== undefined) return { basic: v.basicPaid, source: 'given' };
      throw new MedaidError('LAYER_INPUT_MISSING', {
        layer: '基本医保', layerEn: 'basic insurance',
        column: '基本医保统筹支付', columnEn: 'basic insurance paid (基本医保统筹支付)',
        why: !pooled ? '只有门诊统筹类别（普通门诊、“两病”）的门诊行可以按规则计算基本医保' : `${rp.regionName}政策没有门诊统筹报销规定`,
        whyEn: !pooled ? 'only an outpatient row with an outpatient pooling class (general, two diseases) can have basic insurance computed by the rule' : `${rp.policy.region.names.en}'s policy states no outpatient pooling terms`,
      });
    }
    const [id, pool] = poolOf(rp, v.pool!);
    const group = pool.group;
    const paid = this.poolPaid.get(group) ?? ZERO;
    const rule = outpatientPooling(rp, id, inCatalogue, paid, this.explain, effectivePool(rp, id, this.yearPools));
    if (uses) for (const [k, u] of rule.ctx.uses ?? []) uses.set(k, u);
    const b = this.poolingChanged ? this.baseline : undefined;
    let baseRule: Dec | undefined;
    if (b?.policy.outpatientPooling) {
      const [bid, bpool] = poolOf(b, v.pool!);
      baseRule = outpatientPooling(b, bid, inCatalogue, this.basePoolPaid.get(bpool.group) ?? ZERO, false, effectivePool(b, bid, this.baseYearPools)).value;
    }
    let basic: Dec;
    let source: LayerSource;
    const say = (zh: string, en: string, x: Dec) => { if (this.explain) steps.push({ zh, en, amount: x.toFixed(2), params: [] }); };
    if (v.basicPaid !== undefined && this.mode === 'asGiven') {
      if (baseRule !== undefined) {
        const delta = rule.value.minus(baseRule);
        basic = clamp(v.basicPaid.plus(delta), ZERO, inCatalogue);
        source = 'given+scenario';
        steps.push(...rule.ctx.trace.steps);
        say(`基本医保统筹支付：结算数据 ${v.basicPaid.toFixed(2)}，情景门诊统筹规则变化 ${delta.toFixed(2)} = ${basic.toFixed(2)}`,
          `basic insurance: settlement ${v.basicPaid.toFixed(2)}, scenario change of the outpatient pooling ${delta.toFixed(2)} = ${basic.toFixed(2)}`, basic);
      } else {
        basic = v.basicPaid;
        source = 'given';
      }
      this.basePoolPaid.set(group, (this.basePoolPaid.get(group) ?? ZERO).plus(v.basicPaid));
    } else {
      basic = clamp(rule.value, ZERO, inCatalogue);
      source = 'rule';
      steps.push(...rule.ctx.trace.steps);
      say(`基本医保门诊统筹按规则计算：本次支付 ${basic.toFixed(2)}（本年此前已报销 ${paid.toFixed(2)}）`,
        `basic insurance, outpatient pooling by the rule: ${basic.toFixed(2)} this visit (${paid.toFixed(2)} paid earlier this year)`, basic);
      if (baseRule !== undefined) this.basePoolPaid.set(group, (this.basePoolPaid.get(group) ?? ZERO).plus(baseRule));
    }
    this.poolPaid.set(group, paid.plus(basic));
    return { basic, source };
  }

  /** Critical-illness insurance the rule pays on a cumulative base under `rp` (就高不就低 across statuses). */
  private ciRule(rp: ResolvedPolicy, cumulative: Dec, uses?: Map<string, ParamUse>, steps?: Step[]): Dec {
    try {
      const r = ciInsurance(rp, this.cats.filter((c) => rp.policy.categories.includes(c)), cumulative, !!uses);
      if (uses) for (const [k, v] of r.ctx.uses ?? []) uses.set(k, v);
      if (steps) steps.push(...r.ctx.trace.steps);
      return r.value;
    } catch (e) {
      if (isMedaidError(e) && (e.code === 'TERM_NOT_DEFINED' || e.code === 'MISSING_PARAMETER')) {
        throw new MedaidError('LAYER_INPUT_MISSING', {
          layer: '大病保险', layerEn: 'critical-illness insurance',
          column: '大病保险支付', columnEn: 'critical-illness insurance paid (大病保险支付)',
          why: e.zh, whyEn: e.en,
        });
      }
      throw e;
    }
  }

  visit(input: SettlementInput): VisitLayers {
    // Settlement amounts are taken to the fen (ruling 1), so every layer below is exact in fen and they reconcile.
    const r2 = (x: Dec | undefined) => (x === undefined ? undefined : round2(x));
    const v: SettlementInput = { ...input, total: round2(input.total), outOfCatalogue: round2(input.outOfCatalogue), basicPaid: r2(input.basicPaid), ciPaid: r2(input.ciPaid), reduction: r2(input.reduction) };
    const steps: Step[] = [];
    const uses = this.explain ? new Map<string, ParamUse>() : undefined;
    const step = (zh: string, en: string, amount?: Dec, params: string[] = []) => {
      if (this.explain) steps.push({ zh, en, amount: amount?.toFixed(2), params });
    };
    const rp = this.rp;
    const inCatalogue = v.total.minus(v.outOfCatalogue);
    step(`医疗总费用 ${v.total.toFixed(2)}，其中目录外费用 ${v.outOfCatalogue.toFixed(2)}，目录内费用 ${inCatalogue.toFixed(2)}`,
      `total cost ${v.total.toFixed(2)}, of which out-of-catalogue ${v.outOfCatalogue.toFixed(2)}, in-catalogue ${inCatalogue.toFixed(2)}`, inCatalogue);
    const { basic, source: basicSource } = this.basicOf(v, inCatalogue, uses, steps);
    if (basicSource === 'given') step(`基本医保统筹支付（结算数据）${basic.toFixed(2)}`, `basic insurance paid (settlement) ${basic.toFixed(2)}`, basic);

    // Critical-illness insurance on the year's cumulative in-catalogue cost after basic insurance
    // (of the visits in the rule's scope, when the policy file limits it to a visit kind).
    const afterBasic = inCatalogue.minus(basic);
    const ciRule = rp.policy.ciInsurance;
    const ciOutOfScope = !!ciRule?.scope && !inScope(ciRule, v.kind);
    const before = this.ciBase;
    const after = ciOutOfScope ? before : before.plus(afterBasic);
    this.ciBase = after;
    let ci: Dec;
    let ciSource: LayerSource;
    const ruleOn = (p: ResolvedPolicy, u?: Map<string, ParamUse>, s?: Step[]) => this.ciRule(p, after, u, s).minus(this.ciRule(p, before));
    if (ciOutOfScope && (v.ciPaid === undefined || this.mode === 'recomputeAll')) {
      ci = ZERO;
      ciSource = 'none';
      const say = scopeSays(rp, ciRule!, '大病保险', 'critical-illness insurance');
      step(say.zh, say.en, ZERO);
    } else if (v.ciPaid !== undefined && this.mode === 'asGiven') {
      ci = v.ciPaid;
      ciSource = 'given';
      if (this.ciChanged && !ciOutOfScope) {
        const ciSteps: Step[] = [];
        const delta = ruleOn(rp, uses, this.explain ? ciSteps : undefined).minus(ruleOn(this.baseline!));
        ci = clamp(v.ciPaid.plus(delta), ZERO, afterBasic);
        ciSource = 'given+scenario';
        steps.push(...ciSteps);
        step(`大病保险支付：结算数据 ${v.ciPaid.toFixed(2)}，情景规则变化 ${delta.toFixed(2)}（情景规则 − 基线规则，本年累计 ${before.toFixed(2)} → ${after.toFixed(2)}）= ${ci.toFixed(2)}`,
          `critical-illness insurance: settlement ${v.ciPaid.toFixed(2)}, scenario change ${delta.toFixed(2)} (scenario rule − baseline rule on the year's cumulative ${before.toFixed(2)} → ${after.toFixed(2)}) = ${ci.toFixed(2)}`, ci);
      } else {
        step(`大病保险支付（结算数据，按实际支付）${ci.toFixed(2)}`, `critical-illness insurance paid (settlement, taken as given) ${ci.toFixed(2)}`, ci);
      }
    } else {
      const ciSteps: Step[] = [];
      ci = clamp(ruleOn(rp, uses, this.explain ? ciSteps : undefined), ZERO, afterBasic);
      ciSource = 'rule';
      steps.push(...ciSteps);
      step(`大病保险按规则计算：本年累计合规自付 ${before.toFixed(2)} → ${after.toFixed(2)}，本次支付 ${ci.toFixed(2)}`,
        `critical-illness insurance by the rule: year's cumulative ${before.toFixed(2)} → ${after.toFixed(2)}, this visit ${ci.toFixed(2)}`, ci);
    }
    const policyRangeOop = afterBasic.minus(ci);

    // What the hospital bears: out-of-catalogue cost above the limit (inpatient, listed statuses).
    let hospitalExcess = ZERO;
    const occ = rp.policy.outOfCatalogue;
    if (occ && inScope(occ, v.kind) && this.cats.some((c) => occ.categories.includes(c))) {
      if (v.level === undefined || v.level.trim() === '') {
        throw new MedaidError('LAYER_INPUT_MISSING', {
          layer: '目录外费用控制比例', layerEn: 'the out-of-catalogue limit',
          column: '医院等级 / 收费类别', columnEn: 'hospital level or fee class (医院等级 / 收费类别)',
          why: `${rp.regionName}按医院等级（收费类别）规定住院目录外费用上限：${Object.values(occ.levels).map((l) => l.names.zh).join('、')}`,
          whyEn: `${rp.policy.region.names.en} limits out-of-catalogue cost per admission by hospital level (fee class): ${Object.values(occ.levels).map((l) => `${l.names.en} (${l.names.zh})`).join(', ')}`,
        });
      }
      const lim = outOfCatalogueLimit(rp, v.total, v.level, this.explain);
      if (uses) for (const [k, u] of lim.ctx.uses ?? []) uses.set(k, u);
      steps.push(...lim.ctx.trace.steps);
      hospitalExcess = v.outOfCatalogue.greaterThan(lim.value) ? v.outOfCatalogue.minus(lim.value) : ZERO;
      step(`目录外费用 ${v.outOfCatalogue.toFixed(2)}，上限 ${lim.value.toFixed(2)}：超出部分 ${hospitalExcess.toFixed(2)} 由医疗机构承担`,
        `out-of-catalogue ${v.outOfCatalogue.toFixed(2)}, limit ${lim.value.toFixed(2)}: the hospital bears ${hospitalExcess.toFixed(2)}`, hospitalExcess);
    } else if (occ && inScope(occ, v.kind)) {
      step(`目录外费用控制比例不适用于该人员类别：0`, `the out-of-catalogue limit does not cover this status: 0`, ZERO);
    }

    // Hospital reduction (威海 三、(二)): on the out-of-catalogue cost the person would still pay, per admission.
    const reducible = v.outOfCatalogue.minus(hospitalExcess);
    const reductionRule = (p: ResolvedPolicy, explain: boolean): { value: Dec; steps: Step[]; uses?: Map<string, ParamUse> } => {
      if (!inScope(p.policy.hospitalReduction, v.kind)) return { value: ZERO, steps: [] };
      const r = hospitalReduction(p, this.cats.filter((c) => p.policy.categories.includes(c)), reducible, explain);
      return { value: r.value, steps: r.ctx.trace.steps, uses: r.ctx.uses };
    };
    let reduction: Dec;
    let reductionSource: LayerSource;
    if (v.reduction !== undefined && this.mode === 'asGiven') {
      reduction = v.reduction;
      reductionSource = 'given';
      if (this.reductionChanged) {
        const s = reductionRule(rp, this.explain);
        const delta = s.value.minus(reductionRule(this.baseline!, false).value);
        reduction = clamp(v.reduction.plus(delta), ZERO, reducible);
        reductionSource = 'given+scenario';
        steps.push(...s.steps);
        if (uses) for (const [k, u] of s.uses ?? []) uses.set(k, u);
        step(`医疗机构减免：结算数据 ${v.reduction.toFixed(2)}，情景规则变化 ${delta.toFixed(2)} = ${reduction.toFixed(2)}`,
          `hospital reduction: settlement ${v.reduction.toFixed(2)}, scenario change ${delta.toFixed(2)} = ${reduction.toFixed(2)}`, reduction);
      } else {
        reduction = clamp(reduction, ZERO, reducible);
        step(`医疗机构减免（结算数据，按实际）${reduction.toFixed(2)}`, `hospital reduction (settlement, taken as given) ${reduction.toFixed(2)}`, reduction);
      }
    } else if (!rp.policy.hospitalReduction) {
      reduction = ZERO;
      reductionSource = 'none';
      step(`${rp.regionName}政策无医疗机构减免规定：0`, `${rp.policy.region.names.en}'s policy has no hospital reduction: 0`, ZERO);
    } else if (!inScope(rp.policy.hospitalReduction, v.kind)) {
      reduction = ZERO;
      reductionSource = 'none';
      const say = scopeSays(rp, rp.policy.hospitalReduction, '医疗机构减免', 'the hospital reduction');
      step(say.zh, say.en, ZERO);
    } else {
      const r = reductionRule(rp, this.explain);
      reduction = clamp(r.value, ZERO, reducible);
      reductionSource = 'rule';
      steps.push(...r.steps);
      if (uses) for (const [k, u] of r.uses ?? []) uses.set(k, u);
    }
    const outOfCatalogueOwn = reducible.minus(reduction);
    step(`政策范围内自付 = 目录内 ${inCatalogue.toFixed(2)} − 基本医保 ${basic.toFixed(2)} − 大病保险 ${ci.toFixed(2)} = ${policyRangeOop.toFixed(2)}（裁定 2，医疗救助由此计算）`,
      `policy-range out-of-pocket = in-catalogue ${inCatalogue.toFixed(2)} − basic ${basic.toFixed(2)} − critical-illness ${ci.toFixed(2)} = ${policyRangeOop.toFixed(2)} (ruling 2; assistance starts here)`, policyRangeOop);

    return {
      total: v.total, outOfCatalogue: v.outOfCatalogue, basic, ci, reduction, hospitalExcess,
      policyRangeOop, outOfCatalogueOwn, inCatalogue, insurancePaid: basic.plus(ci),
      source: { basic: basicSource, ci: ciSource, reduction: reductionSource },
      steps, params: [...(uses?.values() ?? [])],
    };
  }
}

/** The layers' explanation in the engine's shape (for ASSIST_EXPLAIN and a person's detail). */
export function layersExplanation(rp: ResolvedPolicy, l: VisitLayers, category?: CategoryId): Explanation {
  const p = rp.policy;
  return { region: { id: p.region.id, zh: p.region.names.zh, en: p.region.names.en }, policyId: p.id, year: rp.year, category, steps: l.steps, params: l.params };
}

