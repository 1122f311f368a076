/**
 * Monitoring alert (预警监测): a year's policy-range out-of-pocket amount above a share of
 * last year's per-capita disposable income (Xiping: 50%). The published value is used
 * where the text gives one (ruling 5); an income the analyst passes takes precedence.
 */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { Dec } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, termMissing } from './context';

/**
 * categories: the person's statuses when given. The text limits monitoring to some groups
 * (西平 五、(一): 低保边缘家庭成员 and 农村易返贫致贫人口, `monitoring.categories`): a person in none of
 * them is not monitored (FALSE, said in the steps) whatever the amount (issue 15 item 6).
 * Without categories the amount alone is compared, as before.
 */
export function monitorAlert(rp: ResolvedPolicy, outOfPocket: Dec, income: Dec | undefined, explain: boolean, categories?: CategoryId[]): { value: boolean; threshold: Dec; ctx: RuleContext } {
  const rule = rp.policy.monitoring;
  if (!rule) throw termMissing(rp, '因病致贫返贫预警监测标准', 'a monitoring threshold');
  const ctx = new RuleContext(rp, explain);
  if (categories && categories.length > 0 && rule.categories.length > 0 && !categories.some((c) => rule.categories.includes(c))) {
    const names = rule.categories.map((c) => categoryById(c));
    const threshold = rp.number('monitoring.threshold', rule.threshold, ctx.uses);
    ctx.trace.step(
      `预警监测对象为${names.map((n) => n.zh).join('、')}；${categories.map((c) => categoryById(c).zh).join('、')}不在监测范围：不预警`,
      `monitoring covers ${names.map((n) => n.en).join(', ')}; ${categories.map((c) => categoryById(c).en).join(', ')} are not monitored: no alert`,
      undefined,
      ['monitoring.threshold'],
    );
    return { value: false, threshold, ctx };
  }
  let threshold: Dec;
  if (income !== undefined && rule.threshold.shareOfIncome !== undefined) {
    threshold = income.times(rule.threshold.shareOfIncome);
    ctx.trace.step(`预警线 = 所填上年人均可支配收入 ${income.toFixed(2)} × ${rule.threshold.shareOfIncome}`, `threshold = income given ${income.toFixed(2)} × ${rule.threshold.shareOfIncome}`, threshold, []);
    ctx.uses?.set('monitoring.threshold', rp.use('monitoring.threshold', rule.threshold, threshold.toFixed(2), 'from the income argument'));
  } else {
    threshold = rp.number('monitoring.threshold', rule.threshold, ctx.uses);
  }
  const value = outOfPocket.greaterThan(threshold);
  ctx.trace.step(
    `年度政策范围内自付 ${outOfPocket.toFixed(2)} ${value ? '超过' : '未超过'}预警线 ${threshold.toFixed(2)}`,
    `out-of-pocket ${outOfPocket.toFixed(2)} is ${value ? 'above' : 'not above'} the threshold ${threshold.toFixed(2)}`,
    undefined,
    ['monitoring.threshold'],
  );
  return { value, threshold, ctx };
}
