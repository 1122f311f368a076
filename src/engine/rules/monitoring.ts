/**
 * Monitoring alert (预警监测): a year's policy-range out-of-pocket amount above a share of
 * last year's per-capita disposable income (Xiping: 50%). The published value is used
 * where the text gives one (ruling 5); an income the analyst passes takes precedence.
 */
import { Dec } from '../money';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, termMissing } from './context';

export function monitorAlert(rp: ResolvedPolicy, outOfPocket: Dec, income: Dec | undefined, explain: boolean): { value: boolean; threshold: Dec; ctx: RuleContext } {
  const rule = rp.policy.monitoring;
  if (!rule) throw termMissing(rp, '因病致贫返贫预警监测标准', 'a monitoring threshold');
  const ctx = new RuleContext(rp, explain);
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
