/**
 * A marginal scale on a year's cumulative amount: nothing below the deductible, then each
 * bracket's rate on the part of the amount inside it. A flat ratio is the one-bracket case.
 * Assistance for one visit is scale(after) − scale(before), so a year's visits share the
 * deductible and the brackets however they are split (seeds README, ruling 3).
 */
import type { ResolvedBracket } from '../policy/resolved';
import { Dec, ZERO } from '../money';

export function scaleAmount(cumulative: Dec, deductible: Dec, brackets: readonly ResolvedBracket[]): Dec {
  let total = ZERO;
  for (let i = 0; i < brackets.length; i++) {
    const lo = Dec_max(brackets[i].threshold, deductible);
    const hi = i + 1 < brackets.length ? brackets[i + 1].threshold : undefined;
    if (cumulative.lessThanOrEqualTo(lo)) continue;
    const top = hi !== undefined && cumulative.greaterThan(hi) ? hi : cumulative;
    if (top.greaterThan(lo)) total = total.plus(top.minus(lo).times(brackets[i].rate));
  }
  return total;
}

function Dec_max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
