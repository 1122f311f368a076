/**
 * A person's year of visits under one edition: the state that deductibles, brackets,
 * caps, tilted assistance and the top-up share (ruling 3), so each visit can be
 * computed in date order, or alone from year-to-date figures.
 *
 * Several statuses (就高不就低, ruling 9): the year is followed under each status the
 * policy knows, and after every visit the person has been paid the best of those
 * cumulative totals — once, never the sum. Usually one status leads all year; if the
 * lead changes, that visit's parts re-base onto the new leader (stated in the steps).
 *
 * `visit` gives what each visit pays at the time (the running best, as a settlement desk
 * would); `booked` gives the year as a budget books it: every visit under the one status
 * that won the year, with that status's own parts of the visit — never negative, never
 * split across statuses, and adding up to the same year total (docs/projection.md).
 */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { Trace, type Explanation } from '../explain';
import { D, Dec, ZERO, round2 } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, knownCategories, tierOf } from './context';
import { scaleAmount } from './scale';
import { SchemeRef, inpatientScheme, outpatientScheme } from './schemes';

export interface VisitInput {
  kind: 'inpatient' | 'outpatient';
  /** Outpatient scheme by any name (omitted = the region's main outpatient scheme). */
  scheme?: string;
  /** Policy-range out-of-pocket cost left after basic and critical-illness insurance (ruling 2). */
  cost: Dec;
  /** Referred and treated in the province (规范转诊且在省域内就医): needed for tilted assistance. */
  referred?: boolean;
  /** In-catalogue total of the admission and what insurance paid: for Shanxi's 90% top-up (ruling 7). */
  totalCost?: Dec;
  insurancePaid?: Dec;
}

export interface VisitResult {
  /** All assistance this visit adds: ordinary (incl. top-up) + tilted. */
  assistance: Dec;
  ordinary: Dec;
  topUp: Dec;
  tilt: Dec;
  category: CategoryId;
  schemeKey: string;
  explanation?: Explanation;
}

interface Totals {
  ordinary: Dec;
  topUp: Dec;
  tilt: Dec;
}

const ONE_HUNDRED = new D(100);

/** The year under one status. */
class StatusYear {
  readonly cost = new Map<string, Dec>();
  readonly pool = new Map<string, Dec>();
  readonly totals: Totals = { ordinary: ZERO, topUp: ZERO, tilt: ZERO };
  referredRemaining = ZERO;
  /** Pools holding assistance paid before the visits computed here (seeded year-to-date figures). */
  readonly seededPools = new Set<string>();

  constructor(readonly rp: ResolvedPolicy, readonly category: CategoryId) {}

  get total(): Dec {
    return this.totals.ordinary.plus(this.totals.tilt);
  }

