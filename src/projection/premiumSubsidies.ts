/**
 * Premium subsidies for a whole roster. engine.premiumSubsidy builds a full explanation on
 * every call, and a roster of 41,000 people holds only a few dozen different (statuses,
 * premium) pairs, so the answer — or the error — is computed once per pair and shared. The
 * subsidy depends on nothing else about the person (src/engine/rules/premium.ts), so every
 * person gets exactly what their own call would have returned or thrown.
 *
 * Only the Engine's own method is cached. An engine that overrides premiumSubsidy is called
 * once per person, as before: the task pane's ProgressEngine counts those calls as its
 * progress bar (src/taskpane/worker/progressEngine.ts).
 */
import { CATEGORIES, type CategoryId } from '../engine/categories';
import { Engine } from '../engine/engine';
import { isMedaidError } from '../engine/errors';
import type { Result } from '../engine/explain';
import { D, type Dec } from '../engine/money';

/** The subsidy of one person's statuses and premium; throws the engine's MedaidError as engine.premiumSubsidy does. */
export type PremiumSubsidyOf = (categories: readonly CategoryId[], premium: Dec | undefined, tier?: string) => Result;

type Cached = { ok: true; result: Result } | { ok: false; error: unknown };

const STATUS_IDS: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.id));

/**
 * Statuses in the person's order (the engine reads them in that order), and the premium by
 * value ("380" and "380.00" are one amount) and by kind (a Dec, or whatever else a caller
 * passed, which the engine parses its own way): two keys are equal only for identical calls.
 */
function keyOf(categories: readonly CategoryId[], premium: Dec | undefined, tier: string | undefined): string {
  return `${tier === undefined ? '' : JSON.stringify(tier)}#${keyOfPremium(categories, premium)}`;
}

function keyOfPremium(categories: readonly CategoryId[], premium: Dec | undefined): string {
  const p: unknown = premium;
  // The usual case, cheaply: status ids ([a-z_]+, so ',' cannot occur in one) and a Dec or nothing.
  if ((p === undefined || D.isDecimal(p)) && categories.every((c) => STATUS_IDS.has(c))) return `${categories.join(',')}|${p === undefined ? 'u' : String(p)}`;
  const kind = p === undefined ? 'u' : p === null ? 'n' : D.isDecimal(p) ? 'd' : typeof p;
  return JSON.stringify([categories, kind, p === undefined || p === null ? '' : String(p)]);
}

export function premiumSubsidies(engine: Engine, region: string, year: number): PremiumSubsidyOf {
  if (engine.premiumSubsidy !== Engine.prototype.premiumSubsidy) {
    return (categories, premium, tier) => engine.premiumSubsidy({ categories: categories as CategoryId[], region, year, premium, tier });
  }
  const cache = new Map<string, Cached>();
  return (categories, premium, tier) => {
    const key = keyOf(categories, premium, tier);
    let hit = cache.get(key);
    if (!hit) {
      try {
        hit = { ok: true, result: engine.premiumSubsidy({ categories: [...categories], region, year, premium, tier }) };
      } catch (error) {
        if (!isMedaidError(error)) throw error; // a bug, not a roster problem: let it surface, never cache it
        hit = { ok: false, error };
      }
      cache.set(key, hit);
    }
    if (!hit.ok) throw hit.error;
    return hit.result;
  };
}
