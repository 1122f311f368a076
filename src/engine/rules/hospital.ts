/**
 * What hospitals bear: Weihai's reduction of non-compliant inpatient costs (10%, at most
 * 200 per admission), and the limits on out-of-catalogue costs per admission by hospital
 * level (Xiping 2.5/5/10%, Shanxi 30/20/15%) above which the hospital pays.
 */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { MedaidError, inputText } from '../errors';
import { Dec, ZERO, round2 } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, knownCategories, termMissing, tierOf } from './context';

export function hospitalReduction(rp: ResolvedPolicy, categories: CategoryId[], cost: Dec, explain: boolean): { value: Dec; ctx: RuleContext; category: CategoryId } {
  const rule = rp.policy.hospitalReduction;
  if (!rule) throw termMissing(rp, '医疗机构减免', 'hospital reductions');
  let best: { value: Dec; ctx: RuleContext; category: CategoryId } | undefined;
  for (const c of knownCategories(rp, categories)) {
    const ctx = new RuleContext(rp, explain);
    const hit = tierOf(rule.tiers, c);
    let value = ZERO;
    if (!hit) {
      ctx.trace.step(`${categoryById(c).zh}不享受医疗机构减免：0`, `${categoryById(c).en}: no hospital reduction`, ZERO);
    } else {
      const [id, tier] = hit;
      const tp = `hospitalReduction.tiers.${id}`;
      const ratio = rp.number(`${tp}.ratio`, tier.ratio, ctx.uses);
      const most = rp.number(`${tp}.perAdmissionMax`, tier.perAdmissionMax, ctx.uses);
      value = cost.times(ratio);
      ctx.trace.step(`合规费用之外的住院费用 ${cost.toFixed(2)} × ${ratio.toString()}`, `non-compliant inpatient cost ${cost.toFixed(2)} × ${ratio.toString()}`, value, [`${tp}.ratio`]);
      if (value.greaterThan(most)) {
        ctx.trace.step(`每次减免上限 ${most.toFixed(2)}`, `at most ${most.toFixed(2)} per admission`, most, [`${tp}.perAdmissionMax`]);
        value = most;
      }
      value = round2(value);
    }
    if (!best || value.greaterThan(best.value)) best = { value, ctx, category: c };
  }
  return best!;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function outOfCatalogueLimit(rp: ResolvedPolicy, totalCost: Dec, level: string, explain: boolean): { value: Dec; ctx: RuleContext } {
  const rule = rp.policy.outOfCatalogue;
  if (!rule) throw termMissing(rp, '目录外费用控制比例', 'out-of-catalogue cost limits');
  const entry = Object.entries(rule.levels).find(([id, l]) => [id, l.names.zh, l.names.en, ...l.aliases].some((n) => norm(n) === norm(inputText(level ?? ''))));
  if (!entry) {
    throw new MedaidError('UNKNOWN_HOSPITAL_LEVEL', { ...rp.regionDetail, value: inputText(level ?? ''), known: Object.values(rule.levels).map((l) => l.names.zh).join('、') });
  }
  const [id, l] = entry;
  const ctx = new RuleContext(rp, explain);
  const share = rp.number(`outOfCatalogue.levels.${id}.share`, l.share, ctx.uses);
  const value = round2(totalCost.times(share));
  ctx.trace.step(
    `${l.names.zh}：目录外费用不得超过总费用 ${totalCost.toFixed(2)} 的 ${share.times(100).toString()}%，超出部分由医疗机构承担`,
    `${l.names.en}: out-of-catalogue cost at most ${share.times(100).toString()}% of the total ${totalCost.toFixed(2)}; the hospital bears any excess`,
    value,
    [`outOfCatalogue.levels.${id}.share`],
  );
  return { value, ctx };
}