  visit(v: VisitInput, ref: SchemeRef, ctx: RuleContext): Totals {
    const { rp } = this;
    const t = ctx.trace;
    const catName = categoryById(this.category);
    const tierHit = tierOf(ref.scheme.tiers, this.category);
    let ordinary = ZERO;
    let topUp = ZERO;
    if (!tierHit) {
      t.step(`${ref.scheme.names.zh}不覆盖${catName.zh}：救助 0`, `${ref.scheme.names.en} does not cover ${catName.en}: 0`, ZERO);
    } else {
      const [tierId, tier] = tierHit;
      const tp = `${ref.path}.tiers.${tierId}`;
      const u = ctx.uses;
      const deductible = tier.deductible ? rp.number(`${tp}.deductible`, tier.deductible, u) : ZERO;
      const brackets = tier.brackets
        ? rp.brackets(`${tp}.brackets`, tier.brackets, u)
        : [{ threshold: ZERO, rate: rp.number(`${tp}.ratio`, tier.ratio, u) }];
      const before = this.cost.get(ref.key) ?? ZERO;
      const after = before.plus(v.cost);
      const base = scaleAmount(after, deductible, brackets).minus(scaleAmount(before, deductible, brackets));
      const rateParam = tier.brackets ? `${tp}.brackets` : `${tp}.ratio`;
      t.step(
        `${catName.zh}：本年累计费用 ${before.toFixed(2)} → ${after.toFixed(2)}，起付标准 ${deductible.toFixed(2)}，按比例计算救助`,
        `${catName.en}: year-to-date cost ${before.toFixed(2)} → ${after.toFixed(2)}, deductible ${deductible.toFixed(2)}, ratio applied`,
        base,
        tier.deductible ? [`${tp}.deductible`, rateParam] : [rateParam],
      );
      let amount = base;
      if (tier.topUpRatio && v.totalCost !== undefined && v.insurancePaid !== undefined) {
        const target = rp.number(`${tp}.topUpRatio`, tier.topUpRatio, u);
        const needed = v.totalCost.times(target).minus(v.insurancePaid);
        if (needed.greaterThan(amount)) {
          t.step(
            `单次住院综合支付比例补足到 ${target.times(ONE_HUNDRED).toString()}%：${v.totalCost.toFixed(2)} × ${target.toString()} − 医保支付 ${v.insurancePaid.toFixed(2)}`,
            `top-up of one admission to ${target.times(ONE_HUNDRED).toString()}% combined: ${v.totalCost.toFixed(2)} × ${target.toString()} − insurance ${v.insurancePaid.toFixed(2)}`,
            needed,
            [`${tp}.topUpRatio`],
          );
          amount = needed;
        }
      }
      if (amount.greaterThan(v.cost)) {
        t.step('不超过本次政策范围内自付费用', 'limited to the out-of-pocket cost of the visit', v.cost);
        amount = v.cost;
      }
      if (tier.cap) {
        const cap = rp.number(`${tp}.cap`, tier.cap, u);
        const used = this.pool.get(ref.scheme.capPool) ?? ZERO;
        const room = cap.minus(used).greaterThan(0) ? cap.minus(used) : ZERO;
        if (amount.greaterThan(room)) {
          t.step(
            `年度限额 ${cap.toFixed(2)}，本年已救助 ${used.toFixed(2)}，本次最多 ${room.toFixed(2)}`,
            `annual cap ${cap.toFixed(2)}, already paid ${used.toFixed(2)}, at most ${room.toFixed(2)} now`,
            room,
            [`${tp}.cap`],
          );
          amount = room;
        }
      }
      if (!tier.cap && tier.brackets && this.seededPools.has(ref.scheme.capPool)) {
        // A scale whose last bracket pays 0 has an annual maximum even without a stated cap
        // (威医保发〔2019〕25号 三、(三) 3.: "个人自负2万元（含）以内的，按70%比例" is at most 14000 a year).
        // Assistance already paid this year (ytdAssist) counts against it when the cost that
        // earned it was not given; on a roster the cumulative cost alone reaches the same bound.
        const last = brackets[brackets.length - 1];
        if (last.rate.isZero() && brackets.length > 1) {
          const max = scaleAmount(last.threshold, deductible, brackets);
          const used = this.pool.get(ref.scheme.capPool) ?? ZERO;
          const room = max.minus(used).greaterThan(0) ? max.minus(used) : ZERO;
          if (amount.greaterThan(room)) {
            t.step(
              `比例救助的费用上限对应本年最多救助 ${max.toFixed(2)}，本年已救助 ${used.toFixed(2)}，本次最多 ${room.toFixed(2)}`,
              `the scale's covered cost gives at most ${max.toFixed(2)} a year; already paid ${used.toFixed(2)}, at most ${room.toFixed(2)} now`,
              room,
              [`${tp}.brackets`],
            );
            amount = room;
          }
        }
      }
      ordinary = round2(amount);
      const baseLimited = round2(base.greaterThan(ordinary) ? ordinary : base);
      topUp = ordinary.minus(baseLimited);
      this.cost.set(ref.key, after);
      this.pool.set(ref.scheme.capPool, (this.pool.get(ref.scheme.capPool) ?? ZERO).plus(ordinary));
    }
    const tilt = this.tilt(v, ordinary, ctx);
    this.totals.ordinary = this.totals.ordinary.plus(ordinary);
    this.totals.topUp = this.totals.topUp.plus(topUp);
    this.totals.tilt = this.totals.tilt.plus(tilt);
    return { ordinary, topUp, tilt };
  }

