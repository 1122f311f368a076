/**
 * Basic insurance for outpatient visits where a document states its terms — 信阳 三、关于门诊统筹问题:
 * 普通门诊统筹年度累计报销额度为 300 元; “两病”门诊用药 高血压 120 元、糖尿病 170 元、合并两病的
 * 200 元; 报销比例为 60%. Each pool pays its ratio of the visit's in-catalogue cost, rounded
 * half-up to 0.01 (ruling 1), up to what its annual cumulative limit has left for the person
 * (the text gives no deductible). Pools of one group share one limit; a person whose year has
 * visits of every pool another pool `covers` (高血压 and 糖尿病) is under that pool (合并两病, 200).
 */
import { MedaidError, inputText } from '../errors';
import { Dec, ZERO, round2 } from '../money';
import type { OutpatientPool } from '../policy/types';
import type { ResolvedPolicy } from '../policy/resolved';
import { RuleContext, termMissing } from './context';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The pool a visit's class names (普通门诊 / 高血压 / 糖尿病 / 合并两病, or the pool id). */
export function poolOf(rp: ResolvedPolicy, text: string): [string, OutpatientPool] {
  const rule = rp.policy.outpatientPooling;
  if (!rule) throw termMissing(rp, '门诊统筹报销规定', 'outpatient pooling terms');
  const want = norm(inputText(text ?? ''));
  const hit = Object.entries(rule.pools).find(([id, p]) => [id, p.names.zh, p.names.en, ...p.aliases].some((n) => norm(n) === want));
  if (!hit) {
    throw new MedaidError('UNKNOWN_OUTPATIENT_POOL', {
      ...rp.regionDetail, value: inputText(text ?? ''),
      known: Object.values(rule.pools).map((p) => p.names.zh).join('、'),
      knownEn: Object.values(rule.pools).map((p) => `${p.names.en} (${p.aliases[0] ?? p.names.zh})`).join(', '),
    });
  }
  return hit;
}

/**
 * The pool whose limit applies to a visit of `poolId` for a person whose year has visits of
 * `yearPools`: a pool of the same group that covers all of them (合并两病), else the visit's own.
 */
export function effectivePool(rp: ResolvedPolicy, poolId: string, yearPools: ReadonlySet<string>): string {
  const pools = rp.policy.outpatientPooling?.pools ?? {};
  const own = pools[poolId];
  if (!own) return poolId;
  for (const [id, p] of Object.entries(pools)) {
    if (p.group === own.group && p.covers?.includes(poolId) && p.covers.every((c) => yearPools.has(c))) return id;
  }
  return poolId;
}

/**
 * What the pool pays for one visit: min(round2(cost × ratio), limit − paid so far this year
 * from the pool's group), never below 0. `limitPool` is the pool whose limit applies (see
 * effectivePool); the ratio is the visit's own pool's.
 */
export function outpatientPooling(rp: ResolvedPolicy, poolId: string, cost: Dec, paidSoFar: Dec, explain: boolean, limitPool = poolId): { value: Dec; ctx: RuleContext; pool: string } {
  const rule = rp.policy.outpatientPooling;
  if (!rule) throw termMissing(rp, '门诊统筹报销规定', 'outpatient pooling terms');
  const p = rule.pools[poolId];
  const lp = rule.pools[limitPool] ?? p;
  const ctx = new RuleContext(rp, explain);
  const ratio = rp.number(`outpatientPooling.pools.${poolId}.ratio`, p.ratio, ctx.uses);
  const limit = rp.number(`outpatientPooling.pools.${limitPool}.annualLimit`, lp.annualLimit, ctx.uses);
  const byRatio = round2(cost.times(ratio));
  ctx.trace.step(`${p.names.zh}：目录内费用 ${cost.toFixed(2)} × ${ratio.times(100).toString()}% = ${byRatio.toFixed(2)}`,
    `${p.names.en}: in-catalogue cost ${cost.toFixed(2)} × ${ratio.times(100).toString()}% = ${byRatio.toFixed(2)}`, byRatio, [`outpatientPooling.pools.${poolId}.ratio`]);
  const left = limit.minus(paidSoFar).greaterThan(0) ? limit.minus(paidSoFar) : ZERO;
  let value = byRatio;
  if (byRatio.greaterThan(left)) {
    value = left;
    ctx.trace.step(`${lp.names.zh}年度累计报销额度 ${limit.toFixed(2)}，本年已报销 ${paidSoFar.toFixed(2)}，本次最多 ${left.toFixed(2)}`,
      `${lp.names.en} annual limit ${limit.toFixed(2)}, already paid this year ${paidSoFar.toFixed(2)}: at most ${left.toFixed(2)} now`, left, [`outpatientPooling.pools.${limitPool}.annualLimit`]);
  }
  return { value, ctx, pool: poolId };
}
