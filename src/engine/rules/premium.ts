/**
 * Premium subsidies (资助参保): full, a share of the individual premium, a fixed amount,
 * or the first-tier premium (Weihai) — never above the premium paid (ruling 10). With
 * several statuses the largest subsidy counts, once (ruling 9).
 */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { MedaidError } from '../errors';
import { Dec, ZERO, round2 } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, knownCategories, termMissing, tierOf } from './context';

/** 参保档次: the contribution tier a person chose (blank = the first tier). */
export type InsuranceTier = 'first' | 'second';

const TIER_NAMES: Record<string, InsuranceTier> = {
  一档: 'first', 第一档: 'first', 一: 'first', '1': 'first', '1档': 'first', first: 'first',
  二档: 'second', 第二档: 'second', 二: 'second', '2': 'second', '2档': 'second', second: 'second',
};

/** 一档 / 二档 (and 1, 2, first, second) → the tier; blank → undefined (read as the first tier). */
export function parseInsuranceTier(x: unknown): InsuranceTier | undefined {
  if (x === undefined || x === null) return undefined;
  const s = String(x).trim().toLowerCase();
  if (s === '') return undefined;
  const hit = TIER_NAMES[s];
  if (!hit) throw new MedaidError('BAD_INSURANCE_TIER', { value: String(x) });
  return hit;
}

export function premiumSubsidy(rp: ResolvedPolicy, categories: CategoryId[], premiumArg: Dec | undefined, explain: boolean, tierText?: unknown): { value: Dec; ctx: RuleContext; category: CategoryId } {
  const rule = rp.policy.premium;
  if (!rule) throw termMissing(rp, '资助参保', 'premium subsidies');
  let best: { value: Dec; ctx: RuleContext; category: CategoryId } | undefined;
  for (const c of knownCategories(rp, categories)) {
    const ctx = new RuleContext(rp, explain);
    const value = forCategory(rp, c, premiumArg, ctx, tierText);
    if (!best || value.greaterThan(best.value)) best = { value, ctx, category: c };
  }
  if (categories.length > 1) best!.ctx.trace.step(`多重身份就高不就低：按${categoryById(best!.category).zh}资助`, `several statuses: the largest subsidy (${categoryById(best!.category).en}) counts once`, best!.value);
  return best!;
}

function forCategory(rp: ResolvedPolicy, c: CategoryId, premiumArg: Dec | undefined, ctx: RuleContext, tierText: unknown): Dec {
  const rule = rp.policy.premium!;
  const t = ctx.trace;
  const name = categoryById(c);
  const hit = tierOf(rule.tiers, c);
  if (!hit) {
    t.step(`${name.zh}不在资助参保范围：资助 0`, `${name.en} get no premium subsidy under this policy: 0`, ZERO);
    return ZERO;
  }
  const [id, tier] = hit;
  const tp = `premium.tiers.${id}`;
  const premium = (): Dec | undefined => {
    if (premiumArg !== undefined) return premiumArg;
    if (rule.individualPremium && rp.has(rule.individualPremium)) return rp.number('premium.individualPremium', rule.individualPremium, ctx.uses);
    return undefined;
  };
  const requirePremium = (): Dec => {
    const p = premium();
    if (p === undefined) throw new MedaidError('PREMIUM_REQUIRED', { ...rp.regionDetail, year: rp.year });
    return p;
  };
  let value: Dec;
  switch (tier.kind) {
    case 'full': {
      value = requirePremium();
      t.step(`${name.zh}个人缴费全额资助`, `${name.en}: the individual premium in full`, value, premiumArg === undefined ? ['premium.individualPremium'] : []);
      break;
    }
    case 'share': {
      const p = requirePremium();
      const share = rp.number(`${tp}.share`, tier.share, ctx.uses);
      value = p.times(share);
      t.step(`个人缴费 ${p.toFixed(2)} × 资助比例 ${share.toString()}`, `premium ${p.toFixed(2)} × share ${share.toString()}`, value, [`${tp}.share`]);
      break;
    }
    case 'fixed': {
      value = rp.number(`${tp}.amount`, tier.amount, ctx.uses);
      t.step(`${name.zh}定额资助`, `${name.en}: fixed subsidy`, value, [`${tp}.amount`]);
      break;
    }
    case 'firstTier': {
      // The tier column matters only where the subsidy is the first-tier premium (Weihai).
      const insuranceTier = parseInsuranceTier(tierText);
      if (tier.amount && rp.has(tier.amount)) {
        value = rp.number(`${tp}.amount`, tier.amount, ctx.uses);
        t.step(
          insuranceTier === 'second' ? '选择二档缴费：按一档缴费标准资助，差额个人自行补足' : '按一档缴费标准资助',
          insuranceTier === 'second' ? 'second tier chosen: the first-tier premium is paid, the person pays the difference' : 'the first-tier premium is paid',
          value,
          [`${tp}.amount`],
        );
      } else if (insuranceTier === 'second') {
        // 威医保发〔2019〕25号 二、(一): "按一档缴费标准给予资助……选择二档缴费，应……自行补足" — the
        // premium given is the second-tier one, so it cannot stand for the first tier (issue 15 item 2).
        throw new MedaidError('FIRST_TIER_REQUIRED', { ...rp.regionDetail, year: rp.year, path: `${tp}.amount` });
      } else if (premiumArg !== undefined) {
        value = premiumArg;
        t.step('按一档缴费标准资助（以所填个人缴费额为一档标准）', 'the first-tier premium is paid (the premium given is taken as the first tier)', value, []);
      } else {
        throw new MedaidError('PREMIUM_REQUIRED', { ...rp.regionDetail, year: rp.year });
      }
      break;
    }
  }
  const p = premium();
  if (p !== undefined && value.greaterThan(p)) {
    t.step(`资助不超过个人缴费 ${p.toFixed(2)}（裁定 10）`, `never above the premium ${p.toFixed(2)} (ruling 10)`, p);
    value = p;
  }
  return round2(value);
}