  /** 倾斜救助 (ruling 4): after the ordinary cap is reached, on the referred remainder above the threshold. */
  private tilt(v: VisitInput, ordinary: Dec, ctx: RuleContext): Dec {
    const rule = this.rp.policy.tilt;
    if (!rule) return ZERO;
    if (rule.delegated) {
      if (v.referred) {
        ctx.trace.step(
          '倾斜救助标准由统筹地区确定，未提供标准：未计算倾斜救助',
          'tilted-assistance terms are set by each prefecture and were not supplied: not computed',
          undefined,
        );
      }
      return ZERO;
    }
    if (rule.categories && !rule.categories.includes(this.category)) return ZERO;
    if (v.referred) this.referredRemaining = this.referredRemaining.plus(v.cost).minus(ordinary);
    const cap = this.poolCap(rule.capPool, ctx);
    if (!cap) return ZERO;
    const used = this.pool.get(rule.capPool) ?? ZERO;
    if (used.lessThan(cap)) return ZERO;
    const u = ctx.uses;
    const threshold = this.rp.number('tilt.threshold', rule.threshold, u);
    const ratio = this.rp.number('tilt.ratio', rule.ratio, u);
    const tiltCap = this.rp.number('tilt.cap', rule.cap, u);
    const over = this.referredRemaining.minus(threshold);
    let target = over.greaterThan(0) ? over.times(ratio) : ZERO;
    if (target.greaterThan(tiltCap)) target = tiltCap;
    const inc = round2(target.minus(this.totals.tilt));
    if (inc.lessThanOrEqualTo(0)) return ZERO;
    ctx.trace.step(
      `已达年度限额；规范转诊省内就医经三重保障后自付 ${this.referredRemaining.toFixed(2)}，超过 ${threshold.toFixed(2)} 的部分按比例倾斜救助（年度限额 ${tiltCap.toFixed(2)}）`,
      `annual cap reached; referred in-province remainder ${this.referredRemaining.toFixed(2)} above ${threshold.toFixed(2)} gets the tilt ratio (cap ${tiltCap.toFixed(2)})`,
      inc,
      ['tilt.threshold', 'tilt.ratio', 'tilt.cap'],
    );
    return inc;
  }

  /** The annual cap of a pool for this status (the first scheme in that pool covering it). */
  private poolCap(pool: string, ctx: RuleContext): Dec | undefined {
    const p = this.rp.policy;
    const schemes: SchemeRef[] = [];
    if (p.inpatient) schemes.push(inpatientScheme(this.rp));
    for (const id of Object.keys(p.outpatient?.schemes ?? {})) schemes.push(outpatientScheme(this.rp, id));
    for (const s of schemes) {
      if (s.scheme.capPool !== pool) continue;
      const hit = tierOf(s.scheme.tiers, this.category);
      if (!hit) continue;
      return hit[1].cap ? this.rp.number(`${s.path}.tiers.${hit[0]}.cap`, hit[1].cap, ctx.uses) : undefined;
    }
    return undefined;
  }
}

/** One visit under one status, kept for the year-end booking. */
interface StatusVisit {
  parts: Totals;
  ctx: RuleContext;
  /** Steps of ctx before the visit-time 就高不就低 step (which the booking replaces). */
  steps: number;
}

export class PersonYear {
  private readonly statuses: StatusYear[];
  private paid: Totals = { ordinary: ZERO, topUp: ZERO, tilt: ZERO };
  private leader: StatusYear;
  /** Per visit: its scheme and its parts under every status, in status order. */
  private readonly history: { schemeKey: string; byStatus: StatusVisit[] }[] = [];

  constructor(readonly rp: ResolvedPolicy, categories: CategoryId[], readonly explain = false) {
    this.statuses = knownCategories(rp, categories).map((c) => new StatusYear(rp, c));
    this.leader = this.statuses[0];
  }

