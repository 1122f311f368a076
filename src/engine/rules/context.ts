/** What every rule gets: the edition for the year, and where to record its trace. */
import type { CategoryId } from '../categories';
import { categoryById } from '../categories';
import { MedaidError } from '../errors';
import type { Explanation, ParamUse } from '../explain';
import { Trace } from '../explain';
import type { ResolvedPolicy } from '../policy/resolved';

export class RuleContext {
  readonly uses: Map<string, ParamUse> | undefined;
  readonly trace: Trace;

  constructor(readonly rp: ResolvedPolicy, explain: boolean) {
    this.trace = new Trace(explain);
    this.uses = explain ? new Map() : undefined;
  }

  explanation(category?: CategoryId): Explanation {
    const p = this.rp.policy;
    return {
      region: { id: p.region.id, zh: p.region.names.zh, en: p.region.names.en },
      policyId: p.id,
      year: this.rp.year,
      category,
      steps: this.trace.steps,
      params: [...(this.uses?.values() ?? [])],
    };
  }
}

/**
 * The statuses of a person this policy knows. A status the policy does not name is
 * skipped when another is known (就高不就低 compares the known ones); with none known it
 * is an error naming the status and the region.
 */
export function knownCategories(rp: ResolvedPolicy, categories: CategoryId[]): CategoryId[] {
  const known = categories.filter((c) => rp.policy.categories.includes(c));
  if (known.length === 0) {
    throw new MedaidError('CATEGORY_NOT_IN_POLICY', { ...rp.regionDetail, value: categories.map((c) => categoryById(c).zh).join('、') });
  }
  return known;
}

export function tierOf<T extends { categories: CategoryId[] }>(tiers: Record<string, T> | undefined, c: CategoryId): [string, T] | undefined {
  if (!tiers) return undefined;
  for (const [id, t] of Object.entries(tiers)) if (t.categories.includes(c)) return [id, t];
  return undefined;
}

export function termMissing(rp: ResolvedPolicy, zh: string, en: string): MedaidError {
  return new MedaidError('TERM_NOT_DEFINED', { ...rp.regionDetail, edition: rp.policy.id, term: zh, termEn: en });
}
