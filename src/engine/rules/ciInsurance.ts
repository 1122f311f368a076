/**
 * Critical-illness insurance (大病保险) for people in difficulty: either terms stated in
 * full (Weihai: 5000 deductible, 65/75/85% brackets, no cap) or a tilt relative to the
 * ordinary terms (Xiping: deductible −50%, +5 points, no cap) on base terms the analyst
 * supplies. Not assistance: it feeds the out-of-pocket amount assistance starts from.
 */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { D, Dec, ZERO, round2 } from '../money';
import type { ResolvedBracket, ResolvedPolicy } from '../policy/resolved';
import { RuleContext, knownCategories, termMissing, tierOf } from './context';
import { scaleAmount } from './scale';

const ONE = new D(1);

export function ciInsurance(rp: ResolvedPolicy, categories: CategoryId[], cost: Dec, explain: boolean): { value: Dec; ctx: RuleContext; category: CategoryId } {
  const rule = rp.policy.ciInsurance;
  if (!rule) throw termMissing(rp, '大病保险倾斜政策', 'critical-illness insurance terms');
  let best: { value: Dec; ctx: RuleContext; category: CategoryId } | undefined;
  for (const c of knownCategories(rp, categories)) {
    const ctx = new RuleContext(rp, explain);
    const value = forCategory(rp, c, cost, ctx);
    if (!best || value.greaterThan(best.value)) best = { value, ctx, category: c };
  }
  return best!;
}

function forCategory(rp: ResolvedPolicy, c: CategoryId, cost: Dec, ctx: RuleContext): Dec {
  const rule = rp.policy.ciInsurance!;
  const u = ctx.uses;
  const name = categoryById(c);
  const hit = tierOf(rule.tiers, c);
  let deductible: Dec;
  let brackets: ResolvedBracket[];
  let cap: Dec | undefined;
  if (!hit || hit[1].mode === 'relative') {
    const base = rule.base;
    if (!base?.deductible || !base.brackets) {
      throw termMissing(rp, `${name.zh}适用的大病保险普惠待遇（起付线、支付比例）`, `ordinary critical-illness terms for ${name.en} (deductible, brackets)`);
    }
    deductible = rp.number('ciInsurance.base.deductible', base.deductible, u);
    brackets = rp.brackets('ciInsurance.base.brackets', base.brackets, u);
    cap = base.cap && rp.has(base.cap) ? rp.number('ciInsurance.base.cap', base.cap, u) : undefined;
    ctx.trace.step(`大病保险普惠待遇：起付线 ${deductible.toFixed(2)}`, `ordinary critical-illness terms: deductible ${deductible.toFixed(2)}`, undefined, ['ciInsurance.base.deductible', 'ciInsurance.base.brackets']);
    if (hit) {
      const [id, tier] = hit;
      const tp = `ciInsurance.tiers.${id}`;
      const factor = rp.number(`${tp}.deductibleFactor`, tier.deductibleFactor, u);
      const delta = rp.number(`${tp}.ratioDelta`, tier.ratioDelta, u);
      deductible = deductible.times(factor);
      brackets = brackets.map((b) => ({ threshold: b.threshold, rate: b.rate.plus(delta).greaterThan(ONE) ? ONE : b.rate.plus(delta) }));
      if (tier.removeCap) cap = undefined;
      ctx.trace.step(
        `${name.zh}倾斜：起付线 × ${factor.toString()} = ${deductible.toFixed(2)}，支付比例 + ${delta.times(100).toString()} 个百分点${tier.removeCap ? '，取消最高支付限额' : ''}`,
        `${name.en} tilt: deductible × ${factor.toString()} = ${deductible.toFixed(2)}, ratio + ${delta.times(100).toString()} points${tier.removeCap ? ', no cap' : ''}`,
        undefined,
        [`${tp}.deductibleFactor`, `${tp}.ratioDelta`],
      );
    }
  } else {
    const [id, tier] = hit;
    const tp = `ciInsurance.tiers.${id}`;
    deductible = rp.number(`${tp}.deductible`, tier.deductible, u);
    brackets = rp.brackets(`${tp}.brackets`, tier.brackets, u);
    cap = !tier.removeCap && tier.cap ? rp.number(`${tp}.cap`, tier.cap, u) : undefined;
  }
  let value = scaleAmount(cost, deductible, brackets);
  ctx.trace.step(
    `合规费用 ${cost.toFixed(2)}，起付线 ${deductible.toFixed(2)} 以上分段按比例补偿`,
    `compliant cost ${cost.toFixed(2)}: brackets above the ${deductible.toFixed(2)} deductible`,
    value,
    hit && hit[1].mode === 'absolute' ? [`ciInsurance.tiers.${hit[0]}.deductible`, `ciInsurance.tiers.${hit[0]}.brackets`] : [],
  );
  if (cap && value.greaterThan(cap)) {
    ctx.trace.step(`最高支付限额 ${cap.toFixed(2)}`, `annual cap ${cap.toFixed(2)}`, cap);
    value = cap;
  }
  return round2(value.isNegative() ? ZERO : value);
}