  /** Year-to-date figures counted before the visits computed here (ASSIST_INPATIENT's ytdCost/ytdAssist). */
  seed(ref: SchemeRef, ytdCost: Dec, ytdAssist: Dec): void {
    for (const s of this.statuses) {
      s.cost.set(ref.key, (s.cost.get(ref.key) ?? ZERO).plus(ytdCost));
      s.pool.set(ref.scheme.capPool, (s.pool.get(ref.scheme.capPool) ?? ZERO).plus(ytdAssist));
      if (ytdAssist.greaterThan(0)) s.seededPools.add(ref.scheme.capPool);
    }
  }

  schemeOf(v: Pick<VisitInput, 'kind' | 'scheme'>): SchemeRef {
    return v.kind === 'inpatient' ? inpatientScheme(this.rp) : outpatientScheme(this.rp, v.scheme);
  }

  visit(v: VisitInput): VisitResult {
    const ref = this.schemeOf(v);
    const contexts = this.statuses.map(() => new RuleContext(this.rp, this.explain));
    const byStatus = this.statuses.map((s, i) => ({ parts: s.visit(v, ref, contexts[i]), ctx: contexts[i], steps: contexts[i].trace.steps.length }));
    this.history.push({ schemeKey: ref.key, byStatus });
    let best = 0;
    for (let i = 1; i < this.statuses.length; i++) {
      if (this.statuses[i].total.greaterThan(this.statuses[best].total)) best = i;
    }
    const lead = this.statuses[best];
    const ctx = contexts[best];
    const switched = lead !== this.leader;
    this.leader = lead;
    const delta: Totals = {
      ordinary: lead.totals.ordinary.minus(this.paid.ordinary),
      topUp: lead.totals.topUp.minus(this.paid.topUp),
      tilt: lead.totals.tilt.minus(this.paid.tilt),
    };
    this.paid = { ...lead.totals };
    if (this.statuses.length > 1) {
      ctx.trace.step(
        `多重身份就高不就低：按${categoryById(lead.category).zh}计算（本年累计救助最高），不重复救助${switched ? '；本次按新身份重算已付金额' : ''}`,
        `several statuses, the best counts once: ${categoryById(lead.category).en} gives the most this year${switched ? '; paid amounts re-based on it' : ''}`,
        lead.total,
      );
    }
    const assistance = delta.ordinary.plus(delta.tilt);
    return {
      assistance,
      ordinary: delta.ordinary,
      topUp: delta.topUp,
      tilt: delta.tilt,
      category: lead.category,
      schemeKey: ref.key,
      // Without explain the trace is empty: an explanation with no steps costs next to nothing.
      explanation: ctx.explanation(lead.category),
    };
  }

  /**
   * The visits so far booked under the status that leads now — after the year's last visit,
   * the status that won the year (就高不就低, ruling 9): each visit with that status's own
   * ordinary, top-up and tilt for it. Every part is ≥ 0 and they add up to \`totals\`.
   */
  booked(): VisitResult[] {
    const w = this.statuses.indexOf(this.leader);
    const lead = this.leader;
    const several = this.statuses.length > 1;
    const note = new Trace(this.explain);
    if (several) {
      const name = categoryById(lead.category);
      note.step(
        `多重身份就高不就低：本年按${name.zh}记账（该身份本年累计救助 ${lead.total.toFixed(2)}，最高），本次按该身份计算，不重复救助`,
        `several statuses, the best counts once: the year is booked under ${name.en} (its year total ${lead.total.toFixed(2)} is the highest); this visit as computed under it`,
        lead.total,
      );
    }
    return this.history.map(({ schemeKey, byStatus }) => {
      const { parts, ctx, steps } = byStatus[w];
      const e = ctx.explanation(lead.category);
      return {
        assistance: parts.ordinary.plus(parts.tilt),
        ordinary: parts.ordinary,
        topUp: parts.topUp,
        tilt: parts.tilt,
        category: lead.category,
        schemeKey,
        explanation: { ...e, steps: [...e.steps.slice(0, steps), ...note.steps] },
      };
    });
  }

  /** Totals paid so far this year. */
  get totals(): Totals & { total: Dec; category: CategoryId } {
    return { ...this.paid, total: this.paid.ordinary.plus(this.paid.tilt), category: this.leader.category };
  }
}
